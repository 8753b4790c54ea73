"""Config loading: the bundled demo event, every kind of mistake a staff member can make, and file discovery."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time
from pathlib import Path

import platformdirs
import pytest

from kiosk.config import (
    BUNDLED_CONFIG,
    ConfigError,
    KioskSettings,
    find_config,
    find_data_dir,
    load_config,
)
from kiosk.domain.model import Limits
from kiosk.domain.templates import DEFAULT_SESSION_URL, DEFAULT_SHARE_URL
from tests.factories import CONFIG_EVENT, CONFIG_LINKS

DEMO = Path(__file__).resolve().parent.parent / "config" / "pycon-us-2023.toml"

# The minimal config these tests (and test_config_mistakes) edit line by line, one table at a time.
EVENT = CONFIG_EVENT
LINKS = CONFIG_LINKS
ROOMS = """\
[[rooms]]
key = "a"
name = "Room A"

[[rooms]]
key = "b"
name = "Room B"
note = "Level 2"

"""
BLOCKS = """\
[[blocks]]
room = "a"
day = 2023-04-21
start = "12:00"
end = "13:00"
reason = "Lunch"

"""
TAGS = """\
[[tags]]
key = "git"
label = "Git"
colour = "#112233"
"""
MINIMAL = EVENT + LINKS + ROOMS + BLOCKS + TAGS


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def edited(*edits: tuple[str, str]) -> str:
    text = MINIMAL
    for old, new in edits:
        assert text.count(old) == 1, f"test edit {old!r} must match exactly once"
        text = text.replace(old, new)
    return text


def sub(old: str, new: str) -> tuple[str, str]:
    return old, new


def append(extra: str) -> tuple[str, str]:
    """Add tables at the end of the file (after the last [[tags]] entry)."""
    return TAGS, TAGS + "\n" + extra


# --- the bundled demo event -------------------------------------------------------------------------------------


def test_demo_event_basics() -> None:
    config = load_config(DEMO)
    event = config.event
    assert config.path == DEMO
    assert event.name == "PyCon US 2023"
    assert event.slug == "pycon-us-2023"
    assert event.timezone == "America/Denver"
    assert event.days == (date(2023, 4, 21), date(2023, 4, 22), date(2023, 4, 23))
    assert (event.first_slot, event.last_slot_end, event.slot_minutes) == (time(10), time(18), 60)
    assert len(event.slot_starts(event.days[0])) == 8
    assert event.hashtag == "#PyConOpenSpace"
    assert event.base_url == "https://us.pycon.org/2023/openspaces"
    assert event.session_url_template == DEFAULT_SESSION_URL
    assert event.share_url_template == DEFAULT_SHARE_URL
    assert event.limits == Limits()
    assert config.kiosk == KioskSettings()


def test_demo_rooms_and_tags() -> None:
    event = load_config(DEMO).event
    assert len(event.rooms) >= 8
    assert event.room("150d").name == "Room 150D"
    assert all(room.note for room in event.rooms)
    assert [tag.key for tag in event.tags] == [
        "maker",
        "devops",
        "data",
        "nlp",
        "diversity",
        "organisers",
        "frameworks",
        "contributing",
        "git",
        "burnout",
        "recruiting",
        "social",
    ]
    tag = event.tag("maker")
    assert tag is not None
    assert (tag.label, tag.colour) == ("Maker projects", "#e4572e")
    assert len({tag.colour for tag in event.tags}) == len(event.tags)


def test_demo_blocks_are_utc_instants() -> None:
    event = load_config(DEMO).event
    assert 4 <= len(event.blocks) <= 5
    lunch = next(b for b in event.blocks if b.room_key == "150d")
    # Mountain Daylight Time is UTC-6 in April.
    assert lunch.starts_at == datetime(2023, 4, 22, 18, 0, tzinfo=UTC)
    assert lunch.ends_at == datetime(2023, 4, 22, 20, 0, tzinfo=UTC)
    assert lunch.reason == "PyLadies lunch"
    assert lunch.starts_at == event.at(date(2023, 4, 22), time(12))
    for block in event.blocks:
        assert block.room_key in {room.key for room in event.rooms}
        assert event.local(block.starts_at).date() in event.days


def test_block_ids_are_stable_across_loads() -> None:
    first = load_config(DEMO).event.blocks
    again = load_config(DEMO).event.blocks
    assert [b.id for b in first] == [b.id for b in again]
    lunch = next(b for b in first if b.room_key == "150d")
    assert lunch.id == uuid.uuid5(uuid.NAMESPACE_URL, "pycon-us-2023/block/150d/2023-04-22T18:00:00+00:00")


def test_bundled_config_is_the_demo() -> None:
    assert BUNDLED_CONFIG == DEMO
    assert BUNDLED_CONFIG.is_file()


# --- defaults ---------------------------------------------------------------------------------------------------


def test_minimal_config_gets_defaults(tmp_path: Path) -> None:
    text = edited(sub(BLOCKS, ""), sub(TAGS, ""))
    config = load_config(write(tmp_path, text))
    event = config.event
    assert event.slot_minutes == 60
    assert event.blocks == ()
    assert event.tags == ()
    assert event.limits == Limits()
    assert event.session_url_template == DEFAULT_SESSION_URL
    assert event.share_url_template == DEFAULT_SHARE_URL
    assert event.room("a").note == ""
    assert event.room("b").note == "Level 2"
    assert config.kiosk == KioskSettings(kiosk_id="", idle_seconds=120, form_idle_seconds=90, form_warning_seconds=10)


def test_trailing_slash_of_base_url_is_dropped(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, MINIMAL)).event.base_url == "https://example.org/os"


def test_optional_sections_are_read(tmp_path: Path) -> None:
    text = edited(
        append(
            "[kiosk]\nid = 'hall-b'\nidle_seconds = 30\nform_idle_seconds = 45\nform_warning_seconds = 5\n"
            "\n[limits]\nlock_seconds = 300\n"
        ),
        sub(
            "[links]\n", "[links]\nsession_url = 'https://s.example/{id}'\nshare_url = 'https://m.example/?t={text}'\n"
        ),
    )
    config = load_config(write(tmp_path, text))
    assert config.kiosk == KioskSettings("hall-b", 30, 45, 5)
    assert config.event.limits == Limits(lock_seconds=300)
    assert config.event.session_url_template == "https://s.example/{id}"
    assert config.event.share_url_template == "https://m.example/?t={text}"


def test_tag_colour_is_lower_cased(tmp_path: Path) -> None:
    event = load_config(write(tmp_path, edited(sub('"#112233"', '"#ABCDEF"')))).event
    assert event.tags[0].colour == "#abcdef"


def test_times_follow_daylight_saving(tmp_path: Path) -> None:
    # 2023-03-12 is the first day of MDT: 10:00 local is 16:00 UTC that day but 17:00 UTC the day before.
    text = edited(
        sub("days = [2023-04-21, 2023-04-22]", "days = [2023-03-11, 2023-03-12]"),
        sub("day = 2023-04-21", "day = 2023-03-12"),
        sub('start = "12:00"', 'start = "10:00"'),
    )
    event = load_config(write(tmp_path, text)).event
    assert event.blocks[0].starts_at == datetime(2023, 3, 12, 16, tzinfo=UTC)
    assert event.slot_starts(date(2023, 3, 11))[0] == datetime(2023, 3, 11, 17, tzinfo=UTC)


def test_config_error_formats_file_key_and_message() -> None:
    error = ConfigError(Path("/etc/kiosk.toml"), "rooms[3].key", "is already used")
    assert str(error) == "/etc/kiosk.toml: rooms[3].key: is already used"
    assert (error.path, error.key, error.message) == (Path("/etc/kiosk.toml"), "rooms[3].key", "is already used")


# --- mistakes ---------------------------------------------------------------------------------------------------

BAD_CASES = [
    # missing required keys
    pytest.param([sub('name = "Test Con"\n', "")], "event.name", "missing", id="missing-name"),
    pytest.param([sub('slug = "test-con"\n', "")], "event.slug", "missing", id="missing-slug"),
    pytest.param([sub('timezone = "America/Denver"\n', "")], "event.timezone", "missing", id="missing-timezone"),
    pytest.param([sub("days = [2023-04-21, 2023-04-22]\n", "")], "event.days", "missing", id="missing-days"),
    pytest.param([sub('first_slot = "10:00"\n', "")], "event.first_slot", "missing", id="missing-first-slot"),
    pytest.param([sub('last_slot_end = "18:00"\n', "")], "event.last_slot_end", "missing", id="missing-last-slot"),
    pytest.param([sub('hashtag = "#TestCon"\n', "")], "event.hashtag", "missing", id="missing-hashtag"),
    pytest.param([sub(LINKS, "")], "links.base_url", "missing", id="missing-links"),
    pytest.param([sub(ROOMS + BLOCKS, "")], "rooms", "at least one", id="missing-rooms"),
    pytest.param([sub('name = "Room A"\n', "")], "rooms[1].name", "missing", id="missing-room-name"),
    pytest.param([sub('reason = "Lunch"\n', "")], "blocks[1].reason", "missing", id="missing-block-reason"),
    pytest.param([sub('label = "Git"\n', "")], "tags[1].label", "missing", id="missing-tag-label"),
    # wrong types
    pytest.param([sub('name = "Test Con"', "name = 42")], "event.name", "expected a string", id="int-for-string"),
    pytest.param([sub('name = "Test Con"', 'name = ""')], "event.name", "must not be empty", id="empty-name"),
    pytest.param(
        [sub("days = [2023-04-21, 2023-04-22]", 'days = "2023-04-21"')], "event.days", "expected a list", id="str-days"
    ),
    pytest.param(
        [sub("days = [2023-04-21, 2023-04-22]", 'days = ["2023-04-21"]')],
        "event.days[1]",
        "without quotes",
        id="quoted-date",
    ),
    pytest.param(
        [sub("days = [2023-04-21, 2023-04-22]", "days = [2023-04-21T10:00:00]")],
        "event.days[1]",
        "expected a date",
        id="datetime-for-date",
    ),
    pytest.param(
        [sub('hashtag = "#TestCon"', 'hashtag = "#TestCon"\nslot_minutes = true')],
        "event.slot_minutes",
        "expected a whole number",
        id="bool-for-int",
    ),
    pytest.param(
        [sub('hashtag = "#TestCon"', 'hashtag = "#TestCon"\nslot_minutes = 60.0')],
        "event.slot_minutes",
        "expected a whole number",
        id="float-for-int",
    ),
    pytest.param(
        [append("[kiosk]\nidle_seconds = '120'\n")], "kiosk.idle_seconds", "expected a whole number", id="str-for-int"
    ),
    pytest.param([append("[kiosk]\nid = 7\n")], "kiosk.id", "expected a string", id="int-for-kiosk-id"),
    pytest.param([append("[limits]\nlock_seconds = false\n")], "limits.lock_seconds", "true/false", id="bool-limit"),
    pytest.param([sub(ROOMS + BLOCKS, ""), sub(EVENT, 'rooms = "a"\n' + EVENT)], "rooms", "list", id="str-rooms"),
    pytest.param([sub(LINKS, ""), sub(EVENT, "links = 3\n" + EVENT)], "links", "expected a table", id="int-section"),
    pytest.param(
        [sub('day = 2023-04-21\nstart = "12:00"', "day = 2023-04-21\nstart = 12:00:00")],
        "blocks[1].start",
        "in quotes",
        id="toml-time-for-clock",
    ),
    pytest.param(
        [sub("day = 2023-04-21", 'day = "2023-04-21"')], "blocks[1].day", "without quotes", id="block-day-str"
    ),
    # time zone
    pytest.param([sub('"America/Denver"', '"America/Denvor"')], "event.timezone", '"America/Denver"?', id="tz-typo"),
    pytest.param([sub('"America/Denver"', '"Mountain"')], "event.timezone", "unknown time zone", id="tz-unknown"),
    pytest.param([sub('"America/Denver"', '"America"')], "event.timezone", "unknown time zone", id="tz-directory"),
    pytest.param([sub('"America/Denver"', '"../etc/passwd"')], "event.timezone", "unknown time zone", id="tz-path"),
    # times and hours
    pytest.param([sub('first_slot = "10:00"', 'first_slot = "10am"')], "event.first_slot", "HH:MM", id="time-10am"),
    pytest.param([sub('first_slot = "10:00"', 'first_slot = "9:00"')], "event.first_slot", "HH:MM", id="time-9"),
    pytest.param([sub('start = "12:00"', 'start = "25:00"')], "blocks[1].start", "HH:MM", id="time-25"),
    pytest.param([sub('end = "13:00"', 'end = "12:60"')], "blocks[1].end", "HH:MM", id="time-60-minutes"),
    pytest.param(
        [sub('last_slot_end = "18:00"', 'last_slot_end = "10:00"')],
        "event.last_slot_end",
        "later than first_slot",
        id="hours-equal",
    ),
    pytest.param(
        [sub('last_slot_end = "18:00"', 'last_slot_end = "09:00"')],
        "event.last_slot_end",
        "later than first_slot",
        id="hours-reversed",
    ),
    pytest.param(
        [sub('hashtag = "#TestCon"', 'hashtag = "#TestCon"\nslot_minutes = 0')],
        "event.slot_minutes",
        "at least 1",
        id="slot-zero",
    ),
    pytest.param(
        [sub('hashtag = "#TestCon"', 'hashtag = "#TestCon"\nslot_minutes = -60')],
        "event.slot_minutes",
        "at least 1",
        id="slot-negative",
    ),
    pytest.param(
        [sub('hashtag = "#TestCon"', 'hashtag = "#TestCon"\nslot_minutes = 90')],
        "event.slot_minutes",
        "do not fit evenly",
        id="slot-not-dividing",
    ),
    # days
    pytest.param([sub("[2023-04-21, 2023-04-22]", "[]")], "event.days", "at least one day", id="days-empty"),
    pytest.param(
        [sub("[2023-04-21, 2023-04-22]", "[2023-04-22, 2023-04-21]")], "event.days[2]", "in order", id="days-unsorted"
    ),
    pytest.param(
        [sub("[2023-04-21, 2023-04-22]", "[2023-04-21, 2023-04-22, 2023-04-21]")],
        "event.days[3]",
        "listed twice",
        id="days-duplicate",
    ),
    # rooms
    pytest.param([sub('key = "b"', 'key = "a"')], "rooms[2].key", "already used by rooms[1]", id="room-duplicate"),
    pytest.param([sub('key = "a"', 'key = "Room A"')], "rooms[1].key", "not a valid key", id="room-key-format"),
    pytest.param([sub('key = "a"', 'key = "-a"')], "rooms[1].key", "not a valid key", id="room-key-dash-first"),
    pytest.param([sub('key = "a"', 'key = "abcdefghijklm"')], "rooms[1].key", "up to 12", id="room-key-too-long"),
    # blocks
    pytest.param([sub('room = "a"', 'room = "c"')], "blocks[1].room", 'no room has the key "c"', id="block-room"),
    pytest.param([sub("day = 2023-04-21", "day = 2023-04-25")], "blocks[1].day", "not one of", id="block-day"),
    pytest.param([sub('end = "13:00"', 'end = "12:00"')], "blocks[1].end", "later than start", id="block-end-equal"),
    pytest.param([sub('end = "13:00"', 'end = "11:00"')], "blocks[1].end", "later than start", id="block-reversed"),
    pytest.param([sub('start = "12:00"', 'start = "09:00"')], "blocks[1].start", "before the first", id="block-early"),
    pytest.param([sub('end = "13:00"', 'end = "18:30"')], "blocks[1].end", "after the last", id="block-late"),
    pytest.param(
        [append(BLOCKS.replace('"13:00"', '"14:00"'))],
        "blocks[2].start",
        "overlaps blocks[1]",
        id="block-overlap",
    ),
    # tags
    pytest.param(
        [append(TAGS.replace("#112233", "#445566"))], "tags[2].key", "already used by tags[1]", id="tag-duplicate"
    ),
    pytest.param([sub('"#112233"', '"red"')], "tags[1].colour", "#rrggbb", id="tag-colour-name"),
    pytest.param([sub('"#112233"', '"#12345"')], "tags[1].colour", "#rrggbb", id="tag-colour-short"),
    pytest.param([sub('"#112233"', '"#11223g"')], "tags[1].colour", "#rrggbb", id="tag-colour-not-hex"),
    pytest.param([sub('key = "git"', 'key = "Git"')], "tags[1].key", "not a valid key", id="tag-key-format"),
    # templates
    pytest.param(
        [sub("[links]\n", "[links]\nsession_url = '{base_url}/{room_name}.html'\n")],
        "links.session_url",
        "unknown placeholder {room_name}",
        id="session-url-placeholder",
    ),
    pytest.param(
        [sub("[links]\n", "[links]\nshare_url = \"javascript:alert('{text}')\"\n")],
        "links.share_url",
        "must give a web address: start it with https://",
        id="share-url-javascript",
    ),
    pytest.param(
        [sub("[links]\n", "[links]\nshare_url = 'data:text/html,{text}'\n")],
        "links.share_url",
        "must give a web address",
        id="share-url-data",
    ),
    pytest.param(
        [sub("[links]\n", "[links]\nsession_url = '{base_url}/{Day}.html'\n")],
        "links.session_url",
        "unknown placeholder {Day} (did you mean {day}? the placeholders are {base_url} {day} {id} {room} {slug}"
        " {start})",
        id="session-url-placeholder-case",
    ),
    # Links are filled with plain {name} placeholders only; anything str.format would also read is refused, since
    # it would reach a URL or QR code as written.
    pytest.param(
        [sub("[links]\n", "[links]\nsession_url = '{base_url}/{}.html'\n")],
        "links.session_url",
        "use only {name} placeholders ({base_url} {day} {id} {room} {slug} {start})",
        id="session-url-positional",
    ),
    pytest.param(
        [sub("[links]\n", "[links]\nsession_url = '{base_url/{id}'\n")],
        "links.session_url",
        "use only {name} placeholders",
        id="session-url-unbalanced",
    ),
    pytest.param(
        [sub("[links]\n", "[links]\nsession_url = '{base_url}/{day:%Y}'\n")],
        "links.session_url",
        "use only {name} placeholders",
        id="session-url-bad-format-spec",
    ),
    pytest.param(
        [sub("[links]\n", "[links]\nsession_url = '{base_url}/{day:.4}/{id}'\n")],
        "links.session_url",
        "use only {name} placeholders",
        id="session-url-precision",
    ),
    pytest.param(
        [sub("[links]\n", "[links]\nsession_url = '{base_url}/{id.hex}'\n")],
        "links.session_url",
        "use only {name} placeholders",
        id="session-url-attribute",
    ),
    pytest.param(
        [sub("[links]\n", "[links]\nsession_url = '{base_url}/{{id}}'\n")],
        "links.session_url",
        "write a literal brace as %7B or %7D",
        id="session-url-doubled-braces",
    ),
    pytest.param(
        [sub("[links]\n", "[links]\nshare_url = 'https://t.example/?q={text}}'\n")],
        "links.share_url",
        "use only {name} placeholders ({hashtag} {text} {url})",
        id="share-url-stray-brace",
    ),
    pytest.param(
        [sub("[links]\n", "[links]\nsession_url = 'sessions/{id}'\n")],
        "links.session_url",
        "web address",
        id="session-url-not-web",
    ),
    pytest.param(
        [sub("[links]\n", "[links]\nshare_url = 'https://t.example/?q={txt}'\n")],
        "links.share_url",
        "unknown placeholder {txt} (did you mean {text}? the placeholders are {hashtag} {text} {url})",
        id="share-url-placeholder",
    ),
    # hashtag and base url
    pytest.param([sub('"#TestCon"', '"TestCon"')], "event.hashtag", 'must start with "#"', id="hashtag-no-hash"),
    pytest.param([sub('"#TestCon"', '"#"')], "event.hashtag", "needs a word after", id="hashtag-bare"),
    pytest.param([sub('"#TestCon"', '"#Test Con"')], "event.hashtag", "without spaces", id="hashtag-space"),
    pytest.param(
        [sub('"https://example.org/os/"', '"example.org/os"')], "links.base_url", "http://", id="base-url-no-scheme"
    ),
    pytest.param(
        [sub('"https://example.org/os/"', '"ftp://example.org"')], "links.base_url", "https://", id="base-url-ftp"
    ),
    pytest.param([sub('slug = "test-con"', 'slug = "Test Con"')], "event.slug", "lower-case", id="slug-format"),
    # unknown keys
    pytest.param([sub('name = "Test Con"', 'nmae = "Test Con"')], "event.nmae", 'did you mean "name"', id="typo-event"),
    pytest.param(
        [sub('"https://example.org/os/"', '"https://example.org/os/"\nbaseurl = "x"')],
        "links.baseurl",
        'did you mean "base_url"',
        id="typo-links",
    ),
    pytest.param([append("[kiosk]\nidle_second = 60\n")], "kiosk.idle_second", "did you mean", id="typo-kiosk"),
    pytest.param([append("[limits]\nlock_secs = 60\n")], "limits.lock_secs", "did you mean", id="typo-limits"),
    pytest.param([sub('note = "Level 2"', 'notes = "Level 2"')], "rooms[2].notes", "did you mean", id="typo-room"),
    pytest.param(
        [sub('start = "12:00"', 'strat = "12:00"')], "blocks[1].strat", 'did you mean "start"', id="typo-block"
    ),
    pytest.param([sub("colour =", "color =")], "tags[1].color", 'did you mean "colour"', id="typo-tag"),
    pytest.param([append("[[room]]\nkey = 'c'\nname = 'C'\n")], "room", 'did you mean "rooms"', id="typo-section"),
    pytest.param([append("[sponsors]\nname = 'x'\n")], "sponsors", "expected one of", id="unknown-section"),
    # limits and kiosk values
    pytest.param([append("[limits]\nlock_seconds = 0\n")], "limits.lock_seconds", "at least 1", id="limit-zero"),
    # Every whole number has a ceiling: a huge idle time used to overflow a Qt timer at start-up.
    pytest.param(
        [append("[kiosk]\nidle_seconds = 3000000\n")],
        "kiosk.idle_seconds",
        "must be at most 86400, not 3000000",
        id="idle-too-long",
    ),
    pytest.param(
        [append("[kiosk]\nform_idle_seconds = 86401\n")],
        "kiosk.form_idle_seconds",
        "at most 86400",
        id="form-idle-too-long",
    ),
    pytest.param(
        [append("[kiosk]\nform_warning_seconds = 9223372036854775807\n")],
        "kiosk.form_warning_seconds",
        "at most 86400",
        id="warning-huge",
    ),
    pytest.param(
        [append("[limits]\nlock_seconds = 86401\n")], "limits.lock_seconds", "at most 86400", id="lock-too-long"
    ),
    pytest.param(
        [append("[limits]\ncards_per_kiosk_per_minute = 1000001\n")],
        "limits.cards_per_kiosk_per_minute",
        "at most 1000000",
        id="limit-too-high",
    ),
    pytest.param(
        [sub('hashtag = "#TestCon"', 'hashtag = "#TestCon"\nslot_minutes = 1441')],
        "event.slot_minutes",
        "at most 1440",
        id="slot-too-long",
    ),
    pytest.param(
        [append("[kiosk]\nform_idle_seconds = 10\nform_warning_seconds = 10\n")],
        "kiosk.form_warning_seconds",
        "shorter than form_idle_seconds (10): the countdown is a short last call that starts once the form",
        id="warning-too-long",
    ),
    # the file itself
    pytest.param(
        [append("deep = " + "[" * 1000 + "]" * 1000 + "\n")], "(file)", "nested too deeply", id="toml-nested-arrays"
    ),
    pytest.param(
        [append("deep = " + "{a = " * 1000 + "1" + "}" * 1000 + "\n")],
        "(file)",
        "nested too deeply",
        id="toml-nested-tables",
    ),
    # Daylight-saving changes in Denver: 2023-03-12 has no 02:00, 2023-11-05 has 01:00 twice. (The block goes, so the
    # clock change is the file's only mistake.)
    pytest.param(
        [
            sub(BLOCKS, ""),
            sub("days = [2023-04-21, 2023-04-22]", "days = [2023-03-11, 2023-03-12]"),
            sub('first_slot = "10:00"', 'first_slot = "01:00"'),
            sub('last_slot_end = "18:00"', 'last_slot_end = "05:00"'),
        ],
        "event.days[2]",
        "on 2023-03-12 the clocks change in America/Denver: 02:00 does not exist that day",
        id="dst-spring-gap",
    ),
    pytest.param(
        [
            sub(BLOCKS, ""),
            sub("days = [2023-04-21, 2023-04-22]", "days = [2023-11-05]"),
            sub('first_slot = "10:00"', 'first_slot = "00:00"'),
            sub('last_slot_end = "18:00"', 'last_slot_end = "03:00"'),
        ],
        "event.days[1]",
        "on 2023-11-05 the clocks change in America/Denver: 01:00 happens twice that day",
        id="dst-autumn-fold",
    ),
    pytest.param(
        [
            sub(BLOCKS, ""),
            sub("days = [2023-04-21, 2023-04-22]", "days = [2023-03-12]"),
            sub('first_slot = "10:00"', 'first_slot = "00:30"'),
            sub('last_slot_end = "18:00"', 'last_slot_end = "06:30"\nslot_minutes = 180'),
        ],
        "event.days[1]",
        "on 2023-03-12 the clocks change in America/Denver between 00:30 and 06:30",
        id="dst-inside-a-slot",
    ),
    pytest.param([sub('name = "Test Con"', "name = Test Con")], "(file)", "not valid TOML", id="toml-syntax"),
    pytest.param(
        [append("[[rooms]]\nkey = 'c'\nname = 'C'\nname = 'D'\n")], "(file)", "not valid TOML", id="toml-duplicate-key"
    ),
]


@pytest.mark.parametrize(("edits", "key", "fragment"), BAD_CASES)
def test_bad_config_names_key_and_problem(
    tmp_path: Path, edits: list[tuple[str, str]], key: str, fragment: str
) -> None:
    path = write(tmp_path, edited(*edits))
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    error = caught.value
    assert error.path == path
    assert error.key == key
    assert fragment in error.message
    # One mistake, one line: each case's file is otherwise clean, so nothing else is reported with it.
    assert len(error.problems) == 1
    assert str(error) == f"{path}: {key}: {error.message}"


def test_minimal_config_is_valid(tmp_path: Path) -> None:
    # The bad cases above only prove something if the text they start from loads cleanly.
    event = load_config(write(tmp_path, MINIMAL)).event
    assert [room.key for room in event.rooms] == ["a", "b"]
    assert len(event.blocks) == 1


def test_the_ceilings_themselves_are_allowed(tmp_path: Path) -> None:
    text = edited(
        append(
            "[kiosk]\nidle_seconds = 86400\nform_idle_seconds = 86400\n[limits]\nwrong_codes_before_lock = 1000000\n"
        )
    )
    config = load_config(write(tmp_path, text))
    assert (config.kiosk.idle_seconds, config.kiosk.form_idle_seconds) == (86400, 86400)
    assert config.event.limits.wrong_codes_before_lock == 1_000_000


def test_a_template_with_only_plain_placeholders_loads(tmp_path: Path) -> None:
    # Percent-encoded braces are how a URL carries a literal brace, and they pass through untouched.
    template = "{base_url}/{day}/{room}-{start}?id={id}&s={slug}&x=%7B%7D"
    config = load_config(write(tmp_path, edited(sub("[links]\n", f"[links]\nsession_url = '{template}'\n"))))
    assert config.event.session_url_template == template


def test_adjacent_blocks_do_not_overlap(tmp_path: Path) -> None:
    text = edited(append(BLOCKS.replace('"13:00"', '"14:00"').replace('"12:00"', '"13:00"')))
    blocks = load_config(write(tmp_path, text)).event.blocks
    assert [(b.starts_at.hour, b.ends_at.hour) for b in blocks] == [(18, 19), (19, 20)]


def test_same_hours_in_other_room_or_day_do_not_overlap(tmp_path: Path) -> None:
    text = edited(append(BLOCKS.replace('"a"', '"b"')), append(BLOCKS.replace("2023-04-21", "2023-04-22")))
    assert len(load_config(write(tmp_path, text)).event.blocks) == 3


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert (caught.value.key, caught.value.path) == ("(file)", path)
    assert caught.value.message.startswith("cannot read:")


def test_directory_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\(file\): cannot read"):
        load_config(tmp_path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(MINIMAL.replace("Test Con", "Caf\xe9").encode("latin-1"))
    with pytest.raises(ConfigError, match=r"\(file\): not valid TOML: not UTF-8"):
        load_config(path)


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(MINIMAL.encode("utf-8-sig"))
    assert load_config(path).event.name == "Test Con"


# --- discovery --------------------------------------------------------------------------------------------------


@pytest.fixture
def cwd(tmp_path: Path) -> Path:
    """A working directory holding config/kiosk.toml, plus explicit and env candidates beside it."""
    (tmp_path / "config").mkdir()
    for name in ("config/kiosk.toml", "explicit.toml", "env.toml"):
        (tmp_path / name).write_text(MINIMAL, encoding="utf-8")
    return tmp_path


def test_explicit_config_wins(cwd: Path) -> None:
    found = find_config(cwd / "explicit.toml", {"KIOSK_CONFIG": str(cwd / "env.toml")}, cwd)
    assert found == cwd / "explicit.toml"


def test_relative_explicit_config_is_relative_to_cwd(cwd: Path) -> None:
    assert find_config(Path("explicit.toml"), {}, cwd) == cwd / "explicit.toml"


def test_env_config_comes_second(cwd: Path) -> None:
    assert find_config(None, {"KIOSK_CONFIG": str(cwd / "env.toml")}, cwd) == cwd / "env.toml"
    assert find_config(None, {"KIOSK_CONFIG": "env.toml"}, cwd) == cwd / "env.toml"


def test_local_config_comes_third(cwd: Path) -> None:
    assert find_config(None, {}, cwd) == cwd / "config" / "kiosk.toml"
    assert find_config(None, {"KIOSK_CONFIG": ""}, cwd) == cwd / "config" / "kiosk.toml"


def test_bundled_demo_is_the_fallback(tmp_path: Path) -> None:
    found = find_config(None, {}, tmp_path)
    assert found == DEMO
    assert load_config(found).event.slug == "pycon-us-2023"


@pytest.mark.parametrize(
    ("explicit", "env"),
    [
        pytest.param(Path("missing.toml"), {}, id="explicit"),
        pytest.param(None, {"KIOSK_CONFIG": "missing.toml"}, id="env"),
    ],
)
def test_named_config_that_does_not_exist(cwd: Path, explicit: Path | None, env: dict[str, str]) -> None:
    # A typed path that isn't there must not quietly fall back to config/kiosk.toml or the demo.
    with pytest.raises(ConfigError) as caught:
        find_config(explicit, env, cwd)
    assert caught.value.path == cwd / "missing.toml"
    assert caught.value.key == "(file)"
    assert caught.value.message == "does not exist"


def test_data_dir_order(tmp_path: Path) -> None:
    env = {"KIOSK_DATA_DIR": str(tmp_path / "env")}
    assert find_data_dir(tmp_path / "explicit", env) == tmp_path / "explicit"
    assert find_data_dir(None, env) == tmp_path / "env"
    assert find_data_dir(None, {}) == platformdirs.user_data_path("open-spaces-kiosk")
    assert find_data_dir(None, {"KIOSK_DATA_DIR": ""}) == platformdirs.user_data_path("open-spaces-kiosk")


def test_share_url_may_use_url_and_hashtag(tmp_path: Path) -> None:
    text = BUNDLED_CONFIG.read_text(encoding="utf-8").replace(
        'share_url = "https://twitter.com/intent/tweet?text={text}"',
        'share_url = "https://fosstodon.org/share?text={text}%20{url}%20{hashtag}"',
    )
    path = tmp_path / "mastodon.toml"
    path.write_text(text, encoding="utf-8")
    assert "{hashtag}" in load_config(path).event.share_url_template


@pytest.mark.parametrize("language", ["de", "es", "pt-BR", "ja", "zh-Hant", "es-419"])
def test_the_event_language_is_a_bcp47_tag(tmp_path: Path, language: str) -> None:
    text = MINIMAL.replace('hashtag = "', f'language = "{language}"\nhashtag = "', 1)
    assert load_config(write(tmp_path, text)).event.language == language


def test_the_language_defaults_to_english_and_a_name_is_refused(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, MINIMAL)).event.language == "en"
    text = MINIMAL.replace('hashtag = "', 'language = "German"\nhashtag = "', 1)
    with pytest.raises(ConfigError, match=r'event\.language: "German" is not a language tag: write one like "en"'):
        load_config(write(tmp_path, text))


def test_more_keyboard_layouts_are_language_tags(tmp_path: Path) -> None:
    text = MINIMAL + '\n[kiosk]\nkeyboards = ["fr", "uk"]\n'
    assert load_config(write(tmp_path, text)).kiosk.keyboards == ("fr", "uk")
    with pytest.raises(ConfigError, match=r"kiosk\.keyboards: 'French' is not a language tag"):
        load_config(write(tmp_path, MINIMAL + '\n[kiosk]\nkeyboards = ["French"]\n'))
