"""The hub's tables (PostgreSQL only): every synced row of every kiosk as JSON, the kiosks it has heard from, and
the outbox entries it has applied.

One generic table rather than a copy of the kiosk's: the hub arbitrates and orders, it does not interpret the
board beyond what arbitration needs (a session's room and start, a block's room and range), so a kiosk release
that adds a column needs no hub migration.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

hub_metadata = sa.MetaData()

# Every accepted write takes the next number: the order kiosks pull in, and their cursor.
board_seq = sa.Sequence("board_seq", metadata=hub_metadata)

LIVE_SESSION = "table_name = 'sessions' AND NOT deleted AND NOT displaced"

board_rows = sa.Table(
    "board_rows",
    hub_metadata,
    sa.Column("table_name", sa.Text, primary_key=True),
    sa.Column("row_id", sa.Uuid, primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("hlc", sa.Text, nullable=False),
    sa.Column("kiosk_id", sa.Text, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
    # A session that lost its slot: kept, off the grid, with a conflict for staff.
    sa.Column("displaced", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("seq", sa.BigInteger, board_seq, nullable=False, server_default=board_seq.next_value()),
    sa.Column("payload", postgresql.JSONB, nullable=False),
    sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Index("ix_board_rows_seq", "seq", unique=True),
    # The hub's own guarantee: one live session per room and start, whatever the kiosks send.
    sa.Index(
        "uq_board_rows_live_slot",
        sa.text("(payload->>'room_id')"),
        sa.text("(payload->>'starts_at')"),
        unique=True,
        postgresql_where=sa.text(LIVE_SESSION),
    ),
    sa.Index(
        "ix_board_rows_live_blocks",
        sa.text("(payload->>'room_id')"),
        postgresql_where=sa.text("table_name = 'blocks' AND NOT deleted"),
    ),
)

kiosks = sa.Table(
    "kiosks",
    hub_metadata,
    sa.Column("kiosk_id", sa.Text, primary_key=True),
    sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("software", sa.Text, nullable=False),
    sa.Column("board_schema", sa.Text, nullable=False),
    # A digest of the event's config: kiosks of one conference must share it (rooms and config blocks are synced).
    sa.Column("config_digest", sa.Text, nullable=False),
    sa.Column("cursor", sa.BigInteger, nullable=False),
    sa.Column("pending", sa.Integer, nullable=False),
)

applied_entries = sa.Table(
    "applied_entries",
    hub_metadata,
    # A push the hub took but whose answer was lost is sent again: the entry id makes the replay a no-op.
    sa.Column("entry_id", sa.Uuid, primary_key=True),
    sa.Column("kiosk_id", sa.Text, nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
)

hub_info = sa.Table(
    "hub_info",
    hub_metadata,
    # Made once by `kiosk hub init`: a kiosk that finds another id than last time is talking to a new hub.
    sa.Column("hub_id", sa.Uuid, primary_key=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
)

# Alembic's version table for the hub, named so that it can share a database with other applications.
VERSION_TABLE = "kiosk_hub_version"
HUB_TABLES = ("board_rows", "kiosks", "applied_entries", "hub_info")
