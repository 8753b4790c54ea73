"""KioskIdeaForm: adding a topic to the wish list, on the same pattern as the host's card form.

What is typed stays in this object until "Add" is tapped, is checked as it is typed with the store's own rules,
and is forgotten when the form closes.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field

from PySide6.QtCore import Property, QEnum, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain import validation
from kiosk.domain.validation import FieldError, InvalidCard, Problem, check_idea
from kiosk.store.errors import DatabaseUnavailable, StoreError
from kiosk.store.service import BoardService
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.messages import person_message
from kiosk.ui.router import KioskRouter, Overlay
from kiosk.ui.translation import fill, translate
from kiosk.ui.viewstate import emit_changes, notify_signals

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

IDEA_FIELDS = ("topic", "note")


class IdeaField(enum.IntEnum):
    """The idea form's fields, as QML compares them (`KioskIdeaForm.Topic`); `NoField` when none is meant."""

    NoField = 0
    Topic = 1
    Note = 2


FIELD_OF_ERROR = {"topic": IdeaField.Topic, "note": IdeaField.Note}


@dataclass
class IdeaFormState:
    open: bool = False
    values: dict[str, str] = field(default_factory=lambda: dict.fromkeys(IDEA_FIELDS, ""))
    left: set[str] = field(default_factory=set)
    submitted: bool = False
    notice: str = ""
    confirming_discard: bool = False

    @property
    def has_unsaved_input(self) -> bool:
        return self.open and any(value.strip() for value in self.values.values())


@dataclass(frozen=True, slots=True)
class IdeaFormView:
    is_open: bool
    topic: str
    note: str
    topic_error: str
    note_error: str
    notice: str
    confirming_discard: bool


def idea_form_view(state: IdeaFormState) -> IdeaFormView:
    _, errors = check_idea(state.values["topic"], state.values["note"])

    def shown(name: str, error: FieldError | None) -> str:
        if error is None:
            return ""
        return (
            person_message(error.message)
            if error.problem is Problem.TOO_LONG or state.submitted or name in state.left
            else ""
        )

    return IdeaFormView(
        is_open=state.open,
        topic=state.values["topic"],
        note=state.values["note"],
        topic_error=shown("topic", errors.get("topic")),
        note_error=shown("note", errors.get("note")),
        notice=state.notice,
        confirming_discard=state.confirming_discard,
    )


_SIGNALS = notify_signals(IdeaFormView)


@QmlElement
@QmlUncreatable("KioskIdeaForm is created by the application.")
class KioskIdeaForm(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    QEnum(IdeaField)

    isOpenChanged = Signal()
    topicChanged = Signal()
    noteChanged = Signal()
    topicErrorChanged = Signal()
    noteErrorChanged = Signal()
    noticeChanged = Signal()
    confirmingDiscardChanged = Signal()
    # A new idea is on the list: the page scrolls to it.
    added = Signal(str)  # idea id
    # "Add" was tapped with a field to fix (an `IdeaField`, the first from the top): the sheet moves focus there.
    fixNeeded = Signal(int, arguments=["field"])

    def __init__(
        self, service: BoardService, feed: KioskChangeFeed, router: KioskRouter, *, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._feed = feed
        self._router = router
        self._state = IdeaFormState()
        self._view = idea_form_view(self._state)
        router.homeRequested.connect(self.close)
        router.overlayChanged.connect(self._follow_router)
        router.pageChanged.connect(self.close)

    @Property(bool, notify=isOpenChanged)
    def isOpen(self) -> bool:
        return self._view.is_open

    @Property(str, notify=topicChanged)
    def topic(self) -> str:
        return self._view.topic

    @Property(str, notify=noteChanged)
    def note(self) -> str:
        return self._view.note

    @Property(str, notify=topicErrorChanged)
    def topicError(self) -> str:
        return self._view.topic_error

    @Property(str, notify=noteErrorChanged)
    def noteError(self) -> str:
        return self._view.note_error

    @Property(str, notify=noticeChanged)
    def notice(self) -> str:
        return self._view.notice

    @Property(bool, notify=confirmingDiscardChanged)
    def confirmingDiscard(self) -> bool:
        return self._view.confirming_discard

    @Property(int, constant=True)
    def topicMax(self) -> int:
        return validation.TOPIC_MAX

    @Property(int, constant=True)
    def noteMax(self) -> int:
        return validation.IDEA_NOTE_MAX

    @Slot()
    def open(self) -> None:
        self._state = IdeaFormState(open=True)
        self._refresh()
        self._router.open(Overlay.IdeaForm)

    @Slot()
    def requestClose(self) -> None:
        """ "Cancel": closes at once if nothing was typed, else asks first."""
        if self._state.has_unsaved_input:
            self._state.confirming_discard = True
            self._refresh()
        else:
            self.close()

    @Slot()
    def keepEditing(self) -> None:
        self._state.confirming_discard = False
        self._refresh()

    @Slot()
    def close(self) -> None:
        """Leave the form; anything half-typed is forgotten."""
        if not self._state.open:
            return
        self._state = IdeaFormState()
        self._refresh()
        self._router.close(Overlay.IdeaForm)

    @Slot(str, str)
    def setField(self, name: str, value: str) -> None:
        if name in IDEA_FIELDS and self._state.values[name] != value:
            self._state.values[name] = value
            self._refresh()

    @Slot(str)
    def leaveField(self, name: str) -> None:
        if name in IDEA_FIELDS and self._state.values[name] and name not in self._state.left:
            self._state.left.add(name)
            self._refresh()

    @Slot()
    def submit(self) -> None:
        """Save the idea; when a field must be fixed first, `fixNeeded` says which."""
        state = self._state
        state.submitted = True
        try:
            idea = self._service.add_idea(state.values["topic"], state.values["note"])
        except InvalidCard as invalid:
            self._refresh()
            self.fixNeeded.emit(int(FIELD_OF_ERROR.get(invalid.field, IdeaField.NoField)))
            return
        except DatabaseUnavailable as error:
            log.error("could not add an idea: %s", error)
            state.notice = fill(
                translate("KioskIdeaForm", "Your idea could not be added yet: %1"), person_message(error)
            )
            self._refresh()
            return
        except StoreError as error:
            # A rate limit: the message says how long to wait.
            state.notice = person_message(error)
            self._refresh()
            return
        self.close()
        self._feed.poke()
        self.added.emit(str(idea.id))

    def _refresh(self) -> None:
        old, self._view = self._view, idea_form_view(self._state)
        emit_changes(self, old, self._view, _SIGNALS)

    @Slot()
    def _follow_router(self) -> None:
        if self._state.open and self._router.current_overlay is not Overlay.IdeaForm:
            self.close()
