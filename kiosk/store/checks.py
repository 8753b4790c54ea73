"""The board's health check: SQLite's integrity check, then the board's own rules over the stored rows (one session
per room and hour, none in a blocked slot, each inside the grid, ideas adopted by real sessions)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kiosk.domain.labels import clock, short_day
from kiosk.domain.model import Event
from kiosk.store.context import StoreContext, reading
from kiosk.store.errors import DatabaseUnavailable
from kiosk.store.queries import damaged_columns, damaged_rows_in
from kiosk.store.tables import BlockRow, IdeaRow, RoomRow, SessionRow

_INTEGRITY_OK = ("ok",)


@dataclass(frozen=True, slots=True)
class CheckReport:
    # What PRAGMA integrity_check said: ("ok",) or its first problems.
    integrity: tuple[str, ...]
    # One sentence per broken rule, naming the session or idea.
    findings: tuple[str, ...]
    sessions: int
    blocks: int
    ideas: int

    @property
    def ok(self) -> bool:
        return self.integrity == _INTEGRITY_OK and not self.findings

    def lines(self) -> list[str]:
        """What to print: one OK line, or one line per problem."""
        if self.ok:
            counts = f"{_count(self.sessions, 'session')}, {_count(self.blocks, 'block')}, {_count(self.ideas, 'idea')}"
            return [f"OK: {counts}; integrity_check ok"]
        integrity = [] if self.integrity == _INTEGRITY_OK else [f"integrity_check: {line}" for line in self.integrity]
        return integrity + list(self.findings)


def check_board(ctx: StoreContext) -> CheckReport:
    """Check the board; never raises for what it finds, a damaged file included."""
    integrity = _integrity(ctx)
    try:
        with reading(ctx) as s:
            return _check_rows(ctx.event, s, integrity)
    except (DatabaseUnavailable, ValueError) as error:
        # ValueError: a stored value SQLAlchemy cannot read back (a time that is not a time), after a hand edit.
        return CheckReport(integrity, (f"The board's rows could not be read: {error}",), 0, 0, 0)


def _integrity(ctx: StoreContext) -> tuple[str, ...]:
    try:
        with reading(ctx) as s:
            # At most 20 problems: enough to see what broke, without pages of output.
            return tuple(str(line) for line in s.execute(sa.text("PRAGMA integrity_check(20)")).scalars())
    except DatabaseUnavailable as error:
        return (f"could not run ({error.reason})",)


def _check_rows(event: Event, s: Session, integrity: tuple[str, ...]) -> CheckReport:
    rooms = {row.id: row for row in s.scalars(sa.select(RoomRow))}
    sessions = list(s.scalars(sa.select(SessionRow).where(SessionRow.live()).order_by(SessionRow.starts_at)))
    blocks = list(s.scalars(sa.select(BlockRow).where(BlockRow.deleted.is_(False))))
    ideas = list(s.scalars(sa.select(IdeaRow).where(IdeaRow.deleted.is_(False)).order_by(IdeaRow.created_at)))
    names = _Names(event, rooms)
    findings = [
        *_shared_slots(sessions, names),
        *_in_blocked_slots(sessions, blocks, names),
        *(finding for row in sessions for finding in _off_the_grid(event, row, rooms, names)),
        *_adoptions(s, ideas, names),
    ]
    if any(damaged_columns(row) for row in sessions) or any(damaged_columns(idea) for idea in ideas):
        findings += damaged_rows_in(event, s)
    return CheckReport(integrity, tuple(findings), len(sessions), len(blocks), len(ideas))


class _Names:
    """How findings name a session: `'Topic' (Room A, Fri 21 Apr 10:00)`, in the event's timezone."""

    def __init__(self, event: Event, rooms: dict[uuid.UUID, RoomRow]) -> None:
        self.event = event
        self.rooms = rooms
        self.event_rooms = {room.key: room.name for room in event.rooms}

    def room(self, room_id: uuid.UUID) -> str:
        row = self.rooms.get(room_id)
        if row is None:
            return "a room missing from the database"
        return self.event_rooms.get(row.key, row.name)

    def time(self, moment: datetime) -> str:
        local = self.event.local(moment)
        return f"{short_day(local.date())} {clock(local)}"

    def session(self, row: SessionRow) -> str:
        return f"'{row.topic}' ({self.room(row.room_id)}, {self.time(row.starts_at)})"


def _shared_slots(sessions: list[SessionRow], names: _Names) -> list[str]:
    by_slot: dict[tuple[uuid.UUID, datetime], list[SessionRow]] = defaultdict(list)
    for row in sessions:
        by_slot[(row.room_id, row.starts_at)].append(row)
    return [
        f"{names.session(first)} shares its room and hour with {', '.join(repr(other.topic) for other in others)}."
        for first, *others in by_slot.values()
        if others
    ]


def _in_blocked_slots(sessions: list[SessionRow], blocks: list[BlockRow], names: _Names) -> list[str]:
    return [
        f"{names.session(row)} sits in a blocked slot ({block.reason}, {names.time(block.starts_at)}"
        f" to {names.time(block.ends_at)})."
        for row in sessions
        for block in blocks
        if block.room_id == row.room_id and block.starts_at < row.ends_at and row.starts_at < block.ends_at
    ]


def _off_the_grid(event: Event, row: SessionRow, rooms: dict[uuid.UUID, RoomRow], names: _Names) -> list[str]:
    """Why a session would not show on the board's grid, if it would not."""
    found = []
    room = rooms.get(row.room_id)
    if room is None:
        found.append(f"{names.session(row)} is in a room that is not in the database.")
    elif room.deleted:
        found.append(f"{names.session(row)} is in room '{room.key}', which was taken off the board.")
    elif room.key not in names.event_rooms:
        found.append(f"{names.session(row)} is in room '{room.key}', which the event's config does not have.")
    day = event.local(row.starts_at).date()
    if day not in event.days:
        found.append(f"{names.session(row)} is on a day that is not one of the event's days.")
    elif row.starts_at not in event.slot_starts(day):
        found.append(f"{names.session(row)} does not start at one of the event's slot times.")
    if row.ends_at != row.starts_at + event.slot_length:
        expected = clock(event.local(row.starts_at + event.slot_length))
        found.append(f"{names.session(row)} ends at {clock(event.local(row.ends_at))} instead of {expected}.")
    return found


def _adoptions(s: Session, ideas: list[IdeaRow], names: _Names) -> list[str]:
    wanted = {idea.adopted_session_id for idea in ideas if idea.adopted_session_id is not None}
    adopters = {row.id: row for row in s.scalars(sa.select(SessionRow).where(SessionRow.id.in_(wanted)))}
    found = []
    for idea in ideas:
        if idea.adopted_session_id is None:
            continue
        adopter = adopters.get(idea.adopted_session_id)
        if adopter is None:
            found.append(f"The idea '{idea.topic}' is adopted by a session that does not exist.")
        elif adopter.deleted:
            found.append(f"The idea '{idea.topic}' is adopted by {names.session(adopter)}, which was cancelled.")
    return found


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
