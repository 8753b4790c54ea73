"""Touch that never misfires, with mouse events as well as touch events (a touch screen on X often reaches Qt as
a mouse): a tap on a sheet stays on the sheet (every button that closes or changes a sheet, a dialog or a screen), a
slow press still counts, the first tap after a hand-over lands; and the smaller fixes found with them.

Found by a person on a real X server; in-process touch events alone had missed the first of these.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.paths import DEMO_CONFIG
from kiosk.store.autobackup import take_automatic_backup
from kiosk.store.pin import set_pin
from kiosk.ui.app import KioskApp
from kiosk.ui.formview import FormMode, FormStage
from kiosk.ui.router import Overlay, Page
from tests.damage import overwrite_pages
from tests.ui.conftest import MakeKiosk, config_with, reveal_slot
from tests.ui.driver import (
    centre_of,
    find_item,
    find_items,
    find_object,
    find_shown,
    is_shown,
    keyboard_keys,
    press_at,
    tap,
    type_hardware,
    wait_for,
    walk_items,
)
from tests.ui.test_add_card import (
    FRIDAY_MORNING,
    add_card_with_code,
    enter_code,
    fill_card,
    open_free_slot,
    open_host_pad,
    wait_detail_closed,
)
from tests.ui.test_wishlist import open_idea_form, open_wish_list

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
        sheet = find_object(kiosk.window, "cardDetail")
        assert sheet is not None and sheet.property("enteringCode") is True
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


# --- every sheet's buttons: what a tap closes or changes, and nothing beneath it --------------------------------------
#
# Each case brings a screen up and names the button to press; the press goes to a point of the button over something
# beneath that would react to a tap (a free slot or a card of the grid, an idea's buttons, a staff row's buttons), and
# afterwards the screen and the database must be exactly what the button leads to, whether the press was a tap or
# held for over a second, and whether it came as touch or as a mouse.

PIN = "24681357"
FORM_ROOM, FORM_HOUR = "150d", "1600"  # free on the demo board on Friday

# What lies beneath a point and would take a tap there, by kind.
REACTIVE = {
    "voteButton": "idea",
    "hostIdeaButton": "idea",
    "addIdeaButton": "idea",
    "staffMove": "staff",
    "staffEdit": "staff",
    "staffCancel": "staff",
    "staffRestore": "staff",
    "staffHistory": "staff",
    "moreRooms": "page",
    "fewerRooms": "page",
    "wishListTab": "page",
}


@dataclass(frozen=True)
class FormSeen:
    mode: int
    stage: int
    slot: str
    topic: str
    host: str
    tags: tuple[str, ...]
    confirming_discard: bool
    warned: bool  # "Still there?" is up


@dataclass(frozen=True)
class Seen:
    """What a tap could change, on screen and in the database."""

    overlay: Overlay
    page: Page
    form: FormSeen | None  # while the host's form is open
    detail: tuple[str, bool] | None  # the card on the detail sheet and whether its keypad is up, while it is up
    idea_form: tuple[str, str, bool] | None  # topic, note, asking to discard, while it is open
    staff: tuple[bool, int] | None  # unlocked, and the section shown, while the staff panel is open
    asking_reason: bool
    moving_card: str
    hosting_idea: str
    first_room: int
    health_notice: str
    cards: frozenset[tuple[str, str, str, str]]  # room, day and hour, topic, host
    ideas: frozenset[tuple[str, int, bool]]  # topic, votes, adopted


def find_tag_chips(kiosk: KioskApp) -> list[QQuickItem]:
    return [i for i in walk_items(kiosk.window.contentItem()) if i.objectName().startswith("tagChip-")]


def seen(kiosk: KioskApp) -> Seen:
    router, form, ideas = kiosk.router, kiosk.form, kiosk.idea_form
    overlay = Overlay(router.property("overlay"))
    sheet = find_object(kiosk.window, "cardDetail")
    grid = find_item(kiosk.window, "boardGrid")
    assert sheet is not None and grid is not None
    event = kiosk.config.event
    return Seen(
        overlay=overlay,
        page=Page(router.property("page")),
        form=FormSeen(
            mode=form.property("mode"),
            stage=form.property("stage"),
            slot=f"{form.property('roomName')} {form.property('whenLabel')}",
            topic=form.property("topic"),
            host=form.property("hostName"),
            tags=tuple(
                sorted(i.objectName()[8:] for i in find_tag_chips(kiosk) if i.property("selected") and is_shown(i))
            ),
            confirming_discard=form.property("confirmingDiscard"),
            warned=form.property("countdown") > 0,
        )
        if form.property("isOpen")
        else None,
        detail=(kiosk.detail.property("cardId"), bool(sheet.property("enteringCode")))
        if overlay is Overlay.Detail
        else None,
        idea_form=(ideas.property("topic"), ideas.property("note"), ideas.property("confirmingDiscard"))
        if ideas.property("isOpen")
        else None,
        staff=(bool(kiosk.staff.property("unlocked")), kiosk.staff.property("section"))
        if kiosk.staff.property("isOpen")
        else None,
        asking_reason=any(is_shown(item) for item in find_items(kiosk.window, "reasonDialog")),
        moving_card=kiosk.vms.staff_cards.property("selectedId"),
        hosting_idea=form.property("ideaTopic"),
        first_room=grid.property("firstColumn"),
        health_notice=kiosk.vms.health.property("notice"),
        cards=frozenset(
            (c.room_key, event.local(c.starts_at).strftime("%a %H%M"), c.topic, c.host_name)
            for c in kiosk.service.cards()
        ),
        ideas=frozenset((i.topic, i.votes, i.adopted_card_id is not None) for i in kiosk.service.ideas()),
    )


def contains(item: QQuickItem, point: QPoint) -> bool:
    local = item.mapFromScene(QPointF(point))
    return 0 <= local.x() < item.width() and 0 <= local.y() < item.height()


def inside(item: QQuickItem, ancestor: QQuickItem) -> bool:
    while item is not None:
        if item is ancestor:
            return True
        item = item.parentItem()
    return False


def reactive_beneath(kiosk: KioskApp, point: QPoint, button: QQuickItem, kinds: tuple[str, ...]) -> str:
    """The name of what is under `point`, outside `button`, that would react to a tap there ("" if nothing of `kinds`):
    a free or booked cell of the grid where the grid shows it, or a shown button of the page."""
    table = find_item(kiosk.window, "board")
    assert table is not None
    for item in walk_items(kiosk.window.contentItem()):
        name = item.objectName()
        if not name or inside(item, button) or not contains(item, point):
            continue
        if name.startswith("slot-"):
            state = item.property("slotState")
            if state in kinds and item.property("visible") and contains(table, point):
                return f"{name} ({state})"
        elif (REACTIVE.get(name) in kinds or ("tag" in kinds and name.startswith("tagChip-"))) and is_shown(item):
            return name
    return ""


def landing_point(kiosk: KioskApp, button: QQuickItem, kinds: tuple[str, ...]) -> tuple[QPoint, str]:
    """A point on `button`, clear of the on-screen keyboard, over something beneath of `kinds`, and its name; the
    button's centre and "" when nothing of those kinds lies beneath the button."""
    assert is_shown(button), f"{button.objectName() or button} is not on screen"
    panel = find_item(kiosk.window, "inputPanel")
    assert panel is not None
    clear = []
    for fy in (0.5, 0.3, 0.7, 0.12, 0.88):
        for fx in (0.5, 0.35, 0.65, 0.2, 0.8, 0.08, 0.92):
            point = button.mapToScene(QPointF(button.width() * fx, button.height() * fy)).toPoint()
            if is_shown(panel) and contains(panel, point):
                continue
            clear.append(point)
            if target := reactive_beneath(kiosk, point, button, kinds):
                return point, target
    assert clear, f"the keyboard covers {button.objectName() or button.property('text')}"
    return clear[0], ""


