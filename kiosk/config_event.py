"""The event in a config: the [event] and [limits] sections here, [links] in config_links, and [[rooms]],
[[tags]] and [[blocks]] in config_rooms; every mistake in the file is reported at once."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from kiosk.config_links import read_links
from kiosk.config_rooms import Grid, read_blocks, read_rooms, read_tags
from kiosk.config_toml import DAY_MINUTES, Problems, Table, end_minutes, hhmm, minutes
from kiosk.config_zones import zone_advice
from kiosk.domain.model import Event, Limits

# Upper bounds for whole numbers. Qt timers take milliseconds in a 32-bit int (about 24.8 days), so a larger
# idle time would crash the window; nobody needs more than a day, or more than a million of anything per minute.
MAX_SECONDS = 86_400
MAX_COUNT = 1_000_000
_MAX_SLOT_MINUTES = DAY_MINUTES

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
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


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
    links = problems.attempt(partial(read_links, root))
    rooms = problems.attempt(partial(read_rooms, root))
    tags = problems.attempt(partial(read_tags, root))
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
    grid = Grid(None if rooms is None else tuple(room.key for room in rooms), days, hours)
    blocks = problems.attempt(partial(read_blocks, root, grid, event))
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
    minute = minutes(first)
    while minute <= end_minutes(last):
        moment = datetime.combine(
            day + timedelta(days=minute // DAY_MINUTES), time(minute // 60 % 24, minute % 60), tzinfo=zone
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
            f"on {day} the clocks change in {zone.key} between {first:%H:%M} and {hhmm(end_minutes(last))};"
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
    if end_minutes(last_slot_end) <= minutes(first_slot):
        raise section.error("last_slot_end", f"must be later than first_slot ({first_slot:%H:%M})")
    span = end_minutes(last_slot_end) - minutes(first_slot)
    if span % slot_minutes:
        # 23:59 is how a day that runs to midnight used to be written, before "24:00" was allowed.
        hint = (
            '; for a day that runs to midnight, write last_slot_end = "24:00"' if last_slot_end == time(23, 59) else ""
        )
        raise section.error(
            "slot_minutes",
            f"{slot_minutes}-minute slots do not fit evenly between {first_slot:%H:%M} and"
            f" {hhmm(end_minutes(last_slot_end))} ({span} minutes){hint}",
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
