"""Read an event's TOML config into frozen domain objects, and find the config file and data directory.

Every mistake in the file becomes a ConfigError that names the file, the dotted key and the problem in plain words.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo, available_timezones

import platformdirs

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
from kiosk.paths import DEMO_CONFIG

APP_NAME = "open-spaces-kiosk"
CONFIG_ENV = "KIOSK_CONFIG"
DATA_DIR_ENV = "KIOSK_DATA_DIR"
LOCAL_CONFIG = Path("config") / "kiosk.toml"
BUNDLED_CONFIG = DEMO_CONFIG

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
_MAX_SECONDS = 86_400
_MAX_COUNT = 1_000_000
_MAX_SLOT_MINUTES = 24 * 60

_TOP_LEVEL_KEYS = ("event", "links", "kiosk", "limits", "rooms", "blocks", "tags")
_EVENT_KEYS = ("name", "slug", "timezone", "days", "first_slot", "last_slot_end", "slot_minutes", "hashtag")
_LINK_KEYS = ("base_url", "session_url", "share_url")
_KIOSK_KEYS = ("id", "idle_seconds", "form_idle_seconds", "form_warning_seconds", "staff_pin_hash")
_ROOM_KEYS = ("key", "name", "note")
_BLOCK_KEYS = ("room", "day", "start", "end", "reason")
_TAG_KEYS = ("key", "label", "colour")

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Keys end up in objectNames ("slot-150d-1000") and URLs, hence the narrow alphabet.
_KEY = re.compile(r"[a-z0-9][a-z0-9-]*")
_ROOM_KEY_MAX = 12
_TAG_KEY_MAX = 24
_CLOCK = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_WEB_ADDRESS = re.compile(r"https?://[^/\s]+\S*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_T = TypeVar("_T")


class ConfigError(Exception):
    """A mistake in a config file, worded for the staff member who has to fix it."""

    def __init__(self, path: Path, key: str, message: str) -> None:
        super().__init__(f"{path}: {key}: {message}")
        self.path = path
        self.key = key
        self.message = message


@dataclass(frozen=True, slots=True)
class KioskSettings:
    """How this kiosk behaves, as opposed to the event it shows."""

    kiosk_id: str = ""  # empty: the app generates one per data directory
    idle_seconds: int = 120
    form_idle_seconds: int = 90
    form_warning_seconds: int = 10
    staff_pin_hash: str = ""


@dataclass(frozen=True, slots=True)
class KioskConfig:
    path: Path
    event: Event
    kiosk: KioskSettings


def load_config(path: Path) -> KioskConfig:
    """Read and check a config file.

    Error keys count array entries from 1, as a person counts `[[rooms]]` tables down the file: `rooms[1]` is the first.
    """
    root = _Table(path, "", _read_toml(path))
    root.reject_unknown(_TOP_LEVEL_KEYS)
    event = _event(root)
    kiosk = _kiosk(root.table("kiosk"))
    return KioskConfig(path=path, event=event, kiosk=kiosk)


def find_config(explicit: Path | None, env: Mapping[str, str], cwd: Path) -> Path:
    """`--config`, then `$KIOSK_CONFIG`, then `config/kiosk.toml` under cwd, then the bundled demo event."""
    if explicit is not None:
        return _must_exist(cwd / explicit.expanduser())
    if from_env := env.get(CONFIG_ENV):
        return _must_exist(cwd / Path(from_env).expanduser())
    local = cwd / LOCAL_CONFIG
    if local.is_file():
        return local
    return BUNDLED_CONFIG


def find_data_dir(explicit: Path | None, env: Mapping[str, str]) -> Path:
    """`--data-dir`, then `$KIOSK_DATA_DIR`, then the platform's per-user data directory."""
    if explicit is not None:
        return explicit.expanduser()
    if from_env := env.get(DATA_DIR_ENV):
        return Path(from_env).expanduser()
    return platformdirs.user_data_path(APP_NAME)


def _must_exist(path: Path) -> Path:
    # A path someone typed that isn't there is a mistake; silently falling back to the demo would hide it.
    if not path.exists():
        raise ConfigError(path, "(file)", "does not exist")
    return path


