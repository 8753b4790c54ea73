"""From the config's `[hub]` to a syncer: the engine with the password filled in, errors as one line."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.engine import Engine

from kiosk.store.context import StoreContext
from kiosk.sync.hubadmin import hub_engine
from kiosk.sync.round import Syncer
from kiosk.sync.settings import HubSettings


def open_hub(settings: HubSettings, env: Mapping[str, str] | None = None) -> Engine:
    """An engine for the configured hub; raises HubCredentialsError (one line) for an unsafe password file."""
    return hub_engine(settings.login_url(env), connect_timeout=settings.connect_timeout_seconds)


def syncer_for(settings: HubSettings, ctx: StoreContext, env: Mapping[str, str] | None = None) -> Syncer:
    """A syncer with its own engine; dispose of `syncer.hub` when done."""
    return Syncer(ctx, open_hub(settings, env))