def shown(kiosk: KioskApp, qtbot: QtBot, name: str) -> QQuickItem:
    qtbot.waitUntil(lambda: find_shown(kiosk.window, name) is not None)
    item = find_shown(kiosk.window, name)
    assert item is not None
    return item


def keyboard_gone(kiosk: KioskApp, qtbot: QtBot) -> None:
    """Until the on-screen keyboard has slid away (nothing left to type): a person taps what was under it then."""
    panel = find_item(kiosk.window, "inputPanel")
    qtbot.waitUntil(lambda: not is_shown(panel))


def form_with_text(kiosk: KioskApp, qtbot: QtBot) -> None:
    open_free_slot(kiosk, qtbot, FORM_ROOM, FORM_HOUR)
    fill_card(kiosk, qtbot, "Half a plan", "Ada")


def saved_card(kiosk: KioskApp, qtbot: QtBot) -> None:
    form_with_text(kiosk, qtbot)
    tap(kiosk.window, shown(kiosk, qtbot, "submitButton"))
    qtbot.waitUntil(lambda: kiosk.form.property("stage") == FormStage.Saved)
    keyboard_gone(kiosk, qtbot)


def asking_to_discard(kiosk: KioskApp, qtbot: QtBot) -> None:
    form_with_text(kiosk, qtbot)
    tap(kiosk.window, shown(kiosk, qtbot, "cancelButton"))
    qtbot.waitUntil(lambda: kiosk.form.property("confirmingDiscard") is True)


