"""The sessions as a CSV spreadsheet, safe to open in Excel, LibreOffice or Google Sheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from kiosk.domain import Card, Event
from kiosk.share.links import session_url
from kiosk.share.text import clock, room_name, tag_labels

HEADER = ("Day", "Start", "End", "Room", "Topic", "Host", "Handle", "Description", "Tags", "URL")
# OWASP CSV injection: spreadsheets run cells starting with these as formulas. Newline added for good measure.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(cell: str) -> str:
    """Prefix a `'` to any cell a spreadsheet would read as a formula; the quote is hidden when displayed."""
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def card_row(event: Event, card: Card) -> tuple[str, ...]:
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


def _rows(event: Event, cards: Iterable[Card]) -> list[Sequence[str]]:
    ordered = sorted(cards, key=lambda c: (c.starts_at, c.room_key, str(c.id)))
    return [HEADER, *(tuple(neutralise(cell) for cell in card_row(event, card)) for card in ordered)]


def cards_csv(event: Event, cards: Iterable[Card]) -> bytes:
    """One row per session in time order, UTF-8 with a BOM so Excel shows accents and emoji correctly."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(_rows(event, cards))
    return buffer.getvalue().encode("utf-8-sig")
