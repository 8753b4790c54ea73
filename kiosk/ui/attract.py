"""KioskAttract: the view model behind the attract screen shown while nobody is at the kiosk.

It turns the domain's `attract_view` into plain strings for QML and keeps them current while shown.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Property, QEnum, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.attract import AttractMode, AttractView, RoomGlance, attract_view, sessions_first
from kiosk.domain.clock import Clock
from kiosk.domain.labels import clock
from kiosk.domain.model import Event
from kiosk.store.errors import StoreError
from kiosk.store.service import BoardService
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.datelabels import long_day, weekday
from kiosk.ui.messages import person_message
from kiosk.ui.router import KioskRouter, Overlay
from kiosk.ui.translation import fill, translate
from kiosk.ui.viewstate import emit_changes, notify_signals

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)


def headline_for(event: Event, view: AttractView, now: datetime) -> tuple[str, str]:
    """The big line and the one under it, for a person glancing from across the hall."""
    local_now = event.local(now)
    start = event.local(view.first_start).strftime("%H:%M") if view.first_start else ""
    if view.mode is AttractMode.OVER:
        return translate("KioskAttract", "Thank you!"), _held_line(event, view.sessions_held)
    if view.day is None:  # only "over" has no day; keeps the type checker and a future mode honest
        return "", ""
    day = long_day(view.day)
    if view.mode is AttractMode.BEFORE:
        return fill(translate("KioskAttract", "Open Spaces start %1 at %2"), day, start), translate(
            "KioskAttract", "The first session in each room"
        )
    if view.mode is AttractMode.TOMORROW:
        if view.day == local_now.date() + timedelta(days=1):
            return translate("KioskAttract", "Tomorrow’s first sessions"), fill(
                translate("KioskAttract", "%1 · from %2"), day, start
            )
        return fill(translate("KioskAttract", "%1’s first sessions"), weekday(view.day)), fill(
            translate("KioskAttract", "%1 · from %2"), day, start
        )
    end = event.local(event.slot_starts(view.day)[-1] + event.slot_length).strftime("%H:%M")
    if view.first_start is not None and now < view.first_start:
        return fill(translate("KioskAttract", "Open Spaces start at %1"), start), fill(
            translate("KioskAttract", "Today, %1"), day
        )
    sub = fill(translate("KioskAttract", "%1 · Open Spaces until %2"), day, end)
    if any(g.now is not None for g in view.rooms):
        return translate("KioskAttract", "Happening now"), sub
    if any(g.next is not None for g in view.rooms):
        return translate("KioskAttract", "Coming up next"), sub
    return translate("KioskAttract", "Rooms are free — add yours"), sub


def _held_line(event: Event, held: int) -> str:
    if held == 0:
        return fill(translate("KioskAttract", "for coming to the Open Spaces at %1"), event.name)
    # The count itself is shown large above this line.
    return fill(translate("KioskAttract", "Open Spaces sessions were held at %1", "after the count", held), event.name)


def room_entry(event: Event, glance: RoomGlance) -> dict[str, Any]:
    """One tile's strings; empty strings for what the room does not have."""
    now, upcoming, block = glance.now, glance.next, glance.block
    return {
        "roomKey": glance.room.key,
        "roomName": glance.room.name,
        "roomNote": glance.room.note,
        "nowTopic": now.topic if now else "",
        "nowHost": now.host_name if now else "",
        "nowLeft": fill(translate("KioskAttract", "%1 min left"), glance.minutes_left) if now else "",
        "nextTopic": upcoming.topic if upcoming else "",
        "nextHost": upcoming.host_name if upcoming else "",
        "nextTime": event.local(upcoming.starts_at).strftime("%H:%M") if upcoming else "",
        "free": glance.is_free,
        "openNow": glance.open_now,
        "blockedReason": block.reason if block else "",
        "blockedUntil": event.local(block.ends_at).strftime("%H:%M") if block else "",
    }


class AttractScreenMode(enum.IntEnum):
    """`kiosk.domain.attract.AttractMode`, as QML names it."""

    Before = 0
    Live = 1
    Tomorrow = 2
    Over = 3


