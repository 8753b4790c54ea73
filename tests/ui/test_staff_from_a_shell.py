"""Staff commands from a shell while the kiosk runs: the screen shows the result within two seconds by itself."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.commands import run_kiosk
from tests.ui.conftest import MakeKiosk, reveal_slot
from tests.ui.driver import find_item


def test_a_block_and_a_cancellation_typed_over_ssh_reach_the_running_screen(
    make_kiosk: MakeKiosk, qtbot: QtBot
) -> None:
    kiosk = make_kiosk("--demo", now="2023-04-21T09:00")
    data = str(kiosk.service.data_dir)
    reveal_slot(kiosk, "150d", "1500")
    free = find_item(kiosk.window, "slot-150d-1500")
    assert free is not None and free.property("slotState") == "free"

    done = run_kiosk("block", "150d", "2023-04-21", "15:00", "17:00", "--reason", "Sprint setup", "--data-dir", data)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: find_item(kiosk.window, "slot-150d-1500").property("slotState") == "blocked", timeout=2500)

    reveal_slot(kiosk, "150f", "1100")
    assert find_item(kiosk.window, "slot-150f-1100").property("slotState") == "booked"
    done = run_kiosk("cancel", "150f", "2023-04-21", "1100", "--reason", "Host ill", "--data-dir", data)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: find_item(kiosk.window, "slot-150f-1100").property("slotState") == "free", timeout=2500)


def test_restore_import_and_reset_over_ssh_switch_the_running_board(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = make_kiosk("--demo", now="2023-04-21T09:00")
    data = str(kiosk.service.data_dir)
    reveal_slot(kiosk, "150f", "1100")

    def state() -> str:
        return str(find_item(kiosk.window, "slot-150f-1100").property("slotState"))

    done = run_kiosk("backup", "--data-dir", data)
    assert done.returncode == 0, done.stderr
    backup = done.stdout.strip().rsplit(" to ", 1)[1]
    done = run_kiosk("reset", "--yes", "--data-dir", data)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: state() == "free", timeout=2500)

    done = run_kiosk("restore", backup, "--data-dir", data)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: state() == "booked", timeout=2500)

    plan = tmp_path / "plan.csv"
    plan.write_text("Day,Start,Room,Topic,Host\n2023-04-21,15:00,150d,Planned by mail,Ada\n", encoding="utf-8")
    done = run_kiosk("import", str(plan), "--data-dir", data)
    assert done.returncode == 0, done.stderr
    reveal_slot(kiosk, "150d", "1500")
    qtbot.waitUntil(
        lambda: find_item(kiosk.window, "slot-150d-1500").property("topic") == "Planned by mail", timeout=2500
    )
