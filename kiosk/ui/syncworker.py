"""The sync worker: sync rounds on a thread of their own, never the GUI thread.

It opens its own engines (the kiosk's SQLite file and the hub) on its thread at the first round, and reports
each round as a `RoundResult` through a queued signal. A round that waits on a slow hub delays nothing but the
next round: the screen is drawn and touched meanwhile.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from kiosk.domain.clock import Clock
from kiosk.domain.model import Event
from kiosk.store import conflicts, outbox
from kiosk.store.context import StoreContext
from kiosk.store.engine import open_engine
from kiosk.store.errors import StoreError
from kiosk.sync.settings import HubCredentialsError, HubSettings

if TYPE_CHECKING:  # the hub's machinery loads with the first round, and only on a kiosk that has a hub
    from kiosk.sync.round import RoundReport, Syncer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RoundResult:
    """One round as the screen needs it: what moved or what went wrong, and the counts the header shows."""

    ok: bool
    summary: str = ""
    problem: str = ""
    # This kiosk's cards the hub displaced in this round (their hosts may still be at the screen).
    displaced: tuple[uuid.UUID, ...] = ()
    pending: int = 0
    conflicts: int = 0
    changed: bool = False
    seconds: float = 0.0
    refused: tuple[str, ...] = field(default_factory=tuple)
    # What `summary` says, for a screen that words it in its own language: rows sent and fetched, rows applied,
    # the hub's answers other than "accepted" by kind, and the changes still to send after the round.
    pushed: int = 0
    pulled: int = 0
    applied: int = 0
    outcomes: tuple[tuple[str, int], ...] = ()
    left: int = 0


class SyncWorker(QObject):
    """Lives on its own QThread; `runRound` is called through a queued connection."""

    roundDone = Signal(object)

    def __init__(self, settings: HubSettings, db_path: Path, event: Event, clock: Clock, kiosk_id: str) -> None:
        super().__init__()
        self._settings = settings
        self._db_path = db_path
        self._event = event
        self._clock = clock
        self._kiosk_id = kiosk_id
        self._ctx: StoreContext | None = None
        self._syncer: Syncer | None = None
        self._cancelled = False

    @Slot()
    def runRound(self) -> None:
        self.roundDone.emit(self._round())

    def cancel(self) -> None:
        """Called from the GUI thread when the kiosk closes: the round under way ends at its next wait on the
        hub instead of minutes later on a slow one, and no other round starts."""
        self._cancelled = True
        syncer = self._syncer
        if syncer is not None:
            syncer.cancel()

    def _round(self) -> RoundResult:
        from kiosk.sync.hubadmin import HubUnavailable

        if self._cancelled:
            return RoundResult(ok=False, problem="sync has stopped")
        try:
            syncer = self._syncer or self._open()
            if self._cancelled:
                syncer.cancel()
            report = syncer.round()
        except (HubUnavailable, HubCredentialsError) as error:
            pending, open_conflicts = self._counts()
            return RoundResult(ok=False, problem=str(error), pending=pending, conflicts=open_conflicts)
        except StoreError as error:
            log.error("Sync could not use this kiosk's database: %s", error)
            return RoundResult(ok=False, problem=str(error))
        except Exception as error:  # a bug must not end syncing for the rest of the conference
            log.exception("A sync round failed")
            pending, open_conflicts = self._counts()
            return RoundResult(ok=False, problem=f"sync failed: {error}", pending=pending, conflicts=open_conflicts)
        return self._result(report)

    def _open(self) -> Syncer:
        from kiosk.sync.connect import syncer_for

        self._ctx = StoreContext(open_engine(self._db_path), self._event, self._clock, self._kiosk_id)
        self._syncer = syncer_for(self._settings, self._ctx)
        return self._syncer

    def _counts(self) -> tuple[int, int]:
        """Changes waiting for the hub, and open conflicts."""
        if self._ctx is None:
            return 0, 0
        try:
            return outbox.pending_count(self._ctx), len(conflicts.open_conflicts(self._ctx))
        except StoreError:
            return 0, 0

    def _result(self, report: RoundReport) -> RoundResult:
        pending, open_conflicts = self._counts()
        return RoundResult(
            ok=True,
            summary=report.summary,
            displaced=tuple(uuid.UUID(card) for card in report.displaced),
            changed=bool(report.applied or report.pushed),
            seconds=report.seconds,
            refused=tuple(report.refused),
            pending=pending,
            conflicts=open_conflicts,
            pushed=report.pushed,
            pulled=report.pulled,
            applied=report.applied,
            outcomes=tuple((str(kind), count) for kind, count in report.outcomes.items() if count),
            left=report.pending,
        )

    @Slot()
    def shutdown(self) -> None:
        if self._syncer is not None:
            self._syncer.hub.dispose()
        if self._ctx is not None:
            self._ctx.engine.dispose()
        self._syncer = self._ctx = None


def start_worker(worker: SyncWorker) -> QThread:
    thread = QThread()
    thread.setObjectName("kiosk-sync")
    worker.moveToThread(thread)
    thread.start()
    return thread
