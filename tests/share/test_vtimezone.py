"""The .ics VTIMEZONEs give the same offset as zoneinfo at every instant, read by rules independent of ours.

The reader below follows RFC 5545 §3.6.5 directly: each STANDARD/DAYLIGHT onset is a local time in TZOFFSETFROM,
repeated by RDATE and RRULE (expanded with dateutil, not with our code); the offset at an instant is TZOFFSETTO of
the latest onset at or before it. icalendar's own VTIMEZONE reader (`to_tz(lookup_tzid=False)`, which ignores the
TZID and builds the zone from the components) must agree too.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from kiosk.domain import Card, Event
from kiosk.share.calendar import calendar_ics
from kiosk.share.vtimezone import LOOKAHEAD_YEARS
from tests.share.sample import make_event

# The zones of the brief, plus ones that exercise the fallbacks: DST abolished (Sao Paulo 2019, Apia 2021),
# Ramadan breaks (Casablanca), half-hour DST (Lord Howe), negative DST in tzdata (Dublin), odd offsets.
ZONES_AND_YEARS = [
    ("America/Denver", 2023),
    ("Europe/Berlin", 2023),
    ("Australia/Sydney", 2023),
    ("Asia/Kolkata", 2023),
    ("America/Santiago", 2022),
    ("America/Santiago", 2023),
    ("Europe/London", 2023),
    ("America/Sao_Paulo", 2018),
    ("Pacific/Apia", 2020),
    ("Africa/Casablanca", 2023),
    ("Australia/Lord_Howe", 2023),
    ("Europe/Dublin", 2024),
    ("Asia/Kathmandu", 2023),
    ("America/St_Johns", 2023),
    ("Pacific/Chatham", 2023),
]
_OFFSET = re.compile(r"([+-])(\d\d)(\d\d)(\d\d)?")


@dataclass(frozen=True, slots=True)
class Onset:
    at: datetime
    offset_from: timedelta
    offset_to: timedelta


def parse_offset(text: str) -> timedelta:
    match = _OFFSET.fullmatch(text)
    assert match, text
    sign, hours, minutes, seconds = match.groups()
    size = timedelta(hours=int(hours), minutes=int(minutes), seconds=int(seconds or 0))
    return -size if sign == "-" else size


def parse_local(text: str) -> datetime:
    assert re.fullmatch(r"\d{8}T\d{6}", text), f"VTIMEZONE onsets are local times without Z or TZID: {text}"
    return datetime.strptime(text, "%Y%m%dT%H%M%S")


def content_lines(ics: bytes) -> list[str]:
    return ics.decode("utf-8").replace("\r\n ", "").split("\r\n")


def vtimezone_blocks(lines: list[str]) -> list[list[tuple[str, str]]]:
    """The STANDARD/DAYLIGHT blocks of the (only) VTIMEZONE, as (name, value) pairs; parameters are not expected."""
    blocks: list[list[tuple[str, str]]] = []
    inside = False
    for line in lines:
        if line in ("BEGIN:STANDARD", "BEGIN:DAYLIGHT"):
            blocks.append([])
            inside = True
        elif line in ("END:STANDARD", "END:DAYLIGHT"):
            inside = False
        elif inside:
            name, _, value = line.partition(":")
            assert ";" not in name, f"unexpected parameters in {line}"
            blocks[-1].append((name, value))
    return blocks


def onsets(lines: list[str], horizon: datetime) -> list[Onset]:
    """Every onset up to `horizon` (UTC), sorted."""
    found = []
    for block in vtimezone_blocks(lines):
        values: dict[str, list[str]] = {}
        for name, value in block:
            values.setdefault(name, []).append(value)
        (start,) = values["DTSTART"]
        (offset_from,) = map(parse_offset, values["TZOFFSETFROM"])
        (offset_to,) = map(parse_offset, values["TZOFFSETTO"])
        local_onsets = [parse_local(start)]
        local_onsets += [parse_local(v) for rdate in values.get("RDATE", []) for v in rdate.split(",")]
        for rule in values.get("RRULE", []):
            parts = dict(part.split("=", 1) for part in rule.split(";"))
            assert parts.pop("FREQ") == "YEARLY"
            # RFC 5545: in VTIMEZONE, UNTIL is UTC (and inclusive); dateutil wants DTSTART's naive local frame.
            until = parts.pop("UNTIL", None)
            last = horizon if until is None else datetime.strptime(until, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            text = "RRULE:FREQ=YEARLY;" + ";".join(f"{k}={v}" for k, v in parts.items())
            first = parse_local(start)
            local_last = (min(last, horizon) + offset_from).replace(tzinfo=None)
            local_onsets += rrulestr(text, dtstart=first).between(first, local_last, inc=True)
        for local in set(local_onsets):
            found.append(Onset((local - offset_from).replace(tzinfo=UTC), offset_from, offset_to))
    return sorted(found, key=lambda o: o.at)


def offset_at(found: list[Onset], instant: datetime) -> timedelta:
    before = [onset for onset in found if onset.at <= instant]
    assert before, f"{instant} is before every onset: readers would have to guess"
    return before[-1].offset_to


def zone_changes(zone: ZoneInfo, start: datetime, end: datetime) -> Iterator[tuple[datetime, timedelta, timedelta]]:
    """zoneinfo's offset changes in [start, end), scanned hourly and narrowed to the second."""
    moment, offset = start, start.astimezone(zone).utcoffset()
    while moment < end:
        after = moment + timedelta(hours=1)
        new = after.astimezone(zone).utcoffset()
        if new != offset:
            low, high = moment, after
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if middle.astimezone(zone).utcoffset() == offset else (low, middle)
            assert offset is not None and new is not None
            # The first whole second in the new offset: transitions fall on whole seconds.
            yield high.replace(microsecond=0), offset, new
        moment, offset = after, new


