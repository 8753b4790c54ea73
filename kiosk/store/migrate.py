"""Bring the board's database to the current schema with Alembic, backing the file up first; and file backups."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kiosk.store.engine import BACKUP_DIR_NAME, database_errors, db_path_of, open_engine, writer
from kiosk.store.errors import DatabaseUnavailable

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# The newest migration's revision. Start-up compares the database against it directly, so Alembic (a third
# of a second to import) is only loaded when there is something to upgrade; a test keeps it equal to
# Alembic's own head.
SCHEMA_HEAD = "0005"

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, built in code: the kiosk ships no alembic.ini."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations found in {MIGRATIONS_DIR}")
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at; None for an empty (or never migrated) file."""
    from alembic.runtime.migration import MigrationContext

    with database_errors(db_path_of(engine)), engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


# Written into every kiosk database's header (`PRAGMA application_id`): "OSK1".
APPLICATION_ID = 0x4F534B31
# The first 16 bytes of every SQLite file.
SQLITE_HEADER = b"SQLite format 3\x00"


def _is_at_head(engine: Engine) -> bool:
    """The quick start-up check, without Alembic: is the stored revision the one this code expects?"""
    with database_errors(db_path_of(engine)), engine.connect() as connection:
        if not sa.inspect(connection).has_table("alembic_version"):
            return False
        rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
        return [row[0] for row in rows] == [SCHEMA_HEAD]


def migrate(target: Engine | Path, *, backup_time: datetime | None = None) -> Path | None:
    """Upgrade the database to the newest schema; returns the backup made on the way, if any.

    A file that holds data at an older revision is copied to `<its folder>/backups/` first, so a failed or
    regretted upgrade never costs the board. A new file is created at head by the migrations themselves.
    `backup_time` names the backup; it defaults to the real time, not the event clock, because people look for
    backups by when they were made.
    """
    if isinstance(target, Engine):
        return _migrate_engine(target, backup_time)
    engine = open_engine(target)
    try:
        return _migrate_engine(engine, backup_time)
    finally:
        engine.dispose()


def _migrate_engine(engine: Engine, backup_time: datetime | None) -> Path | None:
    is_file = engine.dialect.name == "sqlite" and db_path_of(engine) != Path(":memory:")
    marked = _refuse_foreign_file(engine) if is_file else True
    backup = None if _is_at_head(engine) else _upgrade(engine, backup_time)
    if not marked:
        _mark_as_ours(engine)
    return backup


def _refuse_foreign_file(engine: Engine) -> bool:
    """Only a kiosk's database is adopted: an empty file, or another application's SQLite file, would otherwise be
    taken as an empty board (and get the kiosk's tables added to it). Returns whether the file is already marked
    as the kiosk's."""
    db_path = db_path_of(engine)
    try:
        size = db_path.stat().st_size
    except FileNotFoundError:
        return False  # a new board: created at head by the migrations
    except OSError as error:
        raise DatabaseUnavailable(db_path, f"it cannot be read ({error.strerror or error}).") from error
    if size == 0:
        raise DatabaseUnavailable(
            db_path,
            "the file is empty (0 bytes), so it is not a kiosk's board. Restore a backup with `kiosk restore`, or"
            " move the file aside to start an empty board.",
        )
    if _header_application_id(db_path) == APPLICATION_ID:
        return True  # the usual start: the mark is in the file's header, no connection needed
    # Looked at with a plain connection: the engine's would switch the file to WAL, changing someone else's file.
    try:
        with closing(sqlite3.connect(db_path)) as connection:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            query = "SELECT name FROM sqlite_master WHERE type = 'table'"
            tables = {row[0] for row in connection.execute(query)}
    except sqlite3.DatabaseError:
        return False  # not SQLite at all, or unreadable: the engine's first use says so in plain words
    if application_id == APPLICATION_ID:
        return True  # marked in the write-ahead log, not yet in the header
    if application_id:
        reason = f"it belongs to another application (SQLite application_id {application_id:#x})"
    elif tables and not {"alembic_version", "sessions"} <= tables:
        # A kiosk's file from before the mark has both; anything else with tables is someone else's.
        reason = f"it is another application's SQLite database (tables: {', '.join(sorted(tables)[:5])})"
    else:
        return False
    raise DatabaseUnavailable(
        db_path, f"{reason}, not a kiosk's board; nothing was changed. Choose another --data-dir."
    )


