"""SQLite engine setup: the PRAGMAs every connection needs, real transactions, and database errors in plain words."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from kiosk.store.errors import DatabaseUnavailable

# Execution option that makes the "begin" listener take the write lock up front (see `writer`).
BEGIN_IMMEDIATE_OPTION = "kiosk_begin_immediate"

BUSY_TIMEOUT_MS = 5000

# Beside the database file; the upgrade backups go here (see migrate), and error messages point staff to it.
BACKUP_DIR_NAME = "backups"

_CONNECTION_PRAGMAS = (
    # WAL lets the UI read while another process (a second kiosk, `kiosk sync`) writes.
    "PRAGMA journal_mode=WAL",
    # A card someone has just added must survive a power cut at the wall.
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


class DamagedText(str):
    """Text SQLite handed back that is not valid UTF-8 (a damaged page, a hand edit): decoded with U+FFFD in place
    of the bad bytes, and marked so, so readers can leave that one row out and say so instead of failing the
    whole query (see `queries.intact`)."""

    __slots__ = ()


def _decode_text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return DamagedText(raw.decode("utf-8", "replace"))


def sqlite_url(db_path: Path) -> str:
    return f"sqlite:///{db_path}"


def open_engine(target: str | sa.URL | Path) -> Engine:
    """An engine for a database URL (SQLite for a kiosk, PostgreSQL for the hub) or a SQLite file's path.

    Nothing touches the database until the first connection. SQLite connections get the kiosk's PRAGMAs and
    real transactions; other databases are used as SQLAlchemy configures them.
    """
    url = sqlite_url(target) if isinstance(target, Path) else target
    engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine (and pool), but its transactions start with BEGIN IMMEDIATE.

    A deferred transaction that reads and then writes fails at once with "database is locked" when another
    process committed in between; taking the write lock first makes writers queue (up to busy_timeout) instead,
    so the checks a change makes (slot free? rate limit?) still hold when it commits.
    """
    return engine.execution_options(**{BEGIN_IMMEDIATE_OPTION: True})


def check_writable(engine: Engine) -> None:
    """Raise `DatabaseUnavailable` now if the board cannot be written, rather than at the first host's save.

    A read-only file (or one on a read-only disk) opens and reads fine; SQLite only refuses the first write.
    So one row is rewritten with its own value in a transaction that is rolled back: nothing changes.
    """
    db_path = db_path_of(engine)
    with database_errors(db_path), writer(engine).connect() as connection, connection.begin() as transaction:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = version_num")
        transaction.rollback()


def _on_connect(dbapi_connection: Any, _connection_record: Any) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    # pysqlite's own transaction handling begins late and never for DDL; turn it off and emit BEGIN ourselves
    # (the recipe in SQLAlchemy's pysqlite documentation, "Serializable isolation / Savepoints / Transactional DDL").
    dbapi_connection.isolation_level = None
    # One bad value must not make every query that meets it fail ("Could not decode to UTF-8 column …").
    dbapi_connection.text_factory = _decode_text
    cursor = dbapi_connection.cursor()
    try:
        for pragma in _CONNECTION_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _on_begin(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    immediate = connection.get_execution_options().get(BEGIN_IMMEDIATE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def db_path_of(engine: Engine) -> Path:
    """The SQLite file behind `engine`."""
    if engine.dialect.name != "sqlite":
        raise ValueError(f"{engine.dialect.name} databases are not files")
    return Path(engine.url.database or ":memory:")


def database_label(engine: Engine) -> Path | str:
    """What messages call the database: the SQLite file, or another database's URL without its password."""
    if engine.dialect.name == "sqlite":
        return db_path_of(engine)
    return engine.url.render_as_string(hide_password=True)


def explain_database_error(error: BaseException, db_path: Path | str) -> str:
    """A person's reading of what SQLite said; the raw text is kept at the end for whoever looks at the logs."""
    original = getattr(error, "orig", None) or error
    text = str(original)
    lowered = text.lower()
    if ("file is not a database" in lowered or "malformed" in lowered) and isinstance(db_path, Path):
        # At start the kiosk restores the newest good backup over a damaged file by itself (kiosk.store.recovery);
        # without one, the steps by hand. The -wal/-shm files must go too, or SQLite would replay the damaged
        # file's journal onto the next board.
        return (
            f"the file is damaged or is not a board database. Restart the kiosk: at start it moves a damaged file"
            f" aside and puts the newest good backup from {db_path.parent / BACKUP_DIR_NAME} in its place. If there"
            f" is none, stop the kiosk and move {db_path.name} (with any {db_path.name}-wal and {db_path.name}-shm"
            f" beside it) out of {db_path.parent}: the kiosk then starts with an empty board, and `kiosk restore"
            f" FILE` puts back a backup kept elsewhere. ({text})"
        )
    if "locked" in lowered or "busy" in lowered:
        return (
            f"another program has kept it busy for more than {BUSY_TIMEOUT_MS // 1000} seconds. "
            f"Close other kiosk programs using this data directory and try again. ({text})"
        )
    if "unable to open" in lowered or "readonly" in lowered or "read-only" in lowered:
        return (
            f"the file or its folder cannot be opened for writing. Check that it exists and its permissions. ({text})"
        )
    if "full" in lowered:
        return f"the disk is full. Free some space and try again. ({text})"
    if "i/o error" in lowered:
        return f"the disk reported an error while reading or writing it. ({text})"
    return f"SQLite reported a problem. ({text})"


@contextmanager
def database_errors(db_path: Path | str) -> Iterator[None]:
    """Turn SQLite failures (damaged file, lock held too long, disk full) into `DatabaseUnavailable`.

    Integrity errors are not translated: they mean a rule was broken, and callers handle them (`SlotTaken`).
    """
    try:
        yield
    except sa.exc.IntegrityError:
        raise
    except (sa.exc.OperationalError, sa.exc.DatabaseError, sqlite3.DatabaseError) as error:
        raise DatabaseUnavailable(db_path, explain_database_error(error, db_path)) from error