def event_in(zone: str, year: int) -> Event:
    return make_event(timezone=zone, days=(date(year, 4, 21), date(year, 4, 22)))


def one_card(event: Event) -> Card:
    starts = event.at(event.days[0], time(10))
    return Card(uuid.uuid5(uuid.NAMESPACE_URL, "tz"), "150d", starts, starts + event.slot_length, "Zones", "Ann")


def window(year: int) -> tuple[datetime, datetime]:
    """What the export promises to get right for an event in `year`: from that year (a day early, for zones east of
    Greenwich) to the end of the LOOKAHEAD_YEARS after it. The year before (LOOKBACK_YEARS) only gives readers a
    first onset to stand on: before it, iCalendar says nothing."""
    return (
        datetime(year, 1, 1, tzinfo=UTC) - timedelta(days=1),
        datetime(year + LOOKAHEAD_YEARS + 1, 1, 1, tzinfo=UTC),
    )


@pytest.mark.parametrize(("zone", "year"), ZONES_AND_YEARS)
def test_every_transition_in_the_window_matches_zoneinfo(zone: str, year: int) -> None:
    event = event_in(zone, year)
    lines = content_lines(calendar_ics(event, [one_card(event)]))
    start, end = window(year)
    found = onsets(lines, end)
    changes = list(zone_changes(ZoneInfo(zone), start, end))
    real_onsets = [
        (o.at, o.offset_from, o.offset_to) for o in found if start <= o.at < end and o.offset_from != o.offset_to
    ]
    assert real_onsets == changes
    for at, before, after in changes:
        assert offset_at(found, at - timedelta(seconds=1)) == before, at
        assert offset_at(found, at) == after, at


@pytest.mark.parametrize(("zone", "year"), ZONES_AND_YEARS)
def test_offsets_across_the_window_match_zoneinfo(zone: str, year: int) -> None:
    event = event_in(zone, year)
    ics = calendar_ics(event, [one_card(event)])
    start, end = window(year)
    found = onsets(content_lines(ics), end)
    (vtimezone,) = icalendar.Calendar.from_ical(ics).walk("VTIMEZONE")
    their_reading = vtimezone.to_tz(lookup_tzid=False)
    moment = start
    while moment < end:
        expected = moment.astimezone(ZoneInfo(zone)).utcoffset()
        assert offset_at(found, moment) == expected, moment
        assert moment.astimezone(their_reading).utcoffset() == expected, f"icalendar reads {moment} differently"
        moment += timedelta(hours=7, minutes=13)


@pytest.mark.parametrize(("zone", "year"), ZONES_AND_YEARS)
def test_event_times_read_back_through_the_vtimezone(zone: str, year: int) -> None:
    event = event_in(zone, year)
    card = one_card(event)
    lines = content_lines(calendar_ics(event, [card]))
    found = onsets(lines, window(year)[1])
    (line,) = [line for line in lines if line.startswith("DTSTART;TZID=")]
    local = parse_local(line.rpartition(":")[2])
    readings = {(local - o.offset_to).replace(tzinfo=UTC) for o in found}
    consistent = {u for u in readings if offset_at(found, u) == (local.replace(tzinfo=UTC) - u)}
    assert consistent == {card.starts_at}


