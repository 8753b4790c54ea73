"""BoardService: the store's front door. It reads the board and changes it, and nothing else does.

Each write method is one change through the write path (`kiosk.store.writes`): one transaction, one audit row
naming the actor. The work itself lives in a module per concept: `cards`, `ideas`, `event_setup`, `demo`,
`queries`. Reads hand out frozen domain objects, never ORM rows.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from kiosk.domain.actors import Actor, Role
from kiosk.domain.audit import AuditEntry
from kiosk.domain.clock import Clock
from kiosk.domain.conflicts import Conflict
from kiosk.domain.model import Block, Card, Event, Idea
from kiosk.share.importfile import ImportFile
from kiosk.store import backups as backup_files
from kiosk.store import (
    cards,
    checks,
    conflicts,
    demo,
    event_setup,
    ideas,
    importer,
    outbox,
    pin,
    queries,
    recovery,
    reset,
    staff,
)
from kiosk.store import restore as restoring
from kiosk.store.cards import AddedCard, CardDraft
from kiosk.store.context import StoreContext
from kiosk.store.engine import check_writable, db_path_of, open_engine
from kiosk.store.errors import StoreError
from kiosk.store.migrate import backup_to, migrate
from kiosk.store.recovery import StartCheck, check_at_start

log = logging.getLogger(__name__)

DB_FILE_NAME = "board.sqlite3"


class BoardService:
    def __init__(self, engine: Engine, event: Event, clock: Clock, kiosk_id: str) -> None:
        self.ctx = StoreContext(engine, event, clock, kiosk_id)
        # What the start-up check found (see `kiosk.store.recovery`); empty when the board opened as it was.
        self.start_check = StartCheck(None, None)

    @classmethod
    def open(cls, data_dir: Path, event: Event, clock: Clock, kiosk_id: str) -> BoardService:
        """The board in `data_dir/board.sqlite3`, upgraded to the current schema and in step with the event.

        A damaged file, or one that lost changes its newest backup has, is first moved aside and the backup put in
        its place (`service.start_check.recovery` says so); a board that cannot be written is refused at once.
        """
        data_dir.mkdir(parents=True, exist_ok=True)
        db_path = data_dir / DB_FILE_NAME
        start_check = check_at_start(db_path)
        engine = open_engine(db_path)
        try:
            migrate(engine)
            check_writable(engine)
            service = cls(engine, event, clock, kiosk_id)
            service.start_check = start_check
            if start_check.recovery is not None:
                recovery.record(service.ctx, start_check.recovery, service.actor(Role.SYSTEM))
            service.apply_config()
        except BaseException:
            engine.dispose()
            raise
        return service

    @property
    def engine(self) -> Engine:
        return self.ctx.engine

    @property
    def event(self) -> Event:
        return self.ctx.event

    @property
    def clock(self) -> Clock:
        return self.ctx.clock

    @property
    def kiosk_id(self) -> str:
        return self.ctx.kiosk_id

    @property
    def db_path(self) -> Path:
        return db_path_of(self.ctx.engine)

    @property
    def data_dir(self) -> Path:
        """The folder beside the database: backups, logs, the staff PIN."""
        return self.db_path.parent

    def actor(self, role: Role) -> Actor:
        return self.ctx.actor(role)

    def close(self) -> None:
        """Release the engine's connections; for when the kiosk shuts down (other users of the engine lose it too)."""
        self.ctx.engine.dispose()

    # -- reading -------------------------------------------------------------------------------------------------

    def change_stamp(self) -> int:
        return queries.change_stamp(self.ctx)

    def cards(self, day: date | None = None) -> tuple[Card, ...]:
        return queries.cards(self.ctx, day)

    def card(self, card_id: uuid.UUID) -> Card:
        return queries.card(self.ctx, card_id)

    def blocks(self) -> tuple[Block, ...]:
        return queries.blocks(self.ctx)

    def ideas(self) -> tuple[Idea, ...]:
        return queries.ideas(self.ctx)

    def damaged_rows(self) -> tuple[str, ...]:
        """Sessions and ideas left out of every list because their text is damaged, one sentence each."""
        return queries.damaged_rows(self.ctx)

    def cancelled_cards(self) -> tuple[Card, ...]:
        return staff.cancelled_cards(self.ctx)

    def audit(self, *, limit: int = 50, entity_id: str | None = None) -> tuple[AuditEntry, ...]:
        return queries.audit(self.ctx, limit=limit, entity_id=entity_id)

    # -- writing: each is one change with one audit row --------------------------------------------------------

    def apply_config(self) -> list[str]:
        """Rooms and config blocks in line with the event (see `kiosk.store.event_setup`)."""
        return event_setup.apply_config(self.ctx, self.actor(Role.SYSTEM))

    def add_card(self, draft: CardDraft) -> AddedCard:
        return cards.add(self.ctx, draft, self.actor(Role.HOST))

    def check_edit_code(self, card_id: uuid.UUID, code: str) -> bool:
        return cards.check_edit_code(self.ctx, card_id, code, self.actor(Role.HOST))

    def update_card(self, card_id: uuid.UUID, code: str, draft: CardDraft) -> Card:
        return cards.update(self.ctx, card_id, code, draft, self.actor(Role.HOST))

    def cancel_card(self, card_id: uuid.UUID, code: str) -> None:
        cards.cancel(self.ctx, card_id, code, self.actor(Role.HOST))

    def add_idea(self, topic: str, note: str = "") -> Idea:
        return ideas.add(self.ctx, topic, note, self.actor(Role.ATTENDEE))

    def vote_idea(self, idea_id: uuid.UUID) -> Idea:
        return ideas.vote(self.ctx, idea_id, self.actor(Role.ATTENDEE))

    def seed_demo(self) -> int:
        """Sample sessions and ideas on an empty board (see `kiosk.store.demo`); returns how many sessions."""
        return demo.seed(self.ctx, self.actor(Role.SYSTEM))

    # -- staff: each one change with one audit row naming staff on this kiosk -----------------------------------

    def try_staff_pin(self, typed: str) -> pin.PinOutcome:
        """The PIN pad's OK; wrong PINs are counted (and paused) on this kiosk. Typed by someone not yet staff."""
        return pin.try_pin(self.ctx, self.data_dir, typed, self.actor(Role.ATTENDEE))

    def staff_edit_card(self, card_id: uuid.UUID, draft: CardDraft) -> Card:
        return staff.edit_card(self.ctx, card_id, draft, self.actor(Role.STAFF))

    def staff_move_card(self, card_id: uuid.UUID, room_key: str, starts_at: datetime) -> Card:
        return staff.move_card(self.ctx, card_id, room_key, starts_at, self.actor(Role.STAFF))

    def staff_cancel_card(self, card_id: uuid.UUID, reason: str) -> None:
        staff.cancel_card(self.ctx, card_id, reason, self.actor(Role.STAFF))

    def staff_restore_card(self, card_id: uuid.UUID) -> Card:
        return staff.restore_card(self.ctx, card_id, self.actor(Role.STAFF))

    def block_room(self, room_key: str, starts_at: datetime, ends_at: datetime, reason: str) -> Block:
        return staff.block_room(self.ctx, room_key, starts_at, ends_at, reason, self.actor(Role.STAFF))

    def unblock_room(self, block_id: uuid.UUID) -> None:
        staff.unblock_room(self.ctx, block_id, self.actor(Role.STAFF))

    def hide_idea(self, idea_id: uuid.UUID) -> None:
        staff.hide_idea(self.ctx, idea_id, self.actor(Role.STAFF))

    def merge_ideas(self, keep_id: uuid.UUID, duplicate_id: uuid.UUID) -> Idea:
        return staff.merge_ideas(self.ctx, keep_id, duplicate_id, self.actor(Role.STAFF))

    def record_screen_reset(self) -> None:
        self.record_staff_action("screen.reset", "screen")

    def record_staff_action(self, action: str, entity: str, **detail: str | int) -> None:
        """An audit row for a staff action that changes no board data (see `staff.note`)."""
        staff.note(self.ctx, self.actor(Role.STAFF), action, entity, **detail)

    def backup(self, *, out: Path | None = None) -> Path:
        """A consistent copy of the board, in `backups/` or at `out`, made by staff (an audit row says so)."""
        path = backup_to(self.db_path, out) if out is not None else backup_files.backup_now(self.ctx)
        try:
            self.record_staff_action("staff.backup", "board", path=str(path))
        except StoreError as error:
            # The backup is made and whole: a board too busy to log it must not make staff think otherwise.
            log.warning("Backed up to %s, but could not log it: %s", path, error)
        return path

    def backups(self) -> list[backup_files.BackupInfo]:
        return backup_files.list_backups(self.data_dir)

    def check(self) -> checks.CheckReport:
        return checks.check_board(self.ctx)

    def restore(self, backup: Path) -> restoring.RestoreResult:
        """The board as a backup holds it, after backing up what is there; all at once or not at all."""
        return restoring.restore(self.ctx, backup, self.actor(Role.STAFF))

    def clear_board(self, *, keep_cards: bool = False) -> reset.ResetResult:
        """Every card, idea and staff block tombstoned (or, keeping cards, only the lockouts lifted), after a backup."""
        return reset.clear_board(self.ctx, self.actor(Role.STAFF), keep_cards=keep_cards)

    def plan_import(self, file: ImportFile) -> importer.ImportPlan:
        """What an import would put on the board, every problem named on its row; writes nothing."""
        return importer.plan_import(self.ctx, file)

    def import_sessions(self, plan: importer.ImportPlan) -> int:
        """All of a checked plan's sessions in one change, or none (`ImportRefused`)."""
        return importer.apply_import(self.ctx, plan, self.actor(Role.STAFF))

    # -- sync: what the hub could not settle, for staff ------------------------------------------------------------

    def conflicts(self) -> tuple[Conflict, ...]:
        return conflicts.open_conflicts(self.ctx)

    def place_displaced(self, conflict_id: uuid.UUID, room_key: str, starts_at: datetime) -> Card:
        return conflicts.place_displaced(self.ctx, conflict_id, room_key, starts_at, self.actor(Role.STAFF))

    def rebook_card(self, card_id: uuid.UUID, code: str, room_key: str, starts_at: datetime) -> Card:
        """A host's card that lost its slot to another kiosk's booking, put in another free slot with its code."""
        return conflicts.rebook_displaced(self.ctx, card_id, code, room_key, starts_at, self.actor(Role.HOST))

    def cancel_displaced(self, conflict_id: uuid.UUID, reason: str) -> None:
        conflicts.cancel_displaced(self.ctx, conflict_id, reason, self.actor(Role.STAFF))

    def keep_board_version(self, conflict_id: uuid.UUID) -> None:
        conflicts.keep_board_version(self.ctx, conflict_id, self.actor(Role.STAFF))

    def take_kiosk_version(self, conflict_id: uuid.UUID) -> None:
        conflicts.take_kiosk_version(self.ctx, conflict_id, self.actor(Role.STAFF))

    def pending_sync(self) -> int:
        """Changes made here that the hub has not taken yet."""
        return outbox.pending_count(self.ctx)


__all__ = ["AddedCard", "BoardService", "CardDraft"]
