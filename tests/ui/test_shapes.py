"""Three real shapes of conference beside the demo, at the sizes wall screens have: a European one (Prague, five
days, 13 rooms with long names), a one-day Tokyo meetup (two rooms, 30-minute slots, Japanese names) and a 30-room,
12-hour event. Each renders at 1920×1080, 1280×720 and in portrait without a QML warning (a warning fails the test),
every room is reachable, and no character of the Japanese board is drawn as a missing-glyph box."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.paths import CONFIG_DIR
from kiosk.ui.app import write_png
from tests.ui.conftest import MakeKiosk
from tests.ui.driver import find_items, find_shown, is_shown, prop, walk_items

EXAMPLES = CONFIG_DIR / "examples"
SHAPES = ("europython-prague", "tokyo-meetup", "big-30-rooms")
SIZES = ("1920x1080", "1280x720", "1080x1920")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_renders_at_each_size(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path, shape: str, size: str
) -> None:
    kiosk = make_kiosk("--demo", config=EXAMPLES / f"{shape}.toml", now=None, size=size)
    qtbot.wait(100)
    picture = kiosk.window.grabWindow()
    width, height = (int(part) for part in size.split("x"))
    assert (picture.width(), picture.height()) == (width, height)
    # Set KIOSK_SHAPES_DIR to keep the pictures and look at them.
    keep = Path(os.environ.get("KIOSK_SHAPES_DIR", tmp_path))
    keep.mkdir(parents=True, exist_ok=True)
    write_png(picture, keep / f"{shape}-{size}.png")
    rooms = len(kiosk.config.event.rooms)
    shown = [item for item in find_items(kiosk.window, "roomName") if is_shown(item)]
    if find_shown(kiosk.window, "moreRooms") is None:
        assert len(shown) == rooms, "every room is in view, or the more-rooms strip says there are more"
    for item in shown:
        assert not prop(item, "truncated"), prop(item, "text")
    assert not prop(find_items(kiosk.window, "eventName")[0], "truncated")


def missing_glyphs(item: QQuickItem) -> list[str]:
    """Characters of a Text item that its font (with Qt's fallbacks) draws as the missing-glyph box."""
    text = str(prop(item, "text"))
    font = prop(item, "font")
    assert isinstance(font, QFont)
    layout = QTextLayout(text, font)
    layout.beginLayout()
    while layout.createLine().isValid():
        pass
    layout.endLayout()
    missing = [text for run in layout.glyphRuns() for glyph in run.glyphIndexes() if glyph == 0]
    return missing


def test_the_japanese_board_has_no_missing_glyphs(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(config=EXAMPLES / "tokyo-meetup.toml", now="2025-10-04T13:10")
    event = kiosk.config.event
    from datetime import UTC, datetime, time

    from kiosk.store.cards import CardDraft

    kiosk.service.add_card(
        CardDraft(
            "room-1",
            datetime.combine(event.days[0], time(13, 30), event.tz).astimezone(UTC),
            "型ヒントで大きなコードベースを育てる",
            "佐藤 由紀",
        )
    )
    qtbot.waitUntil(
        lambda: any(
            prop(i, "text") == "型ヒントで大きなコードベースを育てる" for i in find_items(kiosk.window, "cardTopic")
        )
    )
    texts = [
        item
        for item in walk_items(kiosk.window.contentItem())
        if is_shown(item) and item.metaObject().className().startswith("QQuickText") and str(prop(item, "text"))
    ]
    japanese = [item for item in texts if any(ord(char) > 0x3000 for char in str(prop(item, "text")))]
    assert len(japanese) >= 4, "room names, notes, a block's reason and a topic are in Japanese"
    problems = {str(prop(item, "text")): missing_glyphs(item) for item in texts}
    missing = {text: chars for text, chars in problems.items() if chars}
    assert not missing, f"drawn as boxes (install a CJK font: Debian's fonts-noto-cjk): {missing}"
