"""Start-up choices: which clock the kiosk runs on (`--now`, the demo's own clock, the real time)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.bootstrap import DEMO_CLOCK_NOTE, clock_and_note
from kiosk.config import load_config
from kiosk.domain.clock import ManualClock, RunningClock
from kiosk.domain.rules import demo_moment, is_under_way
from kiosk.options import RunOptions
from kiosk.paths import DEMO_CONFIG

EVENT = load_config(DEMO_CONFIG).event
DURING = EVENT.at(EVENT.days[1], EVENT.first_slot) + timedelta(minutes=30)
LONG_AFTER = datetime(2026, 12, 1, 9, tzinfo=UTC)


def test_the_demo_runs_its_clock_inside_the_event_when_the_event_is_not_under_way() -> None:
    clock, note = clock_and_note(RunOptions(demo=True), EVENT, real=ManualClock(LONG_AFTER))
    assert isinstance(clock, RunningClock) and note == DEMO_CLOCK_NOTE
    assert abs(clock.now() - demo_moment(EVENT)) < timedelta(seconds=5)
    assert is_under_way(EVENT, clock.now())
    # The first day, with one hour over, one under way and the rest still open.
    local = EVENT.local(clock.now())
    assert (local.date(), local.hour, local.minute) == (EVENT.days[0], 11, 20)


def test_during_the_event_the_demo_keeps_real_time() -> None:
    real = ManualClock(DURING)
    assert clock_and_note(RunOptions(demo=True), EVENT, real=real) == (real, "")


def test_now_wins_and_a_real_kiosk_never_gets_a_demo_clock() -> None:
    clock, note = clock_and_note(RunOptions(demo=True, now=datetime(2023, 4, 22, 15, 0)), EVENT)
    assert note == "" and EVENT.local(clock.now()).hour == 15
    real = ManualClock(LONG_AFTER)
    assert clock_and_note(RunOptions(), EVENT, real=real) == (real, "")


def test_under_way_means_within_a_conference_days_open_hours() -> None:
    first = EVENT.slot_starts(EVENT.days[0])[0]
    last_end = EVENT.slot_starts(EVENT.days[-1])[-1] + EVENT.slot_length
    assert not is_under_way(EVENT, first - timedelta(seconds=1))
    assert is_under_way(EVENT, first)
    assert not is_under_way(EVENT, last_end)
    assert not is_under_way(EVENT, LONG_AFTER)
