"""iCalendar for sessions: a compact VEVENT to put in a QR code, and full .ics files with the event's timezone."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import icalendar

from kiosk.domain import Card, Event
from kiosk.share.links import handle_url, mention, session_url
from kiosk.share.text import room_name, shorten, tag_labels
from kiosk.share.vtimezone import vtimezone

# Short on purpose: every byte of the QR payload makes the code denser and harder to scan from a wall.
QR_PRODID = "-//Open Spaces Kiosk//EN"
PRODID = "-//Open Spaces Kiosk//Open Spaces schedule//EN"
QR_DESCRIPTION_LIMIT = 80


def uid(event: Event, card: Card) -> str:
    return f"{card.id}@{event.slug}"


def _stamp(card: Card) -> datetime:
    """DTSTAMP: when the card last changed, so re-exports are byte-identical for unchanged cards."""
    return (card.updated_at or card.created_at or card.starts_at).astimezone(UTC)


def _host_line(card: Card) -> str:
    handle = mention(card.handle)
    return f"Host: {card.host_name} ({handle})" if handle else f"Host: {card.host_name}"


def _calendar(prodid: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    return calendar


def _vevent(event: Event, card: Card, *, local_times: bool, description: str) -> icalendar.Event:
    zone = event.tz if local_times else UTC
    vevent = icalendar.Event()
    vevent.add("uid", uid(event, card))
    vevent.add("dtstamp", _stamp(card))
    vevent.add("dtstart", card.starts_at.astimezone(zone))
    vevent.add("dtend", card.ends_at.astimezone(zone))
    vevent.add("summary", card.topic)
    vevent.add("location", room_name(event, card.room_key))
    vevent.add("url", session_url(event, card))
    if description:
        vevent.add("description", description)
    return vevent


def card_vevent_payload(event: Event, card: Card) -> str:
    """A minimal VCALENDAR with one VEVENT in UTC, small enough for an easily scanned QR code."""
    summary = f"{_host_line(card)}. {card.description}" if card.description.strip() else _host_line(card)
    calendar = _calendar(QR_PRODID)
    calendar.add_component(
        _vevent(event, card, local_times=False, description=shorten(" ".join(summary.split()), QR_DESCRIPTION_LIMIT))
    )
    return bytes(calendar.to_ical()).decode("utf-8")


def _full_description(event: Event, card: Card) -> str:
    parts = [_host_line(card)]
    if profile := handle_url(card.handle):
        parts[0] += f" {profile}"
    if card.description.strip():
        parts.append(card.description.strip())
    # Many calendar apps hide the URL property, so the link goes in the text too.
    parts.append(session_url(event, card))
    return "\n\n".join(parts)


def _full_vevent(event: Event, card: Card) -> icalendar.Event:
    vevent = _vevent(event, card, local_times=True, description=_full_description(event, card))
    # SEQUENCE lets calendar apps replace an earlier import of the same session after an edit.
    vevent.add("sequence", max(card.version - 1, 0))
    if card.created_at is not None:
        vevent.add("created", card.created_at.astimezone(UTC))
    if card.updated_at is not None:
        vevent.add("last-modified", card.updated_at.astimezone(UTC))
    if labels := tag_labels(event, card):
        vevent.add("categories", list(labels))
    return vevent


def _timezone_span(event: Event, cards: list[Card]) -> tuple[date, date]:
    """Years around the event: enough VTIMEZONE history for every date in the file, without decades of rules."""
    days = [*event.days, *(event.local(c.starts_at).date() for c in cards)]
    if not days:
        return date(2000, 1, 1), date(2001, 1, 1)
    return date(min(days).year, 1, 1), date(max(days).year + 1, 12, 31)


def _tzids(calendar: icalendar.Calendar) -> list[str]:
    """The TZIDs the events use (none for UTC, which is written with a Z), each needing a VTIMEZONE."""
    found = {
        str(vevent[key].params["TZID"])
        for vevent in calendar.walk("VEVENT")
        for key in ("dtstart", "dtend")
        if key in vevent and "TZID" in vevent[key].params
    }
    return sorted(found)


def calendar_ics(event: Event, cards: Iterable[Card], name: str | None = None) -> bytes:
    """An RFC 5545 file of all the cards: local times with TZID, the event's VTIMEZONE, full descriptions."""
    ordered = sorted(cards, key=lambda c: (c.starts_at, c.room_key, str(c.id)))
    calendar = _calendar(PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name or f"{event.name} Open Spaces")
    calendar.add("x-wr-timezone", event.timezone)
    for card in ordered:
        calendar.add_component(_full_vevent(event, card))
    first, last = _timezone_span(event, ordered)
    # Timezones first: some importers resolve TZIDs in one pass and ignore ones defined later.
    for position, tzid in enumerate(_tzids(calendar)):
        calendar.subcomponents.insert(position, vtimezone(ZoneInfo(tzid), first, last))
    return bytes(calendar.to_ical())


def card_ics(event: Event, card: Card) -> bytes:
    """A one-session .ics, for the "add to calendar" link on the session's web page."""
    return calendar_ics(event, [card], name=card.topic)
