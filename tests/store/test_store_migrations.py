"""Migrations: a new file is created at head, the models match the migrations, and old files are backed up first."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from kiosk.store.engine import open_engine
from kiosk.store.errors import DatabaseUnavailable
from kiosk.store.migrate import alembic_config, backup_to, current_revision, head_revision, migrate
from kiosk.store.tables import Base

TABLES = {
    "alembic_version",
    "rooms",
    "sessions",
    "blocks",
    "ideas",
    "audit_log",
    "code_locks",
    "kiosk_state",
    "votes",
    "conflicts",
    "outbox",
}


def table_names(db_file: Path) -> set[str]:
    with sqlite3.connect(db_file) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows} - {"sqlite_sequence"}


def test_a_new_database_is_created_at_head_without_a_backup(tmp_path: Path) -> None:
    db_file = tmp_path / "board.sqlite3"

    backup = migrate(db_file)

    assert backup is None
    assert not (tmp_path / "backups").exists()
    assert table_names(db_file) == TABLES
    engine = open_engine(db_file)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_migrating_a_database_at_head_changes_nothing(tmp_path: Path) -> None:
    db_file = tmp_path / "board.sqlite3"
    migrate(db_file)
    before = db_file.stat().st_mtime_ns

    assert migrate(db_file) is None

    assert not (tmp_path / "backups").exists()
    assert table_names(db_file) == TABLES
    assert db_file.stat().st_mtime_ns == before


def test_models_and_migrations_describe_the_same_schema(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "board.sqlite3")
    migrate(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []

        # The comparison itself can fail: a model with one more column than the database is noticed.
        drifted = sa.MetaData()
        for table in Base.metadata.tables.values():
            table.to_metadata(drifted)
        drifted.tables["rooms"].append_column(sa.Column("colour", sa.Text()))
        differences = compare_metadata(context, drifted)
        assert [(kind, column.name) for kind, _schema, _table, column in differences] == [("add_column", "colour")]
    engine.dispose()


def test_an_older_database_is_backed_up_before_it_is_upgraded(tmp_path: Path) -> None:
    db_file = tmp_path / "board.sqlite3"
    engine = open_engine(db_file)
    migrate(engine)
    # An older board: step back to before the first revision, and keep something worth losing in the file.
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
        connection.exec_driver_sql("CREATE TABLE handwritten_notes (text TEXT)")
        connection.exec_driver_sql("INSERT INTO handwritten_notes VALUES ('card from the old board')")
    assert current_revision(engine) is None

    backup = migrate(engine, backup_time=datetime(2023, 4, 21, 15, 0, 5, tzinfo=UTC))

    assert backup == tmp_path / "backups" / "board-before-base-20230421T150005Z.sqlite3"
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT text FROM handwritten_notes").fetchall() == [("card from the old board",)]
        assert "rooms" not in {name for (name,) in copy.execute("SELECT name FROM sqlite_master")}
    assert current_revision(engine) == head_revision()
    assert table_names(db_file) >= TABLES
    engine.dispose()


def test_a_database_from_a_newer_kiosk_is_refused_untouched(tmp_path: Path) -> None:
    db_file = tmp_path / "board.sqlite3"
    migrate(db_file)
    with sqlite3.connect(db_file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")

    with pytest.raises(DatabaseUnavailable, match="newer version of the kiosk software"):
        migrate(db_file)

    assert not (tmp_path / "backups").exists()


def test_backup_to_writes_a_self_contained_copy_of_the_live_database(tmp_path: Path) -> None:
    db_file = tmp_path / "board.sqlite3"
    engine = open_engine(db_file)
    migrate(engine)
    # Keep a connection open so the latest commit still sits in the -wal file, not the main file.
    keep_open = engine.connect()
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO audit_log (at, kiosk_id, actor, action, entity, detail) "
            "VALUES ('2023-04-21 15:00:00.000000', 'k', 'host', 'card.add', 'session', '{}')"
        )
    target = tmp_path / "exports" / "copy.sqlite3"

    assert backup_to(db_file, target) == target

    assert not target.with_name("copy.sqlite3-wal").exists()
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT count(*) FROM audit_log").fetchone() == (1,)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    keep_open.close()
    engine.dispose()


def test_backup_of_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match="does not exist"):
        backup_to(tmp_path / "nowhere.sqlite3", tmp_path / "copy.sqlite3")
    assert not (tmp_path / "nowhere.sqlite3").exists()


def test_the_start_up_shortcut_knows_the_newest_migration() -> None:
    from kiosk.store.migrate import SCHEMA_HEAD, head_revision

    assert head_revision() == SCHEMA_HEAD, "update SCHEMA_HEAD in kiosk/store/migrate.py with the new migration"


def test_upgrading_from_0001_moves_lockouts_to_the_kiosk_and_keeps_every_card(tmp_path: Path) -> None:
    db_file = tmp_path / "board.sqlite3"
    engine = open_engine(db_file)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        connection.exec_driver_sql(
            "INSERT INTO rooms VALUES ('00000000000000000000000000000001', '2023-04-21 15:00:00', "
            "'2023-04-21 15:00:00', 1, 0, 'k', 'a', 'Room A', '', 0)"
        )
        for number, attempts, locked in ((1, 3, None), (2, 0, "2023-04-21 16:00:00"), (3, 0, None)):
            connection.exec_driver_sql(
                "INSERT INTO sessions VALUES (?, '2023-04-21 15:00:00', '2023-04-21 15:00:00', 1, 0, 'k', "
                "'00000000000000000000000000000001', ?, '2023-04-21 17:00:00', ?, '', 'Zoë', '', '[]', NULL, '!', "
                "?, ?)",
                (f"{number:032x}", f"2023-04-21 1{number}:00:00", f"Card {number}", attempts, locked),
            )
        connection.exec_driver_sql(
            "INSERT INTO audit_log (at, kiosk_id, action, entity, detail) "
            "VALUES ('2023-04-21 15:00:00', 'k', 'card.add', 'session', '{}')"
        )

    backup = migrate(engine, backup_time=datetime(2023, 4, 22, tzinfo=UTC))

    assert backup is not None and backup.exists()
    with sqlite3.connect(db_file) as connection:
        assert connection.execute("SELECT topic FROM sessions ORDER BY topic").fetchall() == [
            ("Card 1",),
            ("Card 2",),
            ("Card 3",),
        ]
        locks = connection.execute("SELECT session_id, failed_attempts, locked_until FROM code_locks").fetchall()
        assert sorted((session_id[-1], attempts, locked) for session_id, attempts, locked in locks) == [
            ("1", 3, None),
            ("2", 0, "2023-04-21 16:00:00"),
        ]
        columns = {row[1] for row in connection.execute("PRAGMA table_info(sessions)")}
        assert "failed_code_attempts" not in columns and "locked_until" not in columns
        assert connection.execute("SELECT actor FROM audit_log").fetchall() == [("system",)]
        # The rebuilt table still refuses two live cards in one slot.
        index_sql = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'uq_sessions_live_room_slot'"
        ).fetchone()[0]
        assert "WHERE deleted = false" in index_sql
    engine.dispose()


def test_an_upgrade_writes_one_line_to_the_log_not_alembics_narration(tmp_path: Path) -> None:
    import logging

    from kiosk.logsetup import configure_logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    log_file = configure_logging(tmp_path / "data")
    try:
        migrate(tmp_path / "data" / "board.sqlite3")
        migrate(tmp_path / "data" / "board.sqlite3")  # at head: nothing to say
    finally:
        for handler in set(root.handlers) - set(handlers):
            handler.close()
            root.removeHandler(handler)
        root.setLevel(level)
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines if "kiosk.store.migrate" in line] == [
        f"Upgraded the board's database {tmp_path / 'data' / 'board.sqlite3'} from schema (new) to {head_revision()}"
    ]
    assert not any("alembic" in line for line in lines)
