"""KioskStaff: the way into staff mode and the panel's frame — the PIN pad, which section shows, the idle close.

A long press on the event's name asks for the PIN; the right one opens the staff panel over the board. The
panel closes itself after two minutes without a touch and whenever the kiosk goes home (the attract screen), so
a person walking up never finds it open. The sections' own work is in kiosk.ui.staff_* view models.
"""

from __future__ import annotations

import enum
import logging

from PySide6.QtCore import Property, QEnum, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.validation import REASON_MAX
from kiosk.store.errors import StoreError
from kiosk.store.pin import PIN_MAX, PIN_MIN, pin_is_set
from kiosk.store.service import BoardService
from kiosk.ui.messages import person_message
from kiosk.ui.router import KioskRouter, Overlay
from kiosk.ui.translation import translate

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

STAFF_IDLE_MS = 120_000
# How long a note (an action's result, the hint about setting a PIN) stays up.
NOTE_MS = 6_000


class StaffSection(enum.IntEnum):
    Cards = 0
    Blocks = 1
    Ideas = 2
    Import = 3
    Backups = 4
    Audit = 5
    Tools = 6
    Sync = 7


@QmlElement
@QmlUncreatable("KioskStaff is created by the application.")
class KioskStaff(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    QEnum(StaffSection)

    isOpenChanged = Signal()
    unlockedChanged = Signal()
    pinMessageChanged = Signal()
    sectionChanged = Signal()
    noteChanged = Signal()
    entryHintChanged = Signal()

    def __init__(self, service: BoardService, router: KioskRouter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._router = router
        self._unlocked = False
        self._pin_message = ""
        self._section = StaffSection.Cards
        self._note = ""
        self._entry_hint = ""
        self._idle = QTimer(self, singleShot=True, interval=STAFF_IDLE_MS)
        self._idle.timeout.connect(self._idle_out)
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_MS)
        self._note_timer.timeout.connect(self._clear_notes)
        router.overlayChanged.connect(self.isOpenChanged)
        router.homeRequested.connect(self.close)

    # --- properties ------------------------------------------------------------------------------

    @Property(bool, notify=isOpenChanged)
    def isOpen(self) -> bool:
        return self._router.current_overlay is Overlay.Staff

    @Property(bool, notify=unlockedChanged)
    def unlocked(self) -> bool:
        """The right PIN was typed since the panel last closed."""
        return self._unlocked

    @Property(str, notify=pinMessageChanged)
    def pinMessage(self) -> str:
        return self._pin_message

    @Property(int, notify=sectionChanged)
    def section(self) -> int:
        return int(self._section)

    @Property(str, notify=noteChanged)
    def note(self) -> str:
        """The result of the last staff action, in a sentence; it clears itself."""
        return self._note

    @Property(str, notify=entryHintChanged)
    def entryHint(self) -> str:
        """Said on the board when the event's name is held but no PIN is set."""
        return self._entry_hint

    @Property(int, constant=True)
    def pinMin(self) -> int:
        return PIN_MIN

    @Property(int, constant=True)
    def pinMax(self) -> int:
        return PIN_MAX

    @Property(int, constant=True)
    def reasonMax(self) -> int:
        """The longest reason staff may give (a cancelled session, a blocked room), from the validator."""
        return REASON_MAX

    @property
    def is_unlocked(self) -> bool:
        return self._unlocked and self.property("isOpen")

    # --- intents ---------------------------------------------------------------------------------

    @Slot()
    def requestEntry(self) -> None:
        """The event's name was held for three seconds."""
        if not pin_is_set(self._service.data_dir):
            self._set(
                "_entry_hint",
                translate("KioskStaff", "No staff PIN is set on this kiosk. Set one from a terminal: kiosk set-pin"),
            )
            self._note_timer.start()
            return
        self._set_unlocked(False)
        self._set("_pin_message", "")
        self._router.open(Overlay.Staff)
        self._idle.start()

    @Slot(str)
    def submitPin(self, pin: str) -> None:
        try:
            outcome = self._service.try_staff_pin(pin)
        except StoreError as error:
            self._set("_pin_message", person_message(error))
            return
        self._set("_pin_message", person_message(outcome.message))
        if outcome.opened:
            self._set_unlocked(True)
            self.showSection(StaffSection.Cards)
        self._idle.start()

    @Slot(int)
    def showSection(self, section: int) -> None:
        wanted = StaffSection(section)
        if wanted is not self._section:
            self._section = wanted
            self.sectionChanged.emit()

    @Slot()
    def reopen(self) -> None:
        """Back to the panel after a staff edit in the host's form, without the PIN again."""
        if self._unlocked:
            self._router.open(Overlay.Staff)
            self._idle.start()

    @Slot(str)
    def say(self, text: str) -> None:
        self._set("_note", text)
        self._note_timer.start()

    @Slot()
    def activity(self) -> None:
        if self._unlocked or self.property("isOpen"):
            self._idle.start()

    @Slot()
    def close(self) -> None:
        """Lock and leave: the next person needs the PIN again."""
        self._idle.stop()
        self._set_unlocked(False)
        self._set("_pin_message", "")
        self._router.close(Overlay.Staff)

    # --- internals -------------------------------------------------------------------------------

    @Slot()
    def _idle_out(self) -> None:
        log.info("the staff panel closed itself after %d s without a touch", STAFF_IDLE_MS // 1000)
        if self._router.current_overlay in (Overlay.Staff, Overlay.CardForm):
            self._router.goHome()
        self.close()

    @Slot()
    def _clear_notes(self) -> None:
        self._set("_note", "")
        self._set("_entry_hint", "")

    def _set_unlocked(self, unlocked: bool) -> None:
        if unlocked != self._unlocked:
            self._unlocked = unlocked
            self.unlockedChanged.emit()

    def _set(self, attribute: str, value: str) -> None:
        """Set one of the text properties and signal it if it changed."""
        if getattr(self, attribute) != value:
            setattr(self, attribute, value)
            getattr(self, _TEXT_SIGNALS[attribute]).emit()


_TEXT_SIGNALS = {"_pin_message": "pinMessageChanged", "_note": "noteChanged", "_entry_hint": "entryHintChanged"}
