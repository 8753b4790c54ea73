"""The staff commands, run as a person types them over SSH: clear output and exit codes (0 done, 1 failed,
2 bad input), and the board changed exactly as asked."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from datetime import time
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.domain.clock import ManualClock
from kiosk.paths import DEMO_CONFIG
from kiosk.store.pin import pin_matches
from kiosk.store.service import BoardService
from tests.commands import run_kiosk, run_kiosk_in_terminal

EVENT = load_config(DEMO_CONFIG).event


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A demo board (its sample sessions), on Friday morning of PyCon US 2023."""
    data = tmp_path / "data"
    done = run_kiosk(
        "--demo",
        "--now",
        "2023-04-21T09:00",
        "--screenshot",
        str(tmp_path / "s.png"),
        "--size",
        "800x600",
        "--data-dir",
        str(data),
    )
    assert done.returncode == 0, done.stderr
    return data


def kiosk(data: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    done = run_kiosk(*args, "--data-dir", str(data), "--now", "2023-04-21T09:00", stdin=stdin)
    return done.returncode, done.stdout, done.stderr


def test_set_pin_from_a_script_and_from_a_terminal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code, out, err = kiosk(data, "set-pin", "--pin-stdin", stdin="24681357\n")
    assert code == 0, err
    assert "staff PIN is set" in out and pin_matches(data, "24681357")

    code, shown = run_kiosk_in_terminal("set-pin", "--data-dir", str(data), answers=["13572468", "13572468"])
    assert code == 0, shown
    assert "New staff PIN" in shown and "The same PIN again" in shown
    assert "13572468" not in shown  # typed without echo
    assert pin_matches(data, "13572468")

    code, shown = run_kiosk_in_terminal("set-pin", "--data-dir", str(data), answers=["11112222", "22221111"])
    assert code == 2 and "the two PINs differ" in shown
    assert pin_matches(data, "13572468")


@pytest.mark.parametrize(("pin", "message"), [("12345", "6 to 12 digits"), ("12ab5678", "digits only")])
def test_a_bad_pin_is_refused_in_one_line(tmp_path: Path, pin: str, message: str) -> None:
    code, _, err = kiosk(tmp_path / "data", "set-pin", "--pin-stdin", stdin=pin + "\n")
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_set_pin_without_a_terminal_says_how(tmp_path: Path) -> None:
    code, _, err = kiosk(tmp_path / "data", "set-pin", stdin="")
    assert code == 2 and "--pin-stdin" in err


def test_block_unblock_cancel_and_the_audit_log(data: Path) -> None:
    code, out, err = kiosk(data, "block", "Room 150D", "2023-04-22", "15:00", "17:00", "--reason", "Sprint setup")
    assert code == 0, err
    assert out.strip() == "Blocked Room 150D on 2023-04-22 from 15:00 to 17:00: Sprint setup"

    code, out, err = kiosk(data, "unblock", "150d", "2023-04-22", "15:00", "17:00")
    assert code == 0, err

    code, _, err = kiosk(data, "block", "150d", "2023-04-22", "15:00", "14:00", "--reason", "Backwards")
    assert code == 2 and "later than the start" in err

    code, _, err = kiosk(data, "block", "Room 999", "2023-04-22", "13:00", "14:00", "--reason", "Nowhere")
    assert code == 2 and 'no room "Room 999"' in err

    # The demo's first session of Friday, by room, day and time.
    code, out, err = kiosk(data, "audit", "--limit", "500")
    assert code == 0
    code, out, err = kiosk(data, "cancel", "150f", "2023-04-21", "1100", "--reason", "Host is ill")
    assert code == 0, err
    assert out.startswith("Cancelled “AcroYoga”")

    code, out, err = kiosk(data, "audit", "--limit", "3")
    lines = out.splitlines()
    assert code == 0 and "staff on" in lines[0] and "cancelled a card: AcroYoga (Host is ill)" in lines[0]
    assert any("unblocked a room" in line for line in lines)

    code, _, err = kiosk(data, "cancel", "150f", "2023-04-21", "1100", "--reason", "Again")
    assert code == 2 and "no session in room 150f" in err


def test_a_board_held_too_long_by_another_writer_fails_with_exit_1_and_changes_nothing(data: Path) -> None:
    # Another process holds the board's write lock past the busy timeout: not the person's mistake, so exit 1.
    with closing(sqlite3.connect(data / "board.sqlite3", isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        code, out, err = kiosk(data, "cancel", "150f", "2023-04-21", "1100", "--reason", "Host is ill")
        other.execute("ROLLBACK")
    assert code == 1 and out == ""
    assert err.startswith("kiosk: failed: ") and "locked" in err and len(err.strip().splitlines()) == 1
    code, out, err = kiosk(data, "cancel", "150f", "2023-04-21", "1100", "--reason", "Host is ill")
    assert code == 0 and out.startswith("Cancelled “AcroYoga”"), err


def test_a_block_with_sessions_in_the_way_names_each_so_staff_can_cancel_it(data: Path) -> None:
    code, out, err = kiosk(data, "block", "150f", "2023-04-21", "10:00", "13:00", "--reason", "Keynote overflow")
    assert code == 2 and "1 session sits in that time" in err
    (line,) = out.strip().splitlines()
    assert "Room 150F 2023-04-21 11:00" in line and line.endswith("AcroYoga")
    session_id = line.split()[0]
    code, out, err = kiosk(data, "cancel", session_id, "--reason", "Room needed")
    assert code == 0, err
    code, out, err = kiosk(data, "block", "150f", "2023-04-21", "10:00", "13:00", "--reason", "Keynote overflow")
    assert code == 0 and out.startswith("Blocked Room 150F"), err


def test_the_audit_log_names_rooms_and_local_times(data: Path) -> None:
    service = BoardService.open(data, EVENT, ManualClock(EVENT.at(EVENT.days[0], time(9))), "kiosk-ssh")
    try:
        (card,) = [c for c in service.cards() if c.topic == "AcroYoga"]
        target = EVENT.at(EVENT.days[2], time(17))
        assert not [c for c in service.cards() if (c.room_key, c.starts_at) == ("150d", target)]
        service.staff_move_card(card.id, "150d", target)
    finally:
        service.close()
    code, out, err = kiosk(data, "audit", "--limit", "1")
    assert code == 0, err
    lines = out.splitlines()
    assert "moved a card: AcroYoga" in lines[0]
    assert "    room_id: Room 150F → Room 150D" in lines
    assert "    starts_at: 2023-04-21 11:00 → 2023-04-23 17:00" in lines
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", out)


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["not-an-id"], "is not a session id"),
        (["150d", "2023-04-21"], "ROOM DAY HHMM"),
        (["150d", "2023-05-01", "1000"], "not one of the event's days"),
        (["150d", "2023-04-21", "25:00"], "not a time"),
    ],
)
def test_a_session_named_wrongly_is_one_clear_line(data: Path, words: list[str], message: str) -> None:
    code, _, err = kiosk(data, "cancel", *words, "--reason", "x")
    assert code == 2 and message in err and "Traceback" not in err


