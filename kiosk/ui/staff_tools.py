"""KioskStaffTools: exporting to a USB stick, checking the board, the rehearsal clock, resetting, and leaving.

Where a kiosk has no file dialog, the places an export can go are listed: every mounted removable drive
(/media, /run/media, /mnt) and the data directory's own exports folder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import time
from pathlib import Path

from PySide6.QtCore import Property, QCoreApplication, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.actors import Role
from kiosk.domain.clock import real
from kiosk.share.errors import ExportError
from kiosk.store.checks import CheckReport, check_board
from kiosk.store.errors import StoreError
from kiosk.store.reset import clear_board
from kiosk.store.service import BoardService
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.clockstate import KioskClock
from kiosk.ui.datelabels import day_label
from kiosk.ui.messages import person_message
from kiosk.ui.places import export_places
from kiosk.ui.router import KioskRouter
from kiosk.ui.translation import fill, translate

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

RESET_WORD = "RESET"


def check_lines(report: CheckReport) -> list[str]:
    """`CheckReport.lines()` in the kiosk's language (the command line prints them in English)."""
    if report.ok:
        counts = ", ".join(
            (
                translate("KioskStaffTools", "%n session(s)", "", report.sessions),
                translate("KioskStaffTools", "%n block(s)", "", report.blocks),
                translate("KioskStaffTools", "%n idea(s)", "", report.ideas),
            )
        )
        return [fill(translate("KioskStaffTools", "OK: %1; integrity_check ok"), counts)]
    return [person_message(line) for line in report.lines()]


