"""Checking a card's edit code at this kiosk, with a pause after too many wrong guesses on one card, and a
ceiling on wrong guesses across all cards of the kiosk in a minute.

The counters live in the kiosk-local `code_locks` table: they are bookkeeping, not board changes, so they
never bump a card's version and never travel to another kiosk.
"""

from __future__ import annotations

import math
from datetime import timedelta

from kiosk.domain.model import Limits
from kiosk.store.codes import verify_edit_code
from kiosk.store.errors import HostActionsLocked, RateLimited, StoreError, WrongEditCode
from kiosk.store.queries import RATE_WINDOW, recent_actions
from kiosk.store.tables import CodeLockRow, SessionRow
from kiosk.store.writes import Change


def check_code(change: Change, row: SessionRow, code: str, limits: Limits) -> StoreError | None:
    """None if `code` is the card's; otherwise the error to raise once the counted attempt is committed.

    A wrong code is written to the audit log (the change is described as `code.wrong`), so callers give their
    change that action name and only describe it further when the code was right.
    """
    now = change.now
    lock = change.session.get(CodeLockRow, row.id)
    if lock is not None and lock.locked_until is not None and lock.locked_until > now:
        return HostActionsLocked(math.ceil((lock.locked_until - now).total_seconds()))
    # The per-card pause alone lets someone guess five codes on each of many cards: a ceiling for the kiosk.
    wrong_here = recent_actions(change.session, change.actor.kiosk_id, "code.wrong", now - RATE_WINDOW)
    if wrong_here >= limits.wrong_codes_per_kiosk_per_minute:
        change.action = "code.ceiling"
        change.describe("session", row.id, wrong_codes_here=wrong_here)
        return RateLimited(
            "Many wrong edit codes were just tried at this kiosk. Please wait a minute and try again,"
            " or ask at the staff office."
        )
    if verify_edit_code(code, row.edit_code_hash):
        if lock is not None and (lock.failed_attempts or lock.locked_until is not None):
            change.set_local(CodeLockRow, row.id, failed_attempts=0, locked_until=None)
        return None
    attempts = (lock.failed_attempts if lock is not None else 0) + 1
    change.action = "code.wrong"
    if attempts >= limits.wrong_codes_before_lock:
        # The counter starts again after the pause, so the host gets a fresh set of tries.
        locked_until = now + timedelta(seconds=limits.lock_seconds)
        change.set_local(CodeLockRow, row.id, failed_attempts=0, locked_until=locked_until)
        change.describe("session", row.id, attempts=attempts, locked_until=locked_until)
        return HostActionsLocked(limits.lock_seconds)
    change.set_local(CodeLockRow, row.id, failed_attempts=attempts, locked_until=None)
    change.describe("session", row.id, attempts=attempts)
    return WrongEditCode(limits.wrong_codes_before_lock - attempts)
