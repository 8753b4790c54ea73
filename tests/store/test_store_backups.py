"""Backups and restore while the board is open: exact round trips, refusals that change nothing, and running kiosks
(other engines, other connections) that see the restored board by themselves through the change stamp."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from kiosk.domain.actors import Role
from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Event
from kiosk.store import restore as restoring
from kiosk.store.backups import BadBackup, backup_now, inspect_backup, list_backups
from kiosk.store.engine import open_engine, sqlite_url
from kiosk.store.errors import HostActionsLocked, WrongEditCode
from kiosk.store.migrate import alembic_config
from kiosk.store.pin import set_pin, try_pin
from kiosk.store.restore import restore
from kiosk.store.service import BoardService
from tests.store.conftest import DraftMaker

MOMENT = datetime(2023, 4, 21, 15, 0, 5, tzinfo=UTC)


def fill(service: BoardService, make_draft: DraftMaker, *hours: int) -> None:
    assert isinstance(service.clock, ManualClock)
    for hour in hours:
        # A minute apart, under the anti-spam limit of cards per kiosk per minute.
        service.clock.advance(timedelta(seconds=61))
        service.add_card(make_draft("a", 0, hour, topic=f"Session at {hour}", description="Notes " * 40))


def audit(service: BoardService) -> list[tuple[int, str, str, str]]:
    with sqlite3.connect(service.db_path) as db:
        return db.execute("SELECT id, actor, action, detail FROM audit_log ORDER BY id").fetchall()


def live_topics(board_file: Path) -> list[str]:
    with closing(sqlite3.connect(f"{board_file.as_uri()}?mode=ro", uri=True)) as db:
        return [topic for (topic,) in db.execute("SELECT topic FROM sessions WHERE deleted = 0 ORDER BY topic")]


def files_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()} if folder.exists() else set()


# -- backup_now and list_backups ---------------------------------------------------------------------------------------


def test_backup_now_names_the_file_by_its_time_and_never_overwrites(
    service: BoardService, make_draft: DraftMaker
) -> None:
    fill(service, make_draft, 10)
    first = backup_now(service, moment=MOMENT)
    fill(service, make_draft, 11)
    second = backup_now(service.ctx, moment=MOMENT)
    third = backup_now(service.db_path, moment=MOMENT)

    folder = service.db_path.parent / "backups"
    assert [first, second, third] == [
        folder / "board-20230421T150005Z.sqlite3",
        folder / "board-20230421T150005Z-1.sqlite3",
        folder / "board-20230421T150005Z-2.sqlite3",
    ]
    assert [inspect_backup(path).sessions for path in (first, second, third)] == [1, 2, 2]


def test_backup_now_uses_the_real_time_by_default(service: BoardService) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    made = backup_now(service)
    after = datetime.now(UTC)

    assert before <= inspect_backup(made).made_at <= after


def test_list_backups_shows_newest_first_with_sizes_and_counts_and_survives_junk(
    service: BoardService, make_draft: DraftMaker, data_dir: Path
) -> None:
    fill(service, make_draft, 10)
    older = backup_now(service, moment=MOMENT)
    fill(service, make_draft, 11, 12)
    newer = backup_now(service, moment=MOMENT.replace(hour=16))
    same_second = backup_now(service, moment=MOMENT.replace(hour=16))
    notes = data_dir / "backups" / "notes.txt"
    notes.write_text("keep the 2019 board too", encoding="utf-8")
    # No time in its name: listed by when it was last written.
    os.utime(notes, (MOMENT.timestamp() + 1800, MOMENT.timestamp() + 1800))
    (data_dir / "backups" / "board-20230421T170000Z.sqlite3").write_bytes(b"")
    (data_dir / "backups" / f"{newer.name}-wal").write_bytes(b"sidecar, not a backup")

    listed = list_backups(data_dir)

    by_name = {info.path.name: info for info in listed}
    assert [info.path.name for info in listed] == [
        "board-20230421T170000Z.sqlite3",
        same_second.name,
        newer.name,
        "notes.txt",
        older.name,
    ]
    assert [(by_name[p.name].sessions, by_name[p.name].size) for p in (older, newer)] == [
        (1, older.stat().st_size),
        (3, newer.stat().st_size),
    ]
    assert by_name[older.name].problem is None
    assert by_name["notes.txt"].sessions is None and by_name["notes.txt"].problem == "is not a SQLite database"
    assert by_name["board-20230421T170000Z.sqlite3"].problem == "is empty (0 bytes)"


def test_list_backups_of_a_data_dir_without_backups_is_empty(tmp_path: Path) -> None:
    assert list_backups(tmp_path) == []


# -- refusals ----------------------------------------------------------------------------------------------------------


def text_file(saved: Path, target: Path) -> None:
    target.write_text("room,topic\na,Python on the Pico\n", encoding="utf-8")


def empty_file(saved: Path, target: Path) -> None:
    target.touch()


def other_application(saved: Path, target: Path) -> None:
    with sqlite3.connect(target) as db:
        db.execute("CREATE TABLE recipes (name TEXT, steps TEXT)")
        db.execute("INSERT INTO recipes VALUES ('bread', 'knead')")


def newer_schema(saved: Path, target: Path) -> None:
    shutil.copy(saved, target)
    with sqlite3.connect(target) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")


def damaged(saved: Path, target: Path) -> None:
    shutil.copy(saved, target)
    with sqlite3.connect(target) as db:
        page_size, pages = db.execute("PRAGMA page_size").fetchone()[0], db.execute("PRAGMA page_count").fetchone()[0]
    assert pages > 8
    with target.open("r+b") as file:
        # Pages in the middle overwritten with garbage, the header (page 1) left alone: a disk that failed.
        file.seek(page_size * (pages // 2 - 2))
        file.write(bytes(range(256)) * (page_size * 3 // 256))


def a_folder(saved: Path, target: Path) -> None:
    target.mkdir()


@pytest.mark.parametrize(
    ("make_bad", "says"),
    [
        (text_file, "is not a SQLite database"),
        (empty_file, "is empty (0 bytes)"),
        (other_application, "is a SQLite database but not a kiosk board"),
        (newer_schema, "was written by a newer version of the kiosk software (schema revision 9999)"),
        (damaged, "is damaged"),
        (a_folder, "is not a file"),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_a_bad_backup_is_refused_in_one_line_and_the_board_is_unchanged(
    service: BoardService,
    make_draft: DraftMaker,
    tmp_path: Path,
    data_dir: Path,
    make_bad: Callable[[Path, Path], None],
    says: str,
) -> None:
    fill(service, make_draft, *range(10, 18))
    saved = backup_now(service, moment=MOMENT)
    service.add_card(make_draft("b", 1, 10, topic="After the backup"))
    bad = tmp_path / "bad.sqlite3"
    make_bad(saved, bad)
    cards, stamp, files = service.cards(), service.change_stamp(), files_in(data_dir / "backups")

    with pytest.raises(BadBackup) as refused:
        restore(service.ctx, bad, service.actor(Role.STAFF))

    assert says in str(refused.value)
    assert "\n" not in str(refused.value) and str(refused.value).startswith(f"The backup {bad} ")
    assert (service.cards(), service.change_stamp()) == (cards, stamp)
    assert files_in(data_dir / "backups") == files
    assert files_in(data_dir) == {"backups", "board.sqlite3", "board.sqlite3-wal", "board.sqlite3-shm"}


def test_a_missing_backup_and_the_live_board_itself_are_refused(service: BoardService, tmp_path: Path) -> None:
    with pytest.raises(BadBackup, match="does not exist"):
        restore(service.ctx, tmp_path / "nowhere.sqlite3", service.actor(Role.STAFF))
    with pytest.raises(BadBackup, match="is the live board itself"):
        restore(service.ctx, service.db_path, service.actor(Role.STAFF))


# -- restore -----------------------------------------------------------------------------------------------------------


def test_restore_gives_back_exactly_the_backed_up_board_and_keeps_what_was_there(
    service: BoardService, make_draft: DraftMaker
) -> None:
    fill(service, make_draft, 10, 11, 12)
    idea = service.add_idea("Rust for Pythonistas")
    before = (service.cards(), service.ideas())
    saved = backup_now(service, moment=MOMENT)
    service.add_card(make_draft("c", 1, 14, topic="Made after the backup"))
    service.vote_idea(idea.id)
    replaced = service.cards()

    result = restore(service.ctx, saved, service.actor(Role.STAFF), moment=MOMENT.replace(hour=18))

    assert (service.cards(), service.ideas()) == before
    assert (result.backup, result.sessions, result.upgraded_from, result.config_changes) == (saved, 3, None, ())
    assert result.safety_backup.name == "board-20230421T180005Z.sqlite3"
    assert live_topics(result.safety_backup) == sorted(card.topic for card in replaced)
    assert "Made after the backup" in live_topics(result.safety_backup)
    assert result.summary == (
        f"Restored 3 sessions from {saved.name}; the board as it was before is kept in {result.safety_backup.name}."
    )


def test_a_kiosk_that_had_the_board_open_sees_the_restored_board_and_a_newer_stamp(
    service: BoardService, make_draft: DraftMaker, event: Event, clock: ManualClock
) -> None:
    fill(service, make_draft, 10, 11)
    before = service.cards()
    saved = backup_now(service, moment=MOMENT)
    fill(service, make_draft, 12, 13)
    # Another kiosk process: its own engine, opened and used (so its pool holds a connection) before the restore.
    other = BoardService(open_engine(service.db_path), event, clock, "kiosk-b")
    assert len(other.cards()) == 4
    stamp = other.change_stamp()

    restore(service.ctx, saved, service.actor(Role.STAFF))

    assert other.cards() == before
    assert other.change_stamp() > stamp
    assert service.change_stamp() == other.change_stamp()
    other.close()


def test_a_reader_in_the_middle_of_a_transaction_sees_the_old_board_or_the_new_never_half(
    service: BoardService, make_draft: DraftMaker
) -> None:
    fill(service, make_draft, 10)
    saved = backup_now(service, moment=MOMENT)
    fill(service, make_draft, 11, 12)
    reader = sqlite3.connect(service.db_path, isolation_level=None)
    reader.execute("BEGIN")
    count = "SELECT count(*) FROM sessions WHERE deleted = 0"
    assert reader.execute(count).fetchone() == (3,)

    restore(service.ctx, saved, service.actor(Role.STAFF))

    assert reader.execute(count).fetchone() == (3,)  # its snapshot: the old board, whole
    reader.execute("COMMIT")
    assert reader.execute(count).fetchone() == (1,)
    reader.close()


def test_a_restore_waits_for_a_writer_instead_of_failing(service: BoardService, make_draft: DraftMaker) -> None:
    fill(service, make_draft, 10)
    saved = backup_now(service, moment=MOMENT)
    fill(service, make_draft, 11)
    locked, writer = threading.Event(), sqlite3.connect(service.db_path, isolation_level=None, check_same_thread=False)

    def hold_the_write_lock() -> None:
        writer.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(0.3)
        writer.execute("COMMIT")

    thread = threading.Thread(target=hold_the_write_lock)
    thread.start()
    locked.wait()
    started = time.monotonic()

    result = restore(service.ctx, saved, service.actor(Role.STAFF))

    thread.join()
    writer.close()
    assert time.monotonic() - started >= 0.2
    assert result.sessions == 1 and len(service.cards()) == 1


def test_a_restore_is_one_audit_row_by_staff_and_keeps_the_kiosks_history(
    service: BoardService, make_draft: DraftMaker
) -> None:
    fill(service, make_draft, 10)
    saved = backup_now(service, moment=MOMENT)
    fill(service, make_draft, 11, 12)
    history = audit(service)

    result = restore(service.ctx, saved, service.actor(Role.STAFF))

    after = audit(service)
    assert after[: len(history)] == history
    [(row_id, actor, action, detail)] = after[len(history) :]
    assert (row_id, actor, action) == (history[-1][0] + 1, "staff", "board.restore")
    assert json.loads(detail) == {
        "backup": str(saved),
        "safety_backup": str(result.safety_backup),
        "sessions": 1,
    }


def test_a_restore_keeps_this_kiosks_lockouts(service: BoardService, make_draft: DraftMaker, data_dir: Path) -> None:
    guarded = service.add_card(make_draft("a", 0, 10))
    saved = backup_now(service, moment=MOMENT)
    set_pin(data_dir, "424242")
    staff = service.actor(Role.STAFF)
    for _ in range(5):
        try_pin(service.ctx, data_dir, "000000", staff)
    for _ in range(5):
        with pytest.raises((WrongEditCode, HostActionsLocked)):
            service.check_edit_code(guarded.card.id, "not-the-code")

    restore(service.ctx, saved, staff)

    # A guesser does not get fresh tries from a restore: both pauses are this kiosk's, not the board's.
    assert try_pin(service.ctx, data_dir, "424242", staff).locked_seconds > 0
    with pytest.raises(HostActionsLocked):
        service.check_edit_code(guarded.card.id, guarded.edit_code)


def test_an_older_schema_backup_is_upgraded_and_restored(
    service: BoardService, make_draft: DraftMaker, tmp_path: Path
) -> None:
    fill(service, make_draft, 10, 11)
    before = service.cards()
    older = tmp_path / "from-an-older-kiosk.sqlite3"
    shutil.copy(backup_now(service, moment=MOMENT), older)
    # A plain engine, foreign keys off, the way migrate() runs batch migrations that rebuild tables.
    engine = sa.create_engine(sqlite_url(older))
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0001")
    engine.dispose()
    assert inspect_backup(older).revision == "0001"
    fill(service, make_draft, 12)

    result = restore(service.ctx, older, service.actor(Role.STAFF))

    assert result.upgraded_from == "0001"
    assert service.cards() == before
    assert inspect_backup(older).revision == "0001"  # the backup itself is left as it was


def test_a_backup_with_another_page_size_is_restored(
    service: BoardService, make_draft: DraftMaker, tmp_path: Path
) -> None:
    fill(service, make_draft, 10, 11)
    before = service.cards()
    other_pages = tmp_path / "other-pages.sqlite3"
    shutil.copy(backup_now(service, moment=MOMENT), other_pages)
    with closing(sqlite3.connect(other_pages, isolation_level=None)) as db:
        db.execute("PRAGMA page_size=8192")
        db.execute("VACUUM")
        assert db.execute("PRAGMA page_size").fetchone() == (8192,)
    fill(service, make_draft, 12)

    restore(service.ctx, other_pages, service.actor(Role.STAFF))

    assert service.cards() == before


def test_a_restore_brings_the_rooms_in_line_with_this_kiosks_config(
    service: BoardService, make_draft: DraftMaker, event: Event
) -> None:
    from dataclasses import replace

    from kiosk.domain.model import Room

    fill(service, make_draft, 10)
    saved = backup_now(service, moment=MOMENT)
    grown = BoardService(
        service.engine, replace(event, rooms=(*event.rooms, Room("d", "Room D"))), service.clock, "kiosk-a"
    )
    grown.apply_config()

    result = restore(grown.ctx, saved, grown.actor(Role.STAFF))

    assert result.config_changes == ("room d added",)
    grown.add_card(make_draft("d", 0, 11, topic="In the new room"))
    assert [card.room_key for card in grown.cards()] == ["a", "d"]


def test_nothing_can_change_the_board_between_the_safety_backup_and_the_restore(
    service: BoardService, make_draft: DraftMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(service, make_draft, 10)
    saved = backup_now(service, moment=MOMENT)
    seen: list[str] = []

    def backup_then_try_to_write(*args: Any, **kwargs: Any) -> Path:
        made = backup_now(*args, **kwargs)
        # A card added at the wall now would be in neither the safety backup nor the restored board: it must wait.
        with closing(sqlite3.connect(service.db_path, timeout=0.1)) as other:
            try:
                other.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                seen.append(str(error))
        return made

    monkeypatch.setattr(restoring, "backup_now", backup_then_try_to_write)

    restore(service.ctx, saved, service.actor(Role.STAFF))

    assert seen == ["database is locked"]


@pytest.mark.parametrize("step", ["the safety backup", "applying the config"])
def test_a_restore_that_fails_half_way_leaves_the_board_exactly_as_it_was(
    service: BoardService, make_draft: DraftMaker, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    fill(service, make_draft, 10, 11)
    saved = backup_now(service, moment=MOMENT)
    service.staff_cancel_card(service.cards()[0].id, "Changed after the backup")
    before = {(c.id, c.topic, c.room_key, c.starts_at) for c in service.cards()}
    stamp = service.change_stamp()

    def disk_full(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    if step == "the safety backup":
        monkeypatch.setattr(restoring, "backup_now", disk_full)
    else:
        monkeypatch.setattr(restoring.event_setup, "apply_config", disk_full)
    with pytest.raises(OSError, match="No space left"):
        restore(service.ctx, saved, service.actor(Role.STAFF))

    assert {(c.id, c.topic, c.room_key, c.starts_at) for c in service.cards()} == before
    assert service.change_stamp() == stamp
    with closing(sqlite3.connect(service.db_path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The private copy is cleared away too.
    assert not list(service.db_path.parent.glob(".restore-*"))
