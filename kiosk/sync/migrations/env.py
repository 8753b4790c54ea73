"""Alembic environment for the hub: runs its migrations on the connection `kiosk.sync.hubadmin` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from kiosk.sync.hubtables import VERSION_TABLE, hub_metadata

config = context.config


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=hub_metadata,
        version_table=VERSION_TABLE,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("run hub migrations through `kiosk hub init`, which supplies the database connection")
run_migrations(connection)
