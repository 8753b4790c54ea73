"""Ready for the hub: hybrid-clock stamps, displaced bookings, votes as rows, conflicts, and the outbox.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 14:00:00

Votes counted so far stay in ideas.votes (now the count before vote rows); new +1s are rows of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SYNCED = ("rooms", "sessions", "blocks", "ideas")
_LIVE_SLOT_INDEX = "uq_sessions_live_room_slot"


def _synced_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("kiosk_id", sa.Text(), nullable=False),
        sa.Column("hlc", sa.Text(), nullable=False),
    ]


def upgrade() -> None:
    for table in _SYNCED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("hlc", sa.Text(), nullable=False, server_default=""))
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column("hlc", server_default=None)
    op.drop_index(_LIVE_SLOT_INDEX, table_name="sessions")
    with op.batch_alter_table("sessions") as batch_op:
        batch_op.add_column(sa.Column("displaced", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("sessions") as batch_op:
        batch_op.alter_column("displaced", server_default=None)
    op.create_index(
        _LIVE_SLOT_INDEX,
        "sessions",
        ["room_id", "starts_at"],
        unique=True,
        sqlite_where=sa.text("deleted = false AND displaced = false"),
        postgresql_where=sa.text("deleted = false AND displaced = false"),
    )
    with op.batch_alter_table("ideas") as batch_op:
        batch_op.add_column(sa.Column("merged_into", sa.Uuid(), nullable=True))
    op.create_table(
        "votes",
        *_synced_columns(),
        sa.Column("idea_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["idea_id"], ["ideas.id"], name=op.f("fk_votes_idea_id_ideas")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_votes")),
    )
    op.create_index(op.f("ix_votes_idea_id"), "votes", ["idea_id"])
    op.create_table(
        "conflicts",
        *_synced_columns(),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("entity", sa.Text(), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entry_id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.Text(), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("base_hlc", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("entry_id", name=op.f("uq_outbox_entry_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_outbox_row_id"), "outbox", ["row_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_outbox_row_id"), table_name="outbox")
    op.drop_table("outbox")
    op.drop_table("conflicts")
    op.drop_index(op.f("ix_votes_idea_id"), table_name="votes")
    op.drop_table("votes")
    with op.batch_alter_table("ideas") as batch_op:
        batch_op.drop_column("merged_into")
    op.drop_index(_LIVE_SLOT_INDEX, table_name="sessions")
    with op.batch_alter_table("sessions") as batch_op:
        batch_op.drop_column("displaced")
    op.create_index(
        _LIVE_SLOT_INDEX,
        "sessions",
        ["room_id", "starts_at"],
        unique=True,
        sqlite_where=sa.text("deleted = false"),
        postgresql_where=sa.text("deleted = false"),
    )
    for table in _SYNCED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("hlc")
