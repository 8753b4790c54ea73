"""Alembic environment: runs the board's migrations on the connection `kiosk.store.migrate` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from kiosk.store.tables import Base

config = context.config


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("run migrations through kiosk.store.migrate(), which supplies the database connection")
run_migrations(connection)
