"""The event's sections of a config: [event], [links], [limits], [[rooms]], [[tags]] and [[blocks]]."""

from __future__ import annotations

import dataclasses
import difflib
import re
import uuid
from collections.abc import Collection
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, available_timezones

from kiosk.config_toml import Table, suggest
from kiosk.domain.model import Block, Event, Limits, Room, Tag
from kiosk.domain.templates import (
    DEFAULT_SESSION_URL,
    DEFAULT_SHARE_URL,
    SESSION_URL_FIELDS,
    SHARE_URL_FIELDS,
    fill_template,
    has_stray_braces,
    template_fields,
)

# The session template is trial-filled with these at load time, to check it gives a web address a phone will open.
_SESSION_URL_SAMPLE = {
    "base_url": "https://example.org",
    "day": "2023-04-21",
    "room": "150d",
    "start": "1000",
    "id": "00000000-0000-0000-0000-000000000000",
    "slug": "topic",
}

# Upper bounds for whole numbers. Qt timers take milliseconds in a 32-bit int (about 24.8 days), so a larger
# idle time would crash the window; nobody needs more than a day, or more than a million of anything per minute.
MAX_SECONDS = 86_400
MAX_COUNT = 1_000_000
_MAX_SLOT_MINUTES = 24 * 60

_EVENT_KEYS = ("name", "slug", "timezone", "days", "first_slot", "last_slot_end", "slot_minutes", "hashtag")
_LINK_KEYS = ("base_url", "session_url", "share_url")
_ROOM_KEYS = ("key", "name", "note")
_BLOCK_KEYS = ("room", "day", "start", "end", "reason")
_TAG_KEYS = ("key", "label", "colour")

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Keys end up in objectNames ("slot-150d-1000") and URLs, hence the narrow alphabet.
_KEY = re.compile(r"[a-z0-9][a-z0-9-]*")
_ROOM_KEY_MAX = 12
_TAG_KEY_MAX = 24
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_WEB_ADDRESS = re.compile(r"https?://[^/\s]+\S*")


def _minutes(clock_time: time) -> int:
    return clock_time.hour * 60 + clock_time.minute


def read_event(root: Table) -> Event:
    section = root.table("event")
    section.reject_unknown(_EVENT_KEYS)
    name = section.text("name")
    slug = _slug(section)
    timezone = _timezone(section)
    days = _days(section)
    first_slot, last_slot_end, slot_minutes = _hours(section)
    _no_clock_change(section, ZoneInfo(timezone), days, first_slot, last_slot_end, slot_minutes)
    hashtag = _hashtag(section)
    base_url, session_url, share_url = _links(root.table("links"))
    event = Event(
        name=name,
        slug=slug,
        timezone=timezone,
        days=days,
        first_slot=first_slot,
        last_slot_end=last_slot_end,
        slot_minutes=slot_minutes,
        rooms=_rooms(root),
        blocks=(),
        hashtag=hashtag,
        base_url=base_url,
        session_url_template=session_url,
        share_url_template=share_url,
        tags=_tags(root),
        limits=_limits(root.table("limits")),
    )
    # Blocks are converted with the event's own Event.at so config and board agree on every instant.
    return dataclasses.replace(event, blocks=_blocks(root, event))


