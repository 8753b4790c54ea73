"""The staff panel's view models, the wish list and the health notice on their own, without a window.

They are built as the application builds them (`build_view_models` on the demo board, under a rehearsal clock
over a manual real-time clock) but no QML engine is made: each test calls the slots QML would call and checks the
properties QML reads, the signals it listens to, and what is in the database afterwards. The window tests
(test_staff.py, test_wishlist.py, test_health.py) check what of it reaches the screen.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QObject, QThreadPool, SignalInstance
from PySide6.QtTest import QSignalSpy
from pytestqt.qtbot import QtBot

from kiosk.config import load_config
from kiosk.domain.clock import ManualClock, ShiftedClock
from kiosk.domain.model import Card, Event
from kiosk.paths import DEMO_CONFIG
from kiosk.store.autobackup import take_automatic_backup
from kiosk.store.cards import CardDraft
from kiosk.store.errors import DatabaseUnavailable
from kiosk.store.pin import set_pin
from kiosk.store.service import BoardService
from kiosk.store.tables import SessionRow
from kiosk.ui.datelabels import short_when
from kiosk.ui.formview import FormMode
from kiosk.ui.health import AutoBackup, KioskHealth
from kiosk.ui.places import import_files
from kiosk.ui.router import Overlay, Page
from kiosk.ui.rowsmodel import KioskRowsModel
from kiosk.ui.staff import StaffSection
from kiosk.ui.staff_blocks import InTheWayRow
from kiosk.ui.staff_cards import StaffCardRow
from kiosk.ui.staff_import import KioskStaffImport
from kiosk.ui.staff_tools import KioskStaffTools
from kiosk.ui.translation import InstalledLanguage, install_language
from kiosk.ui.viewmodels import ViewModels, build_view_models
from kiosk.ui.wishlist import IdeaRole, KioskIdeaModel, KioskWishList
from tests.damage import overwrite_pages
from tests.store.hub_rows import displace, edit_conflict

PIN = "24681357"
WRONG_PIN = "11111111"


@dataclass
class Staffed:
    """The demo board and every view model, as `build_kiosk` makes them, minus the engine and the window."""

    event: Event
    base: ManualClock  # real time, beneath the rehearsal clock
    clock: ShiftedClock  # what every view model reads
    service: BoardService
    vms: ViewModels
    language: InstalledLanguage
    closed: bool = field(default=False)

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.vms.feed.stop()
            self.vms.form.close()
            QThreadPool.globalInstance().waitForDone()
            self.service.close()
            self.language.uninstall()

    def audit(self) -> list[tuple[str, str, str | None, dict[str, Any]]]:
        """The audit log as stored, oldest first: (actor, action, entity id, detail)."""
        with self.service.engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT actor, action, entity_id, detail FROM audit_log ORDER BY id")
            ).all()
        return [(actor, action, entity_id, json.loads(detail)) for actor, action, entity_id, detail in rows]

    def actions(self, prefix: str = "") -> list[tuple[str, str]]:
        return [(actor, action) for actor, action, _, _ in self.audit() if action.startswith(prefix)]

    def card(self, topic: str) -> Card:
        return next(c for c in self.service.cards() if c.topic == topic)

    def topics(self) -> set[str]:
        return {c.topic for c in self.service.cards()}

    def at(self, day: int, hour: int, minute: int = 0) -> datetime:
        return self.event.at(self.event.days[day], time(hour, minute))

    def room_index(self, key: str) -> int:
        return [room.key for room in self.event.rooms].index(key)

    def slot_of(self, label: str) -> tuple[str, datetime]:
        """The slot a "Room 150D · Fri 21 Apr · 11:00" choice names."""
        for day in self.event.days:
            for start in self.event.slot_starts(day):
                for room in self.event.rooms:
                    if f"{room.name} · {short_when(self.event, start)}" == label:
                        return room.key, start
        raise AssertionError(f"no slot is called {label!r}")

    def unlock(self) -> None:
        """A staff member holds the event's name and types the PIN."""
        set_pin(self.service.data_dir, PIN)
        self.vms.staff.requestEntry()
        self.vms.staff.submitPin(PIN)
        assert self.vms.staff.property("unlocked") is True


Build = Callable[..., Staffed]


def listed(owner: QObject, name: str = "rows") -> KioskRowsModel:
    """The model behind one of a view model's list properties (QVariant cannot carry it to `property()`)."""
    found = getattr(owner, name)
    assert isinstance(found, KioskRowsModel), f"{name} is not a row list"
    return found


def ideas_of(wish: KioskWishList) -> KioskIdeaModel:
    found = wish.ideas
    assert isinstance(found, KioskIdeaModel)
    return found


def notify_of(owner: QObject, name: str) -> SignalInstance:
    """The signal QML listens to for a property (its NOTIFY), found as QML finds it, by the property's name."""
    meta = owner.metaObject()
    prop = meta.property(meta.indexOfProperty(name))
    assert prop.isValid() and prop.hasNotifySignal(), f"{name} is no property with a notify signal"
    signal: SignalInstance = getattr(owner, bytes(prop.notifySignal().name().data()).decode())
    return signal


@pytest.fixture
def build(qtbot: QtBot, tmp_path: Path) -> Iterator[Build]:
    """`build(day=0, hour=9)`: the demo event's board in this test's data folder, the real clock at that local time."""
    made: list[Staffed] = []

    def make(day: int = 0, hour: int = 9, *, seed: bool = True) -> Staffed:
        config = load_config(DEMO_CONFIG)
        event = config.event
        base = ManualClock(event.at(event.days[day], time(hour)))
        clock = ShiftedClock(base)
        service = BoardService.open(tmp_path / "data", event, clock, "kiosk-test")
        if seed:
            service.seed_demo()
        language = install_language(event.language)
        vms = build_view_models(service, config, clock, "")
        vms.feed.start()
        kit = Staffed(event, base, clock, service, vms, language)
        made.append(kit)
        return kit

    yield make
    for kit in made:
        kit.close()


# --- the way in: PIN pad, sections, locking ---------------------------------------------------------------------


