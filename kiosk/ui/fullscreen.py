"""Keep a fullscreen window exactly as large as its screen, with or without a window manager.

`showFullScreen()` only asks a window manager to resize the window; kiosks often boot without one, and the
window then keeps its own 1920x1080, so a portrait screen shows only its left part.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QScreen
from PySide6.QtQuick import QQuickWindow


class _ScreenFiller(QObject):
    def __init__(self, window: QQuickWindow) -> None:
        super().__init__(window)
        self._window = window
        self._screen: QScreen | None = None
        window.screenChanged.connect(self._follow)
        self._follow(window.screen())

    @Slot(QScreen)
    def _follow(self, screen: QScreen | None) -> None:
        if self._screen is not None:
            self._screen.geometryChanged.disconnect(self._fill)
        self._screen = screen
        if screen is not None:
            screen.geometryChanged.connect(self._fill)
        self._fill()

    @Slot()
    def _fill(self) -> None:
        if self._screen is not None and self._window.geometry() != self._screen.geometry():
            self._window.setGeometry(self._screen.geometry())


def fill_screen(window: QQuickWindow) -> None:
    """Size `window` to its screen now and whenever the screen (or its geometry, on rotation) changes."""
    _ScreenFiller(window)
