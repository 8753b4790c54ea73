"""KioskHealth: what staff must know about the kiosk itself (a damaged board that was restored at start), and the
automatic backups that make such a restore cost minutes at most.

The notice stays on screen until someone taps it away: staff walking past must see it. The backups are taken in a
worker thread (SQLite's backup API on a connection of its own), so a slow disk never holds up a frame.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Property, QObject, QThreadPool, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.clock import Clock, real
from kiosk.domain.model import Event
from kiosk.store.autobackup import BackupSchedule, take_automatic_backup
from kiosk.store.errors import StoreError
from kiosk.store.recovery import DamageKind, Recovery
from kiosk.store.service import BoardService
from kiosk.ui.datelabels import clock, short_day
from kiosk.ui.translation import fill, translate

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

# How often the schedule is asked whether a backup is due.
CHECK_INTERVAL_MS = 60_000


def recovery_notice(recovery: Recovery, event: Event) -> str:
    """What the start-up did to a damaged board, in the kiosk's language (`Recovery.notice()` is the log's)."""
    damage = recovery.damage
    if damage.kind is DamageKind.NOT_SQLITE:
        problem = translate(
            "KioskHealth", "The board's database was damaged (its first page is not a SQLite database any more)."
        )
    elif damage.kind is DamageKind.CHECK and damage.more:
        problem = fill(
            translate(
                "KioskHealth",
                "The board's database was damaged (SQLite's check says: %1 and %n more problem(s)).",
                "",
                damage.more,
            ),
            damage.detail,
        )
    elif damage.kind is DamageKind.CHECK:
        said = damage.detail or translate("KioskHealth", "no details")
        problem = fill(translate("KioskHealth", "The board's database was damaged (SQLite's check says: %1)."), said)
    elif damage.kind is DamageKind.UNREADABLE:
        problem = fill(translate("KioskHealth", "The board's database was damaged (%1)."), damage.detail)
    else:
        problem = fill(
            translate(
                "KioskHealth",
                "The board's database held fewer changes (up to change %1) than its newest backup (%2), as when its"
                " write-ahead log (-wal) is lost or damaged.",
            ),
            damage.held,
            damage.expected,
        )
    moved = fill(translate("KioskHealth", "It was moved to %1."), recovery.moved_to)
    made = event.local(recovery.restored.made_at)
    restored = fill(
        translate(
            "KioskHealth",
            "The board was restored from the backup made %1 (%n session(s)); cards added after it must be added again.",
            "",
            recovery.restored.sessions or 0,
        ),
        f"{short_day(made.date())} {clock(made)}",
    )
    return f"{problem} {moved} {restored}"


@QmlElement
@QmlUncreatable("KioskHealth is created by the application.")
class KioskHealth(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    noticeChanged = Signal()

    def __init__(self, notice: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notice = notice

    @Property(str, notify=noticeChanged)
    def notice(self) -> str:
        """What staff must read (a recovery at start); empty when there is nothing to say."""
        return self._notice

    @Slot()
    def dismissNotice(self) -> None:
        if self._notice:
            self._notice = ""
            self.noticeChanged.emit()


class AutoBackup(QObject):
    """Asks the schedule once a minute, and takes the backup off the GUI thread when one is due."""

    # The backup's path, or "" and why it failed.
    finished = Signal(str, str)

    def __init__(
        self,
        service: BoardService,
        clock: Clock,
        *,
        every_minutes: int,
        keep: int,
        real_now: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._clock = clock
        self._keep = keep
        self._real_now = real_now
        # The schedule as it was before the running backup, put back if that backup fails.
        self._before: BackupSchedule | None = None
        self._last_failure = ""
        self.schedule = BackupSchedule.after(
            timedelta(minutes=every_minutes), service.start_check.newest_backup, self._day()
        )
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self.finished.connect(self._on_finished)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        """A backup is being taken (its result not yet back on the GUI thread)."""
        return self._before is not None

    def _day(self) -> date:
        return real(self._clock).now().astimezone(self._service.event.tz).date()

    @Slot(result=bool)
    def check(self) -> bool:
        """Start a backup if one is due; returns whether one was started."""
        if self._before is not None:
            return False  # one is running
        try:
            stamp = self._service.change_stamp()
        except StoreError as error:
            log.warning("automatic backup skipped: %s", error)
            return False
        now, day = self._real_now(), self._day()
        reason = self.schedule.due(now, stamp, day)
        if reason is None:
            return False
        self._before = dataclasses.replace(self.schedule)
        self.schedule.taken(now, stamp, day)
        db_path, keep = self._service.db_path, self._keep

        def work() -> None:
            try:
                made = take_automatic_backup(db_path, keep, reason=reason, moment=now)
            except (OSError, StoreError) as error:
                self.finished.emit("", getattr(error, "strerror", None) or str(error))
                return
            self.finished.emit(str(made), "")

        QThreadPool.globalInstance().start(work)
        return True

    def _on_finished(self, made: str, problem: str) -> None:
        before, self._before = self._before, None
        if made:
            self._last_failure = ""
            return
        if before is not None:
            self.schedule = before  # not taken: the next look tries again
        # The same reason is logged once, not every minute.
        if problem != self._last_failure:
            log.error("automatic backup failed: %s", problem)
            self._last_failure = problem
