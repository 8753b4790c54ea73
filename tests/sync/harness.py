"""Simulated kiosks for the sync tests: each a real board (its own SQLite file, service and kiosk id) that syncs
with a real hub through the same `Syncer` the worker thread runs, and a digest that says whether two boards agree.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Event
from kiosk.store.service import BoardService
from kiosk.store.tables import BlockRow, ConflictRow, IdeaRow, RoomRow, SessionRow, VoteRow
from kiosk.sync.hubadmin import hub_engine, init_hub
from kiosk.sync.round import RoundReport, Syncer
from kiosk.sync.settings import parse_hub_url
from tests.factories import DAY_ONE, lifted_event, local

# Sim kiosks make many cards a minute: their event has the anti-spam limits lifted.
sync_event = lifted_event
START = local(DAY_ONE, 9).astimezone(UTC)


def connect_hub(url: str, **options: object) -> Engine:
    return hub_engine(parse_hub_url(url, allow_password=True), **options)  # type: ignore[arg-type]


def make_hub(url: str) -> str:
    """Set up the hub's schema at `url`; returns the URL for the kiosks."""
    engine = connect_hub(url)
    try:
        init_hub(engine)
    finally:
        engine.dispose()
    return url


@dataclass
class SimKiosk:
    """One kiosk: a board in `folder`, a clock the test moves, and a syncer with its own engine for the hub at
    `hub_url` (as each real kiosk has)."""

    name: str
    folder: Path
    hub_url: str
    event: Event = field(default_factory=sync_event)
    clock: ManualClock = field(default_factory=lambda: ManualClock(START))

    def __post_init__(self) -> None:
        self.service = BoardService.open(self.folder / self.name, self.event, self.clock, self.name)
        self.hub = connect_hub(self.hub_url)
        self.syncer = Syncer(self.service.ctx, self.hub)

    def sync(self) -> RoundReport:
        return self.syncer.round()

    def close(self) -> None:
        self.hub.dispose()
        self.service.close()

    def digest(self) -> str:
        """Everything the board shows, as one hash: sessions (live, cancelled or displaced), blocks, ideas,
        votes and open conflicts, without who changed them when."""
        return hashlib.sha256(json.dumps(board_snapshot(self.service.engine), sort_keys=True).encode()).hexdigest()


def board_snapshot(engine: Engine) -> dict[str, list[list[str]]]:
    snapshot: dict[str, list[list[str]]] = {}
    with engine.connect() as connection:
        for table, columns in _SNAPSHOT.items():
            rows = connection.execute(sa.select(*columns).order_by(*columns)).all()
            snapshot[table] = [[str(value) for value in row] for row in rows]
    return snapshot


_SNAPSHOT = {
    "rooms": [RoomRow.id, RoomRow.key, RoomRow.name, RoomRow.deleted],
    "sessions": [
        SessionRow.id,
        SessionRow.room_id,
        SessionRow.starts_at,
        SessionRow.topic,
        SessionRow.description,
        SessionRow.host_name,
        SessionRow.deleted,
        SessionRow.displaced,
    ],
    "blocks": [BlockRow.id, BlockRow.room_id, BlockRow.starts_at, BlockRow.ends_at, BlockRow.deleted],
    "ideas": [IdeaRow.id, IdeaRow.topic, IdeaRow.votes, IdeaRow.merged_into, IdeaRow.deleted],
    "votes": [VoteRow.id, VoteRow.idea_id, VoteRow.deleted],
    "conflicts": [ConflictRow.id, ConflictRow.kind, ConflictRow.entity_id, ConflictRow.deleted],
}


@contextmanager
def kiosks(folder: Path, hub: str, count: int, **options: object) -> Iterator[list[SimKiosk]]:
    made = [SimKiosk(f"kiosk-{n:02d}", folder, hub, **options) for n in range(1, count + 1)]  # type: ignore[arg-type]
    try:
        yield made
    finally:
        for kiosk in made:
            kiosk.close()


def live_sessions(engine: Engine) -> list[tuple[str, str, str]]:
    """(room, start, topic) of every live card."""
    with engine.connect() as connection:
        query = sa.select(SessionRow.room_id, SessionRow.starts_at, SessionRow.topic).where(SessionRow.live())
        return sorted((str(room), str(start), topic) for room, start, topic in connection.execute(query))


def advance(kiosks_: list[SimKiosk], seconds: float) -> None:
    from datetime import timedelta

    for kiosk in kiosks_:
        kiosk.clock.current = kiosk.clock.current + timedelta(seconds=seconds)


def now_of(kiosk: SimKiosk) -> datetime:
    return kiosk.clock.now()
