"""Frozen value objects that cross every layer: the event, its rooms and blocks, and the cards on the board.

Times are aware datetimes in UTC; the event's timezone turns them into what people read on the wall.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True, slots=True)
class Room:
    key: str
    name: str
    # Optional extra shown under the room's name ("2nd floor", "seats 40").
    note: str = ""


@dataclass(frozen=True, slots=True)
class Tag:
    key: str
    label: str
    colour: str  # "#rrggbb"; never the only carrier of meaning, the label is always shown too


@dataclass(frozen=True, slots=True)
class Block:
    """A window in which a room is taken by something other than Open Spaces."""

    room_key: str
    starts_at: datetime  # UTC
    ends_at: datetime  # UTC
    reason: str
    id: uuid.UUID = field(default_factory=uuid.uuid4)

    def covers(self, room_key: str, starts_at: datetime, ends_at: datetime) -> bool:
        return self.room_key == room_key and self.starts_at < ends_at and starts_at < self.ends_at


@dataclass(frozen=True, slots=True)
class Limits:
    """Anti-spam limits; generous enough that real hosts never notice them."""

    cards_per_kiosk_per_minute: int = 4
    cards_per_handle_per_day: int = 3
    votes_per_kiosk_per_minute: int = 6
    ideas_per_kiosk_per_minute: int = 3
    wrong_codes_before_lock: int = 5
    lock_seconds: int = 60
    # Wrong edit codes on any cards at one kiosk in a minute before every code is refused for the rest of it.
    wrong_codes_per_kiosk_per_minute: int = 10


@dataclass(frozen=True, slots=True)
class Event:
    """One conference's Open Spaces: where, when, and how sessions are promoted."""

    name: str
    slug: str
    timezone: str
    days: tuple[date, ...]
    first_slot: time
    # 00:00 here is midnight at the end of the day (a config's "24:00"): the only way it can come before first_slot.
    last_slot_end: time
    slot_minutes: int
    rooms: tuple[Room, ...]
    blocks: tuple[Block, ...]
    hashtag: str
    base_url: str
    session_url_template: str
    share_url_template: str
    tags: tuple[Tag, ...] = ()
    limits: Limits = field(default_factory=Limits)
    # The kiosk's language (BCP 47, "en", "de", "es-MX", "ja"): its own words, dates, keyboard, and the exports.
    language: str = "en"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def slot_length(self) -> timedelta:
        return timedelta(minutes=self.slot_minutes)

    def room(self, key: str) -> Room:
        for room in self.rooms:
            if room.key == key:
                return room
        raise KeyError(key)

    def tag(self, key: str) -> Tag | None:
        return next((t for t in self.tags if t.key == key), None)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    def at(self, day: date, clock_time: time) -> datetime:
        """The UTC instant of a local wall-clock time on a conference day."""
        return datetime.combine(day, clock_time, self.tz).astimezone(ZoneInfo("UTC"))

    def local_day_bounds(self, day: date) -> tuple[datetime, datetime]:
        """The UTC instants from local midnight to the next local midnight: what "on that day" means here."""
        utc = ZoneInfo("UTC")
        return (
            datetime.combine(day, time(0), self.tz).astimezone(utc),
            datetime.combine(day + timedelta(days=1), time(0), self.tz).astimezone(utc),
        )

    @property
    def last_slot_end_minute(self) -> int:
        """Minutes from the day's midnight to the end of its last slot: 1440 for a day that runs to midnight."""
        return (self.last_slot_end.hour * 60 + self.last_slot_end.minute) or 24 * 60

    @property
    def last_slot_end_label(self) -> str:
        """The end of the last slot as people write it: "18:00", or "24:00" for a day that runs to midnight."""
        minute = self.last_slot_end_minute
        return f"{minute // 60:02d}:{minute % 60:02d}"

    def closes(self, day: date) -> datetime:
        """The UTC instant the day's last slot ends; the next day's midnight for a day that runs to midnight."""
        return self.at(day + timedelta(days=self.last_slot_end_minute // (24 * 60)), self.last_slot_end)

    def slot_starts(self, day: date) -> tuple[datetime, ...]:
        """UTC start instants of the day's slots, first to last."""
        start = datetime.combine(day, self.first_slot, self.tz)
        end = self.local(self.closes(day))
        starts: list[datetime] = []
        moment = start
        while moment + self.slot_length <= end:
            starts.append(moment.astimezone(ZoneInfo("UTC")))
            moment += self.slot_length
        return tuple(starts)


class SlotState(enum.StrEnum):
    FREE = "free"
    BOOKED = "booked"
    BLOCKED = "blocked"
    PAST = "past"


@dataclass(frozen=True, slots=True)
class Card:
    """A session someone put on the board."""

    id: uuid.UUID
    room_key: str
    starts_at: datetime  # UTC
    ends_at: datetime  # UTC
    topic: str
    host_name: str
    description: str = ""
    handle: str = ""
    tags: tuple[str, ...] = ()
    idea_id: uuid.UUID | None = None
    kiosk_id: str = ""
    version: int = 1
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Idea:
    """A wish-list topic: something people would like someone else to host."""

    id: uuid.UUID
    topic: str
    note: str = ""
    votes: int = 0
    adopted_card_id: uuid.UUID | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Cell:
    """One room-hour on the board, with what occupies it."""

    room_key: str
    starts_at: datetime
    ends_at: datetime
    state: SlotState
    card: Card | None = None
    block: Block | None = None
    is_now: bool = False
    is_over: bool = False


@dataclass(frozen=True, slots=True)
class DayGrid:
    day: date
    rooms: tuple[Room, ...]
    slot_starts: tuple[datetime, ...]
    cells: tuple[tuple[Cell, ...], ...]  # [hour][room]

    def cell(self, room_key: str, starts_at: datetime) -> Cell:
        row = self.slot_starts.index(starts_at)
        col = next(i for i, r in enumerate(self.rooms) if r.key == room_key)
        return self.cells[row][col]
