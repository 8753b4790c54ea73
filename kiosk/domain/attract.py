"""What the attract screen shows when nobody is at the kiosk: per room, now and next, tomorrow's first sessions,
or a thank-you once the conference is over. Pure rules over the event, its cards and blocks, and an instant."""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.domain.model import Block, Card, Event, Room
from kiosk.domain.rules import now_and_next


class AttractMode(enum.StrEnum):
    BEFORE = "before"  # the conference has not begun: the first day's first sessions
    LIVE = "live"  # a conference day with slots still to come: now and next in each room
    TOMORROW = "tomorrow"  # today's slots are over and another conference day follows: its first sessions
    OVER = "over"  # the last slot of the last day has ended: a thank-you


@dataclass(frozen=True, slots=True)
class RoomGlance:
    """One room at a glance. Outside "live", `next` is the room's first session of the day shown."""

    room: Room
    now: Card | None = None
    minutes_left: int = 0  # of `now`, rounded up so the last minute still reads "1 min left"
    next: Card | None = None
    block: Block | None = None  # what holds the room right now ("live" only)
    # A slot is under way and nothing holds the room: a host could take it this minute.
    open_now: bool = False

    @property
    def is_free(self) -> bool:
        """Nothing on and nothing coming for the rest of the day shown: an invitation to add a session."""
        return self.now is None and self.next is None and self.block is None

    @property
    def has_session(self) -> bool:
        return self.now is not None or self.next is not None


@dataclass(frozen=True, slots=True)
class AttractView:
    mode: AttractMode
    day: date | None  # the conference day the rooms describe; None once it is all over
    first_start: datetime | None  # UTC start of that day's first slot
    rooms: tuple[RoomGlance, ...]  # in the event's room order
    sessions_held: int  # live cards whose slot had started by `now`
    under_way: bool = False  # a slot is running right now: rooms can be "on now" or "free now"


def attract_view(event: Event, cards: Iterable[Card], now: datetime, blocks: Iterable[Block] = ()) -> AttractView:
    """The attract screen for `now`: which mode, which day, and what each room holds."""
    cards = tuple(cards)
    held = sessions_held(cards, now)
    today = event.local(now).date()
    if today in event.days and slots_remain(event, today, now):
        rooms = live_rooms(event, cards, tuple(blocks), now)
        start = first_slot_start(event, today)
        return AttractView(AttractMode.LIVE, today, start, rooms, held, under_way=slot_under_way(event, now))
    upcoming = next_conference_day(event, today)
    if upcoming is None:
        return AttractView(AttractMode.OVER, None, None, (), held)
    mode = AttractMode.BEFORE if upcoming == event.days[0] else AttractMode.TOMORROW
    return AttractView(mode, upcoming, first_slot_start(event, upcoming), first_sessions(event, cards, upcoming), held)


def slots_remain(event: Event, day: date, now: datetime) -> bool:
    """Whether the day's last slot has yet to end (a day with no slots has none remaining)."""
    starts = event.slot_starts(day)
    return bool(starts) and now < starts[-1] + event.slot_length


def first_slot_start(event: Event, day: date) -> datetime | None:
    starts = event.slot_starts(day)
    return starts[0] if starts else None


def next_conference_day(event: Event, today: date) -> date | None:
    """The first conference day after `today`, which may be days away (conference days need not be consecutive)."""
    return min((d for d in event.days if d > today), default=None)


def minutes_left(card: Card, now: datetime) -> int:
    return max(0, math.ceil((card.ends_at - now).total_seconds() / 60))


def sessions_held(cards: Iterable[Card], now: datetime) -> int:
    return sum(1 for card in cards if card.starts_at < now)


def block_now(blocks: Iterable[Block], room_key: str, now: datetime) -> Block | None:
    return next((b for b in blocks if b.room_key == room_key and b.starts_at <= now < b.ends_at), None)


def slot_under_way(event: Event, now: datetime) -> bool:
    day = event.local(now).date()
    return any(start <= now < start + event.slot_length for start in event.slot_starts(day))


def live_rooms(event: Event, cards: Sequence[Card], blocks: Sequence[Block], now: datetime) -> tuple[RoomGlance, ...]:
    in_slot = slot_under_way(event, now)
    glances = []
    for room, glance in zip(event.rooms, now_and_next(event, cards, now), strict=True):
        if glance.now is not None:
            glances.append(RoomGlance(room, glance.now, minutes_left(glance.now, now), glance.next))
            continue
        block = block_now(blocks, room.key, now)
        glances.append(RoomGlance(room, next=glance.next, block=block, open_now=in_slot and block is None))
    return tuple(glances)


def first_sessions(event: Event, cards: Iterable[Card], day: date) -> tuple[RoomGlance, ...]:
    """Each room's earliest session on `day` (whatever its hour), or nothing."""
    first: dict[str, Card] = {}
    for card in cards:
        if event.local(card.starts_at).date() != day:
            continue
        known = first.get(card.room_key)
        if known is None or card.starts_at < known.starts_at:
            first[card.room_key] = card
    return tuple(RoomGlance(room, next=first.get(room.key)) for room in event.rooms)


def sessions_first(rooms: Iterable[RoomGlance]) -> tuple[RoomGlance, ...]:
    """Rooms with a session, then rooms held by something else, then free rooms; the event's order within each.

    When the screen cannot fit every room, what is cut is what matters least to a passer-by.
    """
    return tuple(sorted(rooms, key=lambda g: 0 if g.has_session else 1 if g.block is not None else 2))
