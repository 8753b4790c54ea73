"""The QR VEVENT and the .ics files parse back with icalendar to what the cards say."""

from __future__ import annotations

from datetime import UTC, datetime

import icalendar

from kiosk.domain import Card, Event
from kiosk.share.calendar import QR_DESCRIPTION_LIMIT, calendar_ics, card_ics, card_vevent_payload
from kiosk.share.links import session_url
from tests.share.sample import TRICKY_DESCRIPTION, CardFactory, make_event


def only_event(calendar: icalendar.Calendar) -> icalendar.Event:
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_qr_payload_is_a_minimal_utc_vevent(event: Event, cards: list[Card]) -> None:
    card = cards[0]
    payload = card_vevent_payload(event, card)
    assert payload.startswith("BEGIN:VCALENDAR\r\n")
    assert "BEGIN:VEVENT" in payload
    assert "DTSTART:20230421T170000Z" in payload
    assert "DTEND:20230421T180000Z" in payload
    assert "VTIMEZONE" not in payload
    vevent = only_event(icalendar.Calendar.from_ical(payload))
    assert str(vevent["uid"]) == f"{card.id}@pycon-us-2023"
    assert vevent.decoded("dtstart") == datetime(2023, 4, 21, 17, tzinfo=UTC)
    assert vevent.decoded("dtend") == datetime(2023, 4, 21, 18, tzinfo=UTC)
    assert vevent.decoded("dtstamp") == datetime(2023, 4, 21, 16, 5, tzinfo=UTC)
    assert str(vevent["summary"]) == card.topic
    assert str(vevent["location"]) == "Room 150D"
    assert str(vevent["url"]) == session_url(event, card)


def test_qr_payload_escapes_text_and_keeps_the_description_short(event: Event, cards: list[Card]) -> None:
    payload = card_vevent_payload(event, cards[0])
    assert r"SUMMARY:Packaging: wheels\, sdists\; and" in payload
    description = str(only_event(icalendar.Calendar.from_ical(payload))["description"])
    assert len(description) <= QR_DESCRIPTION_LIMIT
    assert description.startswith("Host: José Núñez (@jose). Bring wheels, sdists; and opinions.")
    assert description.endswith("…")
    assert "\n" not in description


def test_qr_payload_stamp_falls_back_to_created_then_start(event: Event, make_card: CardFactory) -> None:
    created = make_card("created")
    assert "DTSTAMP:20230420T153000Z" in card_vevent_payload(event, created)
    bare = Card(created.id, "150d", created.starts_at, created.ends_at, "Bare", "Ann")
    assert "DTSTAMP:20230421T170000Z" in card_vevent_payload(event, bare)


def test_full_calendar(event: Event, cards: list[Card]) -> None:
    calendar = icalendar.Calendar.from_ical(calendar_ics(event, cards))
    assert str(calendar["x-wr-calname"]) == "PyCon US 2023 Open Spaces"
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["tzid"]) for tz in timezones] == ["America/Denver"]
    assert calendar.subcomponents[0].name == "VTIMEZONE"
    events = calendar.walk("VEVENT")
    assert len(events) == len(cards)
    by_uid = {str(e["uid"]): e for e in events}
    vevent = by_uid[f"{cards[0].id}@pycon-us-2023"]
    assert vevent["dtstart"].params["TZID"] == "America/Denver"
    start = vevent.decoded("dtstart")
    assert (start.hour, start.utcoffset().total_seconds()) == (11, -6 * 3600)
    assert start == cards[0].starts_at
    assert vevent.decoded("dtend") == cards[0].ends_at
    assert TRICKY_DESCRIPTION.strip() in str(vevent["description"])
    assert session_url(event, cards[0]) in str(vevent["description"])
    assert vevent["sequence"] == 2
    # RFC 5545 escapes a comma inside one category; icalendar 6.3's parser splits on it anyway, so check the text.
    unfolded = calendar_ics(event, cards).replace(b"\r\n ", b"").decode()
    assert "CATEGORIES:Web\\, APIs\r\n" in unfolded
    assert "CATEGORIES:Community,Web\\, APIs\r\n" in unfolded
    emoji = by_uid[f"{cards[3].id}@pycon-us-2023"]
    assert str(emoji["summary"]) == "Zoë's 🐍 emoji meet-up 🎉"


def test_full_calendar_lines_are_folded_and_crlf(event: Event, cards: list[Card]) -> None:
    data = calendar_ics(event, cards)
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_card_ics_holds_one_session(event: Event, cards: list[Card]) -> None:
    calendar = icalendar.Calendar.from_ical(card_ics(event, cards[2]))
    assert calendar.walk("VTIMEZONE")
    vevent = only_event(calendar)
    assert str(vevent["summary"]) == "<script>alert(1)</script>"
    assert str(calendar["x-wr-calname"]) == "<script>alert(1)</script>"


def test_calendar_for_a_utc_event_needs_no_timezone(cards: list[Card]) -> None:
    calendar = icalendar.Calendar.from_ical(calendar_ics(make_event(timezone="UTC"), cards))
    assert not calendar.walk("VTIMEZONE")
    assert len(calendar.walk("VEVENT")) == len(cards)
