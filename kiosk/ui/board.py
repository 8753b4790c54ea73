"""KioskBoard: the view model behind the day grid, the header clock and the detail sheets.

QML binds to its properties and forwards taps to its slots; every decision (which day, what a slot is,
what a sheet shows) is made here, from the store's frozen objects and the Clock.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.clock import Clock
from kiosk.domain.labels import clock, day_and_month, long_day, short_day, weekday
from kiosk.domain.model import Card, Cell, Event, SlotState
from kiosk.domain.rules import build_day_grid, current_slot_index, ended_slot_count, nearest_day_index
from kiosk.store.errors import StoreError
from kiosk.store.service import BoardService
from kiosk.ui.qrimage import qr_source
from kiosk.ui.slotmodel import KioskSlotModel

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


# How often the board looks for changes made elsewhere (another process, the sync hub).
# The issue asks for "within two seconds"; one second leaves room for a slow query.
POLL_INTERVAL_MS = 1000


def day_label(day: date) -> dict[str, str]:
    return {"weekday": weekday(day), "short": short_day(day), "date": day_and_month(day)}


def when_label(event: Event, starts_at: datetime, ends_at: datetime) -> str:
    start, end = event.local(starts_at), event.local(ends_at)
    return f"{long_day(start.date())} · {clock(start)}–{clock(end)}"


def qr_codes(event: Event, card: Card) -> dict[str, str]:
    """What each of a session's QR codes encodes, and the image URL that draws it."""
    # Imported here: icalendar costs start-up time and is only needed once someone opens a session.
    from kiosk.share.calendar import card_vevent_payload
    from kiosk.share.links import session_url, share_url

    payloads = {
        "session": session_url(event, card),
        "calendar": card_vevent_payload(event, card),
        "share": share_url(event, card),
    }
    codes: dict[str, str] = {}
    for name, payload in payloads.items():
        codes[f"{name}Payload"] = payload
        codes[f"{name}QrSource"] = qr_source(payload)
    return codes


