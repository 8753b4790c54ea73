"""Board rules: slot states, the day grid, now/next, nearest day, current hour and nearest free slots."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from kiosk.domain.clock import ManualClock, RunningClock
from kiosk.domain.model import Block, Card, Event, SlotState
from kiosk.domain.rules import (
    build_day_grid,
    current_slot_index,
    nearest_day_index,
    next_free_slots,
    now_and_next,
    slot_state,
)
from tests.domain.factories import small_event

DAYS = (date(2023, 4, 21), date(2023, 4, 22), date(2023, 4, 23))


@pytest.fixture
def event() -> Event:
    base = small_event(DAYS)
    block = Block("b", base.at(DAYS[0], time(12)), base.at(DAYS[0], time(14)), "Lunch talks")
    return replace(base, blocks=(block,))


def card(event: Event, room: str, day: date, hour: int, topic: str = "Topic") -> Card:
    start = event.at(day, time(hour))
    return Card(uuid.uuid4(), room, start, start + timedelta(hours=1), topic, "Host")


def local(event: Event, day: date, hour: int, minute: int = 0) -> datetime:
    return event.at(day, time(hour, minute))


def test_slot_starts_are_local_hours_in_utc(event: Event) -> None:
    starts = event.slot_starts(DAYS[0])
    assert len(starts) == 8
    assert starts[0] == datetime(2023, 4, 21, 16, 0, tzinfo=UTC)  # 10:00 MDT
    assert event.local(starts[-1]).time() == time(17)


@pytest.mark.parametrize(
    ("has_card", "has_block", "hour_over", "expected"),
    [
        (True, False, False, SlotState.BOOKED),
        (True, False, True, SlotState.BOOKED),  # a session stays findable after it started
        (False, True, False, SlotState.BLOCKED),
        (False, True, True, SlotState.BLOCKED),
        (False, False, True, SlotState.PAST),
        (False, False, False, SlotState.FREE),
    ],
)
def test_slot_state(event: Event, has_card: bool, has_block: bool, hour_over: bool, expected: SlotState) -> None:
    start = local(event, DAYS[0], 11)
    now = start + (timedelta(hours=2) if hour_over else -timedelta(hours=1))
    the_card = card(event, "a", DAYS[0], 11) if has_card else None
    the_block = event.blocks[0] if has_block else None
    assert (
        slot_state(starts_at=start, ends_at=start + timedelta(hours=1), now=now, card=the_card, block=the_block)
        is expected
    )


def test_day_grid_marks_cards_blocks_past_and_now(event: Event) -> None:
    cards = [card(event, "a", DAYS[0], 15, "Git clinic"), card(event, "c", DAYS[1], 10, "Other day")]
    now = local(event, DAYS[0], 11, 30)
    grid = build_day_grid(event, DAYS[0], cards, event.blocks, now)
    assert [r.key for r in grid.rooms] == ["a", "b", "c"]
    assert len(grid.cells) == 8 and all(len(row) == 3 for row in grid.cells)
    booked = grid.cell("a", local(event, DAYS[0], 15))
    assert booked.state is SlotState.BOOKED and booked.card is not None and booked.card.topic == "Git clinic"
    assert grid.cell("b", local(event, DAYS[0], 12)).state is SlotState.BLOCKED
    assert grid.cell("b", local(event, DAYS[0], 13)).block is not None
    assert grid.cell("b", local(event, DAYS[0], 14)).state is SlotState.FREE
    assert grid.cell("c", local(event, DAYS[0], 10)).state is SlotState.PAST
    current = grid.cell("c", local(event, DAYS[0], 11))
    assert current.is_now and current.state is SlotState.FREE and not current.is_over
    assert grid.cell("c", local(event, DAYS[0], 10)).is_over
    assert sum(cell.card is not None for row in grid.cells for cell in row) == 1  # Saturday's card not shown


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime(2023, 4, 22, 12, tzinfo=UTC), 1),  # during the conference: today
        (datetime(2023, 3, 1, 12, tzinfo=UTC), 0),  # long before: the first day
        (datetime(2023, 4, 20, 23, tzinfo=UTC), 0),  # evening before, local time
        (datetime(2023, 6, 1, 12, tzinfo=UTC), 2),  # after: the last day
        (datetime(2023, 4, 24, 3, tzinfo=UTC), 2),  # 21:00 on Sunday in Denver is still Sunday
    ],
)
def test_nearest_day(event: Event, today: datetime, expected: int) -> None:
    assert nearest_day_index(event, today) == expected


def test_nearest_day_uses_the_event_timezone(event: Event) -> None:
    # 02:00 UTC on the 22nd is 20:00 on the 21st in Denver.
    assert nearest_day_index(event, datetime(2023, 4, 22, 2, tzinfo=UTC)) == 0


def test_current_slot_index(event: Event) -> None:
    assert current_slot_index(event, DAYS[0], local(event, DAYS[0], 8)) == 0
    assert current_slot_index(event, DAYS[0], local(event, DAYS[0], 13, 59)) == 3
    assert current_slot_index(event, DAYS[0], local(event, DAYS[0], 23)) == 7


def test_now_and_next_per_room(event: Event) -> None:
    cards = [
        card(event, "a", DAYS[0], 11, "Now in A"),
        card(event, "a", DAYS[0], 14, "Later in A"),
        card(event, "b", DAYS[0], 16, "Next in B"),
        card(event, "c", DAYS[1], 11, "Tomorrow in C"),
    ]
    result = {r.room_key: r for r in now_and_next(event, cards, local(event, DAYS[0], 11, 20))}
    assert result["a"].now is not None and result["a"].now.topic == "Now in A"
    assert result["a"].next is not None and result["a"].next.topic == "Later in A"
    assert result["b"].now is None and result["b"].next is not None and result["b"].next.topic == "Next in B"
    assert result["c"].now is None and result["c"].next is None


def test_on_the_hour_the_starting_session_is_now_not_next(event: Event) -> None:
    cards = [card(event, "a", DAYS[0], 12, "Starting now"), card(event, "a", DAYS[0], 13, "After that")]
    result = {r.room_key: r for r in now_and_next(event, cards, local(event, DAYS[0], 12))}
    assert result["a"].now is not None and result["a"].now.topic == "Starting now"
    assert result["a"].next is not None and result["a"].next.topic == "After that"


def test_next_free_slots_prefers_same_hour_then_same_room(event: Event) -> None:
    wanted = local(event, DAYS[0], 15)
    cards = [card(event, "a", DAYS[0], 15), card(event, "c", DAYS[0], 15), card(event, "a", DAYS[0], 16)]
    found = next_free_slots(event, "a", wanted, cards, event.blocks, now=local(event, DAYS[0], 9), limit=4)
    assert found[0] == ("b", wanted)
    assert [room for room, _ in found[1:]] == ["a", "a", "a"]
    hours = [event.local(start).hour for _, start in found[1:]]
    assert hours == [14, 13, 17]  # nearest first, earlier on a tie; 16:00 is taken


def test_next_free_slots_skip_blocked_and_past(event: Event) -> None:
    wanted = local(event, DAYS[0], 12)
    found = next_free_slots(event, "b", wanted, [], event.blocks, now=local(event, DAYS[0], 11, 30), limit=20)
    starts = {event.local(start).hour for room, start in found if room == "b"}
    assert 12 not in starts and 13 not in starts  # blocked
    assert 10 not in starts  # over
    assert 11 in starts  # under way but not over: still bookable


def test_clocks() -> None:
    manual = ManualClock(datetime(2023, 4, 21, 17, tzinfo=UTC))
    manual.advance(timedelta(minutes=5))
    assert manual.now() == datetime(2023, 4, 21, 17, 5, tzinfo=UTC)
    running = RunningClock(datetime(2023, 4, 21, 17, tzinfo=UTC))
    first = running.now()
    assert first >= datetime(2023, 4, 21, 17, tzinfo=UTC)
    assert running.now() >= first
    assert first.tzinfo is not None
