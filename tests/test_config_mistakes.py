"""Config mistakes that used to get through, or came back one at a time: keys the exports cannot use, blocks off the
slot grid, time zones written as abbreviations or offsets, links that ignore the session, and several mistakes in
one file."""

from __future__ import annotations

import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest

from kiosk.cli import main
from kiosk.config import ConfigError, load_config
from kiosk.config_toml import Problem
from kiosk.share.schedule import room_slugs
from kiosk.share.schedule_json import schedule_json
from tests.factories import make_event
from tests.share.sample import SCHEMAS
from tests.test_config import EVENT, MINIMAL, append, edited, sub, write


def problems_of(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    return [(problem.key, problem.message) for problem in caught.value.problems]


def only_problem(tmp_path: Path, text: str) -> tuple[str, str]:
    (problem,) = problems_of(tmp_path, text)
    return problem


# --- keys and the exports' slugs --------------------------------------------------------------------------------

KEY_RULE = (
    "is not a valid key: use up to 12 lower-case letters and digits, with single dashes between them"
    ' (not at the start or end), like "hall-b"'
)


@pytest.mark.parametrize("key", ["club-", "-club", "hall--b", "Hall-B", "hall_b", "hall b"])
def test_a_room_key_that_is_not_slug_shaped_is_refused(tmp_path: Path, key: str) -> None:
    text = edited(sub('key = "b"', f'key = "{key}"'))
    assert only_problem(tmp_path, text) == ("rooms[2].key", f'"{key}" {KEY_RULE}')


def test_a_tag_key_with_a_trailing_dash_is_refused(tmp_path: Path) -> None:
    key, message = only_problem(tmp_path, edited(sub('key = "git"', 'key = "git-"')))
    assert key == "tags[1].key"
    assert message.startswith('"git-" is not a valid key: use up to 24 lower-case letters and digits')


@pytest.fixture(scope="module")
def json_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / "schedule.schema.json").read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def test_one_letter_room_keys_load_and_export_valid_room_slugs(
    tmp_path: Path, json_validator: jsonschema.protocols.Validator
) -> None:
    # "a" and "b" are fine keys for Room A and Room B; the schema wants room slugs of two characters at least.
    event = load_config(write(tmp_path, MINIMAL)).event
    document = json.loads(schedule_json(event, []))
    assert not [error.message for error in json_validator.iter_errors(document)]
    rooms = document["schedule"]["conference"]["rooms"]
    assert [room["slug"] for room in rooms] == ["room-a", "room-b"]


def test_the_test_events_rooms_a_b_c_export_valid_slugs(json_validator: jsonschema.protocols.Validator) -> None:
    document = json.loads(schedule_json(make_event(), []))
    assert not [error.message for error in json_validator.iter_errors(document)]
    assert [room["slug"] for room in document["schedule"]["conference"]["rooms"]] == ["room-a", "room-b", "room-c"]


def test_room_slugs_are_distinct_and_keep_slug_shaped_keys() -> None:
    slugs = room_slugs(["a", "room-a", "150d", "b", "club-", "club", "A", "x_y"])
    # Keys already shaped like a slug keep it whatever else is there; the others give way.
    assert slugs == {
        "room-a": "room-a",
        "150d": "150d",
        "club": "club",
        "a": "room-a-2",
        "b": "room-b",
        "club-": "club-2",
        "A": "room-a-3",
        "x_y": "x-y",
    }
    assert all(re.fullmatch(r"[a-z0-9_-]+[a-z0-9]", slug) for slug in slugs.values())


# --- blocks off the slot grid -----------------------------------------------------------------------------------


def test_a_block_off_the_grid_is_refused_naming_the_slot_boundaries(tmp_path: Path) -> None:
    text = edited(sub('start = "12:00"', 'start = "12:30"'), sub('end = "13:00"', 'end = "13:15"'))
    assert problems_of(tmp_path, text) == [
        (
            "blocks[1].start",
            "12:30 is in the middle of the 12:00 slot: a block takes whole 60-minute slots, so start it at 12:00"
            " or 13:00",
        ),
        (
            "blocks[1].end",
            "13:15 is in the middle of the 13:00 slot: a block takes whole 60-minute slots, so end it at 13:00"
            " or 14:00",
        ),
    ]


