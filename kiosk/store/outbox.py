"""This kiosk's side of sync, in its own database: the outbox going up, the hub's rows coming down, the cursor.

Every function here is one local transaction, so a sync cut off at any point (the hub gone, the kiosk killed)
leaves the kiosk with either all of a step or none of it: outbox entries leave only once the hub's answer for
them is applied; the cursor moves only with the rows it covers.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from kiosk.domain.actors import Actor
from kiosk.store.context import StoreContext, reading
from kiosk.store.remote import CheckedRow, Reference, check, required_missing, unresolved
from kiosk.store.rowcodec import TABLES, BadRow
from kiosk.store.tables import KioskStateRow, OutboxRow, SessionRow
from kiosk.store.writes import Change, change, seen_stamp
from kiosk.sync.entries import Entry, HubRow, Outcome, PushResult

log = logging.getLogger(__name__)

STATE_KEY = "sync"
# Parents before children, so a first pull writes rooms before the sessions in them.
_APPLY_ORDER = ("rooms", "ideas", "sessions", "blocks", "votes", "conflicts")


@dataclass(frozen=True, slots=True)
class SyncState:
    """Which hub this kiosk last synced with, and how far it has pulled from it."""

    hub_id: str = ""
    cursor: int = 0


def sync_state(ctx: StoreContext) -> SyncState:
    with reading(ctx) as s:
        return _state(s)


def _state(s: sa.orm.Session) -> SyncState:
    row = s.get(KioskStateRow, STATE_KEY)
    if row is None:
        return SyncState()
    try:
        data = json.loads(row.value)
        return SyncState(str(data.get("hub_id", "")), int(data.get("cursor", 0)))
    except (ValueError, TypeError, AttributeError):
        log.warning("The sync state was unreadable (%r); pulling the whole board again", row.value)
        return SyncState()


def _keep_state(c: Change, state: SyncState) -> None:
    c.set_local(KioskStateRow, STATE_KEY, value=json.dumps({"hub_id": state.hub_id, "cursor": state.cursor}))


def pending(ctx: StoreContext, limit: int) -> list[Entry]:
    """The oldest outbox entries, oldest first."""
    with reading(ctx) as s:
        rows = s.scalars(sa.select(OutboxRow).order_by(OutboxRow.id).limit(limit))
        return [
            Entry(
                entry_id=row.entry_id,
                table=row.table_name,
                row_id=row.row_id,
                base_version=row.base_version,
                base_hlc=row.base_hlc,
                version=row.version,
                hlc=row.hlc,
                payload=json.loads(row.payload),
            )
            for row in rows
        ]


def pending_count(ctx: StoreContext) -> int:
    with reading(ctx) as s:
        return s.scalar(sa.select(sa.func.count()).select_from(OutboxRow)) or 0


def join_hub(ctx: StoreContext, hub_id: str, actor: Actor) -> int:
    """First contact with a hub (a kiosk that ran alone, or a hub set up anew): every row this kiosk has goes
    into the outbox, so the hub hears of cards made before it existed, and the whole board is pulled from the
    start. Returns how many rows were queued."""
    queued = 0
    with change(ctx, actor, "sync.join") as c:
        waiting = set(c.session.scalars(sa.select(OutboxRow.row_id)))
        for row_type in (TABLES[name] for name in _APPLY_ORDER):
            for row in c.session.scalars(sa.select(row_type)):
                if row.id in waiting:
                    continue
                c.resend(row)
                queued += 1
        _keep_state(c, SyncState(hub_id, 0))
        c.describe("sync", hub_id, queued=queued)
    return queued


@dataclass(slots=True)
class Applied:
    """What applying rows from the hub did here."""

    applied: int = 0
    refused: list[str] = field(default_factory=list)
    # Cards of this kiosk that the hub displaced (their slot went to a card the hub confirmed first).
    displaced: list[uuid.UUID] = field(default_factory=list)


def settle_push(ctx: StoreContext, results: Sequence[PushResult], actor: Actor) -> Applied:
    """The hub's answer to a push: its entries leave the outbox, and each row takes the hub's state unless this
    kiosk has changed it again since (those changes are still to be pushed)."""
    done = Applied()
    with change(ctx, actor, "sync.push") as c:
        c.settled([result.entry_id for result in results])
        still_pending = _pending_rows(c, [result.row.row_id for result in results])
        rows = {(r.row.table, r.row.row_id): r.row for r in results if r.row.row_id not in still_pending}
        _apply(c, list(rows.values()), done, force=True, fetch=None)
        for result in results:
            if result.outcome is Outcome.DISPLACED:
                done.displaced.append(result.row.row_id)
        if done.applied or done.displaced:
            outcomes: dict[str, int] = {}
            for result in results:
                outcomes[str(result.outcome)] = outcomes.get(str(result.outcome), 0) + 1
            c.describe("sync", None, pushed=len(results), outcomes=outcomes)
    return done


Fetch = Callable[[Iterable[Reference]], list[HubRow]]


def apply_pulled(ctx: StoreContext, rows: Sequence[HubRow], cursor: int, fetch: Fetch, actor: Actor) -> Applied:
    """Rows pulled from the hub (its sequence up to `cursor`), applied in one transaction with the new cursor.

    A row with changes of this kiosk still waiting in the outbox is left alone (the push will settle it); an
    older version never overwrites a newer one; a row that fails its checks is refused and logged.
    """
    done = Applied()
    with change(ctx, actor, "sync.pull") as c:
        still_pending = _pending_rows(c, [row.row_id for row in rows])
        _apply(c, [row for row in rows if row.row_id not in still_pending], done, force=False, fetch=fetch)
        _keep_state(c, SyncState(_state(c.session).hub_id, cursor))
        if done.applied or done.refused:
            c.describe("sync", None, pulled=len(rows), applied=done.applied, refused=len(done.refused))
    return done


def _pending_rows(c: Change, row_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    if c.session.scalar(sa.select(OutboxRow.entry_id).limit(1)) is None:
        return set()  # nothing waiting to be pushed: the common case, and a pull can be thousands of rows
    found: set[uuid.UUID] = set()
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start : start + 500]
        found.update(c.session.scalars(sa.select(OutboxRow.row_id).where(OutboxRow.row_id.in_(chunk))))
    return found


def _apply(c: Change, rows: list[HubRow], done: Applied, *, force: bool, fetch: Fetch | None) -> None:
    """Apply the hub's `rows` that change something here: with `force` (the hub's answer to a push) every row
    whose state differs from this kiosk's, otherwise only rows newer than this kiosk's copy. Rows that are not
    wanted are not even decoded: most of a pull after a push is this kiosk's own rows coming back."""
    local = _local_versions(c, rows)
    if force:
        changed = [row for row in rows if local.get((row.table, row.row_id.hex)) != (row.version, row.hlc)]
    else:
        changed = [row for row in rows if _newer(row.version, row.hlc, local.get((row.table, row.row_id.hex)))]
    wanted = _with_references(c, _checked(changed, done), fetch, done)
    if not wanted:
        return
    # Children may arrive before their parents within one pull; SQLite checks the links when the change commits.
    c.session.execute(sa.text("PRAGMA defer_foreign_keys = ON"))
    by_table: dict[str, list[CheckedRow]] = {}
    for row in sorted(wanted, key=lambda row: row.seq):
        by_table.setdefault(row.table, []).append(row)
    sessions = by_table.get("sessions", [])
    if sessions:
        live_slots = [
            (row.values["room_id"], row.values["starts_at"])
            for row in sessions
            if not row.values["deleted"] and not row.values["displaced"]
        ]
        c.vacate([row.row_id for row in sessions], live_slots)
    for table in _APPLY_ORDER:
        values = [row.values for row in by_table.get(table, [])]
        c.apply_remote(TABLES[table], values)
    done.applied += len(wanted)
    newest = max((row.values["hlc"] for row in wanted), default="")
    if newest:
        seen_stamp(c.session, c.actor.kiosk_id, newest, c.now)


