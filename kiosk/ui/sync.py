"""KioskSync: the sync state at a glance for the header and the staff panel, and "Sync now".

Rounds run on the worker thread (kiosk.ui.syncworker) every `[hub] interval_seconds`, and when staff ask; their
results arrive here through a queued signal. Without a hub in the config, sync is off and nothing shows.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Property, QEnum, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.clock import Clock, real
from kiosk.domain.model import Event
from kiosk.store.errors import StoreError
from kiosk.store.service import BoardService
from kiosk.sync.settings import HubSettings
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.messages import person_message
from kiosk.ui.syncworker import RoundResult, SyncWorker, start_worker
from kiosk.ui.translation import fill, translate
from kiosk.ui.viewstate import emit_changes, notify_signals

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


class SyncState(enum.IntEnum):
    Off = 0
    Synced = 1
    Syncing = 2
    Offline = 3


def status_text(state: SyncState, offline_since: str, conflicts: int) -> str:
    """The header's words: synced, syncing, offline since HH:MM, and how many conflicts wait for staff."""
    words = {
        SyncState.Off: "",
        SyncState.Synced: translate("KioskSync", "Synced"),
        SyncState.Syncing: translate("KioskSync", "Syncing…"),
        SyncState.Offline: (
            fill(translate("KioskSync", "Offline since %1"), offline_since)
            if offline_since
            else translate("KioskSync", "Offline")
        ),
    }[state]
    if state is not SyncState.Off and conflicts:
        words += " · " + translate("KioskSync", "%n conflict(s)", "", conflicts)
    return words


@dataclass(frozen=True, slots=True)
class SyncView:
    """What the header and the staff panel show of sync; each field is a property with its own notify signal."""

    state: int
    status_text: str
    busy: bool
    conflict_count: int
    pending: int
    last_result: str


_SIGNALS = notify_signals(SyncView)


