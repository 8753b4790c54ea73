"""One write path: every change goes through `kiosk.store.writes`, and leaves exactly one audit row with its actor."""

from __future__ import annotations

import ast
import inspect
import json
import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from kiosk.domain.actors import Role
from kiosk.domain.clock import ManualClock
from kiosk.share.importfile import parse_import
from kiosk.store import outbox, recovery, tables
from kiosk.store.backups import inspect_backup
from kiosk.store.errors import SlotTaken, WrongEditCode
from kiosk.store.pin import set_pin
from kiosk.store.recovery import Damage, DamageKind, Recovery
from kiosk.store.service import BoardService
from kiosk.store.tables import AuditRow
from kiosk.sync.entries import Outcome, PushResult
from tests.factories import DAY_ONE, DAY_TWO, local
from tests.store.conftest import DraftMaker
from tests.store.hub_rows import displace, edit_conflict, hub_row, session_payload

PACKAGE = Path(__file__).resolve().parents[2] / "kiosk"
READS = {
    "change_stamp",
    "cards",
    "card",
    "blocks",
    "ideas",
    "damaged_rows",
    "cancelled_cards",
    "audit",
    "plan_import",
    "backups",
    "check",
    "conflicts",
    "pending_sync",
    "actor",
    "close",
    "open",
}
WRITES = [
    "add_card",
    "update_card",
    "cancel_card",
    "check_edit_code",
    "add_idea",
    "vote_idea",
    "seed_demo",
    "apply_config",
    "try_staff_pin",
    "staff_edit_card",
    "staff_move_card",
    "staff_cancel_card",
    "staff_restore_card",
    "block_room",
    "unblock_room",
    "hide_idea",
    "merge_ideas",
    "record_screen_reset",
    "record_staff_action",
    "backup",
    "import_sessions",
    "restore",
    "clear_board",
    "place_displaced",
    "cancel_displaced",
    "keep_board_version",
    "take_kiosk_version",
    "rebook_card",
]
# Every method is a read or a write.
COPIES: set[str] = set()


def audit_rows(service: BoardService) -> list[AuditRow]:
    with Session(service.engine, expire_on_commit=False) as s:
        return list(s.scalars(sa.select(AuditRow).order_by(AuditRow.id)))


def public_methods() -> set[str]:
    return {
        name
        for name, member in inspect.getmembers(BoardService)
        if not name.startswith("_") and callable(member) and not isinstance(member, property)
    }