def host_code_typed(kiosk: KioskApp, qtbot: QtBot) -> None:
    """The host's card at 15:00, its sheet up with the keypad, the right code typed but not yet sent."""
    code = add_card_with_code(kiosk, 15)
    open_host_pad(kiosk, qtbot, "1500")
    for digit in code:
        tap(kiosk.window, shown(kiosk, qtbot, f"codeKey-{digit}"))


def host_form(kiosk: KioskApp, qtbot: QtBot) -> None:
    host_code_typed(kiosk, qtbot)
    tap(kiosk.window, shown(kiosk, qtbot, "codeKey-OK"))
    qtbot.waitUntil(lambda: kiosk.form.property("isOpen") is True)
    wait_detail_closed(kiosk, qtbot)


def host_form_armed(kiosk: KioskApp, qtbot: QtBot) -> None:
    """The host's own form, "Cancel this session" tapped once: the next tap cancels it."""
    host_form(kiosk, qtbot)
    tap(kiosk.window, shown(kiosk, qtbot, "cancelSessionButton"))
    assert "again" in shown(kiosk, qtbot, "cancelSessionButton").property("text")


def put_keyboard_away(kiosk: KioskApp, qtbot: QtBot) -> None:
    """The keyboard's own key for hiding it (the field keeps what was typed)."""
    panel = find_item(kiosk.window, "inputPanel")
    assert panel is not None
    (key,) = [i for i in walk_items(panel) if i.metaObject().className().startswith("HideKeyboardKey") and is_shown(i)]
    tap(kiosk.window, key)
    keyboard_gone(kiosk, qtbot)


def idle_warning_button(kiosk: KioskApp, qtbot: QtBot) -> QQuickItem:
    """ "I'm still here" on the warning over a filled-in form, the keyboard still up as it is while typing."""
    form_with_text(kiosk, qtbot)
    warning = find_item(kiosk.window, "idleWarning")
    assert warning is not None
    qtbot.waitUntil(lambda: is_shown(warning), timeout=5000)
    (button,) = [i for i in walk_items(warning) if i.metaObject().className().startswith("TouchButton")]
    return button


def open_idea_form_on_list(kiosk: KioskApp, qtbot: QtBot) -> None:
    open_wish_list(kiosk, qtbot)
    open_idea_form(kiosk, qtbot)


def idea_typed(kiosk: KioskApp, qtbot: QtBot) -> None:
    open_idea_form_on_list(kiosk, qtbot)
    type_hardware(kiosk.window, "Typing in Go")
    qtbot.waitUntil(lambda: kiosk.idea_form.property("topic") == "Typing in Go")


def idea_asking_to_discard(kiosk: KioskApp, qtbot: QtBot) -> None:
    idea_typed(kiosk, qtbot)
    tap(kiosk.window, shown(kiosk, qtbot, "ideaCancelButton"))
    qtbot.waitUntil(lambda: kiosk.idea_form.property("confirmingDiscard") is True)


def first_idea_button(kiosk: KioskApp, qtbot: QtBot, name: str) -> QQuickItem:
    """A button of the first idea on the wish list (the one most voted for)."""
    open_wish_list(kiosk, qtbot)
    row = shown(kiosk, qtbot, "idea-0")
    (button,) = [i for i in walk_items(row) if i.objectName() == name]
    return button


def attract_up(kiosk: KioskApp, qtbot: QtBot) -> QQuickItem:
    qtbot.waitUntil(lambda: is_shown(find_item(kiosk.window, "nowNext")), timeout=6000)
    QTest.qWait(100)
    return shown(kiosk, qtbot, "nowNext")


