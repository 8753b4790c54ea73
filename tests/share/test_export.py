"""Exports land whole or not at all: a failure leaves the previous file or site exactly as it was."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from kiosk.domain import Card, Event, Idea
from kiosk.share import export as export_module
from kiosk.share import site as site_module
from kiosk.share.calendar import calendar_ics
from kiosk.share.errors import ExportError
from kiosk.share.export import FORMATS, export
from kiosk.share.schedule_json import schedule_json
from kiosk.share.schedule_xml import schedule_xml
from kiosk.share.site import SITE_MARKER
from kiosk.share.table import cards_csv
from kiosk.share.xlsx import cards_xlsx


class Boom(RuntimeError):
    pass


def boom(*_: object) -> None:
    raise Boom("disk on fire")


@pytest.mark.parametrize(
    ("fmt", "render"),
    [("ics", calendar_ics), ("xml", schedule_xml), ("json", schedule_json), ("csv", cards_csv), ("xlsx", cards_xlsx)],
)
def test_file_formats(tmp_path: Path, event: Event, cards: list[Card], fmt: str, render: object) -> None:
    out = tmp_path / f"schedule.{fmt}"
    assert export(fmt, event, cards, [], out) == out
    assert out.read_bytes() == render(event, cards)  # type: ignore[operator]
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert sorted(tmp_path.iterdir()) == [out]


def test_format_names_are_forgiving_about_case(tmp_path: Path, event: Event, cards: list[Card]) -> None:
    out = export(" JSON ", event, cards, [], tmp_path / "s.json")
    assert json.loads(out.read_bytes())["schedule"]["conference"]["acronym"] == "pycon_us_2023"
    assert FORMATS == ("ics", "xml", "json", "csv", "xlsx", "html")


def test_replacing_keeps_the_old_file_mode(tmp_path: Path, event: Event, cards: list[Card]) -> None:
    out = tmp_path / "s.csv"
    out.write_text("old")
    out.chmod(0o600)
    export("csv", event, cards, [], out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes() == cards_csv(event, cards)


@pytest.mark.parametrize(
    ("fmt", "out", "message"),
    [
        ("pdf", "s.pdf", "Unknown export format 'pdf'"),
        ("ics", "missing/s.ics", "does not exist"),
        ("ics", ".", "is a folder"),
    ],
)
def test_bad_requests_are_errors_for_a_person(
    tmp_path: Path, event: Event, cards: list[Card], fmt: str, out: str, message: str
) -> None:
    with pytest.raises(ExportError, match=message) as caught:
        export(fmt, event, cards, [], tmp_path / out)
    assert message in caught.value.message


def test_a_fifo_is_never_replaced(tmp_path: Path, event: Event, cards: list[Card]) -> None:
    # As /dev/null or any device would not be: renaming over it replaces the node itself (as root, the system's).
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for fmt in ("csv", "html"):
        with pytest.raises(ExportError, match="is not a regular file") as caught:
            export(fmt, event, cards, [], fifo)
        assert "choose another --out" in caught.value.message
        assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pipe"]


def test_failed_write_leaves_old_file_and_no_temporary(
    tmp_path: Path, event: Event, cards: list[Card], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "schedule.xml"
    out.write_bytes(b"previous export")
    # Fails after the new bytes are in the temporary file, just before the rename.
    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(Boom):
        export("xml", event, cards, [], out)
    assert out.read_bytes() == b"previous export"
    assert sorted(tmp_path.iterdir()) == [out]


def test_failed_render_leaves_old_file(
    tmp_path: Path, event: Event, cards: list[Card], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "schedule.ics"
    out.write_bytes(b"previous export")
    monkeypatch.setitem(export_module._FILE_FORMATS, "ics", boom)
    with pytest.raises(Boom):
        export("ics", event, cards, [], out)
    assert out.read_bytes() == b"previous export"
    assert sorted(tmp_path.iterdir()) == [out]


def test_html_builds_a_readable_site(tmp_path: Path, event: Event, cards: list[Card], ideas: list[Idea]) -> None:
    out = export("html", event, cards, ideas, tmp_path / "public")
    assert (out / SITE_MARKER).is_file()
    assert (out / "index.html").is_file()
    # A web server running as another user must be able to read it.
    assert stat.S_IMODE(out.stat().st_mode) & 0o005 == 0o005
    assert sorted(tmp_path.iterdir()) == [out]


def test_html_replaces_an_earlier_site(tmp_path: Path, event: Event, cards: list[Card], ideas: list[Idea]) -> None:
    out = tmp_path / "public"
    export("html", event, cards, ideas, out)
    (out / "stale.html").write_text("from an older export")
    export("html", event, cards[:1], ideas, out)
    assert not (out / "stale.html").exists()
    assert not (out / "2023-04-22" / "lobby-1300-session.html").exists()
    assert sorted(tmp_path.iterdir()) == [out]


def test_html_fills_an_empty_folder(tmp_path: Path, event: Event, cards: list[Card]) -> None:
    out = tmp_path / "public"
    out.mkdir()
    export("html", event, cards, [], out)
    assert (out / "index.html").is_file()


@pytest.mark.parametrize("existing", ["folder", "file"])
def test_html_refuses_to_replace_something_else(tmp_path: Path, event: Event, cards: list[Card], existing: str) -> None:
    out = tmp_path / "mine"
    if existing == "folder":
        out.mkdir()
        (out / "thesis.tex").write_text("precious")
    else:
        out.write_text("precious")
    with pytest.raises(ExportError, match="not a site this kiosk made"):
        export("html", event, cards, [], out)
    assert (out / "thesis.tex" if existing == "folder" else out).read_text() == "precious"
    assert sorted(tmp_path.iterdir()) == [out]


def test_failed_site_build_leaves_old_site_and_no_leftovers(
    tmp_path: Path, event: Event, cards: list[Card], ideas: list[Idea], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "public"
    export("html", event, cards, ideas, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    writes = 0
    real_write = site_module.write_file

    def write_a_few_then_fail(path: Path, data: bytes) -> None:
        nonlocal writes
        writes += 1
        if writes > 5:
            raise Boom("disk full")
        real_write(path, data)

    monkeypatch.setattr(site_module, "write_file", write_a_few_then_fail)
    with pytest.raises(Boom):
        export("html", event, cards[:2], [], out)
    assert writes == 6
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(tmp_path.iterdir()) == [out]


def test_failed_swap_puts_the_old_site_back(
    tmp_path: Path, event: Event, cards: list[Card], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "public"
    export("html", event, cards, [], out)
    real_rename = os.rename
    calls = []

    def second_rename_fails(source: str | Path, target: str | Path) -> None:
        calls.append(target)
        if len(calls) == 2:
            raise Boom("rename failed")
        real_rename(source, target)

    monkeypatch.setattr(os, "rename", second_rename_fails)
    with pytest.raises(Boom):
        export("html", event, cards[:1], [], out)
    assert (out / "2023-04-22" / "lobby-1300-session.html").is_file()
    assert sorted(tmp_path.iterdir()) == [out]


def test_os_errors_become_errors_for_a_person(
    tmp_path: Path, event: Event, cards: list[Card], monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(ExportError, match=r"Could not write .*schedule\.ics: Permission denied"):
        export("ics", event, cards, [], tmp_path / "schedule.ics")
    assert list(tmp_path.iterdir()) == []


def test_relative_and_dotted_paths(
    tmp_path: Path, event: Event, cards: list[Card], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert export("html", event, cards, [], Path("public/x/..")) == tmp_path / "public"
    assert (tmp_path / "public" / "index.html").is_file()
    assert export("csv", event, cards, [], Path("public/../s.csv")) == tmp_path / "s.csv"