def writes(service: BoardService, make_draft: DraftMaker) -> dict[str, tuple[Callable[[], object], Role]]:
    """Each public write method, called so that it changes something, and the actor it must record."""
    added = service.add_card(make_draft("a", 0, 15, topic="Kept for edits"))
    cancelled = service.add_card(make_draft("c", 0, 11, topic="Cancelled before"))
    service.cancel_card(cancelled.card.id, cancelled.edit_code)
    idea = service.add_idea("An idea to vote for")
    other_idea = service.add_idea("A duplicate idea")
    block = service.block_room("c", local(DAY_TWO, 10), local(DAY_TWO, 11), "Set-up")
    set_pin(service.data_dir, "246810")
    saved = service.backup()
    planned = parse_import(b"Day,Start,Room,Topic,Host\n2023-04-22,17:00,a,Imported,Ada\n", "plan.csv")
    # A minute later: the anti-spam limit counts cards per kiosk and minute.
    clock = service.clock
    assert isinstance(clock, ManualClock)
    clock.current += timedelta(minutes=1)
    lost = service.add_card(make_draft("b", 1, 10, topic="Lost its slot"))
    lost_again = service.add_card(make_draft("b", 1, 11, topic="Lost its slot too"))
    edited = service.add_card(make_draft("b", 1, 15, topic="Edited on two kiosks"))
    clock.current += timedelta(minutes=1)
    rebooked = service.add_card(make_draft("b", 1, 12, topic="Its host moves it"))
    displace(service, rebooked.card.id)
    slot_conflicts = [displace(service, lost.card.id), displace(service, lost_again.card.id)]
    edit_conflicts = [
        edit_conflict(service, edited.card.id, topic="Edited over there"),
        edit_conflict(service, edited.card.id, kiosk="kiosk-c", description="Also over there"),
    ]
    return {
        "place_displaced": (
            lambda: service.place_displaced(slot_conflicts[0], "b", local(DAY_TWO, 16)),
            Role.STAFF,
        ),
        "cancel_displaced": (lambda: service.cancel_displaced(slot_conflicts[1], "Host gone home"), Role.STAFF),
        "keep_board_version": (lambda: service.keep_board_version(edit_conflicts[0]), Role.STAFF),
        "take_kiosk_version": (lambda: service.take_kiosk_version(edit_conflicts[1]), Role.STAFF),
        "rebook_card": (
            lambda: service.rebook_card(rebooked.card.id, rebooked.edit_code, "b", local(DAY_TWO, 17)),
            Role.HOST,
        ),
        "try_staff_pin": (lambda: service.try_staff_pin("111111"), Role.ATTENDEE),
        "staff_edit_card": (
            lambda: service.staff_edit_card(added.card.id, make_draft("a", 0, 15, topic="Staff fixed a typo")),
            Role.STAFF,
        ),
        "staff_move_card": (lambda: service.staff_move_card(added.card.id, "a", local(DAY_ONE, 16)), Role.STAFF),
        "staff_cancel_card": (lambda: service.staff_cancel_card(added.card.id, "Double booking"), Role.STAFF),
        "staff_restore_card": (lambda: service.staff_restore_card(cancelled.card.id), Role.STAFF),
        "block_room": (lambda: service.block_room("a", local(DAY_TWO, 16), local(DAY_TWO, 18), "Panel"), Role.STAFF),
        "unblock_room": (lambda: service.unblock_room(block.id), Role.STAFF),
        "hide_idea": (lambda: service.hide_idea(idea.id), Role.STAFF),
        "merge_ideas": (lambda: service.merge_ideas(idea.id, other_idea.id), Role.STAFF),
        "record_screen_reset": (service.record_screen_reset, Role.STAFF),
        "record_staff_action": (
            lambda: service.record_staff_action("staff.export", "board", folder="/media/usb"),
            Role.STAFF,
        ),
        # A copy of the board, but staff made it: the log says so.
        "backup": (service.backup, Role.STAFF),
        "restore": (lambda: service.restore(saved), Role.STAFF),
        "clear_board": (service.clear_board, Role.STAFF),
        "import_sessions": (lambda: service.import_sessions(service.plan_import(planned)), Role.STAFF),
        "add_card": (lambda: service.add_card(make_draft("c", 0, 16)), Role.HOST),
        "update_card": (
            lambda: service.update_card(added.card.id, added.edit_code, make_draft("a", 0, 15, topic="Edited")),
            Role.HOST,
        ),
        "cancel_card": (lambda: service.cancel_card(added.card.id, added.edit_code), Role.HOST),
        "check_edit_code": (lambda: _wrong_code(service, added.card.id), Role.HOST),
        "add_idea": (lambda: service.add_idea("Another idea"), Role.ATTENDEE),
        "vote_idea": (lambda: service.vote_idea(idea.id), Role.ATTENDEE),
        "seed_demo": (lambda: _seed_on_empty(service), Role.SYSTEM),
        "apply_config": (lambda: _apply_changed_config(service), Role.SYSTEM),
    }


def _wrong_code(service: BoardService, card_id: object) -> None:
    # A right code changes nothing and records nothing; a wrong one is counted, and that is audited.
    with pytest.raises(WrongEditCode):
        service.check_edit_code(card_id, "not-it")  # type: ignore[arg-type]


def _seed_on_empty(service: BoardService) -> None:
    with service.engine.begin() as connection:
        connection.execute(sa.text("UPDATE ideas SET adopted_session_id = NULL"))
        connection.execute(sa.text("DELETE FROM sessions"))
    assert service.seed_demo() > 0


def _apply_changed_config(service: BoardService) -> None:
    from dataclasses import replace

    from kiosk.domain.model import Room

    event = replace(service.event, rooms=(*service.event.rooms, Room("d", "Room D")))
    assert BoardService(service.engine, event, service.clock, service.kiosk_id).apply_config()


def test_every_public_method_is_known_as_a_read_or_a_write(service: BoardService, make_draft: DraftMaker) -> None:
    assert public_methods() == READS | COPIES | set(writes(service, make_draft)), "classify the new method in this test"


@pytest.mark.parametrize("method", WRITES)
def test_each_write_leaves_exactly_one_audit_row_naming_its_actor(
    service: BoardService, make_draft: DraftMaker, clock: ManualClock, method: str
) -> None:
    call, role = writes(service, make_draft)[method]
    before = audit_rows(service)

    call()

    new = audit_rows(service)[len(before) :]
    assert len(new) == 1, [row.action for row in new]
    assert (new[0].kiosk_id, new[0].actor) == ("kiosk-a", role.value)
    assert new[0].at == clock.now()
    json.loads(new[0].detail)


