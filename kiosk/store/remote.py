"""Rows from the hub, checked before anything of them is applied.

The hub is shared by every kiosk of a conference and reachable over the venue network, so what it sends is
input like any other: each row must decode into this kiosk's columns (types, time zones, ids), agree with its own
bookkeeping, respect the same limits a person typing at a kiosk does, and point only at rooms, ideas and cards
that exist. A row that does not is refused whole and logged; the rest of the pull goes ahead.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.domain.validation import DESCRIPTION_MAX, HOST_NAME_MAX, IDEA_NOTE_MAX, REASON_MAX, TAGS_MAX, TOPIC_MAX
from kiosk.store import rowcodec
from kiosk.store.rowcodec import BadRow
from kiosk.sync.entries import HubRow

# Columns that hold text people typed (or staff wrote in the config), with the most characters each may have.
_TEXT_LIMITS: dict[str, dict[str, int]] = {
    "rooms": {"key": 64, "name": 200, "note": 500},
    "sessions": {
        "topic": TOPIC_MAX,
        "description": DESCRIPTION_MAX,
        "host_name": HOST_NAME_MAX,
        "handle": 120,
        "tags": 400,
        "edit_code_hash": 400,
    },
    "blocks": {"reason": REASON_MAX, "source": 16},
    "ideas": {"topic": TOPIC_MAX, "note": IDEA_NOTE_MAX},
    "votes": {},
    "conflicts": {"kind": 16, "entity": 32, "detail": 20_000},
}
_STAMP_MAX = 120
# Which other rows a row points at, by column: (table, required).
_REFERENCES: dict[str, dict[str, tuple[str, bool]]] = {
    "sessions": {"room_id": ("rooms", True), "idea_id": ("ideas", False)},
    "blocks": {"room_id": ("rooms", True)},
    "ideas": {"adopted_session_id": ("sessions", False)},
    "votes": {"idea_id": ("ideas", True)},
}
_BLOCK_SOURCES = frozenset({"config", "staff"})
_CONFLICT_KINDS = frozenset({"slot", "edit"})

Reference = tuple[str, uuid.UUID]


@dataclass(frozen=True, slots=True)
class CheckedRow:
    table: str
    values: dict[str, Any]
    seq: int

    @property
    def row_id(self) -> uuid.UUID:
        row_id: uuid.UUID = self.values["id"]  # decode made it a UUID
        return row_id

    def references(self) -> list[Reference]:
        return [
            (table, self.values[column])
            for column, (table, _required) in _REFERENCES.get(self.table, {}).items()
            if self.values.get(column) is not None
        ]


def check(row: HubRow) -> CheckedRow:
    """The row's column values, typed; raises BadRow naming the first thing wrong with it."""
    if not isinstance(row.payload, dict):
        raise BadRow(f"{row.table} {row.row_id}: not a JSON object")
    values = rowcodec.decode(row.table, row.payload)
    where = f"{row.table} {row.row_id}"
    if values["id"] != row.row_id:
        raise BadRow(f"{where}: its id says {values['id']}")
    if (values["version"], values["hlc"], values["deleted"]) != (row.version, row.hlc, row.deleted):
        raise BadRow(f"{where}: its version, stamp or tombstone disagrees with the hub's")
    if values["version"] < 1:
        raise BadRow(f"{where}: version {values['version']}")
    if len(values["hlc"]) > _STAMP_MAX or len(values["kiosk_id"]) > _STAMP_MAX:
        raise BadRow(f"{where}: its stamp or kiosk id is too long")
    for column, limit in _TEXT_LIMITS[row.table].items():
        text = values[column]
        if len(text) > limit:
            raise BadRow(f"{where}: {column} has {len(text)} characters, more than {limit}")
        if "\x00" in text:
            raise BadRow(f"{where}: {column} holds a NUL character")
    _check_table(where, row.table, values)
    return CheckedRow(row.table, values, row.seq)


def _check_table(where: str, table: str, values: dict[str, Any]) -> None:
    if table in {"sessions", "blocks"} and values["starts_at"] >= values["ends_at"]:
        raise BadRow(f"{where}: it ends before it starts")
    if table == "sessions":
        if not values["topic"].strip() or not values["host_name"].strip():
            raise BadRow(f"{where}: no topic or no host")
        tags = _json(where, "tags", values["tags"])
        if not isinstance(tags, list) or len(tags) > TAGS_MAX or not all(isinstance(tag, str) for tag in tags):
            raise BadRow(f"{where}: tags must be a list of at most {TAGS_MAX} keys")
    elif table == "blocks" and values["source"] not in _BLOCK_SOURCES:
        raise BadRow(f"{where}: unknown block source {values['source']!r}")
    elif table == "conflicts":
        if values["kind"] not in _CONFLICT_KINDS:
            raise BadRow(f"{where}: unknown conflict kind {values['kind']!r}")
        if values["entity"] not in rowcodec.TABLES:
            raise BadRow(f"{where}: a conflict about an unknown table {values['entity']!r}")
        if not isinstance(_json(where, "detail", values["detail"]), dict):
            raise BadRow(f"{where}: detail must be a JSON object")


def _json(where: str, column: str, text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        raise BadRow(f"{where}: {column} is not JSON") from None


def unresolved(row: CheckedRow, exists: Callable[[Reference], bool]) -> list[Reference]:
    """The rows `row` points at that `exists` does not know."""
    return [reference for reference in row.references() if not exists(reference)]


def required_missing(row: CheckedRow, exists: Callable[[Reference], bool]) -> str | None:
    """Why `row` cannot be applied, if it points at a row that is nowhere (not here, not on the hub)."""
    for column, (table, required) in _REFERENCES.get(row.table, {}).items():
        target = row.values.get(column)
        if target is not None and not exists((table, target)):
            return f"{row.table} {row.row_id}: its {column} {target} is not a {table[:-1]} the hub or this kiosk has"
        if target is None and required:
            return f"{row.table} {row.row_id}: {column} is empty"
    return None