def test_the_grid_is_counted_from_the_first_slot(tmp_path: Path) -> None:
    # Slots of 90 minutes from 10:00: 10:00, 11:30, 13:00, 14:30, 16:00 (to 17:30).
    text = edited(
        sub('last_slot_end = "18:00"', 'last_slot_end = "17:30"\nslot_minutes = 90'),
        sub('start = "12:00"', 'start = "11:30"'),
        sub('end = "13:00"', 'end = "12:30"'),
    )
    # Only the boundary that leaves a block is offered: ending at 11:30 would end it where it starts.
    assert only_problem(tmp_path, text) == (
        "blocks[1].end",
        "12:30 is in the middle of the 11:30 slot: a block takes whole 90-minute slots, so end it at 13:00",
    )
    blocks = load_config(write(tmp_path, text.replace('end = "12:30"', 'end = "14:30"'))).event.blocks
    assert [(b.starts_at.hour, b.starts_at.minute, b.ends_at.hour, b.ends_at.minute) for b in blocks] == [
        (17, 30, 20, 30)
    ]


def test_half_hour_blocks_fit_half_hour_slots(tmp_path: Path) -> None:
    text = edited(
        sub('last_slot_end = "18:00"', 'last_slot_end = "18:00"\nslot_minutes = 30'),
        sub('start = "12:00"', 'start = "12:30"'),
    )
    assert len(load_config(write(tmp_path, text)).event.blocks) == 1


# --- time zones -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("CEST", "Europe/Prague"),
        ("cet", "Europe/Berlin"),
        ("BST", "Europe/London"),
        ("EDT", "America/New_York"),
        ("CDT", "America/Chicago"),
        ("MDT", "America/Denver"),
        ("PST", "America/Los_Angeles"),
        ("PDT", "America/Los_Angeles"),
        ("JST", "Asia/Tokyo"),
        ("IST", "Asia/Kolkata"),
        ("IST", "Europe/Dublin"),
        ("AEST", "Australia/Sydney"),
    ],
)
def test_an_abbreviation_gets_real_zones(tmp_path: Path, written: str, suggested: str) -> None:
    text = edited(sub('"America/Denver"', f'"{written}"'))
    key, message = only_problem(tmp_path, text)
    assert key == "event.timezone"
    assert message.startswith(f'unknown time zone "{written}" ({written.upper()} is an abbreviation, not a zone:')
    assert f'"{suggested}"' in message
    assert "which also knows when its clocks change" in message
    assert_suggestions_load(tmp_path, message)


def test_cest_is_not_offered_est(tmp_path: Path) -> None:
    _, message = only_problem(tmp_path, edited(sub('"America/Denver"', '"CEST"')))
    assert message == (
        'unknown time zone "CEST" (CEST is an abbreviation, not a zone: name the event\'s city, such as'
        ' "Europe/Prague", "Europe/Berlin" or "Europe/Paris", which also knows when its clocks change)'
    )


@pytest.mark.parametrize(
    ("written", "fixed", "city"),
    [
        ("UTC+2", "Etc/GMT-2", "Europe/Prague"),
        ("GMT-5", "Etc/GMT+5", "America/New_York"),
        ("UTC+09:00", "Etc/GMT-9", "Asia/Tokyo"),
        ("utc\u22123", "Etc/GMT+3", "America/Sao_Paulo"),
    ],
)
def test_an_offset_gets_the_fixed_zone_and_cities(tmp_path: Path, written: str, fixed: str, city: str) -> None:
    _, message = only_problem(tmp_path, edited(sub('"America/Denver"', f'"{written}"')))
    assert message.startswith(
        f'unknown time zone "{written}" (did you mean "{fixed}" (a fixed offset with no daylight-saving changes;'
        " these names reverse the sign) or a city zone such as"
    )
    assert f'"{city}"' in message
    assert_suggestions_load(tmp_path, message)