# --- the writes that are not BoardService methods: sync rounds and the start-up recovery ------------------------


def other_writes(service: BoardService, make_draft: DraftMaker) -> dict[str, Callable[[], object]]:
    """The store's write functions that the sync round and the start-up call directly, each as the system."""
    added = service.add_card(make_draft("a", 0, 15, topic="Pushed to the hub"))
    (entry,) = [entry for entry in outbox.pending(service.ctx, 100) if entry.row_id == added.card.id]
    taken = hub_row("sessions", {**entry.payload, "displaced": True, "version": entry.version + 1, "kiosk_id": "hub"})
    other = service.add_card(make_draft("b", 0, 15, topic="Edited on the hub"))
    payload = session_payload(service, other.card.id)
    pulled = hub_row("sessions", {**payload, "topic": "Changed on the hub", "version": payload["version"] + 1})
    with Session(service.engine) as s:
        s.execute(sa.delete(tables.OutboxRow).where(tables.OutboxRow.row_id == other.card.id))
        s.commit()
    saved = service.backup()
    found = Recovery(Damage(DamageKind.CHECK, "page 7 is damaged"), service.data_dir / "damaged", inspect_backup(saved))
    system = service.actor(Role.SYSTEM)
    return {
        "join_hub": lambda: outbox.join_hub(service.ctx, "hub-1", system),
        "settle_push": lambda: outbox.settle_push(
            service.ctx, [PushResult(entry.entry_id, Outcome.DISPLACED, taken)], system
        ),
        "apply_pulled": lambda: outbox.apply_pulled(service.ctx, [pulled], pulled.seq, lambda _keys: [], system),
        "record_recovery": lambda: recovery.record(service.ctx, found, system),
    }


@pytest.mark.parametrize("name", ["join_hub", "settle_push", "apply_pulled", "record_recovery"])
def test_sync_and_recovery_writes_leave_exactly_one_audit_row_as_the_system(
    service: BoardService, make_draft: DraftMaker, clock: ManualClock, name: str
) -> None:
    call = other_writes(service, make_draft)[name]
    before = audit_rows(service)

    call()

    new = audit_rows(service)[len(before) :]
    assert len(new) == 1, [row.action for row in new]
    assert (new[0].kiosk_id, new[0].actor, new[0].at) == ("kiosk-a", "system", clock.now())


def test_an_update_records_old_and_new_values(service: BoardService, make_draft: DraftMaker) -> None:
    added = service.add_card(make_draft("a", 0, 15, topic="Before"))

    service.update_card(added.card.id, added.edit_code, make_draft("a", 0, 15, topic="After"))

    detail = json.loads(audit_rows(service)[-1].detail)
    assert detail["changed"][f"sessions/{added.card.id}"]["topic"] == ["Before", "After"]


def test_a_refused_change_leaves_no_trace(service: BoardService, make_draft: DraftMaker) -> None:
    service.add_card(make_draft("a", 0, 15))
    before = [row.id for row in audit_rows(service)]

    with pytest.raises(SlotTaken):
        service.add_card(make_draft("a", 0, 15, topic="Same slot"))

    assert [row.id for row in audit_rows(service)] == before


# --- nothing else constructs rows ---------------------------------------------------------------------------------

ROW_CLASSES = {name for name in vars(tables) if name.endswith("Row") and name != "SyncedRow"}
ALLOWED = {PACKAGE / "store" / "writes.py", PACKAGE / "store" / "tables.py"}