def test_without_a_pin_holding_the_name_only_says_how_to_set_one(
    build: Build, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    monkeypatch.setattr("kiosk.ui.staff.NOTE_MS", 300)
    k = build()
    staff = k.vms.staff
    with qtbot.waitSignal(notify_of(staff, "entryHint"), timeout=1000):
        staff.requestEntry()
    assert staff.property("entryHint") == "No staff PIN is set on this kiosk. Set one from a terminal: kiosk set-pin"
    assert staff.property("isOpen") is False and staff.property("unlocked") is False
    assert k.vms.router.property("overlay") == Overlay.NoOverlay
    assert k.actions("staff.") == []  # nobody typed a PIN, so nothing is logged
    qtbot.waitUntil(lambda: staff.property("entryHint") == "", timeout=3000)  # the hint goes by itself


def test_wrong_pins_count_down_then_pause_the_pad_by_real_time(build: Build, qtbot: QtBot) -> None:
    k = build()
    staff = k.vms.staff
    set_pin(k.service.data_dir, PIN)
    staff.requestEntry()
    assert k.vms.router.property("overlay") == Overlay.Staff and staff.property("isOpen") is True
    assert staff.property("unlocked") is False and staff.property("pinMessage") == ""
    assert (staff.property("pinMin"), staff.property("pinMax")) == (6, 12)

    for left in (4, 3, 2):
        staff.submitPin(WRONG_PIN)
        assert staff.property("pinMessage") == f"That is not the staff PIN. {left} more tries."
    staff.submitPin(WRONG_PIN)
    assert staff.property("pinMessage") == "That is not the staff PIN. 1 more try."
    staff.submitPin(WRONG_PIN)
    assert staff.property("pinMessage") == "Too many wrong PINs. The pad is paused for 5 minutes."
    staff.submitPin(PIN)  # the right PIN is not even checked while paused
    assert staff.property("unlocked") is False and "paused" in staff.property("pinMessage")

    # A rehearsal clock set to the next day does not end the pause: it goes by real time.
    k.clock.shift_to(k.at(1, 9))
    staff.submitPin(PIN)
    assert staff.property("unlocked") is False
    k.base.advance(timedelta(minutes=4))
    staff.submitPin(PIN)
    assert staff.property("pinMessage") == "Too many wrong PINs. The pad is paused for 1 minute."
    k.base.advance(timedelta(minutes=1, seconds=1))
    with qtbot.waitSignal(notify_of(staff, "unlocked"), timeout=1000):
        staff.submitPin(PIN)
    assert staff.property("unlocked") is True and staff.property("pinMessage") == ""
    assert k.actions("staff.") == [
        *[("attendee", "staff.pin.wrong")] * 4,
        ("attendee", "staff.pin.locked"),
        *[("attendee", "staff.pin.paused")] * 3,
        ("attendee", "staff.open"),
    ]


def test_a_pin_file_gone_after_the_pad_opened_is_said_on_the_pad(build: Build) -> None:
    k = build()
    set_pin(k.service.data_dir, PIN)
    k.vms.staff.requestEntry()
    (k.service.data_dir / "staff-pin").unlink()
    k.vms.staff.submitPin(PIN)
    assert k.vms.staff.property("pinMessage").startswith("No staff PIN is set on this kiosk.")
    assert k.vms.staff.property("unlocked") is False


def test_the_right_pin_opens_on_cards_and_going_home_locks_the_panel(build: Build) -> None:
    k = build()
    staff, router = k.vms.staff, k.vms.router
    staff.showSection(StaffSection.Tools)  # where the last staff member left it
    opened, unlocked = QSignalSpy(notify_of(staff, "isOpen")), QSignalSpy(notify_of(staff, "unlocked"))
    k.unlock()
    assert opened.count() >= 1 and unlocked.count() == 1
    assert staff.property("section") == StaffSection.Cards and staff.is_unlocked
    assert k.actions()[-1] == ("attendee", "staff.open")

    router.goHome()  # what the kiosk's idle timer does
    assert staff.property("isOpen") is False and staff.property("unlocked") is False and not staff.is_unlocked
    staff.reopen()  # a staff edit closing late cannot bring the panel back without the PIN
    assert router.property("overlay") == Overlay.NoOverlay
    staff.requestEntry()  # the PIN again, every time
    assert staff.property("isOpen") is True and staff.property("unlocked") is False


def test_sections_switch_and_signal_only_when_they_change(build: Build) -> None:
    staff = build().vms.staff
    changed = QSignalSpy(notify_of(staff, "section"))
    staff.showSection(StaffSection.Blocks)
    staff.showSection(StaffSection.Blocks)
    assert staff.property("section") == StaffSection.Blocks and changed.count() == 1
    staff.showSection(StaffSection.Sync)
    assert staff.property("section") == StaffSection.Sync and changed.count() == 2


def test_the_panel_locks_itself_when_left_alone_and_touches_keep_it_open(
    build: Build, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    monkeypatch.setattr("kiosk.ui.staff.STAFF_IDLE_MS", 1500)
    k = build()
    k.unlock()
    home = QSignalSpy(k.vms.router.homeRequested)
    for _ in range(8):  # 2 s of touches, longer than the idle time
        qtbot.wait(250)
        k.vms.staff.activity()
    assert k.vms.staff.property("unlocked") is True and home.count() == 0
    qtbot.waitUntil(lambda: k.vms.staff.property("unlocked") is False, timeout=6000)
    assert k.vms.router.property("overlay") == Overlay.NoOverlay and home.count() == 1


def test_a_note_is_said_then_clears_itself(build: Build, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    monkeypatch.setattr("kiosk.ui.staff.NOTE_MS", 300)
    staff = build().vms.staff
    with qtbot.waitSignal(notify_of(staff, "note"), timeout=1000):
        staff.say("Saved.")
    assert staff.property("note") == "Saved."
    qtbot.waitUntil(lambda: staff.property("note") == "", timeout=3000)


def test_a_staff_edit_goes_through_the_form_and_back_to_the_unlocked_panel(build: Build) -> None:
    k = build()
    k.unlock()
    card = k.card("AcroYoga")
    k.vms.staff_cards.edit(str(card.id))
    form = k.vms.form
    assert form.property("isOpen") is True and form.property("mode") == FormMode.StaffEdit
    assert k.vms.router.property("overlay") == Overlay.CardForm
    assert k.vms.staff.property("isOpen") is False and k.vms.staff.property("unlocked") is True
    form.setField("topic", "AcroYoga for beginners")
    form.submit()
    assert k.service.card(card.id).topic == "AcroYoga for beginners"
    assert k.actions()[-1] == ("staff", "staff.card.edit")
    form.close()
    assert k.vms.router.property("overlay") == Overlay.Staff and k.vms.staff.property("isOpen") is True

    # Going home from a staff edit leaves the panel closed and locked.
    k.vms.staff_cards.edit(str(card.id))
    k.vms.router.goHome()
    assert k.vms.router.property("overlay") == Overlay.NoOverlay and k.vms.staff.property("unlocked") is False


def test_staff_lists_follow_the_board_while_the_panel_is_open_and_catch_up_when_it_opens(build: Build) -> None:
    k = build()
    cards, ideas = k.vms.staff_cards, k.vms.staff_ideas
    acro = k.card("AcroYoga")
    k.service.staff_cancel_card(acro.id, "Cancelled from a terminal")
    k.vms.feed.poke()
    # Closed: the list is not reread after every change on the board.
    assert not any(row.cancelled for row in listed(cards).rows)
    k.unlock()
    assert [row.card_id for row in listed(cards).rows if row.cancelled] == [str(acro.id)]
    # Open: a change shows at the feed's next look.
    idea = k.service.add_idea("Type checking in CI")
    k.vms.feed.poke()
    assert str(idea.id) in [row.idea_id for row in listed(ideas).rows]


# --- cards ----------------------------------------------------------------------------------------------------------


def test_the_cards_section_lists_the_days_cards_in_time_order(build: Build) -> None:
    k = build()
    cards = k.vms.staff_cards
    assert cards.property("dayIndex") == 0 and len(cards.property("days")) == 3
    friday = k.service.cards(k.event.days[0])
    rows = listed(cards).rows
    assert [row.card_id for row in rows] == [str(c.id) for c in friday]
    assert [row.time for row in rows] == sorted(row.time for row in rows)
    acro = k.card("AcroYoga")
    assert StaffCardRow(str(acro.id), "AcroYoga", acro.host_name, "Room 150F", "11:00", False) in rows
    # QML reads the rows by camelCase role names.
    roles = {bytes(name.data()).decode(): role for role, name in listed(cards).roleNames().items()}
    assert set(roles) == {"cardId", "topic", "host", "room", "time", "cancelled"}
    first = listed(cards).index(0)
    assert listed(cards).data(first, roles["cardId"]) == rows[0].card_id
    assert listed(cards).data(first, roles["cancelled"]) is False


def test_the_cards_section_opens_on_the_nearest_day_and_switches_days(build: Build) -> None:
    k = build(day=1)
    cards = k.vms.staff_cards
    assert cards.property("dayIndex") == 1
    changed = QSignalSpy(notify_of(cards, "dayIndex"))
    cards.selectDay(2)
    assert cards.property("dayIndex") == 2 and changed.count() == 1
    assert {row.topic for row in listed(cards).rows} == {c.topic for c in k.service.cards(k.event.days[2])}
    for index in (2, 3, -1):  # the same day, or no day at all: nothing moves
        cards.selectDay(index)
    assert cards.property("dayIndex") == 2 and changed.count() == 1


def test_cancelling_needs_a_reason_and_restoring_puts_the_card_back(build: Build) -> None:
    k = build()
    cards = k.vms.staff_cards
    acro = k.card("AcroYoga")
    assert cards.cancel(str(acro.id), "   ") is False
    assert cards.property("notice") == "Give a reason." and "AcroYoga" in k.topics()

    notices = QSignalSpy(notify_of(cards, "notice"))
    assert cards.cancel(str(acro.id), "Host is ill") is True
    assert notices.count() == 1
    assert cards.property("notice") == "Cancelled. It stays in the list below, and can be restored."
    assert "AcroYoga" not in k.topics() and [c.id for c in k.service.cancelled_cards()] == [acro.id]
    actor, action, entity_id, detail = k.audit()[-1]
    assert (actor, action, entity_id, detail["reason"]) == ("staff", "staff.card.cancel", str(acro.id), "Host is ill")
    assert listed(cards).rows[-1] == StaffCardRow(str(acro.id), "AcroYoga", acro.host_name, "Room 150F", "11:00", True)
    assert [row.cancelled for row in listed(cards).rows].count(True) == 1

    cards.restore(str(acro.id))
    assert cards.property("notice") == "“AcroYoga” is back on the board."
    back = k.service.card(acro.id)
    assert (back.room_key, back.starts_at) == (acro.room_key, acro.starts_at)
    assert not any(row.cancelled for row in listed(cards).rows)
    assert k.actions()[-1] == ("staff", "staff.card.restore")


def test_a_cancelled_card_whose_slot_was_taken_meanwhile_stays_cancelled(build: Build) -> None:
    k = build()
    cards = k.vms.staff_cards
    acro = k.card("AcroYoga")
    assert cards.cancel(str(acro.id), "Host is ill")
    k.service.add_card(CardDraft(acro.room_key, acro.starts_at, "Juggling clinic", "Bo"))
    cards.restore(str(acro.id))
    assert cards.property("notice").startswith("Another session has its slot now")
    assert [c.id for c in k.service.cancelled_cards()] == [acro.id]
    assert k.actions()[-1] == ("host", "card.add")


def test_moving_offers_the_nearest_free_slots_and_moves_the_card(build: Build, qtbot: QtBot) -> None:
    k = build()
    cards = k.vms.staff_cards
    acro = k.card("AcroYoga")
    with qtbot.waitSignal(notify_of(cards, "selectedId"), timeout=1000):
        cards.select(str(acro.id))
    assert cards.property("selectedId") == str(acro.id)
    assert cards.property("selectedTitle") == "“AcroYoga” · Room 150F · Fri 21 Apr · 11:00"
    choices = cards.property("moveChoices")
    assert len(choices) == 8
    taken = {(c.room_key, c.starts_at) for c in k.service.cards()}
    for room, start in map(k.slot_of, choices):
        assert (room, start) not in taken
        assert not any(b.covers(room, start, start + k.event.slot_length) for b in k.service.blocks())
        assert abs(start - acro.starts_at) <= timedelta(hours=1)  # nearest: the same hour, or next to it
    assert "Room 150F · Fri 21 Apr · 10:00" in choices and "Room 150F · Fri 21 Apr · 12:00" in choices

    target = k.slot_of(choices[0])
    cards.moveTo(0)
    moved = k.service.card(acro.id)
    assert (moved.room_key, moved.starts_at) == target
    room_name = k.event.room(target[0]).name
    assert cards.property("notice") == f"Moved “AcroYoga” to {room_name}, {short_when(k.event, target[1])}."
    assert k.actions()[-1] == ("staff", "staff.card.move")
    # Still selected, with choices from where it is now: its old slot is free again.
    assert cards.property("selectedTitle").startswith(f"“AcroYoga” · {room_name}")
    assert "Room 150F · Fri 21 Apr · 11:00" in cards.property("moveChoices")
    assert choices[0] not in cards.property("moveChoices")

    cards.moveTo(99)  # not one of the choices: nothing happens
    assert (k.service.card(acro.id).room_key, k.service.card(acro.id).starts_at) == target


def test_a_move_to_a_slot_taken_meanwhile_is_refused_and_the_card_stays(build: Build) -> None:
    k = build()
    cards = k.vms.staff_cards
    acro = k.card("AcroYoga")
    cards.select(str(acro.id))
    room, start = k.slot_of(cards.property("moveChoices")[0])
    k.service.add_card(CardDraft(room, start, "Got there first", "Di"))
    cards.moveTo(0)
    assert cards.property("notice") == "Someone else has just taken this slot. Please pick another one."
    assert (k.service.card(acro.id).room_key, k.service.card(acro.id).starts_at) == (acro.room_key, acro.starts_at)


def test_selecting_a_card_that_is_gone_offers_nothing(build: Build) -> None:
    cards = build().vms.staff_cards
    cards.select(str(uuid.uuid4()))
    assert cards.property("selectedId") == "" and cards.property("selectedTitle") == ""
    assert cards.property("moveChoices") == []


def test_history_shows_the_cards_audit_entries_in_the_audit_section(build: Build) -> None:
    k = build()
    k.unlock()
    acro = k.card("AcroYoga")
    assert k.vms.staff_cards.cancel(str(acro.id), "Host is ill")
    history = QSignalSpy(k.vms.staff_cards.historyRequested)
    k.vms.staff_cards.history(str(acro.id))
    assert history.count() == 1
    assert k.vms.staff.property("section") == StaffSection.Audit
    assert k.vms.staff_audit.property("filterLabel") == "AcroYoga"
    assert [row.what for row in listed(k.vms.staff_audit).rows] == ["cancelled a card: AcroYoga (Host is ill)"]


# --- blocks ---------------------------------------------------------------------------------------------------------


def test_a_block_with_sessions_in_the_way_saves_nothing_until_they_are_moved(build: Build, qtbot: QtBot) -> None:
    k = build()
    blocks = k.vms.staff_blocks
    assert blocks.property("roomNames") == [room.name for room in k.event.rooms]
    assert blocks.property("dayNames") == ["Fri 21 Apr", "Sat 22 Apr", "Sun 23 Apr"]
    assert blocks.property("times") == [f"{hour}:00" for hour in range(10, 19)]
    room = k.room_index("150f")
    with qtbot.waitSignal(notify_of(blocks, "roomIndex"), timeout=1000):
        blocks.setDraft(room, 0, 0, 3)  # 10:00-13:00; AcroYoga sits at 11:00
    assert [blocks.property(name) for name in ("roomIndex", "dayIndex", "startIndex", "endIndex")] == [room, 0, 0, 3]

    before = k.service.blocks()
    assert blocks.save("Keynote overflow") is False
    acro = k.card("AcroYoga")
    assert blocks.property("inTheWayCount") == 1
    in_the_way = InTheWayRow(str(acro.id), "AcroYoga", acro.host_name, "Fri 21 Apr · 11:00")
    assert listed(blocks, "inTheWay").rows == (in_the_way,)
    assert blocks.property("notice") == "1 session sits in that time: move or cancel it first."
    assert k.service.blocks() == before and k.actions("staff.block") == []

    blocks.moveAway(str(acro.id))
    moved = k.service.card(acro.id)
    assert moved.room_key != "150f" or not k.at(0, 10) <= moved.starts_at < k.at(0, 13)
    assert blocks.property("notice").startswith("Moved “AcroYoga” to ")
    assert blocks.property("inTheWayCount") == 0

    assert blocks.save("Keynote overflow") is True
    assert blocks.property("notice") == "Blocked Room 150F, Fri 21 Apr 10:00–13:00."
    (made,) = [b for b in k.service.blocks() if b.reason == "Keynote overflow"]
    assert (made.room_key, made.starts_at, made.ends_at) == ("150f", k.at(0, 10), k.at(0, 13))
    assert k.actions()[-1] == ("staff", "staff.block")
    (row,) = [row for row in listed(blocks).rows if row.reason == "Keynote overflow"]
    assert (row.block_id, row.room, row.from_config) == (str(made.id), "Room 150F", False)


def test_the_sessions_in_the_way_notice_is_in_the_kiosks_language(build: Build) -> None:
    k = build()
    german = install_language("de")
    try:
        blocks = k.vms.staff_blocks
        blocks.setDraft(k.room_index("150f"), 0, 0, 3)
        assert not blocks.save("Keynote")
        assert blocks.property("notice") == "In dieser Zeit liegt 1 Session: Verschiebe sie zuerst oder sag sie ab."
    finally:
        german.uninstall()


def test_a_session_in_the_way_can_be_cancelled_with_a_reason_instead(build: Build) -> None:
    k = build()
    blocks = k.vms.staff_blocks
    acro = k.card("AcroYoga")
    blocks.setDraft(k.room_index("150f"), 0, 0, 3)
    assert not blocks.save("Keynote overflow")
    blocks.cancelInTheWay(str(acro.id), "")
    assert blocks.property("notice") == "Give a reason." and blocks.property("inTheWayCount") == 1
    blocks.cancelInTheWay(str(acro.id), "The room is blocked")
    assert blocks.property("notice") == "Cancelled; staff can restore it from Cards."
    assert blocks.property("inTheWayCount") == 0 and "AcroYoga" not in k.topics()
    assert blocks.save("Keynote overflow")
    # The same range again overlaps the block just made.
    assert not blocks.save("Keynote overflow again")
    assert blocks.property("notice") == "That overlaps a block already there (Keynote overflow)."


def test_staff_blocks_can_be_removed_and_config_blocks_cannot(build: Build) -> None:
    k = build()
    blocks = k.vms.staff_blocks
    blocks.setDraft(k.room_index("151d"), 0, 7, 8)  # 17:00-18:00, a free room
    assert blocks.save("Cleaning")
    rows = listed(blocks).rows
    config_row = next(row for row in rows if row.reason == "Sponsor workshop")
    staff_row = next(row for row in rows if row.reason == "Cleaning")
    assert [row.from_config for row in rows].count(True) == 5 and staff_row.from_config is False

    blocks.unblock(config_row.block_id)
    assert blocks.property("notice") == "This block comes from the event's config file: change the file to remove it."
    assert "Sponsor workshop" in {b.reason for b in k.service.blocks()}

    blocks.unblock(staff_row.block_id)
    assert blocks.property("notice") == "The room is open for Open Spaces again."
    assert "Cleaning" not in {b.reason for b in k.service.blocks()}
    assert "Cleaning" not in {row.reason for row in listed(blocks).rows}
    assert k.actions()[-1] == ("staff", "staff.unblock")


def test_the_block_draft_stays_within_the_board(build: Build) -> None:
    k = build()
    blocks = k.vms.staff_blocks
    names = ("roomIndex", "dayIndex", "startIndex", "endIndex")
    blocks.setDraft(99, 99, 50, 2)
    assert [blocks.property(name) for name in names] == [len(k.event.rooms) - 1, 2, 7, 8]
    blocks.setDraft(0, 0, 5, 2)  # an end before the start: one slot long
    assert [blocks.property(name) for name in names] == [0, 0, 5, 6]
    blocks.setDraft(-3, -1, -2, -5)
    assert [blocks.property(name) for name in names] == [0, 0, 0, 1]


# --- ideas ----------------------------------------------------------------------------------------------------------


def test_hiding_an_idea_takes_it_off_the_wish_list(build: Build) -> None:
    k = build()
    ideas = k.vms.staff_ideas
    assert [(row.topic, row.votes) for row in listed(ideas).rows] == [(i.topic, i.votes) for i in k.service.ideas()]
    target = listed(ideas).rows[-1]
    ideas.hide(target.idea_id)
    assert ideas.property("notice") == "Hidden from the wish list."
    assert target.topic not in {i.topic for i in k.service.ideas()}
    assert target.idea_id not in {row.idea_id for row in listed(ideas).rows}
    assert k.actions()[-1] == ("staff", "staff.idea.hide")
    ideas.hide(target.idea_id)
    assert ideas.property("notice") == "This idea is no longer on the wish list."


def test_merging_folds_a_duplicate_in_and_adds_its_votes(build: Build, qtbot: QtBot) -> None:
    k = build()
    ideas = k.vms.staff_ideas
    by_topic = {i.topic: i for i in k.service.ideas()}
    keep, duplicate = by_topic["Python on microcontrollers for total beginners"], by_topic["Rust extensions for Python"]
    ideas.mergeInto(str(keep.id))  # nothing picked to merge: nothing happens
    assert k.service.ideas() == tuple(by_topic.values())

    with qtbot.waitSignal(notify_of(ideas, "mergingId"), timeout=1000):
        ideas.startMerge(str(duplicate.id))
    assert (ideas.property("mergingId"), ideas.property("mergingTopic")) == (str(duplicate.id), duplicate.topic)
    ideas.mergeInto(str(duplicate.id))
    assert ideas.property("notice") == "Pick two different ideas to merge."
    assert ideas.property("mergingId") == str(duplicate.id)

    ideas.mergeInto(str(keep.id))
    total = keep.votes + duplicate.votes
    assert ideas.property("notice") == f"“{duplicate.topic}” is folded into “{keep.topic}”: {total} +1s now."
    assert ideas.property("mergingId") == "" and ideas.property("mergingTopic") == ""
    after = {i.topic: i for i in k.service.ideas()}
    assert duplicate.topic not in after and after[keep.topic].votes == total
    assert next(row.votes for row in listed(ideas).rows if row.idea_id == str(keep.id)) == total
    assert k.actions()[-1] == ("staff", "staff.idea.merge")


# --- import ---------------------------------------------------------------------------------------------------------

HEADER = "Day,Start,Room,Topic,Host\n"


def importer_for(k: Staffed) -> KioskStaffImport:
    """The Import section as the application makes it, looking only in the data folder's imports/ (no USB sticks)."""
    return KioskStaffImport(k.service, k.vms.feed, files=lambda data_dir: import_files(data_dir, roots=()))


def write_imports(k: Staffed, **files: str) -> Path:
    folder = k.service.data_dir / "imports"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_an_import_file_with_problems_is_previewed_row_by_row_and_nothing_is_imported(
    build: Build, qtbot: QtBot
) -> None:
    k = build()
    folder = write_imports(
        k, **{"a-bad.csv": HEADER + "2023-04-22,17:00,Room 999,Lost room,Ada\n2023-04-22,17:00,150d,Fine,Bo\n"}
    )
    importer = importer_for(k)
    with qtbot.waitSignal(notify_of(importer, "files"), timeout=1000):
        importer.findFiles()
    assert importer.property("files") == [str(folder / "a-bad.csv")]
    with qtbot.waitSignal(notify_of(importer, "canImport"), timeout=1000):
        importer.previewFile(0)
    assert importer.property("canImport") is False
    assert importer.property("summary") == "2 rows: 1 ready, 1 with problems"
    bad, good = listed(importer, "preview").rows
    assert (bad.line, bad.ok, good.line, good.ok, good.problems) == (2, False, 3, True, "")
    assert "Room 999" in bad.problems and bad.summary == "2023-04-22 · 17:00 · Room 999 · Lost room · Ada"

    importer.importNow()  # asked anyway: refused as a whole, with the row that is wrong
    notice = importer.property("notice")
    assert notice.startswith("Nothing was imported: fix the file and import it again. 1 of 2 rows cannot go on")
    assert "Row 2: " in notice and "Room 999" in notice
    assert "Fine" not in k.topics() and k.actions("staff.import") == []


def test_a_good_file_is_imported_whole(build: Build) -> None:
    k = build()
    write_imports(k, **{"b-good.csv": HEADER + "2023-04-23,17:00,150d,Planned by mail,Cy\n"})
    importer = importer_for(k)
    importer.findFiles()
    importer.previewFile(0)
    assert importer.property("canImport") is True and importer.property("summary") == "1 row: 1 ready"
    changed = QSignalSpy(k.vms.feed.boardChanged)
    importer.importNow()
    assert importer.property("notice") == "Imported 1 session."
    assert importer.property("canImport") is False and listed(importer, "preview").rowCount() == 0
    card = k.card("Planned by mail")
    assert (card.room_key, card.starts_at, card.host_name) == ("150d", k.at(2, 17), "Cy")
    assert k.actions()[-1] == ("staff", "staff.import") and changed.count() == 1


def test_an_import_refuses_what_the_board_took_since_the_preview(build: Build) -> None:
    k = build()
    write_imports(k, **{"b-good.csv": HEADER + "2023-04-23,17:00,150d,Planned by mail,Cy\n"})
    importer = importer_for(k)
    importer.findFiles()
    importer.previewFile(0)
    assert importer.property("canImport") is True
    k.service.add_card(CardDraft("150d", k.at(2, 17), "Got there first", "Di"))  # another kiosk, a host
    importer.importNow()
    notice = importer.property("notice")
    assert notice.startswith("The board changed since the preview; nothing was imported. 1 of 1 row cannot go on")
    assert "Row 2: " in notice
    assert "Planned by mail" not in k.topics() and k.actions("staff.import") == []
    # The preview now shows the file as it checks against the board today: the row is named, Import waits.
    assert importer.property("canImport") is False
    assert "Got there first" in importer.preview.rows[0].problems


def test_a_file_that_is_no_import_says_why_and_previews_nothing(build: Build) -> None:
    k = build()
    write_imports(k, **{"c-notes.csv": "just some notes\nnothing to import\n"})
    importer = importer_for(k)
    importer.findFiles()
    importer.previewFile(0)
    assert importer.property("notice").startswith("The first row must name the columns")
    assert importer.property("canImport") is False and listed(importer, "preview").rowCount() == 0
    importer.previewFile(5)  # no such file: nothing changes
    assert importer.property("notice").startswith("The first row must name the columns")


# --- tools ----------------------------------------------------------------------------------------------------------


def tools_for(k: Staffed, places: list[Path]) -> KioskStaffTools:
    """The Tools section as the application makes it, with `places` as the mounted drives it finds."""
    return KioskStaffTools(k.service, k.vms.feed, k.vms.router, k.vms.kiosk_clock, places=lambda _data: list(places))


def test_check_says_ok_on_a_sound_board_and_names_what_is_wrong(build: Build) -> None:
    k = build()
    tools = k.vms.staff_tools
    checked = QSignalSpy(notify_of(tools, "checkLines"))
    tools.check()
    assert checked.count() == 1 and tools.property("checkOk") is True
    assert tools.property("checkLines") == ["OK: 32 sessions, 5 blocks, 5 ideas; integrity_check ok"]
    acro = k.card("AcroYoga")
    with k.service.engine.begin() as connection:  # a hand edit puts a card off the grid
        connection.execute(
            sa.update(SessionRow)
            .where(SessionRow.id == acro.id)
            .values(starts_at=acro.starts_at + timedelta(minutes=30))
        )
    tools.check()
    assert tools.property("checkOk") is False
    assert any("'AcroYoga'" in line and "slot times" in line for line in tools.property("checkLines"))


def test_the_rehearsal_clock_moves_the_kiosks_time_but_not_the_logs(build: Build, qtbot: QtBot) -> None:
    k = build()
    tools, clock = k.vms.staff_tools, k.vms.kiosk_clock
    times = tools.property("rehearsalTimes")
    assert (times[0], times[-1], len(times)) == ("09:30", "18:00", 18)
    with qtbot.waitSignal(clock.jumped, timeout=1000):
        tools.rehearse(2, "10:30")
    assert k.clock.now() == k.at(2, 10, 30)
    assert clock.property("rehearsing") is True and clock.property("note") == "rehearsal clock"
    assert clock.property("rehearsalLabel") == "Sun 23 Apr · 10:30"
    assert tools.property("notice") == "The kiosk runs on a rehearsal clock from Sun 23 Apr 10:30."
    last = k.service.audit(limit=1)[0]
    assert (last.actor, last.action) == ("staff", "staff.clock.rehearse")
    assert last.detail["to"] == k.at(2, 10, 30).isoformat()
    assert last.at == k.base.now()  # stamped with the real time

    logged = len(k.audit())
    tools.rehearse(3, "10:00")  # no such day
    assert k.clock.now() == k.at(2, 10, 30) and len(k.audit()) == logged

    tools.realTime()
    assert k.clock.now() == k.base.now() and clock.property("rehearsing") is False
    assert tools.property("notice") == "The kiosk runs on real time again."
    assert k.actions()[-1] == ("staff", "staff.clock.real")


def test_export_writes_every_format_to_the_chosen_place_named_by_real_time(build: Build, tmp_path: Path) -> None:
    k = build()
    usb, blocked = tmp_path / "usb", tmp_path / "not-a-folder"
    blocked.write_text("a file where a folder should be", encoding="utf-8")
    places = [usb, k.service.data_dir / "exports"]
    tools = tools_for(k, places)
    found = QSignalSpy(notify_of(tools, "exportPlaces"))
    tools.findPlaces()
    assert tools.property("exportPlaces") == [str(p) for p in places] and found.count() == 1

    tools.rehearse(2, "15:00")  # the rehearsal clock does not date the folder
    tools.exportTo(0)
    folder = usb / "pycon-us-2023-20230421-0900"
    assert {p.name for p in folder.iterdir()} == {
        "board.ics",
        "board.csv",
        "board.xlsx",
        "schedule.xml",
        "schedule.json",
        "site",
    }
    assert "AcroYoga" in (folder / "board.csv").read_text(encoding="utf-8")
    assert tools.property("notice") == f"Exported 32 sessions in every format to {folder}."
    _, action, _, detail = k.audit()[-1]
    assert (action, detail) == ("staff.export", {"folder": str(folder), "sessions": 32})

    tools.exportTo(7)  # no such place
    places[0] = blocked
    tools.findPlaces()
    logged = len(k.audit())
    tools.exportTo(0)
    assert tools.property("notice").startswith("The export did not finish: ")
    assert len(k.audit()) == logged


def test_clearing_the_board_needs_the_word_and_keeps_a_backup(build: Build) -> None:
    k = build()
    tools = k.vms.staff_tools
    k.service.block_room("151d", k.at(0, 17), k.at(0, 18), "Cleaning")
    assert tools.clearBoard("reset") is False
    assert tools.property("notice") == "Type RESET to clear the board."
    assert len(k.service.cards()) == 32

    changed = QSignalSpy(k.vms.feed.boardChanged)
    assert tools.clearBoard(" RESET ") is True
    assert k.service.cards() == () and k.service.ideas() == ()
    assert {b.reason for b in k.service.blocks()} == {b.reason for b in k.event.blocks}  # the config's stay
    (backup,) = k.service.backups()
    assert backup.sessions == 32
    assert tools.property("notice") == f"The board is clear. A backup of what was there is in {backup.path}."
    assert changed.count() == 1 and k.actions()[-1] == ("staff", "board.reset")


def test_back_to_today_sends_every_screen_home_and_locks_the_panel(build: Build) -> None:
    k = build()
    k.unlock()
    home = QSignalSpy(k.vms.router.homeRequested)
    k.vms.staff_tools.backToToday()
    assert home.count() == 1 and k.vms.router.property("page") == Page.Board
    assert k.vms.router.property("overlay") == Overlay.NoOverlay and k.vms.staff.property("unlocked") is False
    assert ("staff", "screen.reset") in k.actions()


def test_back_to_today_still_goes_home_when_the_log_is_busy(build: Build, monkeypatch: pytest.MonkeyPatch) -> None:
    k = build()
    k.unlock()

    def busy(*_args: object, **_detail: object) -> None:
        raise DatabaseUnavailable(k.service.db_path, "database is locked")

    monkeypatch.setattr(k.service, "record_staff_action", busy)
    k.vms.staff_tools.backToToday()
    assert k.vms.router.property("overlay") == Overlay.NoOverlay and k.vms.staff.property("unlocked") is False


def test_leaving_the_application_is_logged_even_when_the_log_is_busy(
    build: Build, monkeypatch: pytest.MonkeyPatch
) -> None:
    quits: list[bool] = []
    monkeypatch.setattr("kiosk.ui.staff_tools.QCoreApplication.quit", lambda: quits.append(True))
    k = build()
    k.vms.staff_tools.quit()
    assert quits == [True] and k.actions()[-1] == ("staff", "staff.exit")

    def busy(*_args: object, **_detail: object) -> None:
        raise DatabaseUnavailable(k.service.db_path, "database is locked")

    monkeypatch.setattr(k.service, "record_staff_action", busy)
    k.vms.staff_tools.quit()
    assert quits == [True, True]


# --- audit ----------------------------------------------------------------------------------------------------------


def test_the_audit_log_reads_newest_first_and_can_follow_one_card(build: Build, qtbot: QtBot) -> None:
    k = build()
    k.unlock()
    audit, cards = k.vms.staff_audit, k.vms.staff_cards
    acro = k.card("AcroYoga")
    cards.select(str(acro.id))
    cards.moveTo(cards.property("moveChoices").index("Room 150F · Fri 21 Apr · 10:00"))
    assert cards.cancel(str(acro.id), "Host is ill")
    cards.restore(str(acro.id))
    k.service.vote_idea(k.service.ideas()[0].id)
    k.vms.feed.poke()  # the panel is open: the log is reread

    rows = listed(audit).rows
    assert len(rows) == len(k.audit())
    assert [row.what for row in rows[:4]] == [
        "voted for an idea",
        "restored a card: AcroYoga",
        "cancelled a card: AcroYoga (Host is ill)",
        "moved a card: AcroYoga",
    ]
    assert rows[1].who == "staff on kiosk-test" and rows[0].who == "attendee on kiosk-test"
    assert rows[3].changes.splitlines() == [
        "Time: Fri 21 Apr · 11:00 → Fri 21 Apr · 10:00",
        "End: Fri 21 Apr · 12:00 → Fri 21 Apr · 11:00",
    ]
    assert rows[1].when == "Fri 21 Apr · 09:00"  # the real time it was done
    assert rows[-1].what == "applied the config"

    with qtbot.waitSignal(notify_of(audit, "filterLabel"), timeout=1000):
        audit.showCard(str(acro.id))
    assert audit.property("filterLabel") == "AcroYoga"
    assert [row.what for row in listed(audit).rows] == [
        "restored a card: AcroYoga",
        "cancelled a card: AcroYoga (Host is ill)",
        "moved a card: AcroYoga",
    ]
    audit.showAll()
    assert audit.property("filterLabel") == "" and listed(audit).rowCount() == len(rows)
    stranger = str(uuid.uuid4())
    audit.showCard(stranger)
    assert audit.property("filterLabel") == stranger[:8] and listed(audit).rowCount() == 0


# --- backups --------------------------------------------------------------------------------------------------------


def test_backing_up_lists_the_backup_and_restoring_brings_the_earlier_board_back(build: Build) -> None:
    k = build()
    backups = k.vms.staff_backups
    backups.refresh()
    assert listed(backups).rowCount() == 0
    backups.backUpNow()
    (row,) = listed(backups).rows
    made = Path(row.path)
    assert made.is_file() and row.usable and row.sessions == "32 sessions" and row.made
    assert row.size == f"{made.stat().st_size / 1024:.0f} KiB"
    assert backups.property("notice") == f"Backed up to {made.name}."
    assert k.actions()[-1] == ("staff", "staff.backup")

    before = {(c.topic, c.room_key, c.starts_at) for c in k.service.cards()}
    k.service.staff_cancel_card(k.card("AcroYoga").id, "Changed after the backup")
    changed = QSignalSpy(k.vms.feed.boardChanged)
    backups.restore(row.path)
    assert {(c.topic, c.room_key, c.starts_at) for c in k.service.cards()} == before
    assert changed.count() == 1 and k.actions()[-1] == ("staff", "board.restore")
    notice = backups.property("notice")
    prefix = f"Restored 32 sessions from {made.name}; the board as it was before is kept in "
    assert notice.startswith(prefix)
    safety = notice.removeprefix(prefix).removesuffix(".")
    (kept,) = [r for r in listed(backups).rows if Path(r.path).name == safety]
    assert kept.sessions == "31 sessions" and listed(backups).rowCount() == 2

    backups.restore(str(k.service.data_dir / "backups" / "no-such-backup.sqlite3"))
    assert backups.property("notice").startswith("Nothing was restored: ")
    assert {(c.topic, c.room_key, c.starts_at) for c in k.service.cards()} == before


def test_a_file_in_the_backups_folder_that_is_no_board_is_listed_as_unusable(build: Build) -> None:
    k = build()
    folder = k.service.data_dir / "backups"
    folder.mkdir()
    (folder / "board-20230421T150000Z.sqlite3").write_bytes(b"not a board at all" * 100)
    backups = k.vms.staff_backups
    backups.refresh()
    (row,) = listed(backups).rows
    assert (row.usable, row.sessions, row.made) == (False, "is not a SQLite database", "Fri 21 Apr · 09:00")


# --- sync conflicts -------------------------------------------------------------------------------------------------


def test_a_displaced_card_goes_back_on_the_board_with_one_tap(build: Build) -> None:
    k = build()
    sync = k.vms.staff_sync
    acro = k.card("AcroYoga")
    displace(k.service, acro.id)
    sync.refresh()
    (line,) = listed(sync, "conflicts").rows
    assert line.slot and line.headline == "“AcroYoga” needs a new slot: another kiosk booked it first"
    assert line.detail.startswith(f"Wanted Room 150F · Fri 21 Apr · 11:00. Host: {acro.host_name}")
    assert 1 <= len(line.choices) <= 4
    room, start = k.slot_of(line.choices[0])
    sync.place(line.conflict_id, 0)
    assert sync.property("notice") == f"“AcroYoga” is on the board again: {short_when(k.event, start)}."
    placed = k.service.card(acro.id)
    assert (placed.room_key, placed.starts_at) == (room, start)
    assert listed(sync, "conflicts").rowCount() == 0 and k.actions()[-1] == ("staff", "staff.conflict.place")
    sync.place(line.conflict_id, 0)  # resolved: no choices any more, nothing happens
    assert k.actions()[-1] == ("staff", "staff.conflict.place")


def test_an_edit_conflict_shows_what_the_other_kiosk_wanted_and_staff_take_or_keep_it(build: Build) -> None:
    k = build()
    sync = k.vms.staff_sync
    acro, django = k.card("AcroYoga"), k.card("Django Girls coaches")
    take_id = edit_conflict(k.service, acro.id, topic="AcroYoga at dawn")
    keep_id = edit_conflict(k.service, django.id, topic="Django Girls coaches meet")
    sync.refresh()
    lines = {line.conflict_id: line for line in listed(sync, "conflicts").rows}
    taken = lines[str(take_id)]
    assert not taken.slot and taken.choices == []
    assert taken.headline == "Edited on kiosk-b while another kiosk changed the same card (Topic)"
    assert taken.detail == "kiosk-b wanted: Topic: AcroYoga at dawn"

    sync.take(str(take_id))
    assert sync.property("notice") == "The other kiosk's version is on the board now."
    assert k.service.card(acro.id).topic == "AcroYoga at dawn"
    sync.keep(str(keep_id))
    assert sync.property("notice") == "The board's version stays."
    assert k.service.card(django.id).topic == "Django Girls coaches"
    assert listed(sync, "conflicts").rowCount() == 0
    sync.keep(str(keep_id))
    assert sync.property("notice") == "This conflict was resolved already, perhaps on another kiosk."


def test_a_displaced_card_can_be_cancelled_with_a_reason(build: Build) -> None:
    k = build()
    sync = k.vms.staff_sync
    acro = k.card("AcroYoga")
    conflict = displace(k.service, acro.id)
    sync.refresh()
    sync.cancelCard(str(conflict), "The host cannot come at another time")
    assert sync.property("notice") == "The card was cancelled; the conflict is resolved."
    assert acro.id in {c.id for c in k.service.cancelled_cards()} and listed(sync, "conflicts").rowCount() == 0
    assert k.actions()[-1] == ("staff", "staff.conflict.cancel")


def test_a_displaced_card_is_not_cancelled_without_a_reason(build: Build) -> None:
    k = build()
    sync = k.vms.staff_sync
    acro = k.card("AcroYoga")
    conflict = displace(k.service, acro.id)
    sync.refresh()
    sync.cancelCard(str(conflict), "")
    assert sync.property("notice") == "Give a reason."
    assert listed(sync, "conflicts").rowCount() == 1


# --- the wish list --------------------------------------------------------------------------------------------------


def votes_shown(k: Staffed, idea_id: str) -> int:
    model = ideas_of(k.vms.wish_list)
    return int(model.data(model.index(model.row_of(idea_id)), IdeaRole.Votes))


def test_a_vote_counts_once_for_a_while_and_the_list_follows(build: Build, qtbot: QtBot) -> None:
    k = build()
    wish = k.vms.wish_list
    ideas = k.service.ideas()
    assert wish.property("count") == 5
    assert [row.topic for row in ideas_of(wish).rows] == [i.topic for i in ideas]
    idea = ideas[1]
    with qtbot.waitSignal(notify_of(wish, "message"), timeout=1000):
        wish.vote(str(idea.id))
    assert wish.property("message") == f"Thanks! Your +1 for “{idea.topic}” is counted."
    stored = {i.id: i.votes for i in k.service.ideas()}
    assert stored[idea.id] == idea.votes + 1 and votes_shown(k, str(idea.id)) == idea.votes + 1

    wish.vote(str(idea.id))  # the same person tapping again
    assert wish.property("message") == "Your vote for this idea is counted. Let someone else vote too!"
    assert votes_shown(k, str(idea.id)) == idea.votes + 1
    k.base.advance(timedelta(seconds=11))
    wish.vote(str(idea.id))
    assert votes_shown(k, str(idea.id)) == idea.votes + 2
    assert wish.rowOf(str(idea.id)) == ideas_of(wish).row_of(str(idea.id)) >= 0


def test_votes_are_limited_per_kiosk_per_minute(build: Build) -> None:
    k = build()
    wish = k.vms.wish_list
    ideas = [str(i.id) for i in k.service.ideas()]
    for idea_id in ideas:
        wish.vote(idea_id)
    k.base.advance(timedelta(seconds=11))
    wish.vote(ideas[0])  # the sixth vote this minute
    assert wish.property("message").startswith("Thanks!")
    total = sum(i.votes for i in k.service.ideas())
    wish.vote(ideas[1])
    assert wish.property("message").startswith("Lots of votes were just made at this kiosk. Please wait a minute")
    assert sum(i.votes for i in k.service.ideas()) == total
    k.base.advance(timedelta(minutes=1))
    wish.vote(ideas[1])
    assert sum(i.votes for i in k.service.ideas()) == total + 1


def test_a_vote_for_an_idea_that_is_gone_says_so_and_the_list_drops_it(build: Build) -> None:
    k = build()
    wish = k.vms.wish_list
    wish.vote("not-an-idea")
    assert wish.property("message") == "This idea is no longer on the wish list."
    hidden = k.service.ideas()[0]
    k.service.hide_idea(hidden.id)  # on another kiosk, before this one's feed looked
    wish.vote(str(hidden.id))
    assert wish.property("message") == "This idea is no longer on the wish list."
    assert wish.property("count") == 4 and wish.rowOf(str(hidden.id)) == -1


def test_the_wish_lists_message_clears_itself(build: Build, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    monkeypatch.setattr("kiosk.ui.wishlist.MESSAGE_MS", 300)
    k = build()
    k.vms.wish_list.vote(str(k.service.ideas()[0].id))
    assert k.vms.wish_list.property("message") != ""
    qtbot.waitUntil(lambda: k.vms.wish_list.property("message") == "", timeout=3000)


def test_host_this_hands_the_idea_to_the_form_and_goes_back_to_the_board(build: Build, qtbot: QtBot) -> None:
    k = build()
    wish, router = k.vms.wish_list, k.vms.router
    idea = k.service.ideas()[2]
    router.showPage(Page.WishList)
    with qtbot.waitSignal(wish.hostRequested, timeout=1000) as handed:
        wish.hostIdea(str(idea.id))
    assert handed.args == [str(idea.id), idea.topic]
    assert router.property("page") == Page.Board and k.vms.form.property("ideaTopic") == idea.topic
    stray = QSignalSpy(wish.hostRequested)
    wish.hostIdea(str(uuid.uuid4()))
    assert stray.count() == 0


def test_an_adopted_idea_says_where_and_when_until_its_session_is_cancelled(build: Build) -> None:
    k = build()
    wish = k.vms.wish_list
    idea = k.service.ideas()[0]
    added = k.service.add_card(CardDraft("151d", k.at(0, 17), idea.topic, "Ada", idea_id=idea.id))
    k.vms.feed.poke()
    model = ideas_of(wish)
    index = model.index(model.row_of(str(idea.id)))
    assert model.data(index, IdeaRole.Adopted) is True
    assert model.data(index, IdeaRole.AdoptedLabel) == "Adopted · Room 151D · Fri 21 Apr 17:00"
    k.service.cancel_card(added.card.id, added.edit_code)
    k.vms.feed.poke()
    index = model.index(model.row_of(str(idea.id)))
    assert model.data(index, IdeaRole.Adopted) is False and model.data(index, IdeaRole.AdoptedLabel) == ""


def test_a_new_idea_from_the_form_is_welcomed_on_the_list(build: Build) -> None:
    k = build()
    form, wish = k.vms.idea_form, k.vms.wish_list
    form.open()
    form.setField("topic", "Rust for Pythonistas")
    form.submit()
    assert wish.property("message") == "“Rust for Pythonistas” is on the wish list. Thank you!"
    assert wish.property("count") == 6


# --- health ---------------------------------------------------------------------------------------------------------


def test_the_health_notice_stays_until_staff_tap_it_away(qapp: object) -> None:
    assert KioskHealth().property("notice") == ""
    health = KioskHealth("The board was restored.")
    dismissed = QSignalSpy(notify_of(health, "notice"))
    health.dismissNotice()
    health.dismissNotice()
    assert health.property("notice") == "" and dismissed.count() == 1


def test_a_board_restored_at_start_is_told_to_staff(build: Build) -> None:
    first = build()
    assert first.vms.health.property("notice") == ""  # a sound board: nothing to say
    take_automatic_backup(first.service.db_path, 5, reason="test")
    db_path = first.service.db_path
    first.close()
    overwrite_pages(db_path, 2, 6)

    again = build(seed=False)
    notice = again.vms.health.property("notice")
    assert "damaged" in notice and "It was moved to " in notice and "(32 sessions)" in notice
    assert len(again.service.cards()) == 32


def test_automatic_backups_follow_the_changes_and_go_by_real_time(build: Build, qtbot: QtBot) -> None:
    k = build()
    folder = k.service.data_dir / "backups"
    now = [datetime(2023, 4, 21, 15, tzinfo=UTC)]
    auto = AutoBackup(k.service, k.clock, every_minutes=10, keep=5, real_now=lambda: now[0])
    with qtbot.waitSignal(auto.finished, timeout=10_000) as done:
        assert auto.check(), "a board with cards and no backup yet is backed up at the first look"
    made, problem = done.args
    assert problem == "" and Path(made).parent == folder and Path(made).is_file()
    assert not auto.running and not auto.check(), "nothing changed since: no second copy"

    k.service.vote_idea(k.service.ideas()[0].id)
    assert not auto.check(), "changed, but ten minutes have not passed"
    k.clock.shift_to(k.at(1, 9))
    assert not auto.check(), "a rehearsal clock on the next day is not a new day"
    now[0] += timedelta(minutes=10)
    with qtbot.waitSignal(auto.finished, timeout=10_000):
        assert auto.check()
    assert len(list(folder.iterdir())) == 2

    k.service.vote_idea(k.service.ideas()[1].id)
    k.base.advance(timedelta(days=1))  # a new real day: due at once
    with qtbot.waitSignal(auto.finished, timeout=10_000):
        assert auto.check()
    assert len(list(folder.iterdir())) == 3


def test_a_failed_automatic_backup_is_tried_again_at_the_next_look(
    build: Build, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    k = build()

    def full_disk(*_args: object, **_options: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kiosk.ui.health.take_automatic_backup", full_disk)
    auto = AutoBackup(k.service, k.clock, every_minutes=10, keep=5)
    with qtbot.waitSignal(auto.finished, timeout=10_000) as done:
        assert auto.check()
    assert done.args == ["", "No space left on device"]
    monkeypatch.undo()
    with qtbot.waitSignal(auto.finished, timeout=10_000) as done:
        assert auto.check(), "not taken: still due"
    assert done.args[1] == "" and Path(done.args[0]).is_file()
