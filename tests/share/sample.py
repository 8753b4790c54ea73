"""A small two-day event in Denver, and what its cards are made of: accents, emoji, delimiters, attempted injections."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path

from kiosk.domain import Block, Card, Event, Room, Tag
from tests.factories import make_event as shared_event

DAY_1 = date(2023, 4, 21)
DAY_2 = date(2023, 4, 22)
# The c3voc schemas, vendored beside this file with their licence and provenance (schemas/README.md).
SCHEMAS = Path(__file__).resolve().parent / "schemas"

HOSTILE_FORMULA = '=HYPERLINK("http://evil")'
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
# Spreadsheet cells that look escaped, escape-like or formula-like, and CSV's own delimiters: each must
# survive an export exactly.
HOSTILE_CELLS = [
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "@dvolkov",
    "@lukasz@fosstodon.org",
    "=cmd|' /C calc'!A0",
    "'",
    "''",
    "'=1+1",
    "''@x",
    "'quoted on purpose",
    "\t=1",
    "\r\n=1",
    "\n@x",
    'comma, "quote" and ; semicolon',
    "line one\r\nline two\rthree\nfour",
    " =1+1",
    "Zoë 🐍 \u2060",
    "_x0041_",
    "\x0b",
    "",
]
TRICKY_DESCRIPTION = (
    'Bring wheels, sdists; and opinions.\nSecond line with a backslash \\ and "quotes".\n\nNew paragraph.'
)

# Noon to one in Denver (MDT, UTC-6) on the first day.
LUNCH = Block("151a", datetime(2023, 4, 21, 18, tzinfo=UTC), datetime(2023, 4, 21, 19, tzinfo=UTC), "Lunch & <learn>")


def make_event(**changes: object) -> Event:
    """The shared test event, dressed as PyCon: its rooms, links and tags, over four hours a day."""
    values: dict[str, object] = {
        "name": "PyCon US 2023",
        "slug": "pycon-us-2023",
        "days": (DAY_1, DAY_2),
        "last_slot_end": time(14),
        "rooms": (
            Room("150d", "Room 150D", "Level 1, seats 40"),
            Room("151a", "Room 151A"),
            Room("lobby", "Lobby & Café"),
        ),
        "blocks": (LUNCH,),
        "hashtag": "#PyConOpenSpace",
        "base_url": "https://us.pycon.org/2023/openspaces/",
        "session_url_template": "{base_url}/{day}/{room}-{start}-{slug}.html",
        "share_url_template": "https://twitter.com/intent/tweet?text={text}",
        "tags": (Tag("web", "Web, APIs", "#336699"), Tag("community", "Community", "#AA3300")),
    }
    values.update(changes)
    return shared_event(**values)


def card_id(name: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"test-card:{name}")


CardFactory = Callable[..., Card]
