"""Conflicts from sync, listed and resolved by staff: one change each, synced like any other.

A slot conflict is resolved by placing its displaced card in a free slot (or cancelling it); an edit conflict by
keeping the board's version or taking the kiosk's instead. Either way the conflict row is tombstoned in the same
change, so every kiosk sees it gone.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from kiosk.domain.actors import Actor
from kiosk.domain.conflicts import Conflict, ConflictKind
from kiosk.domain.model import Card
from kiosk.domain.validation import validate_reason
from kiosk.store.cards import card_detail, check_slot, tombstone_card
from kiosk.store.code_locks import check_code
from kiosk.store.context import StoreContext, reading
from kiosk.store.errors import ConflictNotFound, StoreError
from kiosk.store.queries import card_of
from kiosk.store.rowcodec import BOOKKEEPING, TABLES, BadRow, decode, plain
from kiosk.store.tables import ConflictRow, RoomRow, SessionRow
from kiosk.store.writes import Change, change


def open_conflicts(ctx: StoreContext) -> tuple[Conflict, ...]:
    """Every conflict still open, oldest first. A slot conflict whose card is no longer displaced (placed or
    cancelled since) is not listed."""
    with reading(ctx) as s:
        rows = s.scalars(sa.select(ConflictRow).where(ConflictRow.deleted.is_(False)).order_by(ConflictRow.created_at))
        found = []
        for row in rows:
            conflict = _conflict_of(s, row)
            if conflict is not None:
                found.append(conflict)
        return tuple(found)


def _conflict_of(s: sa.orm.Session, row: ConflictRow) -> Conflict | None:
    try:
        detail = json.loads(row.detail)
    except ValueError:
        detail = {}
    if not isinstance(detail, dict):
        detail = {}
    kind = ConflictKind(row.kind)
    card = None
    if kind is ConflictKind.SLOT:
        found = s.execute(
            sa.select(SessionRow, RoomRow.key)
            .join(RoomRow, SessionRow.room_id == RoomRow.id)
            .where(SessionRow.id == row.entity_id)
        ).first()
        if found is None or found[0].deleted or not found[0].displaced:
            return None
        card = card_of(found[0], found[1])
    values = detail.get("values")
    changed = detail.get("changed")
    values = values if isinstance(values, dict) else {}
    changed = changed if isinstance(changed, list) else []
    return Conflict(
        id=row.id,
        kind=kind,
        entity=row.entity,
        entity_id=row.entity_id,
        at=row.created_at,
        card=card,
        reason=str(detail.get("reason", "")),
        kiosk=str(detail.get("kiosk") or detail.get("booked_by") or ""),
        values=values,
        changed=tuple(str(name) for name in changed),
    )


def _open_row(c: Change, conflict_id: uuid.UUID, kind: ConflictKind) -> ConflictRow:
    row = c.session.get(ConflictRow, conflict_id)
    if row is None or row.deleted or row.kind != kind:
        raise ConflictNotFound("This conflict was resolved already, perhaps on another kiosk.")
    return row


def _displaced_card(c: Change, conflict: ConflictRow) -> tuple[SessionRow, str]:
    found = c.session.execute(
        sa.select(SessionRow, RoomRow.key)
        .join(RoomRow, SessionRow.room_id == RoomRow.id)
        .where(SessionRow.id == conflict.entity_id)
    ).first()
    if found is None or found[0].deleted or not found[0].displaced:
        raise ConflictNotFound("This card has a slot again already, perhaps placed on another kiosk.")
    return found[0], found[1]


def place_displaced(
    ctx: StoreContext, conflict_id: uuid.UUID, room_key: str, starts_at: datetime, actor: Actor
) -> Card:
    """Put a displaced card in a free slot: back on the board, the conflict resolved."""
    with change(ctx, actor, "staff.conflict.place") as c:
        conflict = _open_row(c, conflict_id, ConflictKind.SLOT)
        row, old_room = _displaced_card(c, conflict)
        return _place(ctx, c, row, old_room, room_key, starts_at)


def rebook_displaced(
    ctx: StoreContext, card_id: uuid.UUID, code: str, room_key: str, starts_at: datetime, actor: Actor
) -> Card:
    """The host, still at the kiosk when their new card lost its slot, picks another with the card's code."""
    problem: StoreError | None
    with change(ctx, actor, "card.rebook") as c:
        found = c.session.execute(
            sa.select(SessionRow, RoomRow.key)
            .join(RoomRow, SessionRow.room_id == RoomRow.id)
            .where(SessionRow.id == card_id, SessionRow.deleted.is_(False), SessionRow.displaced.is_(True))
        ).first()
        if found is None:
            raise ConflictNotFound("This card has a slot again already.")
        row, old_room = found
        problem = check_code(c, row, code, ctx.event.limits)
        if problem is None:
            card = _place(ctx, c, row, old_room, room_key, starts_at)
    if problem is not None:
        raise problem
    return card


