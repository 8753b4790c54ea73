"""Initial board schema: rooms, sessions (cards), blocks, ideas and the audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-27 04:46:42
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def synced_columns() -> list[sa.Column[Any]]:
    """The columns every synced table has (kiosk.store.tables.SyncedRow), frozen as they were at this revision."""
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("kiosk_id", sa.Text(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "rooms",
        *synced_columns(),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rooms")),
        sa.UniqueConstraint("key", name=op.f("uq_rooms_key")),
    )
    # ideas.adopted_session_id -> sessions is added below, once sessions exists (the two tables point at each other).
    op.create_table(
        "ideas",
        *synced_columns(),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("votes", sa.Integer(), nullable=False),
        sa.Column("adopted_session_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ideas")),
    )
    op.create_table(
        "sessions",
        *synced_columns(),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("host_name", sa.Text(), nullable=False),
        sa.Column("handle", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("idea_id", sa.Uuid(), nullable=True),
        sa.Column("edit_code_hash", sa.Text(), nullable=False),
        sa.Column("failed_code_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["room_id"], ["rooms.id"], name=op.f("fk_sessions_room_id_rooms")),
        sa.ForeignKeyConstraint(["idea_id"], ["ideas.id"], name=op.f("fk_sessions_idea_id_ideas")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
    )
    op.create_index(
        "uq_sessions_live_room_slot",
        "sessions",
        ["room_id", "starts_at"],
        unique=True,
        sqlite_where=sa.text("deleted = false"),
        postgresql_where=sa.text("deleted = false"),
    )
    # Batch mode: SQLite cannot add a constraint in place, so it rebuilds the (still empty) table.
    with op.batch_alter_table("ideas") as batch_op:
        batch_op.create_foreign_key(
            op.f("fk_ideas_adopted_session_id_sessions"), "sessions", ["adopted_session_id"], ["id"]
        )
    op.create_table(
        "blocks",
        *synced_columns(),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["room_id"], ["rooms.id"], name=op.f("fk_blocks_room_id_rooms")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blocks")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kiosk_id", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("entity", sa.Text(), nullable=False),
        sa.Column("entity_id", sa.Text(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_audit_log_kiosk_action_at", "audit_log", ["kiosk_id", "action", "at"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_kiosk_action_at", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("blocks")
    with op.batch_alter_table("ideas") as batch_op:
        batch_op.drop_constraint(op.f("fk_ideas_adopted_session_id_sessions"), type_="foreignkey")
    op.drop_index("uq_sessions_live_room_slot", table_name="sessions")
    op.drop_table("sessions")
    op.drop_table("ideas")
    op.drop_table("rooms")
