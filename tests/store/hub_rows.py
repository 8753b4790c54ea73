"""Rows as the hub would send them, without a hub: for store and UI tests of what a pull brings (a card the hub
displaced, conflicts for staff). The sync tests get the same rows from a real PostgreSQL hub."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kiosk.domain.actors import Role
from kiosk.store import outbox, rowcodec
from kiosk.store.service import BoardService
from kiosk.store.tables import OutboxRow, SessionRow
from kiosk.sync.entries import HubRow

_seq = iter(range(10**6, 10**9))


def hub_row(table: str, payload: dict[str, Any]) -> HubRow:
    return HubRow(
        table=table,
        row_id=uuid.UUID(str(payload["id"])),
        version=int(payload["version"]),
        hlc=str(payload["hlc"]),
        kiosk_id=str(payload["kiosk_id"]),
        deleted=bool(payload["deleted"]),
        displaced=bool(payload.get("displaced", False)),
        seq=next(_seq),
        payload=payload,
    )


def session_payload(service: BoardService, card_id: uuid.UUID) -> dict[str, Any]:
    with Session(service.engine) as s:
        row = s.get(SessionRow, card_id)
        assert row is not None
        return rowcodec.encode(row)


def conflict_payload(kind: str, entity: str, entity_id: uuid.UUID, at: datetime, **detail: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "created_at": rowcodec.plain(at),
        "updated_at": rowcodec.plain(at),
        "version": 1,
        "deleted": False,
        "kiosk_id": "hub",
        "hlc": f"{int(at.timestamp() * 1000):013d}-000001-hub",
        "kind": kind,
        "entity": entity,
        "entity_id": str(entity_id),
        "detail": json.dumps({**detail, "at": rowcodec.plain(at)}),
    }


def pull(service: BoardService, *rows: HubRow) -> outbox.Applied:
    """Apply rows as a pull would (the cursor moves past them); nothing is fetched."""
    return outbox.apply_pulled(
        service.ctx, list(rows), max(row.seq for row in rows), lambda _keys: [], service.actor(Role.SYSTEM)
    )


def displace(service: BoardService, card_id: uuid.UUID, reason: str = "taken") -> uuid.UUID:
    """What the hub sends when it gave a card's slot to a card it confirmed first: the card displaced, a slot
    conflict. Returns the conflict's id."""
    with service.engine.begin() as connection:
        connection.execute(sa.delete(OutboxRow).where(OutboxRow.row_id == card_id))
    card = session_payload(service, card_id)
    now = service.clock.now()
    displaced = {**card, "displaced": True, "version": card["version"] + 1, "kiosk_id": "hub", "hlc": card["hlc"] + "1"}
    conflict = conflict_payload(
        "slot", "sessions", card_id, now, reason=reason, booked_by=card["kiosk_id"], topic=card["topic"]
    )
    pull(service, hub_row("sessions", displaced), hub_row("conflicts", conflict))
    return uuid.UUID(conflict["id"])


def edit_conflict(service: BoardService, card_id: uuid.UUID, kiosk: str = "kiosk-b", **values: Any) -> uuid.UUID:
    """What the hub sends when another kiosk's edit of this card lost: an edit conflict with its values."""
    card = session_payload(service, card_id)
    losing = {**rowcodec.content(card), **values}
    changed = sorted(name for name, value in values.items() if card.get(name) != value)
    conflict = conflict_payload(
        "edit", "sessions", card_id, service.clock.now(), kiosk=kiosk, values=losing, changed=changed
    )
    pull(service, hub_row("conflicts", conflict))
    return uuid.UUID(conflict["id"])


__all__ = ["displace", "edit_conflict", "hub_row", "pull"]
