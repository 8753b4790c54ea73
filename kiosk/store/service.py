"""BoardService: the store's front door. It reads the board and changes it, and nothing else does.

Each write method is one change through the write path (`kiosk.store.writes`): one transaction, one audit row
naming the actor. The work itself lives in a module per concept: `cards`, `ideas`, `event_setup`, `demo`,
`queries`. Reads hand out frozen domain objects, never ORM rows.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine

from kiosk.domain.actors import Actor, Role
from kiosk.domain.clock import Clock
from kiosk.domain.model import Block, Card, Event, Idea
from kiosk.store import cards, demo, event_setup, ideas, queries
from kiosk.store.cards import AddedCard, CardDraft
from kiosk.store.context import StoreContext
from kiosk.store.engine import db_path_of, open_engine
from kiosk.store.migrate import migrate

DB_FILE_NAME = "board.sqlite3"


class BoardService:
    def __init__(self, engine: Engine, event: Event, clock: Clock, kiosk_id: str) -> None:
        self.ctx = StoreContext(engine, event, clock, kiosk_id)

    @classmethod
    def open(cls, data_dir: Path, event: Event, clock: Clock, kiosk_id: str) -> BoardService:
        """The board in `data_dir/board.sqlite3`, upgraded to the current schema and in step with the event."""
        data_dir.mkdir(parents=True, exist_ok=True)
        engine = open_engine(data_dir / DB_FILE_NAME)
        try:
            migrate(engine)
            service = cls(engine, event, clock, kiosk_id)
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


__all__ = ["AddedCard", "BoardService", "CardDraft"]
