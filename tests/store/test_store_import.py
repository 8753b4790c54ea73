"""Importing planned sessions: an export imports back unchanged, each problem is named on its row, all or nothing."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from kiosk.domain.actors import Role
from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Card, Event, Tag
from kiosk.share.importfile import ImportFile, RawRow, parse_import
from kiosk.share.schedule_json import schedule_json
from kiosk.share.table import HEADER, cards_csv
from kiosk.store import import_rows, staff
from kiosk.store.codes import UNUSABLE_CODE_HASH
from kiosk.store.importer import ImportPlan, ImportRefused, apply_import, plan_import, summary
from kiosk.store.service import BoardService
from kiosk.store.tables import AuditRow, SessionRow
from tests.factories import DAY_ONE, local, make_event
from tests.store.conftest import DraftMaker

GOOD = {"Day": "2023-04-21", "Start": "10:00", "Room": "Room A", "Topic": "Python on the Pico", "Host": "Zoë"}


@pytest.fixture
def other(tmp_path: Path, event: Event, clock: ManualClock) -> Iterator[BoardService]:
    """A second, empty board for the same event, in its own data folder."""
    board = BoardService.open(tmp_path / "other", event, clock, "kiosk-b")
    yield board
    board.close()


def csv_file(*rows: dict[str, str], header: tuple[str, ...] = HEADER) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=header, restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def plan_rows(service: BoardService, *rows: dict[str, str]) -> ImportPlan:
    return plan_import(service.ctx, parse_import(csv_file(*rows), "planned.csv"))


def problems_of(service: BoardService, **changes: str) -> tuple[str, ...]:
    plan = plan_rows(service, GOOD | changes)
    return plan.rows[0].problems


def session_facts(cards: tuple[Card, ...]) -> set[tuple[object, ...]]:
    return {(c.room_key, c.starts_at, c.topic, c.host_name, c.handle, c.description, c.tags) for c in cards}


def audit(service: BoardService) -> list[AuditRow]:
    with Session(service.engine, expire_on_commit=False) as s:
        return list(s.scalars(sa.select(AuditRow).order_by(AuditRow.id)))


def staff_import(service: BoardService, plan: ImportPlan) -> int:
    return apply_import(service.ctx, plan, service.actor(Role.STAFF))


# -- round trips ------------------------------------------------------------------------------------------------------


def fill(service: BoardService, make_draft: DraftMaker) -> None:
    service.add_card(make_draft("a", 0, 10, topic="=HYPERLINK(evil)", handle="@dvolkov", tags=("maker", "data")))
    service.add_card(make_draft("c", 0, 15, topic="-1 +1 @SUM", host_name="'quoted", description="Line 1\nLine 2"))
    service.add_card(make_draft("b", 1, 11, topic="<b>Markup</b>; and, commas", handle="@ada@fosstodon.org"))
    service.add_card(make_draft("a", 1, 17, topic="Bluesky 🦋", handle="ada.bsky.social", tags=("social",)))


def test_a_csv_export_imports_back_unchanged_onto_an_empty_board(
    service: BoardService, other: BoardService, make_draft: DraftMaker
) -> None:
    fill(service, make_draft)
    exported = cards_csv(service.event, service.cards())

    plan = plan_import(other.ctx, parse_import(exported, "export.csv"))

    assert summary(plan) == "4 rows: 4 ready"
    assert staff_import(other, plan) == 4
    assert session_facts(other.cards()) == session_facts(service.cards())


def test_an_import_is_one_staff_change_of_cards_without_edit_codes(
    service: BoardService, other: BoardService, make_draft: DraftMaker, clock: ManualClock
) -> None:
    fill(service, make_draft)
    before = len(audit(other))

    staff_import(other, plan_import(other.ctx, parse_import(cards_csv(service.event, service.cards()), "day1.csv")))

    new = audit(other)[before:]
    assert [(row.action, row.actor, row.entity, row.entity_id) for row in new] == [
        ("staff.import", "staff", "board", None)
    ]
    assert json.loads(new[0].detail) == {"sessions": 4, "source": "day1.csv"}
    with Session(other.engine) as s:
        assert set(s.scalars(sa.select(SessionRow.edit_code_hash))) == {UNUSABLE_CODE_HASH}
        assert set(s.scalars(sa.select(SessionRow.kiosk_id))) == {"kiosk-b"}


def test_schedule_json_imports_back_with_its_first_tag(
    service: BoardService, other: BoardService, make_draft: DraftMaker
) -> None:
    fill(service, make_draft)
    found = parse_import(schedule_json(service.event, service.cards()), "schedule.json")

    staff_import(other, plan_import(other.ctx, found))

    # The format has one track per session: the first tag is all it carries.
    expected = {(*facts[:-1], facts[-1][:1]) for facts in session_facts(service.cards())}
    assert session_facts(other.cards()) == expected


def test_importing_an_export_onto_its_own_board_says_each_session_is_already_there(
    service: BoardService, make_draft: DraftMaker
) -> None:
    fill(service, make_draft)

    plan = plan_import(service.ctx, parse_import(cards_csv(service.event, service.cards()), "export.csv"))

    assert summary(plan) == "4 rows: 0 ready, 4 with problems"
    assert all(row.problems[0].startswith("This session is already on the board") for row in plan.rows)


# -- all or nothing ----------------------------------------------------------------------------------------------------


def test_a_file_with_good_and_bad_rows_imports_nothing_and_names_every_problem(service: BoardService) -> None:
    rows = (
        GOOD,
        GOOD | {"Room": "Rm A", "Topic": "Another"},
        GOOD | {"Start": "12:00", "Room": "b"},
        GOOD | {"Start": "11:00", "Topic": ""},
        GOOD | {"Start": "13:00"},
    )
    cards_before, audit_before = service.cards(), len(audit(service))
    plan = plan_rows(service, *rows)

    assert [row.line for row in plan.rows] == [2, 3, 4, 5, 6]
    assert [row.ok for row in plan.rows] == [True, False, False, False, True]
    assert "did you mean Room A?" in plan.rows[1].problems[0]
    assert plan.rows[2].problems == ("Room B at 12:00 on Fri 21 Apr is blocked (Sponsor lunch).",)
    assert plan.rows[3].problems[0].startswith("Topic: Give your session a topic")
    assert summary(plan) == "5 rows: 2 ready, 3 with problems"

    with pytest.raises(ImportRefused, match=r"3 of 5 rows cannot go on the board\. Row 3: Room: .*Row 4: .*Row 5"):
        staff_import(service, plan)
    assert service.cards() == cards_before
    assert len(audit(service)) == audit_before


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"Room": "Rm A"}, "Room: there is no room “Rm A” on this board; did you mean Room A?"),
        ({"Room": "Broom cupboard 42"}, "Room: there is no room “Broom cupboard 42” on this board."),
        ({"Room": ""}, "Room: missing."),
        ({"Day": "2023-04-25"}, "Day: Tue 25 Apr 2023 is not a day of this board (Fri 21 Apr, Sat 22 Apr)."),
        ({"Day": "next Friday"}, "Day: “next Friday” is not a date; write it as 2023-04-21."),
        ({"Day": ""}, "Day: missing."),
        ({"Start": "10:30"}, "Start: 10:30 is not the start of a slot; slots start every 60 minutes from 10:00."),
        ({"Start": "9:00"}, "Start: 09:00 is outside the board's hours (10:00–18:00)."),
        ({"Start": "18:00"}, "Start: 18:00 is outside the board's hours (10:00–18:00)."),
        ({"Start": "ten"}, "Start: “ten” is not a time; write it as 10:00."),
        ({"Start": "25:00"}, "Start: “25:00” is not a time; write it as 10:00."),
        ({"End": "11:30"}, "End: 11:30 does not fit; sessions are 60 minutes, so this one ends at 11:00."),
        ({"End": "soon"}, "End: “soon” is not a time; leave it empty or write 11:00."),
        ({"Topic": ""}, "Topic: Give your session a topic (at least 3 characters)."),
        ({"Topic": "x" * 81}, "Topic: Keep the topic to 80 characters — 1 too many."),
        ({"Host": " "}, "Host: Who is hosting? Add your name."),
        ({"Host": "H" * 61}, "Host: Keep the name to 60 characters — 1 too many."),
        ({"Description": "d" * 501}, "Description: Keep the description to 500 characters — 1 too many."),
        ({"Handle": "not a handle"}, "Handle: That handle doesn't look right."),
        ({"Tags": "Maker projects, nope"}, "Tags: “nope” is not one of this event's tags."),
        ({"Tags": "maker, data, social, Data"}, "Tags: Pick up to 3 tags."),
    ],
)
def test_each_problem_is_named(service: BoardService, changes: dict[str, str], expected: str) -> None:
    problems = problems_of(service, **changes)
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems


def test_a_taken_slot_names_the_session_there(service: BoardService, make_draft: DraftMaker) -> None:
    service.add_card(make_draft("a", 0, 10, topic="Already here"))

    assert problems_of(service) == ("Room A at 10:00 on Fri 21 Apr is taken by “Already here”.",)


def test_the_same_slot_twice_in_a_file_names_the_first_row(service: BoardService) -> None:
    plan = plan_rows(service, GOOD, GOOD | {"Start": "11:00"}, GOOD | {"Topic": "Same slot, other topic"})

    assert [row.problems for row in plan.rows] == [(), (), ("Same slot as row 2.",)]


def test_rows_with_extra_cells_are_refused_rather_than_read_shifted(service: BoardService) -> None:
    data = b"Day,Start,Room,Topic,Host\r\n2023-04-21,10:00,Room A,Pico, the board,Zo\xc3\xab\r\n"

    plan = plan_import(service.ctx, parse_import(data, "shifted.csv"))

    assert plan.rows[0].problems[0] == (
        "It has 6 cells but the header has 5: a value with the delimiter in it needs quotes."
    )


# -- what a file may say ---------------------------------------------------------------------------------------------


def test_headers_in_any_case_rooms_and_tags_by_name_or_key(service: BoardService) -> None:
    header = (" day ", "START", "Room", "tOpIc", "HOST", "Tags")
    rows = (
        {" day ": "2023-04-21", "START": "10:00", "Room": "room a", "tOpIc": "By name", "HOST": "A", "Tags": "data"},
        {
            " day ": "2023-04-21",
            "START": "11:00",
            "Room": "c",
            "tOpIc": "By key",
            "HOST": "B",
            "Tags": "MAKER PROJECTS",
        },
        {" day ": "2023-04-21", "START": "12:00", "Room": " Room  C ", "tOpIc": "Spaces", "HOST": "C", "Tags": ""},
    )

    plan = plan_import(service.ctx, parse_import(csv_file(*rows, header=header), "any-case.csv"))

    assert plan.ok, [row.problems for row in plan.rows]
    drafts = [row.draft for row in plan.rows if row.draft is not None]
    assert [(d.room_key, d.tags) for d in drafts] == [("a", ("data",)), ("c", ("maker",)), ("c", ())]
    assert [row.room for row in plan.rows] == ["Room A", "Room C", "Room C"]


def test_a_tag_label_with_a_comma_in_it_is_one_tag(tmp_path: Path, clock: ManualClock) -> None:
    event = make_event(tags=(Tag("web", "Web, APIs", "#336699"), Tag("data", "Data", "#3a8d4f")))
    board = BoardService.open(tmp_path / "commas", event, clock, "kiosk-c")
    try:
        plan = plan_rows(board, GOOD | {"Tags": "Data, Web, APIs"}, GOOD | {"Start": "11:00", "Tags": "web,data"})
        assert [row.draft.tags if row.draft else row.problems for row in plan.rows] == [
            ("data", "web"),
            ("web", "data"),
        ]
    finally:
        board.close()


@pytest.mark.parametrize("day", ["2023-04-21", "21/04/2023", "4/21/23", "21.04.2023"])
def test_days_as_iso_or_as_excel_rewrites_them(service: BoardService, day: str) -> None:
    plan = plan_rows(service, GOOD | {"Day": day, "Start": "10:00:00"})

    assert plan.rows[0].draft is not None, plan.rows[0].problems
    assert plan.rows[0].draft.starts_at == local(DAY_ONE, 10).astimezone(UTC)


def test_past_slots_import_so_a_days_record_can_be_restored(service: BoardService, clock: ManualClock) -> None:
    clock.advance(timedelta(days=5))

    assert staff_import(service, plan_rows(service, GOOD)) == 1


def test_hostile_text_is_cleaned_like_the_forms_and_never_raises(service: BoardService) -> None:
    rows = (
        GOOD | {"Topic": "gnp.\u202eexe talk\x00", "Host": "<script>alert(1)</script>"},
        GOOD | {"Start": "11:00", "Topic": "=cmd|' /C calc'!A0", "Description": "<img src=x onerror=alert(1)>"},
        GOOD | {"Start": "12:00", "Topic": "T" * 10_000, "Room": "\u202e" + "R" * 10_000},
    )

    plan = plan_rows(service, *rows)

    assert [row.ok for row in plan.rows] == [True, True, False]
    assert plan.rows[0].draft is not None and plan.rows[0].draft.topic == "gnp.exe talk"
    assert plan.rows[0].draft.host_name == "<script>alert(1)</script>"
    assert plan.rows[1].draft is not None and plan.rows[1].draft.topic == "=cmd|' /C calc'!A0"
    assert any(p.startswith("Topic: Keep the topic to 80 characters") for p in plan.rows[2].problems)
    assert len(plan.rows[2].topic) == len(plan.rows[2].room) == 80
    assert all(len(problem) < 200 for problem in plan.rows[2].problems)


def test_json_rows_are_checked_like_csv_rows(service: BoardService) -> None:
    data = json.dumps({"sessions": [{k.lower(): v for k, v in GOOD.items()} | {"tags": ["data"]}, "nonsense"]})

    plan = plan_import(service.ctx, parse_import(data.encode(), "sessions.json"))

    assert [row.ok for row in plan.rows] == [True, False]
    assert plan.rows[1].problems[0] == "It is not an object with session fields."
    assert summary(plan) == "2 entries: 1 ready, 1 with problems"


# -- races and speed ---------------------------------------------------------------------------------------------------


def test_a_slot_taken_between_preview_and_import_refuses_it_all(service: BoardService, make_draft: DraftMaker) -> None:
    plan = plan_rows(service, GOOD, GOOD | {"Start": "11:00"})
    assert plan.ok
    service.add_card(make_draft("a", 0, 11, topic="Faster"))

    with pytest.raises(ImportRefused, match=r"The board changed since the preview.*Row 3: Room A at 11:00.*“Faster”"):
        staff_import(service, plan)
    assert [card.topic for card in service.cards()] == ["Faster"]


def test_a_block_made_between_preview_and_import_refuses_it_all(service: BoardService) -> None:
    plan = plan_rows(service, GOOD)
    start = local(DAY_ONE, 10).astimezone(UTC)
    staff.block_room(service.ctx, "a", start, start + timedelta(hours=1), "Keynote overflow", service.actor(Role.STAFF))

    with pytest.raises(ImportRefused, match=r"is blocked \(Keynote overflow\)"):
        staff_import(service, plan)
    assert service.cards() == ()


def test_a_race_only_the_unique_index_sees_still_refuses_it_all(
    service: BoardService, make_draft: DraftMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_rows(service, GOOD | {"Start": "11:00"}, GOOD)
    service.add_card(make_draft("a", 0, 10, topic="Faster"))
    # As if another process committed between the re-check and the commit.
    monkeypatch.setattr(import_rows.ImportBoard, "recheck", lambda self, draft: [])

    with pytest.raises(ImportRefused, match="taken while importing"):
        staff_import(service, plan)
    assert [card.topic for card in service.cards()] == ["Faster"]


def test_an_empty_plan_is_refused(service: BoardService) -> None:
    with pytest.raises(ImportRefused, match="nothing to import"):
        staff_import(service, ImportPlan("empty.csv", ()))


def test_planning_reads_the_board_once_not_once_per_row(service: BoardService) -> None:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    sa.event.listen(service.engine, "before_cursor_execute", count)
    try:
        rows = [GOOD | {"Start": f"{10 + i % 8}:00", "Day": f"2023-04-2{1 + i // 8 % 2}"} for i in range(200)]
        plan_rows(service, *rows[:1])
        one = len(statements)
        plan_rows(service, *rows)
    finally:
        sa.event.remove(service.engine, "before_cursor_execute", count)

    assert len(statements) == 2 * one


def test_raw_rows_can_come_from_anywhere(service: BoardService) -> None:
    """The planner needs only RawRows: what the CLI or the staff panel may build another way."""
    file = ImportFile("typed.csv", (RawRow(7, {k.lower(): v for k, v in GOOD.items()}),))

    plan = plan_import(service.ctx, file)

    assert (plan.source, plan.rows[0].line, plan.rows[0].ok) == ("typed.csv", 7, True)