def staff_pin_pad(kiosk: KioskApp, qtbot: QtBot) -> None:
    set_pin(kiosk.service.data_dir, PIN)
    kiosk.staff.requestEntry()  # what holding the event's name does
    shown(kiosk, qtbot, "pinPad")


def staff_pin_typed(kiosk: KioskApp, qtbot: QtBot) -> None:
    staff_pin_pad(kiosk, qtbot)
    for digit in PIN:
        tap(kiosk.window, shown(kiosk, qtbot, f"pinKey-{digit}"))


def staff_unlocked(kiosk: KioskApp, qtbot: QtBot) -> None:
    staff_pin_typed(kiosk, qtbot)
    tap(kiosk.window, shown(kiosk, qtbot, "pinSubmit"))
    qtbot.waitUntil(lambda: kiosk.staff.property("unlocked") is True)


def staff_asking_reason(kiosk: KioskApp, qtbot: QtBot, reason: str = "") -> None:
    """The staff card list with the reason asked for cancelling AcroYoga."""
    staff_unlocked(kiosk, qtbot)
    card_id = next(str(c.id) for c in kiosk.service.cards() if c.topic == "AcroYoga")
    rows = [i for i in find_items(kiosk.window, "staffCancel") if is_shown(i)]
    tap(kiosk.window, next(b for b in rows if b.parentItem().parentItem().property("cardId") == card_id))
    field = shown(kiosk, qtbot, "reasonFieldInput")
    if reason:
        field.forceActiveFocus()
        type_hardware(kiosk.window, reason)
    QTest.qWait(250)  # the keyboard slides up under the dialog


def card_tuple(kiosk: KioskApp, topic: str) -> tuple[str, str, str, str]:
    (found,) = [c for c in seen(kiosk).cards if c[2] == topic]
    return found


@dataclass(frozen=True)
class Case:
    """A screen brought up by `setup`, the button on it to press, and what the press leads to (from what was seen
    just before it)."""

    id: str
    setup: Callable[[KioskApp, QtBot], object]
    button: str | Callable[[KioskApp, QtBot], QQuickItem]
    leads_to: Callable[[Seen, KioskApp], Seen]
    # What the press is aimed over, beneath the button; `beneath` says the layout puts one there (checked).
    kinds: tuple[str, ...] = ("free", "booked", "page")
    beneath: bool = True
    now: str = FRIDAY_MORNING
    demo: bool = True
    settings: tuple[tuple[str, int], ...] = ()
    damaged_board: bool = False
    size: str = "1920x1080"


def closed(before: Seen, _kiosk: KioskApp) -> Seen:
    """Back to the page with nothing over it."""
    return replace(before, overlay=Overlay.NoOverlay, form=None, detail=None, idea_form=None, staff=None)


def into_host_form(before: Seen, kiosk: KioskApp) -> Seen:
    slot = f"{kiosk.detail.property('roomName')} {kiosk.detail.property('when')}"
    form = FormSeen(FormMode.Edit, FormStage.Editing, slot, "Packaging clinic", "Zoë", (), False, False)
    return replace(before, overlay=Overlay.CardForm, detail=None, form=form)


def saved(before: Seen, _kiosk: KioskApp) -> Seen:
    assert before.form is not None
    added = (FORM_ROOM, f"Fri {FORM_HOUR}", before.form.topic, before.form.host)
    return replace(before, form=replace(before.form, stage=FormStage.Saved), cards=before.cards | {added})


def kept_editing(before: Seen, _kiosk: KioskApp) -> Seen:
    assert before.form is not None
    return replace(before, form=replace(before.form, confirming_discard=False, warned=False))


def session_cancelled(before: Seen, kiosk: KioskApp) -> Seen:
    assert before.form is not None
    gone = card_tuple(kiosk, "Packaging clinic")
    return replace(before, form=replace(before.form, stage=FormStage.Cancelled), cards=before.cards - {gone})


def idea_added(before: Seen, _kiosk: KioskApp) -> Seen:
    assert before.idea_form is not None
    return replace(closed(before, _kiosk), ideas=before.ideas | {(before.idea_form[0], 0, False)})


