"""Reading a file of planned sessions (the board's CSV or schedule.json export, or JSON like them) into rows of text.

Nothing here knows the board: values stay plain text, to be checked by `kiosk.store.importer` like the form's input.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from kiosk.domain.validation import clean_text
from kiosk.share.table import HEADER, unescape_cell

# A board has at most a few thousand slots; anything bigger is the wrong file, refused before it is processed.
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5_000
# Far above every field's limit, so a cut cell still fails validation as too long, but hostile megabyte cells
# never reach the text cleaning or the preview.
MAX_CELL = 2_000
COLUMNS = tuple(name.lower() for name in HEADER)
REQUIRED = ("day", "start", "room", "topic", "host")
# European Excel writes semicolons, "Unicode Text" tabs.
_DELIMITERS = (",", ";", "\t")
# Excel's own hint line, `sep=;`, that it writes above the header and hides when opening the file.
_SEP_HINT = re.compile(r"sep=([,;\t])")
_FIRST_LINE = re.compile(r"[^\r\n]*")


class ImportFileError(Exception):
    """The file as a whole cannot be imported; `message` says why, in words for the person who chose it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class RawRow:
    """One session as the file wrote it.

    `line` is the number a person finds it by: the spreadsheet row for CSV (the header is row 1), the 1-based entry
    for JSON. `values` is keyed by lower-case column name (`COLUMNS`); `problems` are what was wrong with the row
    itself (more cells than the header, a value that is not text).
    """

    line: int
    values: dict[str, str]
    problems: tuple[str, ...] = ()

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass(frozen=True, slots=True)
class ImportFile:
    """A read file: its rows, notes for the person (`warnings`, e.g. ignored columns) and what its rows are called."""

    filename: str
    rows: tuple[RawRow, ...]
    warnings: tuple[str, ...] = ()
    # "row" for spreadsheets, "entry" for JSON: the word messages use with `RawRow.line`.
    unit: str = "row"
    kind: str = "CSV"


