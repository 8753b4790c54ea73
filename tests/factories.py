"""The one factory for test events and the drafts of cards put on them.

`make_event()` is a small conference in Denver: two days from 10:00 to 18:00 in hourly slots, three rooms, a
sponsor lunch blocking room B, three tags. Any field can be replaced, so each test folder states only what is
particular to it (the export tests use PyCon-like rooms, the domain tests other days). `lifted_event()` is the same
with the anti-spam limits out of the way, for tests that add cards by the hundred; `CONFIG_EVENT` and `CONFIG_LINKS`
begin a config file for the same conference.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from kiosk.domain.model import Block, Event, Limits, Room, Tag
from kiosk.store.cards import CardDraft

DENVER = ZoneInfo("America/Denver")
DAY_ONE = date(2023, 4, 21)
DAY_TWO = date(2023, 4, 22)
LUNCH_BLOCK_ID = uuid.UUID("00000000-0000-4000-8000-00000000b10c")


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """An aware Denver wall-clock time."""
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
            Block("b", local(DAY_ONE, 12).astimezone(UTC), local(DAY_ONE, 14), "Sponsor lunch", LUNCH_BLOCK_ID),
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


# Limits no test reaches by accident: for tests that add cards, votes and ideas by the hundred, which the anti-spam
# limits are not what they are about (the wrong-code limits stay as they are).
LIFTED_LIMITS = Limits(
    cards_per_kiosk_per_minute=10**6,
    cards_per_handle_per_day=10**6,
    votes_per_kiosk_per_minute=10**6,
    ideas_per_kiosk_per_minute=10**6,
)


def lifted_event(**overrides: object) -> Event:
    """`make_event()` with `LIFTED_LIMITS`."""
    return make_event(limits=LIFTED_LIMITS, **overrides)


# The [event] and [links] tables of a config file for `make_event()`'s conference (its name, time zone, days and
# hourly slots; slot_minutes left to its default), each ending in a blank line. The config tests edit them line by
# line; a test that runs the `kiosk` command puts its own rooms, [kiosk] and [hub] after them.
CONFIG_EVENT = """\
[event]
name = "Test Con"
slug = "test-con"
timezone = "America/Denver"
days = [2023-04-21, 2023-04-22]
first_slot = "10:00"
last_slot_end = "18:00"
hashtag = "#TestCon"

"""
CONFIG_LINKS = """\
[links]
base_url = "https://example.org/os/"

"""


def draft(
    room_key: str = "a", day: date = DAY_ONE, hour: int = 10, *, topic: str = "Python on the Pico", **more: object
) -> CardDraft:
    """A card for a slot of `make_event()`'s board."""
    return CardDraft(
        room_key=room_key,
        starts_at=local(day, hour).astimezone(UTC),
        topic=topic,
        host_name=str(more.pop("host_name", "Zoë")),
        **more,  # type: ignore[arg-type]
    )
