"""KioskBoard: the view model behind the day grid and the header — days, hours, the clock and the now-line.

QML binds to its properties and forwards taps to its slots; every decision (which day, what a slot is, what a
tap opens) is made here, from the store's frozen objects and the Clock.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.clock import Clock
from kiosk.domain.labels import clock
from kiosk.domain.model import SlotState
from kiosk.domain.rules import build_day_grid, current_slot_index, ended_slot_count, nearest_day_index
from kiosk.store.errors import StoreError
from kiosk.store.service import BoardService
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.clockstate import KioskClock
from kiosk.ui.datelabels import day_label
from kiosk.ui.messages import person_message
from kiosk.ui.router import KioskRouter, Page
from kiosk.ui.slotmodel import KioskSlotModel

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


@QmlElement
@QmlUncreatable("KioskBoard is created by the application and handed to Main.qml.")
class KioskBoard(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    dayIndexChanged = Signal()
    hoursChanged = Signal()
    clockTextChanged = Signal()
    nowChanged = Signal()
    nowFractionChanged = Signal()
    focusRowChanged = Signal()
    clockNoteChanged = Signal()
    # Back on today's board: the grid scrolls to `focusRow` (the hour under way).
    focusRequested = Signal()
    # A tap on the grid: a booked slot opens its session, a free one the host's form.
    cardTapped = Signal(str)  # card id
    freeSlotTapped = Signal(str, str)  # room key, ISO start (UTC)

    def __init__(
        self,
        service: BoardService,
        clock: Clock,
        feed: KioskChangeFeed,
        router: KioskRouter,
        *,
        kiosk_clock: KioskClock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Derived properties change with the state they come from: each has its own notify signal, fired with it.
        self.dayIndexChanged.connect(self.hoursChanged)
        self.nowChanged.connect(self.nowFractionChanged)
        self.nowChanged.connect(self.focusRowChanged)
        self._service = service
        self._event = service.event
        self._clock = clock
        self._feed = feed
        self._router = router
        self._kiosk_clock = kiosk_clock
        self._model = KioskSlotModel(self._event, self)
        self._day_index = nearest_day_index(self._event, clock.now())
        self._clock_text = ""
        self._now_row = -1
        self._now_fraction = 0.0
        self._slot_key: tuple[date, int, int] | None = None
        self._days = [day_label(d) for d in self._event.days]
        self._rooms = [{"key": r.key, "name": r.name, "note": r.note} for r in self._event.rooms]
        feed.boardChanged.connect(self.reload)
        feed.ticked.connect(self._tick)
        router.homeRequested.connect(self._go_home)
        if kiosk_clock is not None:
            kiosk_clock.noteChanged.connect(self.clockNoteChanged)
            kiosk_clock.jumped.connect(self._go_home)
        self.reload()
        self._update_clock()

    # --- properties ------------------------------------------------------------------------------

    @Property(str, constant=True)
    def eventName(self) -> str:
        return self._event.name

    @Property(str, constant=True)
    def hashtag(self) -> str:
        return self._event.hashtag

    @Property(int, constant=True)
    def slotMinutes(self) -> int:
        """The grid's slot length: rows of short slots are drawn lower, so more of the day is in view."""
        return self._event.slot_minutes

    @Property("QVariantList", constant=True)  # type: ignore[arg-type]
    def days(self) -> list[dict[str, str]]:
        return self._days

    @Property("QVariantList", constant=True)  # type: ignore[arg-type]
    def rooms(self) -> list[dict[str, str]]:
        return self._rooms

    @Property("QVariantList", notify=hoursChanged)  # type: ignore[arg-type]
    def hours(self) -> list[str]:
        day = self._event.days[self._day_index]
        return [clock(self._event.local(s)) for s in self._event.slot_starts(day)]

    @Property(KioskSlotModel, constant=True)
    def slots(self) -> KioskSlotModel:
        return self._model

    @Property(int, notify=dayIndexChanged)
    def dayIndex(self) -> int:
        return self._day_index

    @Property(str, notify=clockTextChanged)
    def clockText(self) -> str:
        return self._clock_text

    @Property(str, notify=clockNoteChanged)
    def clockNote(self) -> str:
        """Said under the clock when it is not the real time (the demo's clock, a rehearsal); else empty."""
        return self._kiosk_clock.property("note") if self._kiosk_clock is not None else ""

    @Property(int, notify=nowChanged)
    def nowRow(self) -> int:
        """The row under way on the shown day, or -1 when the shown day is not today or the hour is off-grid."""
        return self._now_row

    @Property(float, notify=nowFractionChanged)
    def nowFraction(self) -> float:
        return self._now_fraction

    @Property(int, notify=focusRowChanged)
    def focusRow(self) -> int:
        """Where to scroll: the current hour on today's board, the first hour on other days."""
        day = self._event.days[self._day_index]
        if day != self._event.local(self._clock.now()).date():
            return 0
        return current_slot_index(self._event, day, self._clock.now())

    # --- intents from QML ------------------------------------------------------------------------

    @Slot(int)
    def selectDay(self, index: int) -> None:
        self._router.showPage(Page.Board)
        if not (0 <= index < len(self._event.days)) or index == self._day_index:
            return
        self._day_index = index
        self.dayIndexChanged.emit()
        self.reload()

    @Slot()
    def showWishList(self) -> None:
        self._router.showPage(Page.WishList)

    @Slot(int, int)
    def tapSlot(self, row: int, column: int) -> None:
        """A booked slot opens its session; a free one the form; blocked and past slots do nothing."""
        cell = self._model.cell(row, column)
        if cell is None:
            return
        if cell.state is SlotState.BOOKED and cell.card is not None:
            self.cardTapped.emit(str(cell.card.id))
        elif cell.state is SlotState.FREE:
            self.freeSlotTapped.emit(cell.room_key, cell.starts_at.isoformat())

    @Slot()
    def reload(self) -> None:
        try:
            day = self._event.days[self._day_index]
            grid = build_day_grid(self._event, day, self._service.cards(day), self._service.blocks(), self._clock.now())
        except StoreError as error:
            # Keep showing the last good board; say what is wrong instead of going blank.
            self._feed.report(person_message(error))
            return
        self._slot_key = self._current_slot_key()
        self._model.set_grid(grid)
        self._update_now_line()

    # --- internals -------------------------------------------------------------------------------

    @Slot()
    def _tick(self) -> None:
        self._update_clock()
        # Hours dim and the highlighted hour moves on time, even with no change to the data.
        if self._slot_key != self._current_slot_key():
            self.reload()

    @Slot()
    def _go_home(self) -> None:
        """Back to today's board at the current hour (after idle time, or on request)."""
        self.selectDay(nearest_day_index(self._event, self._clock.now()))
        self._update_now_line()
        self.focusRequested.emit()

    def _current_slot_key(self) -> tuple[date, int, int]:
        """Changes when the hour under way changes and when one ends, also the day's last one."""
        now = self._clock.now()
        day = self._event.local(now).date()
        return day, current_slot_index(self._event, day, now), ended_slot_count(self._event, day, now)

    def _update_clock(self) -> None:
        text = clock(self._event.local(self._clock.now()))
        if text != self._clock_text:
            self._clock_text = text
            self.clockTextChanged.emit()
        self._update_now_line()

    def _update_now_line(self) -> None:
        now = self._clock.now()
        day = self._event.days[self._day_index]
        row, fraction = -1, 0.0
        if self._event.local(now).date() == day:
            for i, start in enumerate(self._event.slot_starts(day)):
                if start <= now < start + self._event.slot_length:
                    row = i
                    fraction = (now - start) / self._event.slot_length
                    break
        if row != self._now_row or abs(fraction - self._now_fraction) > 1e-4:
            self._now_row, self._now_fraction = row, fraction
            self.nowChanged.emit()
