"""Damage found at start: a file with overwritten pages, or one that lost its write-ahead log, is moved aside and the
newest good backup restored; automatic backups are taken while the board changes and kept to a bounded number; a
board that cannot be written is refused at start; one row with damaged text is left out and named, not fatal."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Event
from kiosk.store import backups
from kiosk.store.autobackup import BackupSchedule, take_automatic_backup
from kiosk.store.errors import DatabaseUnavailable
from kiosk.store.recovery import DAMAGED_DIR_NAME
from kiosk.store.service import DB_FILE_NAME, BoardService
from tests.commands import run_kiosk
from tests.damage import overwrite_pages
from tests.factories import DAY_ONE, DAY_TWO, draft, lifted_event, local

SLOTS = [(room, day, hour) for day in (DAY_ONE, DAY_TWO) for room in ("a", "c") for hour in range(10, 18)]


@pytest.fixture
def roomy_event() -> Event:
    """The test event with room for dozens of cards from one kiosk in a minute."""
    return lifted_event()


def add_cards(service: BoardService, slots: list[tuple[str, object, int]], prefix: str) -> set[str]:
    topics = set()
    for number, (room, day, hour) in enumerate(slots):
        topic = f"{prefix} {number}"
        service.add_card(draft(room, day, hour, topic=topic))  # type: ignore[arg-type]
        topics.add(topic)
    return topics


def topics_of(service: BoardService) -> set[str]:
    return {card.topic for card in service.cards()}


@pytest.fixture
def board(tmp_path: Path, roomy_event: Event) -> Iterator[tuple[Path, BoardService, ManualClock]]:
    clock = ManualClock(local(DAY_ONE, 9))
    data = tmp_path / "data"
    service = BoardService.open(data, roomy_event, clock, "kiosk-a")
    yield data, service, clock
    service.close()


def reopen(data: Path, event: Event) -> BoardService:
    return BoardService.open(data, event, ManualClock(local(DAY_ONE, 9)), "kiosk-a")


def copy_of_board(data: Path, to: Path, *names: str) -> Path:
    """The board's folder as a disk might leave it: only the files `names` of it, and its backups."""
    to.mkdir()
    for name in names:
        shutil.copy2(data / name, to / name)
    shutil.copytree(data / "backups", to / "backups")
    return to


def test_a_board_with_overwritten_pages_is_moved_aside_and_the_newest_backup_restored(
    board: tuple[Path, BoardService, ManualClock], roomy_event: Event
) -> None:
    data, service, _clock = board
    saved = add_cards(service, SLOTS[:20], "Saved")
    take_automatic_backup(service.db_path, 5, reason="test")
    add_cards(service, SLOTS[20:24], "After")
    service.close()
    overwrite_pages(data / DB_FILE_NAME, 3, 4)

    reopened = reopen(data, roomy_event)
    try:
        recovery = reopened.start_check.recovery
        assert recovery is not None
        assert recovery.problem.startswith("was damaged (SQLite's check says: Page ")
        assert "\n" not in recovery.problem and "***" not in recovery.problem
        assert recovery.moved_to.parent == data / DAMAGED_DIR_NAME and recovery.moved_to.exists()
        assert recovery.restored.sessions == 20
        assert topics_of(reopened) == saved
        assert reopened.check().ok
        assert reopened.audit(limit=5)[0].action == "board.recovered"
        notice = recovery.notice()
        assert "restored from the backup" in notice and "(20 sessions)" in notice and str(recovery.moved_to) in notice
    finally:
        reopened.close()


def test_a_lost_write_ahead_log_is_noticed_and_the_newer_backup_restored(
    board: tuple[Path, BoardService, ManualClock], roomy_event: Event, tmp_path: Path
) -> None:
    data, service, _clock = board
    saved = add_cards(service, SLOTS[:12], "Saved")
    take_automatic_backup(service.db_path, 5, reason="test")
    # A power cut now, on a disk that lost the -wal file: only the main file survives, and while the board is
    # open every change since the last checkpoint is in the -wal.
    survivor = copy_of_board(data, tmp_path / "survivor", DB_FILE_NAME)
    with closing(sqlite3.connect(survivor / DB_FILE_NAME)) as db:
        has_sessions = db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sessions'").fetchone()[0]
        short = db.execute("SELECT count(*) FROM sessions").fetchone()[0] if has_sessions else 0
    assert short < 12, "the test needs the cards to be in the write-ahead log only"

    reopened = reopen(survivor, roomy_event)
    try:
        recovery = reopened.start_check.recovery
        assert recovery is not None and "write-ahead log" in recovery.problem
        assert topics_of(reopened) == saved
    finally:
        reopened.close()


