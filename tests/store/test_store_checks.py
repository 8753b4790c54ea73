"""The board's health check: a clean board passes, and each check catches a board broken by hand (raw SQL, with the
constraints that normally prevent the breakage taken away first)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from kiosk.domain.model import Event
from kiosk.store.checks import check_board
from kiosk.store.context import StoreContext
from kiosk.store.service import AddedCard, BoardService
from tests.factories import DAY_ONE, local

Breaker = Callable[[sqlite3.Connection], None]


@pytest.fixture
def board(service: BoardService, busy_board: AddedCard) -> BoardService:
    """The busy board: three sessions (one adopting an idea), two ideas, the config's lunch block and a staff block."""
    return service


def by_hand(service: BoardService, sql: str, *params: object) -> None:
    """Raw SQL on the file, as a person with the sqlite3 shell would: no foreign keys, no write path."""
    service.engine.dispose()
    with closing(sqlite3.connect(service.db_path, isolation_level=None)) as db:
        db.execute(sql, params)


def stored(moment: datetime) -> str:
    """A time as the board stores it: naive UTC text."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def test_a_clean_board_passes(board: BoardService) -> None:
    report = check_board(board.ctx)

    assert report.ok
    assert report.lines() == ["OK: 3 sessions, 2 blocks, 2 ideas; integrity_check ok"]


def test_an_empty_board_passes_in_the_singular_and_plural_it_deserves(service: BoardService) -> None:
    assert check_board(service.ctx).lines() == ["OK: 0 sessions, 1 block, 0 ideas; integrity_check ok"]


def test_two_sessions_in_one_room_and_hour_are_found(board: BoardService) -> None:
    by_hand(board, "DROP INDEX uq_sessions_live_room_slot")
    by_hand(
        board,
        "UPDATE sessions SET room_id = (SELECT room_id FROM sessions WHERE topic = 'Home automation'), "
        "starts_at = ?, ends_at = ? WHERE topic = 'Packaging, live'",
        stored(local(DAY_ONE, 10)),
        stored(local(DAY_ONE, 11)),
    )

    report = check_board(board.ctx)

    assert not report.ok
    assert report.lines() == [
        "'Home automation' (Room A, Fri 21 Apr 10:00) shares its room and hour with 'Packaging, live'."
    ]


def test_a_session_in_a_blocked_slot_is_found(board: BoardService) -> None:
    by_hand(
        board,
        "UPDATE sessions SET room_id = (SELECT id FROM rooms WHERE key = 'b'), starts_at = ?, ends_at = ? "
        "WHERE topic = 'Home automation'",
        stored(local(DAY_ONE, 12)),
        stored(local(DAY_ONE, 13)),
    )

    assert check_board(board.ctx).lines() == [
        "'Home automation' (Room B, Fri 21 Apr 12:00) sits in a blocked slot (Sponsor lunch, Fri 21 Apr 12:00"
        " to Fri 21 Apr 14:00)."
    ]


def test_a_session_off_its_slot_times_is_found(board: BoardService) -> None:
    by_hand(
        board,
        "UPDATE sessions SET starts_at = ?, ends_at = ? WHERE topic = 'Home automation'",
        stored(local(DAY_ONE, 10, 30)),
        stored(local(DAY_ONE, 11, 30)),
    )

    assert check_board(board.ctx).lines() == [
        "'Home automation' (Room A, Fri 21 Apr 10:30) does not start at one of the event's slot times."
    ]


def test_a_session_that_ends_at_the_wrong_time_is_found(board: BoardService) -> None:
    by_hand(board, "UPDATE sessions SET ends_at = ? WHERE topic = 'Home automation'", stored(local(DAY_ONE, 12)))

    assert check_board(board.ctx).lines() == [
        "'Home automation' (Room A, Fri 21 Apr 10:00) ends at 12:00 instead of 11:00."
    ]


def test_a_session_in_a_removed_room_is_found(board: BoardService) -> None:
    by_hand(board, "UPDATE rooms SET deleted = 1 WHERE key = 'a'")

    assert check_board(board.ctx).lines() == [
        "'Home automation' (Room A, Fri 21 Apr 10:00) is in room 'a', which was taken off the board."
    ]


def test_a_session_in_a_room_missing_from_the_database_is_found(board: BoardService) -> None:
    by_hand(board, "UPDATE sessions SET room_id = '0000000000000000000000000000dead' WHERE topic = 'Home automation'")

    assert check_board(board.ctx).lines() == [
        "'Home automation' (a room missing from the database, Fri 21 Apr 10:00) is in a room that is not in the"
        " database."
    ]


def test_sessions_outside_the_events_rooms_and_days_are_found(board: BoardService, event: Event) -> None:
    # The board was made for a bigger event than the config now describes: no room C, no second day.
    smaller = replace(event, rooms=event.rooms[:2], days=event.days[:1])

    report = check_board(StoreContext(board.engine, smaller, board.clock, board.kiosk_id))

    assert report.lines() == [
        "'Packaging, live' (Room C, Fri 21 Apr 11:00) is in room 'c', which the event's config does not have.",
        "'Type hints in practice' (Room C, Sat 22 Apr 15:00) is in room 'c', which the event's config does not have.",
        "'Type hints in practice' (Room C, Sat 22 Apr 15:00) is on a day that is not one of the event's days.",
    ]


def test_an_idea_adopted_by_a_session_that_does_not_exist_is_found(board: BoardService) -> None:
    by_hand(
        board,
        "UPDATE ideas SET adopted_session_id = '0000000000000000000000000000beef' "
        "WHERE topic = 'Packaging pain points'",
    )

    assert check_board(board.ctx).lines() == [
        "The idea 'Packaging pain points' is adopted by a session that does not exist."
    ]


def test_an_idea_adopted_by_a_cancelled_session_is_found(board: BoardService) -> None:
    # Cancelling frees the idea; a hand-made tombstone does not.
    by_hand(board, "UPDATE sessions SET deleted = 1 WHERE topic = 'Packaging, live'")

    assert check_board(board.ctx).lines() == [
        "The idea 'Packaging pain points' is adopted by 'Packaging, live' (Room C, Fri 21 Apr 11:00), which was"
        " cancelled."
    ]


def test_a_damaged_index_fails_the_integrity_check(board: BoardService) -> None:
    # The index's entries stay sorted by (kiosk_id, action, at) while its definition now says otherwise.
    board.engine.dispose()
    with closing(sqlite3.connect(board.db_path, isolation_level=None)) as db:
        version = db.execute("PRAGMA schema_version").fetchone()[0]
        db.execute("PRAGMA writable_schema = ON")
        db.execute(
            "UPDATE sqlite_master SET sql = replace(sql, '(kiosk_id, action, at)', '(at, action, kiosk_id)') "
            "WHERE name = 'ix_audit_log_kiosk_action_at'"
        )
        db.execute(f"PRAGMA schema_version = {version + 1}")

    report = check_board(board.ctx)

    assert not report.ok
    assert report.lines()
    assert all(line.startswith("integrity_check: ") for line in report.lines())
    assert "ix_audit_log_kiosk_action_at" in report.lines()[0]
