"""KioskCardDetail: the session a person tapped, with typed properties for its sheet and its three QR codes.

It follows the board while the sheet is up: an edit made elsewhere shows at once, and a session cancelled
elsewhere closes the sheet rather than leaving a card that is no longer on the wall.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.model import Card, Event
from kiosk.store.codes import CODE_DIGITS
from kiosk.store.errors import CardNotFound, StoreError
from kiosk.store.service import BoardService
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.datelabels import when_label
from kiosk.ui.messages import person_message
from kiosk.ui.qrimage import qr_source
from kiosk.ui.router import KioskRouter, Overlay
from kiosk.ui.tags import KioskTagModel, TagChip
from kiosk.ui.viewstate import emit_changes, notify_signals

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


def qr_payloads(event: Event, card: Card) -> tuple[str, str, str]:
    """What the session's three codes encode: its page, a calendar event, a ready-made post."""
    # Imported here: icalendar costs start-up time and is only needed once someone opens a session.
    from kiosk.share.calendar import card_vevent_payload
    from kiosk.share.links import session_url, share_url

    return session_url(event, card), card_vevent_payload(event, card), share_url(event, card)


@dataclass(frozen=True, slots=True)
class DetailView:
    """What the sheet shows of its session; each field is a property with its own notify signal."""

    card_id: str = ""
    topic: str = ""
    host: str = ""
    handle: str = ""
    description: str = ""
    room_name: str = ""
    room_note: str = ""
    when: str = ""
    session_payload: str = ""
    session_qr_source: str = ""
    calendar_payload: str = ""
    calendar_qr_source: str = ""
    share_payload: str = ""
    share_qr_source: str = ""


def detail_view(event: Event, card: Card | None) -> DetailView:
    """The sheet for `card`, or an empty one; the QR codes are drawn once per change of the card."""
    if card is None:
        return DetailView()
    session, calendar, share = qr_payloads(event, card)
    room = event.room(card.room_key)
    return DetailView(
        card_id=str(card.id),
        topic=card.topic,
        host=card.host_name,
        handle=card.handle,
        description=card.description,
        room_name=room.name,
        room_note=room.note,
        when=when_label(event, card.starts_at, card.ends_at),
        session_payload=session,
        session_qr_source=qr_source(session),
        calendar_payload=calendar,
        calendar_qr_source=qr_source(calendar),
        share_payload=share,
        share_qr_source=qr_source(share),
    )


_SIGNALS = notify_signals(DetailView)


@QmlElement
@QmlUncreatable("KioskCardDetail is created by the application.")
class KioskCardDetail(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    cardIdChanged = Signal()
    topicChanged = Signal()
    hostChanged = Signal()
    handleChanged = Signal()
    descriptionChanged = Signal()
    roomNameChanged = Signal()
    roomNoteChanged = Signal()
    whenChanged = Signal()
    sessionPayloadChanged = Signal()
    sessionQrSourceChanged = Signal()
    calendarPayloadChanged = Signal()
    calendarQrSourceChanged = Signal()
    sharePayloadChanged = Signal()
    shareQrSourceChanged = Signal()
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
        self._view = detail_view(self._event, None)
        self._code_message = ""
        self._tags = KioskTagModel(self)
        feed.boardChanged.connect(self._follow_board)
        router.homeRequested.connect(self.close)

    # --- properties ------------------------------------------------------------------------------

    @Property(str, notify=cardIdChanged)
    def cardId(self) -> str:
        return self._view.card_id

    @Property(str, notify=topicChanged)
    def topic(self) -> str:
        return self._view.topic

    @Property(str, notify=hostChanged)
    def host(self) -> str:
        return self._view.host

    @Property(str, notify=handleChanged)
    def handle(self) -> str:
        return self._view.handle

    @Property(str, notify=descriptionChanged)
    def description(self) -> str:
        return self._view.description

    @Property(str, notify=roomNameChanged)
    def roomName(self) -> str:
        return self._view.room_name

    @Property(str, notify=roomNoteChanged)
    def roomNote(self) -> str:
        return self._view.room_note

    @Property(str, notify=whenChanged)
    def when(self) -> str:
        return self._view.when

    @Property(KioskTagModel, constant=True)
    def tags(self) -> KioskTagModel:
        return self._tags

    @Property(str, notify=sessionPayloadChanged)
    def sessionPayload(self) -> str:
        return self._view.session_payload

    @Property(str, notify=sessionQrSourceChanged)
    def sessionQrSource(self) -> str:
        return self._view.session_qr_source

    @Property(str, notify=calendarPayloadChanged)
    def calendarPayload(self) -> str:
        return self._view.calendar_payload

    @Property(str, notify=calendarQrSourceChanged)
    def calendarQrSource(self) -> str:
        return self._view.calendar_qr_source

    @Property(str, notify=sharePayloadChanged)
    def sharePayload(self) -> str:
        return self._view.share_payload

    @Property(str, notify=shareQrSourceChanged)
    def shareQrSource(self) -> str:
        return self._view.share_qr_source

    @Property(int, constant=True)
    def codeLength(self) -> int:
        """How many digits an edit code has: the keypad takes that many."""
        return CODE_DIGITS

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
        old, self._view = self._view, detail_view(self._event, card)
        tags = [t for key in card.tags if (t := self._event.tag(key)) is not None] if card else []
        self._tags.set_chips([TagChip(tag) for tag in tags])
        emit_changes(self, old, self._view, _SIGNALS)

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
