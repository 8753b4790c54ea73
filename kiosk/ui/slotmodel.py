"""The day's room-by-hour grid as a Qt table model: hours are rows, rooms are columns."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QByteArray, QEnum, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.model import Cell, DayGrid, Event, SlotState

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

_Index = QModelIndex | QPersistentModelIndex


class SlotKind(enum.IntEnum):
    """What a slot is, for QML to decide how it looks (`kiosk.domain.model.SlotState`)."""

    Free = 0
    Booked = 1
    Blocked = 2
    Past = 3


_KIND = {
    SlotState.FREE: SlotKind.Free,
    SlotState.BOOKED: SlotKind.Booked,
    SlotState.BLOCKED: SlotKind.Blocked,
    SlotState.PAST: SlotKind.Past,
}


class SlotRole(enum.IntEnum):
    State = Qt.ItemDataRole.UserRole + 1
    Kind = enum.auto()
    Topic = enum.auto()
    Host = enum.auto()
    Handle = enum.auto()
    TagColor = enum.auto()
    TagLabel = enum.auto()
    Reason = enum.auto()
    IsNow = enum.auto()
    IsOver = enum.auto()
    RoomKey = enum.auto()
    Hhmm = enum.auto()
    TimeLabel = enum.auto()
    CardId = enum.auto()


_ROLE_NAMES = {
    # The automation contract's name for the state, as text: "free", "booked", "blocked" or "past".
    SlotRole.State: b"slotState",
    SlotRole.Kind: b"kind",
    SlotRole.Topic: b"topic",
    SlotRole.Host: b"host",
    SlotRole.Handle: b"handle",
    SlotRole.TagColor: b"tagColor",
    SlotRole.TagLabel: b"tagLabel",
    SlotRole.Reason: b"reason",
    SlotRole.IsNow: b"isNow",
    SlotRole.IsOver: b"isOver",
    SlotRole.RoomKey: b"roomKey",
    SlotRole.Hhmm: b"hhmm",
    SlotRole.TimeLabel: b"timeLabel",
    SlotRole.CardId: b"cardId",
}


@QmlElement
@QmlUncreatable("The slot model belongs to KioskBoard.")
class KioskSlotModel(QAbstractTableModel):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    QEnum(SlotKind)

    def __init__(self, event: Event, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._event = event
        self._grid: DayGrid | None = None

    def set_grid(self, grid: DayGrid) -> None:
        """Swap in a new grid; same shape keeps the delegates and only signals changed cells."""
        old = self._grid
        if old is None or len(old.slot_starts) != len(grid.slot_starts) or old.rooms != grid.rooms:
            self.beginResetModel()
            self._grid = grid
            self.endResetModel()
            return
        self._grid = grid
        for row, (old_row, new_row) in enumerate(zip(old.cells, grid.cells, strict=True)):
            changed = [col for col, (a, b) in enumerate(zip(old_row, new_row, strict=True)) if a != b]
            if changed:
                self.dataChanged.emit(self.index(row, min(changed)), self.index(row, max(changed)))

    def cell(self, row: int, column: int) -> Cell | None:
        if self._grid is None or not (0 <= row < len(self._grid.cells)):
            return None
        cells = self._grid.cells[row]
        return cells[column] if 0 <= column < len(cells) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self._grid is None else len(self._grid.slot_starts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self._grid is None else len(self._grid.rooms)

    def roleNames(self) -> dict[int, QByteArray]:
        return {int(role): QByteArray(name) for role, name in _ROLE_NAMES.items()}

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        if cell is None:
            return None
        return self._value(cell, role)

    def _value(self, cell: Cell, role: int) -> Any:
        card = cell.card
        local_start = self._event.local(cell.starts_at)
        match role:
            case SlotRole.State | Qt.ItemDataRole.DisplayRole:
                return cell.state.value
            case SlotRole.Kind:
                return int(_KIND[cell.state])
            case SlotRole.Topic:
                return card.topic if card else ""
            case SlotRole.Host:
                return card.host_name if card else ""
            case SlotRole.Handle:
                return card.handle if card else ""
            case SlotRole.TagColor:
                tag = self._first_tag(cell)
                return tag.colour if tag else ""
            case SlotRole.TagLabel:
                tag = self._first_tag(cell)
                return tag.label if tag else ""
            case SlotRole.Reason:
                return cell.block.reason if cell.block else ""
            case SlotRole.IsNow:
                return cell.is_now
            case SlotRole.IsOver:
                return cell.is_over
            case SlotRole.RoomKey:
                return cell.room_key
            case SlotRole.Hhmm:
                return local_start.strftime("%H%M")
            case SlotRole.TimeLabel:
                return local_start.strftime("%H:%M")
            case SlotRole.CardId:
                return str(card.id) if card else ""
        return None

    def _first_tag(self, cell: Cell) -> Any:
        if cell.card is None:
            return None
        return next((t for key in cell.card.tags if (t := self._event.tag(key)) is not None), None)
