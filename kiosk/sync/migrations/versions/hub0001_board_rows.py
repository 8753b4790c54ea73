"""The hub: every kiosk's synced rows, the kiosks it has heard from, applied outbox entries, its identity.

Revision ID: hub0001
Revises:
Create Date: 2026-12-01 15:00:00
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "hub0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LIVE_SESSION = "table_name = 'sessions' AND NOT deleted AND NOT displaced"


def upgrade() -> None:
    op.execute(sa.schema.CreateSequence(sa.Sequence("board_seq")))
    op.create_table(
        "board_rows",
        sa.Column("table_name", sa.Text(), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.Text(), nullable=False),
        sa.Column("kiosk_id", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("displaced", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("seq", sa.BigInteger(), server_default=sa.text("nextval('board_seq')"), nullable=False),
        sa.Column("payload", postgresql.JSONB(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name="pk_board_rows"),
    )
    op.create_index("ix_board_rows_seq", "board_rows", ["seq"], unique=True)
    op.create_index(
        "uq_board_rows_live_slot",
        "board_rows",
        [sa.text("(payload->>'room_id')"), sa.text("(payload->>'starts_at')")],
        unique=True,
        postgresql_where=sa.text(_LIVE_SESSION),
    )
    op.create_index(
        "ix_board_rows_live_blocks",
        "board_rows",
        [sa.text("(payload->>'room_id')")],
        postgresql_where=sa.text("table_name = 'blocks' AND NOT deleted"),
    )
    op.create_table(
        "kiosks",
        sa.Column("kiosk_id", sa.Text(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("software", sa.Text(), nullable=False),
        sa.Column("board_schema", sa.Text(), nullable=False),
        sa.Column("config_digest", sa.Text(), nullable=False),
        sa.Column("cursor", sa.BigInteger(), nullable=False),
        sa.Column("pending", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kiosk_id", name="pk_kiosks"),
    )
    op.create_table(
        "applied_entries",
        sa.Column("entry_id", sa.Uuid(), nullable=False),
        sa.Column("kiosk_id", sa.Text(), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("entry_id", name="pk_applied_entries"),
    )
    hub_info = op.create_table(
        "hub_info",
        sa.Column("hub_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("hub_id", name="pk_hub_info"),
    )
    op.bulk_insert(hub_info, [{"hub_id": uuid.uuid4()}])


def downgrade() -> None:
    op.drop_table("hub_info")
    op.drop_table("applied_entries")
    op.drop_table("kiosks")
    op.drop_index("ix_board_rows_live_blocks", table_name="board_rows")
    op.drop_index("uq_board_rows_live_slot", table_name="board_rows")
    op.drop_index("ix_board_rows_seq", table_name="board_rows")
    op.drop_table("board_rows")
    op.execute(sa.schema.DropSequence(sa.Sequence("board_seq")))
