"""Touch that never misfires, with mouse events as well as touch events (a touch screen on X often reaches Qt as
a mouse): a tap on a sheet stays on the sheet, a slow press still counts, the first tap after a hand-over lands.

Found by a person on a real X server; in-process touch events alone had missed the first of these.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.ui.app import KioskApp
from kiosk.ui.formview import FormMode, FormStage
from kiosk.ui.router import Overlay
from tests.ui.conftest import MakeKiosk, config_with, reveal_slot
from tests.ui.driver import centre_of, find_item, find_object, find_shown, is_shown, press_at, tap, walk_items
from tests.ui.test_add_card import FRIDAY_MORNING, add_card_with_code, enter_code, fill_card, open_host_pad

HOW = ["touch", "mouse"]


def cell_under(kiosk: KioskApp, point: QPoint) -> QQuickItem | None:
    for item in walk_items(kiosk.window.contentItem()):
        if item.objectName().startswith("slot-") and item.isVisible():
            local = item.mapFromScene(QPointF(point))
            if 0 <= local.x() < item.width() and 0 <= local.y() < item.height():
                return item
    return None


def open_detail(kiosk: KioskApp, qtbot: QtBot, room: str = "150f", hhmm: str = "1100") -> None:
    reveal_slot(kiosk, room, hhmm)
    cell = find_item(kiosk.window, f"slot-{room}-{hhmm}")
    assert cell is not None and cell.property("slotState") == "booked"
    tap(kiosk.window, cell)
    host = find_item(kiosk.window, "hostButton")
    qtbot.waitUntil(lambda: host is not None and is_shown(host))
    QTest.qWait(200)  # the sheet's fade-in


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize(
    ("target", "now", "under"), [("hostButton", "11:30", "booked"), ("closeButton", "09:00", "free")]
)
def test_a_tap_on_a_sheet_never_reaches_the_board_beneath(
    make_kiosk: MakeKiosk, qtbot: QtBot, how: str, target: str, now: str, under: str
) -> None:
    kiosk = make_kiosk("--demo", now=f"2023-04-21T{now}")
    open_detail(kiosk, qtbot)
    card_id = kiosk.detail.property("cardId")
    button = find_shown(kiosk.window, target)
    assert button is not None
    point = centre_of(button)
    beneath = cell_under(kiosk, point)
    assert beneath is not None and beneath.property("slotState") == under, "the case needs a slot under the button"

    press_at(kiosk.window, point, how=how)
    QTest.qWait(300)

    assert not kiosk.form.property("isOpen"), "a form opened for the slot under the sheet"
    if target == "hostButton":
        assert kiosk.detail.property("cardId") == card_id, "the sheet switched to the card under the button"
        assert find_object(kiosk.window, "cardDetail").property("enteringCode") is True
        assert is_shown(find_item(kiosk.window, "codePad"))
    else:
        assert kiosk.router.property("overlay") == Overlay.NoOverlay


@pytest.mark.parametrize("how", HOW)
def test_a_slow_press_on_a_free_slot_opens_it(make_kiosk: MakeKiosk, qtbot: QtBot, how: str) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    room = kiosk.config.event.rooms[0].key
    reveal_slot(kiosk, room, "1600")
    cell = find_item(kiosk.window, f"slot-{room}-1600")
    assert cell is not None and cell.property("slotState") == "free"
    press_at(kiosk.window, centre_of(cell), how=how, hold_ms=1200)
    qtbot.waitUntil(lambda: kiosk.form.property("isOpen") is True)


@pytest.mark.parametrize("how", HOW)
def test_a_slow_press_on_a_button_or_key_counts(make_kiosk: MakeKiosk, qtbot: QtBot, how: str) -> None:
    kiosk = make_kiosk("--demo")
    open_detail(kiosk, qtbot)
    host = find_item(kiosk.window, "hostButton")
    assert host is not None
    press_at(kiosk.window, centre_of(host), how=how, hold_ms=1200)
    pad = find_item(kiosk.window, "codePad")
    qtbot.waitUntil(lambda: is_shown(pad))
    key = find_item(kiosk.window, "codeKey-2")
    assert key is not None
    press_at(kiosk.window, centre_of(key), how=how, hold_ms=1200)
    assert pad is not None and pad.property("code") == "2"


@pytest.mark.parametrize("how", HOW)
def test_the_first_tap_after_the_keypad_closes_lands(make_kiosk: MakeKiosk, qtbot: QtBot, how: str) -> None:
    """A host taps Save the moment their form opens: the detail sheet must not be fading over it."""
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    code = add_card_with_code(kiosk, 15)
    open_host_pad(kiosk, qtbot, "1500")
    enter_code(kiosk, code)
    assert kiosk.form.property("isOpen") is True and kiosk.form.property("mode") == FormMode.Edit
    submit = find_item(kiosk.window, "submitButton")
    assert submit is not None
    press_at(kiosk.window, centre_of(submit), how=how)  # at once: no waiting for any fade
    qtbot.waitUntil(lambda: kiosk.form.property("stage") == FormStage.Saved, timeout=1000)


@pytest.mark.parametrize("how", HOW)
def test_a_touch_on_the_idle_warning_keeps_the_form_and_presses_nothing_under_it(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path, how: str
) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING, config=config_with(tmp_path, form_idle_seconds=3, form_warning_seconds=2))
    from tests.ui.test_add_card import open_free_slot

    open_free_slot(kiosk, qtbot, kiosk.config.event.rooms[2].key, "1300")
    fill_card(kiosk, qtbot, "Still typing", "Someone")
    submit = find_item(kiosk.window, "submitButton")
    assert submit is not None and submit.isEnabled()
    warning = find_item(kiosk.window, "idleWarning")
    qtbot.waitUntil(lambda: is_shown(warning), timeout=5000)

    press_at(kiosk.window, centre_of(submit), how=how)  # on the dim warning, where Save is underneath

    qtbot.waitUntil(lambda: not is_shown(warning))
    assert kiosk.form.property("stage") == FormStage.Editing and kiosk.form.property("topic") == "Still typing"
    assert not [c for c in kiosk.service.cards() if c.topic == "Still typing"]
