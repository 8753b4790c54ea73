"""Audit rows name their actor; edit-code lockouts move to a kiosk-local table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 09:00:00

The lockout counters sat on the sessions table, which is shared between kiosks: a pause earned on one kiosk
would have travelled to all of them. They now live in `code_locks`, which never leaves the kiosk.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LIVE_SLOT_INDEX = "uq_sessions_live_room_slot"


def upgrade() -> None:
    # Rows written before actors existed were made by hosts, attendees or the kiosk; "system" claims no more.
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.add_column(sa.Column("actor", sa.Text(), nullable=False, server_default="system"))
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.alter_column("actor", server_default=None)

    op.create_table(
        "code_locks",
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_code_locks")),
    )
    op.execute(
        "INSERT INTO code_locks (session_id, failed_attempts, locked_until) "
        "SELECT id, failed_code_attempts, locked_until FROM sessions "
        "WHERE failed_code_attempts > 0 OR locked_until IS NOT NULL"
    )
    # Batch mode rebuilds the table on SQLite; the partial index is dropped and made again around it, since
    # reflection does not carry its WHERE clause over.
    op.drop_index(_LIVE_SLOT_INDEX, table_name="sessions")
    with op.batch_alter_table("sessions") as batch_op:
        batch_op.drop_column("failed_code_attempts")
        batch_op.drop_column("locked_until")
    _create_live_slot_index()


def downgrade() -> None:
    op.drop_index(_LIVE_SLOT_INDEX, table_name="sessions")
    with op.batch_alter_table("sessions") as batch_op:
        batch_op.add_column(sa.Column("failed_code_attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
    _create_live_slot_index()
    op.execute(
        "UPDATE sessions SET "
        "failed_code_attempts = COALESCE((SELECT failed_attempts FROM code_locks WHERE session_id = sessions.id), 0), "
        "locked_until = (SELECT locked_until FROM code_locks WHERE session_id = sessions.id)"
    )
    op.drop_table("code_locks")
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_column("actor")


def _create_live_slot_index() -> None:
    op.create_index(
        _LIVE_SLOT_INDEX,
        "sessions",
        ["room_id", "starts_at"],
        unique=True,
        sqlite_where=sa.text("deleted = false"),
        postgresql_where=sa.text("deleted = false"),
    )
