"""The audit log's ids are never reused again (AUTOINCREMENT), as the change stamp relies on.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 13:00:00

Migration 0002 rebuilt the table in batch mode, and reflection drops `sqlite_autoincrement`: say it again.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", recreate="always", table_kwargs={"sqlite_autoincrement": True}):
        pass


def downgrade() -> None:
    # Nothing to undo: 0003 wanted AUTOINCREMENT too, it had only lost it.
    pass
