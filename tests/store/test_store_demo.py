"""The demo board: a realistic, deterministic set of sessions and ideas, only ever on an empty board."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Event, Room
from kiosk.domain.rules import block_covering
from kiosk.domain.validation import CardFields, validate_card, validate_idea
from kiosk.store.service import BoardService, CardDraft
from kiosk.store.tables import AuditRow

MakeDraft = Callable[..., CardDraft]


def test_seeding_an_empty_board_adds_sessions_spread_over_days_rooms_and_hours(
    service: BoardService, event: Event
) -> None:
    stamp = service.change_stamp()

    added = service.seed_demo()

    cards = service.cards()
    assert added == len(cards) > 20
    assert {event.local(card.starts_at).date() for card in cards} == set(event.days)
    assert {card.room_key for card in cards} == {room.key for room in event.rooms}
    assert len({event.local(card.starts_at).time() for card in cards}) >= 6
    assert not any(block_covering(event.blocks, c.room_key, c.starts_at, c.ends_at) for c in cards)
    slots_per_day = len(event.slot_starts(event.days[0])) * len(event.rooms)
    for day, count in Counter(event.local(card.starts_at).date() for card in cards).items():
        assert count < slots_per_day, f"{day} has no free slot left"
    assert any(not card.host_name.isascii() for card in cards)
    handles = [card.handle for card in cards if card.handle]
    assert any(h.startswith("@") and h.count("@") == 1 for h in handles)
    assert any(h.startswith("@") and h.count("@") == 2 for h in handles)
    assert any(h.endswith(".bsky.social") for h in handles)
    known_tags = {tag.key for tag in event.tags}
    assert all(set(card.tags) <= known_tags and len(card.tags) <= 3 for card in cards)
    assert any(card.tags for card in cards)
    assert 4 <= len(service.ideas()) <= 6
    assert any(idea.votes for idea in service.ideas())
    with Session(service.engine) as s:
        assert list(s.scalars(sa.select(AuditRow.action).where(AuditRow.id > stamp))) == ["demo.seed"]


def test_seeding_a_board_that_has_sessions_writes_nothing(service: BoardService) -> None:
    assert service.seed_demo() > 0
    stamp, cards, ideas = service.change_stamp(), service.cards(), service.ideas()

    assert service.seed_demo() == 0

    assert (service.change_stamp(), service.cards(), service.ideas()) == (stamp, cards, ideas)


def test_a_cancelled_card_also_keeps_the_demo_away(service: BoardService, make_draft: MakeDraft) -> None:
    added = service.add_card(make_draft())
    service.cancel_card(added.card.id, added.edit_code)
    stamp = service.change_stamp()

    assert service.seed_demo() == 0
    assert service.change_stamp() == stamp


def test_the_demo_is_the_same_every_time(tmp_path: Path, event: Event, clock: ManualClock) -> None:
    boards = [BoardService.open(tmp_path / name, event, clock, "kiosk-a") for name in ("one", "two")]
    for board in boards:
        board.seed_demo()

    first, second = ([(c.id, c.room_key, c.starts_at, c.topic, c.tags) for c in b.cards()] for b in boards)
    assert first == second
    assert [i.id for i in boards[0].ideas()] == [i.id for i in boards[1].ideas()]
    for board in boards:
        board.close()


def test_the_demo_fits_any_event(tmp_path: Path, event: Event, clock: ManualClock) -> None:
    other = replace(
        event,
        slug="tiny-con",
        days=(date(2023, 4, 21),),
        first_slot=time(13),
        last_slot_end=time(17),
        rooms=(Room("x1", "Hall X1"), Room("b", "Room B")),
        tags=(),
    )
    board = BoardService.open(tmp_path / "tiny", other, clock, "kiosk-a")

    added = board.seed_demo()

    cards = board.cards()
    # 8 room-hours, one blocked (b at 13:00): 7 open, of which the demo leaves some free.
    assert 0 < added == len(cards) < 7
    assert {card.room_key for card in cards} <= {"x1", "b"}
    assert all(card.tags == () for card in cards)
    assert not any(block_covering(other.blocks, c.room_key, c.starts_at, c.ends_at) for c in cards)
    board.close()


def test_demo_cards_follow_the_card_rules_people_must_follow(service: BoardService, event: Event) -> None:
    service.seed_demo()
    tag_keys = [tag.key for tag in event.tags]
    for card in service.cards():
        fields = CardFields(card.topic, card.host_name, card.description, card.handle, card.tags)
        assert validate_card(fields, tag_keys) == fields
    for idea in service.ideas():
        assert validate_idea(idea.topic, idea.note) == (idea.topic, idea.note)