def _header_application_id(db_path: Path) -> int | None:
    """The application_id in an SQLite file's 100-byte header (big-endian at offset 68), or None if unreadable."""
    try:
        with db_path.open("rb") as file:
            header = file.read(100)
    except OSError:
        return None
    if len(header) < 72 or not header.startswith(SQLITE_HEADER):
        return None
    return int.from_bytes(header[68:72], "big")


def _mark_as_ours(engine: Engine) -> None:
    """Stamp the file's header with the kiosk's application_id (a file from before the mark is adopted)."""
    db_path = db_path_of(engine)
    with database_errors(db_path), engine.connect() as connection:
        if connection.exec_driver_sql("PRAGMA application_id").scalar() != APPLICATION_ID:
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.commit()


def _upgrade(engine: Engine, backup_time: datetime | None) -> Path | None:
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    db_path = db_path_of(engine)
    head = head_revision()
    known = {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    with database_errors(db_path), writer(engine).connect() as connection:
        is_sqlite = connection.dialect.name == "sqlite"
        # Batch migrations rebuild tables; with foreign keys enforced, dropping a referenced table would fail or
        # cascade. SQLite's documented procedure: switch them off (only possible outside a transaction),
        # change the schema, then check every link before committing.
        if is_sqlite:
            _set_sqlite_foreign_keys(connection, enabled=False)
        try:
            # The write lock is taken before the revision is read, so two kiosks starting together upgrade once.
            with connection.begin():
                current = MigrationContext.configure(connection).get_current_revision()
                if current == head:
                    return None
                if current is not None and current not in known:
                    raise DatabaseUnavailable(
                        db_path,
                        f"it was written by a newer version of the kiosk software (schema revision {current}). "
                        "Run that version, or restore a backup made before it.",
                    )
                backup = None
                if is_sqlite and _holds_anything(connection):
                    backup = _backup_before_upgrade(db_path, current, backup_time or datetime.now(UTC))
                    log.info("Backed up %s to %s before upgrading it from %s to %s", db_path, backup, current, head)
                command.upgrade(alembic_config(connection), "head")
                log.info("Upgraded the board's database %s from schema %s to %s", db_path, current or "(new)", head)
                if is_sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseUnavailable(
                            db_path,
                            f"upgrading it would leave {len(broken)} rows pointing at rows that do not exist, "
                            "so nothing was changed.",
                        )
                return backup
        finally:
            if is_sqlite:
                _set_sqlite_foreign_keys(connection, enabled=True)


def _set_sqlite_foreign_keys(connection: Connection, *, enabled: bool) -> None:
    # Straight to the driver: a statement through SQLAlchemy would open a transaction, where this PRAGMA is ignored.
    driver_connection = connection.connection.driver_connection
    assert isinstance(driver_connection, sqlite3.Connection)
    driver_connection.execute(f"PRAGMA foreign_keys={'ON' if enabled else 'OFF'}")


def _holds_anything(connection: Connection) -> bool:
    return bool(sa.inspect(connection).get_table_names())


def _backup_before_upgrade(db_path: Path, revision: str | None, moment: datetime) -> Path:
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup_dir = db_path.parent / BACKUP_DIR_NAME
    target = backup_dir / f"board-before-{revision or 'base'}-{stamp}.sqlite3"
    counter = 1
    while target.exists():
        target = backup_dir / f"board-before-{revision or 'base'}-{stamp}-{counter}.sqlite3"
        counter += 1
    return backup_to(db_path, target)


def backup_to(db_path: Path, target_path: Path) -> Path:
    """Copy the live database to `target_path` with SQLite's backup API (consistent even while kiosks write).

    The copy is a single self-contained file (rollback journal, no -wal beside it). Returns `target_path`.
    """
    if not db_path.exists():
        raise DatabaseUnavailable(db_path, "the file does not exist.")
    target_path.parent.mkdir(parents=True, exist_ok=True)
    with database_errors(db_path):
        # mode=rw: never create an empty source file by accident.
        source = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=rw", uri=True)
        with closing(source), closing(sqlite3.connect(target_path)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
    return target_path
