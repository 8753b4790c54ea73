"""Before the board opens: is its file whole, and does it hold at least what its newest backup holds?

A file SQLite finds damaged (pages overwritten, a first page that is no database any more), or one that holds fewer
changes than the newest good backup (its write-ahead log was lost or scrambled, so SQLite silently dropped every
change since the last checkpoint), is moved aside with a timestamp, together with its `-wal` and `-shm`, and the
newest good backup takes its place. Nothing is deleted: staff can still hand the moved file to someone who can
salvage it. Without a good backup nothing is moved: the start-up goes on as before and says what is wrong (a file
that is no database at all is refused in plain words; a partly damaged one shows what can still be read), because
an empty board would hide the damage. Another application's SQLite file is left alone (refused, see `migrate`).
"""

from __future__ import annotations

import enum
import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.domain.actors import Actor
from kiosk.store.backups import SIDECARS, STAMP_FORMAT, BackupInfo, newest_good_backup
from kiosk.store.context import StoreContext
from kiosk.store.migrate import APPLICATION_ID, SQLITE_HEADER
from kiosk.store.writes import change

log = logging.getLogger(__name__)

DAMAGED_DIR_NAME = "damaged"


class DamageKind(enum.StrEnum):
    """What was wrong with the board's file, for a screen that words it in its own language."""

    # The first page is not a SQLite database any more.
    NOT_SQLITE = "not-sqlite"
    # SQLite's quick_check found problems: `detail` is its first finding.
    CHECK = "check"
    # SQLite could not read it: `detail` is what it said.
    UNREADABLE = "unreadable"
    # It held fewer changes than its newest backup (`held`, `expected`): its write-ahead log was lost.
    SHORT = "short"


@dataclass(frozen=True, slots=True)
class Damage:
    kind: DamageKind
    # SQLite's words (its first finding, or its error), as it said them; for CHECK, how many more it found.
    detail: str = ""
    more: int = 0
    # For SHORT: the newest change the file held, and the newest its backup holds.
    held: int = 0
    expected: int = 0

    @property
    def problem(self) -> str:
        """In English, as the end of "The board's database …"."""
        if self.kind is DamageKind.NOT_SQLITE:
            return "was damaged (its first page is not a SQLite database any more)"
        if self.kind is DamageKind.CHECK:
            more = f" and {self.more} more {'problem' if self.more == 1 else 'problems'}" if self.more else ""
            return f"was damaged (SQLite's check says: {self.detail or 'no details'}{more})"
        if self.kind is DamageKind.UNREADABLE:
            return f"was damaged ({self.detail})"
        return (
            f"held fewer changes (up to change {self.held}) than its newest backup ({self.expected}), as when its"
            " write-ahead log (-wal) is lost or damaged"
        )


@dataclass(frozen=True, slots=True)
class Recovery:
    """What the start-up found wrong with the board's file and what it did about it."""

    damage: Damage
    # Where the damaged file (and its -wal/-shm) now are.
    moved_to: Path
    # The backup that took its place.
    restored: BackupInfo

    @property
    def problem(self) -> str:
        """What was wrong, in English, as the end of "The board's database …"."""
        return self.damage.problem

    def notice(self) -> str:
        """What the log and `kiosk check` tell staff, in plain words (the screen words it in its language)."""
        made = self.restored.made_at.astimezone().strftime("%a %d %b %H:%M")
        sessions = self.restored.sessions or 0
        return (
            f"The board's database {self.problem}. It was moved to {self.moved_to}. The board was restored from"
            f" the backup made {made} ({sessions} {'session' if sessions == 1 else 'sessions'}); cards added after"
            " it must be added again."
        )


@dataclass(frozen=True, slots=True)
class StartCheck:
    recovery: Recovery | None
    # The newest good backup after the check (what the backup schedule continues from).
    newest_backup: BackupInfo | None


def check_at_start(db_path: Path, *, moment: datetime | None = None) -> StartCheck:
    """Check the board's file before it is opened; move a damaged or short one aside and restore a backup."""
    data_dir = db_path.parent
    damage, stamp = _examine_live(db_path)
    if damage is None and stamp is None:
        return StartCheck(None, None)  # nothing to check: a new board, or a file the start-up refuses anyway
    newest = newest_good_backup(data_dir)
    if newest is None:
        return StartCheck(None, None)
    if damage is None:
        if (newest.change_stamp or 0) <= (stamp or 0):
            return StartCheck(None, newest)
        damage = Damage(DamageKind.SHORT, held=stamp or 0, expected=newest.change_stamp or 0)
    moved_to = _move_aside(db_path, moment or datetime.now(UTC))
    _copy_in(newest.path, db_path)
    recovery = Recovery(damage, moved_to, newest)
    log.error("%s", recovery.notice())
    return StartCheck(recovery, newest)