def read_import_file(path: Path) -> ImportFile:
    """The file at `path`, read as `parse_import` does; `ImportFileError` when it cannot be read or used."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _too_big()
        # One byte over the limit is enough to refuse; a device or pipe (whose size reads 0) is not read forever.
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise ImportFileError(f"The file {path} cannot be read: {error.strerror or error}.") from None
    return parse_import(data, path.name)


def parse_import(data: bytes, filename: str) -> ImportFile:
    """CSV (the export's columns, any delimiter Excel writes) or JSON, by the name's extension, else by content."""
    if len(data) > MAX_BYTES:
        raise _too_big()
    text = _decoded(data)
    suffix = PurePath(filename).suffix.lower()
    looks_json = text.lstrip("\ufeff \t\r\n")[:1] in ("[", "{")
    if suffix == ".json" or (suffix not in (".csv", ".tsv", ".txt") and looks_json):
        found = _json_file(text, filename)
    else:
        found = _csv_file(text, filename)
    if not found.rows:
        raise ImportFileError(f"{filename} has no sessions in it.")
    return found


# -- text ------------------------------------------------------------------------------------------------------------


def _decoded(data: bytes) -> str:
    # Excel's "Unicode Text" is UTF-16 with a byte-order mark: unambiguous, so it is read rather than refused.
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFileError("The file starts like UTF-16 text but is not; save it as UTF-8.") from None
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as bad:
        at = bad.start + len(data) - len(body)
        line = data.count(b"\n", 0, at) + 1
        raise ImportFileError(
            f"The file is not UTF-8 text (line {line}, byte {at + 1}: 0x{data[at]:02X}); "
            "save it as UTF-8 (“CSV UTF-8” in Excel) and import it again."
        ) from None


def _too_big() -> ImportFileError:
    return ImportFileError(
        f"The file is larger than {MAX_BYTES // 1024 // 1024} MB, the most an import file may be "
        f"({MAX_ROWS:,} sessions at most). Is it the right file?"
    )


def _too_many() -> ImportFileError:
    return ImportFileError(
        f"The file has more than {MAX_ROWS:,} sessions; a board has at most a few thousand slots. Is it the right file?"
    )


def _cut(value: str) -> str:
    return value[:MAX_CELL]


def _shown(name: str) -> str:
    """A name from the file, safe to put in a message: one line, no invisible characters, short."""
    text = clean_text(name[:100], multiline=False)
    return text if len(text) <= 40 else text[:39] + "…"


def _ignored(names: Iterable[str], what: str) -> tuple[str, ...]:
    shown = sorted({_shown(name) for name in names if name.strip()})
    if not shown:
        return ()
    listed = ", ".join(shown[:10]) + (f" and {len(shown) - 10} more" if len(shown) > 10 else "")
    return (f"Ignored {what} the import does not use: {listed}.",)


# -- CSV -------------------------------------------------------------------------------------------------------------


def _csv_file(text: str, filename: str) -> ImportFile:
    first = _FIRST_LINE.match(text)
    first_line = first.group() if first else ""
    hint = _SEP_HINT.fullmatch(first_line.strip())
    if hint:
        delimiter = hint[1]
        text = text[len(first_line) :].lstrip("\r\n")
    else:
        # The header names are plain words, so the delimiter is whichever of the three it uses most (ties: comma).
        delimiter = max(_DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, [])
        names = [" ".join(name.replace("\ufeff", "").split()).casefold() for name in header]
        _check_header(names)
        rows = tuple(_csv_rows(reader, names))
    except csv.Error as bad:
        raise ImportFileError(f"The file cannot be read as CSV near line {reader.line_num}: {bad}.") from None
    unknown = [original for original, name in zip(header, names, strict=True) if name not in COLUMNS]
    return ImportFile(filename, rows, _ignored(unknown, "columns"), "row", "CSV")


def _check_header(names: list[str]) -> None:
    missing = [column for column in REQUIRED if column not in names]
    if len(missing) == len(REQUIRED):
        raise ImportFileError(
            f"The first row must name the columns ({', '.join(HEADER)}); "
            "this file's first row names none of Day, Start, Room, Topic and Host."
        )
    if missing:
        listed = ", ".join(column.title() for column in missing)
        raise ImportFileError(f"The file has no {listed} column; every import needs Day, Start, Room, Topic and Host.")
    twice = sorted({name for name in names if name in COLUMNS and names.count(name) > 1})
    if twice:
        raise ImportFileError(f"The column {twice[0].title()} appears more than once; keep one.")


def _csv_rows(reader: Iterator[list[str]], names: list[str]) -> Iterator[RawRow]:
    known = [(index, name) for index, name in enumerate(names) if name in COLUMNS]
    for number, cells in enumerate(reader, start=2):
        # Counted with blank rows, so the check costs nothing and a huge file stops here, early.
        if number - 1 > MAX_ROWS:
            raise _too_many()
        if not any(cell.strip() for cell in cells):
            continue
        values = {name: _cut(unescape_cell(cells[index])) for index, name in known if index < len(cells)}
        problems: tuple[str, ...] = ()
        # Trailing empty cells are Excel's doing and harmless; a value beyond the header means shifted columns.
        if any(cell.strip() for cell in cells[len(names) :]):
            problems = (
                f"It has {len(cells)} cells but the header has {len(names)}: "
                "a value with the delimiter in it needs quotes.",
            )
        yield RawRow(number, values, problems)


# -- JSON ------------------------------------------------------------------------------------------------------------


def _json_file(text: str, filename: str) -> ImportFile:
    try:
        document = json.loads(text.lstrip("\ufeff"))
    except RecursionError:
        raise ImportFileError("The JSON in the file is nested too deeply to be a list of sessions.") from None
    except json.JSONDecodeError as bad:
        raise ImportFileError(
            f"The file is not valid JSON (line {bad.lineno}, column {bad.colno}: {bad.msg})."
        ) from None
    except ValueError as bad:
        raise ImportFileError(f"The file is not usable JSON: {bad}.") from None
    if isinstance(document, dict) and isinstance(document.get("schedule"), dict):
        return _schedule_file(document["schedule"], filename)
    entries = document.get("sessions") if isinstance(document, dict) else document
    if not isinstance(entries, list):
        raise ImportFileError(
            'The JSON must be a list of sessions, an object with a "sessions" list, or the board\'s schedule.json.'
        )
    if len(entries) > MAX_ROWS:
        raise _too_many()
    unknown: set[str] = set()
    rows = tuple(_json_row(number, entry, unknown) for number, entry in enumerate(entries, start=1))
    return ImportFile(filename, rows, _ignored(unknown, "fields"), "entry", "JSON")


def _json_row(number: int, entry: object, unknown: set[str]) -> RawRow:
    if not isinstance(entry, dict):
        return RawRow(number, {}, ("It is not an object with session fields.",))
    values: dict[str, str] = {}
    problems: list[str] = []
    for key, value in entry.items():
        name = " ".join(str(key).split()).casefold()
        if name not in COLUMNS:
            unknown.add(str(key))
            continue
        text = _json_text(value)
        if text is None:
            problems.append(f"{name.title()}: the value should be text.")
        else:
            values[name] = _cut(text)
    return RawRow(number, values, tuple(problems))


def _json_text(value: object) -> str | None:
    """A JSON value as a cell's text: numbers as written, lists (of tags) comma-separated; None if it is neither."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(value)
    return None


# -- schedule.json, as kiosk.share.schedule_json writes it -----------------------------------------------------------


def _schedule_file(schedule: dict[str, Any], filename: str) -> ImportFile:
    conference = _dict(schedule.get("conference"))
    rows: list[RawRow] = []
    for day in _list(conference.get("days")):
        for room_name, events in _dict(_dict(day).get("rooms")).items():
            for event in _list(events):
                if len(rows) >= MAX_ROWS:
                    raise _too_many()
                rows.append(_schedule_row(len(rows) + 1, str(room_name), _dict(event)))
    # The format has one track per session, and the export puts the first tag there.
    warnings = ("schedule.json keeps one tag per session, so only each session's first tag is imported.",)
    return ImportFile(filename, tuple(rows), warnings, "entry", "schedule.json")


def _schedule_row(number: int, room_name: str, event: dict[str, Any]) -> RawRow:
    persons = [_dict(person) for person in _list(event.get("persons"))]
    names = [_str(person.get("name")) or _str(person.get("public_name")) for person in persons]
    # The export links the host's profile with the handle as the link's title.
    handle = next(
        (title for link in _list(event.get("links")) if (title := _str(_dict(link).get("title"))).startswith("@")), ""
    )
    starts = _str(event.get("date"))
    values = {
        "day": starts[:10],
        "start": _str(event.get("start")) or starts[11:16],
        "end": _str(event.get("end"))[11:16],
        "room": _str(event.get("room")) or room_name,
        "topic": _str(event.get("title")),
        "host": ", ".join(name for name in names if name),
        "handle": handle,
        # The export writes the card's description as the abstract; other tools use either.
        "description": _str(event.get("abstract")) or _str(event.get("description")),
        "tags": _str(event.get("track")),
    }
    return RawRow(number, {name: _cut(value) for name, value in values.items()})


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""
