"""KioskCardForm: the host's add-card and edit-card form, from the tapped slot to the edit code.

Everything typed lives only in this object's memory until the host confirms: nothing half-typed is written
anywhere, and an idle form is wiped. Validation runs on every keystroke with the domain's validator.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.labels import clock, short_day
from kiosk.domain.model import Card
from kiosk.domain.rules import block_covering, free_slots_on_later_days, next_free_slots
from kiosk.domain.validation import CardFields, InvalidCard, field_errors, validate_card
from kiosk.share.links import session_url
from kiosk.store.errors import (
    HostActionsLocked,
    RateLimited,
    SlotBlocked,
    SlotInPast,
    SlotTaken,
    StoreError,
    UnknownSlot,
    WrongEditCode,
)
from kiosk.store.service import BoardService, CardDraft
from kiosk.ui.board import KioskBoard, when_label
from kiosk.ui.qrimage import qr_source

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


FIELDS = ("topic", "description", "host_name", "handle")
# What a person sees for each field's problems; the domain names them in snake_case.
_QML_FIELD = {
    "topic": "topic",
    "description": "description",
    "host_name": "hostName",
    "handle": "handle",
    "tags": "tags",
}


@dataclass
class _Draft:
    """The form's unsaved state: only ever in memory."""

    values: dict[str, str] = field(default_factory=lambda: dict.fromkeys(FIELDS, ""))
    tags: list[str] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)
    submitted: bool = False