def idea_kept(before: Seen, _kiosk: KioskApp) -> Seen:
    assert before.idea_form is not None
    return replace(before, idea_form=(*before.idea_form[:2], False))


def first_idea(kiosk: KioskApp) -> tuple[str, int, bool]:
    row = find_shown(kiosk.window, "idea-0")
    assert row is not None
    return (row.property("topic"), row.property("votes"), row.property("adopted"))


def hosting_first_idea(before: Seen, kiosk: KioskApp) -> Seen:
    return replace(before, page=Page.Board, hosting_idea=first_idea(kiosk)[0])


def voted_first_idea(before: Seen, kiosk: KioskApp) -> Seen:
    topic, votes, adopted = first_idea(kiosk)
    return replace(before, ideas=before.ideas - {(topic, votes, adopted)} | {(topic, votes + 1, adopted)})


CASES = [
    Case("detail-close", partial(open_detail, hhmm="1100"), "closeButton", closed),
    Case("detail-code-ok", host_code_typed, "codeKey-OK", into_host_form, demo=False),
    Case(
        "form-cancel-empty",
        partial(open_free_slot, room=FORM_ROOM, hhmm=FORM_HOUR),
        "cancelButton",
        closed,
        beneath=False,
    ),
    Case("form-submit", form_with_text, "submitButton", saved, beneath=False),
    Case("form-saved-done", saved_card, "doneButton", closed),
    Case("form-saved-title-done", saved_card, "cancelButton", closed, beneath=False),
    Case("form-discard", asking_to_discard, "discardButton", closed),
    Case("form-keep-editing", asking_to_discard, "keepEditingButton", kept_editing, kinds=("free", "booked", "tag")),
    Case(
        "form-still-here",
        lambda k, q: None,
        idle_warning_button,
        kept_editing,
        settings=(("form_idle_seconds", 3), ("form_warning_seconds", 2)),
    ),
    Case("form-cancel-session", host_form_armed, "cancelSessionButton", session_cancelled, demo=False),
    Case("idea-cancel-empty", open_idea_form_on_list, "ideaCancelButton", closed, beneath=False),
    Case("idea-submit", idea_typed, "ideaSubmitButton", idea_added, kinds=("idea",), beneath=False),
    Case("idea-discard", idea_asking_to_discard, "discardButton", closed, kinds=("idea",), beneath=False),
    Case("idea-keep-editing", idea_asking_to_discard, "keepEditingButton", idea_kept, kinds=("idea",), beneath=False),
    Case("wish-host-this", lambda k, q: None, partial(first_idea_button, name="hostIdeaButton"), hosting_first_idea),
    Case(
        "wish-vote", lambda k, q: None, partial(first_idea_button, name="voteButton"), voted_first_idea, beneath=False
    ),
    Case(
        "wish-add-idea",
        open_wish_list,
        "addIdeaButton",
        lambda b, k: replace(b, overlay=Overlay.IdeaForm, idea_form=("", "", False)),
        kinds=("idea",),
        beneath=False,
    ),
    Case(
        "attract-over-a-free-slot",
        lambda k, q: None,
        attract_up,
        closed,
        kinds=("free",),
        settings=(("idle_seconds", 3),),
    ),
    Case(
        "attract-over-a-card", lambda k, q: None, attract_up, closed, kinds=("booked",), settings=(("idle_seconds", 3),)
    ),
    Case("staff-close-locked", staff_pin_pad, "staffCloseButton", closed, beneath=False),
    Case(
        "staff-pin-ok",
        staff_pin_typed,
        "pinSubmit",
        lambda b, k: replace(b, staff=(True, k.staff.property("section"))),
        now="2023-04-22T09:00",
    ),
    Case("staff-lock-and-close", staff_unlocked, "staffCloseButton", closed, beneath=False),
    Case(
        "staff-reason-back",
        staff_asking_reason,
        "reasonBack",
        lambda b, k: replace(b, asking_reason=False),
        kinds=("staff",),
        size="1280x1024",  # on a 5:4 screen the dialog's buttons lie over the rows' History and Edit
    ),
    Case(
        "staff-reason-confirm",
        partial(staff_asking_reason, reason="Host is ill"),
        "reasonConfirm",
        lambda b, k: replace(b, asking_reason=False, cards=b.cards - {card_tuple(k, "AcroYoga")}),
        kinds=("staff",),
        size="1280x1024",
    ),
    Case(
        "health-notice-ok",
        lambda k, q: None,
        "healthNoticeOk",
        lambda b, k: replace(b, health_notice=""),
        damaged_board=True,
    ),
]


