"""Putting the demo's sample sessions and ideas (`kiosk.domain.demo`) on an empty board."""

from __future__ import annotations

import json

import sqlalchemy as sa

from kiosk.domain.actors import Actor
from kiosk.domain.demo import demo_ideas, demo_sessions
from kiosk.store.codes import UNUSABLE_CODE_HASH
from kiosk.store.context import StoreContext
from kiosk.store.queries import live_blocks, live_room_rows
from kiosk.store.tables import IdeaRow, SessionRow
from kiosk.store.writes import change


def seed(ctx: StoreContext, actor: Actor) -> int:
    """Fill an empty board with sample sessions and ideas; returns how many sessions were added.

    A board that has ever had a session (even a cancelled one) is left alone and 0 is returned. Demo cards get
    a hash no code matches, so nobody can edit or cancel them.
    """
    event = ctx.event
    with change(ctx, actor, "demo.seed") as c:
        if c.session.scalar(sa.select(sa.func.count()).select_from(SessionRow)):
            return 0
        rooms = live_room_rows(c.session)
        sessions = [s for s in demo_sessions(event, live_blocks(c.session)) if s.room_key in rooms]
        for session in sessions:
            c.insert(
                SessionRow,
                row_id=session.id,
                room_id=rooms[session.room_key].id,
                starts_at=session.starts_at,
                ends_at=session.starts_at + event.slot_length,
                topic=session.topic,
                description=session.description,
                host_name=session.host_name,
                handle=session.handle,
                tags=json.dumps(list(session.tags)),
                idea_id=None,
                edit_code_hash=UNUSABLE_CODE_HASH,
            )
        ideas = demo_ideas(event)
        for idea in ideas:
            c.insert(
                IdeaRow, row_id=idea.id, topic=idea.topic, note=idea.note, votes=idea.votes, adopted_session_id=None
            )
        c.describe("board", None, sessions=len(sessions), ideas=len(ideas))
    return len(sessions)
