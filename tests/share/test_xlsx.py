"""The .xlsx export: a well-formed package of text cells that an independent reader gives back exactly."""

from __future__ import annotations

import csv
import io
import os
import posixpath
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

# openpyxl is a dev dependency: a checkout that has not synced it yet skips these tests, CI never does.
if os.environ.get("CI") == "true":
    import openpyxl
else:
    openpyxl = pytest.importorskip("openpyxl", reason="the dev dependency openpyxl is not installed (uv sync)")
from openpyxl.utils.escape import unescape as ooxml_unescape

from kiosk.domain import Card, Event
from kiosk.share.table import HEADER, table_rows
from kiosk.share.xlsx import SHEET_NAME, cards_xlsx
from tests.share.sample import HOSTILE_CELLS, HOSTILE_FORMULA, CardFactory

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOCUMENT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def parts(data: bytes) -> dict[str, etree._Element]:
    """Every part of the package, parsed (which fails on any XML that is not well-formed)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        return {name: etree.fromstring(package.read(name)) for name in package.namelist()}


def read_back(data: bytes) -> list[tuple[str, ...]]:
    """The cell values as openpyxl reads them, with OOXML's _xHHHH_ escapes decoded as Excel decodes them."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == [SHEET_NAME]
    rows = []
    for row in workbook[SHEET_NAME].iter_rows():
        for cell in row:
            assert cell.data_type == "s", (cell.coordinate, cell.data_type, cell.value)
            assert cell.number_format == "@", cell.coordinate
        rows.append(tuple(ooxml_unescape(cell.value or "") for cell in row))
    return rows


def test_package_structure(event: Event, cards: list[Card]) -> None:
    data = cards_xlsx(event, cards)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
    assert names[0] == "[Content_Types].xml"
    found = parts(data)
    types = found["[Content_Types].xml"]
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{{{CONTENT_TYPES}}}Override")}
    defaults = {d.get("Extension") for d in types.iter(f"{{{CONTENT_TYPES}}}Default")}
    for name in names[1:]:
        assert f"/{name}" in overrides or name.rsplit(".", 1)[-1] in defaults, name
    assert all(part.lstrip("/") in found for part in overrides)
    # Every relationship points at a part that is there; the package's main part is the workbook.
    (main,) = [r for r in found["_rels/.rels"] if r.get("Type") == f"{DOCUMENT_REL}/officeDocument"]
    assert overrides["/" + main.get("Target")] == MAIN_TYPE
    targets = {r.get("Id"): posixpath.join("xl", r.get("Target")) for r in found["xl/_rels/workbook.xml.rels"]}
    assert all(target in found for target in targets.values())
    (sheet,) = found["xl/workbook.xml"].iter(f"{{{MAIN}}}sheet")
    assert targets[sheet.get(f"{{{DOCUMENT_REL}}}id")] == "xl/worksheets/sheet1.xml"


def test_every_cell_is_an_inline_string_never_a_formula(event: Event, cards: list[Card]) -> None:
    sheet = parts(cards_xlsx(event, cards))["xl/worksheets/sheet1.xml"]
    cells = list(sheet.iter(f"{{{MAIN}}}c"))
    assert len(cells) == len(HEADER) * (len(cards) + 1)
    assert {c.get("t") for c in cells} == {"inlineStr"}
    assert not list(sheet.iter(f"{{{MAIN}}}f")), "a formula element"
    assert not list(sheet.iter(f"{{{MAIN}}}v")), "a cached value: only inline strings are written"


def test_reads_back_as_the_table(event: Event, cards: list[Card]) -> None:
    rows = read_back(cards_xlsx(event, cards))
    assert rows == table_rows(event, cards)
    by_topic = {row[4]: dict(zip(HEADER, row, strict=True)) for row in rows[1:]}
    # Exactly as typed: no apostrophe in front of handles or formulas, nothing evaluated.
    assert by_topic['Packaging: wheels, sdists; and "fun"']["Handle"] == "@jose"
    assert by_topic[HOSTILE_FORMULA]["Handle"] == "@lukasz@fosstodon.org"
    assert by_topic[HOSTILE_FORMULA]["Description"] == "-1+1 @SUM(A1)"


def test_hostile_values_read_back_exactly(event: Event, make_card: CardFactory) -> None:
    cards = [
        make_card(f"hostile-{i}", hour=10 + i % 4, topic=value, host=value, handle=value, description=value)
        for i, value in enumerate(HOSTILE_CELLS)
    ]
    rows = read_back(cards_xlsx(event, cards))
    assert sorted(rows[1:]) == sorted(table_rows(event, cards)[1:])


def test_header_is_bold_and_stays_in_view(event: Event, cards: list[Card]) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(cards_xlsx(event, cards)))[SHEET_NAME]
    assert all(cell.font.b for cell in sheet[1])
    assert not any(cell.font.b for cell in sheet[2])
    assert sheet.freeze_panes == "A2"


def test_same_board_same_bytes(event: Event, cards: list[Card]) -> None:
    assert cards_xlsx(event, cards) == cards_xlsx(event, cards[::-1])


def test_empty_board_is_a_header_row(event: Event) -> None:
    assert read_back(cards_xlsx(event, [])) == [HEADER]


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice is not installed")
def test_libreoffice_opens_it(tmp_path: Path, event: Event, cards: list[Card]) -> None:
    source = tmp_path / "sessions.xlsx"
    source.write_bytes(cards_xlsx(event, cards))
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office is not None
    # Filter options: comma, double quote, UTF-8 (76).
    subprocess.run(
        [
            office,
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    rows = list(csv.reader(io.StringIO((tmp_path / "sessions.csv").read_text(encoding="utf-8"), newline="")))
    assert [tuple(row) for row in rows] == table_rows(event, cards)
