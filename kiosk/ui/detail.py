"""KioskCardDetail: the session a person tapped, with typed properties for its sheet and its three QR codes.

It follows the board while the sheet is up: an edit made elsewhere shows at once, and a session cancelled
elsewhere closes the sheet rather than leaving a card that is no longer on the wall.
"""

from __future__ import annotations

import logging
import uuid

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.model import Card, Event
from kiosk.store.errors import CardNotFound, StoreError
from kiosk.store.service import BoardService
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.datelabels import when_label
from kiosk.ui.messages import person_message
from kiosk.ui.qrimage import qr_source
from kiosk.ui.router import KioskRouter, Overlay
from kiosk.ui.tags import KioskTagModel, TagChip

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


def qr_payloads(event: Event, card: Card) -> tuple[str, str, str]:
    """What the session's three codes encode: its page, a calendar event, a ready-made post."""
    # Imported here: icalendar costs start-up time and is only needed once someone opens a session.
    from kiosk.share.calendar import card_vevent_payload
    from kiosk.share.links import session_url, share_url

    return session_url(event, card), card_vevent_payload(event, card), share_url(event, card)


@QmlElement
@QmlUncreatable("KioskCardDetail is created by the application.")
class KioskCardDetail(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    cardChanged = Signal()
    codeMessageChanged = Signal()
    # The right edit code was typed: the host's form opens on the card (wired by the application).
    hostVerified = Signal(str, str)  # card id, code

    def __init__(
        self, service: BoardService, feed: KioskChangeFeed, router: KioskRouter, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._event = service.event
        self._router = router
        self._card: Card | None = None
        self._payloads = ("", "", "")
        self._code_message = ""
        self._tags = KioskTagModel(self)
        feed.boardChanged.connect(self._follow_board)
        router.homeRequested.connect(self.close)

    # --- properties ------------------------------------------------------------------------------

    @Property(str, notify=cardChanged)
    def cardId(self) -> str:
        return str(self._card.id) if self._card else ""

    @Property(str, notify=cardChanged)
    def topic(self) -> str:
        return self._card.topic if self._card else ""

    @Property(str, notify=cardChanged)
    def host(self) -> str:
        return self._card.host_name if self._card else ""

    @Property(str, notify=cardChanged)
    def handle(self) -> str:
        return self._card.handle if self._card else ""

    @Property(str, notify=cardChanged)
    def description(self) -> str:
        return self._card.description if self._card else ""

    @Property(str, notify=cardChanged)
    def roomName(self) -> str:
        return self._event.room(self._card.room_key).name if self._card else ""

    @Property(str, notify=cardChanged)
    def roomNote(self) -> str:
        return self._event.room(self._card.room_key).note if self._card else ""

    @Property(str, notify=cardChanged)
    def when(self) -> str:
        return when_label(self._event, self._card.starts_at, self._card.ends_at) if self._card else ""

    @Property(KioskTagModel, constant=True)
    def tags(self) -> KioskTagModel:
        return self._tags

    @Property(str, notify=cardChanged)
    def sessionPayload(self) -> str:
        return self._payloads[0]

    @Property(str, notify=cardChanged)
    def sessionQrSource(self) -> str:
        return qr_source(self._payloads[0]) if self._card else ""

    @Property(str, notify=cardChanged)
    def calendarPayload(self) -> str:
        return self._payloads[1]

    @Property(str, notify=cardChanged)
    def calendarQrSource(self) -> str:
        return qr_source(self._payloads[1]) if self._card else ""

    @Property(str, notify=cardChanged)
    def sharePayload(self) -> str:
        return self._payloads[2]

    @Property(str, notify=cardChanged)
    def shareQrSource(self) -> str:
        return qr_source(self._payloads[2]) if self._card else ""

    @Property(str, notify=codeMessageChanged)
    def codeMessage(self) -> str:
        """Why the last code was refused (and how many tries are left), for the keypad."""
        return self._code_message

    @property
    def card(self) -> Card | None:
        return self._card

    # --- intents ---------------------------------------------------------------------------------

    @Slot(str)
    def show(self, card_id: str) -> None:
        """Open the sheet on a session; one no longer on the board opens nothing."""
        try:
            card = self._service.card(uuid.UUID(card_id))
        except (ValueError, StoreError) as error:
            log.info("no detail for %r: %s", card_id, error)
            return
        self._set_card(card)
        self._set_code_message("")
        self._router.open(Overlay.Detail)

    @Slot()
    def close(self) -> None:
        self._router.close(Overlay.Detail)

    @Slot(str)
    def enterCode(self, code: str) -> None:
        """The keypad's OK: the right code hands the card to the host's form; a wrong one says what is left."""
        if self._card is None:
            return
        try:
            self._service.check_edit_code(self._card.id, code)
        except StoreError as error:
            # A wrong code (with the tries left), a pause after too many, or the card gone meanwhile.
            self._set_code_message(person_message(error))
            return
        self._set_code_message("")
        self.hostVerified.emit(str(self._card.id), code)

    # --- internals -------------------------------------------------------------------------------

    def _set_code_message(self, text: str) -> None:
        if text != self._code_message:
            self._code_message = text
            self.codeMessageChanged.emit()

    def _set_card(self, card: Card | None) -> None:
        if card == self._card:
            return
        self._card = card
        self._payloads = qr_payloads(self._event, card) if card else ("", "", "")
        tags = [t for key in card.tags if (t := self._event.tag(key)) is not None] if card else []
        self._tags.set_chips([TagChip(tag) for tag in tags])
        self.cardChanged.emit()

    @Slot()
    def _follow_board(self) -> None:
        if self._card is None or self._router.current_overlay is not Overlay.Detail:
            return
        try:
            self._set_card(self._service.card(self._card.id))
        except CardNotFound:
            self.close()
        except StoreError:
            # Keep showing what was read last; the footer says what is wrong.
            return
