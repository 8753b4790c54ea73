"""Small text helpers shared by the exports: English date labels, room names, shortening, slugs.

Date labels come from kiosk.domain.labels (spelled out by hand, never locale-dependent) and are re-exported here.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from kiosk.domain import Card, Event
from kiosk.domain.labels import clock, long_day, short_day

__all__ = ["clock", "long_day", "short_day"]

ELLIPSIS = "…"
SLUG_MAX = 48
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def local_day(event: Event, card: Card) -> date:
    return event.local(card.starts_at).date()


def room_name(event: Event, room_key: str) -> str:
    """The room's display name; the key itself if the room has since left the config."""
    try:
        return event.room(room_key).name
    except KeyError:
        return room_key


def tag_labels(event: Event, card: Card) -> tuple[str, ...]:
    """Labels of the card's tags, skipping keys the config no longer knows."""
    return tuple(tag.label for key in card.tags if (tag := event.tag(key)) is not None)


def one_line(text: str) -> str:
    """Collapse newlines and runs of whitespace, for places that show a single line."""
    return _SPACES.sub(" ", text).strip()


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters with an ellipsis, preferring a word boundary."""
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    # Only back up to a word boundary when it keeps most of the text; one long word is cut mid-word.
    if space >= (limit * 2) // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + ELLIPSIS


def slugify(text: str, fallback: str = "session", max_length: int = SLUG_MAX) -> str:
    """ASCII lower-case words joined by '-': accents folded, everything else dropped (for identifiers that
    schedule formats restrict to ASCII)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _cut(_NOT_ALNUM.sub("-", folded).strip("-"), max_length) or fallback


def page_slug(text: str, fallback: str = "session", max_length: int = SLUG_MAX) -> str:
    """Lower-case words in any script joined by '-', for the site's file names and links: "Łódź & Zoë — café"
    gives "łódź-zoë-café" and "日本語のLT" gives "日本語のlt", so a page stays recognisable. Letters, digits and
    the marks that belong to them are kept (NFC, so an accent stays on its letter); anything else separates
    words. Links percent-encode the UTF-8, so the addresses are valid everywhere; the same topic always gives the
    same slug."""
    words = "".join(
        char if unicodedata.category(char)[0] in "LNM" else "-" for char in unicodedata.normalize("NFC", text.lower())
    )
    return _cut(re.sub(r"-{2,}", "-", words).strip("-"), max_length) or fallback


def _cut(slug: str, max_length: int) -> str:
    if len(slug) > max_length:
        slug = slug[:max_length]
        hyphen = slug.rfind("-")
        # Cut at a word boundary unless that would throw away most of the slug.
        if hyphen >= max_length // 2:
            slug = slug[:hyphen]
        slug = slug.rstrip("-")
    return slug
