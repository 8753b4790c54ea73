"""The board on screen, driven with touch like a person at the wall: days, cards, free slots, idle, clock."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Card
from kiosk.paths import DEMO_CONFIG
from kiosk.store.service import BoardService, CardDraft
from kiosk.ui.app import KioskApp
from tests.ui.conftest import MakeKiosk, reveal_slot
from tests.ui.driver import find_item, find_object, is_shown, tap, tap_at, texts_in, walk_items


def slot(kiosk: KioskApp, room: str, hhmm: str) -> QQuickItem:
    reveal_slot(kiosk, room, hhmm)
    item = find_item(kiosk.window, f"slot-{room}-{hhmm}")
    assert item is not None, f"slot-{room}-{hhmm} is not on the board"
    return item


def local_hhmm(kiosk: KioskApp, moment: datetime) -> str:
    return kiosk.config.event.local(moment).strftime("%H%M")


def test_demo_board_shows_every_session_of_the_day(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk("--demo")
    event = kiosk.config.event
    cards = kiosk.service.cards(event.days[0])
    assert len(cards) >= 5
    for card in cards:
        cell = slot(kiosk, card.room_key, local_hhmm(kiosk, card.starts_at))
        assert cell.property("slotState") == "booked"
        assert card.topic in texts_in(cell, hidden_too=True)


def test_header_shows_event_days_and_running_clock(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now="2023-04-22T14:05")
    header_texts = texts_in(kiosk.window.contentItem(), hidden_too=True)
    assert "PyCon US 2023" in header_texts
    for index, day in enumerate(kiosk.config.event.days):
        tab = find_item(kiosk.window, f"dayTab-{index}")
        assert tab is not None
        assert day.strftime("%A") in texts_in(tab, hidden_too=True)
    assert kiosk.board.property("dayIndex") == 1  # Saturday is today
    clock = find_item(kiosk.window, "clock")
    assert clock is not None and clock.property("text") == "14:05"


def test_states_free_blocked_and_past_at_half_past_eleven(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(now="2023-04-21T11:30")
    event = kiosk.config.event
    room = event.rooms[-1].key
    assert slot(kiosk, room, "1000").property("slotState") == "past"
    assert slot(kiosk, room, "1700").property("slotState") == "free"
    friday_block = next(b for b in event.blocks if event.local(b.starts_at).date() == event.days[0])
    cell = slot(kiosk, friday_block.room_key, local_hhmm(kiosk, friday_block.starts_at))
    assert cell.property("slotState") == "blocked"
    assert friday_block.reason in texts_in(cell, hidden_too=True)


def test_tapping_a_day_tab_switches_the_grid(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk("--demo")
    event = kiosk.config.event
    tab = find_item(kiosk.window, "dayTab-2")
    assert tab is not None
    tap(kiosk.window, tab)
    qtbot.waitUntil(lambda: kiosk.board.property("dayIndex") == 2)
    sunday = kiosk.service.cards(event.days[2])
    assert sunday
    card = sunday[0]
    cell = slot(kiosk, card.room_key, local_hhmm(kiosk, card.starts_at))
    assert cell.property("slotState") == "booked"
    assert card.topic in texts_in(cell, hidden_too=True)


def open_first_card(kiosk: KioskApp, qtbot: QtBot) -> tuple[Card, QObject]:
    """Tap the first day's first card on the grid; the card and its detail sheet, once open."""
    card = kiosk.service.cards(kiosk.config.event.days[0])[0]
    tap(kiosk.window, slot(kiosk, card.room_key, local_hhmm(kiosk, card.starts_at)))
    detail = find_object(kiosk.window, "cardDetail")
    assert detail is not None
    qtbot.waitUntil(lambda: detail.property("opened") is True)
    return card, detail


