"""KioskRowsModel: a list model over frozen dataclass rows, one role per field (camelCase), for the staff lists.

The staff panel shows many short lists (cards, blocks, ideas, backups, audit entries, import rows); one model
whose roles come from the row type keeps each of them a dataclass instead of a hand-written model.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtQml import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

_Index = QModelIndex | QPersistentModelIndex


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


@QmlElement
@QmlUncreatable("Row lists belong to the view models that show them.")
class KioskRowsModel(QAbstractListModel):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    def __init__(self, row_type: type[Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = [field.name for field in dataclasses.fields(row_type)]
        self._roles = {int(Qt.ItemDataRole.UserRole) + 1 + i: name for i, name in enumerate(self._names)}
        self._rows: list[Any] = []

    @property
    def rows(self) -> tuple[Any, ...]:
        return tuple(self._rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace the list; the same rows again change nothing, so a list being read does not jump."""
        if list(rows) == self._rows:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        return {role: QByteArray(_camel(name).encode()) for role, name in self._roles.items()}

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        name = self._roles.get(role, self._names[0] if role == Qt.ItemDataRole.DisplayRole else None)
        return getattr(self._rows[index.row()], name) if name is not None else None
