"""Adding, checking, editing and cancelling cards through BoardService."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Event
from kiosk.domain.validation import InvalidCard
from kiosk.store.errors import (
    CardNotFound,
    HostActionsLocked,
    RateLimited,
    SlotBlocked,
    SlotInPast,
    SlotTaken,
    UnknownSlot,
    WrongEditCode,
)
from kiosk.store.service import BoardService, CardDraft
from kiosk.store.tables import AuditRow, CodeLockRow, SessionRow

MakeDraft = Callable[..., CardDraft]
LocalTime = Callable[..., datetime]


def audit_actions(service: BoardService) -> list[str]:
    with Session(service.engine) as s:
        return list(s.scalars(sa.select(AuditRow.action).order_by(AuditRow.id)))


def stored_session(service: BoardService, card_id: object) -> SessionRow:
    with Session(service.engine, expire_on_commit=False) as s:
        row = s.get(SessionRow, card_id)
        assert row is not None
        return row


def wrong_attempts(service: BoardService, card_id: object) -> int:
    """The kiosk-local count of wrong codes for a card (0 when none was ever typed)."""
    with Session(service.engine) as s:
        lock = s.get(CodeLockRow, card_id)
        return 0 if lock is None else lock.failed_attempts


def test_adding_a_card_writes_the_card_and_exactly_one_audit_row(
    service: BoardService, make_draft: MakeDraft, local_time: LocalTime
) -> None:
    actions_before = audit_actions(service)
    stamp_before = service.change_stamp()

    added = service.add_card(make_draft("c", 0, 11, topic="  Home automation  ", handle="@ada", tags=("maker",)))

    card = added.card
    assert (card.room_key, card.starts_at, card.ends_at) == ("c", local_time(0, 11), local_time(0, 12))
    assert (card.topic, card.host_name, card.handle, card.tags) == ("Home automation", "Zoë", "@ada", ("maker",))
    assert (card.kiosk_id, card.version) == ("kiosk-a", 1)
    assert audit_actions(service) == [*actions_before, "card.add"]
    assert service.change_stamp() > stamp_before
    assert service.card(card.id) == card
    assert service.cards() == (card,)


def test_cards_are_listed_by_time_then_room_and_filtered_by_local_day(
    service: BoardService, make_draft: MakeDraft, event: Event
) -> None:
    c10 = service.add_card(make_draft("c", 0, 10)).card
    b11 = service.add_card(make_draft("b", 0, 11)).card
    a10 = service.add_card(make_draft("a", 0, 10)).card
    # 17:00 in Denver is 23:00 UTC and 18:00 would be the next UTC day: the local day is what counts.
    a17_day_two = service.add_card(make_draft("a", 1, 17)).card

    assert service.cards(event.days[0]) == (a10, c10, b11)
    assert service.cards(event.days[1]) == (a17_day_two,)
    assert service.cards() == (a10, c10, b11, a17_day_two)


def test_a_taken_slot_is_refused(service: BoardService, make_draft: MakeDraft) -> None:
    service.add_card(make_draft("a", 0, 10, topic="First"))

    with pytest.raises(SlotTaken, match="taken"):
        service.add_card(make_draft("a", 0, 10, topic="Second"))

    assert [card.topic for card in service.cards()] == ["First"]


@pytest.mark.parametrize("hour", [12, 13])
def test_a_blocked_slot_is_refused_with_the_reason(service: BoardService, make_draft: MakeDraft, hour: int) -> None:
    with pytest.raises(SlotBlocked, match=r"\(Sponsor lunch\)"):
        service.add_card(make_draft("b", 0, hour))
    assert service.cards() == ()


def test_a_finished_slot_is_refused_but_the_current_one_is_open(
    service: BoardService, make_draft: MakeDraft, clock: ManualClock, local_time: LocalTime
) -> None:
    clock.set(local_time(0, 11, 30))

    with pytest.raises(SlotInPast):
        service.add_card(make_draft("a", 0, 10))
    current = service.add_card(make_draft("a", 0, 11)).card

    assert service.cards() == (current,)


@pytest.mark.parametrize(
    ("room", "starts", "message"),
    [
        ("z", "2023-04-21T16:00:00+00:00", "no room 'z'"),
        ("a", "2023-04-21T16:30:00+00:00", "not one of the board's session slots"),
        # 18:00 local: the day's last slot ends then.
        ("a", "2023-04-22T00:00:00+00:00", "not one of the board's session slots"),
        ("a", "2023-04-24T16:00:00+00:00", "not one of the board's session slots"),
    ],
)
def test_a_slot_that_is_not_on_the_board_is_refused(
    service: BoardService, room: str, starts: str, message: str
) -> None:
    draft = CardDraft(room_key=room, starts_at=datetime.fromisoformat(starts), topic="Anything", host_name="Kwame")
    with pytest.raises(UnknownSlot, match=message):
        service.add_card(draft)


def test_the_domain_card_rules_are_checked_before_anything_is_saved(
    service: BoardService, make_draft: MakeDraft
) -> None:
    stamp = service.change_stamp()
    with pytest.raises(InvalidCard) as blank_topic:
        service.add_card(make_draft(topic="   "))
    with pytest.raises(InvalidCard) as blank_host:
        service.add_card(make_draft(host_name=""))
    with pytest.raises(InvalidCard, match="cooking") as unknown_tag:
        service.add_card(make_draft(tags=("maker", "cooking")))
    with pytest.raises(InvalidCard) as bad_handle:
        service.add_card(make_draft(handle="ada@gmail.com"))

    fields = [error.value.field for error in (blank_topic, blank_host, unknown_tag, bad_handle)]
    assert fields == ["topic", "host_name", "tags", "handle"]
    assert service.cards() == ()
    assert service.change_stamp() == stamp


def test_card_text_is_stored_cleaned(service: BoardService, make_draft: MakeDraft) -> None:
    added = service.add_card(make_draft(topic="  Pico\u202e  and   friends ", handle=" https://x.com/Ada_L "))

    assert (added.card.topic, added.card.handle) == ("Pico and friends", "@Ada_L")
    assert service.card(added.card.id) == added.card


def test_one_kiosk_may_add_only_so_many_cards_a_minute(
    service: BoardService, make_draft: MakeDraft, clock: ManualClock, event: Event
) -> None:
    limit = event.limits.cards_per_kiosk_per_minute
    for hour in range(10, 10 + limit):
        service.add_card(make_draft("a", 0, hour))

    with pytest.raises(RateLimited, match="wait a minute"):
        service.add_card(make_draft("c", 0, 10))
    clock.advance(timedelta(seconds=61))
    service.add_card(make_draft("c", 0, 10))

    assert len(service.cards()) == limit + 1


def test_one_handle_may_host_only_so_many_sessions_a_day(
    service: BoardService, make_draft: MakeDraft, clock: ManualClock, event: Event
) -> None:
    assert event.limits.cards_per_handle_per_day == 3
    # However it is typed, it is the same person.
    for hour, handle in zip((10, 11, 14), ("@Ada", "x.com/ada", " @ADA "), strict=True):
        service.add_card(make_draft("a", 0, hour, handle=handle))
    clock.advance(timedelta(minutes=2))

    with pytest.raises(RateLimited, match=r"@ada already hosts 3 sessions on Friday"):
        service.add_card(make_draft("c", 0, 15, handle="@ada"))
    service.add_card(make_draft("c", 0, 15, handle="@ada@fosstodon.org"))
    service.add_card(make_draft("c", 1, 10, handle="@ada"))

    assert len(service.cards()) == 5


def test_the_edit_code_is_six_digits_and_never_stored(
    service: BoardService, make_draft: MakeDraft, data_dir: Path
) -> None:
    added = service.add_card(make_draft())

    assert re.fullmatch(r"\d{6}", added.edit_code)
    stored = stored_session(service, added.card.id).edit_code_hash
    assert stored.startswith("pbkdf2_sha256$")
    assert added.edit_code not in stored
    database_bytes = b"".join(path.read_bytes() for path in data_dir.glob("board.sqlite3*"))
    assert b"pbkdf2_sha256$" in database_bytes  # the search does see the card's row
    assert added.edit_code.encode() not in database_bytes
    assert service.check_edit_code(added.card.id, added.edit_code) is True
    with pytest.raises(WrongEditCode):
        service.check_edit_code(added.card.id, "not it")


def test_wrong_codes_pause_host_actions_even_across_a_restart(
    service: BoardService, make_draft: MakeDraft, clock: ManualClock, event: Event, data_dir: Path
) -> None:
    added = service.add_card(make_draft())
    card_id, code = added.card.id, added.edit_code
    wrong = "x" + code
    # Each wrong code is counted (and kept) before it is refused, and the host is told how many tries are left.
    attempts_left = []
    for _ in range(event.limits.wrong_codes_before_lock - 1):
        with pytest.raises(WrongEditCode) as refused:
            service.check_edit_code(card_id, wrong)
        attempts_left.append(refused.value.attempts_left)
    assert attempts_left == [4, 3, 2, 1]
    assert "1 more try before host actions pause" in str(refused.value)
    assert wrong_attempts(service, card_id) == 4

    with pytest.raises(HostActionsLocked) as locked:
        service.check_edit_code(card_id, wrong)
    assert locked.value.seconds_left == event.limits.lock_seconds
    assert "paused for 60 seconds" in str(locked.value)
    with pytest.raises(HostActionsLocked):
        service.check_edit_code(card_id, code)

    # A restarted kiosk (a new service and engine on the same file) remembers the pause.
    service.close()
    restarted = BoardService.open(data_dir, event, clock, "kiosk-a")
    clock.advance(timedelta(seconds=30))
    with pytest.raises(HostActionsLocked) as still_locked:
        restarted.cancel_card(card_id, code)
    assert still_locked.value.seconds_left == 30

    clock.advance(timedelta(seconds=31))
    assert restarted.check_edit_code(card_id, code) is True
    assert audit_actions(restarted).count("code.wrong") == event.limits.wrong_codes_before_lock
    assert restarted.card(card_id) == added.card
    restarted.close()


def test_wrong_codes_on_many_cards_meet_a_ceiling_for_the_kiosk(
    service: BoardService, make_draft: MakeDraft, clock: ManualClock, event: Event
) -> None:
    ceiling = event.limits.wrong_codes_per_kiosk_per_minute
    cards = []
    for hour in range(10, 16):
        cards.append(service.add_card(make_draft(hour=hour)))
        clock.advance(timedelta(seconds=20))  # within the cards-per-minute limit
    # Two wrong guesses on each card: no card reaches its own pause, but the kiosk reaches its ceiling.
    guesses = [(added.card.id, "x" + added.edit_code) for added in cards for _ in range(2)][:ceiling]
    for card_id, wrong in guesses:
        with pytest.raises(WrongEditCode):
            service.check_edit_code(card_id, wrong)
    last = cards[-1]
    with pytest.raises(RateLimited, match="Many wrong edit codes were just tried at this kiosk"):
        service.check_edit_code(last.card.id, last.edit_code)  # even the right code waits: guessing stops here
    assert audit_actions(service).count("code.ceiling") == 1
    assert audit_actions(service).count("code.wrong") == ceiling
    clock.advance(timedelta(seconds=61))
    assert service.check_edit_code(last.card.id, last.edit_code) is True


def test_a_correct_code_resets_the_wrong_code_count(service: BoardService, make_draft: MakeDraft) -> None:
    added = service.add_card(make_draft())
    for _ in range(3):
        with pytest.raises(WrongEditCode):
            service.check_edit_code(added.card.id, "000000x")
    assert wrong_attempts(service, added.card.id) == 3

    assert service.check_edit_code(added.card.id, added.edit_code) is True

    assert wrong_attempts(service, added.card.id) == 0


def test_a_host_can_edit_and_move_a_card_with_its_code(
    service: BoardService, make_draft: MakeDraft, local_time: LocalTime
) -> None:
    added = service.add_card(make_draft("a", 0, 10, topic="Pico"))
    stamp = service.change_stamp()

    updated = service.update_card(
        added.card.id, added.edit_code, make_draft("c", 0, 15, topic="Pico and friends", tags=("maker", "social"))
    )

    assert updated.id == added.card.id
    assert (updated.room_key, updated.starts_at, updated.topic) == ("c", local_time(0, 15), "Pico and friends")
    assert updated.tags == ("maker", "social")
    assert updated.version == 2
    assert service.card(added.card.id) == updated
    assert audit_actions(service)[-1] == "card.update"
    assert service.change_stamp() > stamp
    # The old slot is free again.
    service.add_card(make_draft("a", 0, 10, topic="Next in line"))


def test_an_edit_needs_the_right_code_and_a_free_slot(service: BoardService, make_draft: MakeDraft) -> None:
    added = service.add_card(make_draft("a", 0, 10, topic="Pico"))
    service.add_card(make_draft("b", 0, 10, topic="Taken"))

    with pytest.raises(WrongEditCode) as wrong:
        service.update_card(added.card.id, "123x", make_draft("a", 0, 10, topic="Hijacked"))
    with pytest.raises(SlotTaken):
        service.update_card(added.card.id, added.edit_code, make_draft("b", 0, 10, topic="Pico"))

    assert wrong.value.attempts_left == 4
    assert service.card(added.card.id) == added.card


def test_an_edit_that_changes_nothing_writes_nothing(service: BoardService, make_draft: MakeDraft) -> None:
    draft = make_draft("a", 0, 10, topic="Pico")
    added = service.add_card(draft)
    stamp = service.change_stamp()

    assert service.update_card(added.card.id, added.edit_code, draft) == added.card

    assert service.change_stamp() == stamp


def test_cancelling_leaves_a_tombstone_and_frees_the_slot(service: BoardService, make_draft: MakeDraft) -> None:
    added = service.add_card(make_draft("a", 0, 10))

    with pytest.raises(WrongEditCode):
        service.cancel_card(added.card.id, "nope")
    service.cancel_card(added.card.id, added.edit_code)

    row = stored_session(service, added.card.id)
    assert (row.deleted, row.version) == (True, 2)
    assert audit_actions(service)[-2:] == ["code.wrong", "card.cancel"]
    with Session(service.engine) as s:
        audit = s.scalars(sa.select(AuditRow).order_by(AuditRow.id.desc())).first()
        assert audit is not None
        assert (audit.entity, audit.entity_id) == ("session", str(added.card.id))
        assert json.loads(audit.detail)["room"] == "a"
    with pytest.raises(CardNotFound):
        service.card(added.card.id)
    with pytest.raises(CardNotFound):
        service.cancel_card(added.card.id, added.edit_code)
    assert service.cards() == ()
    service.add_card(make_draft("a", 0, 10, topic="Took the free slot"))


def test_a_card_with_damaged_tags_is_still_shown_without_them(
    service: BoardService, make_draft: MakeDraft, caplog: pytest.LogCaptureFixture
) -> None:
    # Every board reload and clock tick reads all cards: one damaged row must not take the board down.
    added = service.add_card(make_draft("a", 0, 10, topic="Pico", tags=("maker",)))
    other = service.add_card(make_draft("b", 0, 10, topic="Other", tags=("data",)))
    with service.engine.begin() as connection:
        connection.execute(sa.update(SessionRow).where(SessionRow.id == added.card.id).values(tags='["maker",'))

    with caplog.at_level("ERROR", logger="kiosk.store.service"):
        cards = service.cards()
        service.cards()
        single = service.card(added.card.id)

    damaged = next(card for card in cards if card.id == added.card.id)
    assert damaged == single
    assert (damaged.topic, damaged.room_key, damaged.tags) == ("Pico", "a", ())
    assert next(card for card in cards if card.id == other.card.id).tags == ("data",)
    # Logged once, not once per read: the board rereads every second.
    errors = [record for record in caplog.records if "damaged tags" in record.getMessage()]
    assert len(errors) == 1
    assert str(added.card.id) in errors[0].getMessage()


@pytest.mark.parametrize("stored", ["", "not json", "{}", '"maker"', "[1, 2]", "null"])
def test_tags_that_are_not_a_list_of_keys_read_as_none(
    service: BoardService, make_draft: MakeDraft, stored: str
) -> None:
    added = service.add_card(make_draft("a", 0, 10, tags=("maker",)))
    with service.engine.begin() as connection:
        connection.execute(sa.update(SessionRow).where(SessionRow.id == added.card.id).values(tags=stored))

    assert service.card(added.card.id).tags == ()
