"""The frab/pretalx conference schedule (schedule.xml and schedule.json) that Giggity, EventFahrplan and ConfClerk read.

Both follow the c3voc schemas; identifiers are derived from the cards' UUIDs so they stay put between exports.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from kiosk.domain import Card, Event, Tag
from kiosk.share.links import handle_url, mention, session_url
from kiosk.share.text import room_name, slugify, tag_labels

GENERATOR = "open-spaces-kiosk"
SESSION_TYPE = "Open Space"
LANGUAGE = "en"
JSON_SCHEMA_ID = "https://c3voc.de/schedule/schema.json"

# frab's legacy numeric ids: below 2**31 because older apps store them in 32-bit ints.
_ID_SPACE = 10**9
# The schedule.json schema's own pattern; zone names outside it are left out rather than failing validation.
_TIME_ZONE_NAME = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")
_TRACK_SLUG = re.compile(r"[a-z][a-z0-9-]+")
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# Characters XML 1.0 forbids even when escaped; a stray one would make the whole file unreadable.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class _Person:
    id: int
    guid: uuid.UUID
    name: str
    url: str | None


@dataclass(frozen=True, slots=True)
class _Session:
    card: Card
    number: int
    room_key: str
    room: str
    slug: str
    url: str
    track: str | None
    person: _Person


@dataclass(frozen=True, slots=True)
class _DayRoom:
    key: str
    name: str
    sessions: tuple[_Session, ...]


@dataclass(frozen=True, slots=True)
class _Day:
    index: int
    date: date
    start: datetime
    end: datetime
    rooms: tuple[_DayRoom, ...]


def acronym(event: Event) -> str:
    """The event slug in the shape both schemas accept: `[a-z0-9_]`, at least four characters (`pycon_us_2023`)."""
    name = slugify(event.slug, fallback="", max_length=64).replace("-", "_")
    return name if len(name) >= 4 else f"{name}_open_spaces".lstrip("_")


def _event_numbers(cards: Sequence[Card]) -> dict[uuid.UUID, int]:
    """Stable positive ids from the UUIDs; the rare collision is settled deterministically by UUID order."""
    numbers: dict[uuid.UUID, int] = {}
    taken: set[int] = set()
    for card in sorted(cards, key=lambda c: c.id.int):
        number = card.id.int % _ID_SPACE + 1
        while number in taken:
            number = number % _ID_SPACE + 1
        taken.add(number)
        numbers[card.id] = number
    return numbers


def _person(event: Event, card: Card) -> _Person:
    """The host; the same name and handle give the same person in every export."""
    key = f"{' '.join(card.host_name.split()).casefold()}|{mention(card.handle).casefold()}"
    guid = uuid.uuid5(uuid.NAMESPACE_URL, f"open-spaces:{event.slug}:host:{key}")
    return _Person(guid.int % _ID_SPACE + 1, guid, card.host_name, handle_url(card.handle))


def room_guid(event: Event, room_key: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"open-spaces:{event.slug}:room:{room_key}")


def _sessions(event: Event, cards: Sequence[Card]) -> list[_Session]:
    numbers = _event_numbers(cards)
    prefix = acronym(event)
    sessions = []
    for card in sorted(cards, key=lambda c: (c.starts_at, c.room_key, str(c.id))):
        labels = tag_labels(event, card)
        number = numbers[card.id]
        sessions.append(
            _Session(
                card=card,
                number=number,
                room_key=card.room_key,
                room=room_name(event, card.room_key),
                slug=f"{prefix}-{number}-{slugify(card.topic)}",
                url=session_url(event, card),
                track=labels[0] if labels else None,
                person=_person(event, card),
            )
        )
    return sessions


def _days(event: Event, sessions: Sequence[_Session]) -> list[_Day]:
    """Conference days (plus any day a stray card sits on), each with every room in config order."""
    by_day: dict[date, list[_Session]] = {day: [] for day in event.days}
    for session in sessions:
        by_day.setdefault(event.local(session.card.starts_at).date(), []).append(session)
    days = []
    for index, day in enumerate(sorted(by_day), start=1):
        day_sessions = by_day[day]
        start = min([event.at(day, event.first_slot), *(s.card.starts_at for s in day_sessions)])
        end = max([event.at(day, event.last_slot_end), *(s.card.ends_at for s in day_sessions)])
        names = {room.key: room.name for room in event.rooms}
        names |= {s.room_key: s.room for s in day_sessions if s.room_key not in names}
        rooms = tuple(
            _DayRoom(key, name, tuple(s for s in day_sessions if s.room_key == key)) for key, name in names.items()
        )
        days.append(_Day(index, day, event.local(start), event.local(end), rooms))
    return days


def _duration(delta: timedelta) -> str:
    minutes = max(int(delta.total_seconds()) // 60, 0)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _version(cards: Iterable[Card]) -> str:
    """Changes whenever any card does, so apps know to reload; identical for identical boards."""
    digest = hashlib.sha256()
    for card in sorted(cards, key=lambda c: c.id.int):
        digest.update(f"{card.id}:{card.version}:{card.updated_at}\n".encode())
    return digest.hexdigest()[:12]


def _http(url: str) -> str | None:
    return url if url.startswith(("https://", "http://")) else None


def _track_slug(tag: Tag) -> str | None:
    slug = slugify(tag.key, fallback="")
    return slug if _TRACK_SLUG.fullmatch(slug) and slug[-1].isalnum() else None


def _time_zone_name(event: Event) -> str | None:
    return event.timezone if _TIME_ZONE_NAME.search(event.timezone) else None


# --- schedule.xml ---------------------------------------------------------------------------------------------


def _xml_text(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _xml_text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = _xml_text(text)
    return element


def _xml_conference(event: Event, days: Sequence[_Day], parent: ET.Element) -> None:
    conference = _sub(parent, "conference")
    _sub(conference, "title", f"{event.name} Open Spaces")
    _sub(conference, "acronym", acronym(event))
    if days:
        _sub(conference, "start", days[0].date.isoformat())
        _sub(conference, "end", days[-1].date.isoformat())
    _sub(conference, "days", str(len(days)))
    _sub(conference, "timeslot_duration", _duration(event.slot_length))
    if base := _http(event.base_url):
        _sub(conference, "base_url", base.rstrip("/") + "/")
    if zone := _time_zone_name(event):
        _sub(conference, "time_zone_name", zone)
    for tag in event.tags:
        attributes = {"name": tag.label}
        if _HEX_COLOUR.fullmatch(tag.colour):
            attributes["color"] = tag.colour.lower()
        if slug := _track_slug(tag):
            attributes["slug"] = slug
        _sub(conference, "track", tag.label, **attributes)


def _xml_event(parent: ET.Element, event: Event, session: _Session) -> None:
    card = session.card
    element = _sub(parent, "event", id=str(session.number), guid=str(card.id))
    _sub(element, "date", event.local(card.starts_at).isoformat())
    _sub(element, "start", event.local(card.starts_at).strftime("%H:%M"))
    _sub(element, "duration", _duration(card.ends_at - card.starts_at))
    _sub(element, "room", session.room)
    _sub(element, "slug", session.slug)
    if url := _http(session.url):
        _sub(element, "url", url)
    _sub(element, "title", card.topic)
    _sub(element, "subtitle", "")
    _sub(element, "track", session.track or "")
    _sub(element, "type", SESSION_TYPE)
    _sub(element, "language", LANGUAGE)
    _sub(element, "abstract", card.description)
    # Open Spaces are conversations, not talks: tell video teams not to record them.
    recording = _sub(element, "recording")
    _sub(recording, "license", "")
    _sub(recording, "optout", "true")
    persons = _sub(element, "persons")
    person = session.person
    _sub(persons, "person", person.name, id=str(person.id), guid=str(person.guid))
    links = _sub(element, "links")
    if person.url:
        _sub(links, "link", mention(card.handle), href=person.url)


def schedule_xml(event: Event, cards: Iterable[Card]) -> bytes:
    """schedule.xml (frab flavour), valid against the c3voc XSD."""
    card_list = list(cards)
    days = _days(event, _sessions(event, card_list))
    root = ET.Element("schedule")
    _sub(root, "generator", name=GENERATOR)
    if base := _http(event.base_url):
        _sub(root, "url", base.rstrip("/") + "/schedule.xml")
    _sub(root, "version", _version(card_list))
    _xml_conference(event, days, root)
    for day in days:
        day_element = _sub(
            root,
            "day",
            index=str(day.index),
            date=day.date.isoformat(),
            start=day.start.isoformat(),
            end=day.end.isoformat(),
        )
        for room in day.rooms:
            room_element = _sub(day_element, "room", name=room.name, guid=str(room_guid(event, room.key)))
            for session in room.sessions:
                _xml_event(room_element, event, session)
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


# --- schedule.json --------------------------------------------------------------------------------------------


def _json_person(person: _Person) -> dict[str, Any]:
    # `name` without `public_name` keeps the entry matching exactly one of the schema's person shapes (pretalx).
    entry: dict[str, Any] = {"id": person.id, "guid": str(person.guid), "name": person.name}
    if person.url:
        entry["url"] = person.url
    return entry


def _json_event(event: Event, session: _Session) -> dict[str, Any]:
    card = session.card
    start = event.local(card.starts_at)
    person_url = session.person.url
    return {
        "guid": str(card.id),
        "id": session.number,
        "date": start.isoformat(),
        "start": start.strftime("%H:%M"),
        "end": event.local(card.ends_at).isoformat(),
        "duration": _duration(card.ends_at - card.starts_at),
        "room": session.room,
        "slug": session.slug,
        "url": session.url,
        "title": card.topic,
        "subtitle": "",
        "track": session.track,
        "type": SESSION_TYPE,
        "language": LANGUAGE,
        "abstract": card.description,
        "description": "",
        "do_not_record": True,
        "persons": [_json_person(session.person)],
        "links": [{"url": person_url, "title": mention(card.handle), "type": "web"}] if person_url else [],
    }


def _json_rooms(event: Event, days: Sequence[_Day]) -> list[dict[str, Any]]:
    notes = {room.key: room.note for room in event.rooms}
    rooms: dict[str, dict[str, Any]] = {}
    for day in days:
        for room in day.rooms:
            entry: dict[str, Any] = {"name": room.name, "guid": str(room_guid(event, room.key))}
            entry["slug"] = slugify(room.key, fallback="room")
            if notes.get(room.key):
                entry["description"] = notes[room.key]
            rooms.setdefault(room.key, entry)
    return list(rooms.values())


def _json_day_rooms(event: Event, day: _Day) -> dict[str, list[dict[str, Any]]]:
    rooms: dict[str, list[dict[str, Any]]] = {}
    for room in day.rooms:
        rooms.setdefault(room.name, []).extend(_json_event(event, s) for s in room.sessions)
    return rooms


def _json_conference(event: Event, days: Sequence[_Day]) -> dict[str, Any]:
    conference: dict[str, Any] = {
        "acronym": acronym(event),
        "title": f"{event.name} Open Spaces",
        "start": days[0].date.isoformat() if days else "",
        "end": days[-1].date.isoformat() if days else "",
        "daysCount": len(days),
        "timeslot_duration": _duration(event.slot_length),
    }
    if zone := _time_zone_name(event):
        conference["time_zone_name"] = zone
    if base := _http(event.base_url):
        conference["url"] = base.rstrip("/") + "/"
    conference["tracks"] = [
        {"name": tag.label}
        | ({"slug": slug} if (slug := _track_slug(tag)) else {})
        | ({"color": tag.colour.lower()} if _HEX_COLOUR.fullmatch(tag.colour) else {})
        for tag in event.tags
    ]
    conference["rooms"] = _json_rooms(event, days)
    conference["days"] = [
        {
            "index": day.index,
            "date": day.date.isoformat(),
            "day_start": day.start.isoformat(),
            "day_end": day.end.isoformat(),
            # Keyed by display name, as frab does; rooms sharing a name share a list.
            "rooms": _json_day_rooms(event, day),
        }
        for day in days
    ]
    return conference


def schedule_json(event: Event, cards: Iterable[Card]) -> bytes:
    """schedule.json (frab/pretalx flavour), valid against the c3voc JSON schema."""
    card_list = list(cards)
    days = _days(event, _sessions(event, card_list))
    schedule: dict[str, Any] = {"version": _version(card_list)}
    if base := _http(event.base_url):
        schedule["base_url"] = base.rstrip("/") + "/"
    schedule["conference"] = _json_conference(event, days)
    document = {"$schema": JSON_SCHEMA_ID, "generator": {"name": GENERATOR}, "schedule": schedule}
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