def test_a_scrambled_write_ahead_log_is_noticed_too(
    board: tuple[Path, BoardService, ManualClock], roomy_event: Event, tmp_path: Path
) -> None:
    data, service, _clock = board
    saved = add_cards(service, SLOTS[:8], "Saved")
    take_automatic_backup(service.db_path, 5, reason="test")
    add_cards(service, SLOTS[8:10], "Later")
    copy = copy_of_board(data, tmp_path / "copy", DB_FILE_NAME, f"{DB_FILE_NAME}-wal")
    wal = copy / f"{DB_FILE_NAME}-wal"
    scrambled = bytearray(wal.read_bytes())
    # Past the 32-byte header and the first frame header: SQLite stops at the first frame whose checksum fails.
    for offset in range(64, len(scrambled), 97):
        scrambled[offset] ^= 0xFF
    wal.write_bytes(bytes(scrambled))

    reopened = reopen(copy, roomy_event)
    try:
        assert reopened.start_check.recovery is not None
        assert topics_of(reopened) == saved
    finally:
        reopened.close()


def test_a_whole_board_is_left_as_it_is(board: tuple[Path, BoardService, ManualClock], roomy_event: Event) -> None:
    data, service, _clock = board
    add_cards(service, SLOTS[:3], "Early")
    take_automatic_backup(service.db_path, 5, reason="test")
    topics = add_cards(service, SLOTS[3:6], "Late") | {"Early 0", "Early 1", "Early 2"}
    service.close()
    reopened = reopen(data, roomy_event)
    try:
        assert reopened.start_check.recovery is None
        assert reopened.start_check.newest_backup is not None
        assert topics_of(reopened) == topics
        assert not (data / DAMAGED_DIR_NAME).exists()
    finally:
        reopened.close()


def test_without_a_good_backup_nothing_is_moved_and_the_damage_is_reported(
    board: tuple[Path, BoardService, ManualClock], roomy_event: Event
) -> None:
    data, service, _clock = board
    add_cards(service, SLOTS[:2], "Only")
    service.close()
    (data / DB_FILE_NAME).write_bytes(b"a shopping list: eggs, milk " * 200)
    with pytest.raises(DatabaseUnavailable, match="damaged"):
        reopen(data, roomy_event)
    assert (data / DB_FILE_NAME).read_bytes().startswith(b"a shopping list")
    assert not (data / DAMAGED_DIR_NAME).exists()


def test_a_damaged_backup_is_passed_over_for_an_older_good_one(
    board: tuple[Path, BoardService, ManualClock], roomy_event: Event
) -> None:
    data, service, _clock = board
    saved = add_cards(service, SLOTS[:5], "Saved")
    take_automatic_backup(service.db_path, 5, reason="test", moment=datetime(2023, 4, 21, 16, tzinfo=UTC))
    add_cards(service, SLOTS[5:7], "Later")
    newer = take_automatic_backup(service.db_path, 5, reason="test", moment=datetime(2023, 4, 21, 17, tzinfo=UTC))
    service.close()
    newer.write_bytes(b"\x00" * 4096)
    overwrite_pages(data / DB_FILE_NAME, 2, 3)
    reopened = reopen(data, roomy_event)
    try:
        recovery = reopened.start_check.recovery
        assert recovery is not None and recovery.restored.path != newer
        assert topics_of(reopened) == saved
    finally:
        reopened.close()


