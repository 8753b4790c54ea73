"""The one door every change to the board goes through.

A `Change` is one transaction. Inside it, rows are inserted, updated and tombstoned only through its methods,
which bump `version`, stamp the time, the kiosk and the hybrid logical clock, and remember old → new; when it
ends, it writes exactly one audit row naming the actor, and an outbox entry for every synced row it touched, in
the same transaction, so a crash never loses or invents a change the hub should hear of. Rows pulled from the
hub come in through `apply_remote`: stamped as the hub has them, with no outbox entry. Nothing else in the
program constructs a row.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, TypeVar, cast

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from kiosk.domain.actors import Actor
from kiosk.domain.clock import real
from kiosk.domain.hlc import Hlc
from kiosk.store import rowcodec
from kiosk.store.context import StoreContext
from kiosk.store.engine import database_errors
from kiosk.store.errors import SlotTaken
from kiosk.store.tables import AuditRow, Base, CodeLockRow, KioskStateRow, OutboxRow, SessionRow, SyncedRow

SyncedT = TypeVar("SyncedT", bound=SyncedRow)
LocalT = TypeVar("LocalT", bound=Base)

# Kiosk-local tables a change may write besides the synced ones, by the key their rows are found by.
_LOCAL_KEYS: dict[type[Base], str] = {CodeLockRow: "session_id", KioskStateRow: "key"}


class Change:
    """One change to the board by one actor; see the module docstring."""

    def __init__(self, session: Session, actor: Actor, now: datetime, action: str, *, board_now: datetime) -> None:
        self.session = session
        self.actor = actor
        # Real time, for stamps and waits; `board_now` is the board's time (a rehearsal clock's), for its rules.
        self.now = now
        self.board_now = board_now
        self.action = action
        self._entity: tuple[str, str | None] | None = None
        self._detail: dict[str, Any] = {}
        self._changed: dict[str, dict[str, list[Any]]] = {}
        self._touched = False
        # Synced rows changed here, with the version and stamp each had before: one outbox entry each at the end.
        self._outgoing: dict[tuple[str, uuid.UUID], tuple[SyncedRow, int, str]] = {}

    # -- synced rows -----------------------------------------------------------------------------------------------

    def insert(self, row_type: type[SyncedT], *, row_id: uuid.UUID | None = None, **columns: Any) -> SyncedT:
        """A new synced row, version 1, made by this kiosk now."""
        stamp: dict[str, Any] = {
            "id": row_id or uuid.uuid4(),
            "created_at": self.now,
            "updated_at": self.now,
            "version": 1,
            "deleted": False,
            "kiosk_id": self.actor.kiosk_id,
        }
        row = row_type(**stamp, **columns)
        self.session.add(row)
        self._touched = True
        self._outgoing[(row_type.__tablename__, row.id)] = (row, 0, "")  # type: ignore[attr-defined]
        return row

    def update(self, row: SyncedRow, **values: Any) -> bool:
        """Set `values`; if any differ, the row gets a new version, time and author. Returns whether it changed."""
        changed = {name: value for name, value in values.items() if getattr(row, name) != value}
        if not changed:
            return False
        key = (type(row).__tablename__, row.id)  # type: ignore[attr-defined]
        self._outgoing.setdefault(key, (row, row.version, row.hlc))
        diff = self._changed.setdefault(f"{type(row).__tablename__}/{row.id}", {})  # type: ignore[attr-defined]
        for name, value in changed.items():
            old = diff[name][0] if name in diff else rowcodec.plain(getattr(row, name))
            diff[name] = [old, rowcodec.plain(value)]
            setattr(row, name, value)
        row.version += 1
        row.updated_at = self.now
        row.kiosk_id = self.actor.kiosk_id
        self._touched = True
        return True

    def apply_remote(self, row_type: type[SyncedRow], rows: list[dict[str, Any]]) -> None:
        """Rows as the hub has them (pulled, or its answer to a push): every column set as given, versions and
        stamps included, no outbox entry. Many at once (a first pull brings the whole board), so in bulk; the
        change still ends with its one audit row, so the screen notices."""
        if not rows:
            return
        connection = self.session.connection()
        upsert = _bulk_upsert(cast(sa.Table, row_type.__table__), connection.dialect)  # type: ignore[attr-defined]
        connection.exec_driver_sql(upsert.sql, [upsert.parameters(row) for row in rows])
        self._touched = True

    def vacate(self, session_ids: Collection[uuid.UUID], slots: Collection[tuple[uuid.UUID, datetime]]) -> int:
        """Before pulled sessions are written: take this kiosk's copies of them off the grid, and any other card
        in the slots they are about to hold, on this kiosk only (no version, no outbox entry).

        The hub's rows never double-book, but this kiosk's copy may be behind it (a card that moved away on the
        hub and has not been pulled yet) or ahead of it (a booking not pushed yet, which the hub will displace
        because it confirmed the pulled card first). Returns how many other cards were taken off.
        """
        sessions = cast(sa.Table, SessionRow.__table__)
        live = sa.and_(sessions.c.deleted.is_(False), sessions.c.displaced.is_(False))
        ids = list(session_ids)
        for start in range(0, len(ids), 500):
            self.session.execute(
                sa.update(sessions).where(sessions.c.id.in_(ids[start : start + 500]), live).values(displaced=True)
            )
        moved = 0
        if slots:
            in_slot = sa.update(sessions).where(
                sessions.c.room_id == sa.bindparam("slot_room"),
                sessions.c.starts_at == sa.bindparam("slot_start"),
                live,
            )
            result = self.session.connection().execute(
                in_slot.values(displaced=True),
                [{"slot_room": room_id, "slot_start": starts_at} for room_id, starts_at in slots],
            )
            moved = result.rowcount
        self._touched = True
        return moved

    def resend(self, row: SyncedRow) -> None:
        """Queue the row as it is for the hub, unchanged (a kiosk meeting a hub for the first time): based on
        its own state, so the hub takes it as new, or as content it already has."""
        self.session.add(
            OutboxRow(
                entry_id=uuid.uuid4(),
                table_name=type(row).__tablename__,  # type: ignore[attr-defined]
                row_id=row.id,
                base_version=row.version,
                base_hlc=row.hlc,
                version=row.version,
                hlc=row.hlc,
                payload=rowcodec.dumps(rowcodec.encode(row)),
                created_at=self.now,
            )
        )

    def settled(self, entry_ids: Collection[uuid.UUID]) -> None:
        """The hub has settled these outbox entries: they leave the queue (bookkeeping, not a board change)."""
        self.session.execute(sa.delete(OutboxRow).where(OutboxRow.entry_id.in_(entry_ids)))

    def tombstone(self, row: SyncedRow) -> bool:
        """Rows are never deleted: marked `deleted`, the deletion reaches other kiosks like any change."""
        return self.update(row, deleted=True)

    def flush(self) -> None:
        self.session.flush()

    @property
    def touched(self) -> bool:
        """Whether any synced row was inserted or changed so far."""
        return self._touched

    # -- kiosk-local bookkeeping -------------------------------------------------------------------------------------

    def set_local(self, row_type: type[LocalT], key: uuid.UUID | str, **values: Any) -> LocalT:
        """Create or update a row of a kiosk-local table (never synced, no version).

        Bookkeeping alone is not a board change: it gets an audit row only if the change is described.
        """
        key_column = _LOCAL_KEYS[row_type]
        row = self.session.get(row_type, key)
        if row is None:
            row = row_type(**{key_column: key}, **values)
            self.session.add(row)
        else:
            for name, value in values.items():
                setattr(row, name, value)
        return row

    # -- the audit row -------------------------------------------------------------------------------------------------

    def describe(self, entity: str, entity_id: uuid.UUID | str | None, **detail: Any) -> None:
        """What the audit row says this change was about; call once the subject's id is known."""
        self._entity = (entity, None if entity_id is None else str(entity_id))
        self._detail.update(detail)

    def close(self) -> None:
        """Write the outbox entries and the audit row, if anything happened. Called when the change's block ends
        without an error."""
        if not self._touched and self._entity is None:
            return
        if self._outgoing:
            self._write_outbox()
        if self._entity is None:
            raise RuntimeError(f"change {self.action!r} touched rows but never said what it was about")
        detail = dict(self._detail)
        if self._changed:
            detail["changed"] = self._changed
        entity, entity_id = self._entity
        self.session.add(
            AuditRow(
                at=self.now,
                kiosk_id=self.actor.kiosk_id,
                actor=str(self.actor.role),
                action=self.action,
                entity=entity,
                entity_id=entity_id,
                detail=json.dumps(detail, ensure_ascii=False, default=str),
            )
        )

    def _write_outbox(self) -> None:
        stamp = str(next_stamp(self.session, self.actor.kiosk_id, self.now))
        for row, _version, _hlc in self._outgoing.values():
            row.hlc = stamp
        self.session.flush()
        for (table, row_id), (row, base_version, base_hlc) in self._outgoing.items():
            self.session.add(
                OutboxRow(
                    entry_id=uuid.uuid4(),
                    table_name=table,
                    row_id=row_id,
                    base_version=base_version,
                    base_hlc=base_hlc,
                    version=row.version,
                    hlc=stamp,
                    payload=rowcodec.dumps(rowcodec.encode(row)),
                    created_at=self.now,
                )
            )