@QmlElement
@QmlUncreatable("KioskCardForm is created by the application.")
class KioskCardForm(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    changed = Signal()
    saved = Signal(str)  # card id
    closed = Signal()
    slotLost = Signal()
    # Saved or cancelled: nothing more to type, so the keyboard can go.
    finished = Signal()

    def __init__(
        self,
        service: BoardService,
        board: KioskBoard,
        *,
        idle_seconds: int,
        warning_seconds: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._event = service.event
        self._board = board
        self._warning_seconds = warning_seconds
        self._open = False
        self._mode = "add"
        self._stage = "form"
        self._room_key = ""
        self._starts_at: datetime | None = None
        self._card_id: uuid.UUID | None = None
        self._card_idea: uuid.UUID | None = None  # the wish-list idea an edited card adopted, kept through edits
        self._code = ""  # the verified edit code while editing; forgotten on close
        self._idea: tuple[uuid.UUID, str] | None = None
        self._draft = _Draft()
        self._notice = ""
        self._alternatives: list[tuple[str, datetime]] = []
        self._edit_code = ""
        self._saved_url = ""
        self._saved_qr = ""
        self._countdown = 0

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_seconds * 1000)
        self._idle.timeout.connect(self._start_countdown)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        # The edit code must not stay on the wall for the next passer-by: the "saved" and "cancelled" screens
        # close themselves after half the form's idle time.
        self._done = QTimer(self)
        self._done.setSingleShot(True)
        self._done.setInterval(max(idle_seconds // 2, 5) * 1000)
        self._done.timeout.connect(self.close)
        board.boardReloaded.connect(self._check_slot_still_free)

    # --- properties ------------------------------------------------------------------------------

    @Property(bool, notify=changed)
    def isOpen(self) -> bool:
        return self._open

    @Property(str, notify=changed)
    def mode(self) -> str:
        return self._mode

    @Property(str, notify=changed)
    def stage(self) -> str:
        """ "form" while typing, "conflict" when the slot was lost, "saved" with the edit code, "cancelled"."""
        return self._stage

    @Property(str, notify=changed)
    def roomName(self) -> str:
        return self._event.room(self._room_key).name if self._room_key else ""

    @Property(str, notify=changed)
    def whenLabel(self) -> str:
        if self._starts_at is None:
            return ""
        return when_label(self._event, self._starts_at, self._starts_at + self._event.slot_length)

    @Property(str, notify=changed)
    def topic(self) -> str:
        return self._draft.values["topic"]

    @Property(str, notify=changed)
    def description(self) -> str:
        return self._draft.values["description"]

    @Property(str, notify=changed)
    def hostName(self) -> str:
        return self._draft.values["host_name"]

    @Property(str, notify=changed)
    def handle(self) -> str:
        return self._draft.values["handle"]

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]
    def tagOptions(self) -> list[dict[str, Any]]:
        return [
            {"key": t.key, "label": t.label, "colour": t.colour, "selected": t.key in self._draft.tags}
            for t in self._event.tags
        ]

    @Property("QVariantMap", notify=changed)  # type: ignore[arg-type]
    def errors(self) -> dict[str, str]:
        """Problems to show beside each field: as soon as a field was left, or everything after a submit."""
        problems = field_errors(self._fields(), self._tag_keys())
        shown: dict[str, str] = {}
        for name, message in problems.items():
            too_long = "characters" in message and "too many" in message
            if self._draft.submitted or name in self._draft.touched or too_long or name == "tags":
                shown[_QML_FIELD[name]] = message
        return shown

    @Property(bool, notify=changed)
    def canSubmit(self) -> bool:
        return self._stage == "form" and not field_errors(self._fields(), self._tag_keys())

    @Property("QVariantMap", notify=changed)  # type: ignore[arg-type]
    def preview(self) -> dict[str, str]:
        """The card as the board will show it: cleaned text, normalised handle, first tag's colour."""
        try:
            clean = validate_card(self._fields(), self._tag_keys())
        except InvalidCard:
            clean = self._fields()
        tag = next((t for key in clean.tags if (t := self._event.tag(key)) is not None), None)
        return {
            "topic": clean.topic.strip() or "Your topic",
            "host": clean.host_name.strip() or "Your name",
            "handle": clean.handle.strip(),
            "tagColor": tag.colour if tag else "",
            "tagLabel": tag.label if tag else "",
        }

    @Property(str, notify=changed)
    def notice(self) -> str:
        return self._notice

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]
    def alternatives(self) -> list[dict[str, Any]]:
        return [
            {"index": i, "roomName": self._event.room(room).name, "when": self._short_when(start)}
            for i, (room, start) in enumerate(self._alternatives)
        ]

    @Property(str, notify=changed)
    def editCode(self) -> str:
        return self._edit_code

    @Property(str, notify=changed)
    def savedUrl(self) -> str:
        return self._saved_url

    @Property(str, notify=changed)
    def savedQrSource(self) -> str:
        return self._saved_qr

    @Property(str, constant=True)
    def hashtag(self) -> str:
        return self._event.hashtag

    @Property(str, notify=changed)
    def ideaTopic(self) -> str:
        return self._idea[1] if self._idea else ""

    @Property(int, notify=changed)
    def countdown(self) -> int:
        return self._countdown

    # --- intents: opening ------------------------------------------------------------------------

    @Slot(str, str)
    def startAdd(self, room_key: str, starts_at_iso: str) -> None:
        """A free slot was tapped: a blank form for it (prefilled with the idea being adopted, if any)."""
        self._reset()
        self._mode = "add"
        self._room_key = room_key
        self._starts_at = datetime.fromisoformat(starts_at_iso)
        if self._idea is not None:
            self._draft.values["topic"] = self._idea[1]
        self._show()

    @Slot(str, str, result="QVariantMap")
    def verifyHostCode(self, card_id: str, code: str) -> dict[str, Any]:
        """The keypad's OK: the right code opens the form prefilled; a wrong one says how many tries are left."""
        try:
            card = self._service.card(uuid.UUID(card_id))
            self._service.check_edit_code(card.id, code)  # raises for a wrong code, saying how many tries are left
        except WrongEditCode as error:
            return {"ok": False, "message": str(error)}
        except HostActionsLocked as error:
            return {"ok": False, "locked": True, "message": str(error)}
        except (StoreError, ValueError) as error:
            return {"ok": False, "message": str(error)}
        self._start_edit(card, code)
        return {"ok": True, "message": ""}

    @Slot(str, str)
    def beginHostingIdea(self, idea_id: str, topic: str) -> None:
        """ "Host this" on the wish list: the next free slot tapped opens the form with the idea's topic."""
        self._idea = (uuid.UUID(idea_id), topic)
        self.changed.emit()

    @Slot()
    def stopHostingIdea(self) -> None:
        self._idea = None
        self.changed.emit()

    # --- intents: typing -------------------------------------------------------------------------

    @Slot(str, str)
    def setField(self, name: str, value: str) -> None:
        key = {"hostName": "host_name"}.get(name, name)
        if key not in FIELDS or self._draft.values[key] == value:
            return
        self._draft.values[key] = value
        self._notice = "" if self._stage == "form" else self._notice
        self.changed.emit()

    @Slot(str)
    def leaveField(self, name: str) -> None:
        key = {"hostName": "host_name"}.get(name, name)
        if key in FIELDS and self._draft.values[key] and key not in self._draft.touched:
            self._draft.touched.add(key)
            self.changed.emit()

    @Slot(str)
    def toggleTag(self, key: str) -> None:
        if key in self._draft.tags:
            self._draft.tags.remove(key)
        elif self._event.tag(key) is not None:
            self._draft.tags.append(key)
        self.changed.emit()

    @Slot()
    def activity(self) -> None:
        """Someone touched or typed: keep the form, and call off a running countdown."""
        if not self._open:
            return
        if self._countdown:
            self._countdown = 0
            self._tick.stop()
            self.changed.emit()
        if self._stage in ("form", "conflict"):
            self._idle.start()

    # --- intents: saving -------------------------------------------------------------------------

    @Slot()
    def submit(self) -> None:
        self._draft.submitted = True
        if self._starts_at is None:
            return
        self._save(self._room_key, self._starts_at)

    @Slot(int)
    def chooseAlternative(self, index: int) -> None:
        """One tap saves the card, exactly as typed, in another free slot."""
        if 0 <= index < len(self._alternatives):
            room, start = self._alternatives[index]
            self._save(room, start)

    @Slot()
    def cancelSession(self) -> None:
        if self._mode != "edit" or self._card_id is None:
            return
        try:
            self._service.cancel_card(self._card_id, self._code)
        except StoreError as error:
            self._notice = str(error)
            self.changed.emit()
            return
        self._stage = "cancelled"
        self._code = ""
        self._idle.stop()
        self._done.start()
        self._board.reload()
        self.changed.emit()
        self.finished.emit()

    @Slot()
    def close(self) -> None:
        """Leave the form; whatever was typed is dropped from memory."""
        was_open = self._open
        self._reset()
        self._open = False
        self._idle.stop()
        self._tick.stop()
        self._done.stop()
        self.changed.emit()
        if was_open:
            self.closed.emit()

    # --- internals -------------------------------------------------------------------------------

    def _start_edit(self, card: Card, code: str) -> None:
        self._reset()
        self._mode = "edit"
        self._card_id = card.id
        self._card_idea = card.idea_id
        self._code = code
        self._room_key = card.room_key
        self._starts_at = card.starts_at
        self._draft.values.update(
            topic=card.topic, description=card.description, host_name=card.host_name, handle=card.handle
        )
        self._draft.tags = list(card.tags)
        self._show()

    def _show(self) -> None:
        self._open = True
        self._idle.start()
        self.changed.emit()

    def _reset(self) -> None:
        self._draft = _Draft()
        self._stage = "form"
        self._notice = ""
        self._alternatives = []
        self._edit_code = ""
        self._saved_url = ""
        self._saved_qr = ""
        self._card_id = None
        self._card_idea = None
        self._code = ""
        self._countdown = 0

    def _fields(self) -> CardFields:
        values = self._draft.values
        return CardFields(
            topic=values["topic"],
            host_name=values["host_name"],
            description=values["description"],
            handle=values["handle"],
            tags=tuple(self._draft.tags),
        )

    def _tag_keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self._event.tags)

    def _save(self, room_key: str, starts_at: datetime) -> None:
        try:
            clean = validate_card(self._fields(), self._tag_keys())
        except InvalidCard:
            self.changed.emit()
            return
        draft = CardDraft(
            room_key=room_key,
            starts_at=starts_at,
            topic=clean.topic,
            host_name=clean.host_name,
            description=clean.description,
            handle=clean.handle,
            tags=clean.tags,
            idea_id=self._card_idea if self._mode == "edit" else (self._idea[0] if self._idea else None),
        )
        try:
            if self._mode == "edit" and self._card_id is not None:
                card = self._service.update_card(self._card_id, self._code, draft)
            else:
                added = self._service.add_card(draft)
                card, self._edit_code = added.card, added.edit_code
        except (SlotTaken, SlotBlocked, SlotInPast, UnknownSlot) as error:
            self._lose_slot(room_key, starts_at, str(error))
            return
        except (RateLimited, HostActionsLocked, WrongEditCode) as error:
            self._notice = str(error)
            self.changed.emit()
            return
        except InvalidCard as error:
            self._notice = error.message
            self.changed.emit()
            return
        except StoreError as error:
            # The database is in trouble: keep everything typed on screen so nothing is lost.
            log.error("could not save a card: %s", error)
            self._notice = f"Your card could not be saved yet: {error}"
            self.changed.emit()
            return
        self._room_key, self._starts_at = card.room_key, card.starts_at
        self._saved_url = session_url(self._event, card)
        self._saved_qr = qr_source(self._saved_url)
        self._stage = "saved"
        self._notice = ""
        self._alternatives = []
        self._idea = None
        self._idle.stop()
        self._done.start()
        self._board.reload()
        self.saved.emit(str(card.id))
        self.changed.emit()
        self.finished.emit()

    def _lose_slot(self, room_key: str, starts_at: datetime, message: str) -> None:
        now = self._service.clock.now()
        others = [c for c in self._service.cards() if c.id != self._card_id]
        blocks = self._service.blocks()
        alternatives = next_free_slots(self._event, room_key, starts_at, others, blocks, now, limit=6)
        if not alternatives:
            # The day is full or over (a host still typing at closing time): offer the next days instead.
            day = self._event.local(starts_at).date()
            alternatives = free_slots_on_later_days(self._event, room_key, day, others, blocks, limit=6)
        self._alternatives = list(alternatives)
        self._stage = "conflict"
        self._notice = message
        self.changed.emit()
        self.slotLost.emit()

    @Slot()
    def _check_slot_still_free(self) -> None:
        """Another kiosk or staff may take or block the slot while the host types: say so before they submit."""
        if not self._open or self._stage != "form" or self._starts_at is None:
            return
        start, end = self._starts_at, self._starts_at + self._event.slot_length
        try:
            taken = any(
                c.room_key == self._room_key and c.starts_at == start and c.id != self._card_id
                for c in self._service.cards(self._event.local(start).date())
            )
            block = block_covering(self._service.blocks(), self._room_key, start, end)
        except StoreError:
            return
        if taken:
            self._lose_slot(self._room_key, start, "Someone else has just taken this slot. Your card is safe:")
        elif block is not None:
            self._lose_slot(self._room_key, start, f"This room has just been blocked ({block.reason}).")

    def _short_when(self, start: datetime) -> str:
        local = self._event.local(start)
        return f"{short_day(local.date())} · {clock(local)}"

    @Slot()
    def _start_countdown(self) -> None:
        if not self._open or self._stage not in ("form", "conflict"):
            return
        self._countdown = self._warning_seconds
        self._tick.start()
        self.changed.emit()

    @Slot()
    def _count_down(self) -> None:
        self._countdown -= 1
        if self._countdown > 0:
            self.changed.emit()
            return
        self._tick.stop()
        log.info("an idle form was cleared")
        self.close()
        self._board.goHome()
