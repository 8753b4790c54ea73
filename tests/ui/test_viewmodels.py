"""The view models on their own, without a window: the router, the change feed, the forms and the detail sheet.

Their decisions live in Python, so they are tested here directly; the window tests check what reaches the screen.
"""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from PySide6.QtTest import QSignalSpy

from kiosk.domain.model import SlotState
from kiosk.store.cards import CardDraft
from kiosk.ui.cardform import KioskCardForm
from kiosk.ui.detail import KioskCardDetail
from kiosk.ui.formview import FormMode, FormStage
from kiosk.ui.ideaform import IdeaField, KioskIdeaForm
from kiosk.ui.router import KioskRouter, Overlay, Page
from tests.ui.conftest import Kit


@pytest.fixture
def form(kit: Kit) -> KioskCardForm:
    return KioskCardForm(kit.service, kit.feed, kit.router, idle_seconds=90, warning_seconds=10)


def free_slot(kit: Kit, hour: int = 16) -> tuple[str, str]:
    """A free slot on the demo's Friday (room key, ISO start)."""
    start = kit.event.at(kit.event.days[0], time(hour))
    taken = {c.room_key for c in kit.service.cards() if c.starts_at == start}
    blocked = {b.room_key for b in kit.service.blocks() if b.covers(b.room_key, start, start + kit.event.slot_length)}
    room = next(r.key for r in kit.event.rooms if r.key not in taken | blocked)
    return room, start.isoformat()


# --- router ---------------------------------------------------------------------------------------------------------


def test_one_overlay_at_a_time_and_a_late_close_changes_nothing() -> None:
    router = KioskRouter()
    assert router.property("pageTakesInput") is True
    router.open(Overlay.Detail)
    router.open(Overlay.CardForm)  # the host's form replaces the detail sheet
    assert router.property("overlay") == Overlay.CardForm
    router.close(Overlay.Detail)  # the sheet's own close arriving late
    assert router.property("overlay") == Overlay.CardForm and router.property("pageTakesInput") is False
    router.close(Overlay.CardForm)
    assert router.property("overlay") == Overlay.NoOverlay and router.property("pageTakesInput") is True


def test_going_home_clears_everything_and_tells_every_screen() -> None:
    router = KioskRouter()
    home = QSignalSpy(router.homeRequested)
    router.showPage(Page.WishList)
    router.open(Overlay.IdeaForm)
    router.goHome()
    assert (router.property("page"), router.property("overlay")) == (Page.Board, Overlay.NoOverlay)
    assert home.count() == 1


# --- change feed ----------------------------------------------------------------------------------------------------


def test_the_feed_says_once_when_the_board_changed(kit: Kit) -> None:
    kit.feed.start()
    changed = QSignalSpy(kit.feed.boardChanged)
    kit.feed.poke()
    assert changed.count() == 0  # nothing happened yet
    kit.service.add_idea("Something new")
    kit.feed.poke()
    kit.feed.poke()
    assert changed.count() == 1


def test_the_feed_reports_a_broken_database_until_it_reads_again(kit: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.store.errors import DatabaseUnavailable

    kit.feed.start()

    def broken() -> int:
        raise DatabaseUnavailable("/tmp/board.sqlite3", "the disk reported an error")

    monkeypatch.setattr(kit.service, "change_stamp", broken)
    kit.feed.poke()
    assert "disk reported an error" in kit.feed.property("problem")
    monkeypatch.undo()
    kit.feed.poke()
    assert kit.feed.property("problem") == ""


# --- the host's form ------------------------------------------------------------------------------------------------


def test_opening_the_form_puts_it_over_the_board(form: KioskCardForm, kit: Kit) -> None:
    form.startAdd(*free_slot(kit))
    assert form.property("isOpen") is True and form.property("mode") == FormMode.Add
    assert kit.router.property("overlay") == Overlay.CardForm
    kit.router.open(Overlay.Attract)  # another overlay takes over: the form goes, and forgets
    assert form.property("isOpen") is False and form.property("topic") == ""


def test_problems_show_when_they_help(form: KioskCardForm, kit: Kit) -> None:
    form.startAdd(*free_slot(kit))
    form.setField("topic", "Go")
    assert form.property("topicError") == ""  # no scolding while the first word is typed
    form.leaveField("topic")
    assert "at least 3" in form.property("topicError")
    form.setField("hostName", "x" * 61)
    assert "too many" in form.property("hostNameError")  # too long shows at once, left or not
    assert form.property("canSubmit") is False


def test_each_property_has_its_own_signal_and_a_keystroke_moves_only_what_changed(
    form: KioskCardForm, kit: Kit
) -> None:
    form.startAdd(*free_slot(kit))
    names = ("topicChanged", "hostNameChanged", "stageChanged")
    topic, host, stage = (QSignalSpy(getattr(form, name)) for name in names)
    form.setField("topic", "Git clinic")
    assert (topic.count(), host.count(), stage.count()) == (1, 0, 0)
    assert form.preview.property("topic") == "Git clinic"


def test_cancel_asks_before_throwing_away_what_was_typed(form: KioskCardForm, kit: Kit) -> None:
    form.startAdd(*free_slot(kit))
    form.requestClose()  # nothing typed: closes at once
    assert form.property("isOpen") is False

    form.startAdd(*free_slot(kit))
    form.setField("topic", "Half a thought")
    form.requestClose()
    assert form.property("isOpen") is True and form.property("confirmingDiscard") is True
    form.keepEditing()
    assert form.property("confirmingDiscard") is False and form.property("topic") == "Half a thought"
    form.requestClose()
    form.close()
    assert form.property("isOpen") is False and form.property("topic") == ""


def test_saving_shows_the_code_and_a_lost_slot_keeps_everything(form: KioskCardForm, kit: Kit) -> None:
    room, start = free_slot(kit)
    form.startAdd(room, start)
    form.setField("topic", "Packaging clinic")
    form.setField("hostName", "Zoë")
    other = kit.service.add_card(CardDraft(room, kit.event.at(kit.event.days[0], time(16)), "Faster", "Bo"))
    assert other.card.room_key == room
    kit.feed.poke()  # the feed brings the other card; the form notices before the host taps save
    assert form.property("stage") == FormStage.Conflict
    assert form.property("topic") == "Packaging clinic"
    assert form.property("alternatives") and "16:00" in form.property("alternatives")[0]
    form.chooseAlternative(0)
    assert form.property("stage") == FormStage.Saved
    assert len(form.property("editCode")) == 6
    assert [c.topic for c in kit.service.cards() if c.host_name == "Zoë"] == ["Packaging clinic"]


def test_an_idle_form_counts_down_then_goes_home(kit: Kit, qtbot: object) -> None:
    form = KioskCardForm(kit.service, kit.feed, kit.router, idle_seconds=1, warning_seconds=1)
    home = QSignalSpy(kit.router.homeRequested)
    form.startAdd(*free_slot(kit))
    form.setField("topic", "Forgotten")
    qtbot.waitUntil(lambda: form.property("countdown") == 1, timeout=3000)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: home.count() == 1, timeout=3000)  # type: ignore[attr-defined]
    assert form.property("isOpen") is False and form.property("topic") == ""


