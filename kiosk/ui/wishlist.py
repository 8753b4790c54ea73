"""KioskWishList: the view model behind the wish list — topics people would like someone else to host.

It lists the store's ideas with their +1 counts and adoption, and turns taps into votes and new ideas.
"""

from __future__ import annotations

import enum
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.labels import clock
from kiosk.domain.model import Event, Idea
from kiosk.store.errors import CardNotFound, IdeaNotFound, StoreError
from kiosk.store.service import BoardService
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.datelabels import short_day
from kiosk.ui.messages import person_message
from kiosk.ui.router import KioskRouter, Page
from kiosk.ui.translation import fill, translate

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

# Long enough to read a sentence from two metres, short enough not to answer the next person's tap.
MESSAGE_MS = 4000

_Index = QModelIndex | QPersistentModelIndex


class IdeaRole(enum.IntEnum):
    IdeaId = Qt.ItemDataRole.UserRole + 1
    Topic = enum.auto()
    Note = enum.auto()
    Votes = enum.auto()
    Adopted = enum.auto()
    AdoptedLabel = enum.auto()
    AdoptedWhere = enum.auto()


_ROLE_NAMES = {
    IdeaRole.IdeaId: b"ideaId",
    IdeaRole.Topic: b"topic",
    IdeaRole.Note: b"note",
    IdeaRole.Votes: b"votes",
    IdeaRole.Adopted: b"adopted",
    IdeaRole.AdoptedLabel: b"adoptedLabel",
    IdeaRole.AdoptedWhere: b"adoptedWhere",
}


@dataclass(frozen=True, slots=True)
class IdeaEntry:
    """One row as the list shows it; `adopted_where` (room and time) is empty while nobody hosts the idea."""

    idea_id: str
    topic: str
    note: str
    votes: int
    adopted_where: str = ""


@QmlElement
@QmlUncreatable("The idea model belongs to KioskWishList.")
class KioskIdeaModel(QAbstractListModel):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[IdeaEntry] = []

    @property
    def rows(self) -> tuple[IdeaEntry, ...]:
        return tuple(self._rows)

    def row_of(self, idea_id: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.idea_id == idea_id), -1)

    def set_rows(self, rows: list[IdeaEntry]) -> None:
        """Bring the list to `rows` with the smallest changes, so delegates and the scroll position survive.

        A +1 can move an idea up the ranking and a new idea appears somewhere in the middle; a reset would
        rebuild every delegate and throw the person back to the top of the list.
        """
        wanted = {row.idea_id for row in rows}
        for i in reversed(range(len(self._rows))):
            if self._rows[i].idea_id not in wanted:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        for i, row in enumerate(rows):
            if i < len(self._rows) and self._rows[i].idea_id == row.idea_id:
                continue
            j = self.row_of(row.idea_id)
            if j > i:
                self.beginMoveRows(QModelIndex(), j, j, QModelIndex(), i)
                self._rows.insert(i, self._rows.pop(j))
                self.endMoveRows()
            else:
                self.beginInsertRows(QModelIndex(), i, i)
                self._rows.insert(i, row)
                self.endInsertRows()
        for i, row in enumerate(rows):
            if self._rows[i] != row:
                self._rows[i] = row
                self.dataChanged.emit(self.index(i), self.index(i))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        return {int(role): QByteArray(name) for role, name in _ROLE_NAMES.items()}

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        match role:
            case IdeaRole.Topic | Qt.ItemDataRole.DisplayRole:
                return row.topic
            case IdeaRole.IdeaId:
                return row.idea_id
            case IdeaRole.Note:
                return row.note
            case IdeaRole.Votes:
                return row.votes
            case IdeaRole.Adopted:
                return row.adopted_where != ""
            case IdeaRole.AdoptedLabel:
                return fill(translate("KioskWishList", "Adopted · %1"), row.adopted_where) if row.adopted_where else ""
            case IdeaRole.AdoptedWhere:
                return row.adopted_where
        return None


