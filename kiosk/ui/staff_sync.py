"""KioskStaffSync: the staff panel's sync section — "Sync now", and the conflicts sync could not settle.

A card that lost its slot ("needs a new slot") comes with the nearest free slots: one tap puts it there. An edit
made on two kiosks while apart shows what the losing kiosk wanted; staff keep the board's version or take it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.conflicts import Conflict, ConflictKind
from kiosk.domain.validation import InvalidCard
from kiosk.store.errors import StoreError
from kiosk.store.service import BoardService
from kiosk.ui.cardsave import alternatives_near
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.datelabels import short_when
from kiosk.ui.fields import field_name, field_value, room_names
from kiosk.ui.messages import person_message
from kiosk.ui.rowsmodel import KioskRowsModel
from kiosk.ui.translation import QT_TRANSLATE_NOOP, fill, translate

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

T = TypeVar("T")

# How many free slots each displaced card offers.
SLOT_CHOICES = 4
# Columns of an edit conflict worth showing staff.
SHOWN_FIELDS = (
    "topic",
    "description",
    "host_name",
    "handle",
    "tags",
    "room_id",
    "starts_at",
    "deleted",
    "reason",
    "note",
)
# What an edit conflict's row is, by its table.
_ENTITY_WORDS = {
    "sessions": QT_TRANSLATE_NOOP("KioskStaffSync", "Edited on %1 while another kiosk changed the same card (%2)"),
    "blocks": QT_TRANSLATE_NOOP("KioskStaffSync", "Edited on %1 while another kiosk changed the same block (%2)"),
    "ideas": QT_TRANSLATE_NOOP("KioskStaffSync", "Edited on %1 while another kiosk changed the same idea (%2)"),
    "rooms": QT_TRANSLATE_NOOP("KioskStaffSync", "Edited on %1 while another kiosk changed the same room (%2)"),
}
_OTHER_ROW = QT_TRANSLATE_NOOP("KioskStaffSync", "Edited on %1 while another kiosk changed the same row (%2)")


def headline(conflict: Conflict) -> str:
    """`Conflict.headline` in the kiosk's language (the command line's is English)."""
    if conflict.kind is ConflictKind.SLOT:
        topic = conflict.card.topic if conflict.card is not None else ""
        if conflict.reason == "blocked":
            if topic:
                return fill(translate("KioskStaffSync", "“%1” needs a new slot: the room was blocked"), topic)
            return translate("KioskStaffSync", "A card needs a new slot: the room was blocked")
        if topic:
            return fill(translate("KioskStaffSync", "“%1” needs a new slot: another kiosk booked it first"), topic)
        return translate("KioskStaffSync", "A card needs a new slot: another kiosk booked it first")
    fields = ", ".join(field_name(name) for name in conflict.changed) or translate("KioskStaffSync", "nothing visible")
    return fill(translate("KioskStaffSync", _ENTITY_WORDS.get(conflict.entity, _OTHER_ROW)), conflict.kiosk, fields)


@dataclass(frozen=True, slots=True)
class ConflictLine:
    conflict_id: str
    slot: bool
    headline: str
    detail: str
    # A displaced card's nearest free slots, as "Room 150E · Fri 21 Apr · 15:00".
    choices: list[str]


@QmlElement
@QmlUncreatable("KioskStaffSync is created by the application.")
class KioskStaffSync(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    noticeChanged = Signal()

    def __init__(self, service: BoardService, feed: KioskChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._rows = KioskRowsModel(ConflictLine, self)
        self._slots: dict[str, list[tuple[str, datetime]]] = {}
        self._notice = ""
        feed.boardChanged.connect(self.refresh)

    @Property(KioskRowsModel, constant=True)
    def conflicts(self) -> KioskRowsModel:
        return self._rows

    @Property(str, notify=noticeChanged)
    def notice(self) -> str:
        return self._notice

    @Slot()
    def refresh(self) -> None:
        try:
            found = self._service.conflicts()
        except StoreError as error:
            self._set_notice(
                fill(translate("KioskStaffSync", "The conflicts could not be read: %1"), person_message(error))
            )
            return
        self._slots = {}
        self._rows.set_rows([self._line(conflict) for conflict in found])

    def _line(self, conflict: Conflict) -> ConflictLine:
        event = self._service.event
        key = str(conflict.id)
        if conflict.kind is ConflictKind.SLOT and conflict.card is not None:
            card = conflict.card
            free = alternatives_near(self._service, card.room_key, card.starts_at, card.id)[:SLOT_CHOICES]
            self._slots[key] = free
            wanted = f"{event.room(card.room_key).name} · {short_when(event, card.starts_at)}"
            host = f"{card.host_name} · {card.handle}" if card.handle else card.host_name
            detail = fill(translate("KioskStaffSync", "Wanted %1. Host: %2."), wanted, host)
            if not free:
                detail += " " + translate("KioskStaffSync", "No free slot is left near it.")
            choices = [f"{event.room(room).name} · {short_when(event, start)}" for room, start in free]
            return ConflictLine(key, True, headline(conflict), detail, choices)
        rooms = room_names(event)
        changes = [
            f"{field_name(name)}: {field_value(event, name, conflict.values.get(name), rooms)}"
            for name in conflict.changed
            if name in SHOWN_FIELDS
        ]
        detail = "; ".join(changes) or translate("KioskStaffSync", "No difference a person would see.")
        return ConflictLine(
            key,
            False,
            headline(conflict),
            fill(translate("KioskStaffSync", "%1 wanted: %2"), conflict.kiosk, detail),
            [],
        )

    # -- resolving ---------------------------------------------------------------------------------------------------

    @Slot(str, int)
    def place(self, conflict_id: str, index: int) -> None:
        """One tap: the displaced card goes to the `index`th suggested slot."""
        choices = self._slots.get(conflict_id, [])
        if not 0 <= index < len(choices):
            return
        room_key, starts_at = choices[index]
        self._act(
            lambda: self._service.place_displaced(uuid.UUID(conflict_id), room_key, starts_at),
            lambda card: fill(
                translate("KioskStaffSync", "“%1” is on the board again: %2."),
                card.topic,
                short_when(self._service.event, starts_at),
            ),
        )

    @Slot(str, str)
    def cancelCard(self, conflict_id: str, reason: str) -> None:
        self._act(
            lambda: self._service.cancel_displaced(uuid.UUID(conflict_id), reason),
            lambda _none: translate("KioskStaffSync", "The card was cancelled; the conflict is resolved."),
        )

    @Slot(str)
    def keep(self, conflict_id: str) -> None:
        self._act(
            lambda: self._service.keep_board_version(uuid.UUID(conflict_id)),
            lambda _none: translate("KioskStaffSync", "The board's version stays."),
        )

    @Slot(str)
    def take(self, conflict_id: str) -> None:
        self._act(
            lambda: self._service.take_kiosk_version(uuid.UUID(conflict_id)),
            lambda _none: translate("KioskStaffSync", "The other kiosk's version is on the board now."),
        )

    def _act(self, action: Callable[[], T], done: Callable[[T], str]) -> None:
        try:
            result = action()
        except InvalidCard as error:
            # A reason refused by the validator (empty, invisible, too long): said on the page, the panel stays.
            self._set_notice(person_message(error.message))
            return
        except (StoreError, ValueError) as error:
            self._set_notice(person_message(error))
            self.refresh()
            return
        self._set_notice(done(result))
        self.refresh()

    def _set_notice(self, text: str) -> None:
        if text != self._notice:
            self._notice = text
            self.noticeChanged.emit()