def test_utc_plus_2_names_prague(tmp_path: Path) -> None:
    _, message = only_problem(tmp_path, edited(sub('"America/Denver"', '"UTC+2"')))
    assert message == (
        'unknown time zone "UTC+2" (did you mean "Etc/GMT-2" (a fixed offset with no daylight-saving changes;'
        ' these names reverse the sign) or a city zone such as "Europe/Prague", "Europe/Berlin" or "Europe/Paris"?)'
    )


def test_a_half_hour_offset_gets_cities_only(tmp_path: Path) -> None:
    _, message = only_problem(tmp_path, edited(sub('"America/Denver"', '"UTC+5:30"')))
    assert message.startswith('unknown time zone "UTC+5:30" (did you mean a city zone such as "Asia/Kolkata"')
    assert "Etc/" not in message


@pytest.mark.parametrize(
    ("written", "advice"),
    [
        ("america/denver", 'did you mean "America/Denver"?'),
        ("Prague", 'did you mean "Europe/Prague"?'),
        ("new york", 'did you mean "America/New_York"?'),
        ("Europe/Prag", 'did you mean "Europe/Prague"?'),
        ("America", 'that is a region: name the city, such as "America/New_York"'),
        ("Mars/Olympus", 'use an IANA name like "America/Denver"'),
    ],
)
def test_other_time_zone_slips(tmp_path: Path, written: str, advice: str) -> None:
    _, message = only_problem(tmp_path, edited(sub('"America/Denver"', f'"{written}"')))
    assert message.startswith(f'unknown time zone "{written}" ({advice}')


def assert_suggestions_load(tmp_path: Path, message: str) -> None:
    """Every zone the advice names is one the config accepts."""
    names = re.findall(r'"([A-Za-z_]+/[A-Za-z_/+\-0-9]+)"', message)
    assert names
    for name in names:
        ZoneInfo(name)
        assert load_config(write(tmp_path, edited(sub('"America/Denver"', f'"{name}"')))).event.timezone == name


# --- link templates that ignore the session ---------------------------------------------------------------------

SHARE_SAME_FOR_ALL = (
    "has neither {text} nor {url}, so every post would be the same: put the post in with {text} (it holds the"
    " session's link), or at least {url}"
)
SESSION_SAME_FOR_ALL = (
    "does not name the session, so every card's QR code would open the same page: use {id} or {slug}, or {day},"
    " {room} and {start} together"
)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("share_url = 'https://twitter.com/intent/tweet'", SHARE_SAME_FOR_ALL),
        ("share_url = 'https://fosstodon.org/share?text={hashtag}'", SHARE_SAME_FOR_ALL),
        ("session_url = '{base_url}/index.html'", SESSION_SAME_FOR_ALL),
        ("session_url = '{base_url}/{day}/{room}.html'", SESSION_SAME_FOR_ALL),
    ],
)
def test_a_link_that_ignores_the_session_is_refused(tmp_path: Path, line: str, message: str) -> None:
    key = "links." + line.split(" ", 1)[0]
    assert only_problem(tmp_path, edited(sub("[links]\n", f"[links]\n{line}\n"))) == (key, message)


@pytest.mark.parametrize(
    "line",
    [
        "share_url = 'https://bsky.app/intent/compose?text={text}'",
        "share_url = 'https://www.linkedin.com/sharing/share-offsite/?url={url}'",
        "session_url = '{base_url}/s/{id}'",
        "session_url = 'https://s.example/{slug}'",
        "session_url = '{base_url}/{day}/{room}-{start}.html'",
    ],
)
def test_links_that_name_the_session_load(tmp_path: Path, line: str) -> None:
    load_config(write(tmp_path, edited(sub("[links]\n", f"[links]\n{line}\n"))))


# --- several mistakes at once -----------------------------------------------------------------------------------


