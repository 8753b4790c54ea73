"""Sync on the real window, with a real hub and a second kiosk: the header's state at a glance, "Sync now" and
the conflicts list in the staff panel, and a host told at once when their new card lost its slot."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.config import load_config
from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Limits
from kiosk.paths import DEMO_CONFIG
from kiosk.store.cards import CardDraft
from kiosk.store.pin import set_pin
from kiosk.sync.settings import PASSWORD_ENV
from kiosk.ui.app import KioskApp
from kiosk.ui.formview import FormStage
from kiosk.ui.staff import StaffSection
from tests.pgcluster import PgCluster
from tests.sync.harness import SimKiosk, make_hub
from tests.ui.conftest import MakeKiosk
from tests.ui.driver import find_item, find_shown, is_shown, tap
from tests.ui.test_add_card import fill_card, open_free_slot
from tests.ui.test_screenshots import ARTEFACTS
from tests.ui.test_staff import PIN, enter_pin, hold_event_name, show_section

FRIDAY = "2023-04-21T09:00"


@pytest.fixture
def hub_config(hub_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo event with a [hub]; rounds only when the test asks (a long interval), the password from the
    environment as a kiosk under systemd would have it."""
    from sqlalchemy.engine import make_url

    make_hub(hub_url)
    url = make_url(hub_url)
    monkeypatch.setenv(PASSWORD_ENV, url.password or "")
    shown = url._replace(password=None).render_as_string(hide_password=False)
    config = tmp_path / "kiosk.toml"
    text = DEMO_CONFIG.read_text(encoding="utf-8").replace('id = ""', 'id = "hall"', 1)
    config.write_text(text + f'\n[hub]\nurl = "{shown}"\ninterval_seconds = 3600\n', encoding="utf-8")
    return config


@pytest.fixture
def other_kiosk(hub_url: str, tmp_path: Path) -> Iterator[SimKiosk]:
    event = replace(load_config(DEMO_CONFIG).event, limits=Limits(cards_per_kiosk_per_minute=1000))

    kiosk = SimKiosk("foyer", tmp_path / "others", hub_url, event=event, clock=ManualClock(local_friday(9)))
    yield kiosk
    kiosk.close()


def local_friday(hour: int) -> datetime:
    event = load_config(DEMO_CONFIG).event
    return datetime(2023, 4, 21, hour, tzinfo=event.tz).astimezone(UTC)


def header_status(kiosk: KioskApp) -> str:
    status = find_item(kiosk.window, "syncStatus")
    return str(status.property("text")) if status is not None and is_shown(status) else ""


def sync_and_wait(kiosk: KioskApp, qtbot: QtBot) -> None:
    sync = kiosk.vms.sync
    qtbot.waitUntil(lambda: not sync.property("busy"), timeout=20_000)
    sync.syncNow()
    qtbot.waitUntil(lambda: not sync.property("busy"), timeout=20_000)


def test_the_header_says_synced_then_offline_since_and_back(
    make_kiosk: MakeKiosk, hub_config: Path, pg_cluster: PgCluster, qtbot: QtBot
) -> None:
    kiosk = make_kiosk(now=FRIDAY, config=hub_config)
    qtbot.waitUntil(lambda: header_status(kiosk) == "Synced", timeout=20_000)
    assert kiosk.window.grabWindow().save(str(ARTEFACTS / "board-synced-1920x1080.png"))
    pg_cluster.stop()
    try:
        sync_and_wait(kiosk, qtbot)
        assert header_status(kiosk) == "Offline since 09:00"
        # The kiosk works on while apart: a card still goes on the board, and waits to be pushed.
        kiosk.service.add_card(CardDraft("150d", local_friday(14), "Made offline", "Ana"))
        sync_and_wait(kiosk, qtbot)
        assert header_status(kiosk) == "Offline since 09:00"
    finally:
        pg_cluster.start()
    sync_and_wait(kiosk, qtbot)
    assert header_status(kiosk) == "Synced"
    assert kiosk.service.pending_sync() == 0


