"""Applying the event's config to the board: its rooms and the blocks the config declares.

Run at every start; writes nothing when the board already matches. Rooms and config blocks that left the
config are tombstoned; blocks staff made on a kiosk are data, and left alone.
"""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa

from kiosk.domain.actors import Actor
from kiosk.store.context import StoreContext
from kiosk.store.errors import UnknownSlot
from kiosk.store.tables import BlockRow, RoomRow
from kiosk.store.writes import Change, change

# Namespace for room ids derived from the event: kiosks sharing a config agree on every room's id.
ROOM_NAMESPACE = uuid.UUID("0c9a7f3e-5d21-4b8e-8f6a-3e1b2c4d5a60")


def room_id_for(event_slug: str, room_key: str) -> uuid.UUID:
    return uuid.uuid5(ROOM_NAMESPACE, f"{event_slug}/{room_key}")


def apply_config(ctx: StoreContext, actor: Actor) -> list[str]:
    """Bring rooms and config blocks in line with the event; returns what changed, in words."""
    changes: list[str] = []
    with change(ctx, actor, "event.apply_config") as c:
        rooms = _apply_rooms(ctx, c, changes)
        _apply_blocks(ctx, c, rooms, changes)
        if changes:
            c.describe("event", ctx.event.slug, changes=changes)
    return changes


def _apply_rooms(ctx: StoreContext, c: Change, changes: list[str]) -> dict[str, RoomRow]:
    event = ctx.event
    rooms = {row.key: row for row in c.session.scalars(sa.select(RoomRow))}
    for position, room in enumerate(event.rooms):
        row = rooms.get(room.key)
        if row is None:
            rooms[room.key] = c.insert(
                RoomRow,
                row_id=room_id_for(event.slug, room.key),
                key=room.key,
                name=room.name,
                note=room.note,
                position=position,
            )
            changes.append(f"room {room.key} added")
        elif c.update(row, name=room.name, note=room.note, position=position, deleted=False):
            changes.append(f"room {room.key} changed")
    wanted_keys = {room.key for room in event.rooms}
    for key, row in rooms.items():
        if key not in wanted_keys and c.tombstone(row):
            changes.append(f"room {key} removed")
    # New rooms must exist before blocks can point at them.
    c.flush()
    return rooms


def _apply_blocks(ctx: StoreContext, c: Change, rooms: dict[str, RoomRow], changes: list[str]) -> None:
    s = c.session
    config_blocks = {row.id: row for row in s.scalars(sa.select(BlockRow).where(BlockRow.source == "config"))}
    for block in ctx.event.blocks:
        room_row = rooms.get(block.room_key)
        if room_row is None:
            raise UnknownSlot(f"A block in the event's config names room '{block.room_key}', which it lacks.")
        fields: dict[str, Any] = {
            "room_id": room_row.id,
            "starts_at": block.starts_at,
            "ends_at": block.ends_at,
            "reason": block.reason,
            "source": "config",
        }
        block_row = config_blocks.get(block.id) or s.get(BlockRow, block.id)
        if block_row is None:
            c.insert(BlockRow, row_id=block.id, **fields)
            changes.append(f"block {block.id} added")
        elif c.update(block_row, **fields, deleted=False):
            changes.append(f"block {block.id} changed")
    wanted_blocks = {block.id for block in ctx.event.blocks}
    for block_id, block_row in config_blocks.items():
        if block_id not in wanted_blocks and c.tombstone(block_row):
            changes.append(f"block {block_id} removed")
