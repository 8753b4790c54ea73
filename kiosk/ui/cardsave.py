"""Saving the host's form, and what to offer when the slot is gone: the form's decisions that need the store.

Every outcome is a value with a message for a person; nothing here raises for something a host or another
kiosk did, so the form can keep everything typed on screen whatever happens.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.model import Card
from kiosk.domain.rules import block_covering, free_slots_on_later_days, next_free_slots
from kiosk.domain.validation import InvalidCard, validate_card
from kiosk.store.cards import CardDraft
from kiosk.store.errors import DatabaseUnavailable, SlotBlocked, SlotInPast, SlotTaken, StoreError, UnknownSlot
from kiosk.store.service import BoardService
from kiosk.ui.formview import CardFormState, FormMode
from kiosk.ui.messages import person_message
from kiosk.ui.translation import fill, translate

log = logging.getLogger(__name__)

ALTERNATIVES = 6


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """Saved (`card`, and for a new card its `edit_code`), or not, with the `message` saying why."""

    card: Card | None = None
    edit_code: str = ""
    message: str = ""
    # The slot was taken, blocked or ended meanwhile: offer others rather than a dead end.
    lost_slot: bool = False


def save_card(
    service: BoardService,
    state: CardFormState,
    room_key: str,
    starts_at: datetime,
    adopting: tuple[uuid.UUID, str] | None,
) -> SaveOutcome:
    event = service.event
    try:
        clean = validate_card(state.fields(), [t.key for t in event.tags])
    except InvalidCard as invalid:
        # The fields already say what to fix; this only happens when a save is tried with problems left.
        return SaveOutcome(message=person_message(invalid.message))
    editing = state.mode in (FormMode.Edit, FormMode.StaffEdit) and state.card_id is not None
    draft = CardDraft(
        room_key=room_key,
        starts_at=starts_at,
        topic=clean.topic,
        host_name=clean.host_name,
        description=clean.description,
        handle=clean.handle,
        tags=clean.tags,
        idea_id=state.card_idea if editing else (adopting[0] if adopting else None),
    )
    try:
        if editing:
            assert state.card_id is not None
            if state.mode is FormMode.StaffEdit:
                return SaveOutcome(card=service.staff_edit_card(state.card_id, draft))
            return SaveOutcome(card=service.update_card(state.card_id, state.code, draft))
        added = service.add_card(draft)
        return SaveOutcome(card=added.card, edit_code=added.edit_code)
    except (SlotTaken, SlotBlocked, SlotInPast, UnknownSlot) as error:
        return SaveOutcome(message=person_message(error), lost_slot=True)
    except InvalidCard as error:
        return SaveOutcome(message=person_message(error.message))
    except DatabaseUnavailable as error:
        log.error("could not save a card: %s", error)
        return SaveOutcome(
            message=fill(translate("KioskCardForm", "Your card could not be saved yet: %1"), person_message(error))
        )
    except StoreError as error:
        # Rate limits, a lock on the card, or the database in trouble: everything typed stays on screen.
        log.info("a card could not be saved: %s", error)
        return SaveOutcome(message=person_message(error))


def alternatives_near(
    service: BoardService, room_key: str, starts_at: datetime, moving: uuid.UUID | None
) -> list[tuple[str, datetime]]:
    """Free slots near a lost one: the same hour elsewhere, the same room at other hours, then the next days."""
    event = service.event
    try:
        others = [c for c in service.cards() if c.id != moving]
        blocks = service.blocks()
    except StoreError as error:
        log.error("could not look for free slots: %s", error)
        return []
    found = next_free_slots(event, room_key, starts_at, others, blocks, service.clock.now(), limit=ALTERNATIVES)
    if not found:
        # The day is full or over (a host still typing at closing time): offer the next days instead.
        day = event.local(starts_at).date()
        found = free_slots_on_later_days(event, room_key, day, others, blocks, limit=ALTERNATIVES)
    return list(found)


def taken_or_blocked(service: BoardService, room_key: str, starts_at: datetime, moving: uuid.UUID | None) -> str:
    """Why a slot the host is typing for can no longer take their card, or "" while it still can."""
    event = service.event
    end = starts_at + event.slot_length
    try:
        taken = any(
            c.room_key == room_key and c.starts_at == starts_at and c.id != moving
            for c in service.cards(event.local(starts_at).date())
        )
        block = block_covering(service.blocks(), room_key, starts_at, end)
    except StoreError:
        return ""
    if taken:
        return translate("KioskCardForm", "Someone else has just taken this slot. Your card is safe:")
    if block is not None:
        return fill(translate("KioskCardForm", "This room has just been blocked (%1)."), block.reason)
    return ""
