"""What the host's form shows, worked out in one pass from what it holds, so it is easy to test without a window.

`CardFormState` is everything the form keeps in memory (and only there) while a host types; `card_form_view`
turns it into a `CardFormView`, the frozen set of values QML binds to. The view model compares each new view
with the last and signals only the properties that changed, so a keystroke validates once and redraws little.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.domain.model import Card, Event
from kiosk.domain.validation import CardFields, FieldError, Problem, check_card
from kiosk.ui.datelabels import short_when, when_label
from kiosk.ui.messages import person_message
from kiosk.ui.preview import PreviewView
from kiosk.ui.translation import translate

# The card's text fields as QML names them, to the domain's names.
TEXT_FIELDS = {"topic": "topic", "hostName": "host_name", "handle": "handle", "description": "description"}


class FormStage(enum.IntEnum):
    # Typing.
    Editing = 0
    # The slot was taken or blocked while the host typed: nothing is lost, nearby free slots are offered.
    Conflict = 1
    # On the board, with the edit code (shown this once).
    Saved = 2
    # The host cancelled their session.
    Cancelled = 3
    # Saved, then the hub gave the slot to another kiosk's card confirmed a moment earlier (the kiosks were apart):
    # the card is safe, off the grid; nearby free slots are offered, one tap moves it there.
    Rebook = 4


class FormMode(enum.IntEnum):
    Add = 0
    # The host, with their edit code.
    Edit = 1
    # Staff, from the staff panel: no code, no cancelling here (staff cancel with a reason in the panel).
    StaffEdit = 2


@dataclass
class CardFormState:
    """The form's unsaved state: only ever in memory, wiped on close."""

    open: bool = False
    mode: FormMode = FormMode.Add
    stage: FormStage = FormStage.Editing
    room_key: str = ""
    starts_at: datetime | None = None
    # While editing: the card, the wish-list idea it adopted (kept through edits), and the verified code.
    card_id: uuid.UUID | None = None
    card_idea: uuid.UUID | None = None
    code: str = ""
    values: dict[str, str] = field(default_factory=lambda: dict.fromkeys(TEXT_FIELDS.values(), ""))
    tags: list[str] = field(default_factory=list)
    # Fields the host has left: "missing" problems show only for these (or after a save was tried).
    left: set[str] = field(default_factory=set)
    submitted: bool = False
    notice: str = ""
    alternatives: list[tuple[str, datetime]] = field(default_factory=list)
    edit_code: str = ""
    saved_url: str = ""
    # The card just saved: if the hub gives its slot away while the host still reads the saved screen (Rebook),
    # a chosen alternative moves this card, with its code.
    saved_card: uuid.UUID | None = None
    countdown: int = 0
    # What the form opened with, so "Cancel" asks before throwing away anything the host typed since.
    opened_with: CardFields | None = None
    confirming_discard: bool = False

    def fields(self) -> CardFields:
        v = self.values
        return CardFields(v["topic"], v["host_name"], v["description"], v["handle"], tuple(self.tags))

    def mark_opened(self) -> None:
        self.opened_with = self.fields()

    @property
    def has_unsaved_input(self) -> bool:
        typing = self.stage in (FormStage.Editing, FormStage.Conflict)
        return self.open and typing and self.opened_with is not None and self.fields() != self.opened_with


@dataclass(frozen=True, slots=True)
class CardFormView:
    is_open: bool
    mode: int
    stage: int
    room_name: str
    when_label: str
    topic: str
    host_name: str
    handle: str
    description: str
    topic_error: str
    host_name_error: str
    handle_error: str
    description_error: str
    tags_error: str
    can_submit: bool
    # Not a property of the form: the form hands it to its preview object.
    preview: PreviewView
    notice: str
    alternatives: tuple[str, ...]
    edit_code: str
    saved_url: str
    countdown: int
    confirming_discard: bool


def _shown(state: CardFormState, name: str, error: FieldError | None) -> str:
    """A problem shows once the field was left or a save tried; too long and a wrong tag pick show at once."""
    if error is None:
        return ""
    immediate = error.problem in (Problem.TOO_LONG, Problem.CHOICE)
    return person_message(error.message) if immediate or state.submitted or name in state.left else ""


def card_form_view(event: Event, state: CardFormState) -> CardFormView:
    clean, errors = check_card(state.fields(), [t.key for t in event.tags])
    shown = clean if not errors else state.fields()
    tag = next((t for key in shown.tags if (t := event.tag(key)) is not None), None)
    when = ""
    if state.starts_at is not None:
        when = when_label(event, state.starts_at, state.starts_at + event.slot_length)
    return CardFormView(
        is_open=state.open,
        mode=int(state.mode),
        stage=int(state.stage),
        room_name=event.room(state.room_key).name if state.room_key else "",
        when_label=when,
        topic=state.values["topic"],
        host_name=state.values["host_name"],
        handle=state.values["handle"],
        description=state.values["description"],
        topic_error=_shown(state, "topic", errors.get("topic")),
        host_name_error=_shown(state, "host_name", errors.get("host_name")),
        handle_error=_shown(state, "handle", errors.get("handle")),
        description_error=_shown(state, "description", errors.get("description")),
        tags_error=_shown(state, "tags", errors.get("tags")),
        can_submit=state.stage is FormStage.Editing and not errors,
        preview=PreviewView(
            topic=shown.topic.strip() or translate("KioskCardForm", "Your topic"),
            host=shown.host_name.strip() or translate("KioskCardForm", "Your name"),
            handle=shown.handle.strip(),
            tag_colour=tag.colour if tag else "",
            tag_label=tag.label if tag else "",
        ),
        notice=state.notice,
        alternatives=tuple(
            f"{event.room(room).name} · {short_when(event, start)}" for room, start in state.alternatives
        ),
        edit_code=state.edit_code,
        saved_url=state.saved_url,
        countdown=state.countdown,
        confirming_discard=state.confirming_discard,
    )


def editing_state(card: Card, code: str, *, staff: bool = False) -> CardFormState:
    """The form opened on a host's own card, with the code they proved it with (or on any card, for staff)."""
    state = CardFormState(
        open=True,
        mode=FormMode.StaffEdit if staff else FormMode.Edit,
        room_key=card.room_key,
        starts_at=card.starts_at,
        card_id=card.id,
        card_idea=card.idea_id,
        code=code,
        tags=list(card.tags),
    )
    state.values.update(topic=card.topic, description=card.description, host_name=card.host_name, handle=card.handle)
    return state
