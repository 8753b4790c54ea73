"""The CSV opens cleanly in a spreadsheet and never runs a formula."""

from __future__ import annotations

import csv
import io

import pytest

from kiosk.domain import Card, Event
from kiosk.share.links import session_url
from kiosk.share.table import HEADER, cards_csv, neutralise
from tests.share.sample import HOSTILE_FORMULA, TRICKY_DESCRIPTION


def read_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_round_trip(event: Event, cards: list[Card]) -> None:
    rows = read_rows(cards_csv(event, cards))
    assert tuple(rows[0]) == HEADER
    assert len(rows) == len(cards) + 1
    by_url = {row[-1]: dict(zip(HEADER, row, strict=True)) for row in rows[1:]}
    packaging = by_url[session_url(event, cards[0])]
    assert packaging == {
        "Day": "2023-04-21",
        "Start": "11:00",
        "End": "12:00",
        "Room": "Room 150D",
        "Topic": 'Packaging: wheels, sdists; and "fun"',
        "Host": "José Núñez",
        "Handle": "'@jose",  # Excel would read a leading @ as a formula
        "Description": TRICKY_DESCRIPTION,
        "Tags": "Web, APIs",
        "URL": session_url(event, cards[0]),
    }
    assert by_url[session_url(event, cards[3])]["Tags"] == "Community, Web, APIs"


def test_rows_are_in_time_order(event: Event, cards: list[Card]) -> None:
    rows = read_rows(cards_csv(event, cards))[1:]
    assert [(r[0], r[1]) for r in rows] == sorted((r[0], r[1]) for r in rows)


def test_formula_cells_are_defused(event: Event, cards: list[Card]) -> None:
    rows = read_rows(cards_csv(event, cards))
    formula = next(dict(zip(HEADER, row, strict=True)) for row in rows if row[4].endswith(HOSTILE_FORMULA))
    assert formula["Topic"] == "'" + HOSTILE_FORMULA
    assert formula["Description"] == "'-1+1 @SUM(A1)"
    assert formula["Handle"] == "'@lukasz@fosstodon.org"
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=1", "a=1"),
        ("", ""),
        ("Zoë", "Zoë"),
    ],
)
def test_neutralise(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


def test_lines_end_in_crlf(event: Event, cards: list[Card]) -> None:
    data = cards_csv(event, cards)
    assert data.split(b"\r\n")[0].endswith(b"URL")
