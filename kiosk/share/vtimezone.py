"""VTIMEZONE components that every common calendar reader turns into the same offsets as zoneinfo.

icalendar's generated VTIMEZONEs give each transition as a DTSTART plus RDATEs, without RRULE, and put the spring
change an hour late (DTSTART in the new offset's wall time): ical.js read all of 2023 in Denver as -07:00 and vobject
read 09:30Z on 12 March as 02:30 MST. Here the zone's transitions are found with zoneinfo and written the way
tzdata-based publishers (vzic, tzurl.org) write them: for rules that repeat yearly, a STANDARD/DAYLIGHT component
with an RRULE (`BYMONTH=3;BYDAY=2SU`) whose DTSTART is the local wall time *before* the change, in TZOFFSETFROM;
irregular transitions as DTSTART plus one RDATE per change, same convention; one STANDARD component for a zone
that does not change at all.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar

# A year before the first date, so each component starts before anything in the file and no reader has to guess
# the offset before the first onset.
LOOKBACK_YEARS = 1
# Years after the last date: enough observations that a weekday rule ("Sunday on or after the 2nd") is unambiguous,
# and calendars keep showing the right times if the file is kept for a while.
LOOKAHEAD_YEARS = 6
# Far shorter than the gap between any two transitions in modern tzdata; each change is narrowed to the second.
_SCAN_STEP = timedelta(hours=6)
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class Transition:
    """One change of offset (or of the zone's abbreviation or daylight flag), as zoneinfo reports it."""

    at: datetime  # the UTC instant of the change
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool

    @property
    def onset(self) -> datetime:
        """The wall-clock time just before the change, which is what RFC 5545 puts in DTSTART and RDATE."""
        return (self.at + self.offset_from).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class _State:
    offset: timedelta
    name: str
    dst: timedelta


def _state(zone: ZoneInfo, instant: datetime) -> _State:
    local = instant.astimezone(zone)
    return _State(local.utcoffset() or timedelta(0), local.tzname() or "", local.dst() or timedelta(0))


def _daylight(before: _State, after: _State) -> bool:
    """Whether `after` is written as DAYLIGHT.

    tzdata gives Dublin's winter and Morocco's Ramadan a negative DST; readers that derive the standard offset from
    the components (dateutil, and Outlook-style ones) expect DAYLIGHT to be the later clock, so those zones are
    written the way tzdata's "rearguard" form has them: the negative period is STANDARD, the rest DAYLIGHT.
    """
    return after.dst > timedelta(0) or (after.dst == timedelta(0) and before.dst < timedelta(0))


# Cached by zone name: the static site writes an .ics per session, all with the same zone and span.
@functools.cache
def _transitions(key: str, start: datetime, end: datetime) -> tuple[Transition, ...]:
    """Every transition of the zone in [start, end), found by sampling and bisection (zoneinfo has no public list)."""
    zone = ZoneInfo(key)
    found = []
    before, state = start, _state(zone, start)
    while before < end:
        after = min(before + _SCAN_STEP, end)
        later = _state(zone, after)
        if later != state:
            low, high = before, after
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if _state(zone, middle) == state else (low, middle)
            at = high.replace(microsecond=0)
            found.append(Transition(at, state.offset, later.offset, later.name, _daylight(state, later)))
        before, state = after, later
    return tuple(found)


@dataclass(frozen=True, slots=True)
class _Rule:
    """A yearly day: the nth (or last, n = -1) weekday of a month, or the weekday on or after a given day."""

    month: int
    weekday: int
    nth: int = 0
    on_or_after: int = 0

    def day_in(self, year: int) -> date:
        first_weekday, length = calendar.monthrange(year, self.month)
        if self.on_or_after:
            start = self.on_or_after
        elif self.nth > 0:
            start = 1 + 7 * (self.nth - 1)
        else:
            start = length - 6
        return date(year, self.month, start + (self.weekday - (first_weekday + start - 1)) % 7)

    def rrule(self) -> dict[str, object]:
        code = _WEEKDAYS[self.weekday]
        if self.on_or_after:
            days = list(range(self.on_or_after, self.on_or_after + 7))
            return {"freq": "yearly", "bymonth": self.month, "byday": code, "bymonthday": days}
        return {"freq": "yearly", "bymonth": self.month, "byday": f"{self.nth}{code}"}


def _rules_for(day: date) -> list[_Rule]:
    """Every rule that lands on `day`, simplest first (the order a rule is chosen in when several fit every year)."""
    length = calendar.monthrange(day.year, day.month)[1]
    weekday = day.weekday()
    rules = []
    nth = (day.day - 1) // 7 + 1
    if nth <= 4:
        rules.append(_Rule(day.month, weekday, nth=nth))
    if day.day + 7 > length:
        rules.append(_Rule(day.month, weekday, nth=-1))
    # "Sunday on or after the 2nd" (Chile): a seven-day window; windows starting on 1, 8, 15 or 22 are nth rules.
    for first in range(max(day.day - 6, 1), day.day + 1):
        if first % 7 != 1 and first + 6 <= length:
            rules.append(_Rule(day.month, weekday, on_or_after=first))
    return rules


@dataclass(frozen=True, slots=True)
class _Run:
    """Transitions of one kind written as one component: a yearly rule, or explicit dates."""

    transitions: tuple[Transition, ...]
    rule: _Rule | None


def _runs(kind: list[Transition]) -> Iterator[_Run]:
    """Split transitions of one kind into runs of consecutive years that follow one rule, latest run first.

    Working backwards keeps the zone's current rule as long as possible; what is left over is irregular.
    """
    remaining = list(kind)
    while remaining:
        last = remaining.pop()
        run, rules = [last], _rules_for(last.onset.date())
        while remaining:
            earlier = remaining[-1]
            common = [rule for rule in rules if rule in _rules_for(earlier.onset.date())]
            same_clock = earlier.onset.time() == last.onset.time()
            if not (common and same_clock and earlier.onset.year == run[0].onset.year - 1):
                break
            run.insert(0, remaining.pop())
            rules = common
        yield _Run(tuple(run), rules[0] if len(run) > 1 else None)


def _component(first: Transition) -> icalendar.cal.Component:
    component = icalendar.TimezoneDaylight() if first.daylight else icalendar.TimezoneStandard()
    component.add("dtstart", first.onset)
    component.add("tzname", first.name)
    component.add("tzoffsetfrom", first.offset_from)
    component.add("tzoffsetto", first.offset_to)
    return component


def _rule_component(run: _Run, rule: _Rule, scan_end: datetime) -> icalendar.cal.Component:
    first, last = run.transitions[0], run.transitions[-1]
    component = _component(first)
    recurrence = rule.rrule()
    following = datetime.combine(rule.day_in(last.onset.year + 1), last.onset.time(), UTC) - last.offset_from
    # A rule whose next occurrence would still fall inside the scanned span has stopped: bound it (in UTC, as
    # RFC 5545 requires in VTIMEZONE). One that runs to the end of the span is the zone's current rule.
    if following < scan_end:
        # A day past the last change, not on it: dateutil reads UNTIL as local time and would drop that change.
        recurrence["until"] = last.at + timedelta(days=1)
    component.add("rrule", recurrence)
    return component


def _dates_component(singles: list[Transition]) -> icalendar.cal.Component:
    component = _component(singles[0])
    if len(singles) > 1:
        # One RDATE line per onset, DTSTART's included, as vzic (tzurl.org) writes them: ical.js ignores DTSTART in
        # a component that has RDATEs (how it came to read all of 2023 at -07:00) and reads only the first value of
        # a comma-separated RDATE.
        for transition in singles:
            component.add("rdate", transition.onset)
    return component


def _components(found: Iterable[Transition], scan_end: datetime) -> Iterable[icalendar.cal.Component]:
    kinds: dict[tuple[timedelta, timedelta, str, bool], list[Transition]] = {}
    for transition in found:
        key = (transition.offset_from, transition.offset_to, transition.name, transition.daylight)
        kinds.setdefault(key, []).append(transition)
    components: list[tuple[datetime, icalendar.cal.Component]] = []
    for kind in kinds.values():
        singles: list[Transition] = []
        for run in _runs(kind):
            if run.rule is None:
                singles.extend(run.transitions)
            else:
                components.append((run.transitions[0].at, _rule_component(run, run.rule, scan_end)))
        if singles:
            singles.sort(key=lambda t: t.at)
            components.append((singles[0].at, _dates_component(singles)))
    return [component for _, component in sorted(components, key=lambda pair: pair[0])]


def vtimezone(zone: ZoneInfo, first: date, last: date) -> icalendar.Timezone:
    """A VTIMEZONE for `zone`, exact for every instant from `first` to `last` (and some years either side)."""
    scan_start = datetime.combine(date(first.year - LOOKBACK_YEARS, 1, 1), time(0), UTC)
    scan_end = datetime.combine(date(last.year + LOOKAHEAD_YEARS + 1, 1, 1), time(0), UTC)
    # A day early: local midnight on `first` is the previous UTC day in zones east of Greenwich.
    window_start = datetime.combine(first, time(0), UTC) - timedelta(days=1)
    found = _transitions(zone.key, scan_start, scan_end)
    timezone = icalendar.Timezone()
    timezone.add("tzid", zone.key)
    if not found or found[0].at > window_start:
        # No change before the dates in the file (a zone without DST, or a rare change): state the offset that
        # holds from the start of the scan, so no reader extrapolates from a later onset.
        state = _state(zone, scan_start)
        base = Transition(scan_start - state.offset, state.offset, state.offset, state.name, _daylight(state, state))
        timezone.add_component(_dates_component([base]))
    for component in _components(found, scan_end):
        timezone.add_component(component)
    return timezone
