"""KioskCardForm: the host's add-card and edit-card form, from the tapped slot to the edit code.

Everything typed lives only in this object's memory until the host confirms: nothing half-typed is written
anywhere, and an idle form is wiped. What it shows is `KioskCardFormView`'s (kiosk.ui.cardformview); what it
does — open, take keystrokes, save, lose a slot, count down — is here.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.share.links import session_url
from kiosk.store.errors import StoreError
from kiosk.store.service import BoardService
from kiosk.ui.cardformview import KioskCardFormView
from kiosk.ui.cardsave import SaveOutcome, alternatives_near, save_card, taken_or_blocked
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.countdown import IdleCountdown
from kiosk.ui.formview import TEXT_FIELDS, CardFormState, FormMode, FormStage, editing_state
from kiosk.ui.messages import person_message
from kiosk.ui.router import KioskRouter, Overlay
from kiosk.ui.translation import translate

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


@QmlElement
@QmlUncreatable("KioskCardForm is created by the application.")
class KioskCardForm(KioskCardFormView):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    # The slot was lost while the host typed: the form scrolls up to say so.
    slotLost = Signal()
    # Saved or cancelled: nothing more to type, so the keyboard can go.
    finished = Signal()
    closed = Signal()
    # A staff edit ended (saved or not): back to the staff panel (wired by the application).
    staffEditClosed = Signal()

    def __init__(
        self,
        service: BoardService,
        feed: KioskChangeFeed,
        router: KioskRouter,
        *,
        idle_seconds: int,
        warning_seconds: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(service.event, parent)
        self._service = service
        self._feed = feed
        self._router = router
        # The wish-list idea being placed ("Host this"): outlives a form, until it is placed or let go.
        self._idea: tuple[uuid.UUID, str] | None = None

        # An untouched form warns, then clears itself for the next person.
        self._idle = IdleCountdown(idle_seconds, warning_seconds, self)
        self._idle.counting.connect(self._show_countdown)
        self._idle.expired.connect(self._expire)
        # The edit code must not stay on the wall for the next passer-by: the "saved" and "cancelled" screens
        # close themselves after half the form's idle time.
        self._done = QTimer(self, singleShot=True, interval=max(idle_seconds // 2, 5) * 1000)
        self._done.timeout.connect(self.close)
        feed.boardChanged.connect(self._check_slot_still_free)
        router.homeRequested.connect(self._go_home)
        router.overlayChanged.connect(self._follow_router)

    # --- intents: opening ------------------------------------------------------------------------

    @Slot(str, str)
    def startAdd(self, room_key: str, starts_at_iso: str) -> None:
        """A free slot was tapped: a blank form for it (prefilled with the idea being adopted, if any)."""
        self._state = CardFormState(open=True, room_key=room_key, starts_at=datetime.fromisoformat(starts_at_iso))
        if self._idea is not None:
            self._state.values["topic"] = self._idea[1]
        self._open()

    @Slot(str, str)
    def startEdit(self, card_id: str, code: str) -> None:
        """The host proved the card is theirs (`KioskCardDetail.hostVerified`): the form, prefilled."""
        try:
            card = self._service.card(uuid.UUID(card_id))
        except (ValueError, StoreError) as error:
            log.info("cannot edit %r: %s", card_id, error)
            return
        self._state = editing_state(card, code)
        self._open()

    @Slot(str)
    def startStaffEdit(self, card_id: str) -> None:
        """Staff edit any card from the panel: the form, prefilled, saved without an edit code."""
        try:
            card = self._service.card(uuid.UUID(card_id))
        except (ValueError, StoreError) as error:
            log.info("cannot edit %r: %s", card_id, error)
            return
        self._state = editing_state(card, "", staff=True)
        self._open()

    @Slot(str, str)
    def beginHostingIdea(self, idea_id: str, topic: str) -> None:
        """ "Host this" on the wish list: the next free slot tapped opens the form with the idea's topic."""
        self._idea = (uuid.UUID(idea_id), topic)
        self._adopting_topic = topic
        self.ideaTopicChanged.emit()

    @Slot()
    def stopHostingIdea(self) -> None:
        if self._idea is not None:
            self._idea, self._adopting_topic = None, ""
            self.ideaTopicChanged.emit()

    # --- intents: typing -------------------------------------------------------------------------

    @Slot(str, str)
    def setField(self, name: str, value: str) -> None:
        key = TEXT_FIELDS.get(name)
        if key is None or self._state.values[key] == value:
            return
        self._state.values[key] = value
        if self._state.stage is FormStage.Editing:
            self._state.notice = ""
        self._refresh()

    @Slot(str)
    def leaveField(self, name: str) -> None:
        key = TEXT_FIELDS.get(name)
        if key is not None and self._state.values[key] and key not in self._state.left:
            self._state.left.add(key)
            self._refresh()

    @Slot(str)
    def toggleTag(self, key: str) -> None:
        tags = self._state.tags
        if key in tags:
            tags.remove(key)
        elif self._event.tag(key) is not None:
            tags.append(key)
        self._refresh()

    @Slot()
    def activity(self) -> None:
        """Someone touched or typed: keep the form, and call off a running countdown."""
        if self._state.open and self._state.stage in (FormStage.Editing, FormStage.Conflict, FormStage.Rebook):
            self._idle.arm()

    # --- intents: saving -------------------------------------------------------------------------

    @Slot()
    def submit(self) -> None:
        self._state.submitted = True
        if self._state.starts_at is None:
            return
        self._save(self._state.room_key, self._state.starts_at)

    @Slot(int)
    def chooseAlternative(self, index: int) -> None:
        """One tap saves the card, exactly as typed, in another free slot."""
        if not 0 <= index < len(self._state.alternatives):
            return
        if self._state.stage is FormStage.Rebook:
            self._rebook(*self._state.alternatives[index])
        else:
            self._save(*self._state.alternatives[index])

    @Slot(object)
    def bookingsLost(self, card_ids: list[uuid.UUID]) -> None:
        """The hub gave the slot of a card saved here to another kiosk's card, confirmed a moment earlier. If its
        host is still reading the saved screen, say so and offer the nearest free slots: one tap moves it."""
        state = self._state
        if not (state.open and state.stage is FormStage.Saved and state.saved_card in card_ids):
            return
        if state.starts_at is None:
            return
        self._done.stop()
        state.alternatives = alternatives_near(self._service, state.room_key, state.starts_at, state.saved_card)
        state.stage = FormStage.Rebook
        state.notice = translate(
            "KioskCardForm", "Another kiosk booked this slot a moment before you. Your card is safe, but off the board."
        )
        self._refresh()
        self._idle.arm()
        self.slotLost.emit()

    @Slot()
    def cancelSession(self) -> None:
        state = self._state
        if state.mode is not FormMode.Edit or state.card_id is None:
            return
        try:
            self._service.cancel_card(state.card_id, state.code)
        except StoreError as error:
            state.notice = person_message(error)
            self._refresh()
            return
        state.stage, state.code = FormStage.Cancelled, ""
        self._finish()

    @Slot()
    def requestClose(self) -> None:
        """ "Cancel": closes at once if nothing was typed, else asks first."""
        if self._state.has_unsaved_input:
            self._state.confirming_discard = True
            self._refresh()
        else:
            self.close()

    @Slot()
    def keepEditing(self) -> None:
        self._state.confirming_discard = False
        self._refresh()

    @Slot()
    def close(self) -> None:
        """Leave the form; whatever was typed is dropped from memory."""
        was_open, was_staff = self._state.open, self._state.mode is FormMode.StaffEdit
        self._state = CardFormState()
        self._idle.disarm()
        self._done.stop()
        self._refresh()
        self._router.close(Overlay.CardForm)
        if was_open:
            self.closed.emit()
        if was_open and was_staff:
            self.staffEditClosed.emit()

    # --- internals -------------------------------------------------------------------------------

    def _open(self) -> None:
        self._state.mark_opened()
        self._refresh()
        self._router.open(Overlay.CardForm)
        self._idle.arm()

    def _refresh(self) -> None:
        self.refresh()

    def _save(self, room_key: str, starts_at: datetime) -> None:
        state = self._state
        outcome: SaveOutcome = save_card(self._service, state, room_key, starts_at, self._idea)
        if outcome.lost_slot:
            self._lose_slot(room_key, starts_at, outcome.message)
            return
        if outcome.card is None:
            state.notice = outcome.message
            self._refresh()
            return
        state.room_key, state.starts_at = outcome.card.room_key, outcome.card.starts_at
        state.saved_card = outcome.card.id
        state.edit_code = outcome.edit_code
        state.saved_url = session_url(self._event, outcome.card)
        state.stage, state.notice, state.alternatives = FormStage.Saved, "", []
        self.stopHostingIdea()
        self._finish()

    def _rebook(self, room_key: str, starts_at: datetime) -> None:
        state = self._state
        if state.saved_card is None:
            return
        try:
            card = self._service.rebook_card(state.saved_card, state.edit_code, room_key, starts_at)
        except StoreError as error:
            state.notice = person_message(error)
            state.alternatives = alternatives_near(self._service, room_key, starts_at, state.saved_card)
            self._refresh()
            return
        state.room_key, state.starts_at = card.room_key, card.starts_at
        state.saved_url = session_url(self._event, card)
        state.stage, state.notice, state.alternatives = FormStage.Saved, "", []
        self._finish()

    def _finish(self) -> None:
        """Saved or cancelled: the host reads the result, then the screen closes by itself."""
        self._idle.disarm()
        self._done.start()
        self._refresh()
        self._feed.poke()
        self.finished.emit()

    def _lose_slot(self, room_key: str, starts_at: datetime, message: str) -> None:
        state = self._state
        state.alternatives = alternatives_near(self._service, room_key, starts_at, state.card_id)
        state.stage, state.notice = FormStage.Conflict, message
        self._refresh()
        self.slotLost.emit()

    @Slot()
    def _check_slot_still_free(self) -> None:
        """Another kiosk or staff may take or block the slot while the host types: say so before they submit."""
        state = self._state
        if not state.open or state.stage is not FormStage.Editing or state.starts_at is None:
            return
        problem = taken_or_blocked(self._service, state.room_key, state.starts_at, state.card_id)
        if problem:
            self._lose_slot(state.room_key, state.starts_at, problem)

    @Slot()
    def _go_home(self) -> None:
        self.close()
        self.stopHostingIdea()

    @Slot()
    def _follow_router(self) -> None:
        # Another overlay took over (the attract screen, staff): the form goes, and forgets what was typed.
        if self._state.open and self._router.current_overlay is not Overlay.CardForm:
            self.close()

    @Slot(int)
    def _show_countdown(self, seconds_left: int) -> None:
        self._state.countdown = seconds_left
        self._refresh()

    @Slot()
    def _expire(self) -> None:
        log.info("an idle form was cleared")
        self._router.goHome()
