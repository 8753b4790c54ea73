"""Backups of the board while kiosks keep it open: make one, list them, and check one (restoring one is in
kiosk.store.restore)."""

from __future__ import annotations

import functools
import itertools
import logging
import os
import re
import sqlite3
import threading
import time
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.store.context import StoreContext
from kiosk.store.engine import BACKUP_DIR_NAME, db_path_of
from kiosk.store.errors import StoreError
from kiosk.store.migrate import SCHEMA_HEAD, SQLITE_HEADER, alembic_config, backup_to

if TYPE_CHECKING:
    from kiosk.store.service import BoardService

log = logging.getLogger(__name__)

STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
# board-20230421T150005Z.sqlite3, board-20230421T150005Z-2.sqlite3, board-before-0002-20230421T150005Z.sqlite3
_NAME_TIME = re.compile(r"(\d{8}T\d{6}Z)(?:-(\d+))?\.")
# A backup being copied, under a hidden name, until it is linked into place whole.
_PARTIAL = ".partial"
# The automatic backups' names start so (see `backup_now`); only these are ever pruned.
AUTO_PREFIX = "board-auto-"
# Files SQLite keeps beside a database it has open: not backups of their own.
SIDECARS = ("-wal", "-shm", "-journal")
# Live cards, as the board shows them, counted with plain SQL so any schema revision can answer.
_COUNT_LIVE_SESSIONS = (
    "SELECT count(*) FROM sessions JOIN rooms ON rooms.id = sessions.room_id "
    "WHERE sessions.deleted = 0 AND rooms.deleted = 0"
)


class BadBackup(StoreError):  # noqa: N818 - the name reads as what was found
    """A file that cannot be restored; `problem` says why, as the end of a sentence about the file."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"The backup {path} {problem}.")
        self.path = path
        self.problem = problem


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    made_at: datetime
    size: int
    # Live sessions in it; None when `problem` says why it could not be read.
    sessions: int | None = None
    revision: str | None = None
    problem: str | None = None
    # The newest audit id in it: the change stamp the board had when it was copied (see queries.change_stamp).
    change_stamp: int | None = None


def backup_now(
    source: BoardService | StoreContext | Path,
    *,
    reason: str = "staff",
    moment: datetime | None = None,
    automatic: bool = False,
) -> Path:
    """Copy the board (a service's, a context's, or the database file at a path) to `backups/` beside it.

    The name carries the real UTC time by default, because people look for backups by when they were made;
    a file of that name is never overwritten (`-1`, `-2`… follow). `automatic` backups are named
    `board-auto-…`: only those are ever deleted again (see `prune_automatic`).
    """
    db_path = source if isinstance(source, Path) else db_path_of(source.engine)
    stamp = (moment or datetime.now(UTC)).astimezone(UTC).strftime(STAMP_FORMAT)
    backup_dir = db_path.parent / BACKUP_DIR_NAME
    backup_dir.mkdir(parents=True, exist_ok=True)
    prefix = AUTO_PREFIX if automatic else "board-"
    # Copied under a hidden name first and linked into place whole, so a kill or a full disk mid-copy never leaves
    # a half backup where a restore would look (the hidden leftovers are swept by `prune_automatic`).
    partial = backup_dir / f".{prefix}{stamp}.{os.getpid()}.{threading.get_ident()}{_PARTIAL}"
    try:
        backup_to(db_path, partial)
        for number in itertools.count():
            target = backup_dir / (f"{prefix}{stamp}.sqlite3" if number == 0 else f"{prefix}{stamp}-{number}.sqlite3")
            try:
                # A hard link never replaces a file: two processes backing up in the same second get two names.
                os.link(partial, target)
                break
            except FileExistsError:
                continue
            except OSError:
                # A file system without hard links: claim the name, then rename the finished copy over the claim.
                try:
                    target.open("xb").close()
                except FileExistsError:
                    continue
                os.replace(partial, target)
                break
    finally:
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
    log.info("Backed up the board to %s (%s)", target, reason)
    return target


def prune_automatic(data_dir: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic backups; staff backups and the ones made before an upgrade,
    a reset or a restore are never deleted. Returns the deleted files."""
    backup_dir = data_dir / BACKUP_DIR_NAME
    if not backup_dir.is_dir():
        return []
    automatic = [
        path for path in backup_dir.glob(f"{AUTO_PREFIX}*.sqlite3") if path.is_file() and _NAME_TIME.search(path.name)
    ]
    automatic.sort(key=lambda path: (_made_at(path), _name_counter(path)), reverse=True)
    deleted = _sweep_partials(backup_dir)
    for path in automatic[keep:]:
        with suppress(FileNotFoundError):
            path.unlink()
            deleted.append(path)
    return deleted


