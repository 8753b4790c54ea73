"""The public static site: a landing page, a grid per day, a page per session and the wish list. No JavaScript.

Every internal link is relative so the folder works from any web host, a USB stick or `file://`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from importlib import resources
from pathlib import Path
from urllib.parse import unquote

from kiosk.domain import Card, Event, Idea
from kiosk.domain.rules import block_covering
from kiosk.share.calendar import calendar_ics, card_ics
from kiosk.share.errors import ExportError
from kiosk.share.links import (
    bluesky_share_url,
    handle_url,
    hashtag,
    mastodon_share_url,
    mention,
    session_path,
    session_url,
    share_url,
)
from kiosk.share.qr import qr_svg
from kiosk.share.schedule import schedule_json, schedule_xml
from kiosk.share.table import cards_csv
from kiosk.share.text import clock, long_day, room_name, short_day

SITE_MARKER = ".open-spaces-site"
INDEX = "index.html"
STYLE = "style.css"
WISHLIST = "wishlist.html"
CALENDAR = "schedule.ics"
SCHEDULE_XML = "schedule.xml"
SCHEDULE_JSON = "schedule.json"
TABLE_CSV = "sessions.csv"
# User text is escaped everywhere; this is a second lock in case a future change forgets.
_CSP = "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"
_UGC_REL = "nofollow ugc noopener noreferrer"
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def _e(text: str) -> str:
    return escape(text, quote=True)


def day_path(day: date) -> str:
    return f"{day.isoformat()}/{INDEX}"


def ics_path(event: Event, card: Card) -> str:
    return session_path(event, card).removesuffix(".html") + ".ics"


def _href(from_page: str, to_page: str) -> str:
    """A relative link between two site paths (both '/'-separated and percent-encoded)."""
    return _e(posixpath.relpath(to_page, posixpath.dirname(from_page) or "."))


def _ordered(cards: Iterable[Card]) -> list[Card]:
    return sorted(cards, key=lambda c: (c.starts_at, c.room_key, str(c.id)))


@dataclass(frozen=True, slots=True)
class _Site:
    event: Event
    cards: tuple[Card, ...]
    ideas: tuple[Idea, ...]
    days: tuple[date, ...]

    def cards_on(self, day: date) -> list[Card]:
        return [c for c in self.cards if self.event.local(c.starts_at).date() == day]


# --- page frame -----------------------------------------------------------------------------------------------


def _nav(site: _Site, page: str) -> str:
    targets = [(day_path(day), short_day(day)) for day in site.days] + [(WISHLIST, "Wish list")]
    items = []
    for target, label in targets:
        current = ' aria-current="page"' if target == page else ""
        items.append(f'<li><a href="{_href(page, target)}"{current}>{_e(label)}</a></li>')
    return f'<nav aria-label="Days"><ul>{"".join(items)}</ul></nav>'


def _page(site: _Site, page: str, title: str, body: str, canonical: str = "") -> str:
    event = site.event
    home = f"{event.name} Open Spaces"
    canonical_link = f'<link rel="canonical" href="{_e(canonical)}">\n' if canonical.startswith("http") else ""
    full_title = title if title == home else f"{title} · {home}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<title>{_e(full_title)}</title>
{canonical_link}<link rel="stylesheet" href="{_href(page, STYLE)}">
</head>
<body>
<header class="site">
<a class="home" href="{_href(page, INDEX)}">{_e(home)}</a>
{_nav(site, page)}
</header>
<main>
{body}
</main>
<footer class="site"><p>Open Spaces are self-organised one-hour sessions. {_e(hashtag(event))}</p></footer>
</body>
</html>
"""


# --- pieces ---------------------------------------------------------------------------------------------------


def _tag_class(event: Event, card: Card) -> str:
    keys = [tag.key for tag in event.tags]
    first = next((key for key in card.tags if key in keys), None)
    return f" tag-{keys.index(first)}" if first is not None else ""


