"""KioskStaffBlocks: taking a room away from Open Spaces for a while, and giving it back.

A block cannot be saved while sessions sit in its range: they are listed, each with a move to the nearest free
slot outside the block and a cancel with the block's reason, and the block saves once none is left.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.labels import clock
from kiosk.domain.model import Block, Card
from kiosk.domain.rules import next_free_slots
from kiosk.domain.validation import InvalidCard
from kiosk.store import queries
from kiosk.store.errors import SessionsInTheWay, StoreError
from kiosk.store.service import BoardService
from kiosk.store.staff import STAFF_BLOCK
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.datelabels import day_label, short_day, short_when
from kiosk.ui.messages import person_message
from kiosk.ui.rowsmodel import KioskRowsModel
from kiosk.ui.translation import fill, translate
from kiosk.ui.viewstate import emit_changes, notify_signals

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


@dataclass(frozen=True, slots=True)
class StaffBlockRow:
    block_id: str
    room: str
    when: str
    reason: str
    # Blocks from the config file change with the file, not here.
    from_config: bool


@dataclass(frozen=True, slots=True)
class InTheWayRow:
    card_id: str
    topic: str
    host: str
    when: str


@dataclass(frozen=True, slots=True)
class DraftView:
    """The block being made; each field is a property with its own notify signal."""

    times: tuple[str, ...]
    room_index: int
    day_index: int
    start_index: int
    end_index: int


_DRAFT_SIGNALS = notify_signals(DraftView)


@QmlElement
@QmlUncreatable("KioskStaffBlocks is created by the application.")
class KioskStaffBlocks(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    timesChanged = Signal()
    roomIndexChanged = Signal()
    dayIndexChanged = Signal()
    startIndexChanged = Signal()
    endIndexChanged = Signal()
    noticeChanged = Signal()
    inTheWayCountChanged = Signal()

    def __init__(self, service: BoardService, feed: KioskChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._event = service.event
        self._rows = KioskRowsModel(StaffBlockRow, self)
        self._in_the_way = KioskRowsModel(InTheWayRow, self)
        self._sources: dict[uuid.UUID, str] = {}
        self._room, self._day, self._start, self._end = 0, 0, 0, 1
        self._draft_view = self._work_out_draft()
        self._notice = ""
        feed.boardChanged.connect(self.refresh)
        self.refresh()

    # --- properties ------------------------------------------------------------------------------

    @Property(KioskRowsModel, constant=True)
    def rows(self) -> KioskRowsModel:
        return self._rows

    @Property(KioskRowsModel, constant=True)
    def inTheWay(self) -> KioskRowsModel:
        """Sessions that stop the new block from being saved."""
        return self._in_the_way

    @Property(int, notify=inTheWayCountChanged)
    def inTheWayCount(self) -> int:
        return self._in_the_way.rowCount()

    @Property("QStringList", constant=True)  # type: ignore[arg-type]
    def roomNames(self) -> list[str]:
        return [room.name for room in self._event.rooms]

    @Property("QStringList", constant=True)  # type: ignore[arg-type]
    def dayNames(self) -> list[str]:
        return [day_label(day)["short"] for day in self._event.days]

    @Property("QStringList", notify=timesChanged)  # type: ignore[arg-type]
    def times(self) -> list[str]:
        """The slot boundaries of the chosen day, which a block starts and ends on."""
        return list(self._draft_view.times)

    @Property(int, notify=roomIndexChanged)
    def roomIndex(self) -> int:
        return self._draft_view.room_index

    @Property(int, notify=dayIndexChanged)
    def dayIndex(self) -> int:
        return self._draft_view.day_index

    @Property(int, notify=startIndexChanged)
    def startIndex(self) -> int:
        return self._draft_view.start_index

    @Property(int, notify=endIndexChanged)
    def endIndex(self) -> int:
        return self._draft_view.end_index

    @Property(str, notify=noticeChanged)
    def notice(self) -> str:
        return self._notice

    # --- intents ---------------------------------------------------------------------------------

    @Slot(int, int, int, int)
    def setDraft(self, room: int, day: int, start: int, end: int) -> None:
        """The block being made: room, day, and indexes into `times` for its start and end."""
        self._room = max(0, min(room, len(self._event.rooms) - 1))
        self._day = max(0, min(day, len(self._event.days) - 1))
        last = len(self._boundaries()) - 1
        self._start = max(0, min(start, last - 1))
        self._end = max(self._start + 1, min(end, last))
        self._set_in_the_way([])
        old, self._draft_view = self._draft_view, self._work_out_draft()
        emit_changes(self, old, self._draft_view, _DRAFT_SIGNALS)

    @Slot(str, result=bool)
    def save(self, reason: str) -> bool:
        """Block the chosen room and range; if sessions sit there, list them and save nothing."""
        room, starts_at, ends_at = self._draft()
        try:
            block = self._service.block_room(room, starts_at, ends_at, reason)
        except SessionsInTheWay as blocked:
            self._set_in_the_way([self._way_row(card) for card in blocked.cards])
            self._set_notice(person_message(blocked))
            return False
        except InvalidCard as error:
            self._set_notice(person_message(error.message))
            return False
        except StoreError as error:
            self._set_notice(person_message(error))
            return False
        self._set_in_the_way([])
        self._set_notice(
            fill(translate("KioskStaffBlocks", "Blocked %1, %2."), self._event.room(room).name, self._describe(block))
        )
        self.refresh()
        return True

    @Slot(str)
    def moveAway(self, card_id: str) -> None:
        """Move a session in the way to the nearest free slot outside the new block."""
        room, starts_at, ends_at = self._draft()
        try:
            card = self._service.card(uuid.UUID(card_id))
            others = [c for c in self._service.cards() if c.id != card.id]
            blocks = [*self._service.blocks(), Block(room, starts_at, ends_at, "the new block")]
            choices = next_free_slots(
                self._event, card.room_key, card.starts_at, others, blocks, self._service.clock.now()
            )
            if not choices:
                self._set_notice(
                    fill(
                        translate(
                            "KioskStaffBlocks", "No free slot near “%1”: cancel it instead, or move it from Cards."
                        ),
                        card.topic,
                    )
                )
                return
            target_room, target_start = choices[0]
            self._service.staff_move_card(card.id, target_room, target_start)
        except (StoreError, ValueError) as error:
            self._set_notice(person_message(error))
            return
        where = f"{self._event.room(target_room).name}, {short_when(self._event, target_start)}"
        self._set_notice(fill(translate("KioskStaffBlocks", "Moved “%1” to %2."), card.topic, where))
        self._drop_from_the_way(card_id)

    @Slot(str, str)
    def cancelInTheWay(self, card_id: str, reason: str) -> None:
        try:
            self._service.staff_cancel_card(uuid.UUID(card_id), reason)
        except InvalidCard as error:
            self._set_notice(person_message(error.message))
            return
        except (StoreError, ValueError) as error:
            self._set_notice(person_message(error))
            return
        self._set_notice(translate("KioskStaffBlocks", "Cancelled; staff can restore it from Cards."))
        self._drop_from_the_way(card_id)

    @Slot(str)
    def unblock(self, block_id: str) -> None:
        try:
            self._service.unblock_room(uuid.UUID(block_id))
        except (StoreError, ValueError) as error:
            self._set_notice(person_message(error))
            return
        self._set_notice(translate("KioskStaffBlocks", "The room is open for Open Spaces again."))
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        try:
            sources = queries.block_sources(self._service.ctx)
            blocks = self._service.blocks()
        except StoreError as error:
            self._set_notice(person_message(error))
            return
        self._rows.set_rows(
            [
                StaffBlockRow(
                    block_id=str(b.id),
                    room=self._event.room(b.room_key).name,
                    when=self._describe(b),
                    reason=b.reason,
                    from_config=sources.get(b.id) != STAFF_BLOCK,
                )
                for b in blocks
            ]
        )

    # --- internals -------------------------------------------------------------------------------

    def _work_out_draft(self) -> DraftView:
        times = tuple(clock(self._event.local(moment)) for moment in self._boundaries())
        return DraftView(times, self._room, self._day, self._start, self._end)

    def _boundaries(self) -> list[datetime]:
        day = self._event.days[self._day]
        starts = list(self._event.slot_starts(day))
        return [*starts, starts[-1] + self._event.slot_length] if starts else []

    def _draft(self) -> tuple[str, datetime, datetime]:
        bounds = self._boundaries()
        return self._event.rooms[self._room].key, bounds[self._start], bounds[self._end]

    def _describe(self, block: Block) -> str:
        start, end = self._event.local(block.starts_at), self._event.local(block.ends_at)
        return f"{short_day(start.date())} {clock(start)}–{clock(end)}"

    def _way_row(self, card: Card) -> InTheWayRow:
        return InTheWayRow(str(card.id), card.topic, card.host_name, short_when(self._event, card.starts_at))

    def _drop_from_the_way(self, card_id: str) -> None:
        self._set_in_the_way([row for row in self._in_the_way.rows if row.card_id != card_id])

    def _set_in_the_way(self, rows: list[InTheWayRow]) -> None:
        count = self._in_the_way.rowCount()
        self._in_the_way.set_rows(rows)
        if self._in_the_way.rowCount() != count:
            self.inTheWayCountChanged.emit()

    def _set_notice(self, text: str) -> None:
        if text != self._notice:
            self._notice = text
            self.noticeChanged.emit()
