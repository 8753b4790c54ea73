"""The wish list: topics people would like someone else to host, and their "+1, I'd come" votes."""

from __future__ import annotations

import uuid
from datetime import timedelta

from kiosk.domain.actors import Actor
from kiosk.domain.model import Idea
from kiosk.domain.validation import validate_idea
from kiosk.store.context import StoreContext
from kiosk.store.errors import RateLimited
from kiosk.store.queries import RATE_WINDOW, idea_of, live_idea_row, recent_actions, votes_of
from kiosk.store.tables import IdeaRow, VoteRow
from kiosk.store.writes import change

# One person tapping +1 again and again on one idea counts once in this window.
SAME_IDEA_VOTE_WINDOW = timedelta(seconds=10)


def add(ctx: StoreContext, topic: str, note: str, actor: Actor) -> Idea:
    topic, note = validate_idea(topic, note)
    with change(ctx, actor, "idea.add") as c:
        # The wish list is as public as the board: the same kind of brake as for cards.
        recent = recent_actions(c.session, ctx.kiosk_id, "idea.add", c.now - RATE_WINDOW)
        if recent >= ctx.event.limits.ideas_per_kiosk_per_minute:
            raise RateLimited("Lots of ideas were just added at this kiosk. Please wait a minute and try again.")
        row = c.insert(IdeaRow, topic=topic, note=note, votes=0, adopted_session_id=None)
        c.describe("idea", row.id, topic=topic)
        c.flush()
        return idea_of(row)


def vote(ctx: StoreContext, idea_id: uuid.UUID, actor: Actor) -> Idea:
    limit = ctx.event.limits.votes_per_kiosk_per_minute
    with change(ctx, actor, "idea.vote") as c:
        row = live_idea_row(c.session, idea_id)
        if recent_actions(c.session, ctx.kiosk_id, "idea.vote", c.now - RATE_WINDOW) >= limit:
            raise RateLimited("Lots of votes were just made at this kiosk. Please wait a minute and vote again.")
        if recent_actions(c.session, ctx.kiosk_id, "idea.vote", c.now - SAME_IDEA_VOTE_WINDOW, entity_id=idea_id):
            raise RateLimited("Your vote for this idea is counted. Let someone else vote too!")
        c.insert(VoteRow, idea_id=row.id)
        c.flush()
        votes = votes_of(c.session, row.id)
        c.describe("idea", row.id, votes=votes)
        return idea_of(row, votes - row.votes)