def record(ctx: StoreContext, recovery: Recovery, actor: Actor) -> None:
    """An audit row for the recovery, so `kiosk audit` and the staff panel's history show it too."""
    with change(ctx, actor, "board.recovered") as c:
        c.describe(
            "board",
            None,
            problem=recovery.problem,
            moved_to=str(recovery.moved_to),
            restored=str(recovery.restored.path),
            sessions=recovery.restored.sessions,
        )


def _examine_live(db_path: Path) -> tuple[Damage | None, int | None]:
    """(what is wrong, None) for a damaged file; (None, its change stamp) for a whole one; (None, None) when
    there is nothing to check."""
    try:
        with db_path.open("rb") as file:
            header = file.read(100)
    except FileNotFoundError:
        return None, None
    except OSError:
        return None, None  # unreadable: the engine's first use words it
    if not header:
        return None, None  # a zero-length file is refused by the start-up with its own message
    if not header.startswith(SQLITE_HEADER):
        return Damage(DamageKind.NOT_SQLITE), None
    application_id = int.from_bytes(header[68:72], "big") if len(header) >= 72 else 0
    if application_id not in (0, APPLICATION_ID):
        return None, None  # another application's file: refused by the start-up, never moved
    try:
        # mode=rw: the write-ahead log is replayed as the kiosk would, and no file is ever created here.
        with closing(sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=rw", uri=True)) as db:
            db.execute("PRAGMA busy_timeout=5000")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                # No tables at all: a new board, or one whose every change was still in a lost write-ahead log.
                return None, 0
            if not {"alembic_version", "sessions", "audit_log"} <= tables:
                return None, None  # someone else's tables: the start-up refuses the file, untouched
            problems = [row[0] for row in db.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                return Damage(DamageKind.CHECK, *_first_problem(problems)), None
            stamp = db.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    except sqlite3.OperationalError as error:
        if "locked" in str(error).lower() or "readonly" in str(error).lower() or "unable to open" in str(error):
            return None, None  # busy or not writable: not damage; the start-up says what it is
        return Damage(DamageKind.UNREADABLE, str(error)), None
    except sqlite3.DatabaseError as error:
        return Damage(DamageKind.UNREADABLE, str(error)), None
    return None, stamp or 0


def _first_problem(problems: list[str]) -> tuple[str, int]:
    """SQLite's first finding on one line: its rows may hold several lines under a "*** in database main ***"."""
    lines = [line.strip() for row in problems for line in str(row).splitlines()]
    findings = [line for line in lines if line and not line.startswith("***")]
    if not findings:
        return "", 0
    return findings[0], len(findings) - 1


def _move_aside(db_path: Path, moment: datetime) -> Path:
    """Move the board's file and its sidecars to `damaged/`, named by `moment`; returns the file's new path."""
    folder = db_path.parent / DAMAGED_DIR_NAME
    folder.mkdir(parents=True, exist_ok=True)
    stamp = moment.astimezone(UTC).strftime(STAMP_FORMAT)
    number = 0
    while True:
        target = folder / f"{db_path.stem}-{stamp}{f'-{number}' if number else ''}{db_path.suffix}"
        if not any(Path(f"{target}{suffix}").exists() for suffix in ("", *SIDECARS)):
            break
        number += 1
    for suffix in SIDECARS:
        sidecar = Path(f"{db_path}{suffix}")
        if sidecar.exists():
            sidecar.replace(Path(f"{target}{suffix}"))
    db_path.replace(target)
    return target


def _copy_in(backup: Path, db_path: Path) -> None:
    """The backup, copied page by page with SQLite's backup API into a new file at `db_path` (renamed in whole)."""
    partial = db_path.with_name(f".{db_path.name}.restoring")
    partial.unlink(missing_ok=True)
    try:
        with (
            closing(sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)) as source,
            closing(sqlite3.connect(partial)) as copy,
        ):
            source.backup(copy)
        partial.replace(db_path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
