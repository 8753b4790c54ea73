"""schedule.json, the frab/pretalx flavour of the conference schedule, valid against the c3voc JSON schema."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from kiosk.domain import Card, Event
from kiosk.share.links import mention
from kiosk.share.schedule import (
    GENERATOR,
    SESSION_TYPE,
    Day,
    Person,
    Session,
    acronym,
    colour,
    duration,
    http_url,
    room_guid,
    room_slugs,
    schedule_days,
    time_zone_name,
    track_slug,
    version,
)

JSON_SCHEMA_ID = "https://c3voc.de/schedule/schema.json"


def _person(person: Person) -> dict[str, Any]:
    """A host the way pretalx writes one: `name`, plus the deprecated `public_name` older readers (pyfahrplan) use.

    No numeric `id`: the schema's persons are oneOf frab (`id` + `public_name`) or pretalx (`name`), so an entry
    with `id`, `name` and `public_name` would match both and fail. pretalx leaves `id` out for the same reason; the
    `guid` identifies the person, and schedule.xml keeps the numeric id.
    """
    entry: dict[str, Any] = {"guid": str(person.guid), "name": person.name, "public_name": person.name}
    if person.url:
        entry["url"] = person.url
    return entry


def _event(event: Event, session: Session) -> dict[str, Any]:
    card = session.card
    start = event.local(card.starts_at)
    person_url = session.person.url
    return {
        "guid": str(card.id),
        "id": session.number,
        "date": start.isoformat(),
        "start": start.strftime("%H:%M"),
        "end": event.local(card.ends_at).isoformat(),
        "duration": duration(card.ends_at - card.starts_at),
        "room": session.room,
        "slug": session.slug,
        "url": session.url,
        "title": card.topic,
        "subtitle": "",
        "track": session.track,
        "type": SESSION_TYPE,
        "language": event.language,
        "abstract": card.description,
        "description": "",
        "do_not_record": True,
        "persons": [_person(session.person)],
        "links": [{"url": person_url, "title": mention(card.handle), "type": "web"}] if person_url else [],
    }


def _rooms(event: Event, days: Sequence[Day]) -> list[dict[str, Any]]:
    notes = {room.key: room.note for room in event.rooms}
    slugs = room_slugs([*(room.key for room in event.rooms), *(room.key for day in days for room in day.rooms)])
    rooms: dict[str, dict[str, Any]] = {}
    for day in days:
        for room in day.rooms:
            entry: dict[str, Any] = {"name": room.name, "guid": str(room_guid(event, room.key))}
            entry["slug"] = slugs[room.key]
            if notes.get(room.key):
                entry["description"] = notes[room.key]
            rooms.setdefault(room.key, entry)
    return list(rooms.values())


def _day_rooms(event: Event, day: Day) -> dict[str, list[dict[str, Any]]]:
    rooms: dict[str, list[dict[str, Any]]] = {}
    for room in day.rooms:
        rooms.setdefault(room.name, []).extend(_event(event, s) for s in room.sessions)
    return rooms


def _conference(event: Event, days: Sequence[Day]) -> dict[str, Any]:
    conference: dict[str, Any] = {
        "acronym": acronym(event),
        "title": f"{event.name} Open Spaces",
        "start": days[0].date.isoformat() if days else "",
        "end": days[-1].date.isoformat() if days else "",
        "daysCount": len(days),
        "timeslot_duration": duration(event.slot_length),
    }
    if zone := time_zone_name(event):
        conference["time_zone_name"] = zone
    if base := http_url(event.base_url):
        conference["url"] = base.rstrip("/") + "/"
    conference["tracks"] = [
        {"name": tag.label}
        | ({"slug": slug} if (slug := track_slug(tag)) else {})
        | ({"color": hex_colour} if (hex_colour := colour(tag)) else {})
        for tag in event.tags
    ]
    conference["rooms"] = _rooms(event, days)
    conference["days"] = [
        {
            "index": day.index,
            "date": day.date.isoformat(),
            "day_start": day.start.isoformat(),
            "day_end": day.end.isoformat(),
            # Keyed by display name, as frab does; rooms sharing a name share a list.
            "rooms": _day_rooms(event, day),
        }
        for day in days
    ]
    return conference


def schedule_json(event: Event, cards: Iterable[Card]) -> bytes:
    """schedule.json (frab/pretalx flavour), valid against the c3voc JSON schema."""
    card_list = list(cards)
    days = schedule_days(event, card_list)
    schedule: dict[str, Any] = {"version": version(card_list)}
    if base := http_url(event.base_url):
        schedule["base_url"] = base.rstrip("/") + "/"
    schedule["conference"] = _conference(event, days)
    document = {"$schema": JSON_SCHEMA_ID, "generator": {"name": GENERATOR}, "schedule": schedule}
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
