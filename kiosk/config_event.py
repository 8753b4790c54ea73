"""The event's sections of a config: [event], [links], [limits], [[rooms]], [[tags]] and [[blocks]]."""

from __future__ import annotations

import dataclasses
import difflib
import re
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from kiosk.config_toml import Problems, Table, suggest
from kiosk.config_zones import zone_advice
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
_DAY_MINUTES = 24 * 60
_MAX_SLOT_MINUTES = _DAY_MINUTES

_EVENT_KEYS = (
    "name",
    "slug",
    "timezone",
    "days",
    "first_slot",
    "last_slot_end",
    "slot_minutes",
    "hashtag",
    "language",
)
# A BCP 47 tag as people write them: a language, then optional script, region or variant ("de", "pt-BR", "zh-Hant").
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8})*")
_LINK_KEYS = ("base_url", "session_url", "share_url")
_ROOM_KEYS = ("key", "name", "note")
_BLOCK_KEYS = ("room", "day", "start", "end", "reason")
_TAG_KEYS = ("key", "label", "colour")

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Keys end up in objectNames ("slot-150d-1000"), URLs and the exports' slugs, hence the narrow alphabet: the
# shape of a slug, so a key is its own slug (the exports lengthen one-character keys, which their schema refuses).
_KEY = _SLUG
_ROOM_KEY_MAX = 12
_TAG_KEY_MAX = 24
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_WEB_ADDRESS = re.compile(r"https?://[^/\s]+\S*")


def _minutes(clock_time: time) -> int:
    return clock_time.hour * 60 + clock_time.minute


def _end_minutes(clock_time: time) -> int:
    """Minutes from the day's midnight to an end time: 1440 for "24:00", which Table.end_clock reads as 00:00."""
    return _minutes(clock_time) or _DAY_MINUTES


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True, slots=True)
class _Grid:
    """What the blocks are checked against; None where that part of the config has a mistake of its own, so a
    block is not blamed for it."""

    room_keys: tuple[str, ...] | None
    days: tuple[date, ...] | None
    hours: tuple[time, time, int] | None


def read_event(root: Table) -> Event:
    """The event, or a ConfigError naming every mistake found: each part of the file is checked on its own, and a
    part that depends on another (a block's hours on the grid) only against the parts that read cleanly."""
    problems = Problems()
    name: str | None = None
    slug: str | None = None
    timezone: str | None = None
    days: tuple[date, ...] | None = None
    hours: tuple[time, time, int] | None = None
    hashtag: str | None = None
    language: str | None = None
    section = problems.attempt(partial(root.table, "event"))
    if section is not None:
        problems.attempt(partial(section.reject_unknown, _EVENT_KEYS))
        name = problems.attempt(partial(section.text, "name"))
        slug = problems.attempt(partial(_slug, section))
        timezone = problems.attempt(partial(_timezone, section))
        days = problems.attempt(partial(_days, section))
        hours = problems.attempt(partial(_hours, section))
        if timezone is not None and days is not None and hours is not None:
            problems.attempt(partial(_no_clock_change, section, ZoneInfo(timezone), days, hours))
        hashtag = problems.attempt(partial(_hashtag, section))
        language = problems.attempt(partial(_language, section))
    links = problems.attempt(partial(_links, root))
    rooms = problems.attempt(partial(_rooms, root))
    tags = problems.attempt(partial(_tags, root))
    limits = problems.attempt(partial(_limits, root))
    event = None
    if (
        name is not None
        and slug is not None
        and timezone is not None
        and days is not None
        and hours is not None
        and hashtag is not None
        and language is not None
        and links is not None
        and rooms is not None
        and tags is not None
        and limits is not None
    ):
        base_url, session_url, share_url = links
        first_slot, last_slot_end, slot_minutes = hours
        event = Event(
            name=name,
            slug=slug,
            timezone=timezone,
            days=days,
            first_slot=first_slot,
            last_slot_end=last_slot_end,
            slot_minutes=slot_minutes,
            rooms=rooms,
            blocks=(),
            hashtag=hashtag,
            base_url=base_url,
            session_url_template=session_url,
            share_url_template=share_url,
            tags=tags,
            limits=limits,
            language=language,
        )
    grid = _Grid(None if rooms is None else tuple(room.key for room in rooms), days, hours)
    blocks = problems.attempt(partial(_blocks, root, grid, event))
    problems.raise_any()
    if event is None or blocks is None:
        raise AssertionError("every part of the event read cleanly, so it was built")
    return dataclasses.replace(event, blocks=blocks)