def _checked(rows: list[HubRow], done: Applied) -> list[CheckedRow]:
    checked = []
    for row in rows:
        try:
            checked.append(check(row))
        except BadRow as error:
            log.warning("Refused a row from the hub: %s", error)
            done.refused.append(str(error))
    return checked


def _local_versions(c: Change, rows: list[HubRow]) -> dict[tuple[str, str], tuple[int, str]]:
    """This kiosk's (version, stamp) of each of `rows` it has, by table and id as hex (ids are compared as the
    text SQLite stores rather than parsed back into UUIDs: a pull asks this of thousands of rows)."""
    found: dict[tuple[str, str], tuple[int, str]] = {}
    ids_by_table: dict[str, list[uuid.UUID]] = {}
    for row in rows:
        ids_by_table.setdefault(row.table, []).append(row.row_id)
    for table, ids in ids_by_table.items():
        row_type: Any = TABLES.get(table)
        if row_type is None:
            continue  # a table this kiosk does not know: check() refuses the row
        stored_id = sa.type_coerce(row_type.id, sa.Text)
        for start in range(0, len(ids), 500):
            query = sa.select(stored_id, row_type.version, row_type.hlc).where(
                row_type.id.in_(ids[start : start + 500])
            )
            for row_id, version, hlc in c.session.execute(query):
                found[(table, row_id)] = (version, hlc)
    return found


