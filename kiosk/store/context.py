"""What every part of the store works with: the engine, the event, the clock and this kiosk's id; and reading."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from kiosk.domain.actors import Actor, Role
from kiosk.domain.clock import Clock
from kiosk.domain.model import Event
from kiosk.store.engine import database_errors, database_label, writer


@dataclass(frozen=True)
class StoreContext:
    engine: Engine
    event: Event
    clock: Clock
    kiosk_id: str
    # The same pool, with transactions that take SQLite's write lock first (see kiosk.store.engine.writer).
    write_engine: Engine = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "write_engine", writer(self.engine))

    @property
    def label(self) -> Path | str:
        """The database as messages name it."""
        return database_label(self.engine)

    def actor(self, role: Role) -> Actor:
        return Actor(self.kiosk_id, role)


@contextmanager
def reading(ctx: StoreContext) -> Iterator[Session]:
    """A read-only transaction: one consistent view of the board."""
    with database_errors(ctx.label), Session(ctx.engine) as s, s.begin():
        yield s
