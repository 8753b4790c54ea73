"""KioskAttract: the view model behind the attract screen shown while nobody is at the kiosk.

It turns the domain's `attract_view` into plain strings for QML and keeps them current while shown.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.attract import AttractMode, AttractView, RoomGlance, attract_view, sessions_first
from kiosk.domain.clock import Clock
from kiosk.domain.labels import long_day, weekday
from kiosk.domain.model import Event
from kiosk.store.errors import StoreError
from kiosk.store.service import BoardService
from kiosk.ui.board import KioskBoard

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


def headline_for(event: Event, view: AttractView, now: datetime) -> tuple[str, str]:
    """The big line and the one under it, for a person glancing from across the hall."""
    local_now = event.local(now)
    start = event.local(view.first_start).strftime("%H:%M") if view.first_start else ""
    if view.mode is AttractMode.OVER:
        return "Thank you!", _held_line(event, view.sessions_held)
    if view.day is None:  # only "over" has no day; keeps the type checker and a future mode honest
        return "", ""
    if view.mode is AttractMode.BEFORE:
        return f"Open Spaces start {long_day(view.day)} at {start}", "The first session in each room"
    if view.mode is AttractMode.TOMORROW:
        when = "Tomorrow" if view.day == local_now.date() + timedelta(days=1) else weekday(view.day)
        return f"{when}’s first sessions", f"{long_day(view.day)} · from {start}"
    end = event.local(event.slot_starts(view.day)[-1] + event.slot_length).strftime("%H:%M")
    if view.first_start is not None and now < view.first_start:
        return f"Open Spaces start at {start}", f"Today, {long_day(view.day)}"
    sub = f"{long_day(view.day)} · Open Spaces until {end}"
    if any(g.now is not None for g in view.rooms):
        return "Happening now", sub
    if any(g.next is not None for g in view.rooms):
        return "Coming up next", sub
    return "Rooms are free — add yours", sub


def _held_line(event: Event, held: int) -> str:
    if held == 0:
        return f"for coming to the Open Spaces at {event.name}"
    if held == 1:
        return f"Open Space session was held at {event.name}"
    return f"Open Spaces sessions were held at {event.name}"


def room_entry(event: Event, glance: RoomGlance) -> dict[str, Any]:
    """One tile's strings; empty strings for what the room does not have."""
    now, upcoming, block = glance.now, glance.next, glance.block
    return {
        "roomKey": glance.room.key,
        "roomName": glance.room.name,
        "roomNote": glance.room.note,
        "nowTopic": now.topic if now else "",
        "nowHost": now.host_name if now else "",
        "nowLeft": f"{glance.minutes_left} min left" if now else "",
        "nextTopic": upcoming.topic if upcoming else "",
        "nextHost": upcoming.host_name if upcoming else "",
        "nextTime": event.local(upcoming.starts_at).strftime("%H:%M") if upcoming else "",
        "free": glance.is_free,
        "openNow": glance.open_now,
        "blockedReason": block.reason if block else "",
        "blockedUntil": event.local(block.ends_at).strftime("%H:%M") if block else "",
    }


@QmlElement
@QmlUncreatable("KioskAttract is created by the application and handed to Main.qml.")
class KioskAttract(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    changed = Signal()
    shownChanged = Signal()

    def __init__(self, service: BoardService, board: KioskBoard, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._event = service.event
        self._clock = clock
        self._shown = False
        self._mode = AttractMode.LIVE.value
        self._headline = ""
        self._subline = ""
        self._rooms: list[dict[str, Any]] = []
        self._sessions_held = 0
        self._under_way = False
        self._clock_text = ""
        # While shown, follow the board: its reloads bring other kiosks' changes, its clock moves "min left".
        board.boardReloaded.connect(self._refresh_if_shown)
        board.clockChanged.connect(self._refresh_if_shown)
        self.refresh()

    # --- properties ------------------------------------------------------------------------------

    @Property(bool, notify=shownChanged)
    def shown(self) -> bool:
        return self._shown

    @Property(str, notify=changed)
    def mode(self) -> str:
        """ "before", "live", "tomorrow" or "over" (see kiosk.domain.attract.AttractMode)."""
        return self._mode

    @Property(str, notify=changed)
    def headline(self) -> str:
        return self._headline

    @Property(str, notify=changed)
    def subline(self) -> str:
        return self._subline

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]
    def rooms(self) -> list[dict[str, Any]]:
        """Rooms with sessions first, so a screen that cannot fit them all cuts the free ones."""
        return self._rooms

    @Property(bool, notify=changed)
    def underWay(self) -> bool:
        """A slot is running right now, so tiles say what is on now (and not only what comes next)."""
        return self._under_way

    @Property(int, notify=changed)
    def sessionsHeld(self) -> int:
        return self._sessions_held

    @Property(str, notify=changed)
    def clockText(self) -> str:
        return self._clock_text

    @Property(str, constant=True)
    def eventName(self) -> str:
        return self._event.name

    @Property(str, constant=True)
    def hashtag(self) -> str:
        return self._event.hashtag

    # --- intents ---------------------------------------------------------------------------------

    @Slot()
    def show(self) -> None:
        self.refresh()
        self._set_shown(True)

    @Slot()
    def dismiss(self) -> None:
        self._set_shown(False)

    @Slot()
    def refresh(self) -> None:
        now = self._clock.now()
        try:
            view = attract_view(self._event, self._service.cards(), now, self._service.blocks())
        except StoreError as error:
            # An unattended screen keeps its last good view rather than going blank.
            log.error("could not read the board for the attract screen: %s", error)
            return
        self._mode = view.mode.value
        self._headline, self._subline = headline_for(self._event, view, now)
        self._rooms = [room_entry(self._event, g) for g in sessions_first(view.rooms)]
        self._sessions_held = view.sessions_held
        self._under_way = view.under_way
        self._clock_text = self._event.local(now).strftime("%H:%M")
        self.changed.emit()

    # --- internals -------------------------------------------------------------------------------

    def _refresh_if_shown(self) -> None:
        if self._shown:
            self.refresh()

    def _set_shown(self, shown: bool) -> None:
        if shown != self._shown:
            self._shown = shown
            self.shownChanged.emit()
