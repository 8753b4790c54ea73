"""Two kiosks and a real hub: every kind of change travels both ways, conflicts surface for staff and resolve,
and the boards agree (the same digest of sessions, blocks, ideas, votes and conflicts)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest
import sqlalchemy as sa

from kiosk.domain.conflicts import ConflictKind
from kiosk.store.cards import CardDraft
from kiosk.store.errors import ConflictNotFound, WrongEditCode
from kiosk.store.tables import CodeLockRow, KioskStateRow, SessionRow
from kiosk.sync.entries import Outcome
from tests.factories import DAY_ONE, DAY_TWO, draft, local
from tests.sync.harness import SimKiosk, kiosks, live_sessions, make_hub


@pytest.fixture
def hub(hub_url: str) -> str:
    return make_hub(hub_url)


@pytest.fixture
def pair(hub: str, tmp_path: Path) -> Iterator[tuple[SimKiosk, SimKiosk]]:
    with kiosks(tmp_path, hub, 2) as (one, two):
        one.sync()
        two.sync()
        yield one, two


def settle(*kiosks_: SimKiosk) -> None:
    """Two rounds each: what one kiosk pushes in the first, every other pulls by the second."""
    for _ in range(2):
        for kiosk in kiosks_:
            kiosk.sync()


def topics(kiosk: SimKiosk) -> list[str]:
    return [topic for _room, _start, topic in live_sessions(kiosk.service.engine)]


def test_a_card_added_on_one_kiosk_appears_on_the_other(pair: tuple[SimKiosk, SimKiosk]) -> None:
    one, two = pair
    one.service.add_card(draft("a", DAY_ONE, 10, topic="Pico fans"))
    first = one.sync()
    second = two.sync()
    assert (first.pushed, first.outcomes) == (1, {"accepted": 1})
    assert second.applied == 1
    assert topics(two) == ["Pico fans"]
    assert one.digest() == two.digest()


def test_edits_and_cancellations_travel_as_new_versions_and_tombstones(pair: tuple[SimKiosk, SimKiosk]) -> None:
    one, two = pair
    added = one.service.add_card(draft("a", DAY_ONE, 11, topic="Type hints"))
    settle(one, two)
    two.service.staff_edit_card(added.card.id, draft("a", DAY_ONE, 11, topic="Type hints, gradually"))
    settle(two, one)
    assert topics(one) == ["Type hints, gradually"]
    one.service.cancel_card(added.card.id, added.edit_code)
    settle(one, two)
    assert topics(two) == []
    with two.service.engine.connect() as connection:
        row = connection.execute(sa.select(SessionRow.deleted, SessionRow.version)).one()
    assert row == (True, 3)
    assert one.digest() == two.digest()


def test_a_slot_booked_on_two_kiosks_while_apart_keeps_one_card_and_a_conflict(
    pair: tuple[SimKiosk, SimKiosk],
) -> None:
    one, two = pair
    one.service.add_card(draft("b", DAY_TWO, 15, topic="Packaging clinic"))
    two.service.add_card(draft("b", DAY_TWO, 15, topic="Rust for Pythonistas"))
    first = one.sync()
    second = two.sync()
    assert first.outcomes == {"accepted": 1}
    # The hub had confirmed the first kiosk's card: the second kiosk's becomes a conflict, not a deletion.
    assert second.outcomes == {"displaced": 1}
    assert len(second.displaced) == 1
    settle(one, two)
    for kiosk in (one, two):
        assert topics(kiosk) == ["Packaging clinic"]
        [conflict] = kiosk.service.conflicts()
        assert conflict.kind is ConflictKind.SLOT
        assert conflict.card is not None and conflict.card.topic == "Rust for Pythonistas"
        assert conflict.reason == "taken"
    assert one.digest() == two.digest()
    # Staff on either kiosk place it in a free slot with one tap: the conflict is gone everywhere.
    [conflict] = one.service.conflicts()
    one.service.place_displaced(conflict.id, "c", local(DAY_TWO, 15).astimezone(UTC))
    settle(one, two)
    assert two.service.conflicts() == ()
    assert sorted(topics(two)) == ["Packaging clinic", "Rust for Pythonistas"]
    with pytest.raises(ConflictNotFound):
        two.service.place_displaced(conflict.id, "a", local(DAY_TWO, 16).astimezone(UTC))
    assert one.digest() == two.digest()


def test_concurrent_edits_of_one_card_surface_for_staff_not_last_writer_wins(
    pair: tuple[SimKiosk, SimKiosk],
) -> None:
    one, two = pair
    added = one.service.add_card(draft("a", DAY_ONE, 16, topic="Testing with pytest"))
    settle(one, two)
    one.service.staff_edit_card(added.card.id, draft("a", DAY_ONE, 16, topic="Testing with pytest: fixtures"))
    two.service.staff_edit_card(added.card.id, draft("a", DAY_ONE, 16, topic="Testing with Hypothesis"))
    assert one.sync().outcomes == {"accepted": 1}
    assert two.sync().outcomes == {"edit conflict": 1}
    settle(one, two)
    # The board keeps what the hub took first; the other edit waits for staff, on every kiosk.
    assert topics(one) == topics(two) == ["Testing with pytest: fixtures"]
    [conflict] = two.service.conflicts()
    assert conflict.kind is ConflictKind.EDIT
    assert conflict.kiosk == "kiosk-02"
    assert conflict.values["topic"] == "Testing with Hypothesis"
    assert "topic" in conflict.changed
    one.service.take_kiosk_version(conflict.id)
    settle(one, two)
    assert topics(two) == ["Testing with Hypothesis"]
    assert one.service.conflicts() == two.service.conflicts() == ()
    assert one.digest() == two.digest()


def test_keeping_the_boards_version_resolves_an_edit_conflict(pair: tuple[SimKiosk, SimKiosk]) -> None:
    one, two = pair
    added = one.service.add_card(draft("a", DAY_ONE, 17, topic="Async all the way"))
    settle(one, two)
    one.service.staff_cancel_card(added.card.id, "Host is ill")
    two.service.staff_edit_card(added.card.id, draft("a", DAY_ONE, 17, topic="Async, some of the way"))
    settle(one, two)
    [conflict] = one.service.conflicts()
    one.service.keep_board_version(conflict.id)
    settle(one, two)
    assert topics(one) == topics(two) == []
    assert two.service.conflicts() == ()


def test_votes_from_two_kiosks_add_up(pair: tuple[SimKiosk, SimKiosk]) -> None:
    one, two = pair
    idea = one.service.add_idea("Packaging help desk")
    settle(one, two)
    one.service.vote_idea(idea.id)
    two.service.vote_idea(idea.id)
    two.clock.current = two.clock.current.replace(minute=30)
    two.service.vote_idea(idea.id)
    settle(one, two)
    assert [i.votes for i in one.service.ideas()] == [i.votes for i in two.service.ideas()] == [3]


def test_a_vote_for_an_idea_merged_elsewhere_still_counts(pair: tuple[SimKiosk, SimKiosk]) -> None:
    one, two = pair
    keep = one.service.add_idea("Packaging")
    duplicate = one.service.add_idea("Python packaging")
    settle(one, two)
    one.service.merge_ideas(keep.id, duplicate.id)
    two.service.vote_idea(duplicate.id)  # before the second kiosk has heard of the merge
    settle(one, two)
    assert [(i.topic, i.votes) for i in two.service.ideas()] == [("Packaging", 1)]
    assert one.digest() == two.digest()


def test_staff_blocks_sync_and_a_booking_in_a_blocked_room_becomes_a_conflict(
    pair: tuple[SimKiosk, SimKiosk],
) -> None:
    one, two = pair
    two.service.add_card(draft("c", DAY_TWO, 10, topic="Data viz"))
    one.service.block_room("c", local(DAY_TWO, 10).astimezone(UTC), local(DAY_TWO, 12).astimezone(UTC), "Keynote")
    one.sync()
    assert two.sync().outcomes == {"displaced": 1}
    settle(one, two)
    [conflict] = one.service.conflicts()
    assert conflict.reason == "blocked"
    assert [b.reason for b in two.service.blocks() if b.reason == "Keynote"] == ["Keynote"]
    assert one.digest() == two.digest()


def test_a_block_made_after_a_booking_displaces_it_on_the_hub(pair: tuple[SimKiosk, SimKiosk]) -> None:
    one, two = pair
    two.service.add_card(draft("c", DAY_TWO, 11, topic="Web scraping"))
    two.sync()
    # The first kiosk has not heard of the card when staff block the room there.
    one.service.block_room("c", local(DAY_TWO, 11).astimezone(UTC), local(DAY_TWO, 12).astimezone(UTC), "Rigging")
    one.sync()
    settle(one, two)
    assert topics(one) == topics(two) == []
    [conflict] = two.service.conflicts()
    assert conflict.card is not None and conflict.card.topic == "Web scraping"


def test_a_replayed_push_changes_nothing(pair: tuple[SimKiosk, SimKiosk]) -> None:
    one, two = pair
    one.service.add_card(draft("a", DAY_ONE, 13, topic="Replay me"))
    from kiosk.store import outbox
    from kiosk.sync import arbiter

    entries = outbox.pending(one.service.ctx, 10)
    # The hub takes the push, but its answer never reaches the kiosk.
    with one.hub.begin() as connection:
        arbiter.push(connection, "kiosk-01", entries, one.clock.now())
    report = one.sync()
    assert report.outcomes == {str(Outcome.REPLAYED): 1}
    settle(one, two)
    assert topics(two) == ["Replay me"]
    with one.hub.connect() as connection:
        assert connection.scalar(sa.text("SELECT count(*) FROM board_rows WHERE table_name = 'sessions'")) == 1


def test_the_edit_code_lockouts_and_the_pin_stay_on_their_kiosk(pair: tuple[SimKiosk, SimKiosk]) -> None:
    one, two = pair
    added = one.service.add_card(draft("a", DAY_ONE, 14, topic="Lockout test"))
    for _ in range(3):
        with pytest.raises(WrongEditCode):
            one.service.check_edit_code(added.card.id, "000000")
    settle(one, two)
    with two.service.engine.connect() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(CodeLockRow)) == 0
        keys = set(connection.scalars(sa.select(KioskStateRow.key)))
    assert "staff_pin" not in keys
    assert two.service.check_edit_code(added.card.id, added.edit_code)


def test_a_new_kiosk_pulls_the_whole_board_and_one_that_ran_alone_brings_its_cards(hub: str, tmp_path: Path) -> None:
    with kiosks(tmp_path / "first", hub, 1) as (veteran,):
        for hour in (10, 11, 12):
            veteran.service.add_card(CardDraft("a", local(DAY_ONE, hour).astimezone(UTC), f"Talk {hour}", "Ana"))
        # This kiosk ran alone all morning; now the hub is configured and it syncs for the first time.
        report = veteran.sync()
        assert report.joined
        with kiosks(tmp_path / "second", hub, 1) as (newcomer,):
            newcomer.sync()
            assert topics(newcomer) == ["Talk 10", "Talk 11", "Talk 12"]
            assert newcomer.digest() == veteran.digest()
