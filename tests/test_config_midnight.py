"""A day that runs to midnight: `last_slot_end = "24:00"`, blocks that end at 24:00, and the board and exports built
from such a config."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from kiosk.config import ConfigError, load_config
from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Card, Event, SlotState
from kiosk.domain.rules import build_day_grid
from kiosk.share.calendar import calendar_ics
from kiosk.share.schedule_json import schedule_json
from kiosk.share.schedule_xml import schedule_xml
from kiosk.store.errors import BadTimeRange
from kiosk.store.service import BoardService, CardDraft
from tests.share.sample import SCHEMAS
from tests.test_config import edited, sub, write

DAY = date(2023, 4, 21)
EVENING = (
    sub('first_slot = "10:00"', 'first_slot = "18:00"'),
    sub('last_slot_end = "18:00"', 'last_slot_end = "24:00"'),
    sub('start = "12:00"', 'start = "22:00"'),
    sub('end = "13:00"', 'end = "24:00"'),
)


@pytest.fixture
def event(tmp_path: Path) -> Event:
    return load_config(write(tmp_path, edited(*EVENING))).event


def test_a_day_can_run_to_midnight(event: Event) -> None:
    assert (event.first_slot, event.last_slot_end, event.last_slot_end_label) == (time(18), time(0), "24:00")
    assert event.last_slot_end_minute == 24 * 60
    starts = event.slot_starts(DAY)
    assert [event.local(s).hour for s in starts] == [18, 19, 20, 21, 22, 23]
    # Midnight at the end of 21 April is 06:00 UTC on the 22nd (MDT, UTC-6).
    assert event.closes(DAY) == datetime(2023, 4, 22, 6, tzinfo=UTC)
    assert starts[-1] + event.slot_length == event.closes(DAY)


def test_a_block_can_end_at_midnight(event: Event) -> None:
    (block,) = event.blocks
    assert (block.starts_at, block.ends_at) == (
        datetime(2023, 4, 22, 4, tzinfo=UTC),
        datetime(2023, 4, 22, 6, tzinfo=UTC),
    )
    grid = build_day_grid(event, DAY, [], event.blocks, now=datetime(2023, 4, 21, tzinfo=UTC))
    column = [cell.state for row in grid.cells for cell in row if cell.room_key == "a"]
    assert column == [SlotState.FREE] * 4 + [SlotState.BLOCKED] * 2


def test_a_whole_day_from_midnight_to_midnight(tmp_path: Path) -> None:
    text = edited(*EVENING[1:], sub('first_slot = "10:00"', 'first_slot = "00:00"'))
    event = load_config(write(tmp_path, text)).event
    assert len(event.slot_starts(DAY)) == 24


def test_the_last_slot_can_be_booked_and_exported(event: Event, tmp_path: Path) -> None:
    board = BoardService.open(tmp_path / "data", event, ManualClock(datetime(2023, 4, 21, 12, tzinfo=UTC)), "k")
    try:
        starts = event.slot_starts(DAY)[-1]
        added = board.add_card(CardDraft(room_key="b", starts_at=starts, topic="Night owls", host_name="Ana"))
        card = added.card
        assert event.local(card.ends_at) == datetime(2023, 4, 22, 0, tzinfo=event.tz)
        assert [c.id for c in board.cards(DAY)] == [card.id]
        assert {b.ends_at for b in board.blocks()} == {event.closes(DAY)}
        # Staff may block up to midnight, and no further.
        board.block_room("b", starts - event.slot_length, starts, "Cleaning")
        with pytest.raises(BadTimeRange, match="Open Spaces run from 18:00 to 24:00; keep the block within them"):
            board.block_room("c", starts, starts + 2 * event.slot_length, "Party")
        check_exports(event, [card])
    finally:
        board.close()


def check_exports(event: Event, cards: list[Card]) -> None:
    schema = json.loads((SCHEMAS / "schedule.schema.json").read_text(encoding="utf-8"))
    document = json.loads(schedule_json(event, cards))
    assert not [e.message for e in jsonschema.validators.validator_for(schema)(schema).iter_errors(document)]
    day = document["schedule"]["conference"]["days"][0]
    assert (day["day_start"], day["day_end"]) == ("2023-04-21T18:00:00-06:00", "2023-04-22T00:00:00-06:00")
    xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / "schedule.xml.xsd")))
    root = etree.fromstring(schedule_xml(event, cards))
    assert xsd.validate(root), xsd.error_log
    assert root.find("day").get("end") == "2023-04-22T00:00:00-06:00"
    assert b"DTEND" in calendar_ics(event, cards)


@pytest.mark.parametrize(
    ("edits", "key", "message"),
    [
        pytest.param(
            [sub('last_slot_end = "18:00"', 'last_slot_end = "00:00"')],
            "event.last_slot_end",
            'write "24:00" for midnight at the end of the day',
            id="midnight-written-00",
        ),
        pytest.param(
            [sub('last_slot_end = "18:00"', 'last_slot_end = "23:59"')],
            "event.slot_minutes",
            "60-minute slots do not fit evenly between 10:00 and 23:59 (839 minutes); for a day that runs to"
            ' midnight, write last_slot_end = "24:00"',
            id="midnight-written-2359",
        ),
        pytest.param(
            [sub('end = "13:00"', 'end = "24:00"')],
            "blocks[1].end",
            "24:00 is after the last slot ends (18:00)",
            id="block-to-midnight-on-a-shorter-day",
        ),
        pytest.param(
            [sub('first_slot = "10:00"', 'first_slot = "24:00"')],
            "event.first_slot",
            '"24:00" is not a time written HH:MM (24-hour), like "14:00"',
            id="first-slot-24",
        ),
        pytest.param(
            [sub('start = "12:00"', 'start = "24:00"')],
            "blocks[1].start",
            '"24:00" is not a time written HH:MM (24-hour), like "14:00"',
            id="block-start-24",
        ),
        # Cuba moves its clocks at midnight: 00:00 on 12 March 2023 does not exist, so 24:00 on the 11th does not.
        pytest.param(
            [
                sub('"America/Denver"', '"America/Havana"'),
                sub("days = [2023-04-21, 2023-04-22]", "days = [2023-03-11]"),
                sub("day = 2023-04-21", "day = 2023-03-11"),
                *EVENING,
            ],
            "event.days[1]",
            "on 2023-03-11 the clocks change in America/Havana: 00:00 does not exist that day",
            id="midnight-clock-change",
        ),
    ],
)
def test_midnight_mistakes(tmp_path: Path, edits: list[tuple[str, str]], key: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, edited(*edits)))
    (problem,) = caught.value.problems
    assert problem.key == key
    assert problem.message.startswith(message)


def test_blocks_up_to_midnight_do_not_overlap_the_evening(tmp_path: Path) -> None:
    extra = '[[blocks]]\nroom = "a"\nday = 2023-04-21\nstart = "20:00"\nend = "22:00"\nreason = "Dinner"\n'
    text = edited(*EVENING, sub("[[tags]]", extra + "\n[[tags]]"))
    blocks = load_config(write(tmp_path, text)).event.blocks
    assert sorted(b.ends_at - b.starts_at for b in blocks) == [timedelta(hours=2)] * 2
