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