def build(case: Case, make_kiosk: MakeKiosk, tmp_path: Path) -> KioskApp:
    config = config_with(tmp_path, **dict(case.settings)) if case.settings else DEMO_CONFIG
    args = ("--demo",) if case.demo else ()
    if not case.damaged_board:
        return make_kiosk(*args, now=case.now, config=config, size=case.size)
    # A board damaged on disk, restored from its backup at start: staff are told on the board.
    first = make_kiosk(*args, now=case.now, config=config)
    take_automatic_backup(first.service.db_path, 5, reason="test")
    first.close()
    overwrite_pages(first.service.db_path, 2, 6)
    return make_kiosk(now=case.now, config=config)


@pytest.mark.parametrize("hold_ms", [20, 1100], ids=["tap", "slow"])
@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_button_on_a_sheet_does_what_it_says_and_nothing_beneath_reacts(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path, case: Case, how: str, hold_ms: int
) -> None:
    kiosk = build(case, make_kiosk, tmp_path)
    case.setup(kiosk, qtbot)
    button = shown(kiosk, qtbot, case.button) if isinstance(case.button, str) else case.button(kiosk, qtbot)
    QTest.qWait(200)  # sheets fade in, the keyboard slides
    point, beneath = landing_point(kiosk, button, case.kinds)
    before = seen(kiosk)
    want = case.leads_to(before, kiosk)
    assert want != before

    press_at(kiosk.window, point, how=how, hold_ms=hold_ms)

    wait_for(lambda: seen(kiosk) == want)
    QTest.qWait(300)  # a misfire beneath may show a moment later
    # What the button uncovered counts too: the grid the wish list's "Host this" brings back.
    beneath = beneath or reactive_beneath(kiosk, point, button, case.kinds)
    assert seen(kiosk) == want, f"pressed over {beneath or 'nothing that takes a tap'}"
    assert beneath or not case.beneath, f"nothing of {case.kinds} was beneath the button: the case lost its point"


# --- the smaller fixes, with touch and with a mouse ---------------------------------------------------------------


def press(kiosk: KioskApp, qtbot: QtBot, name: str, how: str) -> None:
    press_at(kiosk.window, centre_of(shown(kiosk, qtbot, name)), how=how)


def open_slot_by(kiosk: KioskApp, qtbot: QtBot, how: str, room: str = FORM_ROOM, hhmm: str = FORM_HOUR) -> None:
    reveal_slot(kiosk, room, hhmm)
    cell = find_item(kiosk.window, f"slot-{room}-{hhmm}")
    assert cell is not None and cell.property("slotState") == "free"
    press_at(kiosk.window, centre_of(cell), how=how)
    qtbot.waitUntil(lambda: is_shown(find_item(kiosk.window, "addCardSheet")))


def focused(kiosk: KioskApp) -> str:
    item = kiosk.window.activeFocusItem()
    return item.objectName() if item is not None else ""


@pytest.mark.parametrize("how", HOW)
def test_cancel_on_a_filled_in_card_form_asks_and_keep_editing_keeps_the_text(
    make_kiosk: MakeKiosk, qtbot: QtBot, how: str
) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    open_slot_by(kiosk, qtbot, how)
    fill_card(kiosk, qtbot, "Half a plan", "Ada")
    dialog = find_item(kiosk.window, "discardConfirm")

    press(kiosk, qtbot, "cancelButton", how)
    qtbot.waitUntil(lambda: is_shown(dialog))
    assert kiosk.form.property("isOpen") is True

    press(kiosk, qtbot, "keepEditingButton", how)
    qtbot.waitUntil(lambda: not is_shown(dialog))
    assert kiosk.form.property("isOpen") is True
    assert (kiosk.form.property("topic"), kiosk.form.property("hostName")) == ("Half a plan", "Ada")
    on_screen = [find_item(kiosk.window, name) for name in ("topicFieldInput", "hostFieldInput")]
    assert [item.property("text") for item in on_screen if item is not None] == ["Half a plan", "Ada"]

    press(kiosk, qtbot, "cancelButton", how)
    qtbot.waitUntil(lambda: is_shown(dialog))
    press(kiosk, qtbot, "discardButton", how)
    qtbot.waitUntil(lambda: kiosk.form.property("isOpen") is False)
    assert not [c for c in kiosk.service.cards() if c.topic == "Half a plan"]
    assert kiosk.router.property("overlay") == Overlay.NoOverlay


