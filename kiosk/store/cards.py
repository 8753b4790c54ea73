"""Cards on the board: a host adds one, and with its edit code changes or cancels it.

Every function is one change through the write path (`kiosk.store.writes`); the checks a card must pass (a real
slot, free, not blocked, not over; the anti-spam limits) run inside that change's transaction, under SQLite's
write lock, so they still hold when it commits.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kiosk.domain.actors import Actor
from kiosk.domain.handles import normalised_handle
from kiosk.domain.labels import weekday
from kiosk.domain.model import Card, Event
from kiosk.domain.rules import block_covering
from kiosk.domain.validation import CardFields, validate_card
from kiosk.store.code_locks import check_code
from kiosk.store.codes import hash_edit_code, new_edit_code
from kiosk.store.context import StoreContext
from kiosk.store.errors import RateLimited, SlotBlocked, SlotInPast, SlotTaken, StoreError, UnknownSlot
from kiosk.store.queries import RATE_WINDOW, card_of, live_blocks, live_card_row, live_idea_row, recent_actions
from kiosk.store.tables import IdeaRow, RoomRow, SessionRow
from kiosk.store.writes import Change, change


@dataclass(frozen=True, slots=True)
class CardDraft:
    """What a host filled in for a new card or an edit; `starts_at` is the slot's UTC start."""

    room_key: str
    starts_at: datetime
    topic: str
    host_name: str
    description: str = ""
    handle: str = ""
    tags: tuple[str, ...] = ()
    idea_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class AddedCard:
    """A new card and its edit code, which exists only here: the database keeps a hash."""

    card: Card
    edit_code: str


def add(ctx: StoreContext, draft: CardDraft, actor: Actor) -> AddedCard:
    """Put a new card on the board; raises `InvalidCard` for fields to fix, or a `StoreError` saying why the
    card cannot go in that slot."""
    draft = cleaned(ctx.event, draft)
    code = new_edit_code()
    # Hashing is deliberately slow: do it before taking the write lock.
    code_hash = hash_edit_code(code)
    with change(ctx, actor, "card.add") as c:
        room = check_slot(ctx, c, draft.room_key, draft.starts_at)
        if recent_actions(c.session, ctx.kiosk_id, "card.add", c.now - RATE_WINDOW) >= (
            ctx.event.limits.cards_per_kiosk_per_minute
        ):
            raise RateLimited("Lots of cards were just added at this kiosk. Please wait a minute and try again.")
        check_handle_quota(ctx, c.session, draft.handle, draft.starts_at)
        idea = live_idea_row(c.session, draft.idea_id) if draft.idea_id is not None else None
        row = c.insert(SessionRow, **draft_columns(ctx.event, draft, room.id), edit_code_hash=code_hash)
        # Flushed on its own so the idea below can point at a row that exists.
        c.flush()
        if idea is not None:
            c.update(idea, adopted_session_id=row.id)
        c.describe("session", row.id, **card_detail(row, room.key))
        c.flush()
        return AddedCard(card_of(row, room.key), code)


def check_edit_code(ctx: StoreContext, card_id: uuid.UUID, code: str, actor: Actor) -> bool:
    """True if `code` is the card's edit code. A wrong one raises `WrongEditCode`, whose `attempts_left` the
    kiosk shows the host; too many pause host actions on the card (`HostActionsLocked`), and the pause is
    stored, so restarting the kiosk does not lift it."""
    with change(ctx, actor, "code.check") as c:
        row, _room_key = live_card_row(c.session, card_id)
        problem = check_code(c, row, code, ctx.event.limits)
    # Raised only now, after the commit, so the counted attempt is kept.
    if problem is not None:
        raise problem
    return True


def update(ctx: StoreContext, card_id: uuid.UUID, code: str, draft: CardDraft, actor: Actor) -> Card:
    """Change a card (its text, tags, or slot: it may move to another free slot) given its edit code."""
    draft = cleaned(ctx.event, draft)
    problem: StoreError | None
    with change(ctx, actor, "card.update") as c:
        row, room_key = live_card_row(c.session, card_id)
        problem = check_code(c, row, code, ctx.event.limits)
        if problem is None:
            card = apply_draft(ctx, c, row, room_key, draft)
    if problem is not None:
        raise problem
    return card


def cancel(ctx: StoreContext, card_id: uuid.UUID, code: str, actor: Actor) -> None:
    """Take a card off the board given its edit code. The row stays as a tombstone, so other kiosks learn of
    the cancellation; the slot is free again at once."""
    with change(ctx, actor, "card.cancel") as c:
        row, room_key = live_card_row(c.session, card_id)
        problem = check_code(c, row, code, ctx.event.limits)
        if problem is None:
            tombstone_card(c, row, room_key)
    if problem is not None:
        raise problem


# -- shared with staff actions ----------------------------------------------------------------------------------------


