"""The Clock: the only way logic learns the time, so `--now` and tests can set it."""

from __future__ import annotations

import time as _time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class RunningClock:
    """A clock that starts at a chosen instant and then runs at real speed (`--now`)."""

    start: datetime
    _origin: float = field(default_factory=_time.monotonic)

    def now(self) -> datetime:
        return self.start.astimezone(UTC) + timedelta(seconds=_time.monotonic() - self._origin)


@dataclass
class ManualClock:
    """A clock that only moves when told to; for tests."""

    current: datetime

    def now(self) -> datetime:
        return self.current.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self.current = self.current + delta

    def set(self, moment: datetime) -> None:
        self.current = moment


def real(clock: Clock) -> Clock:
    """The clock that says how much time has really passed: beneath a rehearsal clock, the one it shifts.

    Stamps and waits go by it (audit times, sync stamps, rate limits, lockouts), so rehearsing Friday afternoon
    neither locks a pad for three days nor stamps rows that would sort after every other kiosk's.
    """
    return clock.base if isinstance(clock, ShiftedClock) else clock


@dataclass
class ShiftedClock:
    """Another clock moved by an offset: the staff's rehearsal clock ("it is Friday 10:55") over real time.

    It keeps running while shifted, and `reset()` goes back to the clock underneath.
    """

    base: Clock
    offset: timedelta = field(default_factory=timedelta)

    def now(self) -> datetime:
        return self.base.now() + self.offset

    def shift_to(self, moment: datetime) -> None:
        self.offset = moment.astimezone(UTC) - self.base.now()

    def reset(self) -> None:
        self.offset = timedelta()

    @property
    def shifted(self) -> bool:
        return self.offset != timedelta()
