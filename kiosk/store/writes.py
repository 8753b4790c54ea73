"""The one door every change to the board goes through.

A `Change` is one transaction. Inside it, rows are inserted, updated and tombstoned only through its methods,
which bump `version`, stamp the time and the kiosk, and remember old → new; when it ends, it writes exactly one
audit row naming the actor. Nothing else in the program constructs a row. (The sync outbox, when it comes,
is written here too, in the same transaction.)
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kiosk.domain.actors import Actor
from kiosk.store.context import StoreContext
from kiosk.store.engine import database_errors
from kiosk.store.errors import SlotTaken
from kiosk.store.tables import AuditRow, Base, CodeLockRow, KioskStateRow, SyncedRow

SyncedT = TypeVar("SyncedT", bound=SyncedRow)
LocalT = TypeVar("LocalT", bound=Base)

# Kiosk-local tables a change may write besides the synced ones, by the key their rows are found by.
_LOCAL_KEYS: dict[type[Base], str] = {CodeLockRow: "session_id", KioskStateRow: "key"}


class Change:
    """One change to the board by one actor; see the module docstring."""

    def __init__(self, session: Session, actor: Actor, now: datetime, action: str) -> None:
        self.session = session
        self.actor = actor
        self.now = now
        self.action = action
        self._entity: tuple[str, str | None] | None = None
        self._detail: dict[str, Any] = {}
        self._changed: dict[str, dict[str, list[Any]]] = {}
        self._touched = False

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
        return row

    def update(self, row: SyncedRow, **values: Any) -> bool:
        """Set `values`; if any differ, the row gets a new version, time and author. Returns whether it changed."""
        changed = {name: value for name, value in values.items() if getattr(row, name) != value}
        if not changed:
            return False
        diff = self._changed.setdefault(f"{type(row).__tablename__}/{row.id}", {})  # type: ignore[attr-defined]
        for name, value in changed.items():
            old = diff[name][0] if name in diff else _plain(getattr(row, name))
            diff[name] = [old, _plain(value)]
            setattr(row, name, value)
        row.version += 1
        row.updated_at = self.now
        row.kiosk_id = self.actor.kiosk_id
        self._touched = True
        return True

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
        """Write the audit row, if anything happened. Called when the change's block ends without an error."""
        if not self._touched and self._entity is None:
            return
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


def _plain(value: Any) -> Any:
    """A value as the audit log keeps it: instants in UTC ISO form whatever zone they came in, ids as text."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


@contextmanager
def change(ctx: StoreContext, actor: Actor, action: str) -> Iterator[Change]:
    """One change as one transaction holding SQLite's write lock from its first statement (BEGIN IMMEDIATE).

    Two live cards in one slot break the partial unique index; that race (another process, another kiosk's sync
    was faster) surfaces as `SlotTaken`.
    """
    now = ctx.clock.now()
    try:
        with database_errors(ctx.label), Session(ctx.write_engine) as s, s.begin():
            current = Change(s, actor, now, action)
            yield current
            current.close()
    except sa.exc.IntegrityError as error:
        if "uq_sessions_live_room_slot" in str(error) or "sessions.room_id, sessions.starts_at" in str(error):
            raise SlotTaken() from error
        raise
