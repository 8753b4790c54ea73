"""Reading import files: the CSV export reads back exactly, Excel's variants read too, bad files get a clear message."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain import Card, Event
from kiosk.share.importfile import (
    COLUMNS,
    MAX_CELL,
    MAX_ROWS,
    ImportFileError,
    RawRow,
    parse_import,
    read_import_file,
)
from kiosk.share.schedule_json import schedule_json
from kiosk.share.table import card_row, cards_csv
from kiosk.share.text import tag_labels
from tests.share.sample import HOSTILE_CELLS

HEADER_LINE = "Day,Start,Room,Topic,Host"
GOOD_LINE = "2023-04-21,10:00,Room 150D,Packaging,José"


def parse_text(text: str, name: str = "sessions.csv") -> list[RawRow]:
    return list(parse_import(text.encode("utf-8"), name).rows)


def test_the_csv_export_reads_back_to_the_values_it_was_made_from(event: Event, cards: list[Card]) -> None:
    found = parse_import(cards_csv(event, cards), "export.csv")

    expected = [dict(zip(COLUMNS, card_row(event, card), strict=True)) for card in sorted(cards, key=_export_order)]
    assert [row.values for row in found.rows] == expected
    # Spreadsheet rows: the header is row 1, whatever newlines the descriptions hold.
    assert [row.line for row in found.rows] == list(range(2, len(cards) + 2))
    assert (found.warnings, found.unit, found.kind) == ((), "row", "CSV")


def _export_order(card: Card) -> tuple[object, ...]:
    return (card.starts_at, card.room_key, str(card.id))


@pytest.mark.parametrize("cell", HOSTILE_CELLS)
def test_formula_defence_is_undone_exactly(event: Event, cards: list[Card], cell: str) -> None:
    card = cards[0]
    hostile = Card(card.id, card.room_key, card.starts_at, card.ends_at, topic=cell, host_name="x", description=cell)

    row = parse_import(cards_csv(event, [hostile]), "export.csv").rows[0]

    assert (row.get("topic"), row.get("description")) == (cell[:MAX_CELL], cell)


def test_a_byte_order_mark_is_optional() -> None:
    text = f"{HEADER_LINE}\r\n{GOOD_LINE}\r\n"
    with_bom = parse_import(codecs.BOM_UTF8 + text.encode(), "a.csv").rows
    without = parse_import(text.encode(), "a.csv").rows

    assert with_bom == without
    assert with_bom[0].get("day") == "2023-04-21"


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolons_and_tabs_as_european_excel_writes_them(delimiter: str) -> None:
    text = f'{HEADER_LINE}\n{GOOD_LINE}\n2023-04-21,11:00,Room 151A,"Commas, kept",Ann\n'.replace(",", delimiter)
    text = text.replace(f"{delimiter} kept", ", kept")

    rows = parse_text(text)

    assert [row.get("topic") for row in rows] == ["Packaging", "Commas, kept"]


def test_excels_sep_hint_line_is_followed_and_not_a_row() -> None:
    rows = parse_text(f"sep=;\n{HEADER_LINE.replace(',', ';')}\n2023-04-21;10:00;R;A, B;C\n")

    assert [(row.line, row.get("topic")) for row in rows] == [(2, "A, B")]


def test_utf16_with_a_byte_order_mark_reads_too() -> None:
    data = f"{HEADER_LINE}\n{GOOD_LINE}\n".replace(",", "\t").encode("utf-16")

    assert parse_import(data, "unicode.txt").rows[0].get("host") == "José"


def test_latin1_bytes_are_refused_with_the_place_and_the_fix() -> None:
    data = f"{HEADER_LINE}\n{GOOD_LINE}\n".encode("latin-1")

    with pytest.raises(ImportFileError) as refused:
        parse_import(data, "latin1.csv")

    assert refused.value.message == (
        f"The file is not UTF-8 text (line 2, byte {data.index(b'\xe9') + 1}: 0xE9); "
        "save it as UTF-8 (“CSV UTF-8” in Excel) and import it again."
    )


def test_headers_are_matched_in_any_case_and_unknown_ones_listed() -> None:
    found = parse_import(b" DAY ,start,ROOM,Topic,hOsT,Notes,\xe2\x80\xaeEvil\r\nd,s,r,t,h,n,e\r\n", "case.csv")

    assert found.rows[0].values == {"day": "d", "start": "s", "room": "r", "topic": "t", "host": "h"}
    assert found.warnings == ("Ignored columns the import does not use: Evil, Notes.",)


@pytest.mark.parametrize(
    ("first_row", "message"),
    [
        ("Day,Start,Room,Topic", "The file has no Host column; every import needs Day, Start, Room, Topic and Host."),
        ("Day,Topic,Host", "The file has no Start, Room column;"),
        ("When,What,Who", "The first row must name the columns (Day, Start, End, Room, Topic, Host,"),
        ("Day,Start,Room,Topic,Host,topic", "The column Topic appears more than once; keep one."),
    ],
)
def test_a_header_without_the_needed_columns_is_refused(first_row: str, message: str) -> None:
    with pytest.raises(ImportFileError) as refused:
        parse_text(f"{first_row}\nx,y,z,w,v\n")
    assert refused.value.message.startswith(message)


def test_blank_rows_are_skipped_and_still_counted() -> None:
    rows = parse_text(f'{HEADER_LINE}\n\n,,,,\n2023-04-21,10:00,R,"Two\nlines",H\n{GOOD_LINE}\n')

    assert [row.line for row in rows] == [4, 5]


def test_cells_beyond_the_header_are_a_problem_unless_empty() -> None:
    rows = parse_text(f"{HEADER_LINE}\n{GOOD_LINE},,\n{GOOD_LINE},oops\n")

    assert rows[0].problems == ()
    assert rows[1].problems == ("It has 6 cells but the header has 5: a value with the delimiter in it needs quotes.",)


@pytest.mark.parametrize("text", ["", HEADER_LINE, f"{HEADER_LINE}\n\n,,,\n", "[]", '{"sessions": []}'])
def test_a_file_without_sessions_is_refused(text: str) -> None:
    with pytest.raises(ImportFileError, match=r"has no sessions|names none"):
        parse_import(text.encode(), "empty.json" if text.startswith(("[", "{")) else "empty.csv")


# -- limits and hostile input -----------------------------------------------------------------------------------------


def test_a_hundred_thousand_rows_are_refused() -> None:
    data = (HEADER_LINE + "\n" + "2023-04-21,10:00,R,Topic,H\n" * 100_000).encode()

    with pytest.raises(ImportFileError) as refused:
        parse_import(data, "huge.csv")

    assert refused.value.message.startswith(f"The file has more than {MAX_ROWS:,} sessions")


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as out:
        out.truncate(6 * 1024 * 1024)

    with pytest.raises(ImportFileError, match="The file is larger than 5 MB, the most an import file may be"):
        read_import_file(path)


def test_bytes_over_the_size_limit_are_refused() -> None:
    data = (HEADER_LINE + "\n" + f"{GOOD_LINE}\n" * 200_000).encode()

    with pytest.raises(ImportFileError, match="The file is larger than 5 MB"):
        parse_import(data, "big.csv")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_read_no_further_than_the_limit() -> None:
    with pytest.raises(ImportFileError, match="larger than 5 MB"):
        read_import_file(Path("/dev/zero"))


def test_a_missing_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="cannot be read: No such file or directory"):
        read_import_file(tmp_path / "nowhere.csv")


def test_a_file_on_disk_reads_like_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "planned.csv"
    path.write_text(f"{HEADER_LINE}\n{GOOD_LINE}\n", encoding="utf-8")

    found = read_import_file(path)

    assert (found.filename, found.rows[0].get("room")) == ("planned.csv", "Room 150D")


def test_hostile_cells_stay_plain_text_and_long_ones_are_cut() -> None:
    hostile = ["\u202egnp.exe", "a\x00b", "<script>alert(1)</script>", "x" * 10_000, "=1+1", "\x1b[31mred"]
    text = HEADER_LINE + "\n" + "\n".join(f'2023-04-21,10:00,R,"{cell}",H' for cell in hostile)

    topics = [row.get("topic") for row in parse_text(text)]

    assert topics == [*hostile[:3], "x" * MAX_CELL, *hostile[4:]]


def test_a_cell_too_big_for_the_csv_reader_is_a_message() -> None:
    with pytest.raises(ImportFileError, match="cannot be read as CSV near line 2: field larger than field limit"):
        parse_text(f"{HEADER_LINE}\n2023-04-21,10:00,R,{'x' * 200_000},H\n")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(["f.csv", "f.json", "f"]))
def test_any_bytes_give_rows_or_a_message(data: bytes, name: str) -> None:
    assert outcome(lambda: parse_import(data, name).rows)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(max_size=30), max_size=7), max_size=6))
def test_any_csv_text_gives_rows_or_a_message(cells: list[list[str]]) -> None:
    text = "\n".join([HEADER_LINE, *(",".join(row) for row in cells)])
    assert outcome(lambda: tuple(parse_text(text)))


def outcome(read: Callable[[], tuple[RawRow, ...]]) -> str:
    """What a person is told: a message, or how many rows were read (every cell within the limit)."""
    try:
        rows = read()
    except ImportFileError as refused:
        return refused.message
    assert all(len(value) <= MAX_CELL for row in rows for value in row.values.values())
    return f"{len(rows)} rows"


# -- JSON -------------------------------------------------------------------------------------------------------------


def test_json_as_a_list_or_under_sessions_with_keys_in_any_case() -> None:
    entry = {"DAY": "2023-04-21", "Start": "10:00", "room": "R", "Topic": "T", "host": "H", "tags": ["a", "b"]}
    as_list = parse_import(json.dumps([entry, {"day": 1, "note": "x"}]).encode(), "s.json")
    as_object = parse_import(json.dumps({"sessions": [entry, {"day": 1, "note": "x"}]}).encode(), "s")

    assert as_list.rows == as_object.rows
    assert as_list.rows[0].values == {
        "day": "2023-04-21",
        "start": "10:00",
        "room": "R",
        "topic": "T",
        "host": "H",
        "tags": "a, b",
    }
    assert (as_list.rows[1].line, as_list.rows[1].values) == (2, {"day": "1"})
    assert (as_list.unit, as_list.warnings) == ("entry", ("Ignored fields the import does not use: note.",))


def test_json_values_that_are_not_text_are_named() -> None:
    rows = parse_import(b'[{"topic": {"x": 1}, "host": true}, 7]', "s.json").rows

    assert rows[0].problems == ("Topic: the value should be text.", "Host: the value should be text.")
    assert rows[1].problems == ("It is not an object with session fields.",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[{"topic": "x",}]', r"not valid JSON \(line 1, column 16: Expecting property name"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"rows": []}', 'must be a list of sessions, an object with a "sessions" list'),
        ('"just text"', "must be a list of sessions"),
        ("1" * 5000, "not usable JSON"),
    ],
)
def test_bad_json_is_a_message(text: str, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        parse_import(text.encode(), "bad.json")


def test_json_over_the_row_limit_is_refused() -> None:
    with pytest.raises(ImportFileError, match="more than 5,000 sessions"):
        parse_import(json.dumps([{}] * (MAX_ROWS + 1)).encode(), "many.json")


def test_schedule_json_export_reads_back_with_the_first_tag(event: Event, cards: list[Card]) -> None:
    found = parse_import(schedule_json(event, cards), "schedule.json")

    read = sorted((row.get("day"), row.get("start"), row.get("room"), row.get("topic")) for row in found.rows)
    assert read == sorted((row[0], row[1], row[3], row[4]) for row in (card_row(event, card) for card in cards))
    by_topic = {row.get("topic"): row for row in found.rows}
    for card in cards:
        row, expected = by_topic[card.topic], dict(zip(COLUMNS, card_row(event, card), strict=True))
        assert (row.get("end"), row.get("host"), row.get("description")) == (
            expected["end"],
            expected["host"],
            expected["description"],
        )
        assert row.get("tags") == (tag_labels(event, card) or ("",))[0]
    assert found.kind == "schedule.json"
    assert "only each session's first tag" in found.warnings[0]


def test_a_json_looking_file_without_an_extension_is_read_as_json() -> None:
    found = parse_import(b'  [{"topic": "T"}]', "clipboard")

    assert (found.kind, found.rows[0].get("topic")) == ("JSON", "T")
