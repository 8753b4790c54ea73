"""Every room is reachable by someone who has never used the kiosk: a board with more rooms than fit shows which
rooms are in view and a "more rooms" strip at the right edge; tapping it pages through whole columns."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path

from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from kiosk.paths import DEMO_CONFIG
from kiosk.store.cards import CardDraft
from tests.ui.conftest import MakeKiosk
from tests.ui.driver import find_item, find_items, find_shown, is_shown, prop, tap


def thirty_rooms(tmp_path: Path) -> Path:
    """The demo event with 21 more rooms in front of its 9: 30 rooms, the last one the demo's Room 155B."""
    extra = "".join(f'[[rooms]]\nkey = "x{n:02d}"\nname = "Extra hall {n}"\n\n' for n in range(21))
    text = DEMO_CONFIG.read_text(encoding="utf-8").replace("[[rooms]]", extra + "[[rooms]]", 1)
    config = tmp_path / "thirty.toml"
    config.write_text(text, encoding="utf-8")
    return config


def rooms_in_view(kiosk: object) -> list[str]:
    return [str(prop(item, "text")) for item in find_items(kiosk.window, "roomName") if is_shown(item)]  # type: ignore[attr-defined]


def test_the_last_of_thirty_rooms_is_reached_with_the_visible_control(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = make_kiosk(config=thirty_rooms(tmp_path))
    last = kiosk.config.event.rooms[-1]
    assert find_shown(kiosk.window, f"slot-{last.key}-1400") is None, "the last room starts out of view"
    more = find_shown(kiosk.window, "moreRooms")
    assert more is not None, "a board with more rooms than fit says so"
    first_page = rooms_in_view(kiosk)
    taps = 0
    while find_shown(kiosk.window, f"slot-{last.key}-1400") is None:
        assert taps < 10, "every page is one tap further"
        tap(kiosk.window, more)
        taps += 1
        qtbot.wait(400)  # the page slides over a quarter of a second
    assert taps >= 2
    assert rooms_in_view(kiosk) != first_page
    slot = find_shown(kiosk.window, f"slot-{last.key}-1400")
    assert slot is not None
    # Whole, left of the strip: a person can read and tap it.
    right_edge = slot.mapToScene(QPointF(slot.width(), 0)).x()
    assert slot.mapToScene(QPointF(0, 0)).x() >= 0 and right_edge <= more.mapToScene(QPointF(0, 0)).x() + 1
    # The last page: nothing further, and the way back is shown.
    assert not prop(more, "enabled")
    back = find_shown(kiosk.window, "fewerRooms")
    assert back is not None
    tap(kiosk.window, back)
    qtbot.waitUntil(lambda: find_shown(kiosk.window, f"slot-{last.key}-1400") is None)


def test_the_demo_board_needs_no_paging_in_landscape_but_does_in_portrait(make_kiosk: MakeKiosk) -> None:
    landscape = make_kiosk()
    assert find_shown(landscape.window, "moreRooms") is None
    assert len(rooms_in_view(landscape)) == 9
    landscape.close()
    portrait = make_kiosk(size="1080x1920")
    assert find_shown(portrait.window, "moreRooms") is not None
    assert find_item(portrait.window, "roomPage") is not None


def test_now_and_next_pages_through_every_room_with_a_session(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    config = thirty_rooms(tmp_path)
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "cards_per_kiosk_per_minute = 4", "cards_per_kiosk_per_minute = 100"
        ),
        encoding="utf-8",
    )
    kiosk = make_kiosk(config=config)
    event = kiosk.config.event
    eleven = datetime.combine(event.days[0], time(11), event.tz).astimezone(UTC)
    for number, room in enumerate(event.rooms[:20]):
        kiosk.service.add_card(CardDraft(room.key, eleven, f"Session in {room.name}", f"Host {number}"))
    kiosk.attract.show()
    rooms = find_shown(kiosk.window, "nowNextRooms")
    assert rooms is not None
    pages = find_shown(kiosk.window, "nowNextPage")
    assert pages is not None and str(prop(pages, "text")).startswith("Page 1 of ")
    page_count = int(prop(rooms, "pageCount"))
    assert page_count >= 2
    rooms.setProperty("pageSeconds", 0.2)
    seen: set[str] = set()
    for _ in range(page_count):
        seen |= {room.key for room in event.rooms if find_shown(kiosk.window, f"nowNextRoom-{room.key}") is not None}
        current = int(prop(rooms, "shownPage"))
        qtbot.waitUntil(lambda current=current: int(prop(rooms, "shownPage")) != current, timeout=3000)
    assert {room.key for room in event.rooms[:20]} <= seen, "every room with a session came round"
