"""The CSV opens cleanly in a spreadsheet, never runs a formula, and reads back to exactly what was exported."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain import Card, Event
from kiosk.share.links import session_url
from kiosk.share.table import HEADER, card_row, cards_csv, neutralise, unescape_cell
from tests.share.sample import HOSTILE_CELLS, HOSTILE_FORMULA, TRICKY_DESCRIPTION, CardFactory

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


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
    assert unescape_cell(packaging["Handle"]) == "@jose"
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
            assert not cell.startswith(FORMULA_STARTS), cell


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
        # Apostrophes in front of a formula start get one more, so an import can tell them from the prefix.
        ("'=1", "''=1"),
        ("''@x", "'''@x"),
        ("'90s music", "'90s music"),
        ("'", "'"),
    ],
)
def test_neutralise(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe
    assert unescape_cell(safe) == cell


@pytest.mark.parametrize(
    ("exported", "value"),
    [("'=1", "=1"), ("''=1", "'=1"), ("'@jose", "@jose"), ("'90s", "'90s"), ("''", "''"), ("@x", "@x"), ("", "")],
)
def test_unescape_cell(exported: str, value: str) -> None:
    assert unescape_cell(exported) == value


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",))))
def test_every_value_survives_the_defence(value: str) -> None:
    safe = neutralise(value)
    assert not safe.startswith(FORMULA_STARTS)
    assert unescape_cell(safe) == value


def test_export_then_unescape_gives_back_every_hostile_value(event: Event, make_card: CardFactory) -> None:
    cards = [
        make_card(f"hostile-{i}", hour=10 + i % 4, topic=value, host=value, handle=value, description=value)
        for i, value in enumerate(HOSTILE_CELLS)
    ]
    rows = read_rows(cards_csv(event, cards))
    assert tuple(rows[0]) == HEADER
    read_back = sorted(tuple(unescape_cell(cell) for cell in row) for row in rows[1:])
    assert read_back == sorted(card_row(event, card) for card in cards)
    for row in rows:
        assert not any(cell.startswith(FORMULA_STARTS) for cell in row), row


def test_lines_end_in_crlf(event: Event, cards: list[Card]) -> None:
    data = cards_csv(event, cards)
    assert data.split(b"\r\n")[0].endswith(b"URL")