_MODES = {
    AttractMode.BEFORE: AttractScreenMode.Before,
    AttractMode.LIVE: AttractScreenMode.Live,
    AttractMode.TOMORROW: AttractScreenMode.Tomorrow,
    AttractMode.OVER: AttractScreenMode.Over,
}


@dataclass(frozen=True, slots=True)
class AttractScreenView:
    mode: int = int(AttractScreenMode.Live)
    headline: str = ""
    subline: str = ""
    rooms: tuple[dict[str, Any], ...] = ()
    under_way: bool = False
    sessions_held: int = 0
    clock_text: str = ""


_SIGNALS = notify_signals(AttractScreenView)


@QmlElement
@QmlUncreatable("KioskAttract is created by the application and handed to Main.qml.")
class KioskAttract(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    QEnum(AttractScreenMode)

    shownChanged = Signal()
    modeChanged = Signal()
    headlineChanged = Signal()
    sublineChanged = Signal()
    roomsChanged = Signal()
    underWayChanged = Signal()
    sessionsHeldChanged = Signal()
    clockTextChanged = Signal()

    def __init__(
        self,
        service: BoardService,
        clock: Clock,
        feed: KioskChangeFeed,
        router: KioskRouter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._event = service.event
        self._clock = clock
        self._feed = feed
        self._router = router
        self._view = AttractScreenView()
        # While shown, follow the board: other kiosks' changes, and the clock moving "min left".
        feed.boardChanged.connect(self._refresh_if_shown)
        feed.ticked.connect(self._refresh_if_shown)
        router.overlayChanged.connect(self.shownChanged)
        self.refresh()

    # --- properties ------------------------------------------------------------------------------

    @Property(bool, notify=shownChanged)
    def shown(self) -> bool:
        return self._router.current_overlay is Overlay.Attract

    @Property(int, notify=modeChanged)
    def mode(self) -> int:
        """An `AttractScreenMode`: before the conference, live, tomorrow's first sessions, or over."""
        return self._view.mode

    @Property(str, notify=headlineChanged)
    def headline(self) -> str:
        return self._view.headline

    @Property(str, notify=sublineChanged)
    def subline(self) -> str:
        return self._view.subline

    @Property("QVariantList", notify=roomsChanged)  # type: ignore[arg-type]
    def rooms(self) -> list[dict[str, Any]]:
        """Rooms with sessions first, so a screen that cannot fit them all cuts the free ones."""
        return list(self._view.rooms)

    @Property(bool, notify=underWayChanged)
    def underWay(self) -> bool:
        """A slot is running right now, so tiles say what is on now (and not only what comes next)."""
        return self._view.under_way

    @Property(int, notify=sessionsHeldChanged)
    def sessionsHeld(self) -> int:
        return self._view.sessions_held

    @Property(str, notify=clockTextChanged)
    def clockText(self) -> str:
        return self._view.clock_text

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
        self._router.open(Overlay.Attract)

    @Slot()
    def dismiss(self) -> None:
        self._router.close(Overlay.Attract)

    @Slot()
    def refresh(self) -> None:
        now = self._clock.now()
        try:
            view = attract_view(self._event, self._service.cards(), now, self._service.blocks())
        except StoreError as error:
            # An unattended screen keeps its last good view rather than going blank.
            self._feed.report(person_message(error))
            return
        headline, subline = headline_for(self._event, view, now)
        old, self._view = (
            self._view,
            AttractScreenView(
                mode=int(_MODES[view.mode]),
                headline=headline,
                subline=subline,
                rooms=tuple(room_entry(self._event, g) for g in sessions_first(view.rooms)),
                under_way=view.under_way,
                sessions_held=view.sessions_held,
                clock_text=clock(self._event.local(now)),
            ),
        )
        emit_changes(self, old, self._view, _SIGNALS)

    # --- internals -------------------------------------------------------------------------------

    @Slot()
    def _refresh_if_shown(self) -> None:
        if self._router.current_overlay is Overlay.Attract:
            self.refresh()
