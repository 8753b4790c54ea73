"""What staff do to the board: moderate any card, block and unblock rooms, tidy the wish list.

Staff need no edit code and are not held to the anti-spam limits; everything else a card must satisfy (a real,
free, unblocked slot) still holds. Each function is one change through the write path, with the staff actor.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kiosk.domain.actors import Actor
from kiosk.domain.model import Block, Card, Idea
from kiosk.domain.rules import block_covering
from kiosk.domain.validation import validate_reason
from kiosk.store import queries
from kiosk.store.cards import CardDraft, apply_draft, card_detail, check_slot, cleaned, tombstone_card
from kiosk.store.context import StoreContext, reading
from kiosk.store.errors import (
    BadTimeRange,
    BlockNotFound,
    CardNotFound,
    ConfigBlock,
    IdeaNotFound,
    SessionsInTheWay,
    SlotBlocked,
    SlotTaken,
    UnknownSlot,
)
from kiosk.store.queries import card_of, idea_of, live_blocks, live_card_row, live_cards_query, live_idea_row, votes_of
from kiosk.store.tables import BlockRow, IdeaRow, RoomRow, SessionRow
from kiosk.store.writes import change

STAFF_BLOCK = "staff"


# -- cards ------------------------------------------------------------------------------------------------------------


def edit_card(ctx: StoreContext, card_id: uuid.UUID, draft: CardDraft, actor: Actor) -> Card:
    """Change any card's text, tags or slot (to another free one)."""
    draft = cleaned(ctx.event, draft)
    with change(ctx, actor, "staff.card.edit") as c:
        row, room_key = live_card_row(c.session, card_id)
        return apply_draft(ctx, c, row, room_key, draft, limits=False)


def move_card(ctx: StoreContext, card_id: uuid.UUID, room_key: str, starts_at: datetime, actor: Actor) -> Card:
    """Put a card in another free slot, as it is."""
    with change(ctx, actor, "staff.card.move") as c:
        row, old_room = live_card_row(c.session, card_id)
        room = check_slot(ctx, c, room_key, starts_at, moving=row.id)
        moved_from = f"{old_room} {ctx.event.local(row.starts_at):%Y-%m-%d %H:%M}"
        c.update(row, room_id=room.id, starts_at=starts_at, ends_at=starts_at + ctx.event.slot_length)
        c.describe("session", row.id, **card_detail(row, room_key), moved_from=moved_from)
        c.flush()
        return card_of(row, room_key)


def cancel_card(ctx: StoreContext, card_id: uuid.UUID, reason: str, actor: Actor) -> None:
    """Take any card off the board, saying why; the row stays as a tombstone and can be restored."""
    reason = validate_reason(reason)
    with change(ctx, actor, "staff.card.cancel") as c:
        row, room_key = live_card_row(c.session, card_id)
        tombstone_card(c, row, room_key, reason=reason)


def restore_card(ctx: StoreContext, card_id: uuid.UUID, actor: Actor) -> Card:
    """Put a cancelled card back where it was, if its slot is still free and not blocked."""
    with change(ctx, actor, "staff.card.restore") as c:
        found = (
            c.session.execute(
                sa.select(SessionRow, RoomRow.key)
                .join(RoomRow, SessionRow.room_id == RoomRow.id)
                .where(SessionRow.id == card_id, RoomRow.deleted.is_(False))
            )
            .tuples()
            .first()
        )
        if found is None:
            raise CardNotFound("There is no such session on this board.")
        row, room_key = found
        if not row.deleted:
            return card_of(row, room_key)
        block = block_covering(live_blocks(c.session), room_key, row.starts_at, row.ends_at)
        if block is not None:
            raise SlotBlocked(block.reason)
        taken = c.session.scalar(
            sa.select(SessionRow.id).where(
                SessionRow.room_id == row.room_id, SessionRow.starts_at == row.starts_at, SessionRow.live()
            )
        )
        if taken is not None:
            raise SlotTaken("Another session has its slot now: move that one, or restore this one elsewhere later.")
        c.update(row, deleted=False)
        c.describe("session", row.id, **card_detail(row, room_key))
        c.flush()
        return card_of(row, room_key)


def cancelled_cards(ctx: StoreContext) -> tuple[Card, ...]:
    """Cards taken off the board (by hosts or staff), newest change first: what staff may restore."""
    query = (
        sa.select(SessionRow, RoomRow.key)
        .join(RoomRow, SessionRow.room_id == RoomRow.id)
        .where(SessionRow.deleted.is_(True), RoomRow.deleted.is_(False))
        .order_by(SessionRow.updated_at.desc())
    )
    with reading(ctx) as s:
        return tuple(card_of(row, key) for row, key in s.execute(query).tuples())


# -- blocks ---------------------------------------------------------------------------------------------------------


