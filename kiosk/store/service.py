"""BoardService: the only way the board changes. Each change is one transaction with one audit row;
reads hand out frozen domain objects, never ORM rows."""

from __future__ import annotations

import json
import logging
import math
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from kiosk.domain.clock import Clock
from kiosk.domain.labels import weekday
from kiosk.domain.model import Block, Card, Event, Idea
from kiosk.domain.rules import block_covering
from kiosk.domain.validation import CardFields, validate_card, validate_idea
from kiosk.store.codes import UNUSABLE_CODE_HASH, hash_edit_code, new_edit_code, verify_edit_code
from kiosk.store.demo import demo_ideas, demo_sessions
from kiosk.store.engine import database_errors, db_path_of, open_engine, writer
from kiosk.store.errors import (
    CardNotFound,
    HostActionsLocked,
    IdeaNotFound,
    RateLimited,
    SlotBlocked,
    SlotInPast,
    SlotTaken,
    StoreError,
    UnknownSlot,
    WrongEditCode,
)
from kiosk.store.migrate import migrate
from kiosk.store.tables import AuditRow, BlockRow, IdeaRow, RoomRow, SessionRow, SyncedRow

log = logging.getLogger(__name__)

DB_FILE_NAME = "board.sqlite3"

# Namespace for room ids derived from the event: kiosks sharing a config agree on every room's id.
ROOM_NAMESPACE = uuid.UUID("0c9a7f3e-5d21-4b8e-8f6a-3e1b2c4d5a60")

RATE_WINDOW = timedelta(seconds=60)
SAME_IDEA_VOTE_WINDOW = timedelta(seconds=10)


@dataclass(frozen=True, slots=True)
class CardDraft:
    """What a host filled in for a new card or an edit; `starts_at` is the slot's UTC start."""

    room_key: str
    starts_at: datetime
    topic: str
    host_name: str
    description: str = ""
    handle: str = ""
    tags: tuple[str, ...] = ()
    idea_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class AddedCard:
    """A new card and its edit code, which exists only here: the database keeps a hash."""

    card: Card
    edit_code: str


def normalised_handle(handle: str) -> str:
    """One key per person for the per-day limit: "@Ada", "@ada" and " ADA " count as the same handle."""
    return handle.strip().lstrip("@").casefold()


