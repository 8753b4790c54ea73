"""schedule.xml, the conference schedule as frab writes it (Pentabarf → frab → pretalx), valid against the c3voc XSD."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence

from kiosk.domain import Card, Event
from kiosk.share.links import mention
from kiosk.share.schedule import (
    GENERATOR,
    SESSION_TYPE,
    Day,
    Session,
    acronym,
    colour,
    duration,
    http_url,
    room_guid,
    schedule_days,
    time_zone_name,
    track_slug,
    version,
)

# Characters XML 1.0 forbids even when escaped; a stray one would make the whole file unreadable.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _xml_text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = _xml_text(text)
    return element


def _conference(event: Event, days: Sequence[Day], parent: ET.Element) -> None:
    conference = _sub(parent, "conference")
    _sub(conference, "title", f"{event.name} Open Spaces")
    _sub(conference, "acronym", acronym(event))
    if days:
        _sub(conference, "start", days[0].date.isoformat())
        _sub(conference, "end", days[-1].date.isoformat())
    _sub(conference, "days", str(len(days)))
    _sub(conference, "timeslot_duration", duration(event.slot_length))
    if base := http_url(event.base_url):
        _sub(conference, "base_url", base.rstrip("/") + "/")
    if zone := time_zone_name(event):
        _sub(conference, "time_zone_name", zone)
    for tag in event.tags:
        attributes = {"name": tag.label}
        if hex_colour := colour(tag):
            attributes["color"] = hex_colour
        if slug := track_slug(tag):
            attributes["slug"] = slug
        _sub(conference, "track", tag.label, **attributes)


def _event(parent: ET.Element, event: Event, session: Session) -> None:
    card = session.card
    element = _sub(parent, "event", id=str(session.number), guid=str(card.id))
    _sub(element, "date", event.local(card.starts_at).isoformat())
    _sub(element, "start", event.local(card.starts_at).strftime("%H:%M"))
    _sub(element, "duration", duration(card.ends_at - card.starts_at))
    _sub(element, "room", session.room)
    _sub(element, "slug", session.slug)
    if url := http_url(session.url):
        _sub(element, "url", url)
    _sub(element, "title", card.topic)
    _sub(element, "subtitle", "")
    _sub(element, "track", session.track or "")
    _sub(element, "type", SESSION_TYPE)
    _sub(element, "language", event.language)
    _sub(element, "abstract", card.description)
    # Open Spaces are conversations, not talks: tell video teams not to record them.
    recording = _sub(element, "recording")
    _sub(recording, "license", "")
    _sub(recording, "optout", "true")
    persons = _sub(element, "persons")
    person = session.person
    # The XSD allows only `id` and `guid` on a person, with the name as its text: readers of the XML have always
    # taken the name from there, so the JSON's `public_name` has no counterpart here.
    _sub(persons, "person", person.name, id=str(person.id), guid=str(person.guid))
    links = _sub(element, "links")
    if person.url:
        _sub(links, "link", mention(card.handle), href=person.url)


def schedule_xml(event: Event, cards: Iterable[Card]) -> bytes:
    """schedule.xml (frab flavour), valid against the c3voc XSD."""
    card_list = list(cards)
    days = schedule_days(event, card_list)
    root = ET.Element("schedule")
    _sub(root, "generator", name=GENERATOR)
    if base := http_url(event.base_url):
        _sub(root, "url", base.rstrip("/") + "/schedule.xml")
    _sub(root, "version", version(card_list))
    _conference(event, days, root)
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
                _event(room_element, event, session)
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"