@QmlElement
@QmlUncreatable("KioskStaffTools is created by the application.")
class KioskStaffTools(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    noticeChanged = Signal()
    placesChanged = Signal()
    checkChanged = Signal()
    checkLinesChanged = Signal()
    checkOkChanged = Signal()

    def __init__(
        self,
        service: BoardService,
        feed: KioskChangeFeed,
        router: KioskRouter,
        kiosk_clock: KioskClock,
        *,
        places: Callable[[Path], list[Path]] = export_places,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Derived properties change with the state they come from: each has its own notify signal, fired with it.
        self.checkChanged.connect(self.checkLinesChanged)
        self.checkChanged.connect(self.checkOkChanged)
        self._service = service
        self._event = service.event
        self._feed = feed
        self._router = router
        self._clock = kiosk_clock
        self._find_places = places
        self._places: list[Path] = []
        self._notice = ""
        self._check_lines: list[str] = []
        self._check_ok = True

    # --- properties ------------------------------------------------------------------------------

    @Property(str, notify=noticeChanged)
    def notice(self) -> str:
        return self._notice

    @Property("QStringList", notify=placesChanged)  # type: ignore[arg-type]
    def exportPlaces(self) -> list[str]:
        return [str(place) for place in self._places]

    @Property("QStringList", notify=checkLinesChanged)  # type: ignore[arg-type]
    def checkLines(self) -> list[str]:
        return self._check_lines

    @Property(bool, notify=checkOkChanged)
    def checkOk(self) -> bool:
        return self._check_ok

    @Property("QStringList", constant=True)  # type: ignore[arg-type]
    def dayNames(self) -> list[str]:
        return [day_label(day)["short"] for day in self._event.days]

    @Property("QStringList", constant=True)  # type: ignore[arg-type]
    def rehearsalTimes(self) -> list[str]:
        """Every half hour from half an hour before the first slot to the end of the last (23:30 at the latest)."""
        first = self._event.first_slot.hour * 60 + self._event.first_slot.minute
        last = min(self._event.last_slot_end_minute, 24 * 60 - 30)
        return [f"{minutes // 60:02d}:{minutes % 60:02d}" for minutes in range(max(0, first - 30), last + 1, 30)]

    @Property(str, constant=True)
    def resetWord(self) -> str:
        return RESET_WORD

    # --- intents ---------------------------------------------------------------------------------

    @Slot()
    def findPlaces(self) -> None:
        self._places = self._find_places(self._service.data_dir)
        self.placesChanged.emit()

    @Slot(int)
    def exportTo(self, index: int) -> None:
        """Every export format into a new folder at the chosen place."""
        from kiosk.share.export import FORMATS, export

        if not 0 <= index < len(self._places):
            return
        stamp = real(self._service.clock).now().astimezone(self._event.tz).strftime("%Y%m%d-%H%M")
        folder = self._places[index] / f"{self._event.slug}-{stamp}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            cards, ideas = self._service.cards(), self._service.ideas()
            for fmt in FORMATS:
                name = "site" if fmt == "html" else f"schedule.{fmt}" if fmt in ("xml", "json") else f"board.{fmt}"
                export(fmt, self._event, cards, ideas, folder / name)
        except (OSError, ExportError, StoreError) as error:
            self._set_notice(
                fill(
                    translate("KioskStaffTools", "The export did not finish: %1"),
                    person_message(getattr(error, "message", None) or error),
                )
            )
            return
        self._record("staff.export", "board", folder=str(folder), sessions=len(cards))
        self._set_notice(
            fill(translate("KioskStaffTools", "Exported %n session(s) in every format to %1.", "", len(cards)), folder)
        )

    @Slot()
    def check(self) -> None:
        try:
            report = check_board(self._service.ctx)
        except StoreError as error:
            self._check_ok, self._check_lines = False, [person_message(error)]
        else:
            self._check_ok, self._check_lines = report.ok, check_lines(report)
        self.checkChanged.emit()

    @Slot(int, str)
    def rehearse(self, day_index: int, hhmm: str) -> None:
        """Run the kiosk's clock from this day and time, until "Back to real time"."""
        if not 0 <= day_index < len(self._event.days):
            return
        hour, minute = (int(part) for part in hhmm.split(":"))
        moment = self._event.at(self._event.days[day_index], time(hour, minute))
        self._clock.rehearse(moment)
        self._record("staff.clock.rehearse", "clock", to=moment.isoformat())
        day = day_label(self._event.days[day_index])["short"]
        self._set_notice(
            fill(translate("KioskStaffTools", "The kiosk runs on a rehearsal clock from %1 %2."), day, hhmm)
        )

    @Slot()
    def realTime(self) -> None:
        self._clock.realTime()
        self._record("staff.clock.real", "clock")
        self._set_notice(translate("KioskStaffTools", "The kiosk runs on real time again."))

    @Slot()
    def backToToday(self) -> None:
        """Reset the screen: today's board, nothing open (the data is untouched)."""
        self._record("screen.reset", "screen")
        self._router.goHome()

    @Slot(str, result=bool)
    def clearBoard(self, typed: str) -> bool:
        """Clear every card, idea and staff block for a new event, after a backup; `typed` must be RESET."""
        if typed.strip() != RESET_WORD:
            self._set_notice(fill(translate("KioskStaffTools", "Type %1 to clear the board."), RESET_WORD))
            return False
        try:
            result = clear_board(self._service.ctx, self._service.actor(Role.STAFF), keep_cards=False)
        except (StoreError, OSError) as error:
            self._set_notice(fill(translate("KioskStaffTools", "Nothing was cleared: %1"), person_message(error)))
            return False
        self._feed.poke()
        self._set_notice(
            fill(
                translate("KioskStaffTools", "The board is clear. A backup of what was there is in %1."), result.backup
            )
        )
        return True

    @Slot()
    def quit(self) -> None:
        log.info("staff left the kiosk application")
        self._record("staff.exit", "kiosk")
        QCoreApplication.quit()

    def _record(self, action: str, entity: str, **detail: str | int) -> None:
        """The audit row for a staff action that changed no data; the action stands even if the log is busy."""
        try:
            self._service.record_staff_action(action, entity, **detail)
        except StoreError as error:
            log.warning("Could not log %s: %s", action, error)

    def _set_notice(self, text: str) -> None:
        if text != self._notice:
            self._notice = text
            self.noticeChanged.emit()