def _newer(version: int, hlc: str, local: tuple[int, str] | None) -> bool:
    """Whether the hub's row (at `version`, stamped `hlc`) should replace this kiosk's: never an older version
    over a newer one. At equal versions the hub's stamp wins (two kiosks made the same row; the hub kept one)."""
    if local is None:
        return True
    local_version, local_hlc = local
    return version > local_version or (version == local_version and hlc != local_hlc)


def _with_references(c: Change, rows: list[CheckedRow], fetch: Fetch | None, done: Applied) -> list[CheckedRow]:
    """`rows`, plus the rows they point at that this kiosk lacks (fetched from the hub), minus rows that point at
    nothing anywhere."""
    ids = {(row.table, row.row_id) for row in rows}
    pointed_at = {reference for row in rows for reference in row.references()} - ids
    stored = _existing(c, pointed_at)

    def here(reference: Reference) -> bool:
        return reference in ids or reference in stored

    missing = {reference for row in rows for reference in unresolved(row, here)}
    if missing and fetch is not None:
        fetched = [row for row in _checked(fetch(missing), done) if (row.table, row.row_id) not in ids]
        rows.extend(fetched)
        ids.update((row.table, row.row_id) for row in fetched)
        stored |= _existing(c, {reference for row in fetched for reference in row.references()} - ids - stored)
    kept = []
    for row in rows:
        reason = required_missing(row, here)
        if reason is None:
            kept.append(row)
        else:
            log.warning("Refused a row from the hub: %s", reason)
            done.refused.append(reason)
            ids.discard((row.table, row.row_id))
    return kept


def _existing(c: Change, references: set[Reference]) -> set[Reference]:
    """Which of `references` this kiosk has, looked up a few hundred at a time."""
    ids_by_table: dict[str, list[uuid.UUID]] = {}
    for table, row_id in references:
        ids_by_table.setdefault(table, []).append(row_id)
    found: set[Reference] = set()
    for table, ids in ids_by_table.items():
        row_type: Any = TABLES[table]
        for start in range(0, len(ids), 500):
            query = sa.select(row_type.id).where(row_type.id.in_(ids[start : start + 500]))
            found.update((table, row_id) for row_id in c.session.scalars(query))
    return found


def displaced_cards(ctx: StoreContext) -> list[uuid.UUID]:
    with reading(ctx) as s:
        query = sa.select(SessionRow.id).where(SessionRow.deleted.is_(False), SessionRow.displaced.is_(True))
        return list(s.scalars(query))