HLC_KEY = "hlc"


def next_stamp(s: Session, node: str, now: datetime) -> Hlc:
    """Tick this kiosk's hybrid logical clock (kept in kiosk_state) for a change made now."""
    stamp = current_stamp(s, node).tick(int(now.timestamp() * 1000))
    _keep_stamp(s, stamp)
    return stamp


def seen_stamp(s: Session, node: str, seen: str, now: datetime) -> None:
    """Merge a stamp pulled from the hub into this kiosk's clock, so its next change sorts after it."""
    other = Hlc.parse(seen)
    if other is not None:
        _keep_stamp(s, current_stamp(s, node).merge(other, int(now.timestamp() * 1000)))


def current_stamp(s: Session, node: str) -> Hlc:
    row = s.get(KioskStateRow, HLC_KEY)
    stamp = Hlc.parse(row.value) if row is not None else None
    return Hlc(stamp.wall_ms, stamp.counter, node) if stamp is not None else Hlc(0, 0, node)


def _keep_stamp(s: Session, stamp: Hlc) -> None:
    row = s.get(KioskStateRow, HLC_KEY)
    if row is None:
        s.add(KioskStateRow(key=HLC_KEY, value=str(stamp)))
    else:
        row.value = str(stamp)


@contextmanager
def change(ctx: StoreContext, actor: Actor, action: str) -> Iterator[Change]:
    """One change as one transaction holding SQLite's write lock from its first statement (BEGIN IMMEDIATE).

    Two live cards in one slot break the partial unique index; that race (another process, another kiosk's sync
    was faster) surfaces as `SlotTaken`.
    """
    board_now = ctx.clock.now()
    now = real(ctx.clock).now()
    try:
        with database_errors(ctx.label), Session(ctx.write_engine) as s, s.begin():
            current = Change(s, actor, now, action, board_now=board_now)
            yield current
            current.close()
    except sa.exc.IntegrityError as error:
        if "uq_sessions_live_room_slot" in str(error) or "sessions.room_id, sessions.starts_at" in str(error):
            raise SlotTaken() from error
        raise