def _read_toml(path: Path) -> dict[str, object]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(path, "(file)", f"cannot read: {exc.strerror or exc}") from exc
    try:
        # utf-8-sig: Windows Notepad prepends a byte-order mark that tomllib would reject.
        return tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ConfigError(path, "(file)", f"not valid TOML: not UTF-8 text (byte {exc.start})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "(file)", f"not valid TOML: {exc}") from exc


@dataclass(frozen=True, slots=True)
class _Table:
    """One TOML table and where it sits in the file, so every error can name its dotted key."""

    path: Path
    where: str  # dotted prefix such as "event" or "rooms[3]"; "" for the top level
    data: Mapping[str, object]

    def key(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def error(self, name: str, message: str) -> ConfigError:
        return ConfigError(self.path, self.key(name), message)

    def reject_unknown(self, known: Collection[str]) -> None:
        # A misspelt optional key would otherwise be ignored without a word, the commonest config mistake.
        for name in self.data:
            if name not in known:
                raise self.error(name, f"unknown key ({_suggest(name, known)})")

    def get(self, name: str, kind: type[_T], expected: str, default: _T | None = None) -> _T:
        value = self.data.get(name)
        if value is None:
            if default is None:
                raise self.error(name, "missing (this key is required)")
            return default
        return self.check(name, value, kind, expected)

    def check(self, name: str, value: object, kind: type[_T], expected: str) -> _T:
        if isinstance(value, kind) and not _is_impostor(value, kind):
            return value
        raise self.error(name, f"expected {expected}, got {_describe(value)}{_hint(value, kind)}")

    def text(self, name: str, default: str | None = None, *, allow_empty: bool = False) -> str:
        value = self.get(name, str, "a string in quotes", default).strip()
        if not value and not allow_empty:
            raise self.error(name, "must not be empty")
        return value

    def integer(self, name: str, default: int | None = None, *, minimum: int = 1, maximum: int) -> int:
        # `maximum` has no default so a new setting cannot forget one: TOML integers go up to 2**63 - 1.
        value = self.get(name, int, "a whole number", default)
        if value < minimum:
            raise self.error(name, f"must be at least {minimum}, not {value}")
        if value > maximum:
            raise self.error(name, f"must be at most {maximum}, not {value}")
        return value

    def day(self, name: str) -> date:
        return self.get(name, date, "a date like 2023-04-21")

    def clock(self, name: str) -> time:
        text = self.get(name, str, 'a time in quotes like "14:00"')
        match = _CLOCK.fullmatch(text.strip())
        if match is None:
            raise self.error(name, f'"{text}" is not a time written HH:MM (24-hour), like "14:00"')
        return time(int(match[1]), int(match[2]))

    def table(self, name: str) -> _Table:
        # A missing section reads as empty, so its required keys report themselves by their full name.
        data = self.check(name, self.data.get(name, {}), dict, f"a table [{self.key(name)}]")
        return _Table(self.path, self.key(name), data)

    def tables(self, name: str) -> list[_Table]:
        items = self.check(name, self.data.get(name, []), list, f"a list of [[{name}]] tables")
        return [
            _Table(self.path, f"{self.key(name)}[{n}]", self.check(f"{name}[{n}]", item, dict, f"a [[{name}]] table"))
            for n, item in enumerate(items, start=1)
        ]


def _is_impostor(value: object, kind: type[object]) -> bool:
    # True passes isinstance(…, int) and a date-time passes isinstance(…, date); neither is what the key means.
    return (isinstance(value, bool) and kind is not bool) or (isinstance(value, datetime) and kind is date)


_TOML_KINDS: tuple[tuple[type[object], str], ...] = (
    (bool, "true/false"),
    (int, "a whole number"),
    (float, "a decimal number"),
    (str, "a string"),
    (datetime, "a date and time"),
    (date, "a date"),
    (time, "a time of day"),
    (list, "a list"),
    (dict, "a table"),
)


def _describe(value: object) -> str:
    kind = next((label for cls, label in _TOML_KINDS if isinstance(value, cls)), type(value).__name__)
    if isinstance(value, list | dict):
        return kind
    if isinstance(value, bool):
        shown = str(value).lower()
    elif isinstance(value, str):
        shown = f'"{value}"' if len(value) <= 40 else f'"{value[:37]}..."'
    elif isinstance(value, date | time):
        shown = value.isoformat()
    else:
        shown = str(value)
    return f"{kind} ({shown})"


def _hint(value: object, kind: type[object]) -> str:
    if kind is date and isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        return "; write dates without quotes"
    if kind is str and isinstance(value, time):
        return "; put the time in quotes"
    return ""


def _suggest(name: str, known: Collection[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    if close:
        return f'did you mean "{close[0]}"?'
    return "expected one of: " + ", ".join(known)


def _minutes(clock_time: time) -> int:
    return clock_time.hour * 60 + clock_time.minute


def _event(root: _Table) -> Event:
    section = root.table("event")
    section.reject_unknown(_EVENT_KEYS)
    name = section.text("name")
    slug = _slug(section)
    timezone = _timezone(section)
    days = _days(section)
    first_slot, last_slot_end, slot_minutes = _hours(section)
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


def _slug(section: _Table) -> str:
    slug = section.text("slug")
    if not _SLUG.fullmatch(slug):
        raise section.error("slug", f'"{slug}" must be lower-case letters, digits and dashes, like "pycon-us-2023"')
    return slug


def _timezone(section: _Table) -> str:
    name = section.text("timezone")
    try:
        ZoneInfo(name)
    # ZoneInfoNotFoundError is a KeyError; malformed names raise ValueError, directory names ("America") OSError.
    except (KeyError, ValueError, OSError):
        close = difflib.get_close_matches(name, sorted(available_timezones()), n=1)
        advice = f'did you mean "{close[0]}"?' if close else 'use an IANA name like "America/Denver"'
        raise section.error("timezone", f'unknown time zone "{name}" ({advice})') from None
    return name


def _days(section: _Table) -> tuple[date, ...]:
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


def _hours(section: _Table) -> tuple[time, time, int]:
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


def _hashtag(section: _Table) -> str:
    hashtag = section.text("hashtag")
    if not hashtag.startswith("#"):
        raise section.error("hashtag", f'"{hashtag}" must start with "#", like "#PyConOpenSpace"')
    if len(hashtag) < 2:
        raise section.error("hashtag", 'needs a word after the "#", like "#PyConOpenSpace"')
    if any(c.isspace() for c in hashtag):
        raise section.error("hashtag", f'"{hashtag}" must be one word, without spaces')
    return hashtag


def _links(section: _Table) -> tuple[str, str, str]:
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
    return base_url, session_url, share_url


def _template(section: _Table, name: str, default: str, allowed: Collection[str]) -> str:
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


def _key(table: _Table, name: str, max_length: int) -> str:
    key = table.text(name)
    if not _KEY.fullmatch(key) or len(key) > max_length:
        raise table.error(
            name,
            f'"{key}" is not a valid key: use up to {max_length} lower-case letters, digits or dashes,'
            " starting with a letter or digit",
        )
    return key


def _claim(table: _Table, name: str, key: str, owners: dict[str, str]) -> None:
    if key in owners:
        raise table.error(name, f'"{key}" is already used by {owners[key]}')
    owners[key] = table.where


def _rooms(root: _Table) -> tuple[Room, ...]:
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


def _tags(root: _Table) -> tuple[Tag, ...]:
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


def _limits(section: _Table) -> Limits:
    defaults = Limits()
    names = [f.name for f in dataclasses.fields(Limits)]
    section.reject_unknown(names)
    # lock_seconds is a time like the kiosk's; the rest are counts.
    return Limits(
        **{
            name: section.integer(
                name, getattr(defaults, name), maximum=_MAX_SECONDS if name.endswith("_seconds") else _MAX_COUNT
            )
            for name in names
        }
    )


def _blocks(root: _Table, event: Event) -> tuple[Block, ...]:
    room_keys = [room.key for room in event.rooms]
    blocks: list[Block] = []
    placed: dict[tuple[str, date], list[tuple[time, time, str]]] = {}
    for table in root.tables("blocks"):
        table.reject_unknown(_BLOCK_KEYS)
        room = table.text("room")
        if room not in room_keys:
            raise table.error("room", f'no room has the key "{room}" ({_suggest(room, room_keys)})')
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


def _check_block_hours(table: _Table, event: Event, start: time, end: time) -> None:
    if end <= start:
        raise table.error("end", f"must be later than start ({start:%H:%M})")
    if start < event.first_slot:
        raise table.error("start", f"{start:%H:%M} is before the first slot ({event.first_slot:%H:%M})")
    if end > event.last_slot_end:
        raise table.error("end", f"{end:%H:%M} is after the last slot ends ({event.last_slot_end:%H:%M})")


def _kiosk(section: _Table) -> KioskSettings:
    section.reject_unknown(_KIOSK_KEYS)
    defaults = KioskSettings()
    kiosk_id = section.text("id", defaults.kiosk_id, allow_empty=True)
    idle_seconds = section.integer("idle_seconds", defaults.idle_seconds, maximum=_MAX_SECONDS)
    form_idle_seconds = section.integer("form_idle_seconds", defaults.form_idle_seconds, maximum=_MAX_SECONDS)
    form_warning_seconds = section.integer("form_warning_seconds", defaults.form_warning_seconds, maximum=_MAX_SECONDS)
    # After form_idle_seconds without a touch the form counts down form_warning_seconds more, then closes
    # (90 + 10 s by default). The countdown is a last call before a half-typed card is dropped, so it stays
    # shorter than the quiet spell that triggers it.
    if form_warning_seconds >= form_idle_seconds:
        raise section.error(
            "form_warning_seconds",
            f"must be shorter than form_idle_seconds ({form_idle_seconds}): the countdown is a short last call"
            " that starts once the form has been left alone that long",
        )
    staff_pin_hash = section.text("staff_pin_hash", defaults.staff_pin_hash, allow_empty=True)
    return KioskSettings(
        kiosk_id=kiosk_id,
        idle_seconds=idle_seconds,
        form_idle_seconds=form_idle_seconds,
        form_warning_seconds=form_warning_seconds,
        staff_pin_hash=staff_pin_hash,
    )