def _tags_html(event: Event, card: Card) -> str:
    keys = [tag.key for tag in event.tags]
    chips = [
        f'<span class="tag tag-{keys.index(key)}">{_e(tag.label)}</span>'
        for key in card.tags
        if (tag := event.tag(key)) is not None
    ]
    return "".join(chips)


def _host_html(card: Card) -> str:
    name = _e(card.host_name)
    if not card.handle.strip():
        return name
    url = handle_url(card.handle)
    handle = _e(mention(card.handle))
    linked = f'<a href="{_e(url)}" rel="{_UGC_REL}">{handle}</a>' if url else handle
    return f"{name} ({linked})"


def _paragraphs(text: str) -> str:
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return "".join("<p>" + "<br>\n".join(_e(line) for line in block.split("\n")) + "</p>" for block in blocks)


def _time_range(event: Event, card: Card) -> str:
    start, end = event.local(card.starts_at), event.local(card.ends_at)
    return (
        f'<time datetime="{_e(start.isoformat())}">{_e(short_day(start.date()))}, {clock(start)}</time>'
        f'–<time datetime="{_e(end.isoformat())}">{clock(end)}</time>'
    )


# --- pages ----------------------------------------------------------------------------------------------------


def _index_page(site: _Site) -> str:
    event = site.event
    days = "".join(
        f'<li><a href="{_href(INDEX, day_path(day))}">{_e(long_day(day))}</a> '
        f'<span class="muted">{_count(len(site.cards_on(day)), "session")}</span></li>'
        for day in site.days
    )
    downloads = [
        (CALENDAR, "Calendar (.ics)", "every session, for your calendar app"),
        (SCHEDULE_XML, "schedule.xml", "for Giggity, EventFahrplan and ConfClerk"),
        (SCHEDULE_JSON, "schedule.json", "the same, as JSON"),
        (TABLE_CSV, "Spreadsheet (.csv)", "for Excel, LibreOffice or Sheets"),
    ]
    files = "".join(
        f'<li><a href="{_href(INDEX, target)}">{_e(label)}</a> <span class="muted">{_e(note)}</span></li>'
        for target, label, note in downloads
    )
    tag = hashtag(event)
    promote = f" Tell people about it with {_e(tag)}." if tag else ""
    body = f"""<h1>{_e(event.name)} Open Spaces</h1>
<p class="lead">Self-organised one-hour meetups, added by attendees during the conference.
Find a free slot on the board at the venue and put your card up.{promote}</p>
<h2>Days</h2>
<ul class="days">{days}</ul>
<h2>Wish list</h2>
<p><a href="{_href(INDEX, WISHLIST)}">{_count(len(site.ideas), "topic")} people would like someone to host</a></p>
<h2>Take the schedule with you</h2>
<ul>{files}</ul>"""
    return _page(site, INDEX, f"{event.name} Open Spaces", body)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _grid_cell(site: _Site, page: str, room_key: str, start: datetime, card: Card | None) -> str:
    event = site.event
    if card is not None:
        link = _href(page, session_path(event, card))
        return (
            f'<td class="booked{_tag_class(event, card)}"><a href="{link}">{_e(card.topic)}'
            f'<span class="host">{_e(card.host_name)}</span></a></td>'
        )
    block = block_covering(event.blocks, room_key, start, start + event.slot_length)
    if block is not None:
        return f'<td class="blocked">Reserved: {_e(block.reason)}</td>'
    return '<td class="free">Free</td>'


