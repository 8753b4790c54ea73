"""The `kiosk` command as a person meets it: clear one-line errors with exit 2, `check`, and screenshots."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kiosk.paths import DEMO_CONFIG
from kiosk.syslibs import missing_library_hint
from tests.commands import ROOT, run_kiosk
from tests.share.sample import SCHEMAS


def kiosk(*args: str, data_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_kiosk(*args, "--data-dir", str(data_dir), env=env)


@pytest.mark.parametrize(
    ("fault", "key", "fragment"),
    [
        ('timezone = "America/Denver"', 'timezone = "Mars/Olympus"', "event.timezone"),
        ('name = "Room 150D"', "name = 150", "rooms[1].name"),
        ('end = "14:00"', 'end = "11:00"', "blocks["),
    ],
)
def test_bad_config_is_one_clear_line_and_exit_2(tmp_path: Path, fault: str, key: str, fragment: str) -> None:
    text = DEMO_CONFIG.read_text(encoding="utf-8")
    assert fault in text
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace(fault, key, 1), encoding="utf-8")
    done = kiosk("check", "--config", str(bad), data_dir=tmp_path / "data")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(bad) in lines[0] and fragment in lines[0]


def test_missing_config_file(tmp_path: Path) -> None:
    done = kiosk("--config", str(tmp_path / "nope.toml"), data_dir=tmp_path / "data")
    assert done.returncode == 2
    assert "does not exist" in done.stderr and "Traceback" not in done.stderr


def test_bad_option_value(tmp_path: Path) -> None:
    done = kiosk("--now", "tomorrow", data_dir=tmp_path / "data")
    assert done.returncode == 2
    assert "2023-04-21T11:30" in done.stderr


def test_check_reports_the_board(tmp_path: Path) -> None:
    done = kiosk("check", data_dir=tmp_path / "data")
    assert done.returncode == 0, done.stderr
    assert "OK" in done.stdout and "PyCon US 2023" in done.stdout
    assert (tmp_path / "data" / "board.sqlite3").exists()


def test_broken_database_is_a_clear_message_and_is_left_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    garbage = b"this is not a database, but somebody's precious file" * 100
    (data / "board.sqlite3").write_bytes(garbage)
    done = kiosk("check", data_dir=data)
    # Nothing typed was wrong: the command failed on the board's file.
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "board.sqlite3" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert (data / "board.sqlite3").read_bytes() == garbage


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["check"], id="check"),
        pytest.param(["export", "--format", "csv", "--out", "board.csv"], id="export"),
        # The board itself: the data directory is used before Qt starts, so no window is involved.
        pytest.param(["--screenshot", "shot.png"], id="run"),
    ],
)
def test_a_data_dir_under_a_regular_file_is_one_clear_line(tmp_path: Path, command: list[str]) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder", encoding="utf-8")
    data = a_file / "kiosk"
    done = kiosk(*(str(tmp_path / arg) if arg.endswith((".csv", ".png")) else arg for arg in command), data_dir=data)
    assert done.returncode == 2
    assert done.stderr.strip() == f"kiosk: cannot use the data directory {data}: Not a directory"
    assert a_file.read_text(encoding="utf-8") == "not a folder"


def test_a_data_dir_that_is_a_regular_file_is_one_clear_line(tmp_path: Path) -> None:
    a_file = tmp_path / "data"
    a_file.write_text("not a folder", encoding="utf-8")
    done = kiosk("check", data_dir=a_file)
    assert done.returncode == 2
    assert done.stderr.strip() == f"kiosk: cannot use the data directory {a_file}: Not a directory"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write to read-only folders")
def test_a_read_only_data_dir_is_one_clear_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o555)
    try:
        done = kiosk("check", data_dir=data)
    finally:
        data.chmod(0o755)
    assert done.returncode == 2
    assert done.stderr.strip() == f"kiosk: cannot use the data directory {data}: Permission denied"


def test_missing_library_names_the_debian_package() -> None:
    error = "Cannot load library libqtvkb.so: (libpulse.so.0: cannot open shared object file: No such file)"
    hint = missing_library_hint(error)
    assert hint is not None and "apt-get install libpulse0" in hint
    assert missing_library_hint("some other error") is None
    unknown = missing_library_hint("libfoo.so.9: cannot open shared object file")
    assert unknown is not None and "libfoo.so.9" in unknown


def test_options_before_and_after_the_subcommand_mean_the_same(tmp_path: Path) -> None:
    done = run_kiosk("--data-dir", str(tmp_path / "before"), "check")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "before" / "board.sqlite3").exists()


def test_export_every_format_from_the_command_line(tmp_path: Path) -> None:
    import csv
    import json
    import zipfile

    import icalendar
    from lxml import etree

    data = tmp_path / "data"
    seeded = kiosk("--demo", "--screenshot", str(tmp_path / "seed.png"), "--size", "800x600", data_dir=data)
    assert seeded.returncode == 0, seeded.stderr
    out = tmp_path / "out"
    out.mkdir()
    for fmt in ("ics", "xml", "json", "csv", "xlsx", "html"):
        done = kiosk("export", "--format", fmt, "--out", str(out / f"board.{fmt}"), data_dir=data)
        assert done.returncode == 0, done.stderr
        assert "Exported 3" in done.stdout or "Exported 2" in done.stdout

    calendar = icalendar.Calendar.from_ical((out / "board.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) >= 20
    xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / "schedule.xml.xsd")))
    assert xsd.validate(etree.parse(str(out / "board.xml"))), xsd.error_log
    schedule = json.loads((out / "board.json").read_text(encoding="utf-8"))
    assert schedule["schedule"]["conference"]["title"] == "PyCon US 2023 Open Spaces"
    rows = list(csv.reader((out / "board.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:4] == ["Day", "Start", "End", "Room"] and len(rows) >= 21
    with zipfile.ZipFile(out / "board.xlsx") as workbook:
        assert workbook.testzip() is None and "xl/worksheets/sheet1.xml" in workbook.namelist()
    assert (out / "board.html" / "index.html").is_file()


def test_export_to_a_missing_folder_is_a_clear_message(tmp_path: Path) -> None:
    done = kiosk("export", "--format", "csv", "--out", str(tmp_path / "nope" / "x.csv"), data_dir=tmp_path / "d")
    assert done.returncode == 2
    assert "does not exist" in done.stderr and "Traceback" not in done.stderr


def test_check_counts_in_words_and_names_the_resolved_files(tmp_path: Path) -> None:
    done = run_kiosk("check", "--config", "config/examples/../examples/tokyo-meetup.toml", "--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"{ROOT / 'config' / 'examples' / 'tokyo-meetup.toml'}: OK"
    assert lines[1] == "  PyCon mini 東京: 1 day, 2 rooms, 1 blocked window"
    assert f"database: {tmp_path.resolve() / 'board.sqlite3'} (0 sessions on the board)" in lines[2]
