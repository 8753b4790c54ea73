"""The [links] section of a config: the site's address and the link templates behind every QR code."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from functools import partial

from kiosk.config_toml import Problems, Table
from kiosk.domain.templates import (
    DEFAULT_SESSION_URL,
    DEFAULT_SHARE_URL,
    SESSION_URL_FIELDS,
    SHARE_URL_FIELDS,
    fill_template,
    has_stray_braces,
    template_fields,
)

# The session template is trial-filled with these at load time, to check it gives a web address a phone will open.
_SESSION_URL_SAMPLE = {
    "base_url": "https://example.org",
    "day": "2023-04-21",
    "room": "150d",
    "start": "1000",
    "id": "00000000-0000-0000-0000-000000000000",
    "slug": "topic",
}
_LINK_KEYS = ("base_url", "session_url", "share_url")
_WEB_ADDRESS = re.compile(r"https?://[^/\s]+\S*")


def read_links(root: Table) -> tuple[str, str, str]:
    section = root.table("links")
    problems = Problems()
    problems.attempt(partial(section.reject_unknown, _LINK_KEYS))
    base_url = problems.attempt(partial(_base_url, section))
    # The session link is trial-filled with the real base_url, or a sample one while base_url has its own mistake.
    sample = {**_SESSION_URL_SAMPLE, "base_url": base_url or _SESSION_URL_SAMPLE["base_url"]}
    session_url = problems.attempt(partial(_session_url, section, sample))
    share_url = problems.attempt(partial(_share_url, section))
    problems.raise_any()
    if base_url is None or session_url is None or share_url is None:
        raise AssertionError("read cleanly")
    return base_url, session_url, share_url


def _base_url(section: Table) -> str:
    base_url = section.text("base_url")
    if not _WEB_ADDRESS.fullmatch(base_url):
        raise section.error("base_url", f'"{base_url}" must start with http:// or https://')
    return base_url.removesuffix("/")


def _session_url(section: Table, sample: dict[str, str]) -> str:
    session_url = _template(section, "session_url", DEFAULT_SESSION_URL, SESSION_URL_FIELDS)
    # The session link goes into a QR code; a phone only opens it if it is a web address.
    if not _WEB_ADDRESS.match(fill_template(session_url, sample)):
        raise section.error("session_url", "must give a web address: start it with {base_url} or https://")
    # Each card's QR code should open that session: a link without the session in it is the same for every card.
    fields = template_fields(session_url)
    if not fields & {"id", "slug"} and not {"day", "room", "start"} <= fields:
        raise section.error(
            "session_url",
            "does not name the session, so every card's QR code would open the same page: use {id} or {slug},"
            " or {day}, {room} and {start} together",
        )
    return session_url


def _share_url(section: Table) -> str:
    share_url = _template(section, "share_url", DEFAULT_SHARE_URL, SHARE_URL_FIELDS)
    # The share link goes into a QR code too: only a web address, never javascript:, data: or the like.
    sample = {"text": "Python on the Pico", "url": "https://example.org/s", "hashtag": "#PyConOpenSpace"}
    if not _WEB_ADDRESS.match(fill_template(share_url, sample)):
        raise section.error("share_url", "must give a web address: start it with https:// (or http://)")
    if not template_fields(share_url) & {"text", "url"}:
        raise section.error(
            "share_url",
            "has neither {text} nor {url}, so every post would be the same: put the post in with {text}"
            " (it holds the session's link), or at least {url}",
        )
    return share_url


def _template(section: Table, name: str, default: str, allowed: Collection[str]) -> str:
    """A link template checked with the same rules the links are filled by (kiosk.domain.templates), so nothing
    the check accepts ends up in a URL or QR code as literal braces."""
    template = section.text(name, default)
    placeholders = " ".join(f"{{{field}}}" for field in sorted(allowed))
    # Braces first: in "{{day}}" the inner "{day}" looks like a placeholder, but the mistake is the doubling.
    if has_stray_braces(template):
        raise section.error(
            name,
            f"use only {{name}} placeholders ({placeholders}), with no format codes;"
            " write a literal brace as %7B or %7D",
        )
    for field in sorted(template_fields(template)):
        if field not in allowed:
            close = difflib.get_close_matches(field, list(allowed), n=1)
            hint = f"did you mean {{{close[0]}}}? " if close else ""
            raise section.error(name, f"unknown placeholder {{{field}}} ({hint}the placeholders are {placeholders})")
    return template