def test_the_schedule_backs_up_while_the_board_changes_and_at_a_new_day() -> None:
    start = datetime(2023, 4, 21, 16, tzinfo=UTC)
    schedule = BackupSchedule(timedelta(minutes=10), start, 5, DAY_ONE)
    assert schedule.due(start + timedelta(minutes=30), 5, DAY_ONE) is None, "nothing changed: no copy"
    assert schedule.due(start + timedelta(minutes=9), 6, DAY_ONE) is None, "changed, but too soon"
    assert schedule.due(start + timedelta(minutes=10), 6, DAY_ONE) == "scheduled"
    assert schedule.due(start + timedelta(minutes=1), 6, DAY_TWO) == "new day"
    schedule.taken(start + timedelta(minutes=10), 6, DAY_ONE)
    assert schedule.due(start + timedelta(minutes=15), 7, DAY_ONE) is None
    assert BackupSchedule(timedelta(minutes=10)).due(start, 1, DAY_ONE) == "scheduled", "no backup yet: one now"


def test_only_the_newest_automatic_backups_are_kept(board: tuple[Path, BoardService, ManualClock]) -> None:
    data, service, _clock = board
    add_cards(service, SLOTS[:1], "One")
    staff = backups.backup_now(service, moment=datetime(2023, 4, 21, 9, tzinfo=UTC))
    made = [
        take_automatic_backup(service.db_path, 3, reason="test", moment=datetime(2023, 4, 21, 10, n, tzinfo=UTC))
        for n in range(6)
    ]
    left = sorted(path.name for path in (data / "backups").iterdir())
    assert left == sorted([staff.name, *(path.name for path in made[-3:])])


def _drop_privileges() -> list[str]:
    """A command prefix that runs as this user but without root's power to write any file."""
    if not shutil.which("setpriv"):
        pytest.skip("setpriv (util-linux) is needed to drop root's capabilities")
    return ["setpriv", "--bounding-set=-all", "--inh-caps=-all"] if os.geteuid() == 0 else []


def test_a_read_only_board_is_refused_at_start_in_one_line(
    board: tuple[Path, BoardService, ManualClock], roomy_event: Event
) -> None:
    data, service, _clock = board
    add_cards(service, SLOTS[:1], "One")
    service.close()
    (data / DB_FILE_NAME).chmod(0o444)
    done = run_kiosk("check", "--data-dir", str(data), prefix=_drop_privileges())
    # Nothing typed was wrong: the command failed on the board's file.
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot be opened for writing" in lines[0] and str(data) in lines[0], lines


def put_damaged_text(db_path: Path, topic: str) -> None:
    with closing(sqlite3.connect(db_path)) as db:
        db.execute("UPDATE sessions SET topic = CAST(x'4261ff64' AS TEXT) WHERE topic = ?", (topic,))
        db.commit()


def test_one_session_with_damaged_text_is_left_out_and_named(board: tuple[Path, BoardService, ManualClock]) -> None:
    data, service, _clock = board
    add_cards(service, SLOTS[:3], "Card")
    put_damaged_text(data / DB_FILE_NAME, "Card 1")
    assert topics_of(service) == {"Card 0", "Card 2"}
    damaged = service.damaged_rows()
    assert len(damaged) == 1 and "not valid UTF-8 (topic)" in damaged[0]
    report = service.check()
    assert not report.ok and any("not valid UTF-8" in line for line in report.lines())


def test_a_backup_is_never_seen_half_written(board: tuple[Path, BoardService, ManualClock], tmp_path: Path) -> None:
    data, service, _clock = board
    add_cards(service, SLOTS[:2], "Card")
    backup_dir = data / "backups"
    # What a kill during a copy an hour ago left: a hidden half copy and its journal.
    backup_dir.mkdir(parents=True, exist_ok=True)
    stale = backup_dir / ".board-auto-20230421T100000Z.123.456.partial"
    stale.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    Path(f"{stale}-journal").write_bytes(b"\x00" * 512)
    an_hour_ago = datetime.now(UTC).timestamp() - 3700
    os.utime(stale, (an_hour_ago, an_hour_ago))
    os.utime(f"{stale}-journal", (an_hour_ago, an_hour_ago))
    made = take_automatic_backup(service.db_path, 5, reason="test")
    assert sorted(path.name for path in backup_dir.iterdir()) == [made.name], "only the whole backup is left"
    assert backups.inspect_backup(made).sessions == 2
