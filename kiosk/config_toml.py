"""Reading a TOML config with errors a person can act on: each names the file, the dotted key and the problem."""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TypeVar

_CLOCK = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake: the file, the dotted key and what is wrong, in words the person fixing it can act on."""

    path: Path
    key: str
    message: str
    # For an unknown key, the dotted key it was probably meant to be: a "missing" problem for that key is the same
    # mistake seen from the other side, and is not reported twice.
    meant: str = ""
    missing: bool = False

    def __str__(self) -> str:
        return f"{self.path}: {self.key}: {self.message}"


class ConfigError(Exception):
    """Mistakes in a config file, worded for the staff member who has to fix them.

    Usually one; a check that reads the whole file reports every mistake it finds at once, as a linter does. `path`,
    `key` and `message` are the first one's; `problems` holds them all, and `str()` puts each on its own line.
    """

    def __init__(self, path: Path, key: str, message: str, *, meant: str = "", missing: bool = False) -> None:
        super().__init__(f"{path}: {key}: {message}")
        self.path = path
        self.key = key
        self.message = message
        self.problems: tuple[Problem, ...] = (Problem(path, key, message, meant, missing),)

    @classmethod
    def several(cls, problems: Sequence[Problem]) -> ConfigError:
        """One error for all of `problems`: a header line naming how many, then each on its own line."""
        first = problems[0]
        error = cls(first.path, first.key, first.message, meant=first.meant, missing=first.missing)
        if len(problems) > 1:
            error.problems = tuple(problems)
            error.args = ("\n".join([f"{first.path}: {len(problems)} problems", *map(str, problems)]),)
        return error


class Problems:
    """Collects the mistakes of independent parts of a config, so one check reports all of them."""

    def __init__(self) -> None:
        self.found: list[Problem] = []

    def attempt(self, read: Callable[[], _T]) -> _T | None:
        """`read()`, or None after noting its mistakes."""
        try:
            return read()
        except ConfigError as error:
            self.note(error)
            return None

    def note(self, error: ConfigError) -> None:
        self.found.extend(error.problems)

    def raise_any(self) -> None:
        # "nmae" is unknown and "name" is missing: one mistake, reported once, as the unknown key with its hint.
        meant = {problem.meant for problem in self.found if problem.meant}
        found = [problem for problem in self.found if not (problem.missing and problem.key in meant)]
        if found:
            raise ConfigError.several(found)


def read_toml(path: Path) -> dict[str, object]:
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
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively: `x = [[[[…` a thousand deep exhausts the
        # stack. No event config nests more than a few levels.
        raise ConfigError(path, "(file)", "not valid TOML: values are nested too deeply") from None


@dataclass(frozen=True, slots=True)
class Table:
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
        problems = []
        for name in self.data:
            if name not in known:
                close = difflib.get_close_matches(name, list(known), n=1)
                meant = self.key(close[0]) if close else ""
                problems.append(Problem(self.path, self.key(name), f"unknown key ({suggest(name, known)})", meant))
        if problems:
            raise ConfigError.several(problems)

    def get(self, name: str, kind: type[_T], expected: str, default: _T | None = None) -> _T:
        value = self.data.get(name)
        if value is None:
            if default is None:
                raise ConfigError(self.path, self.key(name), "missing (this key is required)", missing=True)
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

    def end_clock(self, name: str) -> time:
        """An end time, where "24:00" is midnight at the end of the day: returned as 00:00, which no end can
        otherwise be (it would come before its start); "00:00" itself is refused with that hint."""
        text = self.get(name, str, 'a time in quotes like "18:00"')
        if text.strip() == "24:00":
            return time(0)
        clock = self.clock(name)
        if clock == time(0):
            raise self.error(name, 'write "24:00" for midnight at the end of the day')
        return clock

    def table(self, name: str) -> Table:
        # A missing section reads as empty, so its required keys report themselves by their full name.
        data = self.check(name, self.data.get(name, {}), dict, f"a table [{self.key(name)}]")
        return Table(self.path, self.key(name), data)

    def tables(self, name: str) -> list[Table]:
        items = self.check(name, self.data.get(name, []), list, f"a list of [[{name}]] tables")
        return [
            Table(self.path, f"{self.key(name)}[{n}]", self.check(f"{name}[{n}]", item, dict, f"a [[{name}]] table"))
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


def suggest(name: str, known: Collection[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    if close:
        return f'did you mean "{close[0]}"?'
    return "expected one of: " + ", ".join(known)


DAY_MINUTES = 24 * 60


def minutes(clock_time: time) -> int:
    """Minutes from midnight to a start time."""
    return clock_time.hour * 60 + clock_time.minute


def end_minutes(clock_time: time) -> int:
    """Minutes from the day's midnight to an end time: 1440 for "24:00", which Table.end_clock reads as 00:00."""
    return minutes(clock_time) or DAY_MINUTES


def hhmm(count: int) -> str:
    """Minutes from midnight written as a clock time; 1440 is "24:00"."""
    return f"{count // 60:02d}:{count % 60:02d}"
