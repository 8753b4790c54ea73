"""KioskStaffImport: planned sessions from a file on a USB stick — every row previewed with its problems named,
then all of them on the board or none."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.share.importfile import ImportFileError, read_import_file
from kiosk.store.errors import StoreError
from kiosk.store.importer import ImportPlan, ImportRefused
from kiosk.store.service import BoardService
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.messages import person_message
from kiosk.ui.places import import_files
from kiosk.ui.rowsmodel import KioskRowsModel
from kiosk.ui.translation import fill, translate

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


def plan_summary(plan: ImportPlan) -> str:
    """`12 rows: 10 ready, 2 with problems` in the kiosk's language (`importer.summary` is the command line's)."""
    total, bad = len(plan.rows), len(plan.with_problems)
    if plan.unit == "entry":
        counted = translate("KioskStaffImport", "%n entry(s)", "", total)
    else:
        counted = translate("KioskStaffImport", "%n row(s)", "", total)
    if bad:
        return fill(translate("KioskStaffImport", "%1: %2 ready, %3 with problems"), counted, total - bad, bad)
    return fill(translate("KioskStaffImport", "%1: %2 ready"), counted, total - bad)


@dataclass(frozen=True, slots=True)
class PreviewRow:
    line: int
    summary: str
    problems: str
    ok: bool


@QmlElement
@QmlUncreatable("KioskStaffImport is created by the application.")
class KioskStaffImport(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    filesChanged = Signal()
    planChanged = Signal()
    summaryChanged = Signal()
    canImportChanged = Signal()
    noticeChanged = Signal()

    def __init__(
        self,
        service: BoardService,
        feed: KioskChangeFeed,
        *,
        files: Callable[[Path], list[Path]] = import_files,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Derived properties change with the state they come from: each has its own notify signal, fired with it.
        self.planChanged.connect(self.summaryChanged)
        self.planChanged.connect(self.canImportChanged)
        self._service = service
        self._feed = feed
        self._find_files = files
        self._files: list[Path] = []
        # The file the preview shows, read again when an import is refused because the board moved on.
        self._previewed: Path | None = None
        self._rows = KioskRowsModel(PreviewRow, self)
        self._plan: ImportPlan | None = None
        self._summary = ""
        self._notice = ""

    @Property("QStringList", notify=filesChanged)  # type: ignore[arg-type]
    def files(self) -> list[str]:
        return [str(path) for path in self._files]

    @Property(KioskRowsModel, constant=True)
    def preview(self) -> KioskRowsModel:
        return self._rows

    @Property(str, notify=summaryChanged)
    def summary(self) -> str:
        return self._summary

    @Property(bool, notify=canImportChanged)
    def canImport(self) -> bool:
        return self._plan is not None and self._plan.ok and bool(self._plan.rows)

    @Property(str, notify=noticeChanged)
    def notice(self) -> str:
        return self._notice

    @Slot()
    def findFiles(self) -> None:
        self._files = self._find_files(self._service.data_dir)
        self.filesChanged.emit()

    @Slot(int)
    def previewFile(self, index: int) -> None:
        """Read a file and check every row against the board; nothing is written."""
        if not 0 <= index < len(self._files):
            return
        self._set_notice("")
        self._previewed = self._files[index]
        try:
            plan = self._service.plan_import(read_import_file(self._previewed))
        except ImportFileError as error:
            self._set_plan(None, "")
            self._set_notice(person_message(error.message))
            return
        except StoreError as error:
            self._set_plan(None, "")
            self._set_notice(person_message(error))
            return
        self._set_plan(plan, plan_summary(plan))

    @Slot()
    def importNow(self) -> None:
        if self._plan is None:
            return
        try:
            added = self._service.import_sessions(self._plan)
        except ImportRefused as error:
            if error.changed and self._previewed is not None:
                # The board moved on since the preview: show the file as it checks now, so the rows in the way
                # are named and "Import" waits for them to be sorted out.
                self.previewFile(self._files.index(self._previewed) if self._previewed in self._files else -1)
            self._set_notice(
                refusal_text(error)
                if error.failed
                else fill(translate("KioskStaffImport", "Nothing was imported: %1"), person_message(error))
            )
            return
        except StoreError as error:
            self._set_notice(fill(translate("KioskStaffImport", "Nothing was imported: %1"), person_message(error)))
            return
        self._feed.poke()
        self._set_plan(None, "")
        self._set_notice(translate("KioskStaffImport", "Imported %n session(s).", "", added))

    def _set_plan(self, plan: ImportPlan | None, text: str) -> None:
        self._plan, self._summary = plan, text
        rows = plan.rows if plan is not None else ()
        self._rows.set_rows(
            [
                PreviewRow(
                    line=row.line,
                    summary=" · ".join(part for part in (row.day, row.start, row.room, row.topic, row.host) if part),
                    problems="; ".join(person_message(problem) for problem in row.problems),
                    ok=row.ok,
                )
                for row in rows
            ]
        )
        self.planChanged.emit()

    def _set_notice(self, text: str) -> None:
        if text != self._notice:
            self._notice = text
            self.noticeChanged.emit()


def refusal_text(error: ImportRefused) -> str:
    """Why an import was refused as a whole, in the kiosk's language: the verdict, then the first three rows."""
    if error.changed:
        verdict = translate("KioskStaffImport", "The board changed since the preview; nothing was imported.")
    else:
        verdict = translate("KioskStaffImport", "Nothing was imported: fix the file and import it again.")
    count = fill(
        translate("KioskStaffImport", "%1 of %n row(s) cannot go on the board.", "", error.total), len(error.failed)
    )
    rows = [
        fill(
            translate("KioskStaffImport", "Row %1: %2"),
            line,
            " ".join(person_message(problem) for problem in problems),
        )
        for line, problems in error.failed[:3]
    ]
    more = len(error.failed) - 3
    if more > 0:
        rows.append(fill(translate("KioskStaffImport", "(and %1 more)"), more))
    return " ".join([verdict, count, *rows])
