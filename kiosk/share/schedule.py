"""The conference schedule that schedule.xml and schedule.json both describe: days, rooms, sessions and hosts.

The two formats (frab/pretalx, read by Giggity, EventFahrplan, ConfClerk and pyfahrplan) live in `schedule_xml` and
`schedule_json`; what they share is here, so the numbers, slugs and identifiers agree between them. Identifiers are
derived from the cards' UUIDs so they stay put between exports.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kiosk.domain import Card, Event, Tag
from kiosk.share.links import handle_url, mention, session_url
from kiosk.share.text import room_name, slugify, tag_labels

GENERATOR = "open-spaces-kiosk"
SESSION_TYPE = "Open Space"

# frab's legacy numeric ids: below 2**31 because older apps store them in 32-bit ints.
_ID_SPACE = 10**9
# The schedule.json schema's own pattern; zone names outside it are left out rather than failing validation.
_TIME_ZONE_NAME = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")
_TRACK_SLUG = re.compile(r"[a-z][a-z0-9-]+")
_ROOM_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*[a-z0-9]")
_ROOM_SLUG_MAX = 48
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True, slots=True)
class Person:
    """A session's host; the same name and handle give the same person in every export."""

    id: int
    guid: uuid.UUID
    name: str
    url: str | None


@dataclass(frozen=True, slots=True)
class Session:
    """A card as a schedule entry: its frab number, display room, slug, link, track and host."""

    card: Card
    number: int
    room_key: str
    room: str
    slug: str
    url: str
    track: str | None
    person: Person


@dataclass(frozen=True, slots=True)
class DayRoom:
    key: str
    name: str
    sessions: tuple[Session, ...]


@dataclass(frozen=True, slots=True)
class Day:
    """A conference day: its 1-based index, local start and end, and every room with its sessions."""

    index: int
    date: date
    start: datetime
    end: datetime
    rooms: tuple[DayRoom, ...]


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


def _person(event: Event, card: Card) -> Person:
    key = f"{' '.join(card.host_name.split()).casefold()}|{mention(card.handle).casefold()}"
    guid = uuid.uuid5(uuid.NAMESPACE_URL, f"open-spaces:{event.slug}:host:{key}")
    return Person(guid.int % _ID_SPACE + 1, guid, card.host_name, handle_url(card.handle))


def room_slugs(keys: Iterable[str]) -> dict[str, str]:
    """A slug for each room key in the shape the schedule.json schema wants (`[a-z0-9_-]+[a-z0-9]`: two characters
    at least), different for every room. A key that already has that shape is its own slug, and keeps it whatever
    the other keys are; a one-character key such as "a" becomes "room-a", a key with other characters its slugify.
    """
    keys = list(dict.fromkeys(keys))
    natural = {key for key in keys if _ROOM_SLUG.fullmatch(key)}
    slugs = {key: key for key in keys if key in natural}
    taken = set(slugs.values())
    for key in keys:
        if key in natural:
            continue
        base = slugify(key, fallback="", max_length=_ROOM_SLUG_MAX)
        base = base if len(base) >= 2 else f"room-{base}".rstrip("-")
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        slugs[key] = slug
        taken.add(slug)
    return slugs


def room_guid(event: Event, room_key: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"open-spaces:{event.slug}:room:{room_key}")


def _sessions(event: Event, cards: Sequence[Card]) -> list[Session]:
    numbers = _event_numbers(cards)
    prefix = acronym(event)
    sessions = []
    for card in sorted(cards, key=lambda c: (c.starts_at, c.room_key, str(c.id))):
        labels = tag_labels(event, card)
        number = numbers[card.id]
        sessions.append(
            Session(
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


def _days(event: Event, sessions: Sequence[Session]) -> list[Day]:
    """Conference days (plus any day a stray card sits on), each with every room in config order."""
    by_day: dict[date, list[Session]] = {day: [] for day in event.days}
    for session in sessions:
        by_day.setdefault(event.local(session.card.starts_at).date(), []).append(session)
    days = []
    for index, day in enumerate(sorted(by_day), start=1):
        day_sessions = by_day[day]
        start = min([event.at(day, event.first_slot), *(s.card.starts_at for s in day_sessions)])
        end = max([event.closes(day), *(s.card.ends_at for s in day_sessions)])
        names = {room.key: room.name for room in event.rooms}
        names |= {s.room_key: s.room for s in day_sessions if s.room_key not in names}
        rooms = tuple(
            DayRoom(key, name, tuple(s for s in day_sessions if s.room_key == key)) for key, name in names.items()
        )
        days.append(Day(index, day, event.local(start), event.local(end), rooms))
    return days


def duration(delta: timedelta) -> str:
    minutes = max(int(delta.total_seconds()) // 60, 0)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def version(cards: Iterable[Card]) -> str:
    """Changes whenever any card does, so apps know to reload; identical for identical boards."""
    digest = hashlib.sha256()
    for card in sorted(cards, key=lambda c: c.id.int):
        digest.update(f"{card.id}:{card.version}:{card.updated_at}\n".encode())
    return digest.hexdigest()[:12]


def http_url(url: str) -> str | None:
    return url if url.startswith(("https://", "http://")) else None


def track_slug(tag: Tag) -> str | None:
    slug = slugify(tag.key, fallback="")
    return slug if _TRACK_SLUG.fullmatch(slug) and slug[-1].isalnum() else None


def time_zone_name(event: Event) -> str | None:
    return event.timezone if _TIME_ZONE_NAME.search(event.timezone) else None


def colour(tag: Tag) -> str | None:
    """The tag's colour the way both schemas want it (`#rrggbb`, lower case); None if the config's is not one."""
    return tag.colour.lower() if _HEX_COLOUR.fullmatch(tag.colour) else None


def schedule_days(event: Event, cards: Sequence[Card]) -> list[Day]:
    """The whole schedule: every conference day with every room and its sessions, in time order."""
    return _days(event, _sessions(event, cards))