@QmlElement
@QmlUncreatable("KioskSync is created by the application.")
class KioskSync(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    QEnum(SyncState)

    stateChanged = Signal()
    statusTextChanged = Signal()
    busyChanged = Signal()
    conflictCountChanged = Signal()
    pendingChanged = Signal()
    lastResultChanged = Signal()
    # Cards of this kiosk the hub displaced in the last round: their hosts may still be at the screen.
    bookingsLost = Signal(object)
    _roundWanted = Signal()

    def __init__(
        self,
        service: BoardService,
        feed: KioskChangeFeed,
        settings: HubSettings | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._feed = feed
        self._settings = settings
        self._state = SyncState.Off if settings is None else SyncState.Syncing
        self._busy = False
        self._offline_since = ""
        self._conflicts = 0
        self._pending = 0
        self._last = ""
        self._thread: QThread | None = None
        self._worker: SyncWorker | None = None
        self._view = self._work_out_view()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.syncNow)
        feed.boardChanged.connect(self._count_conflicts)

    def start(self, event: Event, clock: Clock) -> None:
        """Start the worker thread and the rounds (nothing without a hub)."""
        if self._settings is None or self._thread is not None:
            return
        self._worker = SyncWorker(self._settings, self._service.db_path, event, clock, self._service.kiosk_id)
        self._thread = start_worker(self._worker)
        self._roundWanted.connect(self._worker.runRound, Qt.ConnectionType.QueuedConnection)
        self._worker.roundDone.connect(self._round_done, Qt.ConnectionType.QueuedConnection)
        self._timer.start(self._settings.interval_seconds * 1000)
        self._count_conflicts()
        self.syncNow()

    def stop(self) -> None:
        self._timer.stop()
        if self._thread is None or self._worker is None:
            return
        # A round under way ends at its next wait on the hub; the worker's engines are closed on its own thread.
        self._worker.cancel()
        QTimer.singleShot(0, self._worker, self._worker.shutdown)
        self._thread.quit()
        # Only a connection still being opened can hold the thread longer, and at most its connect timeout.
        connect_seconds = self._settings.connect_timeout_seconds if self._settings is not None else 0
        if not self._thread.wait((connect_seconds + 15) * 1000):
            log.warning("The sync thread did not stop; waiting for it")
            self._thread.wait()
        self._thread = None

    # -- what QML reads ----------------------------------------------------------------------------------------------

    @Property(bool, constant=True)
    def enabled(self) -> bool:
        return self._settings is not None

    @Property(int, notify=stateChanged)
    def state(self) -> int:
        """A `SyncState`."""
        return self._view.state

    @Property(str, notify=statusTextChanged)
    def statusText(self) -> str:
        return self._view.status_text

    @Property(bool, notify=busyChanged)
    def busy(self) -> bool:
        return self._view.busy

    @Property(int, notify=conflictCountChanged)
    def conflictCount(self) -> int:
        return self._view.conflict_count

    @Property(int, notify=pendingChanged)
    def pending(self) -> int:
        return self._view.pending

    @Property(str, notify=lastResultChanged)
    def lastResult(self) -> str:
        """What the last round did, or what stopped it, in words."""
        return self._view.last_result

    @Property(str, constant=True)
    def hub(self) -> str:
        return self._settings.shown_url if self._settings is not None else ""

    # -- intents -----------------------------------------------------------------------------------------------------

    @Slot()
    def syncNow(self) -> None:
        """A round now, unless one is under way (its result is as fresh)."""
        if self._worker is None or self._busy:
            return
        self._busy = True
        if self._state is not SyncState.Offline:
            self._state = SyncState.Syncing
        self._refresh()
        self._roundWanted.emit()

    # -- results -----------------------------------------------------------------------------------------------------

    @Slot(object)
    def _round_done(self, result: RoundResult) -> None:
        self._busy = False
        self._pending = result.pending
        self._conflicts = result.conflicts
        when = self._clock_text()
        if result.ok:
            self._state, self._offline_since = SyncState.Synced, ""
            summary = round_summary(result)
            self._last = f"{when}: {summary[:1].upper()}{summary[1:]}."
            if result.changed:
                self._feed.poke()
        else:
            if self._state is not SyncState.Offline:
                self._offline_since = when
                log.warning("Sync: the hub is unavailable: %s", result.problem)
            self._state = SyncState.Offline
            problem = person_message(result.problem)
            self._last = f"{when}: {problem[:1].upper()}{problem[1:]}."
        self._refresh()
        if result.displaced:
            self.bookingsLost.emit(list(result.displaced))

    @Slot()
    def _count_conflicts(self) -> None:
        if self._settings is None:
            return
        try:
            count = len(self._service.conflicts())
        except StoreError:
            return
        if count != self._conflicts:
            self._conflicts = count
            self._refresh()

    def _work_out_view(self) -> SyncView:
        return SyncView(
            state=int(self._state),
            status_text=status_text(self._state, self._offline_since, self._conflicts),
            busy=self._busy,
            conflict_count=self._conflicts,
            pending=self._pending,
            last_result=self._last,
        )

    def _refresh(self) -> None:
        """Work out what is shown once and signal only what changed."""
        old, self._view = self._view, self._work_out_view()
        emit_changes(self, old, self._view, _SIGNALS)

    def _clock_text(self) -> str:
        moment: datetime = self._service.event.local(real(self._service.clock).now())
        return moment.strftime("%H:%M")


__all__ = ["KioskSync", "SyncState", "SyncView", "status_text"]


def round_summary(result: RoundResult) -> str:
    """`RoundReport.summary` (`pushed 3, pulled 12, 1 displaced`) in the kiosk's language."""
    parts = [
        fill(translate("KioskSync", "pushed %1"), result.pushed),
        fill(translate("KioskSync", "pulled %1"), result.pulled),
    ]
    if result.applied != result.pulled:
        parts.append(fill(translate("KioskSync", "applied %1"), result.applied))
    counts = dict(result.outcomes)
    # The hub's answers other than "accepted", in the order `RoundReport.summary` names them.
    if counts.get("same"):
        parts.append(fill(translate("KioskSync", "%1 same", "rows the hub already had"), counts["same"]))
    if counts.get("replayed"):
        parts.append(
            fill(translate("KioskSync", "%1 replayed", "rows sent again after a lost answer"), counts["replayed"])
        )
    if counts.get("edit conflict"):
        parts.append(translate("KioskSync", "%n edit conflict(s)", "", counts["edit conflict"]))
    if counts.get("displaced"):
        parts.append(fill(translate("KioskSync", "%1 displaced", "bookings that lost their slot"), counts["displaced"]))
    if result.refused:
        parts.append(fill(translate("KioskSync", "%1 refused", "rows the hub refused"), len(result.refused)))
    if result.left:
        parts.append(fill(translate("KioskSync", "%1 still to push", "changes not yet sent"), result.left))
    return ", ".join(parts)
