"""The static site's pages: the landing page, a grid per day, a page per session, the wish list, the stylesheet.

No JavaScript; each page is a function of the `Site` and returns the HTML as text.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from importlib import resources

from kiosk.domain import Card, Event
from kiosk.domain.rules import block_covering
from kiosk.share.links import (
    bluesky_share_url,
    hashtag,
    mastodon_share_url,
    session_path,
    session_url,
    share_url,
)
from kiosk.share.qr import qr_svg
from kiosk.share.site_html import (
    CALENDAR,
    INDEX,
    SCHEDULE_JSON,
    SCHEDULE_XML,
    STYLE,
    TABLE_CSV,
    TABLE_XLSX,
    WISHLIST,
    Site,
    day_path,
    esc,
    frame,
    host_html,
    href,
    ics_path,
    ordered,
    paragraphs,
    tag_class,
    tags_html,
    time_range,
)
from kiosk.share.text import clock, long_day, room_name, short_day

_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# One grid per day page, so a fixed id is unique.
_GRID_CAPTION = "grid-caption"


def index_page(site: Site) -> str:
    event = site.event
    days = "".join(
        f'<li><a href="{href(INDEX, day_path(day))}">{esc(long_day(day))}</a> '
        f'<span class="muted">{_count(len(site.cards_on(day)), "session")}</span></li>'
        for day in site.days
    )
    downloads = [
        (CALENDAR, "Calendar (.ics)", "every session, for your calendar app"),
        (SCHEDULE_XML, "schedule.xml", "for Giggity, EventFahrplan and ConfClerk"),
        (SCHEDULE_JSON, "schedule.json", "the same, as JSON"),
        (TABLE_XLSX, "Spreadsheet (.xlsx)", "for Excel, LibreOffice or Sheets"),
        (TABLE_CSV, "Table (.csv)", "plain text, UTF-8; formula-like cells start with '"),
    ]
    files = "".join(
        f'<li><a href="{href(INDEX, target)}">{esc(label)}</a> <span class="muted">{esc(note)}</span></li>'
        for target, label, note in downloads
    )
    tag = hashtag(event)
    promote = f" Tell people about it with {esc(tag)}." if tag else ""
    body = f"""<h1>{esc(event.name)} Open Spaces</h1>
<p class="lead">Self-organised one-hour meetups, added by attendees during the conference.
Find a free slot on the board at the venue and put your card up.{promote}</p>
<h2>Days</h2>
<ul class="days">{days}</ul>
<h2>Wish list</h2>
<p><a href="{href(INDEX, WISHLIST)}">{_count(len(site.ideas), "topic")} people would like someone to host</a></p>
<h2>Take the schedule with you</h2>
<ul>{files}</ul>"""
    return frame(site, INDEX, f"{event.name} Open Spaces", body)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _grid_cell(site: Site, page: str, room_key: str, start: datetime, card: Card | None) -> str:
    event = site.event
    if card is not None:
        link = href(page, session_path(event, card))
        return (
            f'<td class="booked{tag_class(event, card)}"><a href="{link}">{esc(card.topic)}'
            f'<span class="host">{esc(card.host_name)}</span></a></td>'
        )
    block = block_covering(event.blocks, room_key, start, start + event.slot_length)
    if block is not None:
        return f'<td class="blocked">Reserved: {esc(block.reason)}</td>'
    return '<td class="free">Free</td>'


def _grid(site: Site, day: date, page: str) -> str:
    event = site.event
    by_slot = {(c.room_key, c.starts_at): c for c in site.cards_on(day)}
    notes = {room.key: f'<span class="note">{esc(room.note)}</span>' if room.note else "" for room in event.rooms}
    heads = "".join(f'<th scope="col">{esc(room.name)}{notes[room.key]}</th>' for room in event.rooms)
    rows = []
    for start in event.slot_starts(day):
        cells = "".join(_grid_cell(site, page, r.key, start, by_slot.get((r.key, start))) for r in event.rooms)
        rows.append(f'<tr><th scope="row">{clock(event.local(start))}</th>{cells}</tr>')
    caption = f"Open Spaces on {long_day(day)}: rooms across, hours down"
    # A <section> named by the caption: the landmark that role="region" spelled out by hand. It scrolls sideways on
    # narrow screens, so it takes keyboard focus.
    return (
        f'<section class="grid-wrap" aria-labelledby="{_GRID_CAPTION}" tabindex="0">'
        f'<table class="grid"><caption id="{_GRID_CAPTION}">{esc(caption)}</caption>'
        f'<thead><tr><th scope="col">Time</th>{heads}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _by_time(site: Site, day: date, page: str) -> str:
    """The day as a list grouped by start time: every card, even one off the configured grid."""
    event = site.event
    groups: dict[str, list[Card]] = {}
    for card in ordered(site.cards_on(day)):
        groups.setdefault(clock(event.local(card.starts_at)), []).append(card)
    if not groups:
        return '<section class="by-time"><p>No sessions yet.</p></section>'
    parts = []
    for time_label, cards in groups.items():
        items = "".join(
            f'<li><a href="{href(page, session_path(event, c))}">{esc(c.topic)}</a>'
            f'<span class="host">{esc(room_name(event, c.room_key))} · {esc(c.host_name)}</span></li>'
            for c in cards
        )
        parts.append(f"<h3>{time_label}</h3><ul>{items}</ul>")
    return f'<section class="by-time"><h2>By time</h2>{"".join(parts)}</section>'


def _pager(site: Site, day: date, page: str) -> str:
    index = site.days.index(day)
    links = []
    if index > 0:
        before = site.days[index - 1]
        links.append(f'<a rel="prev" href="{href(page, day_path(before))}">← {esc(short_day(before))}</a>')
    if index + 1 < len(site.days):
        after = site.days[index + 1]
        links.append(f'<a rel="next" href="{href(page, day_path(after))}">{esc(short_day(after))} →</a>')
    return f'<p class="pager">{"".join(links)}</p>' if links else ""


def day_page(site: Site, day: date) -> str:
    page = day_path(day)
    parts = (
        f"<h1>{esc(long_day(day))}</h1>",
        _pager(site, day, page),
        _grid(site, day, page),
        _by_time(site, day, page),
    )
    body = "\n".join(parts)
    return frame(site, page, long_day(day), body)


def session_page(site: Site, card: Card) -> str:
    event = site.event
    page = session_path(event, card)
    url = session_url(event, card)
    day = event.local(card.starts_at).date()
    room = room_name(event, card.room_key)
    note = next((r.note for r in event.rooms if r.key == card.room_key), "")
    tags = tags_html(event, card)
    facts = [
        ("When", time_range(event, card)),
        ("Where", esc(room) + (f' <span class="note">{esc(note)}</span>' if note else "")),
        ("Host", host_html(card)),
    ] + ([("Tags", tags)] if tags else [])
    shares = [
        (share_url(event, card), "Post on X"),
        (mastodon_share_url(event, card), "Share on Mastodon"),
        (bluesky_share_url(event, card), "Share on Bluesky"),
    ]
    share_items = "".join(
        f'<li><a class="button" href="{esc(target)}" rel="noopener noreferrer">{label}</a></li>'
        for target, label in shares
        if target.startswith("http")
    )
    address = f'<a href="{esc(url)}">{esc(url)}</a>' if url.startswith("http") else esc(url)
    body = f"""<p><a href="{href(page, day_path(day))}">← {esc(long_day(day))}</a></p>
