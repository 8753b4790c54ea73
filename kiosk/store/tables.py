"""The board's tables as SQLAlchemy 2.0 typed models; portable between SQLite (kiosk) and PostgreSQL (hub)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Stable constraint names, so later migrations (and SQLite batch mode, which recreates tables) can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """An instant stored in UTC and always read back as an aware UTC datetime.

    SQLite keeps no timezone, so the value is converted to UTC going in and UTC is attached coming out;
    PostgreSQL's timestamptz gets the same aware UTC value both ways.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    @property
    def python_type(self) -> type[datetime]:
        return datetime

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: the board stores instants, pass an aware datetime")
        value = value.astimezone(UTC)
        # SQLite would store the offset text of some values and not others; plain UTC keeps them comparable as text.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        uuid.UUID: sa.Uuid(),
        str: sa.Text(),
    }


class SyncedRow:
    """Columns every table shared between kiosks has: identity, timestamps, change counter, tombstone, author.

    Rows are never deleted, only marked `deleted`, so a deletion reaches other kiosks like any other change.
    """

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(default=1)
    deleted: Mapped[bool] = mapped_column(default=False)
    # Which kiosk made the last change, and when by its hybrid logical clock (kiosk.domain.hlc): sortable text
    # that orders changes across kiosks without trusting their wall clocks.
    kiosk_id: Mapped[str]
    hlc: Mapped[str] = mapped_column(default="")


class RoomRow(SyncedRow, Base):
    __tablename__ = "rooms"

    key: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str]
    note: Mapped[str] = mapped_column(default="")
    # Column order on the board, from the event's config.
    position: Mapped[int]


LIVE_SESSION = "deleted = false AND displaced = false"


class SessionRow(SyncedRow, Base):
    """A card on the board: one Open Space session in a room and hour."""

    @classmethod
    def live(cls) -> sa.ColumnElement[bool]:
        """On the board: neither cancelled nor displaced (the partial unique index's own condition)."""
        return sa.and_(cls.deleted.is_(False), cls.displaced.is_(False))

    __tablename__ = "sessions"

    room_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("rooms.id"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    topic: Mapped[str]
    description: Mapped[str] = mapped_column(default="")
    host_name: Mapped[str]
    handle: Mapped[str] = mapped_column(default="")
    # A JSON list of tag keys; tags are few and only ever read with their card.
    tags: Mapped[str] = mapped_column(default="[]")
    idea_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("ideas.id"))
    # "pbkdf2_sha256$iterations$salt$hash"; the code itself is only ever shown once, to the host.
    edit_code_hash: Mapped[str]
    # Lost its slot to a booking the hub accepted first (made while this kiosk was offline): off the grid, never
    # deleted, listed for staff with a conflict until it is moved.
    displaced: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (
        # Two live cards in one room and hour are impossible, even when two kiosks race for the slot;
        # a cancelled (tombstoned) or displaced card frees the slot. The board is SQLite only (the hub has tables
        # of its own), so no `postgresql_where`: naming it would load SQLAlchemy's PostgreSQL dialect at every
        # start (~50 ms) just to check the keyword.
        sa.Index(
            "uq_sessions_live_room_slot",
            "room_id",
            "starts_at",
            unique=True,
            sqlite_where=sa.text(LIVE_SESSION),
        ),
    )


class BlockRow(SyncedRow, Base):
    """A window in which a room is used for something else."""

    __tablename__ = "blocks"

    room_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("rooms.id"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    reason: Mapped[str]
    # 'config' blocks follow the config file on every start; 'staff' blocks are made on a kiosk and left alone.
    source: Mapped[str]


class IdeaRow(SyncedRow, Base):
    """A wish-list topic someone would like another person to host."""

    __tablename__ = "ideas"

    topic: Mapped[str]
    note: Mapped[str] = mapped_column(default="")
    votes: Mapped[int] = mapped_column(default=0)
    # sessions and ideas point at each other; use_alter lets PostgreSQL create the cycle after both tables exist.
    adopted_session_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("sessions.id", use_alter=True))
    # Set when staff merged this idea into another: +1s cast here later (on a kiosk that had not heard of the
    # merge yet) still count for the idea that stays.
    merged_into: Mapped[uuid.UUID | None] = mapped_column(default=None)


class VoteRow(SyncedRow, Base):
    """One "+1, I'd come": a row of its own, so +1s made on several kiosks add up instead of overwriting."""

    __tablename__ = "votes"

    idea_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("ideas.id"), index=True)


class ConflictRow(SyncedRow, Base):
    """Something the hub could not settle by itself, for staff: a booking that lost its slot ("slot"), or an
    edit made on one kiosk while another changed the same row ("edit"). Resolving it tombstones it."""

    __tablename__ = "conflicts"

    kind: Mapped[str]
    entity: Mapped[str]
    entity_id: Mapped[uuid.UUID]
    # JSON: what lost (the displaced booking's slot, or the edit's values) and which kiosk made it.
    detail: Mapped[str] = mapped_column(default="{}")


class AuditRow(Base):
    """One row per change, written in the change's transaction: the history, the rate-limit record and the
    change stamp the UI polls. Local to each kiosk, so it has no tombstone."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    # Who: the kiosk, and the kind of actor on it (kiosk.domain.actors.Role).
    kiosk_id: Mapped[str]
    actor: Mapped[str]
    action: Mapped[str]
    entity: Mapped[str]
    entity_id: Mapped[str | None]
    # A JSON object with what changed.
    detail: Mapped[str] = mapped_column(default="{}")

    __table_args__ = (
        # Rate limits count one kiosk's recent actions.
        sa.Index("ix_audit_log_kiosk_action_at", "kiosk_id", "action", "at"),
        # The staff panel's audit viewer filters by card.
        sa.Index("ix_audit_log_entity_id", "entity_id"),
        # AUTOINCREMENT: ids are never reused, so max(id) only ever grows and works as a change stamp.
        {"sqlite_autoincrement": True},
    )


# -- kiosk-local tables: bookkeeping that must never travel to another kiosk ---------------------------------------


class CodeLockRow(Base):
    """Wrong edit codes typed at this kiosk for one card, and the pause they earned.

    Kept apart from the card so that a pause on one kiosk never syncs to another, and so that counting a wrong
    guess never looks like an edit of the card itself.
    """

    __tablename__ = "code_locks"

    session_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]


class KioskStateRow(Base):
    """Small facts about this kiosk alone, as JSON by name: the staff PIN's wrong tries and pause."""

    __tablename__ = "kiosk_state"

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]


class OutboxRow(Base):
    """A change waiting to reach the hub, written in the change's own transaction (so none is lost or invented)
    and deleted only once the hub has taken it."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    # Unique per change, so a push the hub took but whose answer was lost is not applied twice.
    entry_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    table_name: Mapped[str]
    row_id: Mapped[uuid.UUID] = mapped_column(index=True)
    # The version the change was made on: the hub tells a concurrent edit (another kiosk changed it since) apart.
    base_version: Mapped[int]
    # The stamp the row had before the change: with the version, it names the exact state the change was made on.
    base_hlc: Mapped[str]
    version: Mapped[int]
    hlc: Mapped[str]
    # The whole row after the change, as JSON.
    payload: Mapped[str]
    created_at: Mapped[datetime]

    __table_args__ = ({"sqlite_autoincrement": True},)


SYNCED_TABLES = (RoomRow, SessionRow, BlockRow, IdeaRow, VoteRow, ConflictRow)
LOCAL_TABLES = (AuditRow, CodeLockRow, KioskStateRow, OutboxRow)