def test_backup_list_restore_and_reset_from_a_shell(data: Path, tmp_path: Path) -> None:
    code, out, err = kiosk(data, "backup")
    assert code == 0, err
    backup = Path(out.strip().rsplit(" to ", 1)[1])
    assert backup.is_file() and backup.parent == data / "backups"
    code, out, err = kiosk(data, "backups")
    assert code == 0 and str(backup) in out and "sessions" in out

    code, out, err = kiosk(data, "reset")  # no terminal: refuse rather than guess
    assert code == 2 and "--yes" in err
    code, out, err = kiosk(data, "reset", "--yes")
    assert code == 0, err
    code, out, _ = kiosk(data, "check")
    assert code == 0 and "(0 sessions on the board)" in out

    code, out, err = kiosk(data, "restore", str(backup))
    assert code == 0, err
    code, out, _ = kiosk(data, "check")
    assert code == 0 and "(0 sessions on the board)" not in out

    junk = tmp_path / "notes.txt"
    junk.write_text("not a board", encoding="utf-8")
    code, _, err = kiosk(data, "restore", str(junk))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err

    code, _, err = kiosk(data, "backup", "--out", str(backup))
    assert code == 2 and "already exists" in err


def test_reset_on_a_terminal_asks_for_reset(data: Path) -> None:
    code, shown = run_kiosk_in_terminal("reset", "--data-dir", str(data), answers=["no"])
    assert code == 2 and "Type RESET" in shown and "Nothing was changed" in shown
    code, shown = run_kiosk_in_terminal("reset", "--keep-cards", "--data-dir", str(data), answers=["RESET"])
    assert code == 0, shown


def test_import_round_trip_and_a_file_with_problems(data: Path, tmp_path: Path) -> None:
    exported = tmp_path / "board.csv"
    code, _, err = kiosk(data, "export", "--format", "csv", "--out", str(exported))
    assert code == 0, err
    fresh = tmp_path / "fresh"
    code, out, err = kiosk(fresh, "import", str(exported), "--dry-run")
    assert code == 0, err
    assert "Dry run" in out
    code, out, err = kiosk(fresh, "import", str(exported))
    assert code == 0, err
    assert out.strip().splitlines()[-1].startswith("Imported ")
    code, out, _ = kiosk(fresh, "import", str(exported))  # again: every slot is already taken
    assert code == 2 and "already on the board" in out

    bad = tmp_path / "plan.csv"
    bad.write_text("Day,Start,Room,Topic,Host\n2023-04-22,10:00,Room 999,Fine topic,Ada\n2023-04-22,10:00,150d,,Bo\n")
    code, out, err = kiosk(fresh, "import", str(bad))
    assert code == 2 and "Room 999" in out and "row 3" in out and "Nothing was imported" in err

    latin = tmp_path / "latin.csv"
    latin.write_bytes("Day,Start,Room,Topic,Host\n2023-04-22,10:00,150d,Caf\xe9,Jos\xe9\n".encode("latin-1"))
    code, _, err = kiosk(fresh, "import", str(latin))
    assert code == 2 and "UTF-8" in err and "Traceback" not in err
