"""The audit log's words: every changed value once per row, and a change repeated over many rows (clearing the
board tombstones every card) once, with how many."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.domain.audit import AuditEntry, counted


def entry(changed: dict[str, dict[str, list[object]]]) -> AuditEntry:
    return AuditEntry(
        1, datetime(2023, 4, 21, 9, tzinfo=UTC), "kiosk-a", "staff", "board.reset", "board", None, {"changed": changed}
    )


def test_one_line_per_value_with_bookkeeping_left_out() -> None:
    changed = {"sessions/1": {"topic": ["Before", "After"], "version": [1, 2], "hlc": ["a", "b"]}}
    assert entry(changed).changes() == ["topic: Before → After"]


def test_the_same_change_over_many_rows_is_one_line_with_a_count() -> None:
    changed = {f"sessions/{n}": {"deleted": [False, True]} for n in range(37)}
    changed["ideas/1"] = {"deleted": [False, True], "topic": ["A", "B"]}
    assert entry(changed).changes() == ["deleted: False → True (38 rows)", "topic: A → B"]


def test_values_are_shown_as_asked() -> None:
    changed = {"sessions/1": {"room_id": ["r1", "r2"]}}
    assert entry(changed).changes(lambda name, value: f"<{value}>") == ["room_id: <r1> → <r2>"]


def test_counted_keeps_first_seen_order() -> None:
    assert counted(["b", "a", "b", "c", "b"]) == [("b", 3), ("a", 1), ("c", 1)]