def test_denver_spring_forward_is_at_nine_utc_and_written_as_a_rule(event: Event, cards: list[Card]) -> None:
    lines = content_lines(calendar_ics(event, cards))
    found = onsets(lines, datetime(2025, 1, 1, tzinfo=UTC))
    # 02:30 MST does not exist on 12 March 2023: 09:30Z is 03:30 MDT, and 08:59Z is still 01:59 MST.
    assert offset_at(found, datetime(2023, 3, 12, 9, 30, tzinfo=UTC)) == timedelta(hours=-6)
    assert offset_at(found, datetime(2023, 3, 12, 8, 59, tzinfo=UTC)) == timedelta(hours=-7)
    assert offset_at(found, datetime(2023, 11, 5, 7, 59, tzinfo=UTC)) == timedelta(hours=-6)
    assert offset_at(found, datetime(2023, 11, 5, 8, 0, tzinfo=UTC)) == timedelta(hours=-7)
    blocks = [dict(block) for block in vtimezone_blocks(lines)]
    assert {(b["TZOFFSETFROM"], b["TZOFFSETTO"], b["DTSTART"][9:]) for b in blocks} == {
        ("-0700", "-0600", "020000"),
        ("-0600", "-0700", "020000"),
    }
    assert sorted(b["RRULE"] for b in blocks) == ["FREQ=YEARLY;BYDAY=1SU;BYMONTH=11", "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3"]
    assert all("RDATE" not in b for b in blocks)


@pytest.mark.parametrize(
    ("zone", "rules"),
    [
        ("Europe/Berlin", {"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"}),
        ("Europe/London", {"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"}),
        ("Australia/Sydney", {"FREQ=YEARLY;BYDAY=1SU;BYMONTH=4", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=10"}),
    ],
)
def test_zones_with_current_rules_get_only_rules(zone: str, rules: set[str]) -> None:
    event = event_in(zone, 2023)
    blocks = [dict(block) for block in vtimezone_blocks(content_lines(calendar_ics(event, [one_card(event)])))]
    assert {b["RRULE"] for b in blocks} == rules
    assert all("RDATE" not in b and "UNTIL" not in b["RRULE"] for b in blocks)


def test_a_zone_without_dst_has_one_standard_component() -> None:
    event = event_in("Asia/Kolkata", 2023)
    lines = content_lines(calendar_ics(event, [one_card(event)]))
    (block,) = vtimezone_blocks(lines)
    assert "BEGIN:STANDARD" in lines and "BEGIN:DAYLIGHT" not in lines
    assert dict(block)["TZOFFSETFROM"] == dict(block)["TZOFFSETTO"] == "+0530"
    assert not {"RRULE", "RDATE"} & dict(block).keys()


def test_irregular_transitions_fall_back_to_dates_with_local_onsets() -> None:
    # Morocco suspends its +01 for Ramadan, which moves with the lunar calendar: no yearly rule fits.
    event = event_in("Africa/Casablanca", 2023)
    blocks = vtimezone_blocks(content_lines(calendar_ics(event, [one_card(event)])))
    assert blocks and all({"RDATE"} <= {name for name, _ in b} and "RRULE" not in dict(b) for b in blocks)
    # Ramadan 2023 began at 02:00Z on 19 March: 03:00 on the +01 clock that was running until then.
    (entering,) = [b for b in blocks if dict(b)["TZOFFSETTO"] == "+0000"]
    assert dict(entering)["TZOFFSETFROM"] == "+0100"
    assert ("RDATE", "20230319T030000") in entering


@pytest.mark.parametrize(("zone", "year"), ZONES_AND_YEARS)
def test_explicit_onsets_are_written_the_way_icaljs_reads_them(zone: str, year: int) -> None:
    # ical.js takes only the first value of an RDATE and, once a component has RDATEs, ignores DTSTART as an onset;
    # RFC 5545 allows both shapes, so write the one every reader understands: one date per RDATE, DTSTART among them.
    event = event_in(zone, year)
    for block in vtimezone_blocks(content_lines(calendar_ics(event, [one_card(event)]))):
        rdates = [value for name, value in block if name == "RDATE"]
        assert all("," not in value for value in rdates), block
        assert not rdates or dict(block)["DTSTART"] in rdates, block


def test_weekday_on_or_after_a_date_becomes_a_rule() -> None:
    # Chile changes on the first Sunday on or after the 2nd (April and September), which no nth-weekday rule says.
    event = event_in("America/Santiago", 2023)
    blocks = [dict(block) for block in vtimezone_blocks(content_lines(calendar_ics(event, [one_card(event)])))]
    rules = {b.get("RRULE") for b in blocks}
    assert "FREQ=YEARLY;BYDAY=SU;BYMONTHDAY=2,3,4,5,6,7,8;BYMONTH=4" in rules
    assert "FREQ=YEARLY;BYDAY=SU;BYMONTHDAY=2,3,4,5,6,7,8;BYMONTH=9" in rules


def test_a_rule_that_stopped_is_bounded() -> None:
    # Brazil abolished DST in 2019: the rule must end with the February 2019 change, not run on.
    event = event_in("America/Sao_Paulo", 2018)
    blocks = [dict(block) for block in vtimezone_blocks(content_lines(calendar_ics(event, [one_card(event)])))]
    rules = [b["RRULE"] for b in blocks if "RRULE" in b]
    assert rules and all("UNTIL=" in rule for rule in rules)
