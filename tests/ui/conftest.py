"""Fixtures that build the real kiosk window on a fresh database, at a chosen local time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import Q_ARG, QMetaObject
from pytestqt.qtbot import QtBot

from kiosk.config import load_config
from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Event
from kiosk.paths import DEMO_CONFIG
from kiosk.store.service import BoardService
from kiosk.ui.app import KioskApp, build_kiosk
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.router import KioskRouter
from tests.ui.driver import find_item, wait_for, walk_items

MakeKiosk = Callable[..., KioskApp]


@pytest.fixture
def make_kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[MakeKiosk]:
    built: list[KioskApp] = []

    def make(
        *args: str, now: str | None = "2023-04-21T11:30", config: Path = DEMO_CONFIG, size: str = "1920x1080"
    ) -> KioskApp:
        """The kiosk for `args` on this test's data directory; `now=None` runs it without `--now`."""
        clock = ["--now", now] if now is not None else []
        argv = ["--config", str(config), "--data-dir", str(tmp_path / "data"), *clock, "--size", size, *args]
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


@dataclass
class Kit:
    """What every view model is built from, without a window: the demo board, a manual clock, the feed, the router."""

    event: Event
    service: BoardService
    clock: ManualClock
    feed: KioskChangeFeed
    router: KioskRouter


@pytest.fixture
def kit(qapp: object, tmp_path: Path) -> Iterator[Kit]:
    """The demo event's board on Friday at 11:35, with its sample sessions, for window-free view-model tests."""
    event = load_config(DEMO_CONFIG).event
    clock = ManualClock(event.at(event.days[0], time(11, 35)))
    service = BoardService.open(tmp_path / "vm", event, clock, "test-kiosk")
    service.seed_demo()
    feed = KioskChangeFeed(service)
    yield Kit(event, service, clock, feed, KioskRouter())
    feed.stop()
    service.close()
