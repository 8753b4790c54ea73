"""KioskStaffIdeas: tidying the wish list — hide an idea, fold a duplicate into another (their +1s add up)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.store.errors import StoreError
from kiosk.store.service import BoardService
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.messages import person_message
from kiosk.ui.rowsmodel import KioskRowsModel
from kiosk.ui.translation import fill, translate

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


@dataclass(frozen=True, slots=True)
class StaffIdeaRow:
    idea_id: str
    topic: str
    note: str
    votes: int


@QmlElement
@QmlUncreatable("KioskStaffIdeas is created by the application.")
class KioskStaffIdeas(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    noticeChanged = Signal()
    mergingChanged = Signal()
    mergingTopicChanged = Signal()

    def __init__(self, service: BoardService, feed: KioskChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Derived properties change with the state they come from: each has its own notify signal, fired with it.
        self.mergingChanged.connect(self.mergingTopicChanged)
        self._service = service
        self._rows = KioskRowsModel(StaffIdeaRow, self)
        self._notice = ""
        self._merging: StaffIdeaRow | None = None
        feed.boardChanged.connect(self.refresh)
        self.refresh()

    @Property(KioskRowsModel, constant=True)
    def rows(self) -> KioskRowsModel:
        return self._rows

    @Property(str, notify=noticeChanged)
    def notice(self) -> str:
        return self._notice

    @Property(str, notify=mergingChanged)
    def mergingId(self) -> str:
        """The duplicate picked to be folded into the next idea tapped; empty when not merging."""
        return self._merging.idea_id if self._merging else ""

    @Property(str, notify=mergingTopicChanged)
    def mergingTopic(self) -> str:
        return self._merging.topic if self._merging else ""

    @Slot()
    def refresh(self) -> None:
        try:
            ideas = self._service.ideas()
        except StoreError as error:
            self._set_notice(person_message(error))
            return
        self._rows.set_rows([StaffIdeaRow(str(i.id), i.topic, i.note, i.votes) for i in ideas])

    @Slot(str)
    def hide(self, idea_id: str) -> None:
        try:
            self._service.hide_idea(uuid.UUID(idea_id))
        except (StoreError, ValueError) as error:
            self._set_notice(person_message(error))
            return
        self._set_notice(translate("KioskStaffIdeas", "Hidden from the wish list."))
        self.refresh()

    @Slot(str)
    def startMerge(self, duplicate_id: str) -> None:
        """Pick the duplicate; `mergeInto` on the idea that stays folds it in."""
        self._merging = next((row for row in self._rows.rows if row.idea_id == duplicate_id), None)
        self.mergingChanged.emit()

    @Slot()
    def stopMerge(self) -> None:
        self._merging = None
        self.mergingChanged.emit()

    @Slot(str)
    def mergeInto(self, keep_id: str) -> None:
        if self._merging is None:
            return
        duplicate = self._merging
        try:
            kept = self._service.merge_ideas(uuid.UUID(keep_id), uuid.UUID(duplicate.idea_id))
        except (StoreError, ValueError) as error:
            self._set_notice(person_message(error))
            return
        self.stopMerge()
        self._set_notice(
            fill(
                translate("KioskStaffIdeas", "“%1” is folded into “%2”: %3 +1s now."),
                duplicate.topic,
                kept.topic,
                kept.votes,
            )
        )
        self.refresh()

    def _set_notice(self, text: str) -> None:
        if text != self._notice:
            self._notice = text
            self.noticeChanged.emit()
