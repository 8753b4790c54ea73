"""Clearing the board: a backup first, then one change by staff that tombstones every session, idea and staff
block (or, keeping the cards, only lifts this kiosk's lockouts), all or nothing; rooms and config blocks stay."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kiosk.domain.actors import Role
from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Event
from kiosk.store.backups import backup_now, inspect_backup
from kiosk.store.context import StoreContext
from kiosk.store.engine import open_engine
from kiosk.store.errors import HostActionsLocked, WrongEditCode
from kiosk.store.pin import set_pin, try_pin
from kiosk.store.reset import clear_board
from kiosk.store.service import AddedCard, BoardService
from kiosk.store.writes import Change
from tests.factories import LUNCH_BLOCK_ID
from tests.store.conftest import DraftMaker

PIN = "13572468"


def audit(service: BoardService) -> list[tuple[int, str, str, str]]:
    with closing(sqlite3.connect(service.db_path)) as db:
        return db.execute("SELECT id, actor, action, detail FROM audit_log ORDER BY id").fetchall()


def tombstones(service: BoardService, table: str) -> list[tuple[int, int]]:
    with closing(sqlite3.connect(service.db_path)) as db:
        return db.execute(f"SELECT deleted, version FROM {table} ORDER BY created_at").fetchall()


def lock_out(service: BoardService, card: AddedCard, data_dir: Path) -> None:
    """Five wrong edit codes on `card` and five wrong staff PINs at this kiosk."""
    set_pin(data_dir, PIN)
    for _ in range(5):
        with pytest.raises((WrongEditCode, HostActionsLocked)):
            service.check_edit_code(card.card.id, "wrong-code")
        try_pin(service.ctx, data_dir, "000000", service.actor(Role.ATTENDEE))
    with pytest.raises(HostActionsLocked):
        service.check_edit_code(card.card.id, card.edit_code)
    assert try_pin(service.ctx, data_dir, PIN, service.actor(Role.ATTENDEE)).locked_seconds > 0


@pytest.mark.usefixtures("busy_board")
def test_clearing_tombstones_sessions_ideas_and_staff_blocks_after_a_backup(service: BoardService) -> None:
    history = audit(service)

    result = clear_board(service.ctx, service.actor(Role.STAFF))

    assert (service.cards(), service.ideas()) == ((), ())
    assert [block.id for block in service.blocks()] == [LUNCH_BLOCK_ID]  # the config's block stays
    assert (result.sessions, result.ideas, result.blocks, result.keep_cards) == (3, 2, 1, False)
    # Tombstones, not deletions: each row is still there, one version on, for other kiosks to learn of.
    assert tombstones(service, "sessions") == [(1, 2), (1, 2), (1, 2)]
    assert tombstones(service, "ideas") == [(1, 3), (1, 2)]  # the adopted one had been adopted, version 2
    assert inspect_backup(result.backup).sessions == 3
    assert (
        result.summary
        == f"Cleared 3 sessions, 2 ideas and 1 staff block. The board as it was is kept in {result.backup.name}."
    )
    [(_id, actor, action, detail)] = audit(service)[len(history) :]
    assert (actor, action) == ("staff", "board.reset")
    assert {key: value for key, value in json.loads(detail).items() if key != "changed"} == {
        "keep_cards": False,
        "backup": str(result.backup),
        "sessions": 3,
        "ideas": 2,
        "blocks": 1,
        "lockouts": 0,
    }


@pytest.mark.usefixtures("busy_board")
def test_a_cleared_board_takes_new_cards_in_the_freed_slots(service: BoardService, make_draft: DraftMaker) -> None:

    clear_board(service.ctx, service.actor(Role.STAFF))

    again = service.add_card(make_draft("a", 0, 10, topic="A fresh start"))
    assert service.cards() == (again.card,)


@pytest.mark.usefixtures("busy_board")
def test_another_kiosk_sees_the_cleared_board_through_the_change_stamp(
    service: BoardService, clock: ManualClock, event: Event
) -> None:
    other = BoardService(open_engine(service.db_path), event, clock, "kiosk-b")
    assert len(other.cards()) == 3
    stamp = other.change_stamp()

    clear_board(service.ctx, service.actor(Role.STAFF))

    assert other.change_stamp() > stamp
    assert other.cards() == ()
    other.close()


def test_keeping_the_cards_only_lifts_this_kiosks_lockouts(
    service: BoardService, busy_board: AddedCard, data_dir: Path
) -> None:
    lock_out(service, busy_board, data_dir)
    board = (service.cards(), service.ideas(), service.blocks())
    history = audit(service)

    result = clear_board(service.ctx, service.actor(Role.STAFF), keep_cards=True)

    assert (service.cards(), service.ideas(), service.blocks()) == board
    assert (result.sessions, result.ideas, result.blocks, result.lockouts) == (0, 0, 0, 2)
    assert service.check_edit_code(busy_board.card.id, busy_board.edit_code)
    assert try_pin(service.ctx, data_dir, PIN, service.actor(Role.ATTENDEE)).opened
    [(_id, actor, action, detail)] = audit(service)[len(history) : len(history) + 1]
    assert (actor, action, json.loads(detail)["keep_cards"]) == ("staff", "board.reset", True)
    assert inspect_backup(result.backup).sessions == 3


def test_a_full_clear_lifts_the_lockouts_too(service: BoardService, busy_board: AddedCard, data_dir: Path) -> None:
    lock_out(service, busy_board, data_dir)

    assert clear_board(service.ctx, service.actor(Role.STAFF)).lockouts == 2

    assert try_pin(service.ctx, data_dir, PIN, service.actor(Role.ATTENDEE)).opened


@pytest.mark.usefixtures("busy_board")
def test_a_clear_that_fails_half_way_changes_nothing(service: BoardService, monkeypatch: pytest.MonkeyPatch) -> None:
    board, stamp = (service.cards(), service.ideas(), service.blocks()), service.change_stamp()
    real_tombstone = Change.tombstone
    calls: list[object] = []

    def tombstone_then_fail(self: Change, row: object) -> bool:
        calls.append(row)
        if len(calls) == 4:  # three sessions done, the first idea next
            raise OSError("disk pulled out")
        return real_tombstone(self, row)  # type: ignore[arg-type]

    monkeypatch.setattr(Change, "tombstone", tombstone_then_fail)

    with pytest.raises(OSError, match="disk pulled out"):
        clear_board(service.ctx, service.actor(Role.STAFF))

    assert len(calls) == 4
    assert ((service.cards(), service.ideas(), service.blocks()), service.change_stamp()) == (board, stamp)


@pytest.mark.usefixtures("busy_board")
def test_no_backup_no_clear(service: BoardService) -> None:
    board, stamp = (service.cards(), service.ideas(), service.blocks()), service.change_stamp()

    def full_disk(_ctx: StoreContext) -> Path:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        clear_board(service.ctx, service.actor(Role.STAFF), backup=full_disk)

    assert ((service.cards(), service.ideas(), service.blocks()), service.change_stamp()) == (board, stamp)


@pytest.mark.usefixtures("busy_board")
def test_the_backup_is_made_under_the_resets_write_lock(service: BoardService) -> None:
    seen: list[str] = []

    def backup_while_someone_writes(ctx: StoreContext) -> Path:
        # Another process trying to add a card now would wait: the reset already holds the write lock.
        with closing(sqlite3.connect(service.db_path, timeout=0.1)) as other:
            try:
                other.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                seen.append(str(error))
        return backup_now(ctx)

    clear_board(service.ctx, service.actor(Role.STAFF), backup=backup_while_someone_writes)

    assert seen == ["database is locked"]