class BoardService:
    def __init__(self, engine: Engine, event: Event, clock: Clock, kiosk_id: str) -> None:
        self.event = event
        self.clock = clock
        self.kiosk_id = kiosk_id
        self._engine = engine
        self._writer = writer(engine)
        self.db_path = db_path_of(engine)

    @classmethod
    def open(cls, data_dir: Path, event: Event, clock: Clock, kiosk_id: str) -> BoardService:
        """The board in `data_dir/board.sqlite3`, upgraded to the current schema and in step with the event."""
        data_dir.mkdir(parents=True, exist_ok=True)
        engine = open_engine(data_dir / DB_FILE_NAME)
        try:
            migrate(engine)
            service = cls(engine, event, clock, kiosk_id)
            service.sync_event()
        except BaseException:
            engine.dispose()
            raise
        return service

    @property
    def engine(self) -> Engine:
        return self._engine

    def close(self) -> None:
        """Release the engine's connections; for when the kiosk shuts down (other users of the engine lose it too)."""
        self._engine.dispose()

    # -- reading -------------------------------------------------------------------------------------------------

    def change_stamp(self) -> int:
        """A number that changes whenever anything on the board changes, in this process or another.

        Every change writes an audit row and audit ids are never reused, so the newest id is enough.
        """
        with self._reading() as s:
            return s.scalar(sa.select(sa.func.max(AuditRow.id))) or 0

    def cards(self, day: date | None = None) -> tuple[Card, ...]:
        """Live cards in time order then room order; with `day`, only those starting on that local day."""
        query = _live_cards_query().order_by(SessionRow.starts_at, RoomRow.position)
        if day is not None:
            start, end = self._local_day_bounds(day)
            query = query.where(SessionRow.starts_at >= start, SessionRow.starts_at < end)
        with self._reading() as s:
            return tuple(_card(row, room_key) for row, room_key in s.execute(query).tuples())

    def card(self, card_id: uuid.UUID) -> Card:
        with self._reading() as s:
            row, room_key = self._live_card_row(s, card_id)
            return _card(row, room_key)

    def blocks(self) -> tuple[Block, ...]:
        with self._reading() as s:
            return self._live_blocks(s)

    def ideas(self) -> tuple[Idea, ...]:
        """The wish list: most votes first, then newest."""
        query = (
            sa.select(IdeaRow)
            .where(IdeaRow.deleted.is_(False))
            .order_by(IdeaRow.votes.desc(), IdeaRow.created_at.desc(), IdeaRow.id)
        )
        with self._reading() as s:
            return tuple(_idea(row) for row in s.scalars(query))

    # -- the event's rooms and blocks ----------------------------------------------------------------------------

    def sync_event(self) -> None:
        """Bring rooms and config blocks in line with the event; writes nothing when they already match.

        Rooms and config blocks no longer in the event are tombstoned; staff-made blocks are left alone.
        """
        now = self.clock.now()
        changes: list[str] = []
        with self._writing() as s:
            rooms = {row.key: row for row in s.scalars(sa.select(RoomRow))}
            for position, room in enumerate(self.event.rooms):
                row = rooms.get(room.key)
                if row is None:
                    row = RoomRow(
                        id=uuid.uuid5(ROOM_NAMESPACE, f"{self.event.slug}/{room.key}"),
                        key=room.key,
                        **self._new_row_fields(now),
                        name=room.name,
                        note=room.note,
                        position=position,
                    )
                    s.add(row)
                    rooms[room.key] = row
                    changes.append(f"room {room.key} added")
                elif self._update_if_changed(
                    row, now, name=room.name, note=room.note, position=position, deleted=False
                ):
                    changes.append(f"room {room.key} changed")
            wanted_keys = {room.key for room in self.event.rooms}
            for key, row in rooms.items():
                if key not in wanted_keys and self._update_if_changed(row, now, deleted=True):
                    changes.append(f"room {key} removed")
            # New rooms must exist before blocks can point at them.
            s.flush()

            config_blocks = {row.id: row for row in s.scalars(sa.select(BlockRow).where(BlockRow.source == "config"))}
            for block in self.event.blocks:
                room_row = rooms.get(block.room_key)
                if room_row is None:
                    raise UnknownSlot(f"A block in the event's config names room '{block.room_key}', which it lacks.")
                fields: dict[str, Any] = {
                    "room_id": room_row.id,
                    "starts_at": block.starts_at,
                    "ends_at": block.ends_at,
                    "reason": block.reason,
                    "source": "config",
                    "deleted": False,
                }
                block_row = config_blocks.get(block.id) or s.get(BlockRow, block.id)
                if block_row is None:
                    s.add(BlockRow(id=block.id, **(self._new_row_fields(now) | fields)))
                    changes.append(f"block {block.id} added")
                elif self._update_if_changed(block_row, now, **fields):
                    changes.append(f"block {block.id} changed")
            wanted_blocks = {block.id for block in self.event.blocks}
            for block_id, block_row in config_blocks.items():
                if block_id not in wanted_blocks and self._update_if_changed(block_row, now, deleted=True):
                    changes.append(f"block {block_id} removed")

            if changes:
                self._audit(s, now, "event.sync", "event", self.event.slug, changes=changes)

    # -- cards ---------------------------------------------------------------------------------------------------

    def add_card(self, draft: CardDraft) -> AddedCard:
        """Put a new card on the board; raises `InvalidCard` for fields to fix, or a `StoreError` saying why the
        card cannot go in that slot."""
        now = self.clock.now()
        draft = self._cleaned(draft)
        code = new_edit_code()
        # Hashing is deliberately slow: do it before taking the write lock.
        code_hash = hash_edit_code(code)
        with self._slot_race_as_slot_taken(), self._writing() as s:
            room = self._check_slot(s, draft.room_key, draft.starts_at, now)
            self._check_card_rate(s, now)
            self._check_handle_quota(s, draft.handle, draft.starts_at)
            idea = self._live_idea_row(s, draft.idea_id) if draft.idea_id is not None else None
            row = SessionRow(
                id=uuid.uuid4(),
                **self._new_row_fields(now),
                **self._draft_columns(draft, room.id),
                edit_code_hash=code_hash,
                failed_code_attempts=0,
                locked_until=None,
            )
            s.add(row)
            # Flushed on its own so the idea below can point at a row that exists.
            s.flush()
            if idea is not None:
                self._update_if_changed(idea, now, adopted_session_id=row.id)
            self._audit(s, now, "card.add", "session", row.id, **_card_detail(row, room.key))
            s.flush()
            card = _card(row, room.key)
        return AddedCard(card, code)

    def check_edit_code(self, card_id: uuid.UUID, code: str) -> bool:
        """True if `code` is the card's edit code. A wrong one raises `WrongEditCode`, whose `attempts_left` the
        kiosk shows the host; too many pause host actions on the card (`HostActionsLocked`), and the pause is
        stored, so restarting the kiosk does not lift it."""
        now = self.clock.now()
        with self._writing() as s:
            row, _room_key = self._live_card_row(s, card_id)
            problem = self._verify_edit_code(s, row, code, now)
        # Raised only now, after the commit, so the counted attempt is kept.
        if problem is not None:
            raise problem
        return True

    def update_card(self, card_id: uuid.UUID, code: str, draft: CardDraft) -> Card:
        """Change a card (its text, tags, or slot: it may move to another free slot) given its edit code."""
        now = self.clock.now()
        draft = self._cleaned(draft)
        problem: StoreError | None
        with self._slot_race_as_slot_taken(), self._writing() as s:
            row, room_key = self._live_card_row(s, card_id)
            problem = self._verify_edit_code(s, row, code, now)
            if problem is None:
                room_id = row.room_id
                moved = (draft.room_key, draft.starts_at) != (room_key, row.starts_at)
                if moved:
                    room_id = self._check_slot(s, draft.room_key, draft.starts_at, now, moving=row.id).id
                if moved or normalised_handle(draft.handle) != normalised_handle(row.handle):
                    self._check_handle_quota(s, draft.handle, draft.starts_at, moving=row.id)
                if draft.idea_id != row.idea_id:
                    self._readopt_idea(s, row, draft.idea_id, now)
                changed = self._update_if_changed(row, now, **self._draft_columns(draft, room_id))
                if changed:
                    self._audit(s, now, "card.update", "session", row.id, **_card_detail(row, draft.room_key))
                s.flush()
                card = _card(row, draft.room_key)
        if problem is not None:
            raise problem
        return card

    def cancel_card(self, card_id: uuid.UUID, code: str) -> None:
        """Take a card off the board given its edit code. The row stays as a tombstone, so other kiosks learn of
        the cancellation; the slot is free again at once."""
        now = self.clock.now()
        with self._writing() as s:
            row, room_key = self._live_card_row(s, card_id)
            problem = self._verify_edit_code(s, row, code, now)
            if problem is None:
                self._update_if_changed(row, now, deleted=True)
                for idea in s.scalars(sa.select(IdeaRow).where(IdeaRow.adopted_session_id == row.id)):
                    self._update_if_changed(idea, now, adopted_session_id=None)
                self._audit(s, now, "card.cancel", "session", row.id, **_card_detail(row, room_key))
        if problem is not None:
            raise problem

    # -- wish list -----------------------------------------------------------------------------------------------

    def add_idea(self, topic: str, note: str = "") -> Idea:
        now = self.clock.now()
        topic, note = validate_idea(topic, note)
        with self._writing() as s:
            # The wish list is as public as the board: the same kind of brake as for cards.
            if self._recent_actions(s, "idea.add", now - RATE_WINDOW) >= self.event.limits.ideas_per_kiosk_per_minute:
                raise RateLimited("Lots of ideas were just added at this kiosk. Please wait a minute and try again.")
            row = IdeaRow(
                id=uuid.uuid4(), **self._new_row_fields(now), topic=topic, note=note, votes=0, adopted_session_id=None
            )
            s.add(row)
            self._audit(s, now, "idea.add", "idea", row.id, topic=topic)
            s.flush()
            return _idea(row)

    def vote_idea(self, idea_id: uuid.UUID) -> Idea:
        now = self.clock.now()
        limit = self.event.limits.votes_per_kiosk_per_minute
        with self._writing() as s:
            row = self._live_idea_row(s, idea_id)
            if self._recent_actions(s, "idea.vote", now - RATE_WINDOW) >= limit:
                raise RateLimited("Lots of votes were just made at this kiosk. Please wait a minute and vote again.")
            if self._recent_actions(s, "idea.vote", now - SAME_IDEA_VOTE_WINDOW, entity_id=idea_id):
                raise RateLimited("Your vote for this idea is counted. Let someone else vote too!")
            self._update_if_changed(row, now, votes=row.votes + 1)
            self._audit(s, now, "idea.vote", "idea", row.id, votes=row.votes)
            s.flush()
            return _idea(row)

    # -- demo ----------------------------------------------------------------------------------------------------

    def seed_demo(self) -> int:
        """Fill an empty board with sample sessions and ideas; returns how many sessions were added.

        A board that has ever had a session (even a cancelled one) is left alone and 0 is returned. Demo cards get
        a hash no code matches, so nobody can edit or cancel them.
        """
        now = self.clock.now()
        with self._writing() as s:
            if s.scalar(sa.select(sa.func.count()).select_from(SessionRow)):
                return 0
            rooms = {row.key: row for row in s.scalars(sa.select(RoomRow).where(RoomRow.deleted.is_(False)))}
            sessions = [
                session for session in demo_sessions(self.event, self._live_blocks(s)) if session.room_key in rooms
            ]
            for session in sessions:
                s.add(
                    SessionRow(
                        id=session.id,
                        **self._new_row_fields(now),
                        room_id=rooms[session.room_key].id,
                        starts_at=session.starts_at,
                        ends_at=session.starts_at + self.event.slot_length,
                        topic=session.topic,
                        description=session.description,
                        host_name=session.host_name,
                        handle=session.handle,
                        tags=json.dumps(list(session.tags)),
                        idea_id=None,
                        edit_code_hash=UNUSABLE_CODE_HASH,
                        failed_code_attempts=0,
                        locked_until=None,
                    )
                )
            ideas = demo_ideas(self.event)
            for idea in ideas:
                s.add(
                    IdeaRow(
                        id=idea.id,
                        **self._new_row_fields(now),
                        topic=idea.topic,
                        note=idea.note,
                        votes=idea.votes,
                        adopted_session_id=None,
                    )
                )
            self._audit(s, now, "demo.seed", "board", None, sessions=len(sessions), ideas=len(ideas))
        return len(sessions)

    # -- transactions --------------------------------------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with database_errors(self.db_path), Session(self._engine) as s, s.begin():
            yield s

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """A write transaction that holds SQLite's write lock from its first statement (BEGIN IMMEDIATE)."""
        with database_errors(self.db_path), Session(self._writer) as s, s.begin():
            yield s

    @contextmanager
    def _slot_race_as_slot_taken(self) -> Iterator[None]:
        """The unique index caught two live cards in one slot: someone (another kiosk, via sync) was faster."""
        try:
            yield
        except sa.exc.IntegrityError as error:
            if "uq_sessions_live_room_slot" in str(error) or "sessions.room_id, sessions.starts_at" in str(error):
                raise SlotTaken() from error
            raise

    # -- helpers -------------------------------------------------------------------------------------------------

    def _draft_columns(self, draft: CardDraft, room_id: uuid.UUID) -> dict[str, Any]:
        """The session columns a host's draft sets, for a new card and an edit alike."""
        return {
            "room_id": room_id,
            "starts_at": draft.starts_at,
            "ends_at": draft.starts_at + self.event.slot_length,
            "topic": draft.topic,
            "description": draft.description,
            "host_name": draft.host_name,
            "handle": draft.handle,
            "tags": json.dumps(list(draft.tags)),
            "idea_id": draft.idea_id,
        }

    def _new_row_fields(self, now: datetime) -> dict[str, Any]:
        return {"created_at": now, "updated_at": now, "version": 1, "deleted": False, "kiosk_id": self.kiosk_id}

    def _update_if_changed(self, row: SyncedRow, now: datetime, **values: Any) -> bool:
        """Set `values` on a synced row; if any differ, stamp the change (version, time, kiosk). Returns whether."""
        changed = {name: value for name, value in values.items() if getattr(row, name) != value}
        if not changed:
            return False
        for name, value in changed.items():
            setattr(row, name, value)
        row.version += 1
        row.updated_at = now
        row.kiosk_id = self.kiosk_id
        return True

    def _audit(
        self, s: Session, now: datetime, action: str, entity: str, entity_id: uuid.UUID | str | None, **detail: Any
    ) -> None:
        s.add(
            AuditRow(
                at=now,
                kiosk_id=self.kiosk_id,
                action=action,
                entity=entity,
                entity_id=None if entity_id is None else str(entity_id),
                detail=json.dumps(detail, ensure_ascii=False, default=str),
            )
        )

    def _recent_actions(self, s: Session, action: str, since: datetime, *, entity_id: uuid.UUID | None = None) -> int:
        """How many times this kiosk did `action` since `since`, from the audit log."""
        query = (
            sa.select(sa.func.count())
            .select_from(AuditRow)
            .where(AuditRow.kiosk_id == self.kiosk_id, AuditRow.action == action, AuditRow.at > since)
        )
        if entity_id is not None:
            query = query.where(AuditRow.entity_id == str(entity_id))
        return s.scalar(query) or 0

    def _local_day_bounds(self, day: date) -> tuple[datetime, datetime]:
        tz = self.event.tz
        return (
            datetime.combine(day, time(0), tz).astimezone(UTC),
            datetime.combine(day + timedelta(days=1), time(0), tz).astimezone(UTC),
        )

    def _cleaned(self, draft: CardDraft) -> CardDraft:
        """The draft with its text cleaned by the domain's card rules (the form checks them too, but this is the
        last gate before the wall); raises `InvalidCard` naming the fields to fix."""
        if draft.starts_at.tzinfo is None:
            raise ValueError("CardDraft.starts_at must be an aware datetime (UTC)")
        fields = validate_card(
            CardFields(draft.topic, draft.host_name, draft.description, draft.handle, tuple(draft.tags)),
            [tag.key for tag in self.event.tags],
        )
        return replace(
            draft,
            starts_at=draft.starts_at.astimezone(UTC),
            topic=fields.topic,
            host_name=fields.host_name,
            description=fields.description,
            handle=fields.handle,
            tags=fields.tags,
        )

    def _check_slot(
        self, s: Session, room_key: str, starts_at: datetime, now: datetime, *, moving: uuid.UUID | None = None
    ) -> RoomRow:
        """The room, if a card may go in `room_key` at `starts_at`; `moving` is the card being moved, if any."""
        room = s.scalar(sa.select(RoomRow).where(RoomRow.key == room_key, RoomRow.deleted.is_(False)))
        if room is None or room_key not in {r.key for r in self.event.rooms}:
            raise UnknownSlot(f"There is no room '{room_key}' on this board.")
        local_day = self.event.local(starts_at).date()
        if local_day not in self.event.days or starts_at not in self.event.slot_starts(local_day):
            raise UnknownSlot("That time is not one of the board's session slots.")
        ends_at = starts_at + self.event.slot_length
        if ends_at <= now:
            raise SlotInPast()
        block = block_covering(self._live_blocks(s), room_key, starts_at, ends_at)
        if block is not None:
            raise SlotBlocked(block.reason)
        taken = sa.select(SessionRow.id).where(
            SessionRow.room_id == room.id, SessionRow.starts_at == starts_at, SessionRow.deleted.is_(False)
        )
        if moving is not None:
            taken = taken.where(SessionRow.id != moving)
        if s.scalar(taken) is not None:
            raise SlotTaken()
        return room

    def _check_card_rate(self, s: Session, now: datetime) -> None:
        if self._recent_actions(s, "card.add", now - RATE_WINDOW) >= self.event.limits.cards_per_kiosk_per_minute:
            raise RateLimited("Lots of cards were just added at this kiosk. Please wait a minute and try again.")

    def _check_handle_quota(
        self, s: Session, handle: str, starts_at: datetime, *, moving: uuid.UUID | None = None
    ) -> None:
        wanted = normalised_handle(handle)
        if not wanted:
            return
        day = self.event.local(starts_at).date()
        start, end = self._local_day_bounds(day)
        query = sa.select(SessionRow.handle).where(
            SessionRow.deleted.is_(False), SessionRow.starts_at >= start, SessionRow.starts_at < end
        )
        if moving is not None:
            query = query.where(SessionRow.id != moving)
        hosted = sum(1 for other in s.scalars(query) if normalised_handle(other) == wanted)
        limit = self.event.limits.cards_per_handle_per_day
        if hosted >= limit:
            raise RateLimited(
                f"{handle} already hosts {hosted} sessions on {weekday(day)}, the most one person can put up in a day."
            )

    def _verify_edit_code(self, s: Session, row: SessionRow, code: str, now: datetime) -> StoreError | None:
        """None if `code` is right; otherwise the error to raise once the attempt is committed.

        Failed attempts and the pause are bookkeeping, not board changes: they do not bump the card's version,
        so syncing never ships them or overwrites a real edit with them.
        """
        limits = self.event.limits
        if row.locked_until is not None and row.locked_until > now:
            return HostActionsLocked(math.ceil((row.locked_until - now).total_seconds()))
        if verify_edit_code(code, row.edit_code_hash):
            row.failed_code_attempts = 0
            row.locked_until = None
            return None
        attempts = row.failed_code_attempts + 1
        if attempts >= limits.wrong_codes_before_lock:
            # The counter starts again after the pause, so the host gets a fresh set of tries.
            row.failed_code_attempts = 0
            row.locked_until = now + timedelta(seconds=limits.lock_seconds)
            self._audit(s, now, "code.wrong", "session", row.id, attempts=attempts, locked_until=row.locked_until)
            return HostActionsLocked(limits.lock_seconds)
        row.failed_code_attempts = attempts
        self._audit(s, now, "code.wrong", "session", row.id, attempts=attempts)
        return WrongEditCode(limits.wrong_codes_before_lock - attempts)

    def _readopt_idea(self, s: Session, row: SessionRow, idea_id: uuid.UUID | None, now: datetime) -> None:
        if row.idea_id is not None:
            old = s.get(IdeaRow, row.idea_id)
            if old is not None and old.adopted_session_id == row.id:
                self._update_if_changed(old, now, adopted_session_id=None)
        if idea_id is not None:
            self._update_if_changed(self._live_idea_row(s, idea_id), now, adopted_session_id=row.id)

    def _live_card_row(self, s: Session, card_id: uuid.UUID) -> tuple[SessionRow, str]:
        found = s.execute(_live_cards_query().where(SessionRow.id == card_id)).tuples().first()
        if found is None:
            raise CardNotFound()
        return found

    def _live_idea_row(self, s: Session, idea_id: uuid.UUID) -> IdeaRow:
        row = s.get(IdeaRow, idea_id)
        if row is None or row.deleted:
            raise IdeaNotFound()
        return row

    def _live_blocks(self, s: Session) -> tuple[Block, ...]:
        query = (
            sa.select(BlockRow, RoomRow.key)
            .join(RoomRow, BlockRow.room_id == RoomRow.id)
            .where(BlockRow.deleted.is_(False), RoomRow.deleted.is_(False))
            .order_by(BlockRow.starts_at, RoomRow.position)
        )
        return tuple(
            Block(room_key=key, starts_at=row.starts_at, ends_at=row.ends_at, reason=row.reason, id=row.id)
            for row, key in s.execute(query).tuples()
        )


