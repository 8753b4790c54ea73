"""An idle countdown: after a while without a touch, warn for some seconds, then give up on the person."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot


class IdleCountdown(QObject):
    """`arm()` on every touch; after `idle_seconds` without one, `counting(n)` each second from
    `warning_seconds` down to 1, then `expired()`. `disarm()` (or a touch) calls it off: `counting(0)`."""

    counting = Signal(int)
    expired = Signal()

    def __init__(self, idle_seconds: int, warning_seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._warning_seconds = warning_seconds
        self._left = 0
        self._idle = QTimer(self, singleShot=True, interval=idle_seconds * 1000)
        self._idle.timeout.connect(self._start)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._count_down)

    @property
    def seconds_left(self) -> int:
        return self._left

    def arm(self) -> None:
        self._call_off()
        self._idle.start()

    def disarm(self) -> None:
        self._idle.stop()
        self._call_off()

    def _call_off(self) -> None:
        self._tick.stop()
        if self._left:
            self._left = 0
            self.counting.emit(0)

    @Slot()
    def _start(self) -> None:
        self._left = self._warning_seconds
        self._tick.start()
        self.counting.emit(self._left)

    @Slot()
    def _count_down(self) -> None:
        self._left -= 1
        if self._left > 0:
            self.counting.emit(self._left)
            return
        self._tick.stop()
        self.expired.emit()
