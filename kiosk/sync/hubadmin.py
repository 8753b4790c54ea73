"""Setting up and looking after the hub: its schema (Alembic, its own migration path), the least-privileged role
kiosks log in as, and which kiosks it has heard from."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine

from kiosk.sync.hubtables import HUB_TABLES, VERSION_TABLE, hub_info, kiosks

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# The hub schema this kiosk release speaks; a test keeps it equal to Alembic's head.
HUB_SCHEMA_HEAD = "hub0001"
# Every migration this release knows, oldest first: a hub at one of the older ones needs `kiosk hub init`.
KNOWN_HUB_SCHEMAS = ("hub0001",)


class HubUnavailable(Exception):  # noqa: N818 - read as "the hub is unavailable"
    """The hub cannot be used right now (down, refusing the login, wrong schema): one line for the header and log."""


class HubSchemaMismatch(HubUnavailable):
    """The hub is reachable but its schema is not the one this kiosk speaks."""


def hub_engine(url: URL, *, connect_timeout: int = 5, application: str = "open-spaces-kiosk") -> Engine:
    """An engine for the hub. Small pool: one worker thread per kiosk. No pre-ping: a ping to a stalled hub
    would wait forever outside the answer deadline (kiosk.sync.deadline); a connection that died since the last
    round fails its first statement instead, and the round starts over once on a fresh one."""
    connect_args: dict[str, Any] = {
        "connect_timeout": connect_timeout,
        "application_name": application,
        # A half-open TCP connection (a cable pulled mid-answer) is given up after about a minute, not hours.
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
    }
    return sa.create_engine(url, pool_size=1, max_overflow=1, connect_args=connect_args)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@dataclass(frozen=True, slots=True)
class InitResult:
    before: str | None
    after: str
    hub_id: uuid.UUID

    @property
    def summary(self) -> str:
        if self.before == self.after:
            return f"The hub's schema is up to date ({self.after}); hub id {self.hub_id}."
        if self.before is None:
            return f"Created the hub's schema ({self.after}); hub id {self.hub_id}."
        return f"Upgraded the hub's schema from {self.before} to {self.after}; hub id {self.hub_id}."


def init_hub(engine: Engine) -> InitResult:
    """Create or upgrade the hub's schema; safe to run again."""
    from alembic import command

    with engine.connect() as connection:
        before = schema_revision(connection)
        connection.commit()
        if before is not None and before not in KNOWN_HUB_SCHEMAS:
            raise HubSchemaMismatch(
                f"the hub's schema ({before}) is newer than this kiosk software knows; run `kiosk hub init` from "
                "the newer release"
            )
        with connection.begin():
            command.upgrade(alembic_config(connection), "head")
        after = schema_revision(connection)
        hub_id = connection.scalar(sa.select(hub_info.c.hub_id))
        connection.commit()
    if after is None or hub_id is None:
        raise RuntimeError("the hub's migrations ran but left no schema revision or hub id")
    log.info("Hub schema %s → %s", before or "(new)", after)
    return InitResult(before, after, hub_id)


def schema_revision(connection: Connection) -> str | None:
    if not sa.inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()  # noqa: S608 - constant
    return rows[0][0] if rows else None


def check_schema(connection: Connection) -> uuid.UUID:
    """The hub's id, if its schema is the one this kiosk speaks; otherwise HubSchemaMismatch saying what to do."""
    revision = schema_revision(connection)
    if revision is None:
        raise HubSchemaMismatch("the hub has no schema yet: run `kiosk hub init --url …` once")
    if revision != HUB_SCHEMA_HEAD:
        if revision in KNOWN_HUB_SCHEMAS:
            raise HubSchemaMismatch(
                f"the hub's schema ({revision}) is older than this kiosk's ({HUB_SCHEMA_HEAD}): run `kiosk hub init`"
            )
        raise HubSchemaMismatch(
            f"the hub's schema ({revision}) is newer than this kiosk's ({HUB_SCHEMA_HEAD}): update this kiosk"
        )
    hub_id: uuid.UUID | None = connection.scalar(sa.select(hub_info.c.hub_id))
    if hub_id is None:
        raise HubSchemaMismatch("the hub has lost its identity row (hub_info): run `kiosk hub init`")
    return hub_id


def role_sql(role: str, database: str) -> str:
    """SQL that creates the role kiosks log in as: read and write the board's rows, nothing else. No DDL, no
    DELETE (rows are never deleted, only tombstoned), no other database."""
    quoted_role = _identifier(role)
    quoted_db = _identifier(database)
    tables = ", ".join(HUB_TABLES)
    return "\n".join(
        [
            f"-- Run as a superuser (or the hub's owner) in the database {database}.",
            f"CREATE ROLE {quoted_role} LOGIN;",
            f"-- Then give it a password in psql, so it stays out of shell histories: \\password {role}",
            f"REVOKE ALL ON DATABASE {quoted_db} FROM PUBLIC;",
            f"GRANT CONNECT ON DATABASE {quoted_db} TO {quoted_role};",
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC;",
            f"GRANT USAGE ON SCHEMA public TO {quoted_role};",
            f"GRANT SELECT, INSERT, UPDATE ON {tables} TO {quoted_role};",
            f"GRANT SELECT ON {VERSION_TABLE} TO {quoted_role};",
            f"GRANT USAGE ON SEQUENCE board_seq TO {quoted_role};",
        ]
    )


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class KioskSeen:
    kiosk_id: str
    first_seen: datetime
    last_seen: datetime
    software: str
    board_schema: str
    config_digest: str
    cursor: int
    pending: int


def kiosks_seen(engine: Engine) -> list[KioskSeen]:
    """Every kiosk the hub has heard from, most recently heard first."""
    with engine.connect() as connection:
        check_schema(connection)
        rows = connection.execute(sa.select(kiosks).order_by(kiosks.c.last_seen.desc(), kiosks.c.kiosk_id))
        return [KioskSeen(**row._asdict()) for row in rows]
