"""The hub's board rows as the arbiter and a pull read and write them: whole rows in HubRow's shape, the rows a
batch of bookings and blocks can collide with, and one statement that writes a push's rows."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection

from kiosk.sync.entries import HubRow
from kiosk.sync.hubtables import LIVE_SESSION, applied_entries, board_rows, board_seq

RowKey = tuple[str, uuid.UUID]
# A session's slot: (room id, start), as the payload writes them.
Slot = tuple[str, str]

# In the order of HubRow's fields.
_ROW_COLUMNS = (
    board_rows.c.table_name,
    board_rows.c.row_id,
    board_rows.c.version,
    board_rows.c.hlc,
    board_rows.c.kiosk_id,
    board_rows.c.deleted,
    board_rows.c.displaced,
    board_rows.c.seq,
    board_rows.c.payload,
)
# What a push writes of each row; the hub adds the sequence number and the time.
_UPSERTED = tuple(column for column in board_rows.c if column.name not in {"seq", "changed_at"})
_ROOM = board_rows.c.payload["room_id"].astext
_STARTS = board_rows.c.payload["starts_at"].astext


def slot_of(payload: Mapping[str, Any]) -> Slot:
    return str(payload["room_id"]), str(payload["starts_at"])


def _rows(connection: Connection, *criteria: sa.ColumnElement[bool] | sa.TextClause) -> list[HubRow]:
    # Built positionally, in HubRow's field order: a pull makes thousands of these.
    return [HubRow(*row) for row in connection.execute(sa.select(*_ROW_COLUMNS).where(*criteria))]


def rows_after(connection: Connection, cursor: int, limit: int) -> list[HubRow]:
    """The hub's rows changed after `cursor`, in the order they changed."""
    query = sa.select(*_ROW_COLUMNS).where(board_rows.c.seq > cursor).order_by(board_rows.c.seq).limit(limit)
    return [HubRow(*row) for row in connection.execute(query)]


def rows_by_id(connection: Connection, keys: Iterable[RowKey]) -> list[HubRow]:
    wanted = set(keys)
    if not wanted:
        return []
    return _rows(connection, sa.tuple_(board_rows.c.table_name, board_rows.c.row_id).in_(wanted))


def neighbours(connection: Connection, slots: set[Slot], block_rooms: set[str]) -> Iterator[HubRow]:
    """Everything bookings in `slots` and blocks in `block_rooms` can collide with, in two queries: the live
    sessions in those slots and rooms, and the live blocks in every room involved."""
    if slots or block_rooms:
        near = sa.or_(
            sa.tuple_(_ROOM, _STARTS).in_(slots) if slots else sa.false(),
            _ROOM.in_(block_rooms) if block_rooms else sa.false(),
        )
        yield from _rows(connection, sa.text(LIVE_SESSION), near)
    rooms = {room for room, _start in slots} | block_rooms
    if rooms:
        yield from _rows(
            connection, board_rows.c.table_name == "blocks", board_rows.c.deleted.is_(False), _ROOM.in_(rooms)
        )


def applied_already(connection: Connection, entry_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """The outbox entries among `entry_ids` that the hub has settled before (a push whose answer was lost)."""
    return set(
        connection.scalars(sa.select(applied_entries.c.entry_id).where(applied_entries.c.entry_id.in_(entry_ids)))
    )


def mark_applied(connection: Connection, kiosk_id: str, entry_ids: Iterable[uuid.UUID]) -> None:
    ids = sa.func.unnest(sa.cast(sa.bindparam("entry_ids", type_=ARRAY(sa.Text)), ARRAY(sa.Uuid)))
    connection.execute(
        sa.insert(applied_entries).from_select(["entry_id", "kiosk_id"], sa.select(ids, sa.literal(kiosk_id, sa.Text))),
        {"entry_ids": [str(entry) for entry in entry_ids]},
    )


def write_rows(connection: Connection, rows: Mapping[RowKey, Mapping[str, Any]]) -> Iterator[tuple[RowKey, int]]:
    """Write the final states of a push's rows (payloads by key) and give each its new sequence number."""
    # The final states never share a slot, but the order they reach the table in could pass through one (a card
    # moved out of a slot after another was moved in, two cards swapped through a third slot): take them off the
    # live-slot index first, then write every final state.
    moving = [row_id for table, row_id in rows if table == "sessions"]
    if moving:
        connection.execute(
            sa.update(board_rows)
            .where(board_rows.c.table_name == "sessions", board_rows.c.row_id.in_(moving), sa.text(LIVE_SESSION))
            .values(displaced=True)
        )
    # One statement: the rows travel as one JSON array that PostgreSQL unpacks (jsonb_to_recordset), which costs a
    # push of a thousand rows one round trip and no per-row parameters.
    incoming = (
        sa.func.jsonb_to_recordset(sa.cast(sa.bindparam("rows", type_=sa.Text), JSONB))
        .table_valued(*(sa.column(column.name, column.type) for column in _UPSERTED))
        .render_derived(name="incoming", with_types=True)
    )
    upsert = pg_insert(board_rows).from_select(
        [column.name for column in _UPSERTED], sa.select(*(incoming.c[column.name] for column in _UPSERTED))
    )
    statement = upsert.on_conflict_do_update(
        index_elements=[board_rows.c.table_name, board_rows.c.row_id],
        set_={
            **{column.name: upsert.excluded[column.name] for column in _UPSERTED if not column.primary_key},
            "seq": board_seq.next_value(),
            "changed_at": sa.func.now(),
        },
    ).returning(board_rows.c.table_name, board_rows.c.row_id, board_rows.c.seq)
    records = [
        {
            "table_name": table,
            "row_id": str(row_id),
            "version": int(payload["version"]),
            "hlc": str(payload["hlc"]),
            "kiosk_id": str(payload["kiosk_id"]),
            "deleted": bool(payload["deleted"]),
            "displaced": bool(payload.get("displaced", False)),
            "payload": payload,
        }
        for (table, row_id), payload in rows.items()
    ]
    for written in connection.execute(statement, {"rows": json.dumps(records, ensure_ascii=False)}):
        yield (written.table_name, written.row_id), written.seq
