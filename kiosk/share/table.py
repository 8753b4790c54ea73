"""The sessions as a table: the rows both spreadsheet exports hold, and the CSV, safe to open in a spreadsheet.

A CSV cannot say "this is text": Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or
`@` as a formula. So every such cell gets a leading `'`, and so does a cell that already starts with apostrophes
before one of those characters, which makes the defence reversible: `unescape_cell` strips exactly one leading `'`
from a cell that starts with apostrophes followed by a formula character, and touches nothing else.

Valid handles keep the `'` too. They cannot carry an attack (no parentheses, no `|`), but Excel, the reason the
defence exists, reads a leading `@` as the start of a formula, so a bare `@dvolkov` would become a formula error
there rather than text. The .xlsx export (`kiosk.share.xlsx`) is the answer for spreadsheets: typed text cells that
show `@dvolkov` as it is, everywhere.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from kiosk.domain import Card, Event
from kiosk.share.links import session_url
from kiosk.share.text import clock, room_name, tag_labels

HEADER = ("Day", "Start", "End", "Room", "Topic", "Host", "Handle", "Description", "Tags", "URL")
# OWASP CSV injection: spreadsheets run cells starting with these as formulas. Newline added for good measure.
_FORMULA_STARTS = "=+-@\t\r\n"
# Cells the CSV prefixes with `'`: a formula start, possibly behind apostrophes (so the prefix can be undone).
_ESCAPED = re.compile(f"'*[{re.escape(_FORMULA_STARTS)}]")


def neutralise(cell: str) -> str:
    """The cell as the CSV holds it: a `'` in front if a spreadsheet would read it as a formula."""
    return f"'{cell}" if _ESCAPED.match(cell) else cell


def unescape_cell(text: str) -> str:
    """The value a CSV cell was exported from: undoes `neutralise` exactly, for importing the CSV back."""
    return text[1:] if text.startswith("'") and _ESCAPED.match(text, 1) else text


def card_row(event: Event, card: Card) -> tuple[str, ...]:
    """One session as the table's columns (`HEADER`), values as they are, before any CSV escaping."""
    start, end = event.local(card.starts_at), event.local(card.ends_at)
    return (
        start.date().isoformat(),
        clock(start),
        clock(end),
        room_name(event, card.room_key),
        card.topic,
        card.host_name,
        card.handle,
        card.description,
        ", ".join(tag_labels(event, card)),
        session_url(event, card),
    )


def table_rows(event: Event, cards: Iterable[Card]) -> list[tuple[str, ...]]:
    """The header and one row per session in time order."""
    ordered = sorted(cards, key=lambda c: (c.starts_at, c.room_key, str(c.id)))
    return [HEADER, *(card_row(event, card) for card in ordered)]


def cards_csv(event: Event, cards: Iterable[Card]) -> bytes:
    """One row per session in time order, UTF-8 with a BOM so Excel shows accents and emoji correctly."""
    rows: list[Sequence[str]] = [tuple(neutralise(cell) for cell in row) for row in table_rows(event, cards)]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")
