"""The board's columns as staff read them (an edit conflict's differences, the audit log's changes), in the
kiosk's language, with their values shown as on the board: a room's name, a slot's day and time, yes or no."""

from __future__ import annotations

import functools
import uuid
from datetime import datetime

from kiosk.domain.model import Event
from kiosk.ui.datelabels import short_when
from kiosk.ui.translation import QT_TRANSLATE_NOOP, translate

CONTEXT = "fields"

# Columns worth showing a person, in words; the others (version, kiosk_id ...) are bookkeeping.
NAMES = {
    "topic": QT_TRANSLATE_NOOP("fields", "Topic"),
    "description": QT_TRANSLATE_NOOP("fields", "Description"),
    "host_name": QT_TRANSLATE_NOOP("fields", "Host"),
    "handle": QT_TRANSLATE_NOOP("fields", "Handle"),
    "tags": QT_TRANSLATE_NOOP("fields", "Tags"),
    "room_id": QT_TRANSLATE_NOOP("fields", "Room"),
    "starts_at": QT_TRANSLATE_NOOP("fields", "Time"),
    "ends_at": QT_TRANSLATE_NOOP("fields", "End"),
    "deleted": QT_TRANSLATE_NOOP("fields", "Cancelled"),
    "reason": QT_TRANSLATE_NOOP("fields", "Reason"),
    "note": QT_TRANSLATE_NOOP("fields", "Note"),
    "votes": QT_TRANSLATE_NOOP("fields", "Votes"),
    "hidden": QT_TRANSLATE_NOOP("fields", "Hidden"),
    "name": QT_TRANSLATE_NOOP("fields", "Name"),
}


def field_name(name: str) -> str:
    """A column's name in words, in the kiosk's language; a column not listed as it is called."""
    return translate(CONTEXT, NAMES[name]) if name in NAMES else name


def field_value(event: Event, name: str, value: object, rooms: dict[str, str]) -> str:
    """A column's value as the board shows it: `rooms` maps a room's id to its name."""
    if isinstance(value, bool):
        return translate("fields", "yes") if value else translate("fields", "no")
    if value is None:
        return "—"
    if name == "room_id":
        try:
            return rooms.get(str(uuid.UUID(str(value))), str(value))
        except ValueError:
            return str(value)
    if name in ("starts_at", "ends_at") and isinstance(value, str):
        try:
            return short_when(event, datetime.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def room_names(event: Event) -> dict[str, str]:
    """Each room's id (as the database keeps it) to its name; worked out once per event (the audit log asks for
    every row it shows, and a uuid5 per room per row cost 160 ms per change on a 40-room board)."""
    return dict(_room_names(event.slug, tuple((room.key, room.name) for room in event.rooms)))


@functools.lru_cache(maxsize=8)
def _room_names(slug: str, rooms: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    from kiosk.store.event_setup import room_id_for

    return tuple((str(room_id_for(slug, key)), name) for key, name in rooms)


__all__ = ["NAMES", "field_name", "field_value", "room_names"]
