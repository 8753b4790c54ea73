"""The attract screen's rules at chosen instants: before, live, between slots, tomorrow, over, blocked, empty."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from kiosk.domain.attract import (
    AttractMode,
    AttractView,
    RoomGlance,
    attract_view,
    minutes_left,
    next_conference_day,
    sessions_first,
)
from kiosk.domain.model import Block, Card, Event, Room
from tests.domain.factories import small_event

# Friday and Saturday, then a gap day, then Monday: "tomorrow" means the next conference day.
DAYS = (date(2023, 4, 21), date(2023, 4, 22), date(2023, 4, 24))


@pytest.fixture
def event() -> Event:
    return small_event(DAYS)


def card(event: Event, room: str, day: date, hour: int, topic: str) -> Card:
    start = event.at(day, time(hour))
    return Card(uuid.uuid4(), room, start, start + event.slot_length, topic, f"Host of {topic}")


def at(event: Event, day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return event.at(day, time(hour, minute, second))


def glance(view: AttractView, room: str) -> RoomGlance:
    return next(g for g in view.rooms if g.room.key == room)


@pytest.fixture
def cards(event: Event) -> tuple[Card, ...]:
    fri, sat, mon = DAYS
    return (
        card(event, "a", fri, 11, "Pico"),
        card(event, "a", fri, 12, "Home automation"),
        card(event, "b", fri, 14, "Data viz"),
        card(event, "a", sat, 15, "Late Saturday"),
        card(event, "b", sat, 10, "Early Saturday"),
        card(event, "b", sat, 13, "Saturday lunch"),
        card(event, "c", mon, 16, "Monday"),
    )


def test_before_the_first_day_shows_its_first_sessions(event: Event, cards: tuple[Card, ...]) -> None:
    view = attract_view(event, cards, at(event, date(2023, 4, 19), 15))
    assert view.mode is AttractMode.BEFORE
    assert view.day == DAYS[0]
    assert view.first_start == at(event, DAYS[0], 10)
    assert [g.room.key for g in view.rooms] == ["a", "b", "c"]
    first = {g.room.key: g.next.topic if g.next else None for g in view.rooms}
    assert first == {"a": "Pico", "b": "Data viz", "c": None}
    assert all(g.now is None for g in view.rooms)
    assert glance(view, "c").is_free
    assert view.sessions_held == 0


def test_live_mid_session_has_exact_minutes_left_and_the_next_session(event: Event, cards: tuple[Card, ...]) -> None:
    view = attract_view(event, cards, at(event, DAYS[0], 11, 35))
    assert view.mode is AttractMode.LIVE
    assert view.day == DAYS[0]
    assert view.under_way
    a, b, c = view.rooms
    assert a.now is not None and a.now.topic == "Pico"
    assert a.minutes_left == 25
    assert a.next is not None and a.next.topic == "Home automation"
    assert b.now is None and b.next is not None and b.next.topic == "Data viz"
    assert b.open_now and not b.is_free
    assert c.now is None and c.next is None and c.is_free and c.open_now
    assert view.sessions_held == 1


def test_minutes_left_round_up_so_the_last_minute_is_not_zero(event: Event, cards: tuple[Card, ...]) -> None:
    pico = cards[0]
    assert minutes_left(pico, pico.starts_at) == 60
    assert minutes_left(pico, pico.ends_at - timedelta(seconds=20)) == 1
    assert minutes_left(pico, pico.ends_at) == 0


def test_on_the_hour_the_starting_session_is_now_not_also_next(event: Event, cards: tuple[Card, ...]) -> None:
    view = attract_view(event, cards, at(event, DAYS[0], 12))
    a = glance(view, "a")
    assert a.now is not None and a.now.topic == "Home automation"
    assert a.minutes_left == 60
    assert a.next is None  # the 11:00 session is over and nothing follows today
    assert not a.is_free


def test_between_sessions_a_room_is_open_now_with_its_next(event: Event, cards: tuple[Card, ...]) -> None:
    view = attract_view(event, cards, at(event, DAYS[0], 13, 10))
    a, b, _ = view.rooms
    assert a.now is None and a.next is None and a.is_free
    assert b.now is None and b.next is not None and b.next.starts_at == at(event, DAYS[0], 14)
    assert b.open_now
    assert view.sessions_held == 2


def test_early_morning_of_a_conference_day_is_live_with_nothing_under_way(
    event: Event, cards: tuple[Card, ...]
) -> None:
    view = attract_view(event, cards, at(event, DAYS[1], 8, 15))
    assert view.mode is AttractMode.LIVE
    b = glance(view, "b")
    assert b.now is None and b.next is not None and b.next.topic == "Early Saturday"
    # No slot is under way at 08:15: nobody can take a room "now".
    assert not view.under_way
    assert not any(g.open_now for g in view.rooms)


def test_after_the_days_last_slot_shows_the_next_days_first_sessions(event: Event, cards: tuple[Card, ...]) -> None:
    view = attract_view(event, cards, at(event, DAYS[0], 18, 30))
    assert view.mode is AttractMode.TOMORROW
    assert view.day == DAYS[1]
    first = {g.room.key: g.next.topic if g.next else None for g in view.rooms}
    # Each room's earliest session, at whatever hour: Room B's 10:00 comes before its 13:00.
    assert first == {"a": "Late Saturday", "b": "Early Saturday", "c": None}
    assert view.sessions_held == 3


def test_tomorrow_skips_a_gap_day_to_the_next_conference_day(event: Event, cards: tuple[Card, ...]) -> None:
    for moment in (at(event, DAYS[1], 19), at(event, date(2023, 4, 23), 12)):
        view = attract_view(event, cards, moment)
        assert view.mode is AttractMode.TOMORROW
        assert view.day == DAYS[2]
        assert glance(view, "c").next is not None
    assert next_conference_day(event, date(2023, 4, 23)) == DAYS[2]
    assert next_conference_day(event, DAYS[2]) is None


def test_at_the_last_slots_end_it_is_over_with_every_session_counted(event: Event, cards: tuple[Card, ...]) -> None:
    just_before = attract_view(event, cards, at(event, DAYS[2], 17, 59))
    assert just_before.mode is AttractMode.LIVE
    view = attract_view(event, cards, at(event, DAYS[2], 18))
    assert view.mode is AttractMode.OVER
    assert view.day is None and view.rooms == ()
    assert view.sessions_held == len(cards)
    assert attract_view(event, cards, at(event, date(2023, 5, 30), 9)).sessions_held == len(cards)


def test_a_room_blocked_now_carries_the_reason_and_is_not_open(event: Event, cards: tuple[Card, ...]) -> None:
    lunch = Block("c", at(event, DAYS[0], 11), at(event, DAYS[0], 13), "Sponsor workshop")
    view = attract_view(event, cards, at(event, DAYS[0], 12, 30), blocks=(lunch,))
    c = glance(view, "c")
    assert c.block == lunch
    assert not c.open_now and not c.is_free
    after = glance(attract_view(event, cards, at(event, DAYS[0], 13), blocks=(lunch,)), "c")
    assert after.block is None and after.is_free and after.open_now


def test_blocks_elsewhere_leave_a_room_alone(event: Event, cards: tuple[Card, ...]) -> None:
    other_room = Block("b", at(event, DAYS[0], 11), at(event, DAYS[0], 13), "Workshop")
    other_day = Block("c", at(event, DAYS[1], 11), at(event, DAYS[1], 13), "Workshop")
    c = glance(attract_view(event, cards, at(event, DAYS[0], 12), blocks=(other_room, other_day)), "c")
    assert c.block is None and c.is_free


@pytest.mark.parametrize(
    ("moment", "mode"),
    [
        (datetime(2023, 4, 20, 12), AttractMode.BEFORE),
        (datetime(2023, 4, 21, 12), AttractMode.LIVE),
        (datetime(2023, 4, 21, 20), AttractMode.TOMORROW),
        (datetime(2023, 4, 25, 12), AttractMode.OVER),
    ],
)
def test_an_event_with_no_cards(event: Event, moment: datetime, mode: AttractMode) -> None:
    view = attract_view(event, (), moment.replace(tzinfo=event.tz))
    assert view.mode is mode
    assert view.sessions_held == 0
    assert all(g.is_free for g in view.rooms)
    assert len(view.rooms) == (0 if mode is AttractMode.OVER else 3)


def test_cards_in_rooms_no_longer_on_the_board_are_ignored(event: Event, cards: tuple[Card, ...]) -> None:
    gone = card(event, "removed", DAYS[0], 11, "Old room")
    view = attract_view(event, (*cards, gone), at(event, DAYS[0], 11, 30))
    assert [g.room.key for g in view.rooms] == ["a", "b", "c"]
    before = attract_view(event, (gone,), at(event, date(2023, 4, 1), 9))
    assert all(g.is_free for g in before.rooms)


def test_sessions_first_then_blocked_then_free_keeping_room_order(event: Event) -> None:
    rooms = tuple(Room(k, k.upper()) for k in "pqrst")
    busy = card(event, "s", DAYS[0], 11, "Busy")
    block = Block("q", busy.starts_at, busy.ends_at, "Held")
    glances = (
        RoomGlance(rooms[0]),
        RoomGlance(rooms[1], block=block),
        RoomGlance(rooms[2], next=busy),
        RoomGlance(rooms[3], now=busy, minutes_left=5),
        RoomGlance(rooms[4]),
    )
    assert [g.room.key for g in sessions_first(glances)] == ["r", "s", "q", "p", "t"]


def test_the_view_is_the_same_for_any_order_of_cards(event: Event, cards: tuple[Card, ...]) -> None:
    moment = at(event, DAYS[1], 9)
    assert attract_view(event, cards, moment) == attract_view(event, tuple(reversed(cards)), moment)


def test_a_day_without_slots_is_never_live(event: Event) -> None:
    closed = replace(event, first_slot=time(10), last_slot_end=time(10, 30))
    assert attract_view(closed, (), at(closed, DAYS[0], 10, 10)).mode is AttractMode.TOMORROW