@dataclass(frozen=True, slots=True)
class _BulkUpsert:
    """One table's insert-or-replace, compiled once, with each column's conversion to what the database stores.

    A pull applies tens of thousands of rows; running each through the ORM's per-row parameter handling costs
    several times what SQLite's own work does, so the statement is compiled once and the column values are
    converted by the same type processors SQLAlchemy would use (the stored text is byte-for-byte the same)."""

    sql: str
    # Each bound column's key, in the statement's order, with its conversion (None: stored as it is).
    columns: tuple[tuple[str, Callable[[Any], Any] | None], ...]

    def parameters(self, row: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(
            [row[key] if process is None or row[key] is None else process(row[key]) for key, process in self.columns]
        )


@cache
def _bulk_upsert(table: sa.Table, dialect: sa.Dialect) -> _BulkUpsert:
    columns = list(table.columns)
    statement = sqlite_insert(table).values({column.key: sa.bindparam(column.key) for column in columns})
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={column.name: statement.excluded[column.name] for column in columns if column.name != "id"},
    )
    compiled = statement.compile(dialect=dialect)
    order = tuple(compiled.positiontup or ())
    by_key = {column.key: column for column in columns}
    if sorted(order) != sorted(by_key):
        raise RuntimeError(f"{table.name}: the compiled upsert binds {order}, not one value per column")
    return _BulkUpsert(
        str(compiled), tuple((key, by_key[key].type.dialect_impl(dialect).bind_processor(dialect)) for key in order)
    )