def apply_draft(
    ctx: StoreContext, c: Change, row: SessionRow, room_key: str, draft: CardDraft, *, limits: bool = True
) -> Card:
    """Bring a live card in line with a cleaned draft inside change `c`: moves it if its slot changed.

    `limits=False` (staff) skips the per-handle daily limit, which guards the wall against strangers.
    """
    room_id = row.room_id
    moved = (draft.room_key, draft.starts_at) != (room_key, row.starts_at)
    if moved:
        room_id = check_slot(ctx, c, draft.room_key, draft.starts_at, moving=row.id).id
    if limits and (moved or normalised_handle(draft.handle) != normalised_handle(row.handle)):
        check_handle_quota(ctx, c.session, draft.handle, draft.starts_at, moving=row.id)
    if draft.idea_id != row.idea_id:
        readopt_idea(c, row, draft.idea_id)
    c.update(row, **draft_columns(ctx.event, draft, room_id))
    if c.touched:
        c.describe("session", row.id, **card_detail(row, draft.room_key))
    c.flush()
    return card_of(row, draft.room_key)


def tombstone_card(c: Change, row: SessionRow, room_key: str, **detail: Any) -> None:
    """Cancel a card inside change `c`; an idea it had adopted is up for grabs again."""
    c.tombstone(row)
    for idea in c.session.scalars(sa.select(IdeaRow).where(IdeaRow.adopted_session_id == row.id)):
        c.update(idea, adopted_session_id=None)
    c.describe("session", row.id, **card_detail(row, room_key), **detail)


def cleaned(event: Event, draft: CardDraft) -> CardDraft:
    """The draft with its text cleaned by the domain's card rules (the form checks them too, but this is the
    last gate before the wall); raises `InvalidCard` naming the fields to fix."""
    if draft.starts_at.tzinfo is None:
        raise ValueError("CardDraft.starts_at must be an aware datetime (UTC)")
    fields = validate_card(
        CardFields(draft.topic, draft.host_name, draft.description, draft.handle, tuple(draft.tags)),
        [tag.key for tag in event.tags],
    )
    return replace(
        draft,
        starts_at=draft.starts_at.astimezone(UTC),
        topic=fields.topic,
        host_name=fields.host_name,
        description=fields.description,
        handle=fields.handle,
        tags=fields.tags,
    )


def draft_columns(event: Event, draft: CardDraft, room_id: uuid.UUID) -> dict[str, Any]:
    """The session columns a host's draft sets, for a new card and an edit alike."""
    return {
        "room_id": room_id,
        "starts_at": draft.starts_at,
        "ends_at": draft.starts_at + event.slot_length,
        "topic": draft.topic,
        "description": draft.description,
        "host_name": draft.host_name,
        "handle": draft.handle,
        "tags": json.dumps(list(draft.tags)),
        "idea_id": draft.idea_id,
    }


def check_slot(
    ctx: StoreContext, c: Change, room_key: str, starts_at: datetime, *, moving: uuid.UUID | None = None
) -> RoomRow:
    """The room, if a card may go in `room_key` at `starts_at`; `moving` is the card being moved, if any."""
    event, s = ctx.event, c.session
    room = s.scalar(sa.select(RoomRow).where(RoomRow.key == room_key, RoomRow.deleted.is_(False)))
    if room is None or room_key not in {r.key for r in event.rooms}:
        raise UnknownSlot(f"There is no room '{room_key}' on this board.")
    local_day = event.local(starts_at).date()
    if local_day not in event.days or starts_at not in event.slot_starts(local_day):
        raise UnknownSlot("That time is not one of the board's session slots.")
    ends_at = starts_at + event.slot_length
    if ends_at <= c.board_now:
        raise SlotInPast()
    block = block_covering(live_blocks(s), room_key, starts_at, ends_at)
    if block is not None:
        raise SlotBlocked(block.reason)
    taken = sa.select(SessionRow.id).where(
        SessionRow.room_id == room.id, SessionRow.starts_at == starts_at, SessionRow.live()
    )
    if moving is not None:
        taken = taken.where(SessionRow.id != moving)
    if s.scalar(taken) is not None:
        raise SlotTaken()
    return room


def check_handle_quota(
    ctx: StoreContext, s: Session, handle: str, starts_at: datetime, *, moving: uuid.UUID | None = None
) -> None:
    wanted = normalised_handle(handle)
    if not wanted:
        return
    day = ctx.event.local(starts_at).date()
    start, end = ctx.event.local_day_bounds(day)
    query = sa.select(SessionRow.handle).where(
        SessionRow.live(), SessionRow.starts_at >= start, SessionRow.starts_at < end
    )
    if moving is not None:
        query = query.where(SessionRow.id != moving)
    hosted = sum(1 for other in s.scalars(query) if normalised_handle(other) == wanted)
    limit = ctx.event.limits.cards_per_handle_per_day
    if hosted >= limit:
        raise RateLimited(
            f"{handle} already hosts {hosted} sessions on {weekday(day)}, the most one person can put up in a day."
        )


def readopt_idea(c: Change, row: SessionRow, idea_id: uuid.UUID | None) -> None:
    if row.idea_id is not None:
        old = c.session.get(IdeaRow, row.idea_id)
        if old is not None and old.adopted_session_id == row.id:
            c.update(old, adopted_session_id=None)
    if idea_id is not None:
        c.update(live_idea_row(c.session, idea_id), adopted_session_id=row.id)


def card_detail(row: SessionRow, room_key: str) -> dict[str, Any]:
    return {"room": room_key, "starts_at": row.starts_at.isoformat(), "topic": row.topic, "host": row.host_name}