@QmlElement
@QmlUncreatable("KioskWishList is created by the application and handed to Main.qml.")
class KioskWishList(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    countChanged = Signal()
    messageChanged = Signal()
    # "Host this": the host's form takes the idea to the next free slot tapped (wired by the application).
    hostRequested = Signal(str, str)  # idea id, topic

    # `parent` is keyword-only so a stray third argument fails loudly instead of becoming the Qt parent.
    def __init__(
        self, service: BoardService, feed: KioskChangeFeed, router: KioskRouter, *, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._event = service.event
        self._feed = feed
        self._router = router
        self._model = KioskIdeaModel(self)
        self._message = ""
        self._message_timer = QTimer(self, singleShot=True, interval=MESSAGE_MS)
        self._message_timer.timeout.connect(self._clear_message)
        # Ideas, votes and adoptions change here and on other kiosks alike.
        feed.boardChanged.connect(self.refresh)
        self.refresh()

    # --- properties ------------------------------------------------------------------------------

    @Property(KioskIdeaModel, constant=True)
    def ideas(self) -> KioskIdeaModel:
        return self._model

    @Property(int, notify=countChanged)
    def count(self) -> int:
        return self._model.rowCount()

    @Property(str, notify=messageChanged)
    def message(self) -> str:
        """A short notice (thanks, or why a +1 was not counted) that clears itself after a few seconds."""
        return self._message

    # --- intents from QML ------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        try:
            rows = [self._entry(idea) for idea in self._service.ideas()]
        except StoreError as error:
            # Keep showing the last good list rather than an empty one.
            self._feed.report(person_message(error))
            return
        before = self._model.rowCount()
        self._model.set_rows(rows)
        if self._model.rowCount() != before:
            self.countChanged.emit()

    @Slot(str)
    def vote(self, idea_id: str) -> None:
        """The "+1, I'd come" button: counted once per idea in a while, and only so many a minute per kiosk."""
        try:
            idea = self._service.vote_idea(uuid.UUID(idea_id))
        except ValueError:
            self._show_message(person_message(IdeaNotFound()))
            return
        except IdeaNotFound as error:
            self.refresh()
            self._show_message(person_message(error))
            return
        except StoreError as error:
            # RateLimited lands here too: its message says how long to wait.
            self._show_message(person_message(error))
            return
        self._show_message(fill(translate("KioskWishList", "Thanks! Your +1 for “%1” is counted."), idea.topic))
        self._feed.poke()

    @Slot(str)
    def hostIdea(self, idea_id: str) -> None:
        """ "Host this": back to the grid, where the next free slot tapped opens the form with the idea."""
        row = self._model.row_of(idea_id)
        if row < 0:
            return
        self.hostRequested.emit(idea_id, self._model.rows[row].topic)
        self._router.showPage(Page.Board)

    @Slot(str)
    def welcome(self, idea_id: str) -> None:
        """A new idea is on the list (`KioskIdeaForm.added`): thank whoever added it."""
        row = self._model.row_of(idea_id)
        if row >= 0:
            self._show_message(
                fill(translate("KioskWishList", "“%1” is on the wish list. Thank you!"), self._model.rows[row].topic)
            )

    @Slot(str, result=int)
    def rowOf(self, idea_id: str) -> int:
        """Where an idea is in the list now (-1 if gone), so the page can scroll to it."""
        return self._model.row_of(idea_id)

    # --- internals -------------------------------------------------------------------------------

    def _entry(self, idea: Idea) -> IdeaEntry:
        return IdeaEntry(
            idea_id=str(idea.id),
            topic=idea.topic,
            note=idea.note,
            votes=idea.votes,
            adopted_where=self._adopted_where(idea),
        )

    def _adopted_where(self, idea: Idea) -> str:
        if idea.adopted_card_id is None:
            return ""
        try:
            card = self._service.card(idea.adopted_card_id)
        except CardNotFound:
            # The session was cancelled or its room left the event: the idea is up for grabs again.
            return ""
        return room_and_time(self._event, card.room_key, card.starts_at)

    def _show_message(self, text: str) -> None:
        self._message_timer.start()
        if text != self._message:
            self._message = text
            self.messageChanged.emit()

    @Slot()
    def _clear_message(self) -> None:
        if self._message:
            self._message = ""
            self.messageChanged.emit()


def room_and_time(event: Event, room_key: str, starts_at: datetime) -> str:
    """Where and when an adopted idea's session is, as in "Room 150D · Sat 22 Apr 14:00"."""
    try:
        room = event.room(room_key).name
    except KeyError:
        room = room_key
    local = event.local(starts_at)
    return f"{room} · {short_day(local.date())} {clock(local)}"