def test_every_mistake_is_reported_at_once(tmp_path: Path) -> None:
    text = edited(
        append("[kiosk]\nidle_seconds = 0\n\n[limits]\nlock_seconds = 0\nlock_secs = 1\n"),
        sub('"America/Denver"', '"CEST"'),
        sub('key = "b"', 'key = "b-"'),
        sub('colour = "#112233"', 'colour = "red"'),
        sub('start = "12:00"', 'start = "12:30"'),
    )
    keys = [key for key, _ in problems_of(tmp_path, text)]
    assert keys == [
        "event.timezone",
        "rooms[2].key",
        "tags[1].colour",
        "limits.lock_secs",
        "limits.lock_seconds",
        "blocks[1].start",
        "kiosk.idle_seconds",
    ]


def test_several_problems_print_one_a_line(tmp_path: Path) -> None:
    path = write(tmp_path, edited(sub('"America/Denver"', '"CEST"'), sub('"#TestCon"', '"TestCon"')))
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    error = caught.value
    lines = str(error).splitlines()
    assert lines[0] == f"{path}: 2 problems"
    assert lines[1].startswith(f'{path}: event.timezone: unknown time zone "CEST"')
    assert lines[2] == f'{path}: event.hashtag: "TestCon" must start with "#", like "#PyConOpenSpace"'
    # The first problem stays on the error itself, as before.
    assert (error.path, error.key) == (path, "event.timezone")


def test_a_single_problem_reads_as_before() -> None:
    error = ConfigError.several([Problem(Path("/k.toml"), "event.name", "missing (this key is required)")])
    assert str(error) == "/k.toml: event.name: missing (this key is required)"
    assert len(error.problems) == 1


def test_kiosk_check_prints_each_problem_on_its_own_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, edited(sub('"America/Denver"', '"UTC+2"'), sub('key = "a"', 'key = "a-"')))
    assert main(["check", "--config", str(path), "--data-dir", str(tmp_path / "data")]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"kiosk: {path}: 2 problems"
    assert lines[1].startswith(f"{path}: event.timezone: ")
    assert lines[2].startswith(f'{path}: rooms[1].key: "a-" is not a valid key')
    assert len(lines) == 3
    assert not (tmp_path / "data").exists()


def test_a_missing_event_section_names_every_required_key(tmp_path: Path) -> None:
    found = problems_of(tmp_path, edited(sub(EVENT, "")))
    required = ("name", "slug", "timezone", "days", "first_slot", "last_slot_end", "hashtag")
    assert found == [(f"event.{name}", "missing (this key is required)") for name in required]


def test_a_misspelt_required_key_is_one_problem(tmp_path: Path) -> None:
    # "nmae" is unknown and "name" is missing: the same slip, reported once, with its hint.
    assert only_problem(tmp_path, edited(sub('name = "Test Con"', 'nmae = "Test Con"'))) == (
        "event.nmae",
        'unknown key (did you mean "name"?)',
    )


def test_every_unknown_key_in_a_table_is_named(tmp_path: Path) -> None:
    text = edited(sub('reason = "Lunch"', 'reason = "Lunch"\nwhy = "x"\nnotes = "y"'))
    assert [key for key, _ in problems_of(tmp_path, text)] == ["blocks[1].why", "blocks[1].notes"]


def test_a_block_is_not_blamed_for_its_rooms_mistake(tmp_path: Path) -> None:
    # Room "a" has a bad key; the block in room "a" is not also reported as naming an unknown room.
    text = edited(sub('key = "a"\nname = "Room A"', 'key = "a"\nname = "Room A"\nseats = 4'))
    assert [key for key, _ in problems_of(tmp_path, text)] == ["rooms[1].seats"]


def test_blocks_are_still_checked_when_the_hours_are_wrong(tmp_path: Path) -> None:
    text = edited(sub('first_slot = "10:00"', 'first_slot = "10am"'), sub('room = "a"', 'room = "z"'))
    assert [key for key, _ in problems_of(tmp_path, text)] == ["event.first_slot", "blocks[1].room"]
