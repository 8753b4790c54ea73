"""Fixtures that build the real kiosk window on a fresh database, at a chosen local time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Q_ARG, QMetaObject
from pytestqt.qtbot import QtBot

from kiosk.paths import DEMO_CONFIG
from kiosk.ui.app import KioskApp, build_kiosk
from tests.ui.driver import find_item, wait_for, walk_items

MakeKiosk = Callable[..., KioskApp]


@pytest.fixture
def make_kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[MakeKiosk]:
    built: list[KioskApp] = []

    def make(
        *args: str, now: str = "2023-04-21T11:30", config: Path = DEMO_CONFIG, size: str = "1920x1080"
    ) -> KioskApp:
        argv = ["--config", str(config), "--data-dir", str(tmp_path / "data"), "--now", now, "--size", size, *args]
        kiosk = build_kiosk(argv)
        built.append(kiosk)
        qtbot.waitExposed(kiosk.window)
        # The grid's cells exist once TableView has laid out, on the first frames.
        qtbot.waitUntil(lambda: any(i.objectName().startswith("slot-") for i in walk_items(kiosk.window.contentItem())))
        return kiosk

    yield make
    for kiosk in built:
        kiosk.close()


def reveal_slot(kiosk: KioskApp, room_key: str, hhmm: str) -> None:
    """Scroll the grid so that a slot's cell exists and is on screen, as a person would flick to it."""
    event = kiosk.config.event
    column = [r.key for r in event.rooms].index(room_key)
    hours = kiosk.board.property("hours")
    row = hours.index(f"{hhmm[:2]}:{hhmm[2:]}")
    grid = find_item(kiosk.window, "boardGrid")
    assert grid is not None
    QMetaObject.invokeMethod(grid, "revealCell", Q_ARG(int, row), Q_ARG(int, column))
    name = f"slot-{room_key}-{hhmm}"
    wait_for(lambda: find_item(kiosk.window, name) is not None)


def config_with(tmp_path: Path, **settings: int) -> Path:
    """The demo event with some [kiosk] or [limits] numbers changed, e.g. form_idle_seconds=2."""
    text = DEMO_CONFIG.read_text(encoding="utf-8")
    for key, value in settings.items():
        lines = text.splitlines()
        matches = [i for i, line in enumerate(lines) if line.split("=")[0].strip() == key]
        assert matches, f"{key} is not in the demo config"
        lines[matches[0]] = f"{key} = {value}"
        text = "\n".join(lines) + "\n"
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path