def _live_cards_query() -> sa.Select[tuple[SessionRow, str]]:
    # Cards in a room the event no longer has cannot be shown on the grid, so they are not "on the board".
    return (
        sa.select(SessionRow, RoomRow.key)
        .join(RoomRow, SessionRow.room_id == RoomRow.id)
        .where(SessionRow.deleted.is_(False), RoomRow.deleted.is_(False))
    )


# Cards whose damaged tags were already logged, so a board that rereads every second logs each one once.
_reported_damaged_tags: set[uuid.UUID] = set()


def _stored_tags(row: SessionRow) -> tuple[str, ...]:
    """The card's tag keys; damaged JSON (a hand edit, a bad sync) reads as no tags, logged as an error.

    Every read of the board goes through here, so raising would take the whole board down, every second, over one
    card whose topic, host and slot are still good; losing its tag stripes is the smaller harm.
    """
    try:
        tags = json.loads(row.tags)
    except (ValueError, TypeError):
        tags = None
    if isinstance(tags, list) and all(isinstance(tag, str) for tag in tags):
        return tuple(tags)
    if row.id not in _reported_damaged_tags:
        _reported_damaged_tags.add(row.id)
        log.error("Session %s has damaged tags in the database (%.80r); showing it without tags", row.id, row.tags)
    return ()


def _card(row: SessionRow, room_key: str) -> Card:
    return Card(
        id=row.id,
        room_key=room_key,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        topic=row.topic,
        host_name=row.host_name,
        description=row.description,
        handle=row.handle,
        tags=_stored_tags(row),
        idea_id=row.idea_id,
        kiosk_id=row.kiosk_id,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _card_detail(row: SessionRow, room_key: str) -> dict[str, Any]:
    return {"room": room_key, "starts_at": row.starts_at.isoformat(), "topic": row.topic, "host": row.host_name}


def _idea(row: IdeaRow) -> Idea:
    return Idea(
        id=row.id,
        topic=row.topic,
        note=row.note,
        votes=row.votes,
        adopted_card_id=row.adopted_session_id,
        created_at=row.created_at,
    )
