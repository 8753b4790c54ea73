"""KioskRouter: which page is showing and which overlay is up, held in one place.

A page fills the screen under the header (the day grid or the wish list); an overlay sits above everything and
owns every touch while it is up (a session's details, a form, the attract screen, staff). QML asks the router
whether the page takes taps instead of each screen adding its own rule, and every overlay closes on its way home.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Property, QEnum, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


class Page(enum.IntEnum):
    Board = 0
    WishList = 1


class Overlay(enum.IntEnum):
    NoOverlay = 0
    Detail = 1
    CardForm = 2
    IdeaForm = 3
    Attract = 4
    Staff = 5


@QmlElement
@QmlUncreatable("KioskRouter is created by the application.")
class KioskRouter(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    QEnum(Page)
    QEnum(Overlay)

    pageChanged = Signal()
    overlayChanged = Signal()
    pageTakesInputChanged = Signal()
    # Back to today's board: every screen drops what it holds (forms forget, sheets close).
    homeRequested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Derived properties change with the state they come from: each has its own notify signal, fired with it.
        self.overlayChanged.connect(self.pageTakesInputChanged)
        self._page = Page.Board
        self._overlay = Overlay.NoOverlay

    @Property(int, notify=pageChanged)
    def page(self) -> int:
        return int(self._page)

    @Property(int, notify=overlayChanged)
    def overlay(self) -> int:
        return int(self._overlay)

    @Property(bool, notify=pageTakesInputChanged)
    def pageTakesInput(self) -> bool:
        """Nothing is over the page: its grid, tabs and buttons may take taps."""
        return self._overlay is Overlay.NoOverlay

    @property
    def current_page(self) -> Page:
        return self._page

    @property
    def current_overlay(self) -> Overlay:
        return self._overlay

    @Slot(int)
    def showPage(self, page: int) -> None:
        wanted = Page(page)
        if wanted is not self._page:
            self._page = wanted
            self.pageChanged.emit()

    @Slot(int)
    def open(self, overlay: int) -> None:
        """Put `overlay` up; whatever overlay was up gives way (a detail sheet to the host's form)."""
        self._set_overlay(Overlay(overlay))

    @Slot(int)
    def close(self, overlay: int) -> None:
        """Take `overlay` down if it is the one up; a late close from a screen already replaced does nothing."""
        if self._overlay is Overlay(overlay):
            self._set_overlay(Overlay.NoOverlay)

    def location(self) -> str:
        """Where the kiosk is, for the error log: "page Board, overlay CardForm"."""
        return f"page {self._page.name}, overlay {self._overlay.name}"

    @Slot()
    def goHome(self) -> None:
        """Today's board with nothing over it; every screen hears `homeRequested` and drops what it holds."""
        self._set_overlay(Overlay.NoOverlay)
        self.showPage(Page.Board)
        self.homeRequested.emit()

    def _set_overlay(self, overlay: Overlay) -> None:
        if overlay is not self._overlay:
            self._overlay = overlay
            self.overlayChanged.emit()
