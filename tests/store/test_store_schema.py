"""The schema itself guards the board: one live card per room and hour, links between rows enforced."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from kiosk.store.service import BoardService
from kiosk.store.tables import RoomRow, SessionRow

STARTS = datetime(2023, 4, 21, 16, 0, tzinfo=UTC)


def session_row(room_id: uuid.UUID, *, deleted: bool = False) -> SessionRow:
    return SessionRow(
        id=uuid.uuid4(),
        created_at=STARTS,
        updated_at=STARTS,
        version=1,
        deleted=deleted,
        kiosk_id="test",
        room_id=room_id,
        starts_at=STARTS,
        ends_at=STARTS.replace(hour=17),
        topic="Direct insert",
        host_name="Aiko",
        edit_code_hash="!",
        idea_id=None,
    )


def room_id(engine: sa.Engine, key: str) -> uuid.UUID:
    with Session(engine) as s:
        return s.scalars(sa.select(RoomRow.id).where(RoomRow.key == key)).one()


def test_two_live_sessions_in_one_room_and_hour_are_impossible(service: BoardService) -> None:
    engine = service.engine
    room = room_id(engine, "a")
    with Session(engine) as s, s.begin():
        s.add(session_row(room))

    with pytest.raises(sa.exc.IntegrityError, match="UNIQUE"), Session(engine) as s, s.begin():
        s.add(session_row(room))


def test_a_tombstoned_session_does_not_hold_its_slot(service: BoardService) -> None:
    engine = service.engine
    room = room_id(engine, "a")
    with Session(engine) as s, s.begin():
        s.add(session_row(room, deleted=True))
        s.add(session_row(room, deleted=True))
        s.add(session_row(room))

    with Session(engine) as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(SessionRow)) == 3


def test_a_session_must_point_at_an_existing_room(service: BoardService) -> None:
    with pytest.raises(sa.exc.IntegrityError, match="FOREIGN KEY"), Session(service.engine) as s, s.begin():
        s.add(session_row(uuid.uuid4()))
