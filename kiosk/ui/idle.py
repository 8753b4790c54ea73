"""Notices when nobody has touched the kiosk for a while, so the board can go back to today's view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

# Any of these means a person is at the screen.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
    }
)


class IdleWatcher(QObject):
    """An application-wide event filter: it only watches input, it never consumes it."""

    idle = Signal()
    activity = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._timer.start()
            self.activity.emit()
        return False