def test_a_card_from_another_kiosk_appears_and_staff_settle_a_conflict_by_touch(
    make_kiosk: MakeKiosk, hub_config: Path, other_kiosk: SimKiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    set_pin(tmp_path / "data", PIN)
    kiosk = make_kiosk(now=FRIDAY, config=hub_config)
    qtbot.waitUntil(lambda: header_status(kiosk) == "Synced", timeout=20_000)
    # The other kiosk books 15:00 in 150D; this one, not having heard, books the same slot.
    other_kiosk.sync()
    other_kiosk.service.add_card(CardDraft("150d", local_friday(15), "Foyer's session", "Bo"))
    other_kiosk.sync()
    kiosk.service.add_card(CardDraft("150d", local_friday(15), "Hall's session", "Ana"))

    hold_event_name(kiosk)
    qtbot.waitUntil(lambda: is_shown(find_item(kiosk.window, "pinPad")))
    enter_pin(kiosk, PIN)
    qtbot.waitUntil(lambda: kiosk.staff.property("unlocked") is True)
    show_section(kiosk, StaffSection.Sync)
    button = find_shown(kiosk.window, "syncNowButton")
    assert button is not None
    tap(kiosk.window, button)
    qtbot.waitUntil(lambda: kiosk.vms.sync.property("conflictCount") == 1, timeout=20_000)
    assert header_status(kiosk) == "Synced · 1 conflict"
    qtbot.waitUntil(lambda: find_shown(kiosk.window, "conflict-0") is not None)
    row = find_shown(kiosk.window, "conflict-0")
    assert row is not None and "“Hall's session” needs a new slot" in str(row.property("headline"))
    assert [c.topic for c in kiosk.service.cards() if c.room_key == "150d"] == ["Foyer's session"]

    QTest.qWait(300)
    assert kiosk.window.grabWindow().save(str(ARTEFACTS / "staff-sync-conflict-1920x1080.png"))
    first = find_shown(kiosk.window, "conflictSlot-0")
    assert first is not None
    label = str(first.property("text"))
    assert "15:00" in label  # the same hour in another room first
    tap(kiosk.window, first)
    qtbot.waitUntil(lambda: kiosk.vms.sync.property("conflictCount") == 0)
    assert find_shown(kiosk.window, "conflict-0") is None
    hall = next(c for c in kiosk.service.cards() if c.topic == "Hall's session")
    assert kiosk.config.event.room(hall.room_key).name in label
    sync_and_wait(kiosk, qtbot)
    other_kiosk.sync()
    assert sorted(c.topic for c in other_kiosk.service.cards()) == ["Foyer's session", "Hall's session"]
    assert other_kiosk.service.conflicts() == ()


def test_a_host_still_at_the_kiosk_is_told_their_slot_went_and_moves_the_card_with_one_tap(
    make_kiosk: MakeKiosk, hub_config: Path, other_kiosk: SimKiosk, qtbot: QtBot
) -> None:
    kiosk = make_kiosk(now=FRIDAY, config=hub_config)
    qtbot.waitUntil(lambda: header_status(kiosk) == "Synced", timeout=20_000)
    other_kiosk.sync()
    other_kiosk.service.add_card(CardDraft("150e", local_friday(16), "Booked a moment earlier", "Bo"))
    other_kiosk.sync()

    open_free_slot(kiosk, qtbot, "150e", "1600")
    fill_card(kiosk, qtbot, "Packaging clinic", "Ana")
    submit = find_item(kiosk.window, "submitButton")
    assert submit is not None
    tap(kiosk.window, submit)
    qtbot.waitUntil(lambda: kiosk.form.property("stage") == FormStage.Saved)
    sync_and_wait(kiosk, qtbot)

    qtbot.waitUntil(lambda: kiosk.form.property("stage") == FormStage.Rebook)
    panel = find_shown(kiosk.window, "rebookPanel")
    assert panel is not None
    QTest.qWait(300)
    assert kiosk.window.grabWindow().save(str(ARTEFACTS / "form-rebook-1920x1080.png"))
    choice = find_shown(kiosk.window, "rebookSlot-0")
    assert choice is not None
    tap(kiosk.window, choice)
    qtbot.waitUntil(lambda: kiosk.form.property("stage") == FormStage.Saved)
    mine = next(c for c in kiosk.service.cards() if c.topic == "Packaging clinic")
    assert (mine.room_key, mine.starts_at) != ("150e", local_friday(16))
    assert kiosk.service.conflicts() == ()
    sync_and_wait(kiosk, qtbot)
    other_kiosk.sync()
    assert sorted(c.topic for c in other_kiosk.service.cards()) == ["Booked a moment earlier", "Packaging clinic"]
