"""Reading the board: live cards, blocks and ideas as frozen domain objects, never ORM rows; the change stamp."""

from __future__ import annotations

import json
import logging
import uuid
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from kiosk.domain.audit import AuditEntry
from kiosk.domain.model import Block, Card, Event, Idea
from kiosk.store.context import StoreContext, reading
from kiosk.store.engine import DamagedText
from kiosk.store.errors import CardNotFound, IdeaNotFound
from kiosk.store.tables import AuditRow, BlockRow, IdeaRow, RoomRow, SessionRow, VoteRow

log = logging.getLogger(__name__)

# The anti-spam limits count one kiosk's actions over the last minute.
RATE_WINDOW = timedelta(seconds=60)


def change_stamp(ctx: StoreContext) -> int:
    """A number that changes whenever anything on the board changes, in this process or another.

    Every change writes an audit row and audit ids are never reused, so the newest id is enough.
    """
    with reading(ctx) as s:
        return s.scalar(sa.select(sa.func.max(AuditRow.id))) or 0


def cards(ctx: StoreContext, day: date | None = None) -> tuple[Card, ...]:
    """Live cards in time order then room order; with `day`, only those starting on that local day."""
    query = live_cards_query().order_by(SessionRow.starts_at, RoomRow.position)
    if day is not None:
        start, end = ctx.event.local_day_bounds(day)
        query = query.where(SessionRow.starts_at >= start, SessionRow.starts_at < end)
    with reading(ctx) as s:
        return tuple(card_of(row, room_key) for row, room_key in s.execute(query).tuples() if intact(row))


def card(ctx: StoreContext, card_id: uuid.UUID) -> Card:
    with reading(ctx) as s:
        row, room_key = live_card_row(s, card_id)
        return card_of(row, room_key)


def blocks(ctx: StoreContext) -> tuple[Block, ...]:
    with reading(ctx) as s:
        return live_blocks(s)


def block_sources(ctx: StoreContext) -> dict[uuid.UUID, str]:
    """Where each live block comes from: "config" (the event's file) or "staff" (made on a kiosk)."""
    with reading(ctx) as s:
        rows = s.execute(sa.select(BlockRow.id, BlockRow.source).where(BlockRow.deleted.is_(False))).tuples()
        return dict(rows.all())


def ideas(ctx: StoreContext) -> tuple[Idea, ...]:
    """The wish list: most votes first, then newest."""
    counts = vote_counts()
    query = (
        sa.select(IdeaRow, sa.func.coalesce(counts.c.count, 0))
        .outerjoin(counts, counts.c.idea_id == IdeaRow.id)
        .where(IdeaRow.deleted.is_(False))
        .order_by((IdeaRow.votes + sa.func.coalesce(counts.c.count, 0)).desc(), IdeaRow.created_at.desc(), IdeaRow.id)
    )
    with reading(ctx) as s:
        return tuple(idea_of(row, extra) for row, extra in s.execute(query).tuples() if intact(row))


def vote_counts() -> sa.Subquery:
    """Live +1 rows per idea (each kiosk's votes are rows of their own, so they add up across kiosks); a vote for
    an idea staff merged into another counts for the one that stays."""
    voted = aliased(IdeaRow)
    target = sa.func.coalesce(voted.merged_into, VoteRow.idea_id)
    return (
        sa.select(target.label("idea_id"), sa.func.count().label("count"))
        .select_from(VoteRow)
        .join(voted, voted.id == VoteRow.idea_id)
        .where(VoteRow.deleted.is_(False))
        .group_by(target)
        .subquery()
    )


def votes_of(s: Session, idea_id: uuid.UUID) -> int:
    """An idea's +1s: those counted before votes were rows (and folded in by merges), and the vote rows."""
    row = s.get(IdeaRow, idea_id)
    counts = vote_counts()
    rows = s.scalar(sa.select(counts.c.count).where(counts.c.idea_id == idea_id))
    return (row.votes if row is not None else 0) + (rows or 0)


def audit(ctx: StoreContext, *, limit: int = 50, entity_id: str | None = None) -> tuple[AuditEntry, ...]:
    """The newest audit entries first; with `entity_id`, only those about that card (or idea, or block)."""
    query = sa.select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if entity_id is not None:
        query = query.where(AuditRow.entity_id == entity_id)
    with reading(ctx) as s:
        return tuple(_audit_entry(row) for row in s.scalars(query))


def _audit_entry(row: AuditRow) -> AuditEntry:
    try:
        detail = json.loads(row.detail)
    except (ValueError, TypeError):
        detail = {"damaged": row.detail[:200]}
    return AuditEntry(
        id=row.id,
        at=row.at,
        kiosk_id=row.kiosk_id,
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        detail=detail if isinstance(detail, dict) else {"value": detail},
    )


# -- inside a transaction ------------------------------------------------------------------------------------------


def live_cards_query() -> sa.Select[tuple[SessionRow, str]]:
    # Cards in a room the event no longer has cannot be shown on the grid, so they are not "on the board".
    return (
        sa.select(SessionRow, RoomRow.key)
        .join(RoomRow, SessionRow.room_id == RoomRow.id)
        .where(SessionRow.live(), RoomRow.deleted.is_(False))
    )


def live_card_row(s: Session, card_id: uuid.UUID) -> tuple[SessionRow, str]:
    found = s.execute(live_cards_query().where(SessionRow.id == card_id)).tuples().first()
    if found is None:
        raise CardNotFound()
    return found


