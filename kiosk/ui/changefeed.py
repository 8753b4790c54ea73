"""KioskChangeFeed: the one watcher of the board's change stamp, and the kiosk's heartbeat.

Every view model subscribes to it instead of to each other. Once a second it ticks (clocks move, hours end)
and looks at the store's change stamp; when the stamp moved — a change here, in another process, or from the
sync hub — it says so once, and every view model rereads what it shows.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.store.errors import StoreError
from kiosk.store.service import BoardService
from kiosk.ui.messages import person_message

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

# Changes made elsewhere must show within two seconds; one second leaves room for a slow query.
POLL_INTERVAL_MS = 1000


@QmlElement
@QmlUncreatable("KioskChangeFeed is created by the application.")
class KioskChangeFeed(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    # The board's data changed: reread it.
    boardChanged = Signal()
    # A second passed: clocks and "now" may have moved.
    ticked = Signal()
    problemChanged = Signal()

    def __init__(self, service: BoardService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._stamp: int | None = None
        self._problem = ""
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

    @Property(str, notify=problemChanged)
    def problem(self) -> str:
        """Why the board cannot be read right now, for staff; empty while all is well."""
        return self._problem

    def start(self) -> None:
        self._stamp = self._read_stamp()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def poke(self) -> None:
        """Look now rather than at the next tick: called right after a change made at this kiosk."""
        stamp = self._read_stamp()
        if stamp is not None and stamp != self._stamp:
            self._stamp = stamp
            self.boardChanged.emit()

    def report(self, problem: str) -> None:
        """A view model could not read the board: show it until a read succeeds again."""
        if problem != self._problem:
            if problem:
                log.error("could not read the board: %s", problem)
            self._problem = problem
            self.problemChanged.emit()

    @Slot()
    def _tick(self) -> None:
        self.ticked.emit()
        self.poke()

    def _read_stamp(self) -> int | None:
        try:
            stamp = self._service.change_stamp()
        except StoreError as error:
            self.report(person_message(error))
            return None
        self.report("")
        return stamp
