"""Fixtures for the store tests: a small event (3 rooms, 2 days, one block), a manual clock, a fresh board and the
same board in use."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Event
from kiosk.store.service import AddedCard, BoardService, CardDraft
from tests.factories import DAY_ONE, DAY_TWO, draft, local, make_event

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


@pytest.fixture
def busy_board(service: BoardService, make_draft: DraftMaker, clock: ManualClock) -> AddedCard:
    """`service` in use: three cards (one adopting an idea, one on the second day in room C), two ideas, and a staff
    block beside the config's lunch block, then a minute on the clock. Returns the first card, with its edit code."""
    first = service.add_card(make_draft("a", 0, 10, topic="Home automation"))
    idea = service.add_idea("Packaging pain points")
    service.add_idea("Board games")
    service.add_card(make_draft("c", 0, 11, topic="Packaging, live", idea_id=idea.id))
    service.add_card(make_draft("c", 1, 15, topic="Type hints in practice"))
    service.block_room("a", local(DAY_TWO, 16), local(DAY_TWO, 18), "Cleaning")
    clock.advance(timedelta(minutes=1))
    return first
