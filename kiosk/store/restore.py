"""Restoring a backup while kiosks keep the board open: in a single step that every open connection sees whole, with
the change stamp moving forward so running kiosks redraw by themselves."""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from kiosk.domain.actors import Actor, Role
from kiosk.store import event_setup
from kiosk.store.backups import BadBackup, backup_now, inspect_backup
from kiosk.store.context import StoreContext, reading
from kiosk.store.engine import BUSY_TIMEOUT_MS, database_errors, db_path_of, open_engine
from kiosk.store.errors import DatabaseUnavailable
from kiosk.store.migrate import SCHEMA_HEAD, migrate
from kiosk.store.queries import live_cards_query
from kiosk.store.tables import LOCAL_TABLES
from kiosk.store.writes import change

log = logging.getLogger(__name__)

# This kiosk's own records, not the board (audit_log, code_locks, kiosk_state): a restore keeps the live ones.
_LOCAL_TABLES = tuple(table.__tablename__ for table in LOCAL_TABLES)


@dataclass(frozen=True, slots=True)
class RestoreResult:
    backup: Path
    # The board as it was just before the restore.
    safety_backup: Path
    sessions: int
    # The schema revision the backup was upgraded from, if it was older.
    upgraded_from: str | None
    # What applying this kiosk's config changed in the restored board (rooms or config blocks that differ).
    config_changes: tuple[str, ...]

    @property
    def summary(self) -> str:
        return (
            f"Restored {self.sessions} {'session' if self.sessions == 1 else 'sessions'} from {self.backup.name};"
            f" the board as it was before is kept in {self.safety_backup.name}."
        )


def restore(ctx: StoreContext, backup: Path, actor: Actor, *, moment: datetime | None = None) -> RestoreResult:
    """Put the board back as `backup` has it, while kiosks keep it open; a bad backup is refused, nothing changed.

    A private copy is upgraded, checked and finished (this kiosk's own records, the restore's audit row), then
    copied over the live file with SQLite's backup API in one write transaction, so every connection sees the old
    board or the new one; the safety backup (named by `moment`, default now) is made under that same lock.
    """
    live = db_path_of(ctx.engine)
    if backup.resolve() == live.resolve():
        raise BadBackup(backup, "is the live board itself")
    info = inspect_backup(backup)
    # Beside the board rather than in /tmp: the same disk, which has room for the board, and often a small /tmp.
    work = Path(tempfile.mkdtemp(prefix=".restore-", dir=live.parent))
    try:
        staged_file = work / "board.sqlite3"
        _stage(backup, staged_file, live)
        engine = open_engine(staged_file)
        try:
            staged = StoreContext(engine, ctx.event, ctx.clock, ctx.kiosk_id)
            outcome = _swap_in(ctx, staged, staged_file, backup, actor, moment)
        finally:
            engine.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    safety, sessions, config_changes = outcome
    upgraded_from = None if info.revision == SCHEMA_HEAD else info.revision
    log.info("Restored the board from %s (%d sessions); it was backed up to %s first", backup, sessions, safety)
    return RestoreResult(backup, safety, sessions, upgraded_from, tuple(config_changes))


def _stage(backup: Path, staged_file: Path, live: Path) -> None:
    """A private copy of the backup at the current schema, checked, with the live board's page size."""
    with database_errors(live), closing(sqlite3.connect(f"{live.resolve().as_uri()}?mode=rw", uri=True)) as board:
        page_size = int(board.execute("PRAGMA page_size").fetchone()[0])
    try:
        with (
            closing(sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)) as source,
            closing(sqlite3.connect(staged_file, isolation_level=None)) as copy,
        ):
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            # SQLite cannot copy pages of another size into a WAL database: rewrite the copy at the live size.
            if copy.execute("PRAGMA page_size").fetchone()[0] != page_size:
                copy.execute(f"PRAGMA page_size={page_size}")
                copy.execute("VACUUM")
    except sqlite3.DatabaseError as error:
        raise BadBackup(backup, f"could not be copied ({error})") from error
    try:
        migrate(staged_file)
    except DatabaseUnavailable as error:
        raise BadBackup(backup, f"cannot be brought up to this version's schema: {error.reason.rstrip('.')}") from None
    with closing(sqlite3.connect(staged_file)) as copy:
        problems = [row[0] for row in copy.execute("PRAGMA integrity_check(10)")]
        pages = copy.execute("PRAGMA page_count").fetchone()[0]
    if problems != ["ok"]:
        raise BadBackup(backup, f"is damaged after upgrading (SQLite's check says: {problems[0]})")
    # The swap relies on its first step copying one page and not the whole board (see `_swap_in`).
    if pages < 2:
        raise BadBackup(backup, "holds no board")


def _swap_in(
    ctx: StoreContext, staged: StoreContext, staged_file: Path, backup: Path, actor: Actor, moment: datetime | None
) -> tuple[Path, int, list[str]]:
    live = db_path_of(ctx.engine)
    done: list[tuple[Path, int, list[str]]] = []

    def between_steps(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            # Another writer held the lock through busy_timeout: give up, nothing changed (database_errors words it).
            raise sqlite3.OperationalError("database is locked")
        if status != sqlite3.SQLITE_OK or done:
            return
        # The first step copied one page and holds the live board's write lock until the copy commits: nothing
        # can change it now. Back it up, and finish the staged copy from it. Writing to the staged file makes
        # SQLite restart the copy from the first page, so the live board receives the finished copy whole.
        safety = backup_now(live, reason="before restore", moment=moment)
        _keep_local_tables(staged_file, live)
        config_changes = event_setup.apply_config(staged, staged.actor(Role.SYSTEM))
        with reading(staged) as s:
            sessions = s.scalar(sa.select(sa.func.count()).select_from(live_cards_query().subquery())) or 0
        with change(staged, actor, "board.restore") as c:
            c.describe("board", None, backup=str(backup), safety_backup=str(safety), sessions=sessions)
        done.append((safety, sessions, config_changes))

    with (
        database_errors(live),
        closing(sqlite3.connect(staged_file)) as source,
        closing(sqlite3.connect(f"{live.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None)) as target,
    ):
        target.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        target.execute("PRAGMA synchronous=FULL")
        # One page per step, so the first step takes the lock without finishing (see `between_steps`).
        source.backup(target, pages=1, progress=between_steps)
    if not done:
        raise RuntimeError("the restore copied the board without preparing it")
    return done[0]


def _keep_local_tables(staged_file: Path, live: Path) -> None:
    """Give the staged board the live kiosk's own records, which describe this kiosk, not the board.

    The audit log goes on: the replaced history stays readable, and the restore's row takes the next id after the
    live board's newest, so the change stamp only moves forward. A guesser's lockout is not lifted by a restore,
    and a backup from another kiosk brings none of that kiosk's state.
    """
    with closing(sqlite3.connect(staged_file, isolation_level=None)) as db:
        db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        db.execute("ATTACH DATABASE ? AS live", (str(live),))
        # Deferred, not IMMEDIATE: that would also ask for the live board's write lock, which the copy holds.
        db.execute("BEGIN")
        for table in _LOCAL_TABLES:
            # Table names are the constants above; the staged copy has the current schema, like the live board.
            columns = ", ".join(row[1] for row in db.execute(f"PRAGMA main.table_info({table})"))
            db.execute(f"DELETE FROM main.{table}")  # noqa: S608
            db.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM live.{table}")  # noqa: S608
        db.execute("COMMIT")
        db.execute("DETACH DATABASE live")
