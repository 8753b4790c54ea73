"""Fixtures for the share tests: the sample event, its cards and its wish list."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time

import pytest

from kiosk.domain import Card, Event, Idea
from tests.share.sample import (
    DAY_1,
    DAY_2,
    HOSTILE_FORMULA,
    HOSTILE_IMG,
    HOSTILE_SCRIPT,
    TRICKY_DESCRIPTION,
    CardFactory,
    card_id,
    make_event,
)


@pytest.fixture
def event() -> Event:
    return make_event()


@pytest.fixture
def make_card(event: Event) -> CardFactory:
    def make(
        name: str,
        day: date = DAY_1,
        hour: int = 11,
        room: str = "150d",
        topic: str = "Packaging",
        host: str = "José",
        **fields: object,
    ) -> Card:
        starts = event.at(day, time(hour))
        return Card(
            id=card_id(name),
            room_key=room,
            starts_at=starts,
            ends_at=starts + event.slot_length,
            topic=topic,
            host_name=host,
            created_at=datetime(2023, 4, 20, 15, 30, tzinfo=UTC),
            **fields,  # type: ignore[arg-type]
        )

    return make


@pytest.fixture
def cards(make_card: CardFactory) -> list[Card]:
    return [
        make_card(
            "packaging",
            topic='Packaging: wheels, sdists; and "fun"',
            host="José Núñez",
            handle="@jose",
            description=TRICKY_DESCRIPTION,
            tags=("web",),
            updated_at=datetime(2023, 4, 21, 16, 5, tzinfo=UTC),
            version=3,
        ),
        make_card(
            "formula",
            hour=10,
            room="151a",
            topic=HOSTILE_FORMULA,
            host="Łukasz",
            handle="@lukasz@fosstodon.org",
            description="-1+1 @SUM(A1)",
            tags=("community",),
        ),
        make_card(
            "script",
            hour=13,
            room="lobby",
            topic=HOSTILE_SCRIPT,
            host=HOSTILE_IMG,
            handle="zoe.bsky.social",
            description=f"{HOSTILE_IMG} & <b>bold</b>\x0b with a vertical tab",
        ),
        make_card(
            "emoji",
            day=DAY_2,
            hour=10,
            topic="Zoë's 🐍 emoji meet-up 🎉",
            host="Zoë",
            tags=("community", "web"),
        ),
        make_card("only-emoji", day=DAY_2, hour=13, room="lobby", topic="🎉🎉", host="Ana", handle="not a handle!"),
    ]


@pytest.fixture
def ideas(cards: list[Card]) -> list[Idea]:
    return [
        Idea(uuid.uuid5(uuid.NAMESPACE_URL, "idea:1"), "Board games night", "Bring your own <games>", votes=7),
        Idea(uuid.uuid5(uuid.NAMESPACE_URL, "idea:2"), HOSTILE_SCRIPT, votes=2),
        Idea(uuid.uuid5(uuid.NAMESPACE_URL, "idea:3"), "Emoji 🐍 talk", votes=1, adopted_card_id=cards[3].id),
    ]
