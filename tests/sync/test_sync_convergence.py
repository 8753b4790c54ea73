"""Many kiosks, one board: random changes made apart, and races for the same slots, end in one board on every
kiosk, with no card lost, none duplicated, no slot double-booked and every displaced card explained."""

from __future__ import annotations

import random
import threading
import uuid
from datetime import UTC, timedelta
from pathlib import Path

import pytest

from kiosk.store.cards import CardDraft
from kiosk.store.errors import SlotTaken, StoreError
from kiosk.sync.hubadmin import HubUnavailable
from tests.factories import DAY_ONE, DAY_TWO, local
from tests.sync.board_audit import audit_conference
from tests.sync.harness import SimKiosk, connect_hub, kiosks, make_hub


def settle(all_kiosks: list[SimKiosk]) -> int:
    """Rounds until nothing moves; returns how many rounds each kiosk ran."""
    for rounds in range(1, 6):
        moved = sum(k.sync().pulled + k.sync().pushed for k in all_kiosks)
        if moved == 0:
            return rounds
    return rounds


def random_changes(kiosk: SimKiosk, rng: random.Random, created: set[uuid.UUID], count: int) -> None:
    """What people do at a kiosk: add cards, cancel and edit some, add ideas and vote."""
    event = kiosk.event
    for _ in range(count):
        roll = rng.random()
        service = kiosk.service
        kiosk.clock.current += timedelta(seconds=11)
        try:
            if roll < 0.6:
                day = rng.choice(event.days)
                start = rng.choice(event.slot_starts(day))
                room = rng.choice(event.rooms).key
                added = service.add_card(CardDraft(room, start, f"{kiosk.name} {rng.randrange(10**6)}", "Host"))
                created.add(added.card.id)
            elif roll < 0.7:
                cards = service.cards()
                if cards:
                    service.staff_cancel_card(rng.choice(cards).id, "Changed plans")
            elif roll < 0.8:
                cards = service.cards()
                if cards:
                    card = rng.choice(cards)
                    service.staff_edit_card(
                        card.id, CardDraft(card.room_key, card.starts_at, f"{card.topic} (edited)", card.host_name)
                    )
            elif roll < 0.9:
                service.add_idea(f"Idea from {kiosk.name} {rng.randrange(1000)}")
            else:
                ideas = service.ideas()
                if ideas:
                    service.vote_idea(rng.choice(ideas).id)
        except (SlotTaken, StoreError):
            pass  # a full slot, a blocked room, a vote too soon: what a person would be told


@pytest.mark.parametrize("count", [2, 10])
def test_kiosks_that_change_the_board_apart_end_with_one_board(hub_url: str, tmp_path: Path, count: int) -> None:
    hub = make_hub(hub_url)
    rng = random.Random(count)
    created: set[uuid.UUID] = set()
    with kiosks(tmp_path, hub, count) as all_kiosks:
        for _round in range(4):
            for kiosk in all_kiosks:
                random_changes(kiosk, rng, created, 12)
            # Some kiosks sync this round, some stay apart (the venue Wi-Fi).
            for kiosk in rng.sample(all_kiosks, k=max(1, count // 2)):
                kiosk.sync()
        settle(all_kiosks)
        engine = connect_hub(hub)
        try:
            audit = audit_conference(all_kiosks, created, engine)
        finally:
            engine.dispose()
        print(audit.line())
        assert audit.clean, audit.line()
        assert audit.sessions >= len(created) > 0


def test_kiosks_racing_for_the_same_slots_get_one_winner_each(hub_url: str, tmp_path: Path) -> None:
    hub = make_hub(hub_url)
    created: set[uuid.UUID] = set()
    slots = [("a", local(DAY_ONE, hour).astimezone(UTC)) for hour in range(10, 18)]
    slots += [("b", local(DAY_TWO, hour).astimezone(UTC)) for hour in range(10, 18)]
    with kiosks(tmp_path, hub, 8) as all_kiosks:
        for kiosk in all_kiosks:
            kiosk.sync()
            # Every kiosk books every contested slot while apart from the others.
            for room, start in slots:
                created.add(kiosk.service.add_card(CardDraft(room, start, f"{kiosk.name} wants it", "Host")).card.id)
        errors: list[BaseException] = []

        def race(kiosk: SimKiosk) -> None:
            try:
                kiosk.sync()
            except HubUnavailable as error:
                errors.append(error)

        threads = [threading.Thread(target=race, args=(kiosk,)) for kiosk in all_kiosks]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert errors == []
        settle(all_kiosks)
        engine = connect_hub(hub)
        try:
            audit = audit_conference(all_kiosks, created, engine)
        finally:
            engine.dispose()
        print(audit.line())
        assert audit.clean, audit.line()
        assert audit.live == len(slots)
        assert audit.displaced == audit.conflicts == len(slots) * (len(all_kiosks) - 1)
