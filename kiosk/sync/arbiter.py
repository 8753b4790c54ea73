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
from sqlalchemy.engine import Connection

from kiosk.domain.hlc import Hlc
from kiosk.store import rowcodec
from kiosk.sync import hubrows
from kiosk.sync.entries import Entry, HubRow, Outcome, PushResult
from kiosk.sync.hubrows import RowKey, slot_of

# pg_advisory_xact_lock key for "settling a push": the bytes of "osk".
PUSH_LOCK = 0x6F736B
HUB_NODE = "hub"
# Conflict ids are derived, so a session displaced twice (or edited twice while apart) has one open conflict.
CONFLICT_NAMESPACE = uuid.UUID("5b0d3c1e-8a47-4f2e-9c61-2d7e4a9b1f30")


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
        self.rows: dict[RowKey, HubRow] = {}
        # Rows changed by this push and not yet written, in the order they changed.
        self.unwritten: dict[RowKey, dict[str, Any]] = {}
        self.applied: list[uuid.UUID] = []
        # Live sessions by (room, start) and live blocks by room, for the slots and rooms this push touches.
        self.holders: dict[tuple[str, str], RowKey] = {}
        self.blocks: dict[str, dict[RowKey, tuple[str, str]]] = {}

    def run(self, entries: Sequence[Entry]) -> list[PushResult]:
        if not entries:
            return []
        done = hubrows.applied_already(self.db, [entry.entry_id for entry in entries])
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

    def _load(self, keys: set[RowKey]) -> None:
        self._remember(hubrows.rows_by_id(self.db, keys))

    def _load_neighbours(self, entries: Sequence[Entry]) -> None:
        """Everything the batch's bookings and blocks can collide with."""
        slots = {slot_of(entry.payload) for entry in entries if entry.table == "sessions"}
        block_rooms = {str(entry.payload["room_id"]) for entry in entries if entry.table == "blocks"}
        self._remember(hubrows.neighbours(self.db, slots, block_rooms))

    def _remember(self, rows: Iterable[HubRow]) -> None:
        for row in rows:
            key = (row.table, row.row_id)
            if key not in self.rows:
                self.rows[key] = row
                self._index(key, None, row)

    def _index(self, key: RowKey, old: HubRow | None, new: HubRow) -> None:
        """Keep the slot and block indexes in step with `self.rows`."""
        if old is not None and old.live_session and self.holders.get(slot_of(old.payload)) == key:
            del self.holders[slot_of(old.payload)]
        if new.live_session:
            self.holders[slot_of(new.payload)] = key
        if new.table == "blocks":
            room = self.blocks.setdefault(str(new.payload["room_id"]), {})
            if new.deleted:
                room.pop(key, None)
            else:
                room[key] = (str(new.payload["starts_at"]), str(new.payload["ends_at"]))

    def _slot_holder(self, payload: dict[str, Any], row_id: uuid.UUID) -> uuid.UUID | None:
        key = self.holders.get(slot_of(payload))
        return key[1] if key is not None and key[1] != row_id else None

    def _blocking(self, payload: dict[str, Any]) -> uuid.UUID | None:
        starts, ends = str(payload["starts_at"]), str(payload["ends_at"])
        for (_table, block_id), (block_starts, block_ends) in self.blocks.get(str(payload["room_id"]), {}).items():
            if block_starts < ends and block_ends > starts:
                return block_id
        return None

    def _sessions_under(self, block: dict[str, Any]) -> list[RowKey]:
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
            moved_in = current is None or not current.live_session or slot_of(current.payload) != slot_of(payload)
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

    def _displace(self, key: RowKey, reason: str, winner: uuid.UUID | None) -> None:
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
            for key, seq in hubrows.write_rows(self.db, self.unwritten):
                self.rows[key] = dataclasses.replace(self.rows[key], seq=seq)
            self.unwritten = {}
        if self.applied:
            hubrows.mark_applied(self.db, self.kiosk_id, self.applied)
            self.applied = []


__all__ = ["PUSH_LOCK", "push"]