def live_idea_row(s: Session, idea_id: uuid.UUID) -> IdeaRow:
    row = s.get(IdeaRow, idea_id)
    if row is None or row.deleted:
        raise IdeaNotFound()
    return row


def live_room_rows(s: Session) -> dict[str, RoomRow]:
    return {row.key: row for row in s.scalars(sa.select(RoomRow).where(RoomRow.deleted.is_(False)))}


def live_blocks(s: Session) -> tuple[Block, ...]:
    query = (
        sa.select(BlockRow, RoomRow.key)
        .join(RoomRow, BlockRow.room_id == RoomRow.id)
        .where(BlockRow.deleted.is_(False), RoomRow.deleted.is_(False))
        .order_by(BlockRow.starts_at, RoomRow.position)
    )
    return tuple(
        Block(room_key=key, starts_at=row.starts_at, ends_at=row.ends_at, reason=row.reason, id=row.id)
        for row, key in s.execute(query).tuples()
    )


def recent_actions(
    s: Session, kiosk_id: str, action: str, since: datetime, *, entity_id: uuid.UUID | None = None
) -> int:
    """How many times a kiosk did `action` since `since`, from the audit log (what the rate limits count)."""
    query = (
        sa.select(sa.func.count())
        .select_from(AuditRow)
        .where(AuditRow.kiosk_id == kiosk_id, AuditRow.action == action, AuditRow.at > since)
    )
    if entity_id is not None:
        query = query.where(AuditRow.entity_id == str(entity_id))
    return s.scalar(query) or 0


# -- rows to domain objects ------------------------------------------------------------------------------------------

# Cards whose damaged tags were already logged, so a board that rereads every second logs each one once.
_reported_damaged_tags: set[uuid.UUID] = set()


def stored_tags(row: SessionRow) -> tuple[str, ...]:
    """The card's tag keys; damaged JSON (a hand edit, a bad sync) reads as no tags, logged as an error.

    Every read of the board goes through here, so raising would take the whole board down, every second, over one
    card whose topic, host and slot are still good; losing its tag stripes is the smaller harm.
    """
    try:
        tags = json.loads(row.tags)
    except (ValueError, TypeError):
        tags = None
    if isinstance(tags, list) and all(isinstance(tag, str) for tag in tags):
        return tuple(tags)
    if row.id not in _reported_damaged_tags:
        _reported_damaged_tags.add(row.id)
        log.error("Session %s has damaged tags in the database (%.80r); showing it without tags", row.id, row.tags)
    return ()


_TEXT_COLUMNS = {
    SessionRow: ("topic", "host_name", "description", "handle", "tags"),
    IdeaRow: ("topic", "note"),
}
_reported_damaged_rows: set[uuid.UUID] = set()


def damaged_columns(row: SessionRow | IdeaRow) -> list[str]:
    """The text columns of `row` that SQLite could not decode (see `engine.DamagedText`)."""
    return [name for name in _TEXT_COLUMNS[type(row)] if isinstance(getattr(row, name), DamagedText)]


def intact(row: SessionRow | IdeaRow) -> bool:
    """False for a row with damaged text: it is left out of the board, the lists and the exports (logged once),
    so the rest still shows; `kiosk check` and the exports name it."""
    damaged = damaged_columns(row)
    if damaged and row.id not in _reported_damaged_rows:
        _reported_damaged_rows.add(row.id)
        log.error("%s %s has damaged text (%s) in the database; left out", type(row).__name__, row.id, damaged)
    return not damaged


def damaged_rows(ctx: StoreContext) -> tuple[str, ...]:
    """One sentence per live session or idea left out because its text is damaged."""
    with reading(ctx) as s:
        return tuple(damaged_rows_in(ctx.event, s))


def damaged_rows_in(event: Event, s: Session) -> list[str]:
    found = []
    for row, room_key in s.execute(live_cards_query().order_by(SessionRow.starts_at)).tuples():
        if columns := damaged_columns(row):
            when = row.starts_at.astimezone(event.tz).strftime("%a %H:%M")
            found.append(
                f"Session {row.id} ({room_key}, {when}) has text that is not valid UTF-8 ({', '.join(columns)});"
                f" it is left out of the board and the exports. Cancel it with `kiosk cancel {row.id}`"
                " and add it again."
            )
    for idea in s.scalars(sa.select(IdeaRow).where(IdeaRow.deleted.is_(False))):
        if columns := damaged_columns(idea):
            found.append(
                f"Idea {idea.id} has text that is not valid UTF-8 ({', '.join(columns)}); it is left out of the"
                " wish list and the exports."
            )
    return found


def card_of(row: SessionRow, room_key: str) -> Card:
    return Card(
        id=row.id,
        room_key=room_key,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        topic=row.topic,
        host_name=row.host_name,
        description=row.description,
        handle=row.handle,
        tags=stored_tags(row),
        idea_id=row.idea_id,
        kiosk_id=row.kiosk_id,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def idea_of(row: IdeaRow, vote_rows: int = 0) -> Idea:
    """The idea with all its +1s: `row.votes` (counted before votes were rows, and folded in by merges) plus
    `vote_rows`, the live vote rows."""
    return Idea(
        id=row.id,
        topic=row.topic,
        note=row.note,
        votes=row.votes + vote_rows,
        adopted_card_id=row.adopted_session_id,
        created_at=row.created_at,
    )
