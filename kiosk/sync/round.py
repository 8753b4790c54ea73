"""One sync round: check the hub, push the outbox, pull what is new, say hello. Run by the worker thread every
few seconds and by `kiosk sync --once`; never on the GUI thread.

Each step commits on its own, locally and on the hub, so a round cut off anywhere resumes where it stopped: an
entry the hub took but whose answer was lost is recognised by its id; a pull resumes from the last cursor saved
with the rows it covers.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection, Engine

from kiosk.domain.actors import Role
from kiosk.domain.clock import real
from kiosk.domain.model import Event
from kiosk.store import outbox
from kiosk.store.context import StoreContext
from kiosk.store.migrate import SCHEMA_HEAD
from kiosk.sync import arbiter, hubrows
from kiosk.sync.deadline import AnswerDeadline
from kiosk.sync.entries import HubRow, Outcome
from kiosk.sync.hubadmin import HubSchemaMismatch, HubUnavailable, check_schema
from kiosk.sync.hubtables import kiosks

log = logging.getLogger(__name__)

PUSH_BATCH = 500
PULL_BATCH = 2000
# How long one answer from the hub may take before the connection is given up (kiosk.sync.deadline).
ANSWER_SECONDS = 30.0


@dataclass(slots=True)
class RoundReport:
    """What one round moved, for the header, the staff panel and `kiosk sync --once`."""

    pushed: int = 0
    pulled: int = 0
    applied: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    # This kiosk's cards that lost their slot to a card the hub had confirmed first.
    displaced: list[str] = field(default_factory=list)
    joined: bool = False
    cursor: int = 0
    pending: int = 0
    seconds: float = 0.0

    @property
    def summary(self) -> str:
        parts = [f"pushed {self.pushed}", f"pulled {self.pulled}"]
        if self.applied != self.pulled:
            parts.append(f"applied {self.applied}")
        for outcome in (Outcome.SAME, Outcome.REPLAYED, Outcome.EDIT_CONFLICT, Outcome.DISPLACED):
            if self.outcomes.get(str(outcome)):
                parts.append(f"{self.outcomes[str(outcome)]} {outcome}")
        if self.refused:
            parts.append(f"{len(self.refused)} refused")
        if self.pending:
            parts.append(f"{self.pending} still to push")
        return ", ".join(parts)


def config_digest(event: Event) -> str:
    """What kiosks of one conference must agree on (rooms and config blocks are synced rows): a short digest."""
    shape = repr((event.slug, event.timezone, event.days, event.first_slot, event.last_slot_end, event.slot_minutes))
    shape += repr((event.rooms, event.blocks))
    return hashlib.sha256(shape.encode()).hexdigest()[:12]


def software_version() -> str:
    try:
        return metadata.version("open-spaces-kiosk")
    except metadata.PackageNotFoundError:
        return "unknown"


def hub_problem(error: BaseException) -> str:
    """One line for staff from whatever the database driver raised."""
    original = getattr(error, "orig", None) or error
    text = str(original).strip().splitlines()
    first = text[0] if text else type(original).__name__
    if "password authentication failed" in first or "no password supplied" in first:
        return f"the hub refused the login ({first})"
    return first.removeprefix("connection failed: ")


class Syncer:
    """Sync rounds between one kiosk's database and the hub."""

    def __init__(self, ctx: StoreContext, hub: Engine, *, answer_seconds: float = ANSWER_SECONDS) -> None:
        self.ctx = ctx
        self.hub = hub
        self.deadline = AnswerDeadline(hub, answer_seconds)
        self.actor = ctx.actor(Role.SYSTEM)
        self.digest = config_digest(ctx.event)
        self.software = software_version()

    def round(self) -> RoundReport:
        """One round; raises HubUnavailable (one line) when the hub cannot be used. Local failures (a broken
        kiosk database) raise as they are."""
        started = time.perf_counter()
        report = RoundReport()
        if self.deadline.aborted:
            raise HubUnavailable("sync has stopped")
        self.deadline.expired = False
        try:
            with self._connection() as (hub, hub_id):
                if outbox.sync_state(self.ctx).hub_id != hub_id:
                    queued = outbox.join_hub(self.ctx, hub_id, self.actor)
                    log.info("First contact with hub %s: %d rows queued for it", hub_id, queued)
                    report.joined = True
                self._push(hub, report)
                self._pull(hub, report)
                report.pending = outbox.pending_count(self.ctx)
                self._hello(hub, report)
        except HubSchemaMismatch:
            raise
        except (sa.exc.DBAPIError, sa.exc.InterfaceError, OSError) as error:
            if self.deadline.aborted:
                raise HubUnavailable("sync has stopped") from error
            if self.deadline.expired:
                raise HubUnavailable(f"the hub did not answer within {self.deadline.seconds:.0f} s") from error
            raise HubUnavailable(hub_problem(error)) from error
        finally:
            self.deadline.stop()
        report.seconds = time.perf_counter() - started
        return report

    def cancel(self) -> None:
        """End the round under way, from any thread, as soon as it next waits on the hub; no round runs after.
        (A connection still being opened is waited for, up to the connect timeout.)"""
        self.deadline.abort()

    @contextmanager
    def _connection(self) -> Iterator[tuple[Connection, str]]:
        """A connection to a hub of the right schema, and its id. A pooled connection that died since the last
        round (the hub restarted, the Wi-Fi dropped) fails its first statement: then once more on a new one."""
        for attempt in (1, 2):
            hub = self.hub.connect()
            try:
                hub_id = str(check_schema(hub))
                hub.commit()
                self.deadline.stop()
            except sa.exc.DBAPIError as error:
                hub.close()
                if attempt == 1 and error.connection_invalidated:
                    continue
                raise
            with hub:
                yield hub, hub_id
            return

    def _push(self, hub: Connection, report: RoundReport) -> None:
        while entries := outbox.pending(self.ctx, PUSH_BATCH):
            with hub.begin():
                results = arbiter.push(hub, self.ctx.kiosk_id, entries, real(self.ctx.clock).now())
            self.deadline.stop()
            # The hub has committed; if this kiosk dies now, the next round's replay is recognised.
            settled = outbox.settle_push(self.ctx, results, self.actor)
            report.pushed += len(results)
            for result in results:
                report.outcomes[str(result.outcome)] = report.outcomes.get(str(result.outcome), 0) + 1
            report.displaced.extend(str(card) for card in settled.displaced)
            report.refused.extend(settled.refused)
            if len(entries) < PUSH_BATCH:
                break

    def _pull(self, hub: Connection, report: RoundReport) -> None:
        cursor = outbox.sync_state(self.ctx).cursor
        while True:
            with hub.begin():
                rows = hubrows.rows_after(hub, cursor, PULL_BATCH)
            self.deadline.stop()
            if not rows:
                break
            cursor = rows[-1].seq

            def fetch(keys: Iterable[tuple[str, object]]) -> list[HubRow]:
                with hub.begin():
                    found = hubrows.rows_by_id(hub, keys)  # type: ignore[arg-type]
                self.deadline.stop()
                return found

            applied = outbox.apply_pulled(self.ctx, rows, cursor, fetch, self.actor)
            report.pulled += len(rows)
            report.applied += applied.applied
            report.refused.extend(applied.refused)
            if len(rows) < PULL_BATCH:
                break
        report.cursor = cursor

    def _hello(self, hub: Connection, report: RoundReport) -> None:
        values = {
            "kiosk_id": self.ctx.kiosk_id,
            "software": self.software,
            "board_schema": SCHEMA_HEAD,
            "config_digest": self.digest,
            "cursor": report.cursor,
            "pending": report.pending,
        }
        statement = pg_insert(kiosks).values(**values)
        statement = statement.on_conflict_do_update(
            index_elements=[kiosks.c.kiosk_id],
            set_={
                **{name: statement.excluded[name] for name in values if name != "kiosk_id"},
                "last_seen": sa.func.now(),
            },
        )
        with hub.begin():
            hub.execute(statement)
        self.deadline.stop()
