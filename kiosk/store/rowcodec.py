"""Synced rows as plain JSON and back: what the outbox holds, what the hub stores, what a pull brings.

Instants travel as UTC ISO text and ids as text, so every kiosk writes the same bytes for the same row and the
hub can compare and index them (its slot index reads `room_id` and `starts_at` out of the JSON).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from kiosk.store.tables import SYNCED_TABLES, SyncedRow

TABLES: dict[str, type[SyncedRow]] = {table.__tablename__: table for table in SYNCED_TABLES}  # type: ignore[attr-defined]
# Columns that say who changed a row and when, not what it holds: two kiosks that made the same row (a room from
# the same config, the demo's sessions) made the same row.
BOOKKEEPING = frozenset({"created_at", "updated_at", "version", "kiosk_id", "hlc"})


class BadRow(ValueError):  # noqa: N818 - named like the store's other refusals
    """A row from elsewhere (the hub) that does not fit this kiosk's tables."""


def columns_of(table: str) -> list[sa.Column[Any]]:
    return list(TABLES[table].__table__.columns)  # type: ignore[attr-defined]


def plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def encode(row: SyncedRow) -> dict[str, Any]:
    """Every column of a synced row, as JSON values."""
    table = type(row).__tablename__  # type: ignore[attr-defined]
    return {column.name: plain(getattr(row, column.key)) for column in columns_of(table)}


def dumps(payload: dict[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class _Field:
    name: str
    key: str
    nullable: bool
    python_type: type


# Each synced table's columns as decode needs them, read once: a pull decodes thousands of rows.
_FIELDS: dict[str, tuple[_Field, ...]] = {
    table: tuple(
        _Field(column.name, column.key, bool(column.nullable), column.type.python_type) for column in columns_of(table)
    )
    for table in TABLES
}


_MISSING = object()


def decode(table: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Column values for `table` from a JSON payload; raises BadRow naming what does not fit."""
    fields = _FIELDS.get(table)
    if fields is None:
        raise BadRow(f"unknown table {table!r}")
    values: dict[str, Any] = {}
    for field in fields:
        value = payload.get(field.name, _MISSING)
        # Text, flags and counters arrive as they are stored: the common case costs one type check.
        if type(value) is field.python_type:
            values[field.key] = value
        elif value is _MISSING:
            raise BadRow(f"{table}.{field.name} is missing")
        else:
            values[field.key] = _typed(table, field, value)
    return values


def content(payload: dict[str, Any]) -> dict[str, Any]:
    """What a row holds, without who changed it when: equal content from two kiosks is one change."""
    return {name: value for name, value in payload.items() if name not in BOOKKEEPING}


def _typed(table: str, field: _Field, value: Any) -> Any:
    python_type = field.python_type
    where = f"{table}.{field.name}"
    if value is None:
        if not field.nullable:
            raise BadRow(f"{where} is empty")
        return None
    try:
        if python_type is uuid.UUID:
            return uuid.UUID(str(value))
        if python_type is datetime:
            moment = datetime.fromisoformat(str(value))
            if moment.tzinfo is None:
                raise BadRow(f"{where} has no time zone")
            return moment.astimezone(UTC)
        if python_type is bool and isinstance(value, bool):
            return value
        if python_type is int and isinstance(value, int) and not isinstance(value, bool):
            return value
    except ValueError as error:
        raise BadRow(f"{where}: {error}") from None
    raise BadRow(f"{where} should be {python_type.__name__}, not {type(value).__name__}")