@pytest.mark.parametrize("how", HOW)
def test_cancel_on_a_filled_in_idea_form_asks_and_keep_editing_keeps_the_text(
    make_kiosk: MakeKiosk, qtbot: QtBot, how: str
) -> None:
    kiosk = make_kiosk("--demo", now=FRIDAY_MORNING)
    before = kiosk.service.ideas()
    idea_typed(kiosk, qtbot)
    dialog = find_item(kiosk.window, "ideaDiscardConfirm")

    press(kiosk, qtbot, "ideaCancelButton", how)
    qtbot.waitUntil(lambda: is_shown(dialog))
    press(kiosk, qtbot, "keepEditingButton", how)
    qtbot.waitUntil(lambda: not is_shown(dialog))
    assert kiosk.idea_form.property("isOpen") is True and kiosk.idea_form.property("topic") == "Typing in Go"
    field = find_item(kiosk.window, "ideaTopicFieldInput")
    assert field is not None and field.property("text") == "Typing in Go"

    press(kiosk, qtbot, "ideaCancelButton", how)
    qtbot.waitUntil(lambda: is_shown(dialog))
    press(kiosk, qtbot, "discardButton", how)
    qtbot.waitUntil(lambda: kiosk.idea_form.property("isOpen") is False)
    assert kiosk.service.ideas() == before
    assert kiosk.router.property("page") == Page.WishList


@pytest.mark.parametrize("how", HOW)
def test_the_grid_card_shows_the_hosts_handle(make_kiosk: MakeKiosk, qtbot: QtBot, how: str) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    open_slot_by(kiosk, qtbot, how)
    fill_card(kiosk, qtbot, "Handles on the wall", "Ada")
    QTest.keyClick(kiosk.window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused(kiosk) == "handleFieldInput")
    type_hardware(kiosk.window, "@ada@pycon.social")
    press(kiosk, qtbot, "submitButton", how)
    qtbot.waitUntil(lambda: kiosk.form.property("stage") == FormStage.Saved)
    keyboard_gone(kiosk, qtbot)
    press(kiosk, qtbot, "doneButton", how)
    qtbot.waitUntil(lambda: kiosk.form.property("isOpen") is False)

    (card,) = [c for c in kiosk.service.cards() if c.topic == "Handles on the wall"]
    assert card.handle == "@ada@pycon.social"
    reveal_slot(kiosk, FORM_ROOM, FORM_HOUR)
    cell = find_item(kiosk.window, f"slot-{FORM_ROOM}-{FORM_HOUR}")
    assert cell is not None and cell.property("slotState") == "booked"
    texts = [str(i.property("text")) for i in walk_items(cell) if is_shown(i) and i.property("text")]
    assert "Ada · @ada@pycon.social" in texts

    press_at(kiosk.window, centre_of(cell), how=how)  # and on the card's sheet
    qtbot.waitUntil(lambda: kiosk.router.property("overlay") == Overlay.Detail)
    assert kiosk.detail.property("handle") == "@ada@pycon.social"


@pytest.mark.parametrize("how", HOW)
def test_only_the_field_pressed_into_shows_a_cursor(make_kiosk: MakeKiosk, qtbot: QtBot, how: str) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    open_slot_by(kiosk, qtbot, how)
    qtbot.waitUntil(lambda: focused(kiosk) == "topicFieldInput")
    names = ("topicFieldInput", "hostFieldInput", "handleFieldInput", "descriptionFieldInput")
    fields = {name: find_item(kiosk.window, name) for name in names}

    def cursors() -> dict[str, bool]:
        return {name: bool(item.property("cursorVisible")) for name, item in fields.items() if item is not None}

    assert cursors() == {name: name == "topicFieldInput" for name in names}
    press(kiosk, qtbot, "hostFieldInput", how)
    qtbot.waitUntil(lambda: focused(kiosk) == "hostFieldInput")
    assert cursors() == {name: name == "hostFieldInput" for name in names}


