"""The attract screen at different clock times: shown after idle time on the real window, gone at a touch."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.config import load_config
from kiosk.domain.attract import AttractView, attract_view
from kiosk.domain.model import Card, Event
from kiosk.paths import DEMO_CONFIG
from kiosk.store.errors import StoreError
from kiosk.store.service import CardDraft
from kiosk.ui.app import KioskApp
from kiosk.ui.attract import AttractScreenMode, KioskAttract, headline_for
from kiosk.ui.router import Overlay
from tests.ui.conftest import Kit, MakeKiosk, config_with
from tests.ui.driver import find_item, find_object, is_shown, tap_at, texts_in, walk_items


def idle_until_attract(kiosk: KioskApp, qtbot: QtBot) -> QQuickItem:
    # The attract screen is built when it is shown (objectName nowNext), and dropped when it goes.
    qtbot.waitUntil(lambda: is_shown(find_item(kiosk.window, "nowNext")), timeout=4000)
    screen = find_item(kiosk.window, "nowNext")
    assert screen is not None
    return screen


def current_view(kiosk: KioskApp) -> AttractView:
    """What the domain says the screen should show right now, from the same database."""
    return attract_view(kiosk.config.event, kiosk.service.cards(), kiosk.clock.now(), kiosk.service.blocks())


def tile_texts(kiosk: KioskApp, room_key: str) -> list[str] | None:
    tile = find_item(kiosk.window, f"nowNextRoom-{room_key}")
    if tile is None or not is_shown(tile):
        return None
    return texts_in(tile, hidden_too=True)


def rest_text(kiosk: KioskApp) -> str:
    """The names on the last tile, for the rooms that did not get a tile of their own."""
    rest = find_item(kiosk.window, "nowNextRest")
    if rest is None or not is_shown(rest):
        return ""
    return " ".join(texts_in(rest, hidden_too=True)).replace("\u00a0", " ")


# --- the real window ---------------------------------------------------------------------------------------------


def test_idle_shows_what_is_on_now_with_the_minutes_left(make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = make_kiosk("--demo", now="2023-04-21T11:30", config=config_with(tmp_path, idle_seconds=1))
    assert not is_shown(find_item(kiosk.window, "nowNext"))
    screen = idle_until_attract(kiosk, qtbot)
    view = current_view(kiosk)
    on_now = [g for g in view.rooms if g.now is not None]
    assert on_now, "the demo board should have sessions under way at 11:30"
    assert "Happening now" in texts_in(screen, hidden_too=True)
    for glance in on_now:
        assert glance.now is not None
        shown = tile_texts(kiosk, glance.room.key)
        assert shown is not None, f"{glance.room.name} has a session on now but no tile"
        assert glance.room.name in shown
        assert glance.now.topic in shown
        assert glance.now.host_name in shown
        assert "Now · 30 min left" in shown  # 11:30 and a few seconds, in an 11:00–12:00 slot
    for glance in view.rooms:
        # Every room is on screen: its own tile, or by name on the last one.
        assert tile_texts(kiosk, glance.room.key) is not None or glance.room.name in rest_text(kiosk)
        if glance.is_free and tile_texts(kiosk, glance.room.key) is not None:
            assert "Free — add yours" in (tile_texts(kiosk, glance.room.key) or [])


def test_a_touch_returns_to_todays_board_without_tapping_it(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = make_kiosk("--demo", now="2023-04-21T11:30", config=config_with(tmp_path, idle_seconds=1))
    screen = idle_until_attract(kiosk, qtbot)
    # The middle of the window is over the grid's cells: a touch that leaked through would open a sheet.
    tap_at(kiosk.window, QPoint(kiosk.window.width() // 2, kiosk.window.height() // 2))
    assert not is_shown(screen)
    grid = find_item(kiosk.window, "boardGrid")
    assert grid is not None and is_shown(grid)
    assert kiosk.board.property("dayIndex") == 0
    QTest.qWait(150)
    detail = find_object(kiosk.window, "cardDetail")
    assert detail is None or detail.property("visible") is False
    assert not is_shown(find_item(kiosk.window, "addCardSheet"))
    assert kiosk.form.property("isOpen") is False


def test_idle_after_browsing_another_day_comes_back_to_today(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = make_kiosk("--demo", now="2023-04-21T11:30", config=config_with(tmp_path, idle_seconds=1))
    kiosk.board.selectDay(2)
    idle_until_attract(kiosk, qtbot)
    assert kiosk.board.property("dayIndex") == 0


def test_in_the_evening_it_shows_tomorrows_first_sessions(make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = make_kiosk("--demo", now="2023-04-21T18:30", config=config_with(tmp_path, idle_seconds=1))
    screen = idle_until_attract(kiosk, qtbot)
    event = kiosk.config.event
    view = current_view(kiosk)
    assert view.day == event.days[1]
    assert "Tomorrow’s first sessions" in texts_in(screen, hidden_too=True)
    firsts = [g for g in view.rooms if g.next is not None]
    assert firsts
    for glance in firsts:
        assert glance.next is not None
        assert event.local(glance.next.starts_at).date() == event.days[1]
        shown = tile_texts(kiosk, glance.room.key)
        if shown is None:
            assert glance.room.name in rest_text(kiosk)
            continue
        assert glance.next.topic in shown
        assert event.local(glance.next.starts_at).strftime("%H:%M") in shown
    saturday_first = min((g.next for g in firsts if g.next), key=lambda c: c.starts_at)
    assert tile_texts(kiosk, saturday_first.room_key) is not None, "the day's very first session has a tile"


def test_after_the_conference_it_thanks_and_counts_the_sessions_held(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = make_kiosk("--demo", now="2023-04-24T10:00", config=config_with(tmp_path, idle_seconds=1))
    screen = idle_until_attract(kiosk, qtbot)
    held = len(kiosk.service.cards())
    assert held > 0
    assert "Thank you!" in texts_in(screen, hidden_too=True)
    count = find_item(kiosk.window, "sessionsHeld")
    assert count is not None and is_shown(count)
    assert count.property("text") == str(held)
    assert not any(
        name.startswith("nowNextRoom-") for name in (i.objectName() for i in walk_items(screen) if is_shown(i))
    )


def test_portrait_screen_gives_every_room_a_tile(make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = make_kiosk("--demo", now="2023-04-21T11:30", size="1080x1920", config=config_with(tmp_path, idle_seconds=1))
    idle_until_attract(kiosk, qtbot)
    for glance in current_view(kiosk).rooms:
        shown = tile_texts(kiosk, glance.room.key)
        assert shown is not None, f"{glance.room.name} has no tile in portrait"
        if glance.is_free:
            assert "Free — add yours" in shown


def test_a_session_added_elsewhere_appears_while_shown(make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = make_kiosk("--demo", now="2023-04-21T11:30", size="1080x1920", config=config_with(tmp_path, idle_seconds=1))
    idle_until_attract(kiosk, qtbot)
    event = kiosk.config.event
    open_room = next(g.room for g in current_view(kiosk).rooms if g.open_now)
    kiosk.service.add_card(
        CardDraft(
            room_key=open_room.key, starts_at=event.at(event.days[0], time(11)), topic="Hallway track", host_name="Ada"
        )
    )
    qtbot.waitUntil(lambda: "Hallway track" in (tile_texts(kiosk, open_room.key) or []), timeout=3000)


# --- the view model on its own -----------------------------------------------------------------------------------


@pytest.fixture
def demo_event() -> Event:
    return load_config(DEMO_CONFIG).event


@pytest.fixture
def attract(kit: Kit) -> KioskAttract:
    return KioskAttract(kit.service, kit.clock, kit.feed, kit.router)


def test_minutes_left_move_with_the_kiosks_clock(attract: KioskAttract, kit: Kit) -> None:
    attract.show()
    assert attract.property("shown") is True
    on_now = [r for r in attract.property("rooms") if r["nowTopic"]]
    assert on_now and all(r["nowLeft"] == "25 min left" for r in on_now)
    kit.clock.advance(timedelta(minutes=10))
    kit.feed.ticked.emit()  # the kiosk's once-a-second heartbeat
    on_now = [r for r in attract.property("rooms") if r["nowTopic"]]
    assert on_now and all(r["nowLeft"] == "15 min left" for r in on_now)
    assert attract.property("clockText") == "11:45"


def test_rooms_with_sessions_come_first(attract: KioskAttract) -> None:
    free = [r["free"] for r in attract.property("rooms")]
    assert free == sorted(free), "free rooms must follow the rooms with sessions"
    assert all(isinstance(r["roomName"], str) and r["roomName"] for r in attract.property("rooms"))


def test_a_broken_database_keeps_the_last_view(
    attract: KioskAttract, kit: Kit, monkeypatch: pytest.MonkeyPatch
) -> None:
    attract.show()
    before = (attract.property("mode"), attract.property("headline"), attract.property("rooms"))

    def broken(*_: object) -> None:
        raise StoreError("The board's database cannot be read.")

    monkeypatch.setattr(kit.service, "cards", broken)
    kit.clock.set(datetime(2023, 4, 24, 12, tzinfo=UTC))
    attract.refresh()
    assert (attract.property("mode"), attract.property("headline"), attract.property("rooms")) == before
    assert "cannot be read" in kit.feed.property("problem")


def test_dismiss_hides_and_refreshes_stop(attract: KioskAttract, kit: Kit) -> None:
    attract.show()
    assert kit.router.property("overlay") == Overlay.Attract
    attract.dismiss()
    assert attract.property("shown") is False and kit.router.property("overlay") == Overlay.NoOverlay
    kit.clock.set(datetime(2023, 4, 24, 12, tzinfo=UTC))
    kit.feed.ticked.emit()
    assert attract.property("mode") == AttractScreenMode.Live, "a hidden attract screen does not follow the clock"
    attract.show()
    assert attract.property("mode") == AttractScreenMode.Over
    assert attract.property("headline") == "Thank you!"
    assert attract.property("sessionsHeld") > 0


@pytest.mark.parametrize(
    ("local", "headline", "subline"),
    [
        ("2023-04-19T12:00", "Open Spaces start Friday 21 April at 10:00", "The first session in each room"),
        ("2023-04-22T08:15", "Open Spaces start at 10:00", "Today, Saturday 22 April"),
        ("2023-04-21T11:30", "Happening now", "Friday 21 April · Open Spaces until 18:00"),
        ("2023-04-21T18:30", "Tomorrow’s first sessions", "Saturday 22 April · from 10:00"),
        ("2023-04-24T10:00", "Thank you!", "for coming to the Open Spaces at PyCon US 2023"),
    ],
)
def test_headlines_at_different_clock_times(demo_event: Event, local: str, headline: str, subline: str) -> None:
    card_start = demo_event.at(demo_event.days[0], time(11))
    cards = () if local.startswith("2023-04-24") else (_card(demo_event, card_start),)
    now = datetime.fromisoformat(local).replace(tzinfo=demo_event.tz)
    assert headline_for(demo_event, attract_view(demo_event, cards, now), now) == (headline, subline)


def test_one_session_held_is_singular(demo_event: Event) -> None:
    now = datetime(2023, 4, 24, 10, tzinfo=demo_event.tz)
    card = _card(demo_event, demo_event.at(demo_event.days[0], time(11)))
    assert headline_for(demo_event, attract_view(demo_event, (card,), now), now)[1] == (
        "Open Space session was held at PyCon US 2023"
    )


def _card(event: Event, starts_at: datetime) -> Card:
    return Card(uuid.uuid4(), event.rooms[0].key, starts_at, starts_at + event.slot_length, "Topic", "Host")