<article class="session">
<h1>{esc(card.topic)}</h1>
<dl class="facts">{"".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts)}</dl>
<div class="description">{paragraphs(card.description)}</div>
<p class="actions"><a class="button" href="{href(page, ics_path(event, card))}" download>Add to calendar (.ics)</a></p>
<section class="share"><h2>Share</h2><ul class="share">{share_items}</ul></section>
<figure class="qr">{qr_svg(url, module_px=4, label=f"QR code for {url}")}
<figcaption>Scan to open this page: {address}</figcaption></figure>
</article>"""
    return frame(site, page, card.topic, body, canonical=url)


def wishlist_page(site: Site) -> str:
    event = site.event
    adopted = {c.id: c for c in site.cards}
    ideas = sorted(site.ideas, key=lambda i: (-i.votes, i.topic.casefold(), str(i.id)))
    items = []
    for idea in ideas:
        votes = _count(idea.votes, "vote")
        parts = [f'<span class="topic">{esc(idea.topic)}</span> <span class="votes">{votes}</span>']
        if idea.note.strip():
            parts.append(f'<p class="note">{esc(idea.note)}</p>')
        card = adopted.get(idea.adopted_card_id) if idea.adopted_card_id else None
        if card is not None:
            when = f"{short_day(event.local(card.starts_at).date())}, {clock(event.local(card.starts_at))}"
            parts.append(f'<p>Now a session: <a href="{href(WISHLIST, session_path(event, card))}">{esc(when)}</a></p>')
        elif idea.adopted_card_id:
            parts.append("<p>Someone has picked this up.</p>")
        items.append(f"<li>{''.join(parts)}</li>")
    listing = f'<ol class="ideas">{"".join(items)}</ol>' if items else "<p>No wishes yet.</p>"
    body = f"""<h1>Wish list</h1>
<p class="lead">Topics people would love someone else to host. Like one? Put a card for it on the board.</p>
{listing}"""
    return frame(site, WISHLIST, "Wish list", body)


def stylesheet(event: Event) -> str:
    base = resources.files("kiosk.share").joinpath(STYLE).read_text(encoding="utf-8")
    # Colours come from config; only well-formed hex values reach the stylesheet.
    rules = [
        f".tag-{i} {{ border-left-color: {tag.colour}; }}\n"
        for i, tag in enumerate(event.tags)
        if _HEX_COLOUR.fullmatch(tag.colour)
    ]
    return base + "\n/* Tag colours from the event's config. */\n" + "".join(rules)
