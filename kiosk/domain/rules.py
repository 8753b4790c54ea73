"""Board rules as small named functions: slot states, the day grid, now/next, nearest day, free slots."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kiosk.domain.model import Block, Card, Cell, DayGrid, Event, SlotState


def block_covering(blocks: Iterable[Block], room_key: str, starts_at: datetime, ends_at: datetime) -> Block | None:
    return next((b for b in blocks if b.covers(room_key, starts_at, ends_at)), None)


def slot_state(
    *, starts_at: datetime, ends_at: datetime, now: datetime, card: Card | None, block: Block | None
) -> SlotState:
    """What a slot is, in order of what matters to a person at the wall.

    A booked session stays "booked" even once it has started, so people can still find it;
    only slots with nothing in them become "past" when their hour is over.
    """
    if card is not None:
        return SlotState.BOOKED
    if block is not None:
        return SlotState.BLOCKED
    if ends_at <= now:
        return SlotState.PAST
    return SlotState.FREE


def build_day_grid(event: Event, day: date, cards: Iterable[Card], blocks: Iterable[Block], now: datetime) -> DayGrid:
    starts = event.slot_starts(day)
    length = event.slot_length
    by_slot = {(c.room_key, c.starts_at): c for c in cards}
    day_blocks = [b for b in blocks if starts and b.starts_at < starts[-1] + length and b.ends_at > starts[0]]
    rows: list[tuple[Cell, ...]] = []
    for start in starts:
        end = start + length
        row: list[Cell] = []
        for room in event.rooms:
            card = by_slot.get((room.key, start))
            block = block_covering(day_blocks, room.key, start, end)
            state = slot_state(starts_at=start, ends_at=end, now=now, card=card, block=block)
            row.append(Cell(room.key, start, end, state, card, block, is_now=start <= now < end, is_over=end <= now))
        rows.append(tuple(row))
    return DayGrid(day, event.rooms, starts, tuple(rows))


def nearest_day_index(event: Event, now: datetime) -> int:
    """Today if the conference is on; otherwise the closest conference day (first before, last after)."""
    today = event.local(now).date()
    if today in event.days:
        return event.days.index(today)
    return min(range(len(event.days)), key=lambda i: (abs((event.days[i] - today).days), i))


def current_slot_index(event: Event, day: date, now: datetime) -> int:
    """The row to scroll to: the slot under way, else the next one, else the last of the day."""
    starts = event.slot_starts(day)
    for i, start in enumerate(starts):
        if now < start + event.slot_length:
            return i
    return max(len(starts) - 1, 0)


@dataclass(frozen=True, slots=True)
class RoomNowNext:
    room_key: str
    now: Card | None
    next: Card | None


def now_and_next(event: Event, cards: Iterable[Card], now: datetime) -> tuple[RoomNowNext, ...]:
    """For each room, the session under way and the next one later the same local day."""
    today = event.local(now).date()
    by_room: dict[str, list[Card]] = {r.key: [] for r in event.rooms}
    for card in cards:
        if card.room_key in by_room and event.local(card.starts_at).date() == today:
            by_room[card.room_key].append(card)
    result = []
    for room in event.rooms:
        ordered = sorted(by_room[room.key], key=lambda c: c.starts_at)
        current = next((c for c in ordered if c.starts_at <= now < c.ends_at), None)
        # Strictly later: on the hour, the session starting now is "now", not also "next".
        upcoming = next((c for c in ordered if c.starts_at > now), None)
        result.append(RoomNowNext(room.key, current, upcoming))
    return tuple(result)


def next_free_slots(
    event: Event,
    room_key: str,
    starts_at: datetime,
    cards: Sequence[Card],
    blocks: Sequence[Block],
    now: datetime,
    limit: int = 6,
) -> tuple[tuple[str, datetime], ...]:
    """Free slots nearest to a wanted one: the same hour in other rooms, then the same room at other hours."""
    taken = {(c.room_key, c.starts_at) for c in cards}
    length = event.slot_length

    def free(room: str, start: datetime) -> bool:
        return (
            (room, start) not in taken
            and block_covering(blocks, room, start, start + length) is None
            and start + length > now
        )

    found: list[tuple[str, datetime]] = []
    for room in event.rooms:
        if room.key != room_key and free(room.key, starts_at):
            found.append((room.key, starts_at))
    day = event.local(starts_at).date()
    others = sorted((s for s in event.slot_starts(day) if s != starts_at), key=lambda s: (abs(s - starts_at), s))
    for start in others:
        if free(room_key, start):
            found.append((room_key, start))
    return tuple(found[:limit])


def free_slots_on_later_days(
    event: Event,
    room_key: str,
    after: date,
    cards: Sequence[Card],
    blocks: Sequence[Block],
    limit: int = 6,
) -> tuple[tuple[str, datetime], ...]:
    """When a day has nothing left: the earliest free slots of the following conference days, same room first."""
    taken = {(c.room_key, c.starts_at) for c in cards}
    rooms = sorted(event.rooms, key=lambda r: r.key != room_key)
    found: list[tuple[str, datetime]] = []
    for day in (d for d in event.days if d > after):
        for start in event.slot_starts(day):
            for room in rooms:
                end = start + event.slot_length
                if (room.key, start) not in taken and block_covering(blocks, room.key, start, end) is None:
                    found.append((room.key, start))
                    if len(found) == limit:
                        return tuple(found)
    return tuple(found)


def ended_slot_count(event: Event, day: date, now: datetime) -> int:
    """How many of a day's slots are over: the board redraws whenever this changes, so hours dim on time."""
    return sum(1 for start in event.slot_starts(day) if start + event.slot_length <= now)


def is_under_way(event: Event, now: datetime) -> bool:
    """Within a conference day's open hours: from its first slot's start to its last slot's end."""
    day = event.local(now).date()
    starts = event.slot_starts(day) if day in event.days else ()
    return bool(starts) and starts[0] <= now < starts[-1] + event.slot_length


def demo_moment(event: Event) -> datetime:
    """Where the demo runs its clock when its event is not under way: the first day, 80 minutes into it, so one
    hour is over, one is under way and the rest are free to try."""
    first = event.slot_starts(event.days[0])[0]
    return first + timedelta(minutes=80)