# --- the idea form --------------------------------------------------------------------------------------------------


def test_the_idea_form_follows_the_card_forms_pattern(kit: Kit) -> None:
    ideas = KioskIdeaForm(kit.service, kit.feed, kit.router)
    added = QSignalSpy(ideas.added)
    fix = QSignalSpy(ideas.fixNeeded)
    ideas.open()
    assert kit.router.property("overlay") == Overlay.IdeaForm
    assert ideas.property("topicMax") == 80 and ideas.property("noteMax") == 200
    ideas.setField("note", "n" * 201)
    assert "200 characters" in ideas.property("noteError")
    ideas.submit()
    assert fix.count() == 1 and fix.at(0) == [IdeaField.Topic]  # the first field to fix
    assert "at least 3" in ideas.property("topicError")
    ideas.setField("topic", "Rust for Pythonistas")
    ideas.setField("note", "PyO3")
    ideas.submit()
    assert fix.count() == 1 and added.count() == 1 and ideas.property("isOpen") is False
    assert "Rust for Pythonistas" in [i.topic for i in kit.service.ideas()]


# --- the detail sheet -----------------------------------------------------------------------------------------------


def test_the_detail_follows_its_card_and_hands_the_host_to_the_form(kit: Kit, form: KioskCardForm) -> None:
    detail = KioskCardDetail(kit.service, kit.feed, kit.router)
    verified = QSignalSpy(detail.hostVerified)
    detail.hostVerified.connect(form.startEdit)
    start = kit.event.at(kit.event.days[0], time(17))
    room = next(
        r.key for r in kit.event.rooms if all(c.room_key != r.key or c.starts_at != start for c in kit.service.cards())
    )
    added = kit.service.add_card(CardDraft(room, start, "Typed topic", "Ada", tags=("git",)))
    detail.show(str(added.card.id))
    assert kit.router.property("overlay") == Overlay.Detail
    assert (detail.property("topic"), detail.property("host")) == ("Typed topic", "Ada")
    assert detail.property("sessionPayload").startswith(kit.event.base_url.rstrip("/"))
    assert detail.tags.rowCount() == 1

    detail.enterCode("000000" if added.edit_code != "000000" else "111111")
    assert "not this card's edit code" in detail.property("codeMessage")
    detail.enterCode(added.edit_code)
    assert verified.count() == 1
    assert kit.router.property("overlay") == Overlay.CardForm and form.property("mode") == FormMode.Edit

    # Cancelled elsewhere while someone reads it: the sheet closes rather than show a card that is gone.
    form.close()
    detail.show(str(added.card.id))
    kit.feed.start()
    kit.service.cancel_card(added.card.id, added.edit_code)
    kit.feed.poke()
    assert kit.router.property("overlay") == Overlay.NoOverlay


def test_tapping_the_grid_opens_what_the_slot_holds(kit: Kit) -> None:
    from kiosk.ui.board import KioskBoard

    kit.clock.advance(timedelta(minutes=0))
    board = KioskBoard(kit.service, kit.clock, kit.feed, kit.router)
    cards, free = QSignalSpy(board.cardTapped), QSignalSpy(board.freeSlotTapped)
    model = board.slots
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            board.tapSlot(row, column)
    states = [model.cell(r, c).state for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert cards.count() == states.count(SlotState.BOOKED)
    assert free.count() == states.count(SlotState.FREE)


def test_the_sync_status_reads_as_the_header_shows_it() -> None:
    from kiosk.ui.sync import SyncState, status_text

    assert status_text(SyncState.Off, "", 3) == ""
    assert status_text(SyncState.Synced, "", 0) == "Synced"
    assert status_text(SyncState.Syncing, "", 1) == "Syncing… · 1 conflict"
    assert status_text(SyncState.Offline, "10:42", 2) == "Offline since 10:42 · 2 conflicts"