def row_constructions(path: Path) -> list[str]:
    """Where a module builds a table row or adds one to a session itself."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name in ROW_CLASSES or (name in {"add", "add_all", "merge"} and _is_session(func)):
            found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {name}")
    return found


def _is_session(func: ast.expr) -> bool:
    target = func.value if isinstance(func, ast.Attribute) else None
    text = ast.unparse(target) if target is not None else ""
    return text in {"s", "session", "self.session", "c.session"} or text.endswith(".session")


@pytest.mark.parametrize(
    "path", sorted(set(PACKAGE.rglob("*.py")) - ALLOWED), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_module_outside_the_write_path_constructs_a_row(path: Path) -> None:
    assert row_constructions(path) == []


# Statements that write whole tables: only the write path runs them on the board. Allowed elsewhere: the hub's own
# tables (kiosk/sync writes PostgreSQL, not the board), the migrations, the rolled-back probe that the file can be
# written (engine), and a restore copying this kiosk's own records into the staged file before it goes live.
STATEMENT_ALLOWED = ALLOWED | {PACKAGE / "store" / "engine.py", PACKAGE / "store" / "restore.py"}
_SQL_WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def statement_writes(path: Path) -> list[str]:
    """Where a module runs an INSERT, UPDATE or DELETE itself: built with SQLAlchemy, or written out as SQL."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr in {"insert", "update", "delete"}
            and isinstance(func.value, ast.Name)
            and func.value.id in {"sa", "sqlalchemy"}
        ):
            found.append((node.lineno, f"sa.{func.attr}"))
        first = node.args[0] if node.args else None
        if isinstance(first, ast.JoinedStr) and first.values:
            first = first.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str) and _SQL_WRITE.match(first.value):
            found.append((node.lineno, "SQL"))
    return [f"{path.relative_to(PACKAGE)}:{line} {what}" for line, what in sorted(found)]


def board_modules() -> list[Path]:
    outside = {PACKAGE / "sync"} | set(PACKAGE.rglob("migrations"))
    return sorted(
        path
        for path in set(PACKAGE.rglob("*.py")) - STATEMENT_ALLOWED
        if not any(path.is_relative_to(folder) for folder in outside)
    )


@pytest.mark.parametrize("path", board_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_outside_the_write_path_writes_a_table_by_statement(path: Path) -> None:
    assert statement_writes(path) == []


def test_the_statement_scan_catches_both_kinds(tmp_path: Path) -> None:
    sample = PACKAGE / "store" / "_scan_sample.py"
    try:
        sample.write_text(
            'def f(s, t):\n    s.execute(sa.delete(OutboxRow))\n    s.exec_driver_sql(f"update {t} set x = 1")\n'
            '    s.execute("SELECT 1")\n',
            encoding="utf-8",
        )
        assert statement_writes(sample) == ["store/_scan_sample.py:2 sa.delete", "store/_scan_sample.py:3 SQL"]
    finally:
        sample.unlink()


def test_the_scan_catches_a_row_built_elsewhere(tmp_path: Path) -> None:
    sample = PACKAGE / "store" / "_scan_sample.py"
    try:
        sample.write_text("def f(s):\n    s.add(SessionRow(id=1))\n", encoding="utf-8")
        assert row_constructions(sample) == ["store/_scan_sample.py:2 add", "store/_scan_sample.py:2 SessionRow"]
    finally:
        sample.unlink()


def synced_states(service: BoardService) -> dict[tuple[str, str], tuple[int, str]]:
    states = {}
    with Session(service.engine) as s:
        for row_type in tables.SYNCED_TABLES:
            for row_id, version, hlc in s.execute(sa.select(row_type.id, row_type.version, row_type.hlc)):
                states[(row_type.__tablename__, str(row_id))] = (version, hlc)
    return states


def outbox_entries(service: BoardService) -> list[tables.OutboxRow]:
    with Session(service.engine, expire_on_commit=False) as s:
        return list(s.scalars(sa.select(tables.OutboxRow).order_by(tables.OutboxRow.id)))


# A restore puts the backup's rows (and its outbox) back as they were: not a change of its own to send.
@pytest.mark.parametrize("method", [name for name in WRITES if name != "restore"])
def test_each_write_queues_one_outbox_entry_per_synced_row_it_changed(
    service: BoardService, make_draft: DraftMaker, method: str
) -> None:
    call, _role = writes(service, make_draft)[method]
    before_rows, before_entries = synced_states(service), len(outbox_entries(service))

    call()

    after_rows = synced_states(service)
    changed = {key for key, state in after_rows.items() if before_rows.get(key) != state}
    new = outbox_entries(service)[before_entries:]
    assert {(entry.table_name, str(entry.row_id)) for entry in new} == changed
    for entry in new:
        # The entry carries the row as it now is, and the state it was based on.
        assert (
            json.loads(entry.payload)["version"]
            == entry.version
            == after_rows[(entry.table_name, str(entry.row_id))][0]
        )
        base = before_rows.get((entry.table_name, str(entry.row_id)), (0, ""))
        assert (entry.base_version, entry.base_hlc) == base
