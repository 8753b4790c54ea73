"""The wish list: adding ideas, voting with limits, and a card adopting an idea."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Event
from kiosk.domain.validation import InvalidCard
from kiosk.store.errors import IdeaNotFound, RateLimited
from kiosk.store.service import BoardService, CardDraft
from kiosk.store.tables import AuditRow

MakeDraft = Callable[..., CardDraft]


def audit_count(service: BoardService, action: str) -> int:
    with Session(service.engine) as s:
        return s.scalar(sa.select(sa.func.count()).select_from(AuditRow).where(AuditRow.action == action)) or 0


def test_ideas_are_listed_by_votes_then_newest(service: BoardService, clock: ManualClock) -> None:
    rust = service.add_idea("  Rust extensions  ", "PyO3 and maturin")
    clock.advance(timedelta(minutes=1))
    parents = service.add_idea("Parents at PyCon")
    clock.advance(timedelta(minutes=1))
    micro = service.add_idea("MicroPython for beginners")
    service.vote_idea(parents.id)

    listed = service.ideas()

    assert [idea.topic for idea in listed] == ["Parents at PyCon", "MicroPython for beginners", "Rust extensions"]
    assert [idea.votes for idea in listed] == [1, 0, 0]
    assert listed[2] == rust
    assert (rust.note, rust.created_at, micro.adopted_card_id) == (
        "PyO3 and maturin",
        clock.now() - timedelta(minutes=2),
        None,
    )
    assert audit_count(service, "idea.add") == 3
    assert audit_count(service, "idea.vote") == 1


def test_an_idea_needs_a_topic(service: BoardService) -> None:
    with pytest.raises(InvalidCard) as blank:
        service.add_idea("   ", "a note alone")
    assert blank.value.field == "topic"
    assert service.ideas() == ()


def test_voting_for_a_missing_idea_says_so(service: BoardService) -> None:
    with pytest.raises(IdeaNotFound):
        service.vote_idea(uuid.uuid4())


def test_the_same_idea_gets_one_vote_per_kiosk_every_ten_seconds(service: BoardService, clock: ManualClock) -> None:
    idea = service.add_idea("Open-source funding")
    service.vote_idea(idea.id)

    with pytest.raises(RateLimited, match="vote for this idea is counted"):
        service.vote_idea(idea.id)
    clock.advance(timedelta(seconds=11))
    assert service.vote_idea(idea.id).votes == 2
    assert audit_count(service, "idea.vote") == 2


def test_one_kiosk_may_vote_only_so_many_times_a_minute(
    service: BoardService, clock: ManualClock, event: Event
) -> None:
    limit = event.limits.votes_per_kiosk_per_minute
    ideas = []
    for n in range(limit + 1):
        ideas.append(service.add_idea(f"Idea {n}"))
        clock.advance(timedelta(seconds=21))  # under the limit on new ideas
    for idea in ideas[:limit]:
        service.vote_idea(idea.id)

    with pytest.raises(RateLimited, match="wait a minute"):
        service.vote_idea(ideas[limit].id)
    # Another kiosk has its own allowance.
    other_kiosk = BoardService(service.engine, event, clock, "kiosk-b")
    assert other_kiosk.vote_idea(ideas[limit].id).votes == 1
    clock.advance(timedelta(seconds=61))
    assert service.vote_idea(ideas[limit].id).votes == 2


def test_one_kiosk_may_add_only_so_many_ideas_a_minute(service: BoardService, clock: ManualClock, event: Event) -> None:
    limit = event.limits.ideas_per_kiosk_per_minute
    for n in range(limit):
        service.add_idea(f"Idea {n}")
    with pytest.raises(RateLimited, match="wait a minute"):
        service.add_idea("One too many")
    assert len(service.ideas()) == limit and audit_count(service, "idea.add") == limit
    clock.advance(timedelta(seconds=61))
    assert service.add_idea("One too many").topic == "One too many"


def test_a_card_can_adopt_an_idea_and_cancelling_it_frees_the_idea(
    service: BoardService, make_draft: MakeDraft
) -> None:
    idea = service.add_idea("Git workflows")

    added = service.add_card(make_draft("a", 0, 10, topic="Git workflows that don't hurt", idea_id=idea.id))

    assert added.card.idea_id == idea.id
    assert service.ideas()[0].adopted_card_id == added.card.id
    service.cancel_card(added.card.id, added.edit_code)
    assert service.ideas()[0].adopted_card_id is None


def test_adopting_a_missing_idea_adds_no_card(service: BoardService, make_draft: MakeDraft) -> None:
    with pytest.raises(IdeaNotFound):
        service.add_card(make_draft(idea_id=uuid.uuid4()))
    assert service.cards() == ()
