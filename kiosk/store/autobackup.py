"""Automatic backups: when one is due, and taking it while keeping a bounded number.

While the board changes, a backup is due every `every` (10 minutes by default) and at the first look on a new day;
a board that has not changed since the last backup is not copied again. So damage costs at most minutes of cards,
and the folder holds the newest `keep` automatic backups (staff backups and those made before an upgrade, a reset or
a restore are never deleted).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from kiosk.store.backups import BackupInfo, backup_now, prune_automatic


@dataclass
class BackupSchedule:
    every: timedelta
    # When the last backup was made (real UTC time), the board's change stamp in it, and the event day then.
    last_at: datetime | None = None
    last_stamp: int | None = None
    last_day: date | None = None

    @classmethod
    def after(cls, every: timedelta, newest: BackupInfo | None, day: date) -> BackupSchedule:
        """A schedule that carries on from the newest backup on disk (after a restart, say)."""
        if newest is None:
            return cls(every, last_day=day)
        return cls(every, newest.made_at, newest.change_stamp, day)

    def due(self, now: datetime, stamp: int, day: date) -> str | None:
        """Why a backup is due now ("scheduled", "new day"), or None."""
        if stamp == self.last_stamp:
            return None
        if self.last_day is not None and day != self.last_day:
            return "new day"
        if self.last_at is None or now - self.last_at >= self.every:
            return "scheduled"
        return None

    def taken(self, now: datetime, stamp: int, day: date) -> None:
        self.last_at, self.last_stamp, self.last_day = now, stamp, day


def take_automatic_backup(db_path: Path, keep: int, *, reason: str, moment: datetime | None = None) -> Path:
    """Copy the board to `backups/board-auto-….sqlite3`, then delete all but the newest `keep` automatic ones."""
    made = backup_now(db_path, reason=reason, moment=moment, automatic=True)
    prune_automatic(db_path.parent, keep)
    return made
