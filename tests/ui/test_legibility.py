"""The board reads from two metres: card topics are fitted whole (wrapped over up to three lines, shrunk to a
legible floor, and only then elided), on the demo board at the sizes a wall screen has."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.paths import DEMO_CONFIG
from tests.ui.conftest import MakeKiosk
from tests.ui.driver import find_items, is_shown, prop


def topics_on_screen(kiosk: object, qtbot: QtBot) -> tuple[int, list[str]]:
    """How many card topics the board shows over all days, and the ones cut short."""
    shown, cut = 0, []
    days = len(kiosk.config.event.days)  # type: ignore[attr-defined]
    for day in range(days):
        kiosk.board.selectDay(day)  # type: ignore[attr-defined]
        expected = len(kiosk.service.cards(kiosk.config.event.days[day]))  # type: ignore[attr-defined]
        qtbot.waitUntil(
            lambda expected=expected: (
                len([t for t in find_items(kiosk.window, "cardTopic") if is_shown(t)]) == expected  # type: ignore[attr-defined]
            )
        )
        qtbot.wait(50)  # the fitted size settles on the next polish
        for item in find_items(kiosk.window, "cardTopic"):  # type: ignore[attr-defined]
            if not is_shown(item):
                continue
            shown += 1
            if prop(item, "truncated"):
                cut.append(str(prop(item, "text")))
    return shown, cut


@pytest.mark.parametrize("size", ["1920x1080", "3840x2160"])
def test_at_most_three_of_the_demo_topics_are_cut(make_kiosk: MakeKiosk, qtbot: QtBot, size: str) -> None:
    kiosk = make_kiosk("--demo", size=size)
    total = len(kiosk.service.cards())
    shown, cut = topics_on_screen(kiosk, qtbot)
    assert shown == total == 32
    assert len(cut) <= 3, cut


def test_long_room_names_take_two_lines_and_a_long_event_name_shrinks(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    text = DEMO_CONFIG.read_text(encoding="utf-8")
    text = text.replace('name = "PyCon US 2023"', 'name = "EuroPython 2025 Prague Conference Centre"', 1)
    text = text.replace('name = "Room 150D"', 'name = "Kongresový sál (South Hall)"', 1)
    text = text.replace('name = "Room 150E"', 'name = "Terrace 2B (Open Air)"', 1)
    config = tmp_path / "long.toml"
    config.write_text(text, encoding="utf-8")
    kiosk = make_kiosk(config=config)
    names = [item for item in find_items(kiosk.window, "roomName") if is_shown(item)]
    shown = {str(prop(item, "text")): item for item in names}
    assert {"Kongresový sál (South Hall)", "Terrace 2B (Open Air)"} <= set(shown)
    for name in ("Kongresový sál (South Hall)", "Terrace 2B (Open Air)"):
        assert not prop(shown[name], "truncated"), name
        assert prop(shown[name], "lineCount") == 2, name
    event_name = find_items(kiosk.window, "eventName")[0]
    assert prop(event_name, "text") == "EuroPython 2025 Prague Conference Centre"
    assert not prop(event_name, "truncated")
