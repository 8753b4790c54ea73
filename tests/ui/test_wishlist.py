"""The wish list on screen, driven by touch: reading ideas, adding one, +1s within the kiosk's limits, and
"Host this" taking an idea to a free slot until the list shows it adopted."""

from __future__ import annotations

import random
import uuid

import pytest
from PySide6.QtCore import Q_ARG, QMetaObject, QRectF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kiosk.ui.app import KioskApp
from kiosk.ui.formview import FormStage
from kiosk.ui.router import Page
from kiosk.ui.wishlist import IdeaEntry, IdeaRole, KioskIdeaModel, KioskWishList
from tests.ui.conftest import MakeKiosk, reveal_slot
from tests.ui.driver import (
    find_item,
    find_items,
    find_shown,
    focused_name,
    is_shown,
    keyboard_keys,
    tap,
    texts_in,
    type_hardware,
    type_on_keyboard,
    wait_keyboard_gone,
    walk_items,
)


def open_wish_list(kiosk: KioskApp, qtbot: QtBot) -> QQuickItem:
    tab = find_item(kiosk.window, "wishListTab")
    assert tab is not None
    tap(kiosk.window, tab)
    qtbot.waitUntil(lambda: kiosk.router.property("page") == Page.WishList)
    ideas = find_item(kiosk.window, "wishList")
    assert ideas is not None
    qtbot.waitUntil(lambda: is_shown(ideas))
    return ideas


def idea_row(kiosk: KioskApp, qtbot: QtBot, idea_id: uuid.UUID) -> QQuickItem:
    """The on-screen row of one idea, scrolled into view as a person would flick to it."""
    ideas = find_item(kiosk.window, "wishList")
    assert ideas is not None

    def row() -> QQuickItem | None:
        return next((i for i in find_items(kiosk.window, "wishList") for i in walk_items(i) if is_row_of(i)), None)

    def is_row_of(item: QQuickItem) -> bool:
        return item.objectName().startswith("idea-") and item.property("ideaId") == str(idea_id)

    # The list follows the store's order, which the board's one-second poll brings to the screen.
    position = [idea.id for idea in kiosk.service.ideas()].index(idea_id)
    QMetaObject.invokeMethod(ideas, "revealRow", Q_ARG(int, position))
    qtbot.waitUntil(
        lambda: (found := row()) is not None and is_shown(found) and found.objectName() == f"idea-{position}"
    )
    found = row()
    assert found is not None
    return found


def child(item: QQuickItem, name: str) -> QQuickItem:
    found = next((c for c in walk_items(item) if c.objectName() == name), None)
    assert found is not None, f"{name} not in {item.objectName()}"
    return found


def press_enter(kiosk: KioskApp) -> None:
    QTest.keyClick(kiosk.window, Qt.Key.Key_Return)


def open_idea_form(kiosk: KioskApp, qtbot: QtBot) -> None:
    add = find_item(kiosk.window, "addIdeaButton")
    assert add is not None
    tap(kiosk.window, add)
    qtbot.waitUntil(lambda: is_shown(find_item(kiosk.window, "ideaForm")))
    qtbot.waitUntil(lambda: focused_name(kiosk.window) == "ideaTopicFieldInput")


