"""Fixtures for the store tests: a small event (3 rooms, 2 days, one block), a manual clock and a fresh board."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Block, Event, Limits, Room, Tag
from kiosk.store.service import BoardService, CardDraft

DENVER = ZoneInfo("America/Denver")
DAY_ONE = date(2023, 4, 21)
DAY_TWO = date(2023, 4, 22)
LUNCH_BLOCK_ID = uuid.UUID("00000000-0000-4000-8000-00000000b10c")


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), DENVER)


def make_event(**overrides: object) -> Event:
    fields: dict[str, object] = {
        "name": "Test Con",
        "slug": "test-con",
        "timezone": "America/Denver",
        "days": (DAY_ONE, DAY_TWO),
        "first_slot": time(10),
        "last_slot_end": time(18),
        "slot_minutes": 60,
        "rooms": (Room("a", "Room A", "Level 1"), Room("b", "Room B"), Room("c", "Room C")),
        "blocks": (
            Block(
                "b", local(DAY_ONE, 12).astimezone(ZoneInfo("UTC")), local(DAY_ONE, 14), "Sponsor lunch", LUNCH_BLOCK_ID
            ),
        ),
        "hashtag": "#TestConOpenSpace",
        "base_url": "https://example.org/openspaces",
        "session_url_template": "{base_url}/{id}",
        "share_url_template": "https://example.org/share?text={text}",
        "tags": (
            Tag("maker", "Maker projects", "#e4572e"),
            Tag("data", "Data", "#3a8d4f"),
            Tag("social", "Social", "#6b7f1f"),
        ),
        "limits": Limits(),
    }
    fields.update(overrides)
    return Event(**fields)  # type: ignore[arg-type]


def draft(
    room_key: str = "a", day: date = DAY_ONE, hour: int = 10, *, topic: str = "Python on the Pico", **more: object
) -> CardDraft:
    return CardDraft(
        room_key=room_key,
        starts_at=local(day, hour).astimezone(UTC),
        topic=topic,
        host_name=str(more.pop("host_name", "Zoë")),
        **more,  # type: ignore[arg-type]
    )


# Helpers reach the tests as fixtures: importing from a conftest breaks once other test folders have one.
DraftMaker = Callable[..., CardDraft]
LocalTime = Callable[..., datetime]


@pytest.fixture
def make_draft() -> DraftMaker:
    """`make_draft("a", day_index, hour, topic=..., handle=...)`: a card draft for a slot on the test event."""

    def make(room_key: str = "a", day_index: int = 0, hour: int = 10, **fields: object) -> CardDraft:
        return draft(room_key, (DAY_ONE, DAY_TWO)[day_index], hour, **fields)

    return make


@pytest.fixture
def local_time() -> LocalTime:
    """`local_time(day_index, hour, minute=0)`: an aware Denver time on a day of the test event."""

    def make(day_index: int, hour: int, minute: int = 0) -> datetime:
        return local((DAY_ONE, DAY_TWO)[day_index], hour, minute)

    return make


@pytest.fixture
def event() -> Event:
    return make_event()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(local(DAY_ONE, 9))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def service(data_dir: Path, event: Event, clock: ManualClock) -> Iterator[BoardService]:
    board = BoardService.open(data_dir, event, clock, "kiosk-a")
    yield board
    board.close()
