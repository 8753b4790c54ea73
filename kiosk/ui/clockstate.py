"""KioskClock: the kiosk's clock as the header shows it, and the staff's rehearsal clock on top of it.

Every part of the kiosk reads the same `ShiftedClock`, so setting a rehearsal time moves the board, the forms,
the attract screen and the store's timestamps alike; the header says so while it is set.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bootstrap import DEMO_CLOCK_NOTE
from kiosk.domain.clock import ShiftedClock
from kiosk.domain.model import Event
from kiosk.ui.datelabels import short_when
from kiosk.ui.translation import translate

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("KioskClock is created by the application.")
class KioskClock(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    noteChanged = Signal()
    rehearsingChanged = Signal()
    rehearsalLabelChanged = Signal()
    # The time jumped (a rehearsal set or ended): what depends on it should look again at once.
    jumped = Signal()

    def __init__(self, clock: ShiftedClock, event: Event, base_note: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Derived properties change with the state they come from: each has its own notify signal, fired with it.
        self.noteChanged.connect(self.rehearsingChanged)
        self.noteChanged.connect(self.rehearsalLabelChanged)
        self._clock = clock
        self._event = event
        self._base_note = base_note

    @property
    def clock(self) -> ShiftedClock:
        return self._clock

    @Property(str, notify=noteChanged)
    def note(self) -> str:
        """Said under the header clock when it is not the real time (the demo's clock, a rehearsal); else empty."""
        if self._clock.shifted:
            return translate("KioskClock", "rehearsal clock")
        # The note comes from the bootstrap, which knows no Qt: its one note is said here in the kiosk's language.
        return translate("KioskClock", "demo clock") if self._base_note == DEMO_CLOCK_NOTE else self._base_note

    @Property(bool, notify=rehearsingChanged)
    def rehearsing(self) -> bool:
        return self._clock.shifted

    @Property(str, notify=rehearsalLabelChanged)
    def rehearsalLabel(self) -> str:
        return short_when(self._event, self._clock.now()) if self._clock.shifted else ""

    def rehearse(self, moment: datetime) -> None:
        self._clock.shift_to(moment)
        self.noteChanged.emit()
        self.jumped.emit()

    @Slot()
    def realTime(self) -> None:
        if self._clock.shifted:
            self._clock.reset()
            self.noteChanged.emit()
            self.jumped.emit()
