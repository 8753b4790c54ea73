"""The domain tests' event: the shared test event with the days (and blocks) a test needs, and no tags."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kiosk.domain.model import Block, Event, Room
from tests.factories import make_event


def small_event(days: Sequence[date], blocks: Sequence[Block] = ()) -> Event:
    return make_event(
        days=tuple(days),
        blocks=tuple(blocks),
        rooms=(Room("a", "Room A"), Room("b", "Room B"), Room("c", "Room C")),
        tags=(),
        hashtag="#Test",
        base_url="https://example.org",
    )