@QmlElement
@QmlUncreatable("KioskBoard is created by the application and handed to Main.qml.")
class KioskBoard(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    dayIndexChanged = Signal()
    pageChanged = Signal()
    clockChanged = Signal()
    nowChanged = Signal()
    messageChanged = Signal()
    homeRequested = Signal()
    boardReloaded = Signal()

    def __init__(self, service: BoardService, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._event = service.event
        self._clock = clock
        self._model = KioskSlotModel(self._event)
        self._day_index = nearest_day_index(self._event, clock.now())
        self._clock_text = ""
        self._now_row = -1
        self._now_fraction = 0.0
        self._message = ""
        self._page = "board"
        self._stamp: int | None = None
        self._slot_key: tuple[date, int, int] | None = None
        self._days = [day_label(d) for d in self._event.days]
        self._rooms = [{"key": r.key, "name": r.name, "note": r.note} for r in self._event.rooms]
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self.tick)
        self.reload()
        self._update_clock()

    # --- lifecycle -------------------------------------------------------------------------------

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def tick(self) -> None:
        """Once a second: move the clock, and pick up changes made by anyone else."""
        self._update_clock()
        try:
            stamp = self._service.change_stamp()
        except StoreError as error:
            self._set_message(str(error))
            return
        if stamp != self._stamp or self._slot_key != self._current_slot_key():
            self.reload()

    def _current_slot_key(self) -> tuple[date, int, int]:
        """Changes when the hour under way changes and when one ends, also the day's last one."""
        now = self._clock.now()
        day = self._event.local(now).date()
        return day, current_slot_index(self._event, day, now), ended_slot_count(self._event, day, now)

    @Slot()
    def reload(self) -> None:
        try:
            self._stamp = self._service.change_stamp()
            day = self._event.days[self._day_index]
            grid = build_day_grid(self._event, day, self._service.cards(day), self._service.blocks(), self._clock.now())
        except StoreError as error:
            # Keep showing the last good board; say what is wrong instead of going blank.
            log.error("could not read the board: %s", error)
            self._set_message(str(error))
            return
        self._slot_key = self._current_slot_key()
        self._model.set_grid(grid)
        self._set_message("")
        self._update_now_line()
        self.boardReloaded.emit()

    # --- properties ------------------------------------------------------------------------------

    @Property(str, constant=True)
    def eventName(self) -> str:
        return self._event.name

    @Property(str, constant=True)
    def hashtag(self) -> str:
        return self._event.hashtag

    @Property("QVariantList", constant=True)  # type: ignore[arg-type]
    def days(self) -> list[dict[str, str]]:
        return self._days

    @Property("QVariantList", constant=True)  # type: ignore[arg-type]
    def rooms(self) -> list[dict[str, str]]:
        return self._rooms

    @Property("QVariantList", notify=dayIndexChanged)  # type: ignore[arg-type]
    def hours(self) -> list[str]:
        day = self._event.days[self._day_index]
        return [self._event.local(s).strftime("%H:%M") for s in self._event.slot_starts(day)]

    @Property(QObject, constant=True)
    def slots(self) -> KioskSlotModel:
        return self._model

    @Property(int, notify=dayIndexChanged)
    def dayIndex(self) -> int:
        return self._day_index

    @Property(str, notify=pageChanged)
    def page(self) -> str:
        """What fills the screen under the header: "board" (the day grid) or "wishlist"."""
        return self._page

    @Property(str, notify=clockChanged)
    def clockText(self) -> str:
        return self._clock_text

    @Property(int, notify=nowChanged)
    def nowRow(self) -> int:
        """The row under way on the shown day, or -1 when the shown day is not today or the hour is off-grid."""
        return self._now_row

    @Property(float, notify=nowChanged)
    def nowFraction(self) -> float:
        return self._now_fraction

    @Property(int, notify=nowChanged)
    def focusRow(self) -> int:
        """Where to scroll: the current hour on today's board, the first hour on other days."""
        day = self._event.days[self._day_index]
        if day != self._event.local(self._clock.now()).date():
            return 0
        return current_slot_index(self._event, day, self._clock.now())

    @Property(str, notify=messageChanged)
    def message(self) -> str:
        return self._message

    # --- intents from QML ------------------------------------------------------------------------

    @Slot()
    def showWishList(self) -> None:
        self._set_page("wishlist")

    @Slot()
    def showBoard(self) -> None:
        self._set_page("board")

    def _set_page(self, page: str) -> None:
        if page != self._page:
            self._page = page
            self.pageChanged.emit()

    @Slot(int)
    def selectDay(self, index: int) -> None:
        self.showBoard()
        if not (0 <= index < len(self._event.days)) or index == self._day_index:
            return
        self._day_index = index
        self.dayIndexChanged.emit()
        self.reload()

    @Slot()
    def goHome(self) -> None:
        """Back to today's board at the current hour (after idle time, or on request)."""
        self.selectDay(nearest_day_index(self._event, self._clock.now()))
        self._update_now_line()
        self.homeRequested.emit()

    @Slot(int, int, result="QVariantMap")
    def describeSlot(self, row: int, column: int) -> dict[str, Any]:
        """Everything a sheet shows about one slot, as plain strings."""
        cell = self._model.cell(row, column)
        if cell is None:
            return {}
        return self._describe(cell)

    @Slot(str, result="QVariantMap")
    def describeCard(self, card_id: str) -> dict[str, Any]:
        try:
            card = self._service.card(uuid.UUID(card_id))
        except (ValueError, StoreError):
            return {}
        return self._describe_card(card)

    def _describe(self, cell: Cell) -> dict[str, Any]:
        room = self._event.room(cell.room_key)
        base = {
            "state": cell.state.value,
            "roomKey": room.key,
            "roomName": room.name,
            "roomNote": room.note,
            "when": when_label(self._event, cell.starts_at, cell.ends_at),
            "hhmm": self._event.local(cell.starts_at).strftime("%H%M"),
            "startsAt": cell.starts_at.isoformat(),
        }
        if cell.card is not None:
            base.update(self._describe_card(cell.card))
        if cell.state is SlotState.BLOCKED and cell.block is not None:
            base["reason"] = cell.block.reason
        return base

    def _describe_card(self, card: Card) -> dict[str, Any]:
        room = self._event.room(card.room_key)
        tags = [t for key in card.tags if (t := self._event.tag(key)) is not None]
        return {
            "state": SlotState.BOOKED.value,
            "cardId": str(card.id),
            "topic": card.topic,
            "host": card.host_name,
            "handle": card.handle,
            "description": card.description,
            "roomKey": room.key,
            "roomName": room.name,
            "roomNote": room.note,
            "when": when_label(self._event, card.starts_at, card.ends_at),
            "tags": [{"label": t.label, "colour": t.colour} for t in tags],
            **qr_codes(self._event, card),
        }

    # --- internals -------------------------------------------------------------------------------

    def _update_clock(self) -> None:
        local = self._event.local(self._clock.now())
        text = local.strftime("%H:%M")
        if text != self._clock_text:
            self._clock_text = text
            self.clockChanged.emit()
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

    def _set_message(self, text: str) -> None:
        if text != self._message:
            self._message = text
            self.messageChanged.emit()