def _no_clock_change(section: Table, zone: ZoneInfo, days: tuple[date, ...], hours: tuple[time, time, int]) -> None:
    """Refuse a grid that crosses a daylight-saving change: on such a day one hour's row would not exist (or
    exist twice), and two rows would show one instant."""
    problems = Problems()
    for n, day in enumerate(days, start=1):
        problems.attempt(partial(_no_clock_change_on, section, f"days[{n}]", zone, day, hours))
    problems.raise_any()


def _no_clock_change_on(section: Table, key: str, zone: ZoneInfo, day: date, hours: tuple[time, time, int]) -> None:
    first, last, slot_minutes = hours
    offsets = set()
    minute = _minutes(first)
    while minute <= _end_minutes(last):
        moment = datetime.combine(
            day + timedelta(days=minute // _DAY_MINUTES), time(minute // 60 % 24, minute % 60), tzinfo=zone
        )
        early, late = moment.replace(fold=0).utcoffset(), moment.replace(fold=1).utcoffset()
        if early != late:
            # A local time that exists twice (fold 0 and 1 differ in offset) or not at all (the round trip
            # through UTC lands elsewhere).
            missing = moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != moment.replace(tzinfo=None)
            what = "does not exist" if missing else "happens twice"
            raise section.error(
                key,
                f"on {day} the clocks change in {zone.key}: {moment:%H:%M} {what} that day; the board's hours"
                " cannot cross a clock change (move first_slot or last_slot_end, or leave the day out)",
            )
        offsets.add(early)
        minute += slot_minutes
    if len(offsets) > 1:
        raise section.error(
            key,
            f"on {day} the clocks change in {zone.key} between {first:%H:%M} and {_hhmm(_end_minutes(last))};"
            " the board's hours cannot cross a clock change (move first_slot or last_slot_end, or leave the day out)",
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
        raise section.error("timezone", f'unknown time zone "{name}" ({zone_advice(name)})') from None
    return name


def _days(section: Table) -> tuple[date, ...]:
    items = section.get("days", list, "a list of dates like [2023-04-21, 2023-04-22]")
    if not items:
        raise section.error("days", "must list at least one day")
    problems = Problems()
    days: list[date] = []
    for n, item in enumerate(items, start=1):
        day = problems.attempt(partial(section.check, f"days[{n}]", item, date, "a date like 2023-04-21"))
        if day is None:
            continue
        if day in days:
            problems.note(section.error(f"days[{n}]", f"{day} is listed twice"))
        elif days and day < days[-1]:
            problems.note(section.error(f"days[{n}]", f"{day} comes after {days[-1]}; list the days in order"))
        days.append(day)
    problems.raise_any()
    return tuple(days)


def _hours(section: Table) -> tuple[time, time, int]:
    problems = Problems()
    first_slot = problems.attempt(partial(section.clock, "first_slot"))
    last_slot_end = problems.attempt(partial(section.end_clock, "last_slot_end"))
    slot_minutes = problems.attempt(partial(section.integer, "slot_minutes", 60, maximum=_MAX_SLOT_MINUTES))
    problems.raise_any()
    if first_slot is None or last_slot_end is None or slot_minutes is None:
        raise AssertionError("read cleanly")
    if _end_minutes(last_slot_end) <= _minutes(first_slot):
        raise section.error("last_slot_end", f"must be later than first_slot ({first_slot:%H:%M})")
    span = _end_minutes(last_slot_end) - _minutes(first_slot)
    if span % slot_minutes:
        # 23:59 is how a day that runs to midnight used to be written, before "24:00" was allowed.
        hint = (
            '; for a day that runs to midnight, write last_slot_end = "24:00"' if last_slot_end == time(23, 59) else ""
        )
        raise section.error(
            "slot_minutes",
            f"{slot_minutes}-minute slots do not fit evenly between {first_slot:%H:%M} and"
            f" {_hhmm(_end_minutes(last_slot_end))} ({span} minutes){hint}",
        )
    return first_slot, last_slot_end, slot_minutes


def _language(section: Table) -> str:
    language = section.text("language", "en")
    if not LANGUAGE_TAG.fullmatch(language):
        raise section.error(
            "language",
            f'"{language}" is not a language tag: write one like "en", "de", "es", "pt-BR" or "ja" (BCP 47)',
        )
    return language


def _hashtag(section: Table) -> str:
    hashtag = section.text("hashtag")
    if not hashtag.startswith("#"):
        raise section.error("hashtag", f'"{hashtag}" must start with "#", like "#PyConOpenSpace"')
    if len(hashtag) < 2:
        raise section.error("hashtag", 'needs a word after the "#", like "#PyConOpenSpace"')
    if any(c.isspace() for c in hashtag):
        raise section.error("hashtag", f'"{hashtag}" must be one word, without spaces')
    return hashtag


def _links(root: Table) -> tuple[str, str, str]:
    section = root.table("links")
    problems = Problems()
    problems.attempt(partial(section.reject_unknown, _LINK_KEYS))
    base_url = problems.attempt(partial(_base_url, section))
    # The session link is trial-filled with the real base_url, or a sample one while base_url has its own mistake.
    sample = {**_SESSION_URL_SAMPLE, "base_url": base_url or _SESSION_URL_SAMPLE["base_url"]}
    session_url = problems.attempt(partial(_session_url, section, sample))
    share_url = problems.attempt(partial(_share_url, section))
    problems.raise_any()
    if base_url is None or session_url is None or share_url is None:
        raise AssertionError("read cleanly")
    return base_url, session_url, share_url


def _base_url(section: Table) -> str:
    base_url = section.text("base_url")
    if not _WEB_ADDRESS.fullmatch(base_url):
        raise section.error("base_url", f'"{base_url}" must start with http:// or https://')
    return base_url.removesuffix("/")


def _session_url(section: Table, sample: dict[str, str]) -> str:
    session_url = _template(section, "session_url", DEFAULT_SESSION_URL, SESSION_URL_FIELDS)
    # The session link goes into a QR code; a phone only opens it if it is a web address.
    if not _WEB_ADDRESS.match(fill_template(session_url, sample)):
        raise section.error("session_url", "must give a web address: start it with {base_url} or https://")
    # Each card's QR code should open that session: a link without the session in it is the same for every card.
    fields = template_fields(session_url)
    if not fields & {"id", "slug"} and not {"day", "room", "start"} <= fields:
        raise section.error(
            "session_url",
            "does not name the session, so every card's QR code would open the same page: use {id} or {slug},"
            " or {day}, {room} and {start} together",
        )
    return session_url


def _share_url(section: Table) -> str:
    share_url = _template(section, "share_url", DEFAULT_SHARE_URL, SHARE_URL_FIELDS)
    # The share link goes into a QR code too: only a web address, never javascript:, data: or the like.
    sample = {"text": "Python on the Pico", "url": "https://example.org/s", "hashtag": "#PyConOpenSpace"}
    if not _WEB_ADDRESS.match(fill_template(share_url, sample)):
        raise section.error("share_url", "must give a web address: start it with https:// (or http://)")
    if not template_fields(share_url) & {"text", "url"}:
        raise section.error(
            "share_url",
            "has neither {text} nor {url}, so every post would be the same: put the post in with {text}"
            " (it holds the session's link), or at least {url}",
        )
    return share_url


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
            f'"{key}" is not a valid key: use up to {max_length} lower-case letters and digits, with single dashes'
            ' between them (not at the start or end), like "hall-b"',
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
    problems = Problems()
    owners: dict[str, str] = {}
    rooms = [problems.attempt(partial(_room, table, owners)) for table in tables]
    problems.raise_any()
    return tuple(room for room in rooms if room is not None)


def _room(table: Table, owners: dict[str, str]) -> Room:
    problems = Problems()
    problems.attempt(partial(table.reject_unknown, _ROOM_KEYS))
    key = problems.attempt(partial(_key, table, "key", _ROOM_KEY_MAX))
    if key is not None:
        problems.attempt(partial(_claim, table, "key", key, owners))
    name = problems.attempt(partial(table.text, "name"))
    note = problems.attempt(partial(table.text, "note", "", allow_empty=True))
    problems.raise_any()
    if key is None or name is None or note is None:
        raise AssertionError("read cleanly")
    return Room(key=key, name=name, note=note)


def _tags(root: Table) -> tuple[Tag, ...]:
    problems = Problems()
    owners: dict[str, str] = {}
    tags = [problems.attempt(partial(_tag, table, owners)) for table in root.tables("tags")]
    problems.raise_any()
    return tuple(tag for tag in tags if tag is not None)


def _tag(table: Table, owners: dict[str, str]) -> Tag:
    problems = Problems()
    problems.attempt(partial(table.reject_unknown, _TAG_KEYS))
    key = problems.attempt(partial(_key, table, "key", _TAG_KEY_MAX))
    if key is not None:
        problems.attempt(partial(_claim, table, "key", key, owners))
    label = problems.attempt(partial(table.text, "label"))
    colour = problems.attempt(partial(_colour, table))
    problems.raise_any()
    if key is None or label is None or colour is None:
        raise AssertionError("read cleanly")
    return Tag(key=key, label=label, colour=colour)


def _colour(table: Table) -> str:
    colour = table.text("colour")
    if not _COLOUR.fullmatch(colour):
        raise table.error("colour", f'"{colour}" is not a colour written #rrggbb, like "#e4572e"')
    return colour.lower()


def _limits(root: Table) -> Limits:
    section = root.table("limits")
    defaults = Limits()
    names = [f.name for f in dataclasses.fields(Limits)]
    problems = Problems()
    problems.attempt(partial(section.reject_unknown, names))
    # lock_seconds is a time like the kiosk's; the rest are counts.
    values = {
        name: problems.attempt(
            partial(
                section.integer,
                name,
                getattr(defaults, name),
                maximum=MAX_SECONDS if name.endswith("_seconds") else MAX_COUNT,
            )
        )
        for name in names
    }
    problems.raise_any()
    return Limits(**{name: value for name, value in values.items() if value is not None})


def _blocks(root: Table, grid: _Grid, event: Event | None) -> tuple[Block, ...]:
    """The blocks as UTC instants when the event could be built; checked as far as the grid allows either way."""
    problems = Problems()
    blocks: list[Block] = []
    placed: dict[tuple[str, date], list[tuple[int, int, str]]] = {}
    for table in root.tables("blocks"):
        found = problems.attempt(partial(_block, table, grid, placed))
        if found is None or event is None:
            continue
        room, day, start, end, reason = found
        # Converted with the event's own Event.at so config and board agree on every instant; "24:00" is the
        # next day's midnight.
        starts_at = event.at(day, start)
        ends_at = event.at(day + timedelta(days=_end_minutes(end) // _DAY_MINUTES), end)
        # A stable id, so loading the same file again after a restart doesn't add the block twice.
        block_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{event.slug}/block/{room}/{starts_at.isoformat()}")
        blocks.append(Block(room, starts_at, ends_at, reason, id=block_id))
    problems.raise_any()
    return tuple(blocks)


def _block(
    table: Table, grid: _Grid, placed: dict[tuple[str, date], list[tuple[int, int, str]]]
) -> tuple[str, date, time, time, str]:
    problems = Problems()
    problems.attempt(partial(table.reject_unknown, _BLOCK_KEYS))
    room = problems.attempt(partial(_block_room, table, grid.room_keys))
    day = problems.attempt(partial(_block_day, table, grid.days))
    span = problems.attempt(partial(_block_hours, table, grid.hours))
    reason = problems.attempt(partial(table.text, "reason"))
    problems.raise_any()
    if room is None or day is None or span is None or reason is None:
        raise AssertionError("read cleanly")
    start, end = span
    minutes = _minutes(start), _end_minutes(end)
    for other_start, other_end, other in placed.setdefault((room, day), []):
        if minutes[0] < other_end and other_start < minutes[1]:
            raise table.error(
                "start", f"overlaps {other} ({_hhmm(other_start)} to {_hhmm(other_end)}, same room and day)"
            )
    placed[(room, day)].append((*minutes, table.where))
    return room, day, start, end, reason


def _block_room(table: Table, room_keys: tuple[str, ...] | None) -> str:
    room = table.text("room")
    if room_keys is not None and room not in room_keys:
        raise table.error("room", f'no room has the key "{room}" ({suggest(room, room_keys)})')
    return room


def _block_day(table: Table, days: tuple[date, ...] | None) -> date:
    day = table.day("day")
    if days is not None and day not in days:
        listed = ", ".join(d.isoformat() for d in days)
        raise table.error("day", f"{day} is not one of the event's days ({listed})")
    return day


def _block_hours(table: Table, hours: tuple[time, time, int] | None) -> tuple[time, time]:
    problems = Problems()
    start = problems.attempt(partial(table.clock, "start"))
    end = problems.attempt(partial(table.end_clock, "end"))
    problems.raise_any()
    if start is None or end is None:
        raise AssertionError("read cleanly")
    begins, ends = _minutes(start), _end_minutes(end)
    if ends <= begins:
        raise table.error("end", f"must be later than start ({start:%H:%M})")
    if hours is None:
        return start, end
    first, last, slot_minutes = hours
    if start < first:
        raise table.error("start", f"{start:%H:%M} is before the first slot ({first:%H:%M})")
    if ends > _end_minutes(last):
        raise table.error("end", f"{_hhmm(ends)} is after the last slot ends ({_hhmm(_end_minutes(last))})")
    # The board blocks whole slots: a block from 12:30 would otherwise quietly take the 12:00 slot as well.
    for name, minute in (("start", begins), ("end", ends)):
        into = (minute - _minutes(first)) % slot_minutes
        if into:
            before = minute - into
            after = before + slot_minutes
            # Offer only the boundaries that leave a block: not an end at the start, nor a start at the end.
            shown = [m for m in (before, after) if (m > begins if name == "end" else m < ends)]
            choices = " or ".join(_hhmm(m) for m in shown)
            problems.note(
                table.error(
                    name,
                    f"{_hhmm(minute)} is in the middle of the {_hhmm(before)} slot: a block takes whole"
                    f" {slot_minutes}-minute slots, so {name} it at {choices}",
                )
            )
    problems.raise_any()
    return start, end
