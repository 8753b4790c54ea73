"""KioskStaffBackups: back up now, see the backups (date, size, sessions), restore one — the board on screen
switches to it without a restart, through the change feed like any change."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.store.errors import StoreError
from kiosk.store.service import BoardService
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.datelabels import short_when
from kiosk.ui.messages import message_part, person_message
from kiosk.ui.rowsmodel import KioskRowsModel
from kiosk.ui.translation import fill, translate

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


@dataclass(frozen=True, slots=True)
class BackupRow:
    path: str
    made: str
    size: str
    sessions: str
    usable: bool


@QmlElement
@QmlUncreatable("KioskStaffBackups is created by the application.")
class KioskStaffBackups(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    noticeChanged = Signal()

    def __init__(self, service: BoardService, feed: KioskChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._feed = feed
        self._rows = KioskRowsModel(BackupRow, self)
        self._notice = ""

    @Property(KioskRowsModel, constant=True)
    def rows(self) -> KioskRowsModel:
        """The backups, newest first."""
        return self._rows

    @Property(str, notify=noticeChanged)
    def notice(self) -> str:
        return self._notice

    @Slot()
    def refresh(self) -> None:
        event = self._service.event
        self._rows.set_rows(
            [
                BackupRow(
                    path=str(info.path),
                    made=short_when(event, info.made_at),
                    size=fill(translate("KioskStaffBackups", "%1 KiB", "a backup's size"), f"{info.size / 1024:.0f}"),
                    sessions=message_part(info.problem)
                    if info.problem
                    else translate("KioskStaffBackups", "%n session(s)", "", info.sessions or 0),
                    usable=info.problem is None,
                )
                for info in self._service.backups()
            ]
        )

    @Slot()
    def backUpNow(self) -> None:
        try:
            path = self._service.backup()
        except (StoreError, OSError) as error:
            self._set_notice(fill(translate("KioskStaffBackups", "No backup was made: %1"), person_message(error)))
            return
        self._set_notice(fill(translate("KioskStaffBackups", "Backed up to %1."), path.name))
        self.refresh()

    @Slot(str)
    def restore(self, path: str) -> None:
        try:
            result = self._service.restore(Path(path))
        except (StoreError, OSError) as error:
            self._set_notice(fill(translate("KioskStaffBackups", "Nothing was restored: %1"), person_message(error)))
            return
        self._feed.poke()
        self._set_notice(
            fill(
                translate(
                    "KioskStaffBackups",
                    "Restored %n session(s) from %1; the board as it was before is kept in %2.",
                    "",
                    result.sessions,
                ),
                result.backup.name,
                result.safety_backup.name,
            )
        )
        self.refresh()

    def _set_notice(self, text: str) -> None:
        if text != self._notice:
            self._notice = text
            self.noticeChanged.emit()
