"""One row of an import file checked against the board: its day, time, room, tags and card text read as a person
would write them, and every problem named for the preview."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy.orm import Session

from kiosk.domain.labels import clock, short_day
from kiosk.domain.model import Block, Event, Room
from kiosk.domain.rules import block_covering
from kiosk.domain.validation import CardFields, check_card, clean_text
from kiosk.share.importfile import RawRow
from kiosk.store.cards import CardDraft
from kiosk.store.queries import live_blocks, live_cards_query, live_room_rows

Slot = tuple[str, datetime]

# The card fields as the file's columns name them, for messages.
_COLUMN_OF = {"topic": "Topic", "host_name": "Host", "description": "Description", "handle": "Handle", "tags": "Tags"}
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::00)?")
# What Excel makes of an ISO date when it saves the CSV again: 21/04/2023, 4/21/23, 21.04.2023.
_NUMERIC_DAY = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})")
# difflib compares every pair of characters: a long bad value gets no suggestion rather than a slow preview.
_SUGGEST_MAX = 60
_SHOWN_MAX = 80


@dataclass(frozen=True, slots=True)
class PlannedRow:
    """One row of the preview: where it is in the file, what it says (cleaned, short), and its card or problems."""

    line: int
    day: str
    start: str
    room: str
    topic: str
    host: str
    draft: CardDraft | None
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.draft is not None and not self.problems


class ImportBoard:
    """What every row is checked against, read once (one query per row would not scale to a big file)."""

    def __init__(self, event: Event, s: Session) -> None:
        self.event = event
        # As `cards.check_slot`: a room must be in the event and live in the database.
        live = live_room_rows(s)
        rooms = [room for room in event.rooms if room.key in live]
        self.by_key = {room.key: room for room in rooms}
        names = Counter(_norm(room.name) for room in rooms)
        self.shared_names = {name for name, count in names.items() if count > 1}
        # Names win over keys: the export writes names, and a name that is another room's key must round-trip.
        self.rooms = {_norm(r.key): r for r in rooms} | {_norm(r.name): r for r in rooms if names[_norm(r.name)] == 1}
        self.tags = {_tag_norm(t.key): t.key for t in event.tags} | {_tag_norm(t.label): t.key for t in event.tags}
        self.tag_keys = [tag.key for tag in event.tags]
        # Labels may hold commas ("Web, APIs"): how many comma-separated pieces one tag can span.
        self.tag_span = max((tag.label.count(",") + 1 for tag in event.tags), default=1)
        self.starts = {day: frozenset(event.slot_starts(day)) for day in event.days}
        rows = s.execute(live_cards_query()).tuples()
        self.taken = {(key, row.starts_at): (row.topic, row.host_name) for row, key in rows}
        self.blocks: dict[str, list[Block]] = {}
        for block in live_blocks(s):
            self.blocks.setdefault(block.room_key, []).append(block)
        self._suggestions: dict[str, str | None] = {}

    def plan_row(self, raw: RawRow, seen: dict[Slot, int], unit: str) -> PlannedRow:
        problems = list(raw.problems)
        day = self._day(raw.get("day"), problems)
        start = self._start(day, raw.get("start"), problems)
        if start is not None:
            self._check_end(start, raw.get("end"), problems)
        room = self._room(raw.get("room"), problems)
        tags = self._tag_keys(raw.get("tags"))
        fields = CardFields(raw.get("topic"), raw.get("host"), raw.get("description"), raw.get("handle"), tags)
        fields, errors = check_card(fields, self.tag_keys)
        problems += (f"{_COLUMN_OF[name]}: {error.message}" for name, error in errors.items())
        draft = None
        if room is not None and start is not None:
            problems += self._slot_problems(room, start, fields.topic, fields.host_name)
            first = seen.setdefault((room.key, start), raw.line)
            if first != raw.line:
                problems.append(f"Same slot as {unit} {first}.")
            if not problems:
                f = fields
                draft = CardDraft(room.key, start, f.topic, f.host_name, f.description, f.handle, f.tags)
        day_shown, start_shown = _shown(raw.get("day")), _shown(raw.get("start"))
        room_shown = room.name if room is not None else _shown(raw.get("room"))
        topic, host = _shown(fields.topic), _shown(fields.host_name)
        return PlannedRow(raw.line, day_shown, start_shown, room_shown, topic, host, draft, tuple(problems))

    def _day(self, text: str, problems: list[str]) -> date | None:
        value, days = text.strip(), self.event.days
        example = days[0].isoformat() if days else "2023-04-21"
        day = _parse_day(value, days)
        if day in days:
            return day
        if day is not None:
            listed = ", ".join(short_day(d) for d in days)
            problems.append(f"Day: {short_day(day)} {day.year} is not a day of this board ({listed}).")
        else:
            problems.append(
                f"Day: “{_shown(value)}” is not a date; write it as {example}." if value else "Day: missing."
            )
        return None

    def _start(self, day: date | None, text: str, problems: list[str]) -> datetime | None:
        value, event = text.strip(), self.event
        wall = _parse_clock(value)
        if wall is None:
            problems.append(
                f"Start: “{_shown(value)}” is not a time; write it as 10:00." if value else "Start: missing."
            )
            return None
        if day is None:
            return None
        start = event.at(day, wall)
        if start in self.starts[day]:
            return start
        if wall < event.first_slot or start >= event.closes(day):
            hours = f"{event.first_slot:%H:%M}–{event.last_slot_end_label}"
            problems.append(f"Start: {wall:%H:%M} is outside the board's hours ({hours}).")
        else:
            every = f"every {event.slot_minutes} minutes from {event.first_slot:%H:%M}"
            problems.append(f"Start: {wall:%H:%M} is not the start of a slot; slots start {every}.")
        return None

    def _check_end(self, start: datetime, text: str, problems: list[str]) -> None:
        # End is optional; when given it must be the slot's end, or the file means something the board cannot hold.
        value = text.strip()
        expected = clock(self.event.local(start + self.event.slot_length))
        wall = _parse_clock(value)
        if value and wall is None:
            problems.append(f"End: “{_shown(value)}” is not a time; leave it empty or write {expected}.")
        elif wall is not None and f"{wall:%H:%M}" != expected:
            length = f"{self.event.slot_minutes} minutes"
            problems.append(f"End: {wall:%H:%M} does not fit; sessions are {length}, so this one ends at {expected}.")

    def _room(self, text: str, problems: list[str]) -> Room | None:
        key = _norm(text)
        room = self.rooms.get(key)
        if room is not None:
            return room
        if not key:
            problems.append("Room: missing.")
        elif key in self.shared_names:
            problems.append(f"Room: more than one room is called “{_shown(text)}”; write the room's key.")
        else:
            hint = self._suggestion(key)
            tail = f"; did you mean {hint}?" if hint else "."
            problems.append(f"Room: there is no room “{_shown(text)}” on this board{tail}")
        return None

    def _suggestion(self, key: str) -> str | None:
        if len(key) > _SUGGEST_MAX:
            return None
        if key not in self._suggestions:
            close = difflib.get_close_matches(key, list(self.rooms), n=1, cutoff=0.6)
            self._suggestions[key] = self.rooms[close[0]].name if close else None
        return self._suggestions[key]

    def _tag_keys(self, text: str) -> tuple[str, ...]:
        """Tags by label or key, comma-separated; an unknown one is kept as written, for validation to name."""
        pieces = [piece.strip() for piece in text.split(",")]
        keys: list[str] = []
        i = 0
        while i < len(pieces):
            # Longest label first, so "Web, APIs" is one tag and not "Web" and "APIs".
            for j in range(min(len(pieces), i + self.tag_span), i, -1):
                key = self.tags.get(_norm(",".join(pieces[i:j])))
                if key is not None:
                    keys.append(key)
                    i = j
                    break
            else:
                if pieces[i]:
                    keys.append(pieces[i])
                i += 1
        return tuple(keys)

    def recheck(self, draft: CardDraft) -> list[str]:
        """What stops a planned card now: its room gone, its slot taken or blocked since the preview."""
        room = self.by_key.get(draft.room_key)
        if room is None:
            return ["Its room is no longer on the board."]
        return self._slot_problems(room, draft.starts_at, draft.topic, draft.host_name)

    def _slot_problems(self, room: Room, start: datetime, topic: str, host: str) -> list[str]:
        local = self.event.local(start)
        when = f"{room.name} at {clock(local)} on {short_day(local.date())}"
        found: list[str] = []
        block = block_covering(self.blocks.get(room.key, ()), room.key, start, start + self.event.slot_length)
        if block is not None:
            found.append(f"{when} is blocked ({block.reason}).")
        there = self.taken.get((room.key, start))
        if there == (topic, host):
            found.append(f"This session is already on the board ({when}).")
        elif there is not None:
            found.append(f"{when} is taken by “{_shown(there[0])}”.")
        return found


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _tag_norm(text: str) -> str:
    # Spaces around commas do not matter, so the pieces of a split cell can be joined back to match a label.
    return _norm(",".join(piece.strip() for piece in text.split(",")))


def _shown(text: str) -> str:
    """A value from the file as the preview shows it: one line, no invisible characters, not too long."""
    value = clean_text(text[: _SHOWN_MAX * 2], multiline=False)
    return value if len(value) <= _SHOWN_MAX else value[: _SHOWN_MAX - 1] + "…"


def _parse_clock(text: str) -> time | None:
    match = _CLOCK.fullmatch(text.strip())
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return time(int(match[1]), int(match[2]))


def _parse_day(text: str, days: Sequence[date]) -> date | None:
    """An ISO date, or day/month/year in either order when only one reading is a day of the board (or a date)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        match = _NUMERIC_DAY.fullmatch(text)
    if match is None:
        return None
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    year += 2000 if year < 100 else 0
    readings = {d for day, month in ((first, second), (second, first)) if (d := _date(year, month, day)) is not None}
    on_board = [day for day in readings if day in days]
    if len(on_board) == 1:
        return on_board[0]
    return readings.pop() if len(readings) == 1 else None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
