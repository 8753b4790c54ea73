"""A host at the wall: add a card by touch, lose the slot while typing, go idle, edit and cancel with the code."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import Q_ARG, QMetaObject, QPointF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.domain.clock import ManualClock
from kiosk.store.service import BoardService, CardDraft
from kiosk.ui.app import KioskApp
from kiosk.ui.formview import FormMode, FormStage
from tests.ui.conftest import MakeKiosk, config_with, reveal_slot
from tests.ui.driver import (
    find_item,
    find_object,
    find_shown,
    focused_name,
    is_shown,
    keyboard_keys,
    long_press_alternative,
    tap,
    tap_named,
    texts_in,
    type_hardware,
    type_on_keyboard,
    wait_keyboard_gone,
    walk_items,
)

FRIDAY_MORNING = "2023-04-21T09:00"


def open_free_slot(kiosk: KioskApp, qtbot: QtBot, room: str, hhmm: str) -> None:
    reveal_slot(kiosk, room, hhmm)
    cell = find_item(kiosk.window, f"slot-{room}-{hhmm}")
    assert cell is not None and cell.property("slotState") == "free"
    wait_keyboard_gone(kiosk.window)
    tap(kiosk.window, cell)
    sheet = find_item(kiosk.window, "addCardSheet")
    assert sheet is not None
    qtbot.waitUntil(lambda: is_shown(sheet))


def fill_card(kiosk: KioskApp, qtbot: QtBot, topic: str, host: str) -> None:
    qtbot.waitUntil(lambda: focused_name(kiosk.window) == "topicFieldInput")
    type_hardware(kiosk.window, topic)
    QTest.keyClick(kiosk.window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused_name(kiosk.window) == "hostFieldInput")
    type_hardware(kiosk.window, host)


def retype_topic(kiosk: KioskApp, topic: str) -> None:
    """Back in the topic field, everything in it selected and typed over on a hardware keyboard."""
    field = find_item(kiosk.window, "topicFieldInput")
    assert field is not None
    field.forceActiveFocus()
    QTest.keyClick(kiosk.window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_hardware(kiosk.window, topic)


def scroll_into_view(kiosk: KioskApp, item: QQuickItem) -> None:
    """What a person does with a flick: bring a part of the form above the keyboard."""
    fields = find_item(kiosk.window, "cardFormFields")
    QMetaObject.invokeMethod(fields, "reveal", Q_ARG(QQuickItem, item), Q_ARG(QQuickItem, item))
    QTest.qWait(250)  # the form scrolls with a short animation


def test_host_adds_a_card_by_touch(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    room = kiosk.config.event.rooms[0]
    open_free_slot(kiosk, qtbot, room.key, "1600")
    panel = find_item(kiosk.window, "inputPanel")
    qtbot.waitUntil(lambda: is_shown(panel) and panel.property("active") is True)
    qtbot.waitUntil(lambda: focused_name(kiosk.window) == "topicFieldInput")

    # The topic, tapped out key by key on the on-screen keyboard, then Enter moves on.
    type_on_keyboard(kiosk.window, "Git clinic")
    tap(kiosk.window, keyboard_keys(kiosk.window)["\n"])
    qtbot.waitUntil(lambda: focused_name(kiosk.window) == "hostFieldInput")
    # Accents by holding a key: Jos + é.
    type_on_keyboard(kiosk.window, "Jos")
    long_press_alternative(kiosk.window, "e", "é")
    assert kiosk.form.property("hostName") == "José"
    QTest.keyClick(kiosk.window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused_name(kiosk.window) == "handleFieldInput")
    type_hardware(kiosk.window, "@jose")
    tag = find_item(kiosk.window, "tagChip-git")
    assert tag is not None
    scroll_into_view(kiosk, tag)  # the tags sit below the keyboard: the host scrolls the form up
    tap(kiosk.window, tag)

    preview = find_item(kiosk.window, "cardPreview")
    assert preview is not None and preview.property("topic") == "Git clinic"
    assert preview.property("host") == "José" and preview.property("tagLabel") == "Git"

    submit = find_item(kiosk.window, "submitButton")
    assert submit is not None
    tap(kiosk.window, submit)
    code = find_item(kiosk.window, "editCode")
    assert code is not None
    qtbot.waitUntil(lambda: is_shown(code))
    assert len(code.property("text")) == 6 and code.property("text").isdigit()
    wait_keyboard_gone(kiosk.window)  # nothing left to type: the keyboard goes away
    assert any("#PyConOpenSpace" in text for text in texts_in(kiosk.window.contentItem()))

    # On the grid at once, and in the database exactly as typed.
    cell = find_item(kiosk.window, f"slot-{room.key}-1600")
    assert cell is not None and cell.property("slotState") == "booked"
    (card,) = [c for c in kiosk.service.cards() if c.room_key == room.key and c.topic == "Git clinic"]
    assert (card.host_name, card.handle, card.tags) == ("José", "@jose", ("git",))
    done = find_item(kiosk.window, "cancelButton")
    assert done is not None
    tap(kiosk.window, done)
    qtbot.waitUntil(lambda: not is_shown(find_item(kiosk.window, "addCardSheet")))


def test_live_validation_beside_the_field(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    open_free_slot(kiosk, qtbot, kiosk.config.event.rooms[0].key, "1500")
    fill_card(kiosk, qtbot, "ab", "")
    assert any("at least 3 characters" in text for text in texts_in(kiosk.window.contentItem()))
    submit = find_item(kiosk.window, "submitButton")
    assert submit is not None and submit.property("enabled") is False
    # Markup is kept as typed and previewed literally.
    retype_topic(kiosk, "<b>Bold</b> ideas")
    preview = find_item(kiosk.window, "cardPreview")
    assert preview is not None and preview.property("topic") == "<b>Bold</b> ideas"


def test_slot_taken_while_typing_keeps_the_card_and_offers_others(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    event = kiosk.config.event
    room = event.rooms[0].key
    open_free_slot(kiosk, qtbot, room, "1400")
    fill_card(kiosk, qtbot, "Rust for Pythonistas", "Łukasz")

    other = BoardService.open(
        kiosk.service.db_path.parent, event, ManualClock(datetime(2023, 4, 21, 15, tzinfo=UTC)), "kiosk-2"
    )
    try:
        other.add_card(
            CardDraft(room_key=room, starts_at=event.at(event.days[0], time(14)), topic="Taken", host_name="B")
        )
    finally:
        other.close()

    conflict = find_item(kiosk.window, "slotConflict")
    assert conflict is not None
    qtbot.waitUntil(lambda: is_shown(conflict), timeout=3000)
    assert kiosk.form.property("topic") == "Rust for Pythonistas"  # nothing typed is lost
    first = find_item(kiosk.window, "alternative-0")
    assert first is not None
    label = first.property("text")
    assert "14:00" in label  # same hour, another room first
    QTest.qWait(300)  # the form scrolls up to the message first
    tap(kiosk.window, first)
    code = find_item(kiosk.window, "editCode")
    qtbot.waitUntil(lambda: code is not None and is_shown(code))
    saved = [c for c in kiosk.service.cards() if c.topic == "Rust for Pythonistas"]
    assert len(saved) == 1 and saved[0].room_key != room and saved[0].host_name == "Łukasz"
    assert event.local(saved[0].starts_at).hour == 14


def test_idle_form_warns_then_clears_and_writes_nothing(make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path) -> None:
    config = config_with(tmp_path, form_idle_seconds=2, form_warning_seconds=1)
    kiosk = make_kiosk(now=FRIDAY_MORNING, config=config)
    before = len(kiosk.service.cards())
    stamp = kiosk.service.change_stamp()
    open_free_slot(kiosk, qtbot, kiosk.config.event.rooms[2].key, "1300")
    fill_card(kiosk, qtbot, "Half-typed secret", "Someone")
    warning = find_item(kiosk.window, "idleWarning")
    assert warning is not None
    qtbot.waitUntil(lambda: is_shown(warning), timeout=4000)
    qtbot.waitUntil(lambda: not kiosk.form.property("isOpen"), timeout=3000)
    assert kiosk.form.property("topic") == ""
    assert len(kiosk.service.cards()) == before and kiosk.service.change_stamp() == stamp
    assert b"Half-typed secret" not in kiosk.service.db_path.read_bytes()


def add_card_with_code(kiosk: KioskApp, hour: int, topic: str = "Packaging clinic") -> str:
    event = kiosk.config.event
    added = kiosk.service.add_card(
        CardDraft(
            room_key=event.rooms[3].key, starts_at=event.at(event.days[0], time(hour)), topic=topic, host_name="Zoë"
        )
    )
    kiosk.feed.poke()
    return added.edit_code


def open_host_pad(kiosk: KioskApp, qtbot: QtBot, hhmm: str) -> None:
    room = kiosk.config.event.rooms[3].key
    reveal_slot(kiosk, room, hhmm)
    cell = find_item(kiosk.window, f"slot-{room}-{hhmm}")
    assert cell is not None
    wait_keyboard_gone(kiosk.window)
    tap(kiosk.window, cell)
    host = find_item(kiosk.window, "hostButton")
    qtbot.waitUntil(lambda: host is not None and is_shown(host))
    assert host is not None
    tap(kiosk.window, host)
    pad = find_item(kiosk.window, "codePad")
    qtbot.waitUntil(lambda: pad is not None and is_shown(pad))


def enter_code(kiosk: KioskApp, code: str) -> None:
    tap_named(kiosk.window, *(f"codeKey-{digit}" for digit in code), "codeKey-OK")


def wait_detail_closed(kiosk: KioskApp, qtbot: QtBot) -> None:
    """The detail sheet fades out after the right code; until it has, its scrim takes the next touch."""
    detail = find_object(kiosk.window, "cardDetail")
    assert detail is not None
    qtbot.waitUntil(lambda: detail.property("visible") is False)


def code_message(kiosk: KioskApp) -> str:
    item = find_item(kiosk.window, "codeMessage")
    return str(item.property("text")) if item is not None else ""


def test_host_edits_then_cancels_with_the_code(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    code = add_card_with_code(kiosk, 15)
    open_host_pad(kiosk, qtbot, "1500")
    enter_code(kiosk, code)
    qtbot.waitUntil(lambda: kiosk.form.property("isOpen") and kiosk.form.property("mode") == FormMode.Edit)
    assert kiosk.form.property("topic") == "Packaging clinic"
    fill_card(kiosk, qtbot, "", "")  # focus lands in the topic field first
    retype_topic(kiosk, "Packaging clinic, part 2")
    submit = find_item(kiosk.window, "submitButton")
    assert submit is not None
    tap(kiosk.window, submit)
    qtbot.waitUntil(lambda: kiosk.form.property("stage") == FormStage.Saved)
    assert [c.topic for c in kiosk.service.cards() if c.host_name == "Zoë"] == ["Packaging clinic, part 2"]
    kiosk.form.close()

    open_host_pad(kiosk, qtbot, "1500")
    enter_code(kiosk, code)
    qtbot.waitUntil(lambda: kiosk.form.property("mode") == FormMode.Edit and kiosk.form.property("isOpen"))
    wait_detail_closed(kiosk, qtbot)
    cancel = find_item(kiosk.window, "cancelSessionButton")
    qtbot.waitUntil(lambda: cancel is not None and is_shown(cancel))
    assert cancel is not None
    tap(kiosk.window, cancel)
    tap(kiosk.window, cancel)  # the second tap confirms
    qtbot.waitUntil(lambda: kiosk.form.property("stage") == FormStage.Cancelled)
    room = kiosk.config.event.rooms[3].key
    cell = find_item(kiosk.window, f"slot-{room}-1500")
    assert cell is not None and cell.property("slotState") == "free"
    with kiosk.service.engine.connect() as connection:
        deleted = connection.execute(sa.text("SELECT deleted FROM sessions WHERE host_name = 'Zoë'")).scalar_one()
        actions = connection.execute(sa.text("SELECT action FROM audit_log ORDER BY id")).scalars().all()
    assert deleted in (1, True)  # a tombstone, never a hard delete
    assert actions[-1] == "card.cancel"


def test_five_wrong_codes_lock_host_actions_even_after_restart(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    code = add_card_with_code(kiosk, 16, "Locked topic")
    wrong = "000000" if code != "000000" else "111111"
    open_host_pad(kiosk, qtbot, "1600")
    for tries_left in (4, 3, 2, 1):
        enter_code(kiosk, wrong)
        assert "not this card's edit code" in code_message(kiosk)
        assert f"{tries_left} more" in code_message(kiosk)
    enter_code(kiosk, wrong)
    assert "paused" in code_message(kiosk)
    enter_code(kiosk, code)  # even the right code waits out the lock
    assert "paused" in code_message(kiosk)
    assert not kiosk.form.property("isOpen")
    kiosk.close()

    restarted = make_kiosk(now=FRIDAY_MORNING)
    open_host_pad(restarted, qtbot, "1600")
    enter_code(restarted, code)
    assert "paused" in code_message(restarted)
    assert not restarted.form.property("isOpen")


def test_wrong_codes_on_the_kiosk_meet_a_ceiling_even_for_the_right_code(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING, config=config_with(tmp_path, wrong_codes_per_kiosk_per_minute=2))
    code = add_card_with_code(kiosk, 16, "Guessed at")
    wrong = "000000" if code != "000000" else "111111"
    open_host_pad(kiosk, qtbot, "1600")
    for _ in range(2):
        enter_code(kiosk, wrong)
        assert "not this card's edit code" in code_message(kiosk)
    enter_code(kiosk, code)
    assert "Many wrong edit codes were just tried at this kiosk" in code_message(kiosk)
    assert not kiosk.form.property("isOpen")
    with kiosk.service.engine.connect() as connection:
        actions = connection.execute(sa.text("SELECT action FROM audit_log ORDER BY id")).scalars().all()
    assert actions[-3:] == ["code.wrong", "code.wrong", "code.ceiling"]


def test_rate_limit_is_a_friendly_message_and_keeps_the_text(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING, config=config_with(tmp_path, cards_per_kiosk_per_minute=1))
    rooms = kiosk.config.event.rooms
    for room, topic in ((rooms[0].key, "First talk"), (rooms[1].key, "Second talk")):
        open_free_slot(kiosk, qtbot, room, "1700")
        fill_card(kiosk, qtbot, topic, "Ada")
        submit = find_item(kiosk.window, "submitButton")
        assert submit is not None
        tap(kiosk.window, submit)
        QTest.qWait(50)
        if topic == "First talk":
            qtbot.waitUntil(lambda: kiosk.form.property("stage") == FormStage.Saved)
            kiosk.form.close()
    notice = find_item(kiosk.window, "formNotice")
    assert notice is not None and is_shown(notice) and notice.property("text")
    assert kiosk.form.property("topic") == "Second talk" and kiosk.form.property("stage") == FormStage.Editing
    assert [c.topic for c in kiosk.service.cards()] == ["First talk"]


def test_cancel_confirmation_is_never_carried_over_to_the_next_host(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    code = add_card_with_code(kiosk, 15)
    open_host_pad(kiosk, qtbot, "1500")
    enter_code(kiosk, code)
    qtbot.waitUntil(lambda: kiosk.form.property("mode") == FormMode.Edit and kiosk.form.property("isOpen"))
    wait_detail_closed(kiosk, qtbot)
    cancel = find_item(kiosk.window, "cancelSessionButton")
    assert cancel is not None
    tap(kiosk.window, cancel)  # armed…
    assert "again" in cancel.property("text")
    close = find_item(kiosk.window, "cancelButton")
    assert close is not None
    tap(kiosk.window, close)  # …and walked away
    qtbot.waitUntil(lambda: not kiosk.form.property("isOpen"))

    open_host_pad(kiosk, qtbot, "1500")
    enter_code(kiosk, code)
    qtbot.waitUntil(lambda: kiosk.form.property("mode") == FormMode.Edit and kiosk.form.property("isOpen"))
    wait_detail_closed(kiosk, qtbot)
    cancel = find_item(kiosk.window, "cancelSessionButton")
    assert cancel is not None and cancel.property("text") == "Cancel this session"
    tap(kiosk.window, cancel)
    QTest.qWait(100)
    assert kiosk.form.property("stage") == FormStage.Editing
    assert [c.topic for c in kiosk.service.cards()] == ["Packaging clinic"]


def test_editing_an_adopted_card_keeps_the_idea_adopted(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    event = kiosk.config.event
    idea = kiosk.service.add_idea("Type hints clinic")
    start = event.at(event.days[0], time(15))
    added = kiosk.service.add_card(
        CardDraft(
            room_key=event.rooms[3].key, starts_at=start, topic="Type hints clinic", host_name="Zoë", idea_id=idea.id
        )
    )
    kiosk.feed.poke()
    open_host_pad(kiosk, qtbot, "1500")
    enter_code(kiosk, added.edit_code)
    qtbot.waitUntil(lambda: kiosk.form.property("mode") == FormMode.Edit and kiosk.form.property("isOpen"))
    kiosk.form.setField("description", "Bring a project with no hints yet.")
    kiosk.form.submit()
    qtbot.waitUntil(lambda: kiosk.form.property("stage") == FormStage.Saved)
    (still,) = [i for i in kiosk.service.ideas() if i.id == idea.id]
    assert still.adopted_card_id == added.card.id


def test_the_success_screen_closes_itself_so_the_code_does_not_linger(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING, config=config_with(tmp_path, form_idle_seconds=2, form_warning_seconds=1))
    open_free_slot(kiosk, qtbot, kiosk.config.event.rooms[0].key, "1500")
    kiosk.form.setField("topic", "Board games")
    kiosk.form.setField("hostName", "Ada")
    kiosk.form.submit()
    qtbot.waitUntil(lambda: kiosk.form.property("stage") == FormStage.Saved)
    qtbot.waitUntil(lambda: not kiosk.form.property("isOpen"), timeout=8000)


def test_a_slot_that_ends_while_the_host_types_offers_the_next_day(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now="2023-04-21T17:59:57")
    room = kiosk.config.event.rooms[0].key
    open_free_slot(kiosk, qtbot, room, "1700")
    kiosk.form.setField("topic", "Late thoughts")
    kiosk.form.setField("hostName", "Ada")
    QTest.qWait(3500)  # 18:00 passes: the day's last slot is over
    kiosk.form.submit()
    qtbot.waitUntil(lambda: kiosk.form.property("stage") == FormStage.Conflict)
    assert kiosk.form.property("topic") == "Late thoughts"
    first = find_item(kiosk.window, "alternative-0")
    assert first is not None and "Sat 22 Apr" in first.property("text")
    QTest.qWait(300)  # the form scrolls up to the message first
    tap(kiosk.window, first)
    qtbot.waitUntil(lambda: kiosk.form.property("stage") == FormStage.Saved)
    (card,) = [c for c in kiosk.service.cards() if c.topic == "Late thoughts"]
    assert kiosk.config.event.local(card.starts_at).date().isoformat() == "2023-04-22"


def test_cancel_on_a_filled_in_form_asks_before_throwing_it_away(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    open_free_slot(kiosk, qtbot, kiosk.config.event.rooms[0].key, "1500")
    fill_card(kiosk, qtbot, "Half a plan", "Ada")
    cancel = find_item(kiosk.window, "cancelButton")
    assert cancel is not None
    tap(kiosk.window, cancel)
    keep = find_shown(kiosk.window, "keepEditingButton")
    assert keep is not None and kiosk.form.property("isOpen") is True
    tap(kiosk.window, keep)
    assert kiosk.form.property("topic") == "Half a plan" and kiosk.form.property("hostName") == "Ada"
    tap(kiosk.window, cancel)
    discard = find_shown(kiosk.window, "discardButton")
    assert discard is not None
    tap(kiosk.window, discard)
    qtbot.waitUntil(lambda: kiosk.form.property("isOpen") is False)
    assert not [c for c in kiosk.service.cards() if c.topic == "Half a plan"]


def test_only_the_focused_field_shows_a_cursor(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    open_free_slot(kiosk, qtbot, kiosk.config.event.rooms[0].key, "1500")
    qtbot.waitUntil(lambda: focused_name(kiosk.window) == "topicFieldInput")
    cursors = {
        name: find_item(kiosk.window, name).property("cursorVisible")  # type: ignore[union-attr]
        for name in ("topicFieldInput", "hostFieldInput", "handleFieldInput", "descriptionFieldInput")
    }
    assert cursors == {
        "topicFieldInput": True,
        "hostFieldInput": False,
        "handleFieldInput": False,
        "descriptionFieldInput": False,
    }


def test_the_description_and_the_tags_stay_above_the_keyboard(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now=FRIDAY_MORNING)
    open_free_slot(kiosk, qtbot, kiosk.config.event.rooms[0].key, "1500")
    description = find_item(kiosk.window, "descriptionFieldInput")
    assert description is not None
    description.forceActiveFocus()
    panel = find_item(kiosk.window, "inputPanel")
    assert panel is not None
    keyboard_top = kiosk.window.height() - panel.height()
    qtbot.waitUntil(lambda: panel.property("active") is True and abs(panel.y() - keyboard_top) < 1)

    def bottom_of(item: QQuickItem) -> float:
        return item.mapToScene(QPointF(0, item.height())).y()

    chips = [i for i in walk_items(kiosk.window.contentItem()) if i.objectName().startswith("tagChip-")]
    qtbot.waitUntil(lambda: bottom_of(description) <= keyboard_top and bottom_of(chips[0]) <= keyboard_top)
    assert description.mapToScene(QPointF(0, 0)).y() >= 0
