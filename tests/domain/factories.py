"""A small three-room event for the domain tests: 10:00–18:00 in Denver, hourly slots."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from kiosk.domain.model import Block, Event, Room


def small_event(days: Sequence[date], blocks: Sequence[Block] = ()) -> Event:
    return Event(
        name="Test Con",
        slug="test-con",
        timezone="America/Denver",
        days=tuple(days),
        first_slot=time(10),
        last_slot_end=time(18),
        slot_minutes=60,
        rooms=(Room("a", "Room A"), Room("b", "Room B"), Room("c", "Room C")),
        blocks=tuple(blocks),
        hashtag="#Test",
        base_url="https://example.org",
        session_url_template="{base_url}/{id}",
        share_url_template="https://example.org/share?text={text}",
    )