def test_demo_ideas_are_listed_with_topics_and_counts(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk("--demo")
    assert not is_shown(find_item(kiosk.window, "wishList"))
    open_wish_list(kiosk, qtbot)
    assert not is_shown(find_item(kiosk.window, "boardGrid"))
    ideas = kiosk.service.ideas()
    assert len(ideas) >= 3
    for idea in ideas:
        row = idea_row(kiosk, qtbot, idea.id)
        assert idea.topic in texts_in(row)
        assert idea.note in texts_in(row)
        assert child(row, "voteCount").property("text") == str(idea.votes)
        assert is_shown(child(row, "hostIdeaButton"))
        assert not is_shown(child(row, "adoptedBadge"))
    # A day tab goes back to the grid.
    tab = find_item(kiosk.window, "dayTab-1")
    assert tab is not None
    tap(kiosk.window, tab)
    qtbot.waitUntil(lambda: kiosk.router.property("page") == Page.Board)
    qtbot.waitUntil(lambda: is_shown(find_item(kiosk.window, "boardGrid")))
    assert not is_shown(find_item(kiosk.window, "wishList"))


def test_empty_wish_list_says_how_to_start_one(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk()
    open_wish_list(kiosk, qtbot)
    empty = find_item(kiosk.window, "wishListEmpty")
    assert empty is not None and is_shown(empty)
    assert not any(i.objectName().startswith("idea-") and is_shown(i) for i in walk_items(kiosk.window.contentItem()))


def test_adding_an_idea_by_touch(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk("--demo")
    before = kiosk.service.ideas()
    open_wish_list(kiosk, qtbot)
    open_idea_form(kiosk, qtbot)
    # The same on-screen keyboard as the add-card form comes up for the topic.
    panel = find_item(kiosk.window, "inputPanel")
    assert panel is not None
    qtbot.waitUntil(lambda: is_shown(panel) and panel.property("active") is True)

    type_on_keyboard(kiosk.window, "Typing in Go")
    tap(kiosk.window, keyboard_keys(kiosk.window)["\n"])  # Enter moves on to the note
    qtbot.waitUntil(lambda: focused_name(kiosk.window) == "ideaNoteFieldInput")
    type_hardware(kiosk.window, "Goroutines vs asyncio, for Pythonistas")
    press_enter(kiosk)  # the last field: Enter puts the keyboard away
    wait_keyboard_gone(kiosk.window)
    # Nothing is written while typing.
    assert kiosk.service.ideas() == before

    submit = find_item(kiosk.window, "ideaSubmitButton")
    assert submit is not None
    tap(kiosk.window, submit)
    qtbot.waitUntil(lambda: len(kiosk.service.ideas()) == len(before) + 1)
    (added,) = [i for i in kiosk.service.ideas() if i not in before]
    assert (added.topic, added.note, added.votes) == ("Typing in Go", "Goroutines vs asyncio, for Pythonistas", 0)
    qtbot.waitUntil(lambda: not is_shown(find_item(kiosk.window, "ideaForm")))
    row = idea_row(kiosk, qtbot, added.id)
    assert "Typing in Go" in texts_in(row)
    message = find_item(kiosk.window, "wishListMessage")
    assert message is not None
    qtbot.waitUntil(lambda: is_shown(message) and "Typing in Go" in message.property("text"))


def test_idea_form_checks_as_you_type_and_forgets_on_cancel(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk("--demo")
    before = kiosk.service.ideas()
    open_wish_list(kiosk, qtbot)
    open_idea_form(kiosk, qtbot)
    topic_field = find_item(kiosk.window, "ideaTopicField")
    assert topic_field is not None

    type_hardware(kiosk.window, "Go")
    assert topic_field.property("error") == ""  # no scolding while the first word is being typed
    press_enter(kiosk)
    qtbot.waitUntil(lambda: focused_name(kiosk.window) == "ideaNoteFieldInput")
    # Leaving the topic too short says so beside it; nothing is written by trying to add.
    qtbot.waitUntil(lambda: "at least 3 characters" in topic_field.property("error"))
    press_enter(kiosk)
    wait_keyboard_gone(kiosk.window)
    submit = find_item(kiosk.window, "ideaSubmitButton")
    assert submit is not None
    tap(kiosk.window, submit)
    qtbot.waitUntil(lambda: focused_name(kiosk.window) == "ideaTopicFieldInput")  # back to the field to fix
    assert any("at least 3 characters" in t for t in texts_in(topic_field))
    assert kiosk.service.ideas() == before

    # Too long shows at once, with the store's own limit.
    type_hardware(kiosk.window, "x" * 80)
    qtbot.waitUntil(lambda: "too many" in topic_field.property("error"))

    cancel = find_item(kiosk.window, "ideaCancelButton")
    assert cancel is not None
    tap(kiosk.window, cancel)
    # Something was typed: Cancel asks before throwing it away, and "Keep editing" keeps every character.
    keep = find_shown(kiosk.window, "keepEditingButton")
    assert keep is not None
    tap(kiosk.window, keep)
    assert kiosk.idea_form.property("topic") == "Go" + "x" * 80
    tap(kiosk.window, cancel)
    discard = find_shown(kiosk.window, "discardButton")
    assert discard is not None
    tap(kiosk.window, discard)
    qtbot.waitUntil(lambda: not is_shown(find_item(kiosk.window, "ideaForm")))
    assert kiosk.service.ideas() == before
    # Opening it again starts blank: the half-typed topic was only ever in memory and is gone.
    open_idea_form(kiosk, qtbot)
    assert kiosk.window.activeFocusItem().property("text") == ""
    assert topic_field.property("error") == ""
    tap(kiosk.window, cancel)
    wait_keyboard_gone(kiosk.window)


def test_leaving_the_page_drops_a_half_typed_idea(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk("--demo")
    open_wish_list(kiosk, qtbot)
    open_idea_form(kiosk, qtbot)
    type_hardware(kiosk.window, "Half an idea")
    kiosk.router.goHome()  # what the idle timer does when the person walks away
    qtbot.waitUntil(lambda: kiosk.router.property("page") == Page.Board)
    wait_keyboard_gone(kiosk.window)
    open_wish_list(kiosk, qtbot)
    assert not is_shown(find_item(kiosk.window, "ideaForm"))
    open_idea_form(kiosk, qtbot)
    assert kiosk.window.activeFocusItem().property("text") == ""
    cancel = find_item(kiosk.window, "ideaCancelButton")
    assert cancel is not None
    tap(kiosk.window, cancel)
    wait_keyboard_gone(kiosk.window)


def test_a_vote_counts_on_screen_and_in_the_database(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk("--demo")
    open_wish_list(kiosk, qtbot)
    idea = kiosk.service.ideas()[-1]
    tap(kiosk.window, child(idea_row(kiosk, qtbot, idea.id), "voteButton"))
    qtbot.waitUntil(lambda: next(i for i in kiosk.service.ideas() if i.id == idea.id).votes == idea.votes + 1)
    # The idea may have moved up the ranking; find it again wherever it is now.
    qtbot.waitUntil(lambda: child(idea_row(kiosk, qtbot, idea.id), "voteCount").property("text") == str(idea.votes + 1))
    message = find_item(kiosk.window, "wishListMessage")
    assert message is not None and is_shown(message)
    assert "counted" in message.property("text")


def test_a_burst_of_taps_cannot_inflate_a_count(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk("--demo")
    limit = kiosk.config.event.limits.votes_per_kiosk_per_minute
    # Enough ideas to reach the kiosk-wide limit with one +1 each.
    for n in range(max(0, limit + 1 - len(kiosk.service.ideas()))):
        kiosk.service.add_idea(f"Extra idea number {n}")
    open_wish_list(kiosk, qtbot)
    message = find_item(kiosk.window, "wishListMessage")
    assert message is not None

    # The same idea, tapped again and again: one +1, and a word on why the rest do not count.
    idea = kiosk.service.ideas()[0]
    for _ in range(5):
        tap(kiosk.window, child(idea_row(kiosk, qtbot, idea.id), "voteButton"))
    qtbot.waitUntil(lambda: "Let someone else vote too" in message.property("text"))
    assert is_shown(message)
    assert next(i for i in kiosk.service.ideas() if i.id == idea.id).votes == idea.votes + 1
    qtbot.waitUntil(lambda: child(idea_row(kiosk, qtbot, idea.id), "voteCount").property("text") == str(idea.votes + 1))

    # One +1 for each of many ideas: counted up to the kiosk's limit a minute, then paused.
    others = [i for i in kiosk.service.ideas() if i.id != idea.id][:limit]
    for other in others:
        tap(kiosk.window, child(idea_row(kiosk, qtbot, other.id), "voteButton"))
    qtbot.waitUntil(lambda: "wait a minute" in message.property("text"))
    # The first idea's +1 used one of this minute's votes, so the last of the others was not counted.
    counted = sum(i.votes for i in kiosk.service.ideas() if i.id in {o.id for o in others})
    assert counted == sum(o.votes for o in others) + limit - 1
    last = others[-1]
    assert next(i for i in kiosk.service.ideas() if i.id == last.id).votes == last.votes
    qtbot.waitUntil(lambda: child(idea_row(kiosk, qtbot, last.id), "voteCount").property("text") == str(last.votes))


def find_free_slot(kiosk: KioskApp, hours: list[str]) -> tuple[str, str]:
    for hhmm in hours:
        for room in kiosk.config.event.rooms:
            reveal_slot(kiosk, room.key, hhmm)
            cell = find_item(kiosk.window, f"slot-{room.key}-{hhmm}")
            if cell is not None and cell.property("slotState") == "free":
                return room.key, hhmm
    raise AssertionError("no free slot on the board")


def test_host_this_takes_the_idea_to_a_free_slot_and_shows_it_adopted(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk("--demo")
    open_wish_list(kiosk, qtbot)
    idea = kiosk.service.ideas()[1]
    tap(kiosk.window, child(idea_row(kiosk, qtbot, idea.id), "hostIdeaButton"))
    qtbot.waitUntil(lambda: kiosk.router.property("page") == Page.Board)
    assert kiosk.form.property("ideaTopic") == idea.topic
    qtbot.waitUntil(lambda: is_shown(find_item(kiosk.window, "boardGrid")))

    room_key, hhmm = find_free_slot(kiosk, ["1500", "1600", "1700", "1400", "1300"])
    cell = find_item(kiosk.window, f"slot-{room_key}-{hhmm}")
    assert cell is not None
    tap(kiosk.window, cell)
    sheet = find_item(kiosk.window, "addCardSheet")
    assert sheet is not None
    qtbot.waitUntil(lambda: is_shown(sheet))
    assert kiosk.form.property("topic") == idea.topic
    assert any(t == idea.topic for t in texts_in(sheet))

    qtbot.waitUntil(lambda: focused_name(kiosk.window) == "topicFieldInput")
    press_enter(kiosk)
    qtbot.waitUntil(lambda: focused_name(kiosk.window) == "hostFieldInput")
    type_hardware(kiosk.window, "Ada Host")
    submit = find_item(kiosk.window, "submitButton")
    assert submit is not None
    qtbot.waitUntil(lambda: submit.isEnabled())
    tap(kiosk.window, submit)
    qtbot.waitUntil(lambda: kiosk.form.property("stage") == FormStage.Saved)
    card = next(c for c in kiosk.service.cards() if c.topic == idea.topic)
    assert card.idea_id == idea.id
    assert next(i for i in kiosk.service.ideas() if i.id == idea.id).adopted_card_id == card.id

    done = find_item(kiosk.window, "cancelButton")
    assert done is not None
    tap(kiosk.window, done)
    qtbot.waitUntil(lambda: not is_shown(sheet))
    open_wish_list(kiosk, qtbot)
    row = idea_row(kiosk, qtbot, idea.id)
    badge = child(row, "adoptedBadge")
    qtbot.waitUntil(lambda: is_shown(badge))
    room_name = kiosk.config.event.room(room_key).name
    assert any(room_name in text and f"{hhmm[:2]}:{hhmm[2:]}" in text for text in texts_in(badge))
    assert not is_shown(child(row, "hostIdeaButton"))


@pytest.mark.parametrize("size", ["1920x1080", "1280x720", "3840x2160", "1080x1920"])
def test_wish_list_fits_the_window(make_kiosk: MakeKiosk, qtbot: QtBot, size: str) -> None:
    kiosk = make_kiosk("--demo", size=size)
    kiosk.service.add_idea("A topic long enough to need two lines on a narrow portrait screen, surely", "n" * 200)
    open_wish_list(kiosk, qtbot)
    window = QRectF(0, 0, kiosk.window.width(), kiosk.window.height())
    ideas = find_item(kiosk.window, "wishList")
    assert ideas is not None
    qtbot.waitUntil(lambda: ideas.property("count") == len(kiosk.service.ideas()))
    for item in walk_items(kiosk.window.contentItem()):
        if not is_shown(item) or item.width() == 0:
            continue
        rect = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        # Horizontally everything stays on screen; vertically the list scrolls.
        assert window.left() - 0.5 <= rect.left() and rect.right() <= window.right() + 0.5, item.objectName() or item
    nine_mm = 9 / 25.4 * kiosk.window.screen().physicalDotsPerInch()
    for name in ("voteButton", "hostIdeaButton", "addIdeaButton"):
        for button in find_items(kiosk.window, name):
            if is_shown(button):
                assert min(button.width(), button.height()) >= nine_mm - 0.5, name


def test_idea_model_contract_through_votes_additions_and_removals(
    make_kiosk: MakeKiosk, qtmodeltester: ModelTester
) -> None:
    kiosk = make_kiosk("--demo")
    # Parented to the engine so it outlives the test body until the model tester has finished.
    wish_list = KioskWishList(kiosk.service, kiosk.feed, kiosk.router, parent=kiosk.engine)
    model = wish_list.ideas
    assert isinstance(model, KioskIdeaModel)
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    assert [model.data(model.index(r), IdeaRole.Topic) for r in range(model.rowCount())] == [
        i.topic for i in kiosk.service.ideas()
    ]
    # A vote that reorders the list, and a new idea, arrive through the board's reload.
    kiosk.service.vote_idea(kiosk.service.ideas()[-1].id)
    kiosk.service.add_idea("Something new")
    kiosk.feed.poke()
    expected = [str(i.id) for i in kiosk.service.ideas()]
    assert [model.data(model.index(r), IdeaRole.IdeaId) for r in range(model.rowCount())] == expected
    assert wish_list.property("count") == len(expected)
    # Arbitrary reshuffles, removals and insertions keep the model consistent (qtmodeltester watches).
    rng = random.Random(7)
    rows = list(model.rows)
    for _ in range(30):
        pool = rows + [IdeaEntry(str(uuid.uuid4()), f"New {n}", "", n) for n in range(3)]
        rng.shuffle(pool)
        target = pool[: rng.randrange(0, len(pool) + 1)]
        target = [IdeaEntry(r.idea_id, r.topic, r.note, r.votes + rng.randrange(2), r.adopted_where) for r in target]
        model.set_rows(target)
        assert list(model.rows) == target
        rows = target or list(model.rows)