@pytest.mark.parametrize("how", HOW)
def test_each_field_moved_to_with_the_keyboard_scrolls_above_it(make_kiosk: MakeKiosk, qtbot: QtBot, how: str) -> None:
    """Enter on the on-screen keyboard, pressed as touch or as a mouse, moves on; each field comes into view above
    the keyboard, and the tags with the description."""
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    open_slot_by(kiosk, qtbot, how)
    panel = find_item(kiosk.window, "inputPanel")
    assert panel is not None
    keyboard_top = kiosk.window.height() - panel.height()
    qtbot.waitUntil(lambda: panel.property("active") is True and abs(panel.y() - keyboard_top) < 1)
    form_top = shown(kiosk, qtbot, "cardFormFields").mapToScene(QPointF(0, 0)).y()

    def in_view(item: QQuickItem) -> bool:
        top = item.mapToScene(QPointF(0, 0)).y()
        return top >= form_top - 1 and top + item.height() <= keyboard_top + 1

    chips = find_tag_chips(kiosk)
    assert chips
    for name in ("topicFieldInput", "hostFieldInput", "handleFieldInput", "descriptionFieldInput"):
        qtbot.waitUntil(lambda: focused(kiosk) == name)  # noqa: B023 - waited for within the loop
        field = find_item(kiosk.window, name)
        assert field is not None
        qtbot.waitUntil(lambda: in_view(field), timeout=1000)  # noqa: B023
        if name == "descriptionFieldInput":
            qtbot.waitUntil(lambda: in_view(chips[0]), timeout=1000)
        else:
            press_at(kiosk.window, centre_of(keyboard_keys(kiosk.window)["\n"]), how=how)


@pytest.mark.parametrize("how", HOW)
def test_the_still_here_button_is_not_hidden_behind_the_keyboard(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path, how: str
) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING, config=config_with(tmp_path, form_idle_seconds=3, form_warning_seconds=2))
    form_with_text(kiosk, qtbot)  # typing: the keyboard is up under the host's name
    warning = find_item(kiosk.window, "idleWarning")
    assert warning is not None
    qtbot.waitUntil(lambda: is_shown(warning), timeout=5000)
    panel = find_item(kiosk.window, "inputPanel")
    assert panel is not None and is_shown(panel)
    (button,) = [i for i in walk_items(warning) if i.metaObject().className().startswith("TouchButton")]

    keyboard_top = panel.mapToScene(QPointF(0, 0)).y()
    assert button.mapToScene(QPointF(0, button.height())).y() <= keyboard_top, "'I'm still here' is behind the keyboard"
    press_at(kiosk.window, centre_of(button), how=how)
    qtbot.waitUntil(lambda: not is_shown(warning))
    assert (kiosk.form.property("topic"), kiosk.form.property("hostName")) == ("Half a plan", "Ada")


@pytest.mark.parametrize("hold_ms", [20, 1100], ids=["tap", "slow"])
@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("under", ["free", "booked"])
def test_a_tap_beside_the_detail_sheet_closes_it_and_opens_nothing_beneath(
    make_kiosk: MakeKiosk, qtbot: QtBot, under: str, how: str, hold_ms: int
) -> None:
    kiosk = make_kiosk("--demo", now=FRIDAY_MORNING)
    open_detail(kiosk, qtbot)
    sheet = find_object(kiosk.window, "cardDetail")
    table = find_item(kiosk.window, "board")
    assert sheet is not None and table is not None
    x, y, width, height = (float(sheet.property(name)) for name in ("x", "y", "width", "height"))

    def beside_the_sheet(cell: QQuickItem) -> bool:
        point = centre_of(cell)
        return contains(table, point) and not (x <= point.x() < x + width and y <= point.y() < y + height)

    cells = [i for i in walk_items(kiosk.window.contentItem()) if i.objectName().startswith("slot-") and is_shown(i)]
    cell = next(c for c in cells if c.property("slotState") == under and beside_the_sheet(c))
    before = seen(kiosk)
    want = replace(before, overlay=Overlay.NoOverlay, detail=None)

    press_at(kiosk.window, centre_of(cell), how=how, hold_ms=hold_ms)

    wait_for(lambda: seen(kiosk) == want)
    QTest.qWait(300)
    assert seen(kiosk) == want, f"pressed on {cell.objectName()} beside the sheet"
