"""Keeping the database's rooms and config blocks in step with the event, without growing the log on restarts."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Block, Event, Room
from kiosk.store.service import BoardService, CardDraft
from kiosk.store.tables import AuditRow, BlockRow, RoomRow

MakeDraft = Callable[..., CardDraft]


def rooms_in_database(service: BoardService) -> list[tuple[str, str, int, bool]]:
    with Session(service.engine) as s:
        rows = s.scalars(sa.select(RoomRow).order_by(RoomRow.deleted, RoomRow.position))
        return [(row.key, row.name, row.position, row.deleted) for row in rows]


def audit_actions(service: BoardService) -> list[str]:
    with Session(service.engine) as s:
        return list(s.scalars(sa.select(AuditRow.action).order_by(AuditRow.id)))


def test_opening_a_new_board_stores_the_event_rooms_and_blocks(service: BoardService, event: Event) -> None:
    assert rooms_in_database(service) == [
        ("a", "Room A", 0, False),
        ("b", "Room B", 1, False),
        ("c", "Room C", 2, False),
    ]
    assert service.blocks() == event.blocks
    assert audit_actions(service) == ["event.apply_config"]


def test_restarting_with_the_same_event_writes_nothing(
    service: BoardService, data_dir: Path, event: Event, clock: ManualClock
) -> None:
    stamp = service.change_stamp()
    service.close()

    for _ in range(3):
        restarted = BoardService.open(data_dir, event, clock, "kiosk-a")
        assert restarted.change_stamp() == stamp
        restarted.close()


def test_a_changed_event_updates_rooms_and_blocks_in_one_audited_change(
    service: BoardService, event: Event, clock: ManualClock, make_draft: MakeDraft
) -> None:
    card_in_c = service.add_card(make_draft("c", 0, 10)).card
    evening = Block("a", datetime(2023, 4, 22, 0, tzinfo=UTC), datetime(2023, 4, 22, 1, tzinfo=UTC), "Party setup")
    changed = replace(
        event,
        rooms=(Room("b", "Room B (big)"), Room("a", "Room A", "Level 1"), Room("d", "Room D")),
        blocks=(evening,),
    )
    actions_before = audit_actions(service)

    BoardService(service.engine, changed, clock, "kiosk-a").apply_config()

    assert rooms_in_database(service) == [
        ("b", "Room B (big)", 0, False),
        ("a", "Room A", 1, False),
        ("d", "Room D", 2, False),
        ("c", "Room C", 2, True),
    ]
    assert service.blocks() == (evening,)
    assert audit_actions(service) == [*actions_before, "event.apply_config"]
    # A card in a room the event dropped cannot be placed on the grid; bringing the room back brings it back.
    assert service.cards() == ()
    service.apply_config()
    assert service.cards() == (card_in_c,)


def test_blocks_made_by_staff_are_left_alone(service: BoardService, event: Event, clock: ManualClock) -> None:
    staff_block = Block("c", datetime(2023, 4, 21, 20, tzinfo=UTC), datetime(2023, 4, 21, 21, tzinfo=UTC), "Cleaning")
    with Session(service.engine) as s, s.begin():
        room_c = s.scalars(sa.select(RoomRow.id).where(RoomRow.key == "c")).one()
        s.add(
            BlockRow(
                id=staff_block.id,
                created_at=clock.now(),
                updated_at=clock.now(),
                version=1,
                deleted=False,
                kiosk_id="kiosk-a",
                room_id=room_c,
                starts_at=staff_block.starts_at,
                ends_at=staff_block.ends_at,
                reason=staff_block.reason,
                source="staff",
            )
        )

    BoardService(service.engine, replace(event, blocks=()), clock, "kiosk-a").apply_config()

    assert service.blocks() == (staff_block,)


def test_room_ids_are_the_same_on_every_kiosk(tmp_path: Path, event: Event, clock: ManualClock) -> None:
    def room_ids(board: BoardService) -> dict[str, uuid.UUID]:
        with Session(board.engine) as s:
            return {row.key: row.id for row in s.scalars(sa.select(RoomRow))}

    first = BoardService.open(tmp_path / "one", event, clock, "kiosk-a")
    second = BoardService.open(tmp_path / "two", event, clock, "kiosk-b")

    assert room_ids(first) == room_ids(second)
    first.close()
    second.close()
