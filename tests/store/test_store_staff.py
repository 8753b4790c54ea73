"""Staff moderation in the store: any card moved, edited, cancelled with a reason and restored; rooms blocked
and unblocked; the wish list tidied. No edit code needed, and every action is one audit row by staff."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from kiosk.domain.clock import ManualClock
from kiosk.domain.validation import InvalidCard
from kiosk.store.errors import (
    BadTimeRange,
    ConfigBlock,
    IdeaNotFound,
    SessionsInTheWay,
    SlotBlocked,
    SlotTaken,
)
from kiosk.store.service import BoardService
from kiosk.store.tables import AuditRow
from tests.factories import DAY_ONE, DAY_TWO, LUNCH_BLOCK_ID, local
from tests.store.conftest import DraftMaker


def last_audit(service: BoardService) -> AuditRow:
    with Session(service.engine, expire_on_commit=False) as s:
        row = s.scalars(sa.select(AuditRow).order_by(AuditRow.id.desc()).limit(1)).one()
        return row


def test_staff_edit_and_move_any_card_without_its_code(service: BoardService, make_draft: DraftMaker) -> None:
    added = service.add_card(make_draft("a", 0, 15, topic="Typo in teh topic"))

    edited = service.staff_edit_card(added.card.id, make_draft("a", 0, 15, topic="Typo in the topic"))
    moved = service.staff_move_card(added.card.id, "c", local(DAY_ONE, 16))

    assert edited.topic == "Typo in the topic"
    assert (moved.room_key, moved.starts_at, moved.topic) == ("c", local(DAY_ONE, 16), "Typo in the topic")
    audit = last_audit(service)
    assert (audit.actor, audit.action) == ("staff", "staff.card.move")
    detail = json.loads(audit.detail)
    assert detail["changed"][f"sessions/{added.card.id}"]["starts_at"] == [
        "2023-04-21T21:00:00+00:00",
        "2023-04-21T22:00:00+00:00",
    ]


def test_a_move_goes_only_to_a_free_unblocked_slot(service: BoardService, make_draft: DraftMaker) -> None:
    first = service.add_card(make_draft("a", 0, 15))
    second = service.add_card(make_draft("c", 0, 15, topic="Another one"))
    with pytest.raises(SlotTaken):
        service.staff_move_card(first.card.id, "c", local(DAY_ONE, 15))
    with pytest.raises(SlotBlocked, match="Sponsor lunch"):
        service.staff_move_card(first.card.id, "b", local(DAY_ONE, 12))
    assert {c.id: c.room_key for c in service.cards()} == {first.card.id: "a", second.card.id: "c"}


def test_cancel_needs_a_reason_and_restore_brings_the_card_back(service: BoardService, make_draft: DraftMaker) -> None:
    added = service.add_card(make_draft("a", 0, 15, topic="Abusive words"))
    with pytest.raises(InvalidCard, match="reason"):
        service.staff_cancel_card(added.card.id, "   ")

    service.staff_cancel_card(added.card.id, "Against the code of conduct")

    assert service.cards() == ()
    assert [c.id for c in service.cancelled_cards()] == [added.card.id]
    assert json.loads(last_audit(service).detail)["reason"] == "Against the code of conduct"
    restored = service.staff_restore_card(added.card.id)
    assert restored.topic == "Abusive words" and [c.id for c in service.cards()] == [added.card.id]
    assert last_audit(service).action == "staff.card.restore"


def test_a_cancelled_card_whose_slot_was_taken_is_not_restored_over_the_new_one(
    service: BoardService, make_draft: DraftMaker
) -> None:
    old = service.add_card(make_draft("a", 0, 15, topic="Old"))
    service.staff_cancel_card(old.card.id, "Host ill")
    new = service.add_card(make_draft("a", 0, 15, topic="New"))
    with pytest.raises(SlotTaken):
        service.staff_restore_card(old.card.id)
    assert [c.id for c in service.cards()] == [new.card.id]


def test_blocking_a_room_with_sessions_in_the_way_names_them_and_blocks_nothing(
    service: BoardService, make_draft: DraftMaker
) -> None:
    in_the_way = service.add_card(make_draft("a", 1, 11, topic="In the way"))
    blocks_before = service.blocks()

    with pytest.raises(SessionsInTheWay) as refused:
        service.block_room("a", local(DAY_TWO, 10, 30), local(DAY_TWO, 12), "Keynote overflow")

    assert [c.id for c in refused.value.cards] == [in_the_way.card.id]
    assert service.blocks() == blocks_before
    service.staff_move_card(in_the_way.card.id, "a", local(DAY_TWO, 14))
    block = service.block_room("a", local(DAY_TWO, 10, 30), local(DAY_TWO, 12), "Keynote overflow")
    assert block in service.blocks()
    audit = last_audit(service)
    assert (audit.actor, audit.action, audit.entity_id) == ("staff", "staff.block", str(block.id))


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ((DAY_TWO, 12), (DAY_TWO, 11), "later than the start"),
        ((DAY_TWO, 9), (DAY_TWO, 11), "keep the block within them"),
        ((DAY_TWO, 17), (DAY_TWO, 19), "keep the block within them"),
    ],
)
def test_a_block_stays_within_a_days_open_hours(service: BoardService, start: tuple, end: tuple, message: str) -> None:
    with pytest.raises(BadTimeRange, match=message):
        service.block_room("a", local(*start), local(*end), "Something")


def test_a_block_cannot_overlap_another_and_config_blocks_stay(service: BoardService) -> None:
    with pytest.raises(BadTimeRange, match="Sponsor lunch"):
        service.block_room("b", local(DAY_ONE, 13), local(DAY_ONE, 15), "Overlaps lunch")
    with pytest.raises(ConfigBlock):
        service.unblock_room(LUNCH_BLOCK_ID)
    staff_block = service.block_room("b", local(DAY_ONE, 15), local(DAY_ONE, 16), "Photo shoot")
    service.unblock_room(staff_block.id)
    assert staff_block not in service.blocks() and any(b.id == LUNCH_BLOCK_ID for b in service.blocks())


def test_hiding_and_merging_ideas_loses_no_vote(service: BoardService, clock: ManualClock) -> None:
    keep = service.add_idea("Rust for Pythonistas")
    duplicate = service.add_idea("Rust for Python people")
    spam = service.add_idea("Buy cheap watches")
    for _ in range(2):
        service.vote_idea(duplicate.id)
        clock.advance(timedelta(seconds=30))  # one person's +1s are counted once in a while
    service.vote_idea(keep.id)

    merged = service.merge_ideas(keep.id, duplicate.id)
    service.hide_idea(spam.id)

    assert merged.votes == 3
    assert [(i.topic, i.votes) for i in service.ideas()] == [("Rust for Pythonistas", 3)]
    with pytest.raises(IdeaNotFound):
        service.merge_ideas(keep.id, keep.id)
