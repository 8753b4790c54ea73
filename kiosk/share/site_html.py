"""The static site's building blocks: file layout, relative links, the page frame and pieces shared by pages.

The pieces (a host with their handle, a time range, tag chips) escape everything a person typed. Every internal link
is relative so the folder works from any web host, a USB stick or `file://`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from html import escape

from kiosk.domain import Card, Event, Idea
from kiosk.share.links import handle_url, hashtag, mention, session_path
from kiosk.share.text import clock, short_day

INDEX = "index.html"
STYLE = "style.css"
WISHLIST = "wishlist.html"
CALENDAR = "schedule.ics"
SCHEDULE_XML = "schedule.xml"
SCHEDULE_JSON = "schedule.json"
TABLE_CSV = "sessions.csv"
TABLE_XLSX = "sessions.xlsx"
# User text is escaped everywhere; this is a second lock in case a future change forgets.
_CSP = "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"
_UGC_REL = "nofollow ugc noopener noreferrer"


def esc(text: str) -> str:
    return escape(text, quote=True)


def day_path(day: date) -> str:
    return f"{day.isoformat()}/{INDEX}"


def ics_path(event: Event, card: Card) -> str:
    return session_path(event, card).removesuffix(".html") + ".ics"


def href(from_page: str, to_page: str) -> str:
    """A relative link between two site paths (both '/'-separated and percent-encoded)."""
    return esc(posixpath.relpath(to_page, posixpath.dirname(from_page) or "."))


def ordered(cards: Iterable[Card]) -> list[Card]:
    return sorted(cards, key=lambda c: (c.starts_at, c.room_key, str(c.id)))


@dataclass(frozen=True, slots=True)
class Site:
    """What every page is made from: the event, its sessions in time order, the wish list, and the days shown."""

    event: Event
    cards: tuple[Card, ...]
    ideas: tuple[Idea, ...]
    days: tuple[date, ...]

    def cards_on(self, day: date) -> list[Card]:
        return [c for c in self.cards if self.event.local(c.starts_at).date() == day]


# --- page frame -----------------------------------------------------------------------------------------------


def _nav(site: Site, page: str) -> str:
    targets = [(day_path(day), short_day(day)) for day in site.days] + [(WISHLIST, "Wish list")]
    items = []
    for target, label in targets:
        current = ' aria-current="page"' if target == page else ""
        items.append(f'<li><a href="{href(page, target)}"{current}>{esc(label)}</a></li>')
    return f'<nav aria-label="Days"><ul>{"".join(items)}</ul></nav>'


def frame(site: Site, page: str, title: str, body: str, canonical: str = "") -> str:
    """The whole HTML document for `page` (its site path, which relative links start from) around `body`."""
    event = site.event
    home = f"{event.name} Open Spaces"
    canonical_link = f'<link rel="canonical" href="{esc(canonical)}">\n' if canonical.startswith("http") else ""
    full_title = title if title == home else f"{title} · {home}"
    return f"""<!DOCTYPE html>
<html lang="{esc(event.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<title>{esc(full_title)}</title>
{canonical_link}<link rel="stylesheet" href="{href(page, STYLE)}">
</head>
<body>
<header class="site">
<a class="home" href="{href(page, INDEX)}">{esc(home)}</a>
{_nav(site, page)}
</header>
<main>
{body}
</main>
<footer class="site"><p>Open Spaces are self-organised one-hour sessions. {esc(hashtag(event))}</p></footer>
</body>
</html>
"""


# --- pieces ---------------------------------------------------------------------------------------------------


def tag_class(event: Event, card: Card) -> str:
    keys = [tag.key for tag in event.tags]
    first = next((key for key in card.tags if key in keys), None)
    return f" tag-{keys.index(first)}" if first is not None else ""


def tags_html(event: Event, card: Card) -> str:
    keys = [tag.key for tag in event.tags]
    chips = [
        f'<span class="tag tag-{keys.index(key)}">{esc(tag.label)}</span>'
        for key in card.tags
        if (tag := event.tag(key)) is not None
    ]
    return "".join(chips)


def host_html(card: Card) -> str:
    name = esc(card.host_name)
    if not card.handle.strip():
        return name
    url = handle_url(card.handle)
    handle = esc(mention(card.handle))
    linked = f'<a href="{esc(url)}" rel="{_UGC_REL}">{handle}</a>' if url else handle
    return f"{name} ({linked})"


def paragraphs(text: str) -> str:
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return "".join("<p>" + "<br>\n".join(esc(line) for line in block.split("\n")) + "</p>" for block in blocks)


def time_range(event: Event, card: Card) -> str:
    start, end = event.local(card.starts_at), event.local(card.ends_at)
    return (
        f'<time datetime="{esc(start.isoformat())}">{esc(short_day(start.date()))}, {clock(start)}</time>'
        f'–<time datetime="{esc(end.isoformat())}">{clock(end)}</time>'
    )