def test_tapping_a_session_opens_its_detail_and_close_button_closes(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk("--demo", now="2023-04-21T09:00")
    card, detail = open_first_card(kiosk, qtbot)
    title = find_item(kiosk.window, "cardTitle")
    assert title is not None and is_shown(title)
    assert title.property("text") == card.topic
    shown = texts_in(kiosk.window.contentItem(), hidden_too=True)
    assert card.host_name in shown
    assert card.description in shown
    close = find_item(kiosk.window, "closeButton")
    assert close is not None
    tap(kiosk.window, close)
    qtbot.waitUntil(lambda: detail.property("visible") is False)


def test_tap_outside_the_sheet_closes_it(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk("--demo", now="2023-04-21T09:00")
    _card, detail = open_first_card(kiosk, qtbot)
    tap_at(kiosk.window, QPoint(10, kiosk.window.height() - 10))
    qtbot.waitUntil(lambda: detail.property("visible") is False)


def test_tapping_a_free_slot_says_it_is_free(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now="2023-04-21T09:00")
    room = kiosk.config.event.rooms[0]
    tap(kiosk.window, slot(kiosk, room.key, "1600"))
    sheet = find_item(kiosk.window, "addCardSheet")
    assert sheet is not None
    qtbot.waitUntil(lambda: is_shown(sheet))
    heading = find_item(kiosk.window, "addCardSlot")
    assert heading is not None
    text = heading.property("text")
    assert room.name in text and "16:00" in text and "This slot is free" in text


def test_idle_kiosk_returns_to_today_at_the_current_hour(make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path) -> None:
    config = tmp_path / "quick-idle.toml"
    # Twelve hours a day: more than fit on the screen, so "the current hour" means scrolling.
    text = DEMO_CONFIG.read_text().replace("idle_seconds = 120", "idle_seconds = 1")
    text = text.replace('first_slot = "10:00"', 'first_slot = "08:00"').replace(
        'last_slot_end = "18:00"', 'last_slot_end = "20:00"'
    )
    config.write_text(text)
    kiosk = make_kiosk("--demo", now="2023-04-21T16:30", config=config, size="1280x720")
    board = find_item(kiosk.window, "board")
    assert board is not None
    qtbot.waitUntil(lambda: board.property("contentY") > 0)  # opened at the current hour, not at 08:00
    at_start = board.property("contentY")
    tab = find_item(kiosk.window, "dayTab-2")
    assert tab is not None
    tap(kiosk.window, tab)
    qtbot.waitUntil(lambda: kiosk.board.property("dayIndex") == 2)
    board.setProperty("contentY", 0)  # someone flicked Sunday back to its first hour
    qtbot.waitUntil(lambda: kiosk.board.property("dayIndex") == 0, timeout=4000)
    # Back on Friday, scrolled to 16:00 again, not left at the top.
    qtbot.waitUntil(lambda: board.property("contentY") == at_start)
    assert find_object(kiosk.window, "nowNext") is not None


def test_nearest_day_after_the_conference_is_the_last(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(now="2023-05-02T12:00")
    assert kiosk.board.property("dayIndex") == 2


def test_now_line_marks_the_minute_on_today_only(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now="2023-04-21T11:30")
    line = find_item(kiosk.window, "nowLine")
    assert line is not None and is_shown(line)
    assert kiosk.board.property("nowRow") == 1
    assert kiosk.board.property("nowFraction") == pytest.approx(0.5, abs=0.02)
    tab = find_item(kiosk.window, "dayTab-1")
    assert tab is not None
    tap(kiosk.window, tab)
    qtbot.waitUntil(lambda: not line.isVisible())


def test_change_from_another_process_appears_within_two_seconds(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now="2023-04-21T09:00")
    event = kiosk.config.event
    room = event.rooms[1].key
    assert slot(kiosk, room, "1500").property("slotState") == "free"
    other = BoardService.open(
        kiosk.service.db_path.parent,
        event,
        ManualClock(datetime(2023, 4, 21, 15, 0, tzinfo=UTC)),
        "another-kiosk",
    )
    try:
        other.add_card(
            CardDraft(
                room_key=room, starts_at=event.at(event.days[0], time(15)), topic="Hallway track", host_name="Ada"
            )
        )
    finally:
        other.close()
    qtbot.waitUntil(lambda: slot(kiosk, room, "1500").property("slotState") == "booked", timeout=2000)
    assert "Hallway track" in texts_in(slot(kiosk, room, "1500"), hidden_too=True)


def test_markup_is_shown_as_plain_text(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now="2023-04-21T09:00")
    event = kiosk.config.event
    room = event.rooms[0].key
    hostile = "<b>Bold</b> <img src=x onerror=alert(1)>"
    kiosk.service.add_card(
        CardDraft(room_key=room, starts_at=event.at(event.days[0], time(13)), topic=hostile, host_name="<i>Eve</i>")
    )
    qtbot.waitUntil(lambda: slot(kiosk, room, "1300").property("slotState") == "booked", timeout=2000)
    cell = slot(kiosk, room, "1300")
    shown = [c for c in walk_items(cell) if c.property("text") == hostile]
    assert shown, "the topic is not shown literally"
    for item in shown:
        # Laid out as literal characters: its natural width is that of the whole string, tags included.
        expected = QFontMetricsF(item.property("font")).horizontalAdvance(hostile)
        assert item.property("implicitWidth") == pytest.approx(expected, abs=2)
    # The same on the detail sheet, host name included.
    tap(kiosk.window, cell)
    detail = find_object(kiosk.window, "cardDetail")
    assert detail is not None
    qtbot.waitUntil(lambda: detail.property("opened") is True)
    for text in (hostile, "<i>Eve</i>"):
        shown = [c for c in walk_items(kiosk.window.contentItem()) if c.property("text") == text and is_shown(c)]
        assert shown, f"{text} is not on the detail sheet"
        for item in shown:
            single_line = QFontMetricsF(item.property("font")).horizontalAdvance(text)
            assert item.property("implicitWidth") >= single_line - 2 or item.property("lineCount") > 1


def test_ctrl_q_leaves_the_fullscreen_kiosk(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk()
    with qtbot.waitSignal(kiosk.engine.quit, timeout=2000):
        QTest.keyClick(kiosk.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_the_last_hour_of_the_day_turns_past_when_it_ends(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now="2023-04-21T17:59:58")
    room = kiosk.config.event.rooms[0].key
    assert slot(kiosk, room, "1700").property("slotState") == "free"
    qtbot.waitUntil(lambda: slot(kiosk, room, "1700").property("slotState") == "past", timeout=5000)


def test_a_long_host_name_stays_inside_the_detail_sheet(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now="2023-04-21T09:00")
    event = kiosk.config.event
    long_name = "Maximiliana Wilhelmina Ottoline von Hohenstein-Eberstadt"
    kiosk.service.add_card(
        CardDraft(
            room_key=event.rooms[0].key,
            starts_at=event.at(event.days[0], time(15)),
            topic="Long names",
            host_name=long_name,
            handle="@maximiliana@social.example.org",
        )
    )
    kiosk.feed.poke()
    tap(kiosk.window, slot(kiosk, event.rooms[0].key, "1500"))
    detail = find_object(kiosk.window, "cardDetail")
    assert detail is not None
    qtbot.waitUntil(lambda: detail.property("opened") is True)
    title = find_item(kiosk.window, "cardTitle")
    assert title is not None
    sheet_right = title.mapToScene(QPointF(title.width(), 0)).x() + 80
    for item in walk_items(kiosk.window.contentItem()):
        if item.property("text") in (long_name, "@maximiliana@social.example.org") and is_shown(item):
            assert item.mapToScene(QPointF(item.width(), 0)).x() <= sheet_right


def test_the_demo_after_its_conference_opens_a_board_that_can_be_tried(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    """`kiosk --demo` today, years after PyCon US 2023: its own clock, said on screen, and free slots to tap."""
    kiosk = make_kiosk("--demo", now=None)
    note = find_item(kiosk.window, "clockNote")
    assert note is not None and is_shown(note) and note.property("text") == "demo clock"
    assert kiosk.board.property("dayIndex") == 0 and kiosk.board.property("nowRow") == 1
    free = [i for i in walk_items(kiosk.window.contentItem()) if i.property("slotState") == "free" and is_shown(i)]
    assert free, "a newcomer can add a card"
    tap(kiosk.window, free[0])
    qtbot.waitUntil(lambda: kiosk.form.property("isOpen") is True)


def test_a_card_on_the_grid_names_its_host_and_handle(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk("--demo")
    event = kiosk.config.event
    with_handle = next(c for c in kiosk.service.cards(event.days[0]) if c.handle)
    hhmm = event.local(with_handle.starts_at).strftime("%H%M")
    reveal_slot(kiosk, with_handle.room_key, hhmm)
    cell = find_item(kiosk.window, f"slot-{with_handle.room_key}-{hhmm}")
    assert cell is not None
    texts = [str(i.property("text")) for i in walk_items(cell) if is_shown(i) and i.property("text")]
    assert f"{with_handle.host_name} · {with_handle.handle}" in texts
