"""KioskStaffCards: moderating the cards of one day — move, edit, cancel with a reason, restore a cancelled one."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.labels import clock
from kiosk.domain.model import Card
from kiosk.domain.rules import free_slots_on_later_days, nearest_day_index, next_free_slots
from kiosk.domain.validation import InvalidCard
from kiosk.store.errors import StoreError
from kiosk.store.service import BoardService
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.datelabels import day_label, short_when
from kiosk.ui.messages import person_message
from kiosk.ui.rowsmodel import KioskRowsModel
from kiosk.ui.translation import fill, translate

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

MOVE_CHOICES = 8

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class StaffCardRow:
    card_id: str
    topic: str
    host: str
    room: str
    time: str
    cancelled: bool


@QmlElement
@QmlUncreatable("KioskStaffCards is created by the application.")
class KioskStaffCards(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    dayIndexChanged = Signal()
    noticeChanged = Signal()
    selectedChanged = Signal()
    selectedTitleChanged = Signal()
    moveChoicesChanged = Signal()
    # The host's form in staff mode, and the audit log filtered to one card (wired by the application).
    editRequested = Signal(str)
    historyRequested = Signal(str)

    def __init__(self, service: BoardService, feed: KioskChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Derived properties change with the state they come from: each has its own notify signal, fired with it.
        self.selectedChanged.connect(self.selectedTitleChanged)
        self.selectedChanged.connect(self.moveChoicesChanged)
        self._service = service
        self._event = service.event
        self._rows = KioskRowsModel(StaffCardRow, self)
        self._day_index = nearest_day_index(self._event, service.clock.now())
        self._notice = ""
        self._selected: Card | None = None
        self._choices: list[tuple[str, datetime]] = []
        feed.boardChanged.connect(self.refresh)
        self.refresh()

    @Property(KioskRowsModel, constant=True)
    def rows(self) -> KioskRowsModel:
        """The day's live cards in time order, then the day's cancelled ones."""
        return self._rows

    @Property("QVariantList", constant=True)  # type: ignore[arg-type]
    def days(self) -> list[dict[str, str]]:
        return [day_label(d) for d in self._event.days]

    @Property(int, notify=dayIndexChanged)
    def dayIndex(self) -> int:
        return self._day_index

    @Property(str, notify=noticeChanged)
    def notice(self) -> str:
        return self._notice

    @Property(str, notify=selectedChanged)
    def selectedId(self) -> str:
        return str(self._selected.id) if self._selected else ""

    @Property(str, notify=selectedTitleChanged)
    def selectedTitle(self) -> str:
        card = self._selected
        if card is None:
            return ""
        return f"“{card.topic}” · {self._event.room(card.room_key).name} · {short_when(self._event, card.starts_at)}"

    @Property("QStringList", notify=moveChoicesChanged)  # type: ignore[arg-type]
    def moveChoices(self) -> list[str]:
        """The free slots nearest the selected card's, as "Room · Fri 21 Apr · 10:00"; `moveTo(i)` moves it."""
        return [f"{self._event.room(room).name} · {short_when(self._event, start)}" for room, start in self._choices]

    @Slot(int)
    def selectDay(self, index: int) -> None:
        if 0 <= index < len(self._event.days) and index != self._day_index:
            self._day_index = index
            self.dayIndexChanged.emit()
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        day = self._event.days[self._day_index]
        start, end = self._event.local_day_bounds(day)
        try:
            live = self._service.cards(day)
            cancelled = [c for c in self._service.cancelled_cards() if start <= c.starts_at < end]
        except StoreError as error:
            self._set_notice(person_message(error))
            return
        self._rows.set_rows(
            [self._row(c, cancelled=False) for c in live]
            + [self._row(c, cancelled=True) for c in sorted(cancelled, key=lambda c: c.starts_at)]
        )

    @Slot(str)
    def select(self, card_id: str) -> None:
        """Pick a card to act on; the nearest free slots are offered to move it to."""
        card: Card | None
        try:
            card = self._service.card(uuid.UUID(card_id))
        except (ValueError, StoreError):
            card = next((c for c in self._service.cancelled_cards() if str(c.id) == card_id), None)
        self._selected = card
        self._choices = self._free_slots_near(card) if card is not None else []
        self.selectedChanged.emit()

    @Slot(int)
    def moveTo(self, index: int) -> None:
        if self._selected is None or not 0 <= index < len(self._choices):
            return
        room, start = self._choices[index]
        moving = self._selected.id
        done, card = self._try(lambda: self._service.staff_move_card(moving, room, start))
        if done and card is not None:
            self._set_notice(
                fill(
                    translate("KioskStaffCards", "Moved “%1” to %2, %3."),
                    card.topic,
                    self._event.room(room).name,
                    short_when(self._event, start),
                )
            )
            self.select(str(card.id))

    @Slot(str, str, result=bool)
    def cancel(self, card_id: str, reason: str) -> bool:
        """Cancel a card with a reason; False (and the reason's problem in `notice`) if it was not done."""
        done, _ = self._try(lambda: self._service.staff_cancel_card(uuid.UUID(card_id), reason))
        if done:
            self._set_notice(
                translate("KioskStaffCards", "Cancelled. It stays in the list below, and can be restored.")
            )
        return done

    @Slot(str)
    def restore(self, card_id: str) -> None:
        done, card = self._try(lambda: self._service.staff_restore_card(uuid.UUID(card_id)))
        if done and card is not None:
            self._set_notice(fill(translate("KioskStaffCards", "“%1” is back on the board."), card.topic))

    @Slot(str)
    def edit(self, card_id: str) -> None:
        self.editRequested.emit(card_id)

    @Slot(str)
    def history(self, card_id: str) -> None:
        self.historyRequested.emit(card_id)

    # --- internals -------------------------------------------------------------------------------

    def _try(self, action: Callable[[], T]) -> tuple[bool, T | None]:
        """Run a staff action; a refusal (a bad reason, a taken slot) becomes the notice, never an exception."""
        try:
            result = action()
        except InvalidCard as error:
            self._set_notice(person_message(error.message))
            return False, None
        except (StoreError, ValueError) as error:
            self._set_notice(person_message(error))
            return False, None
        # The feed would bring the change within a second; the staff member is looking at this list now.
        self.refresh()
        return True, result

    def _row(self, card: Card, *, cancelled: bool) -> StaffCardRow:
        local = self._event.local(card.starts_at)
        return StaffCardRow(
            card_id=str(card.id),
            topic=card.topic,
            host=card.host_name,
            room=self._event.room(card.room_key).name,
            time=clock(local),
            cancelled=cancelled,
        )

    def _free_slots_near(self, card: Card) -> list[tuple[str, datetime]]:
        try:
            others = [c for c in self._service.cards() if c.id != card.id]
            blocks = self._service.blocks()
        except StoreError:
            return []
        now = self._service.clock.now()
        found = list(next_free_slots(self._event, card.room_key, card.starts_at, others, blocks, now, MOVE_CHOICES))
        if len(found) < MOVE_CHOICES:
            day = self._event.local(card.starts_at).date()
            later = free_slots_on_later_days(self._event, card.room_key, day, others, blocks, MOVE_CHOICES)
            found += list(later)[: MOVE_CHOICES - len(found)]
        return found

    def _set_notice(self, text: str) -> None:
        if text != self._notice:
            self._notice = text
            self.noticeChanged.emit()