def _no_clock_change(
    section: Table, zone: ZoneInfo, days: tuple[date, ...], first: time, last: time, slot_minutes: int
) -> None:
    """Refuse a grid that crosses a daylight-saving change: on such a day one hour's row would not exist (or
    exist twice), and two rows would show one instant."""
    for n, day in enumerate(days):
        offsets = set()
        minute = _minutes(first)
        while minute <= _minutes(last):
            moment = datetime.combine(day, time(minute // 60 % 24, minute % 60), tzinfo=zone)
            early, late = moment.replace(fold=0).utcoffset(), moment.replace(fold=1).utcoffset()
            if early != late:
                # A local time that exists twice (fold 0 and 1 differ in offset) or not at all (the round trip
                # through UTC lands elsewhere).
                missing = moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != moment.replace(tzinfo=None)
                what = "does not exist" if missing else "happens twice"
                raise section.error(
                    f"days[{n}]",
                    f"on {day} the clocks change in {zone.key}: {moment:%H:%M} {what} that day; the board's hours"
                    " cannot cross a clock change (move first_slot or last_slot_end, or leave the day out)",
                )
            offsets.add(early)
            minute += slot_minutes
        if len(offsets) > 1:
            raise section.error(
                f"days[{n}]",
                f"on {day} the clocks change in {zone.key} between {first:%H:%M} and {last:%H:%M}; the board's"
                " hours cannot cross a clock change (move first_slot or last_slot_end, or leave the day out)",
            )


def _slug(section: Table) -> str:
    slug = section.text("slug")
    if not _SLUG.fullmatch(slug):
        raise section.error("slug", f'"{slug}" must be lower-case letters, digits and dashes, like "pycon-us-2023"')
    return slug


def _timezone(section: Table) -> str:
    name = section.text("timezone")
    try:
        ZoneInfo(name)
    # ZoneInfoNotFoundError is a KeyError; malformed names raise ValueError, directory names ("America") OSError.
    except (KeyError, ValueError, OSError):
        close = difflib.get_close_matches(name, sorted(available_timezones()), n=1)
        advice = f'did you mean "{close[0]}"?' if close else 'use an IANA name like "America/Denver"'
        raise section.error("timezone", f'unknown time zone "{name}" ({advice})') from None
    return name


def _days(section: Table) -> tuple[date, ...]:
    items = section.get("days", list, "a list of dates like [2023-04-21, 2023-04-22]")
    if not items:
        raise section.error("days", "must list at least one day")
    days: list[date] = []
    for n, item in enumerate(items, start=1):
        day = section.check(f"days[{n}]", item, date, "a date like 2023-04-21")
        if day in days:
            raise section.error(f"days[{n}]", f"{day} is listed twice")
        if days and day < days[-1]:
            raise section.error(f"days[{n}]", f"{day} comes after {days[-1]}; list the days in order")
        days.append(day)
    return tuple(days)


def _hours(section: Table) -> tuple[time, time, int]:
    first_slot = section.clock("first_slot")
    last_slot_end = section.clock("last_slot_end")
    if last_slot_end <= first_slot:
        raise section.error("last_slot_end", f"must be later than first_slot ({first_slot:%H:%M})")
    slot_minutes = section.integer("slot_minutes", 60, maximum=_MAX_SLOT_MINUTES)
    span = _minutes(last_slot_end) - _minutes(first_slot)
    if span % slot_minutes:
        raise section.error(
            "slot_minutes",
            f"{slot_minutes}-minute slots do not fit evenly between {first_slot:%H:%M} and {last_slot_end:%H:%M}"
            f" ({span} minutes)",
        )
    return first_slot, last_slot_end, slot_minutes


def _hashtag(section: Table) -> str:
    hashtag = section.text("hashtag")
    if not hashtag.startswith("#"):
        raise section.error("hashtag", f'"{hashtag}" must start with "#", like "#PyConOpenSpace"')
    if len(hashtag) < 2:
        raise section.error("hashtag", 'needs a word after the "#", like "#PyConOpenSpace"')
    if any(c.isspace() for c in hashtag):
        raise section.error("hashtag", f'"{hashtag}" must be one word, without spaces')
    return hashtag


def _links(section: Table) -> tuple[str, str, str]:
    section.reject_unknown(_LINK_KEYS)
    base_url = section.text("base_url")
    if not _WEB_ADDRESS.fullmatch(base_url):
        raise section.error("base_url", f'"{base_url}" must start with http:// or https://')
    base_url = base_url.removesuffix("/")
    session_url = _template(section, "session_url", DEFAULT_SESSION_URL, SESSION_URL_FIELDS)
    # The session link goes into a QR code; a phone only opens it if it is a web address.
    if not _WEB_ADDRESS.match(fill_template(session_url, {**_SESSION_URL_SAMPLE, "base_url": base_url})):
        raise section.error("session_url", "must give a web address: start it with {base_url} or https://")
    share_url = _template(section, "share_url", DEFAULT_SHARE_URL, SHARE_URL_FIELDS)
    # The share link goes into a QR code too: only a web address, never javascript:, data: or the like.
    sample = {"text": "Python on the Pico", "url": "https://example.org/s", "hashtag": "#PyConOpenSpace"}
    if not _WEB_ADDRESS.match(fill_template(share_url, sample)):
        raise section.error("share_url", "must give a web address: start it with https:// (or http://)")
    return base_url, session_url, share_url


def _template(section: Table, name: str, default: str, allowed: Collection[str]) -> str:
    """A link template checked with the same rules the links are filled by (kiosk.domain.templates), so nothing
    the check accepts ends up in a URL or QR code as literal braces."""
    template = section.text(name, default)
    placeholders = " ".join(f"{{{field}}}" for field in sorted(allowed))
    # Braces first: in "{{day}}" the inner "{day}" looks like a placeholder, but the mistake is the doubling.
    if has_stray_braces(template):
        raise section.error(
            name,
            f"use only {{name}} placeholders ({placeholders}), with no format codes;"
            " write a literal brace as %7B or %7D",
        )
    for field in sorted(template_fields(template)):
        if field not in allowed:
            close = difflib.get_close_matches(field, list(allowed), n=1)
            hint = f"did you mean {{{close[0]}}}? " if close else ""
            raise section.error(name, f"unknown placeholder {{{field}}} ({hint}the placeholders are {placeholders})")
    return template


def _key(table: Table, name: str, max_length: int) -> str:
    key = table.text(name)
    if not _KEY.fullmatch(key) or len(key) > max_length:
        raise table.error(
            name,
            f'"{key}" is not a valid key: use up to {max_length} lower-case letters, digits or dashes,'
            " starting with a letter or digit",
        )
    return key


def _claim(table: Table, name: str, key: str, owners: dict[str, str]) -> None:
    if key in owners:
        raise table.error(name, f'"{key}" is already used by {owners[key]}')
    owners[key] = table.where


def _rooms(root: Table) -> tuple[Room, ...]:
    tables = root.tables("rooms")
    if not tables:
        raise root.error("rooms", "at least one [[rooms]] table is required")
    rooms: list[Room] = []
    owners: dict[str, str] = {}
    for table in tables:
        table.reject_unknown(_ROOM_KEYS)
        key = _key(table, "key", _ROOM_KEY_MAX)
        _claim(table, "key", key, owners)
        rooms.append(Room(key=key, name=table.text("name"), note=table.text("note", "", allow_empty=True)))
    return tuple(rooms)


def _tags(root: Table) -> tuple[Tag, ...]:
    tags: list[Tag] = []
    owners: dict[str, str] = {}
    for table in root.tables("tags"):
        table.reject_unknown(_TAG_KEYS)
        key = _key(table, "key", _TAG_KEY_MAX)
        _claim(table, "key", key, owners)
        label = table.text("label")
        colour = table.text("colour")
        if not _COLOUR.fullmatch(colour):
            raise table.error("colour", f'"{colour}" is not a colour written #rrggbb, like "#e4572e"')
        tags.append(Tag(key=key, label=label, colour=colour.lower()))
    return tuple(tags)


def _limits(section: Table) -> Limits:
    defaults = Limits()
    names = [f.name for f in dataclasses.fields(Limits)]
    section.reject_unknown(names)
    # lock_seconds is a time like the kiosk's; the rest are counts.
    return Limits(
        **{
            name: section.integer(
                name, getattr(defaults, name), maximum=MAX_SECONDS if name.endswith("_seconds") else MAX_COUNT
            )
            for name in names
        }
    )


def _blocks(root: Table, event: Event) -> tuple[Block, ...]:
    room_keys = [room.key for room in event.rooms]
    blocks: list[Block] = []
    placed: dict[tuple[str, date], list[tuple[time, time, str]]] = {}
    for table in root.tables("blocks"):
        table.reject_unknown(_BLOCK_KEYS)
        room = table.text("room")
        if room not in room_keys:
            raise table.error("room", f'no room has the key "{room}" ({suggest(room, room_keys)})')
        day = table.day("day")
        if day not in event.days:
            listed = ", ".join(d.isoformat() for d in event.days)
            raise table.error("day", f"{day} is not one of the event's days ({listed})")
        start, end = table.clock("start"), table.clock("end")
        _check_block_hours(table, event, start, end)
        for other_start, other_end, other in placed.setdefault((room, day), []):
            if start < other_end and other_start < end:
                raise table.error(
                    "start", f"overlaps {other} ({other_start:%H:%M} to {other_end:%H:%M}, same room and day)"
                )
        placed[(room, day)].append((start, end, table.where))
        starts_at, ends_at = event.at(day, start), event.at(day, end)
        # A stable id, so loading the same file again after a restart doesn't add the block twice.
        block_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{event.slug}/block/{room}/{starts_at.isoformat()}")
        blocks.append(Block(room, starts_at, ends_at, table.text("reason"), id=block_id))
    return tuple(blocks)


def _check_block_hours(table: Table, event: Event, start: time, end: time) -> None:
    if end <= start:
        raise table.error("end", f"must be later than start ({start:%H:%M})")
    if start < event.first_slot:
        raise table.error("start", f"{start:%H:%M} is before the first slot ({event.first_slot:%H:%M})")
    if end > event.last_slot_end:
        raise table.error("end", f"{end:%H:%M} is after the last slot ends ({event.last_slot_end:%H:%M})")
