"""The kiosk looks after itself at the screen: a damaged board is restored at start and staff are told on screen;
automatic backups follow the board's changes; an uncaught error takes the window back to the board instead of
ending the kiosk, and `kiosk check` shows it; a session with damaged text is left out of the attract screen."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kiosk import errorlog
from kiosk.store.autobackup import take_automatic_backup
from kiosk.store.backups import AUTO_PREFIX
from kiosk.ui.app import install_exception_hooks
from kiosk.ui.router import Overlay
from tests.commands import run_kiosk
from tests.damage import overwrite_pages
from tests.ui.conftest import MakeKiosk
from tests.ui.driver import find_item, find_shown, is_shown, prop, tap


def test_a_damaged_board_is_restored_and_staff_are_told_on_screen(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    first = make_kiosk("--demo")
    sessions = len(first.service.cards())
    assert sessions > 0
    take_automatic_backup(first.service.db_path, 5, reason="test")
    db_path = first.service.db_path
    first.close()
    overwrite_pages(db_path, 2, 6)

    kiosk = make_kiosk()
    notice = find_shown(kiosk.window, "healthNotice")
    assert notice is not None, "the notice is on the board"
    text = prop(find_item(kiosk.window, "healthNoticeText"), "text")  # type: ignore[arg-type]
    assert f"({sessions} sessions)" in text and "damaged" in text and "moved to" in text
    assert len(kiosk.service.cards()) == sessions
    # Staff read it and tap it away.
    tap(kiosk.window, find_shown(kiosk.window, "healthNoticeOk"))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: not is_shown(find_item(kiosk.window, "healthNotice")))
    # `kiosk check` at a terminal tells the same story afterwards.
    done = run_kiosk("check", "--data-dir", str(db_path.parent))
    assert "restored from the backup" in done.stdout


def test_an_automatic_backup_follows_a_change(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk("--demo")
    backups = kiosk.service.data_dir / "backups"
    auto = kiosk.autobackup
    assert auto.check(), "a board with cards and no backup yet is backed up at the first look"
    qtbot.waitUntil(lambda: not auto.running)
    assert any(backups.glob(f"{AUTO_PREFIX}*.sqlite3"))
    assert auto.schedule.last_stamp == kiosk.service.change_stamp()
    assert not auto.check(), "nothing changed since: no second copy"
    kiosk.service.vote_idea(kiosk.service.ideas()[0].id)
    auto.schedule.last_at = datetime.now(UTC) - timedelta(minutes=11)
    assert auto.check()
    qtbot.waitUntil(lambda: not auto.running)
    assert len(list(backups.glob(f"{AUTO_PREFIX}*.sqlite3"))) == 2


@pytest.mark.qt_no_exception_capture
def test_an_uncaught_error_takes_the_window_back_to_the_board(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk("--demo")
    hooks = install_exception_hooks(kiosk)
    try:
        card = kiosk.service.cards()[0]
        kiosk.detail.show(str(card.id))
        qtbot.waitUntil(lambda: kiosk.router.overlay == Overlay.Detail)

        def broken_slot() -> None:
            raise RuntimeError("a bug in a timer")

        # An exception in a slot Qt calls: PySide hands it to sys.excepthook, and the event loop goes on.
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: kiosk.router.overlay == Overlay.NoOverlay)
        entries = errorlog.last_errors(kiosk.service.data_dir)
        assert entries[-1].summary == "RuntimeError: a bug in a timer"
        assert "overlay Detail" in entries[-1].where and "MainThread" in entries[-1].where
        assert "broken_slot" in entries[-1].traceback

        # A background thread's error is recorded, and leaves the screen alone.
        kiosk.detail.show(str(card.id))
        qtbot.waitUntil(lambda: kiosk.router.overlay == Overlay.Detail)
        worker = threading.Thread(target=lambda: 1 / 0, name="sync-worker")
        worker.start()
        worker.join()
        assert errorlog.last_errors(kiosk.service.data_dir)[-1].summary == "ZeroDivisionError: division by zero"
        qtbot.wait(50)
        assert kiosk.router.overlay == Overlay.Detail
    finally:
        hooks.uninstall()
    done = run_kiosk("check", "--data-dir", str(kiosk.service.data_dir))
    assert "RuntimeError: a bug in a timer" in done.stdout and "ZeroDivisionError" in done.stdout


def test_a_session_with_damaged_text_is_left_out_and_the_rest_still_shows(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk("--demo")
    cards = kiosk.service.cards()
    damaged = cards[0]
    with closing(sqlite3.connect(kiosk.service.db_path)) as db:
        db.execute("UPDATE sessions SET topic = CAST(x'4261ff64' AS TEXT) WHERE id = ?", (damaged.id.hex,))
        db.commit()
    kiosk.feed.poke()
    kiosk.attract.show()
    assert find_shown(kiosk.window, "nowNext") is not None
    assert len(kiosk.service.cards()) == len(cards) - 1
    done = run_kiosk(
        "export",
        "--format",
        "json",
        "--out",
        str(kiosk.service.data_dir / "out.json"),
        "--data-dir",
        str(kiosk.service.data_dir),
        "--now",
        "2023-04-21T11:30",
    )
    assert done.returncode == 0, done.stderr
    assert f"skipped: Session {damaged.id}" in done.stderr
    assert f"Exported {len(cards) - 1} sessions" in done.stdout
