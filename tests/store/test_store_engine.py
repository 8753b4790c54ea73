"""Engine setup: PRAGMAs on every connection, UTC datetimes, and damaged files reported in plain words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Event
from kiosk.store.engine import open_engine
from kiosk.store.errors import DatabaseUnavailable
from kiosk.store.migrate import migrate
from kiosk.store.service import BoardService
from kiosk.store.tables import UTCDateTime


def test_every_new_connection_has_the_pragmas(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "board.sqlite3")
    try:
        for _ in range(2):
            # A connection the pool has never handed out before.
            with engine.connect() as connection:
                pragmas = {
                    name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                    for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
                }
                assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000}
            engine.dispose()
    finally:
        engine.dispose()


def test_transactions_are_real_and_roll_back(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "board.sqlite3")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (x INTEGER)")
    connection = engine.connect()
    transaction = connection.begin()
    connection.exec_driver_sql("INSERT INTO t VALUES (1)")
    transaction.rollback()
    connection.close()
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM t").scalar() == 0
    engine.dispose()


def test_utc_datetime_returns_aware_utc_for_any_input_zone(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "t.sqlite3")
    table = sa.Table("t", sa.MetaData(), sa.Column("at", UTCDateTime()))
    table.metadata.create_all(engine)
    denver_time = datetime(2023, 4, 21, 10, 30, tzinfo=timezone(timedelta(hours=-6)))
    with engine.begin() as connection:
        connection.execute(table.insert().values(at=denver_time))
        stored = connection.exec_driver_sql("SELECT at FROM t").scalar()
        read_back = connection.execute(sa.select(table.c.at)).scalar_one()
    assert stored == "2023-04-21 16:30:00.000000"
    assert read_back == denver_time
    assert read_back.tzinfo is UTC
    with pytest.raises(sa.exc.StatementError, match="naive datetime"), engine.begin() as connection:
        connection.execute(table.insert().values(at=datetime(2023, 4, 21, 10, 30)))
    engine.dispose()


def test_a_damaged_database_file_is_reported_in_plain_words(data_dir: Path, event: Event, clock: ManualClock) -> None:
    data_dir.mkdir()
    db_file = data_dir / "board.sqlite3"
    db_file.write_bytes(b"this is not a database, it is a shopping list: eggs, milk " * 200)

    with pytest.raises(DatabaseUnavailable) as caught:
        BoardService.open(data_dir, event, clock, "kiosk-a")

    message = str(caught.value)
    assert str(db_file) in message
    assert "damaged or is not a board database" in message
    # No backup to restore from here: a restart would restore one by itself, so the message says both ways.
    assert f"the newest good backup from {data_dir / 'backups'}" in message
    assert "stop the kiosk and move board.sqlite3" in message
    assert "board.sqlite3-wal" in message
    assert caught.value.path == db_file


def test_a_database_damaged_after_opening_is_reported_too(tmp_path: Path, event: Event, clock: ManualClock) -> None:
    db_file = tmp_path / "board.sqlite3"
    migrate(db_file)
    db_file.write_bytes(b"\x00garbage" * 4096)
    for sidecar in (tmp_path / "board.sqlite3-wal", tmp_path / "board.sqlite3-shm"):
        sidecar.unlink(missing_ok=True)
    service = BoardService(open_engine(db_file), event, clock, "kiosk-a")

    with pytest.raises(DatabaseUnavailable, match="cannot be used: the file is damaged"):
        service.cards()
    service.close()