def _grid(site: _Site, day: date, page: str) -> str:
    event = site.event
    by_slot = {(c.room_key, c.starts_at): c for c in site.cards_on(day)}
    notes = {room.key: f'<span class="note">{_e(room.note)}</span>' if room.note else "" for room in event.rooms}
    heads = "".join(f'<th scope="col">{_e(room.name)}{notes[room.key]}</th>' for room in event.rooms)
    rows = []
    for start in event.slot_starts(day):
        cells = "".join(_grid_cell(site, page, r.key, start, by_slot.get((r.key, start))) for r in event.rooms)
        rows.append(f'<tr><th scope="row">{clock(event.local(start))}</th>{cells}</tr>')
    caption = f"Open Spaces on {long_day(day)}: rooms across, hours down"
    return (
        f'<div class="grid-wrap" role="region" aria-label="{_e(caption)}" tabindex="0">'
        f'<table class="grid"><caption>{_e(caption)}</caption>'
        f'<thead><tr><th scope="col">Time</th>{heads}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _by_time(site: _Site, day: date, page: str) -> str:
    """The day as a list grouped by start time: every card, even one off the configured grid."""
    event = site.event
    groups: dict[str, list[Card]] = {}
    for card in _ordered(site.cards_on(day)):
        groups.setdefault(clock(event.local(card.starts_at)), []).append(card)
    if not groups:
        return '<section class="by-time"><p>No sessions yet.</p></section>'
    parts = []
    for time_label, cards in groups.items():
        items = "".join(
            f'<li><a href="{_href(page, session_path(event, c))}">{_e(c.topic)}</a>'
            f'<span class="host">{_e(room_name(event, c.room_key))} · {_e(c.host_name)}</span></li>'
            for c in cards
        )
        parts.append(f"<h3>{time_label}</h3><ul>{items}</ul>")
    return f'<section class="by-time"><h2>By time</h2>{"".join(parts)}</section>'


def _pager(site: _Site, day: date, page: str) -> str:
    index = site.days.index(day)
    links = []
    if index > 0:
        before = site.days[index - 1]
        links.append(f'<a rel="prev" href="{_href(page, day_path(before))}">← {_e(short_day(before))}</a>')
    if index + 1 < len(site.days):
        after = site.days[index + 1]
        links.append(f'<a rel="next" href="{_href(page, day_path(after))}">{_e(short_day(after))} →</a>')
    return f'<p class="pager">{"".join(links)}</p>' if links else ""


def _day_page(site: _Site, day: date) -> str:
    page = day_path(day)
    parts = (
        f"<h1>{_e(long_day(day))}</h1>",
        _pager(site, day, page),
        _grid(site, day, page),
        _by_time(site, day, page),
    )
    body = "\n".join(parts)
    return _page(site, page, long_day(day), body)


def _session_page(site: _Site, card: Card) -> str:
    event = site.event
    page = session_path(event, card)
    url = session_url(event, card)
    day = event.local(card.starts_at).date()
    room = room_name(event, card.room_key)
    note = next((r.note for r in event.rooms if r.key == card.room_key), "")
    tags = _tags_html(event, card)
    facts = [
        ("When", _time_range(event, card)),
        ("Where", _e(room) + (f' <span class="note">{_e(note)}</span>' if note else "")),
        ("Host", _host_html(card)),
    ] + ([("Tags", tags)] if tags else [])
    shares = [
        (share_url(event, card), "Post on X"),
        (mastodon_share_url(event, card), "Share on Mastodon"),
        (bluesky_share_url(event, card), "Share on Bluesky"),
    ]
    share_items = "".join(
        f'<li><a class="button" href="{_e(target)}" rel="noopener noreferrer">{label}</a></li>'
        for target, label in shares
        if target.startswith("http")
    )
    address = f'<a href="{_e(url)}">{_e(url)}</a>' if url.startswith("http") else _e(url)
    body = f"""<p><a href="{_href(page, day_path(day))}">← {_e(long_day(day))}</a></p>
<article class="session">
<h1>{_e(card.topic)}</h1>
<dl class="facts">{"".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts)}</dl>
<div class="description">{_paragraphs(card.description)}</div>
<p class="actions"><a class="button" href="{_href(page, ics_path(event, card))}" download>Add to calendar (.ics)</a></p>
<section class="share"><h2>Share</h2><ul class="share">{share_items}</ul></section>
<figure class="qr">{qr_svg(url, module_px=4, label=f"QR code for {url}")}
<figcaption>Scan to open this page: {address}</figcaption></figure>
</article>"""
    return _page(site, page, card.topic, body, canonical=url)


def _wishlist_page(site: _Site) -> str:
    event = site.event
    adopted = {c.id: c for c in site.cards}
    ideas = sorted(site.ideas, key=lambda i: (-i.votes, i.topic.casefold(), str(i.id)))
    items = []
    for idea in ideas:
        parts = [f'<span class="topic">{_e(idea.topic)}</span> <span class="votes">{_count(idea.votes, "vote")}</span>']
        if idea.note.strip():
            parts.append(f'<p class="note">{_e(idea.note)}</p>')
        card = adopted.get(idea.adopted_card_id) if idea.adopted_card_id else None
        if card is not None:
            when = f"{short_day(event.local(card.starts_at).date())}, {clock(event.local(card.starts_at))}"
            parts.append(f'<p>Now a session: <a href="{_href(WISHLIST, session_path(event, card))}">{_e(when)}</a></p>')
        elif idea.adopted_card_id:
            parts.append("<p>Someone has picked this up.</p>")
        items.append(f"<li>{''.join(parts)}</li>")
    listing = f'<ol class="ideas">{"".join(items)}</ol>' if items else "<p>No wishes yet.</p>"
    body = f"""<h1>Wish list</h1>
<p class="lead">Topics people would love someone else to host. Like one? Put a card for it on the board.</p>
{listing}"""
    return _page(site, WISHLIST, "Wish list", body)


def _style(event: Event) -> str:
    base = resources.files("kiosk.share").joinpath(STYLE).read_text(encoding="utf-8")
    # Colours come from config; only well-formed hex values reach the stylesheet.
    rules = [
        f".tag-{i} {{ border-left-color: {tag.colour}; }}\n"
        for i, tag in enumerate(event.tags)
        if _HEX_COLOUR.fullmatch(tag.colour)
    ]
    return base + "\n/* Tag colours from the event's config. */\n" + "".join(rules)


# --- writing --------------------------------------------------------------------------------------------------


def site_files(event: Event, cards: Iterable[Card], ideas: Iterable[Idea]) -> dict[str, bytes]:
    """Every file of the site by its percent-encoded relative path."""
    ordered = tuple(_ordered(cards))
    days = tuple(sorted({*event.days, *(event.local(c.starts_at).date() for c in ordered)}))
    site = _Site(event, ordered, tuple(ideas), days)
    files: dict[str, bytes] = {
        SITE_MARKER: b"Generated by Open Spaces Kiosk; the whole folder is replaced on the next export.\n",
        STYLE: _style(event).encode("utf-8"),
        INDEX: _index_page(site).encode("utf-8"),
        WISHLIST: _wishlist_page(site).encode("utf-8"),
        CALENDAR: calendar_ics(event, ordered),
        SCHEDULE_XML: schedule_xml(event, ordered),
        SCHEDULE_JSON: schedule_json(event, ordered),
        TABLE_CSV: cards_csv(event, ordered),
    }
    for day in days:
        files[day_path(day)] = _day_page(site, day).encode("utf-8")
    for card in ordered:
        files[session_path(event, card)] = _session_page(site, card).encode("utf-8")
        files[ics_path(event, card)] = card_ics(event, card)
    return files


def site_file(out_dir: Path, url_path: str) -> Path:
    """Where a percent-encoded site path lives on disk; refuses anything that would escape `out_dir`."""
    segments = [unquote(segment) for segment in url_path.split("/")]
    for segment in segments:
        if segment in ("", ".", "..") or any(ch in segment for ch in "/\\\0"):
            raise ExportError(f"Can't make a web page at {url_path!r}: a room key gives an unusable file name.")
    return out_dir.joinpath(*segments)


def write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def build_site(event: Event, cards: Sequence[Card], ideas: Sequence[Idea], out_dir: Path) -> list[Path]:
    """Write the site into `out_dir` (created if needed) and return the files written, sorted.

    Writes in place; `kiosk.share.export` builds into a temporary folder and swaps it in whole.
    """
    # Every path is checked before the first write, so a bad one leaves nothing behind.
    targets = {site_file(out_dir, url_path): data for url_path, data in site_files(event, cards, ideas).items()}
    for path, data in targets.items():
        write_file(path, data)
    return sorted(targets)
