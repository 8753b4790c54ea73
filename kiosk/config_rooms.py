"""The [[rooms]], [[tags]] and [[blocks]] tables of a config."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import partial

from kiosk.config_toml import DAY_MINUTES, Problems, Table, end_minutes, hhmm, minutes, suggest
from kiosk.domain.model import Block, Event, Room, Tag

_ROOM_KEYS = ("key", "name", "note")
_BLOCK_KEYS = ("room", "day", "start", "end", "reason")
_TAG_KEYS = ("key", "label", "colour")

# Keys end up in objectNames ("slot-150d-1000"), URLs and the exports' slugs, hence the narrow alphabet: the
# shape of a slug, so a key is its own slug (the exports lengthen one-character keys, which their schema refuses).
_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ROOM_KEY_MAX = 12
_TAG_KEY_MAX = 24
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True, slots=True)
class Grid:
    """What the blocks are checked against; None where that part of the config has a mistake of its own, so a
    block is not blamed for it."""

    room_keys: tuple[str, ...] | None
    days: tuple[date, ...] | None
    hours: tuple[time, time, int] | None


def _key(table: Table, name: str, max_length: int) -> str:
    key = table.text(name)
    if not _KEY.fullmatch(key) or len(key) > max_length:
        raise table.error(
            name,
            f'"{key}" is not a valid key: use up to {max_length} lower-case letters and digits, with single dashes'
            ' between them (not at the start or end), like "hall-b"',
        )
    return key


def _claim(table: Table, name: str, key: str, owners: dict[str, str]) -> None:
    if key in owners:
        raise table.error(name, f'"{key}" is already used by {owners[key]}')
    owners[key] = table.where


def _keyed(
    table: Table, known: tuple[str, ...], max_length: int, owners: dict[str, str]
) -> tuple[Problems, str | None]:
    """The start of reading a room or a tag: unknown keys refused, its `key` read and claimed; the problems go on."""
    problems = Problems()
    problems.attempt(partial(table.reject_unknown, known))
    key = problems.attempt(partial(_key, table, "key", max_length))
    if key is not None:
        problems.attempt(partial(_claim, table, "key", key, owners))
    return problems, key


def read_rooms(root: Table) -> tuple[Room, ...]:
    tables = root.tables("rooms")
    if not tables:
        raise root.error("rooms", "at least one [[rooms]] table is required")
    problems = Problems()
    owners: dict[str, str] = {}
    rooms = [problems.attempt(partial(_room, table, owners)) for table in tables]
    problems.raise_any()
    return tuple(room for room in rooms if room is not None)


def _room(table: Table, owners: dict[str, str]) -> Room:
    problems, key = _keyed(table, _ROOM_KEYS, _ROOM_KEY_MAX, owners)
    name = problems.attempt(partial(table.text, "name"))
    note = problems.attempt(partial(table.text, "note", "", allow_empty=True))
    problems.raise_any()
    if key is None or name is None or note is None:
        raise AssertionError("read cleanly")
    return Room(key=key, name=name, note=note)


def read_tags(root: Table) -> tuple[Tag, ...]:
    problems = Problems()
    owners: dict[str, str] = {}
    tags = [problems.attempt(partial(_tag, table, owners)) for table in root.tables("tags")]
    problems.raise_any()
    return tuple(tag for tag in tags if tag is not None)


def _tag(table: Table, owners: dict[str, str]) -> Tag:
    problems, key = _keyed(table, _TAG_KEYS, _TAG_KEY_MAX, owners)
    label = problems.attempt(partial(table.text, "label"))
    colour = problems.attempt(partial(_colour, table))
    problems.raise_any()
    if key is None or label is None or colour is None:
        raise AssertionError("read cleanly")
    return Tag(key=key, label=label, colour=colour)


def _colour(table: Table) -> str:
    colour = table.text("colour")
    if not _COLOUR.fullmatch(colour):
        raise table.error("colour", f'"{colour}" is not a colour written #rrggbb, like "#e4572e"')
    return colour.lower()


def read_blocks(root: Table, grid: Grid, event: Event | None) -> tuple[Block, ...]:
    """The blocks as UTC instants when the event could be built; checked as far as the grid allows either way."""
    problems = Problems()
    blocks: list[Block] = []
    placed: dict[tuple[str, date], list[tuple[int, int, str]]] = {}
    for table in root.tables("blocks"):
        found = problems.attempt(partial(_block, table, grid, placed))
        if found is None or event is None:
            continue
        room, day, start, end, reason = found
        # Converted with the event's own Event.at so config and board agree on every instant; "24:00" is the
        # next day's midnight.
        starts_at = event.at(day, start)
        ends_at = event.at(day + timedelta(days=end_minutes(end) // DAY_MINUTES), end)
        # A stable id, so loading the same file again after a restart doesn't add the block twice.
        block_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{event.slug}/block/{room}/{starts_at.isoformat()}")
        blocks.append(Block(room, starts_at, ends_at, reason, id=block_id))
    problems.raise_any()
    return tuple(blocks)


def _block(
    table: Table, grid: Grid, placed: dict[tuple[str, date], list[tuple[int, int, str]]]
) -> tuple[str, date, time, time, str]:
    problems = Problems()
    problems.attempt(partial(table.reject_unknown, _BLOCK_KEYS))
    room = problems.attempt(partial(_block_room, table, grid.room_keys))
    day = problems.attempt(partial(_block_day, table, grid.days))
    span = problems.attempt(partial(_block_hours, table, grid.hours))
    reason = problems.attempt(partial(table.text, "reason"))
    problems.raise_any()
    if room is None or day is None or span is None or reason is None:
        raise AssertionError("read cleanly")
    start, end = span
    span_minutes = minutes(start), end_minutes(end)
    for other_start, other_end, other in placed.setdefault((room, day), []):
        if span_minutes[0] < other_end and other_start < span_minutes[1]:
            raise table.error(
                "start", f"overlaps {other} ({hhmm(other_start)} to {hhmm(other_end)}, same room and day)"
            )
    placed[(room, day)].append((*span_minutes, table.where))
    return room, day, start, end, reason


def _block_room(table: Table, room_keys: tuple[str, ...] | None) -> str:
    room = table.text("room")
    if room_keys is not None and room not in room_keys:
        raise table.error("room", f'no room has the key "{room}" ({suggest(room, room_keys)})')
    return room


def _block_day(table: Table, days: tuple[date, ...] | None) -> date:
    day = table.day("day")
    if days is not None and day not in days:
        listed = ", ".join(d.isoformat() for d in days)
        raise table.error("day", f"{day} is not one of the event's days ({listed})")
    return day


def _block_hours(table: Table, hours: tuple[time, time, int] | None) -> tuple[time, time]:
    problems = Problems()
    start = problems.attempt(partial(table.clock, "start"))
    end = problems.attempt(partial(table.end_clock, "end"))
    problems.raise_any()
    if start is None or end is None:
        raise AssertionError("read cleanly")
    begins, ends = minutes(start), end_minutes(end)
    if ends <= begins:
        raise table.error("end", f"must be later than start ({start:%H:%M})")
    if hours is None:
        return start, end
    first, last, slot_minutes = hours
    if start < first:
        raise table.error("start", f"{start:%H:%M} is before the first slot ({first:%H:%M})")
    if ends > end_minutes(last):
        raise table.error("end", f"{hhmm(ends)} is after the last slot ends ({hhmm(end_minutes(last))})")
    # The board blocks whole slots: a block from 12:30 would otherwise quietly take the 12:00 slot as well.
    for name, minute in (("start", begins), ("end", ends)):
        into = (minute - minutes(first)) % slot_minutes
        if into:
            before = minute - into
            after = before + slot_minutes
            # Offer only the boundaries that leave a block: not an end at the start, nor a start at the end.
            shown = [m for m in (before, after) if (m > begins if name == "end" else m < ends)]
            choices = " or ".join(hhmm(m) for m in shown)
            problems.note(
                table.error(
                    name,
                    f"{hhmm(minute)} is in the middle of the {hhmm(before)} slot: a block takes whole"
                    f" {slot_minutes}-minute slots, so {name} it at {choices}",
                )
            )
    problems.raise_any()
    return start, end
