"""Only a kiosk's database is adopted: an empty file or another application's SQLite file is refused with one line
and left as it was; a kiosk database is marked with the kiosk's SQLite application_id, one from before the mark
adopted."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kiosk.store.errors import DatabaseUnavailable
from kiosk.store.migrate import APPLICATION_ID, migrate


def application_id(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("PRAGMA application_id").fetchone()[0])


def tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as connection:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_new_board_is_marked_as_the_kiosks(tmp_path: Path) -> None:
    path = tmp_path / "board.sqlite"
    migrate(path)
    assert application_id(path) == APPLICATION_ID
    assert "sessions" in tables(path)
    migrate(path)  # opening it again is quiet
    assert application_id(path) == APPLICATION_ID


def test_a_kiosk_board_from_before_the_mark_is_adopted(tmp_path: Path) -> None:
    path = tmp_path / "board.sqlite"
    migrate(path)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA application_id = 0")
        connection.commit()
    assert application_id(path) == 0
    migrate(path)
    assert application_id(path) == APPLICATION_ID


def test_an_empty_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "board.sqlite"
    path.write_bytes(b"")
    with pytest.raises(DatabaseUnavailable, match=r"the file is empty \(0 bytes\)") as refused:
        migrate(path)
    assert "\n" not in str(refused.value)
    assert path.read_bytes() == b""


@pytest.mark.parametrize("their_id", [0, 0x12345678])
def test_another_applications_database_is_refused_and_left_alone(tmp_path: Path, their_id: int) -> None:
    path = tmp_path / "notes.sqlite"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO notes (body) VALUES ('keep me')")
        connection.execute(f"PRAGMA application_id = {their_id}")
        connection.commit()
    before = path.read_bytes()
    with pytest.raises(DatabaseUnavailable, match="another application") as refused:
        migrate(path)
    assert "not a kiosk's board; nothing was changed" in str(refused.value)
    assert path.read_bytes() == before
    assert tables(path) == {"notes"}
