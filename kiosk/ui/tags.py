"""KioskTagModel: tags as QML shows them — a chip with a label and a colour, picked or not."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.model import Tag

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

_Index = QModelIndex | QPersistentModelIndex


class TagRole(enum.IntEnum):
    Key = Qt.ItemDataRole.UserRole + 1
    Label = enum.auto()
    Colour = enum.auto()
    Selected = enum.auto()


_ROLE_NAMES = {TagRole.Key: b"key", TagRole.Label: b"label", TagRole.Colour: b"colour", TagRole.Selected: b"selected"}


@dataclass(frozen=True, slots=True)
class TagChip:
    tag: Tag
    selected: bool = False


@QmlElement
@QmlUncreatable("Tag lists belong to the view models that show them.")
class KioskTagModel(QAbstractListModel):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._chips: list[TagChip] = []

    @property
    def chips(self) -> tuple[TagChip, ...]:
        return tuple(self._chips)

    def set_chips(self, chips: list[TagChip]) -> None:
        """Same tags in the same order only change in place, so a chip being tapped keeps its delegate."""
        if [c.tag for c in chips] != [c.tag for c in self._chips]:
            self.beginResetModel()
            self._chips = list(chips)
            self.endResetModel()
            return
        for row, (old, new) in enumerate(zip(self._chips, chips, strict=True)):
            if old != new:
                self._chips[row] = new
                self.dataChanged.emit(self.index(row), self.index(row), [int(TagRole.Selected)])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._chips)

    def roleNames(self) -> dict[int, QByteArray]:
        return {int(role): QByteArray(name) for role, name in _ROLE_NAMES.items()}

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._chips)):
            return None
        chip = self._chips[index.row()]
        match role:
            case TagRole.Label | Qt.ItemDataRole.DisplayRole:
                return chip.tag.label
            case TagRole.Key:
                return chip.tag.key
            case TagRole.Colour:
                return chip.tag.colour
            case TagRole.Selected:
                return chip.selected
        return None
