"""The hub's side of a push: outbox entries from one kiosk, settled against the board of record in one
PostgreSQL transaction.

Rules, in the order they are tried for each entry:

1. An entry the hub applied before (its answer was lost) changes nothing.
2. An entry whose content the hub already has (two kiosks made the same room from one config) changes nothing.
3. An entry based on another state than the hub's (another kiosk changed the row since) is an *edit conflict*:
   the hub keeps its row, and a conflict row keeps the kiosk's values for staff. No last-writer-wins.
4. A live session whose slot the hub has already given to another card, or that falls in a blocked range, is
   stored *displaced*: kept, off the grid, with a slot conflict for staff. The card the hub confirmed first keeps
   its slot: it is the one every kiosk's screen, QR code and calendar link already show. A block always wins over
   sessions (staff block a room because it is needed); sessions it covers are displaced.

Every push takes one advisory lock for its transaction, so pushes are settled one at a time, in the order their
sequence numbers say: a kiosk that pulls up to sequence N never later finds a row below N appear. There are no
ties to break. PostgreSQL's partial unique index on live slots backs the rules up: a bug here fails the push, it
can never double-book.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection

from kiosk.domain.hlc import Hlc
from kiosk.store import rowcodec
from kiosk.sync.entries import Entry, HubRow, Outcome, PushResult
from kiosk.sync.hubtables import LIVE_SESSION, applied_entries, board_rows, board_seq

# pg_advisory_xact_lock key for "settling a push": the bytes of "osk".
PUSH_LOCK = 0x6F736B
HUB_NODE = "hub"
# Conflict ids are derived, so a session displaced twice (or edited twice while apart) has one open conflict.
CONFLICT_NAMESPACE = uuid.UUID("5b0d3c1e-8a47-4f2e-9c61-2d7e4a9b1f30")

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
_ENDS = board_rows.c.payload["ends_at"].astext


def hub_row(row: sa.Row[Any]) -> HubRow:
    """A row selected with `_ROW_COLUMNS` (in HubRow's field order: a pull makes thousands of these)."""
    return HubRow(*row)


def push(connection: Connection, kiosk_id: str, entries: Sequence[Entry], now: datetime) -> list[PushResult]:
    """Settle `entries` (one kiosk's, oldest first) on the hub; the caller commits."""
    connection.execute(sa.select(sa.func.pg_advisory_xact_lock(PUSH_LOCK)))
    return _Push(connection, kiosk_id, now).run(entries)


class _Push:
    def __init__(self, connection: Connection, kiosk_id: str, now: datetime) -> None:
        self.db = connection
        self.kiosk_id = kiosk_id
        self.now = now
        self.now_ms = int(now.timestamp() * 1000)
        self.rows: dict[tuple[str, uuid.UUID], HubRow] = {}
        # Rows changed by this push and not yet written, in the order they changed.
        self.unwritten: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
        self.applied: list[uuid.UUID] = []
        # Live sessions by (room, start) and live blocks by room, for the slots and rooms this push touches.
        self.holders: dict[tuple[str, str], tuple[str, uuid.UUID]] = {}
        self.blocks: dict[str, dict[tuple[str, uuid.UUID], tuple[str, str]]] = {}

    def run(self, entries: Sequence[Entry]) -> list[PushResult]:
        if not entries:
            return []
        done = set(
            self.db.scalars(
                sa.select(applied_entries.c.entry_id).where(
                    applied_entries.c.entry_id.in_([entry.entry_id for entry in entries])
                )
            )
        )
        self._load({(entry.table, entry.row_id) for entry in entries})
        self._load_neighbours(entries)
        results = []
        for entry in entries:
            if entry.entry_id in done:
                outcome = Outcome.REPLAYED
            else:
                outcome = self._settle(entry)
                self.applied.append(entry.entry_id)
                done.add(entry.entry_id)
            results.append((entry, outcome))
        self._write()
        return [
            PushResult(entry.entry_id, outcome, self.rows[(entry.table, entry.row_id)]) for entry, outcome in results
        ]

    # -- reading -----------------------------------------------------------------------------------------------------

    def _load(self, keys: set[tuple[str, uuid.UUID]]) -> None:
        query = sa.select(*_ROW_COLUMNS).where(sa.tuple_(board_rows.c.table_name, board_rows.c.row_id).in_(keys))
        for found in self.db.execute(query):
            row = hub_row(found)
            self.rows[(row.table, row.row_id)] = row
            self._index((row.table, row.row_id), None, row)

    def _load_neighbours(self, entries: Sequence[Entry]) -> None:
        """Everything the batch's bookings and blocks can collide with, in two queries: the live sessions in the
        slots booked (and in the rooms blocked), and the live blocks in those rooms."""
        sessions = [entry.payload for entry in entries if entry.table == "sessions"]
        blocks = [entry.payload for entry in entries if entry.table == "blocks"]
        slots = {_slot(payload) for payload in sessions}
        block_rooms = {str(payload["room_id"]) for payload in blocks}
        rooms = {room for room, _start in slots} | block_rooms
        if slots or block_rooms:
            near = sa.or_(
                sa.tuple_(_ROOM, _STARTS).in_(slots) if slots else sa.false(),
                _ROOM.in_(block_rooms) if block_rooms else sa.false(),
            )
            self._remember(sa.select(*_ROW_COLUMNS).where(sa.text(LIVE_SESSION), near))
        if rooms:
            live_blocks = sa.and_(board_rows.c.table_name == "blocks", board_rows.c.deleted.is_(False))
            self._remember(sa.select(*_ROW_COLUMNS).where(live_blocks, _ROOM.in_(rooms)))

    def _remember(self, query: sa.Select[Any]) -> None:
        for found in self.db.execute(query):
            row = hub_row(found)
            key = (row.table, row.row_id)
            if key not in self.rows:
                self.rows[key] = row
                self._index(key, None, row)

    def _index(self, key: tuple[str, uuid.UUID], old: HubRow | None, new: HubRow) -> None:
        """Keep the slot and block indexes in step with `self.rows`."""
        if old is not None and old.live_session and self.holders.get(_slot(old.payload)) == key:
            del self.holders[_slot(old.payload)]
        if new.live_session:
            self.holders[_slot(new.payload)] = key
        if new.table == "blocks":
            room = self.blocks.setdefault(str(new.payload["room_id"]), {})
            if new.deleted:
                room.pop(key, None)
            else:
                room[key] = (str(new.payload["starts_at"]), str(new.payload["ends_at"]))

    def _slot_holder(self, payload: dict[str, Any], row_id: uuid.UUID) -> uuid.UUID | None:
        key = self.holders.get(_slot(payload))
        return key[1] if key is not None and key[1] != row_id else None

    def _blocking(self, payload: dict[str, Any]) -> uuid.UUID | None:
        starts, ends = str(payload["starts_at"]), str(payload["ends_at"])
        for (_table, block_id), (block_starts, block_ends) in self.blocks.get(str(payload["room_id"]), {}).items():
            if block_starts < ends and block_ends > starts:
                return block_id
        return None

    def _sessions_under(self, block: dict[str, Any]) -> list[tuple[str, uuid.UUID]]:
        room, starts, ends = str(block["room_id"]), str(block["starts_at"]), str(block["ends_at"])
        return [
            key
            for (holder_room, _start), key in self.holders.items()
            if holder_room == room
            and str(self.rows[key].payload["starts_at"]) < ends
            and str(self.rows[key].payload["ends_at"]) > starts
        ]

    # -- deciding ----------------------------------------------------------------------------------------------------

    def _settle(self, entry: Entry) -> Outcome:
        key = (entry.table, entry.row_id)
        current = self.rows.get(key)
        if current is not None and rowcodec.content(current.payload) == rowcodec.content(entry.payload):
            return Outcome.SAME
        if current is not None and (current.version, current.hlc) != (entry.base_version, entry.base_hlc):
            self._edit_conflict(entry, current)
            return Outcome.EDIT_CONFLICT
        payload = dict(entry.payload)
        outcome = Outcome.ACCEPTED
        if entry.table == "sessions" and not payload["deleted"] and not payload["displaced"]:
            moved_in = current is None or not current.live_session or _slot(current.payload) != _slot(payload)
            if moved_in:
                reason, winner = self._slot_taken(payload, entry.row_id)
                if reason:
                    # Never live here, not even for a moment: the slot's holder stays indexed as its holder.
                    self._store(entry.table, {**payload, "displaced": True})
                    self._displace(key, reason, winner)
                    return Outcome.DISPLACED
        self._store(entry.table, payload)
        if entry.table == "blocks" and not payload["deleted"]:
            for session in self._sessions_under(payload):
                self._displace(session, "blocked", entry.row_id)
        return outcome

    def _slot_taken(self, payload: dict[str, Any], row_id: uuid.UUID) -> tuple[str, uuid.UUID | None]:
        block = self._blocking(payload)
        if block is not None:
            return "blocked", block
        holder = self._slot_holder(payload, row_id)
        if holder is not None:
            return "taken", holder
        return "", None

    # -- writing -----------------------------------------------------------------------------------------------------

    def _store(self, table: str, payload: dict[str, Any]) -> None:
        row_id = uuid.UUID(str(payload["id"]))
        key = (table, row_id)
        previous = self.rows.get(key)
        row = self.rows[key] = HubRow(
            table=table,
            row_id=row_id,
            version=int(payload["version"]),
            hlc=str(payload["hlc"]),
            kiosk_id=str(payload["kiosk_id"]),
            deleted=bool(payload["deleted"]),
            displaced=bool(payload.get("displaced", False)),
            seq=previous.seq if previous is not None else 0,
            payload=payload,
        )
        self._index(key, previous, row)
        self.unwritten[key] = payload

    def _hub_stamp(self, after: str) -> str:
        seen = Hlc.parse(after) or Hlc(0, 0, HUB_NODE)
        return str(Hlc(seen.wall_ms, seen.counter, HUB_NODE).tick(self.now_ms))

    def _hub_change(self, row: HubRow, **values: Any) -> dict[str, Any]:
        """The row changed by the hub itself: a new version, stamped after the row's own stamp."""
        return {
            **row.payload,
            **values,
            "version": row.version + 1,
            "hlc": self._hub_stamp(row.hlc),
            "kiosk_id": HUB_NODE,
            "updated_at": rowcodec.plain(self.now),
        }

    def _displace(self, key: tuple[str, uuid.UUID], reason: str, winner: uuid.UUID | None) -> None:
        session = self.rows[key]
        self._store("sessions", self._hub_change(session, displaced=True))
        self._conflict(
            "slot",
            session,
            booked_by=session.payload.get("kiosk_id", ""),
            reason=reason,
            room_id=session.payload["room_id"],
            starts_at=session.payload["starts_at"],
            ends_at=session.payload["ends_at"],
            topic=session.payload.get("topic", ""),
            winner=None if winner is None else str(winner),
        )

    def _edit_conflict(self, entry: Entry, current: HubRow) -> None:
        losing = rowcodec.content(entry.payload)
        self._conflict(
            "edit",
            current,
            kiosk=self.kiosk_id,
            values=losing,
            base_version=entry.base_version,
            hub_version=current.version,
            changed=sorted(name for name, value in losing.items() if current.payload.get(name) != value),
        )

    def _conflict(self, kind: str, about: HubRow, **detail: Any) -> None:
        owner = self.kiosk_id if kind == "edit" else ""
        conflict_id = uuid.uuid5(CONFLICT_NAMESPACE, f"{kind}/{about.table}/{about.row_id}/{owner}")
        key = ("conflicts", conflict_id)
        if key not in self.rows:
            self._load({key})
        existing = self.rows.get(key)
        stamp = self._hub_stamp(existing.hlc if existing else about.hlc)
        payload = {
            "id": str(conflict_id),
            "created_at": existing.payload["created_at"] if existing else rowcodec.plain(self.now),
            "updated_at": rowcodec.plain(self.now),
            "version": existing.version + 1 if existing else 1,
            "deleted": False,
            "kiosk_id": HUB_NODE,
            "hlc": stamp,
            "kind": kind,
            "entity": about.table,
            "entity_id": str(about.row_id),
            "detail": json.dumps({**detail, "at": rowcodec.plain(self.now)}, sort_keys=True, ensure_ascii=False),
        }
        self._store("conflicts", payload)

    def _write(self) -> None:
        if self.unwritten:
            # The final states of the batch's rows never share a slot, but the order they reach the table in
            # could pass through one (a card moved out of a slot after another was moved in, two cards swapped
            # through a third slot): take them off the index first, then write every final state.
            moving = [row_id for table, row_id in self.unwritten if table == "sessions"]
            if moving:
                self.db.execute(
                    sa.update(board_rows)
                    .where(
                        board_rows.c.table_name == "sessions", board_rows.c.row_id.in_(moving), sa.text(LIVE_SESSION)
                    )
                    .values(displaced=True)
                )
            self._upsert()
        if self.applied:
            entry_ids = sa.func.unnest(sa.cast(sa.bindparam("entry_ids", type_=ARRAY(sa.Text)), ARRAY(sa.Uuid)))
            self.db.execute(
                sa.insert(applied_entries).from_select(
                    ["entry_id", "kiosk_id"], sa.select(entry_ids, sa.literal(self.kiosk_id, sa.Text))
                ),
                {"entry_ids": [str(entry) for entry in self.applied]},
            )
            self.applied = []

    def _upsert(self) -> None:
        """Write every unwritten row in one statement: the rows travel as one JSON array that PostgreSQL unpacks
        (jsonb_to_recordset), which costs a push of a thousand rows one round trip and no per-row parameters."""
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
        rows = [
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
            for (table, row_id), payload in self.unwritten.items()
        ]
        self.unwritten = {}
        for written in self.db.execute(statement, {"rows": json.dumps(rows, ensure_ascii=False)}):
            key = (written.table_name, written.row_id)
            row = self.rows[key]
            self.rows[key] = dataclasses.replace(row, seq=written.seq)


def _slot(payload: dict[str, Any]) -> tuple[str, str]:
    return str(payload["room_id"]), str(payload["starts_at"])


def rows_after(connection: Connection, cursor: int, limit: int) -> list[HubRow]:
    """The hub's rows changed after `cursor`, in the order they changed."""
    query = sa.select(*_ROW_COLUMNS).where(board_rows.c.seq > cursor).order_by(board_rows.c.seq).limit(limit)
    return [hub_row(row) for row in connection.execute(query)]


def rows_by_id(connection: Connection, keys: Iterable[tuple[str, uuid.UUID]]) -> list[HubRow]:
    wanted = set(keys)
    if not wanted:
        return []
    query = sa.select(*_ROW_COLUMNS).where(sa.tuple_(board_rows.c.table_name, board_rows.c.row_id).in_(wanted))
    return [hub_row(row) for row in connection.execute(query)]


__all__ = ["PUSH_LOCK", "push", "rows_after", "rows_by_id"]
