"""Clearing the board for a fresh start (after a rehearsal, or the day before): backed up first, one change,
everything tombstoned so other kiosks learn of it through sync; the rooms and config blocks stay."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from kiosk.domain.actors import Actor
from kiosk.store.backups import backup_now
from kiosk.store.context import StoreContext
from kiosk.store.pin import STATE_KEY as PIN_STATE_KEY
from kiosk.store.staff import STAFF_BLOCK
from kiosk.store.tables import BlockRow, CodeLockRow, IdeaRow, KioskStateRow, SessionRow
from kiosk.store.writes import Change, SyncedT, change

# {"failed": 0} is the cleared state of the kiosk_state entry kiosk.store.pin counts wrong staff PINs in.
_PIN_CLEARED = {"failed": 0}

BackupMaker = Callable[[StoreContext], Path]


@dataclass(frozen=True, slots=True)
class ResetResult:
    backup: Path
    keep_cards: bool
    # How many of each were taken off the board, and how many lockouts (card codes, staff PIN) were lifted.
    sessions: int
    ideas: int
    blocks: int
    lockouts: int

    @property
    def summary(self) -> str:
        if self.keep_cards:
            cleared = f"Lifted {self.lockouts} {'lockout' if self.lockouts == 1 else 'lockouts'}; the cards stay"
        else:
            cleared = (
                f"Cleared {_count(self.sessions, 'session')}, {_count(self.ideas, 'idea')} and"
                f" {_count(self.blocks, 'staff block')}"
            )
        return f"{cleared}. The board as it was is kept in {self.backup.name}."


def clear_board(
    ctx: StoreContext, actor: Actor, *, keep_cards: bool = False, backup: BackupMaker | None = None
) -> ResetResult:
    """Back the board up, then in one change take every session, idea and staff block off it, and lift every
    lockout at this kiosk. With `keep_cards`, only the lockouts are lifted: sessions, ideas and staff blocks stay.

    `backup` makes the backup (default: `backup_now` into the board's backups folder); if it fails, nothing
    changes. Rooms and config blocks stay either way: they follow the event's config file.
    """
    make_backup = backup or _backup_before_reset
    with change(ctx, actor, "board.reset") as c:
        # Take the write lock before backing up: no change can land between the backup and the reset.
        c.session.connection()
        saved = make_backup(ctx)
        sessions = ideas = blocks = 0
        if not keep_cards:
            sessions = _tombstone_live(c, SessionRow)
            ideas = _tombstone_live(c, IdeaRow)
            blocks = _tombstone_live(c, BlockRow, BlockRow.source == STAFF_BLOCK)
        lockouts = _lift_lockouts(c)
        c.describe(
            "board",
            None,
            keep_cards=keep_cards,
            backup=str(saved),
            sessions=sessions,
            ideas=ideas,
            blocks=blocks,
            lockouts=lockouts,
        )
    return ResetResult(saved, keep_cards, sessions, ideas, blocks, lockouts)


def _backup_before_reset(ctx: StoreContext) -> Path:
    return backup_now(ctx, reason="before reset")


def _tombstone_live(c: Change, row_type: type[SyncedT], *where: sa.ColumnElement[bool]) -> int:
    # Tombstones, never deletes: other kiosks learn of the reset through sync like any other change.
    rows = list(c.session.scalars(sa.select(row_type).where(row_type.deleted.is_(False), *where)))
    for row in rows:
        c.tombstone(row)
    return len(rows)


def _lift_lockouts(c: Change) -> int:
    """Clear wrong-code counts and pauses; only the PIN's entry of kiosk_state, which holds other facts too."""
    lifted = 0
    for lock in c.session.scalars(sa.select(CodeLockRow)):
        if lock.failed_attempts or lock.locked_until is not None:
            c.set_local(CodeLockRow, lock.session_id, failed_attempts=0, locked_until=None)
            lifted += 1
    pin_state = c.session.get(KioskStateRow, PIN_STATE_KEY)
    if pin_state is not None and _loads(pin_state.value) != _PIN_CLEARED:
        c.set_local(KioskStateRow, PIN_STATE_KEY, value=json.dumps(_PIN_CLEARED))
        lifted += 1
    return lifted


def _loads(value: str) -> object:
    try:
        return json.loads(value)
    except ValueError:
        return None  # damaged: not the cleared state, so it gets rewritten


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