def _place(ctx: StoreContext, c: Change, row: SessionRow, old_room: str, room_key: str, starts_at: datetime) -> Card:
    """Back on the board in a free slot, with every open slot conflict about the card resolved."""
    wanted = f"{old_room} {row.starts_at.isoformat()}"
    room = check_slot(ctx, c, room_key, starts_at, moving=row.id)
    c.update(row, room_id=room.id, starts_at=starts_at, ends_at=starts_at + ctx.event.slot_length, displaced=False)
    open_slot_conflicts = sa.select(ConflictRow).where(
        ConflictRow.entity_id == row.id, ConflictRow.kind == ConflictKind.SLOT.value, ConflictRow.deleted.is_(False)
    )
    for conflict in c.session.scalars(open_slot_conflicts):
        c.tombstone(conflict)
    c.describe("session", row.id, **card_detail(row, room_key), wanted=wanted)
    c.flush()
    return card_of(row, room_key)


def cancel_displaced(ctx: StoreContext, conflict_id: uuid.UUID, reason: str, actor: Actor) -> None:
    """Give up on a displaced card (the host cannot come at any other time): cancelled, the conflict resolved."""
    reason = validate_reason(reason)
    with change(ctx, actor, "staff.conflict.cancel") as c:
        conflict = _open_row(c, conflict_id, ConflictKind.SLOT)
        row, room_key = _displaced_card(c, conflict)
        tombstone_card(c, row, room_key, reason=reason)
        c.tombstone(conflict)


def keep_board_version(ctx: StoreContext, conflict_id: uuid.UUID, actor: Actor) -> None:
    """The board's version stays; the losing edit is dropped (it stays readable in the audit log)."""
    with change(ctx, actor, "staff.conflict.keep") as c:
        conflict = _open_row(c, conflict_id, ConflictKind.EDIT)
        c.tombstone(conflict)
        c.describe(conflict.entity, conflict.entity_id, resolved="kept the board's version", detail=conflict.detail)


def take_kiosk_version(ctx: StoreContext, conflict_id: uuid.UUID, actor: Actor) -> None:
    """The losing edit wins after all: its values are written over the board's, as a new change."""
    with change(ctx, actor, "staff.conflict.take") as c:
        conflict = _open_row(c, conflict_id, ConflictKind.EDIT)
        row_type = TABLES.get(conflict.entity)
        target: Any = c.session.get(row_type, conflict.entity_id) if row_type is not None else None
        if target is None:
            raise ConflictNotFound("The row this conflict is about is not on this kiosk yet; sync and try again.")
        values = _losing_values(conflict, target)
        if conflict.entity == "sessions" and not values.get("deleted", target.deleted):
            room = c.session.get(RoomRow, values.get("room_id", target.room_id))
            starts_at = values.get("starts_at", target.starts_at)
            if room is None:
                raise ConflictNotFound("The room of that version is gone from the board.")
            check_slot(ctx, c, room.key, starts_at, moving=target.id)
        c.update(target, **values)
        c.tombstone(conflict)
        c.describe(conflict.entity, conflict.entity_id, resolved="took the kiosk's version")


def _losing_values(conflict: ConflictRow, target: Any) -> dict[str, Any]:
    try:
        detail = json.loads(conflict.detail)
        losing = detail["values"]
        full = {column.name: getattr(target, column.key) for column in type(target).__table__.columns}
        full.update({name: value for name, value in losing.items() if name in full})
        for name in BOOKKEEPING | {"id"}:
            full[name] = plain(getattr(target, name))
        typed = decode(conflict.entity, {name: plain(value) for name, value in full.items()})
    except (ValueError, KeyError, TypeError, BadRow) as error:
        raise ConflictNotFound(f"This conflict's values cannot be read ({error}); keep the board's version.") from None
    return {name: value for name, value in typed.items() if name not in BOOKKEEPING and name != "id"}