def _sweep_partials(backup_dir: Path) -> list[Path]:
    """Hidden half copies left by a backup that was killed (a power cut, SIGKILL) more than an hour ago."""
    swept = []
    for path in backup_dir.glob(f".*{_PARTIAL}*"):
        with suppress(OSError):
            if time.time() - path.stat().st_mtime > 3600:
                path.unlink()
                swept.append(path)
    return swept


def _backup_files(data_dir: Path) -> list[Path]:
    """The files in `data_dir/backups` that may be backups: not hidden (a copy under way), not SQLite's sidecars."""
    backup_dir = data_dir / BACKUP_DIR_NAME
    if not backup_dir.is_dir():
        return []
    return [
        path
        for path in backup_dir.iterdir()
        if not path.name.startswith(".") and not path.name.endswith(SIDECARS) and path.is_file()
    ]


def newest_good_backup(data_dir: Path) -> BackupInfo | None:
    """The newest backup that opens and passes SQLite's quick check; older ones are only looked at if it fails."""
    candidates = _backup_files(data_dir)
    candidates.sort(key=lambda path: (_made_at(path), _name_counter(path)), reverse=True)
    for path in candidates:
        try:
            return _examine(path, thorough=False)
        except (BadBackup, OSError) as bad:
            log.warning("skipping backup %s: %s", path, getattr(bad, "problem", bad))
    return None


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Every file in `data_dir/backups`, newest first; one that is not a readable board says why in `problem`."""
    found = []
    for path in _backup_files(data_dir):
        try:
            found.append(_examine(path, thorough=False))
        except BadBackup as bad:
            with suppress(OSError):  # gone since the folder was listed: nothing to show
                found.append(BackupInfo(path, _made_at(path), path.stat().st_size, problem=bad.problem))
    return sorted(found, key=lambda info: (info.made_at, _name_counter(info.path)), reverse=True)


def inspect_backup(path: Path) -> BackupInfo:
    """What a backup holds, or `BadBackup` saying in one line why it cannot be restored."""
    return _examine(path, thorough=True)


def _examine(path: Path, *, thorough: bool) -> BackupInfo:
    if not path.exists():
        raise BadBackup(path, "does not exist")
    if not path.is_file():
        raise BadBackup(path, "is not a file")
    size = path.stat().st_size
    if size == 0:
        raise BadBackup(path, "is empty (0 bytes)")
    try:
        with path.open("rb") as head:
            header = head.read(len(SQLITE_HEADER))
    except OSError as error:
        raise BadBackup(path, f"cannot be read ({error.strerror})") from error
    if header != SQLITE_HEADER:
        raise BadBackup(path, "is not a SQLite database")
    try:
        # Read-only, so looking at a backup can never change it (nor create a file by mistake).
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"alembic_version", "rooms", "sessions"} <= tables:
                raise BadBackup(path, "is a SQLite database but not a kiosk board")
            revisions = [revision for (revision,) in db.execute("SELECT version_num FROM alembic_version")]
            if len(revisions) != 1:
                raise BadBackup(path, "is a SQLite database but not a kiosk board (it has no schema revision)")
            revision = revisions[0]
            # The current schema needs no Alembic (a third of a second to import); any other is looked up.
            if revision != SCHEMA_HEAD and revision not in _known_revisions():
                raise BadBackup(
                    path,
                    f"was written by a newer version of the kiosk software (schema revision {revision});"
                    " restore it with that version",
                )
            # integrity_check reads every page and index; quick_check skips the indexes, enough for a listing.
            problems = [row[0] for row in db.execute(f"PRAGMA {'integrity' if thorough else 'quick'}_check(10)")]
            if problems != ["ok"]:
                more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
                raise BadBackup(path, f"is damaged (SQLite's check says: {problems[0]}{more})")
            sessions = db.execute(_COUNT_LIVE_SESSIONS).fetchone()[0]
            stamp = db.execute("SELECT max(id) FROM audit_log").fetchone()[0] if "audit_log" in tables else None
    except sqlite3.DatabaseError as error:
        raise BadBackup(path, f"is damaged or cannot be read ({error})") from error
    return BackupInfo(path, _made_at(path), size, sessions, revision, change_stamp=stamp or 0)


@functools.cache
def _known_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    return frozenset(script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions())


def _made_at(path: Path) -> datetime:
    found = _NAME_TIME.search(path.name)
    if found:
        return datetime.strptime(found[1], STAMP_FORMAT).replace(tzinfo=UTC)
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _name_counter(path: Path) -> int:
    found = _NAME_TIME.search(path.name)
    return int(found[2]) if found and found[2] else 0