def block_room(
    ctx: StoreContext, room_key: str, starts_at: datetime, ends_at: datetime, reason: str, actor: Actor
) -> Block:
    """Take a room away from Open Spaces for a while. Sessions in the way must be moved or cancelled first."""
    reason = validate_reason(reason)
    check_range(ctx, starts_at, ends_at)
    with change(ctx, actor, "staff.block") as c:
        room = _live_room(c.session, room_key)
        overlapping = block_covering(live_blocks(c.session), room_key, starts_at, ends_at)
        if overlapping is not None:
            raise BadTimeRange(f"That overlaps a block already there ({overlapping.reason}).")
        in_the_way = tuple(
            card_of(row, key)
            for row, key in c.session.execute(
                live_cards_query().where(
                    SessionRow.room_id == room.id, SessionRow.starts_at < ends_at, SessionRow.ends_at > starts_at
                )
            ).tuples()
        )
        if in_the_way:
            raise SessionsInTheWay(in_the_way)
        row = c.insert(
            BlockRow, room_id=room.id, starts_at=starts_at, ends_at=ends_at, reason=reason, source=STAFF_BLOCK
        )
        c.describe("block", row.id, room=room_key, starts_at=starts_at, ends_at=ends_at, reason=reason)
        return Block(room_key, starts_at, ends_at, reason, id=row.id)


def unblock_room(ctx: StoreContext, block_id: uuid.UUID, actor: Actor) -> None:
    """Give a room back to Open Spaces. Blocks from the config file stay: they change with the file."""
    with change(ctx, actor, "staff.unblock") as c:
        row = c.session.get(BlockRow, block_id)
        if row is None or row.deleted:
            raise BlockNotFound()
        if row.source != STAFF_BLOCK:
            raise ConfigBlock()
        c.tombstone(row)
        c.describe("block", row.id, starts_at=row.starts_at, ends_at=row.ends_at, reason=row.reason)


def find_block(ctx: StoreContext, room_key: str, starts_at: datetime, ends_at: datetime) -> Block:
    """The live block in a room with exactly this range (how the command line names one)."""
    for block in queries.blocks(ctx):
        if (block.room_key, block.starts_at, block.ends_at) == (room_key, starts_at, ends_at):
            return block
    raise BlockNotFound(f"There is no block in room '{room_key}' from {starts_at} to {ends_at}.")


def check_range(ctx: StoreContext, starts_at: datetime, ends_at: datetime) -> None:
    event = ctx.event
    if ends_at <= starts_at:
        raise BadTimeRange("The end must be later than the start.")
    day = event.local(starts_at).date()
    if day not in event.days:
        raise BadTimeRange(f"{day} is not one of the event's days.")
    opens, closes = event.at(day, event.first_slot), event.closes(day)
    if starts_at < opens or ends_at > closes:
        raise BadTimeRange(
            f"Open Spaces run from {event.first_slot:%H:%M} to {event.last_slot_end_label}; keep the block within them."
        )


def _live_room(s: Session, room_key: str) -> RoomRow:
    room = s.scalar(sa.select(RoomRow).where(RoomRow.key == room_key, RoomRow.deleted.is_(False)))
    if room is None:
        raise UnknownSlot(f"There is no room '{room_key}' on this board.")
    return room


# -- wish list ------------------------------------------------------------------------------------------------------


def hide_idea(ctx: StoreContext, idea_id: uuid.UUID, actor: Actor) -> None:
    """Take an idea off the wish list (it stays in the database as a tombstone)."""
    with change(ctx, actor, "staff.idea.hide") as c:
        row = live_idea_row(c.session, idea_id)
        c.tombstone(row)
        c.describe("idea", row.id, topic=row.topic, votes=row.votes)


def merge_ideas(ctx: StoreContext, keep_id: uuid.UUID, duplicate_id: uuid.UUID, actor: Actor) -> Idea:
    """Fold a duplicate into the idea that stays: the +1s add up, so nobody's vote is lost."""
    if keep_id == duplicate_id:
        raise IdeaNotFound("Pick two different ideas to merge.")
    with change(ctx, actor, "staff.idea.merge") as c:
        keep = live_idea_row(c.session, keep_id)
        duplicate = live_idea_row(c.session, duplicate_id)
        # Vote rows stay as they are and count for the idea that stays through `merged_into`, so +1s another
        # kiosk casts on the duplicate before it hears of the merge are not lost either.
        c.update(keep, votes=keep.votes + duplicate.votes)
        if keep.adopted_session_id is None and duplicate.adopted_session_id is not None:
            c.update(keep, adopted_session_id=duplicate.adopted_session_id)
        for earlier in c.session.scalars(sa.select(IdeaRow).where(IdeaRow.merged_into == duplicate.id)):
            c.update(earlier, merged_into=keep.id)
        c.update(duplicate, merged_into=keep.id)
        c.tombstone(duplicate)
        c.flush()
        total = votes_of(c.session, keep.id)
        c.describe("idea", keep.id, merged=str(duplicate.id), merged_topic=duplicate.topic, votes=total)
        return idea_of(keep, total - keep.votes)


def note(ctx: StoreContext, actor: Actor, action: str, entity: str, **detail: str | int) -> None:
    """A staff action that changes no board data (sending the screen back, a backup, an export, the rehearsal
    clock, leaving the application): the log still says who did what, and when."""
    with change(ctx, actor, action) as c:
        c.describe(entity, None, **detail)
