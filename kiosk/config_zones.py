"""Advice for a time zone the config names but the zone database does not know: "CEST", "UTC+2", "prague".

Suggestions come from the zone database itself (zoneinfo.available_timezones()): the zones that actually use an
abbreviation, or sit at an offset, at some time of the year. Nothing suggested is a legacy name such as "EST" or
"CET" (a fixed offset, or a rule that belongs to no place); a short list of well-known cities only decides which of
the matching zones are named first.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import importlib.resources
import re
import zoneinfo
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from importlib.resources.abc import Traversable
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

# The tz database's geographic areas; other names (US/Pacific, Canada/Eastern, EST, CET, Japan) are old aliases.
_AREAS = (
    "Africa/",
    "America/",
    "Antarctica/",
    "Arctic/",
    "Asia/",
    "Atlantic/",
    "Australia/",
    "Europe/",
    "Indian/",
    "Pacific/",
)
# Named first when they match, so the advice names cities people recognise rather than Africa/Ceuta.
_WELL_KNOWN = (
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Prague",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Amsterdam",
    "Europe/Warsaw",
    "Europe/Athens",
    "Europe/Helsinki",
    "Europe/Kyiv",
    "Europe/Istanbul",
    "Europe/Moscow",
    "Africa/Cairo",
    "Africa/Johannesburg",
    "Africa/Lagos",
    "Africa/Nairobi",
    "Asia/Jerusalem",
    "Asia/Dubai",
    "Asia/Karachi",
    "Asia/Kolkata",
    "Asia/Dhaka",
    "Asia/Bangkok",
    "Asia/Jakarta",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Manila",
    "Asia/Seoul",
    "Asia/Tokyo",
    "Australia/Perth",
    "Australia/Brisbane",
    "Australia/Sydney",
    "Australia/Melbourne",
    "Pacific/Auckland",
    "Pacific/Honolulu",
    "America/New_York",
    "America/Toronto",
    "America/Chicago",
    "America/Mexico_City",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Vancouver",
    "America/Anchorage",
    "America/Halifax",
    "America/Bogota",
    "America/Lima",
    "America/Santiago",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
)
_SHOWN = 3
# "UTC+2", "GMT-05:00", "utc +5:30", "+0100"; the minus may be typed as a real minus sign.
_OFFSET = re.compile(r"(?:UTC|GMT|Z)?\s*([+\-\u2212])\s*(\d{1,2})(?::?([0-5]\d))?", re.IGNORECASE)
_ABBREVIATION = re.compile(r"[A-Za-z]{2,5}")


def zone_advice(name: str) -> str:
    """What to write instead of `name`, as the text for "unknown time zone "…" (…)"."""
    text = name.strip()
    if match := _OFFSET.fullmatch(text):
        sign = -1 if match[1] != "+" else 1
        return _offset_advice(sign * timedelta(hours=int(match[2]), minutes=int(match[3] or 0)))
    if _ABBREVIATION.fullmatch(text) and (zones := _abbreviations().get(text.upper())):
        return (
            f"{text.upper()} is an abbreviation, not a zone: name the event's city, such as {_listed(zones)},"
            " which also knows when its clocks change"
        )
    area = text.strip("/").casefold() + "/"
    if area != "/" and (cities := [zone for zone in _place_zones() if zone.casefold().startswith(area)]):
        return f"that is a region: name the city, such as {_listed(cities)}"
    if close := _close_name(text):
        return f'did you mean "{close}"?'
    return 'use an IANA name like "America/Denver"'


def _offset_advice(offset: timedelta) -> str:
    cities = _listed(_offsets().get(offset, ()))
    city_part = f"a city zone such as {cities}" if cities else ""
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    fixed = ""
    if offset == timedelta(0):
        fixed = '"UTC" (no daylight-saving changes)'
    elif not rest and -14 <= hours <= 12:
        # POSIX-style names: Etc/GMT-2 is two hours *ahead* of UTC.
        etc = f"Etc/GMT{-hours:+d}"
        fixed = f'"{etc}" (a fixed offset with no daylight-saving changes; these names reverse the sign)'
    if fixed and city_part:
        return f"did you mean {fixed} or {city_part}?"
    if fixed or city_part:
        return f"did you mean {fixed or city_part}?"
    return 'use an IANA name like "America/Denver"'


def _listed(zones: Iterable[str]) -> str:
    rank = {zone: n for n, zone in enumerate(_WELL_KNOWN)}
    ordered = sorted(set(zones), key=lambda zone: (rank.get(zone, len(rank)), zone))[:_SHOWN]
    quoted = [f'"{zone}"' for zone in ordered]
    return ", ".join(quoted[:-1]) + f" or {quoted[-1]}" if len(quoted) > 1 else "".join(quoted)


@functools.cache
def _place_zones() -> tuple[str, ...]:
    """Zones named after a place, preferring the database's own list of distinct zones (zone1970.tab) to the
    many aliases kept for old names (Asia/Calcutta, Europe/Belfast)."""
    available = available_timezones()
    places = {zone for zone in available if zone.startswith(_AREAS)}
    distinct = _distinct_zones() & places
    return tuple(sorted(distinct | (set(_WELL_KNOWN) & places) if distinct else places))


def _distinct_zones() -> set[str]:
    for table in _zone_tables():
        try:
            text = table.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
        return {row[2] for row in rows if len(row) > 2}
    return set()


def _zone_tables() -> list[Traversable]:
    tables: list[Traversable] = [Path(folder) / "zone1970.tab" for folder in zoneinfo.TZPATH]
    # The tzdata package stands in for a system zone database (Windows, slim containers, the bundled app).
    with contextlib.suppress(ModuleNotFoundError):
        tables.append(importlib.resources.files("tzdata.zoneinfo") / "zone1970.tab")
    return tables


def _samples() -> tuple[datetime, datetime]:
    # Mid-winter and mid-summer of this year, so both halves of a daylight-saving zone are seen.
    year = datetime.now(UTC).year
    return datetime(year, 1, 15, 12, tzinfo=UTC), datetime(year, 7, 15, 12, tzinfo=UTC)


@functools.cache
def _abbreviations() -> dict[str, frozenset[str]]:
    """Abbreviation ("CEST", "IST") to the place zones that use it at some time of the year."""
    found: dict[str, set[str]] = {}
    for zone in _place_zones():
        info = ZoneInfo(zone)
        for moment in _samples():
            abbreviation = moment.astimezone(info).tzname()
            # Zones without a customary abbreviation show their offset ("+03"); those are not words anyone types.
            if abbreviation and abbreviation.isalpha():
                found.setdefault(abbreviation.upper(), set()).add(zone)
    return {key: frozenset(zones) for key, zones in found.items()}


@functools.cache
def _offsets() -> dict[timedelta, frozenset[str]]:
    """UTC offset to the place zones that are at it at some time of the year."""
    found: dict[timedelta, set[str]] = {}
    for zone in _place_zones():
        info = ZoneInfo(zone)
        for moment in _samples():
            offset = moment.astimezone(info).utcoffset()
            if offset is not None:
                found.setdefault(offset, set()).add(zone)
    return {key: frozenset(zones) for key, zones in found.items()}


def _close_name(text: str) -> str | None:
    """A zone that `text` looks like a slip of: other capitals, a bare city, or a typo."""
    zones = sorted(available_timezones())
    folded = text.casefold().replace(" ", "_")
    places = _place_zones()
    for zone in zones:
        if zone.casefold() == folded:
            return zone
    for zone in places:
        if zone.rsplit("/", 1)[-1].casefold() == folded:
            return zone
    # Legacy names such as "EST" are not offered: "CEST" must not come back as "did you mean EST?".
    candidates = [zone for zone in zones if "/" in zone or zone == "UTC"]
    close = difflib.get_close_matches(text, candidates, n=1)
    return close[0] if close else None
