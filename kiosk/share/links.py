"""Where a session lives on the web and how people share it: session URLs, social handles, share texts."""

from __future__ import annotations

from urllib.parse import quote

from kiosk.domain import Card, Event
from kiosk.domain.handles import Handle, InvalidHandle, parse_handle
from kiosk.domain.templates import DEFAULT_SESSION_URL, fill_template
from kiosk.share.text import clock, local_day, one_line, page_slug, room_name, short_day, shorten

SHARE_TEXT_LIMIT = 240
MASTODON_SHARE = "https://mastodon.social/share?text={text}"
BLUESKY_SHARE = "https://bsky.app/intent/compose?text={text}"


def _encoded(value: str) -> str:
    return quote(value, safe="")


def session_url_values(event: Event, card: Card) -> dict[str, str]:
    """Placeholder values for session URL templates; all but `base_url` percent-encoded."""
    start = event.local(card.starts_at)
    return {
        "base_url": event.base_url.rstrip("/"),
        "day": _encoded(local_day(event, card).isoformat()),
        "room": _encoded(card.room_key),
        "start": _encoded(f"{start.hour:02d}{start.minute:02d}"),
        "id": _encoded(str(card.id)),
        "slug": _encoded(page_slug(card.topic)),
    }


def session_url(event: Event, card: Card) -> str:
    """The public address of a session, from the event's `session_url_template`."""
    return fill_template(event.session_url_template, session_url_values(event, card))


def session_path(event: Event, card: Card) -> str:
    """The default-template URL relative to `base_url` (still percent-encoded): where the static site puts the page."""
    values = session_url_values(event, card) | {"base_url": ""}
    return fill_template(DEFAULT_SESSION_URL, values).lstrip("/")


def _parsed(handle: str) -> Handle | None:
    try:
        return parse_handle(handle)
    except InvalidHandle:
        return None


def handle_url(handle: str) -> str | None:
    """A profile link for a handle: `@x` on X, `@user@server` on Mastodon, `name.bsky.social` on Bluesky.

    Only handles the domain recognises become links, so user text can never smuggle in a scheme or path.
    """
    parsed = _parsed(handle)
    return parsed.profile_url if parsed is not None else None


def mention(handle: str) -> str:
    """How to write the handle in a post: normal form, always with a leading `@` (`@name.bsky.social`)."""
    parsed = _parsed(handle)
    text = parsed.value if parsed is not None else one_line(handle)
    return text if not text or text.startswith("@") else f"@{text}"


def hashtag(event: Event) -> str:
    """The event's hashtag with exactly one leading `#`, or '' if it has none."""
    tag = event.hashtag.strip().lstrip("#")
    return f"#{tag}" if tag else ""


def share_text(event: Event, card: Card, limit: int = SHARE_TEXT_LIMIT) -> str:
    """`Join "TOPIC" with @handle at 11:00 in Room 150D (Fri 21 Apr) #Tag <url>`, topic shortened to fit."""
    start = event.local(card.starts_at)
    host = f" with {mention(card.handle)}" if card.handle.strip() else ""
    tail = f"{host} at {clock(start)} in {one_line(room_name(event, card.room_key))} ({short_day(start.date())})"
    tag = hashtag(event)
    after_topic = f'"{tail}' + (f" {tag}" if tag else "") + f" {session_url(event, card)}"
    before_topic = 'Join "'
    # Keep a readable stub of the topic even when a long URL eats the budget.
    room_for_topic = max(limit - len(before_topic) - len(after_topic), 16)
    return before_topic + shorten(one_line(card.topic), room_for_topic) + after_topic


def share_url_values(event: Event, card: Card) -> dict[str, str]:
    return {
        "text": _encoded(share_text(event, card)),
        "url": _encoded(session_url(event, card)),
        # Without '#': intent URLs take hashtags as a bare list (`hashtags=PyConOpenSpace`).
        "hashtag": _encoded(hashtag(event).lstrip("#")),
    }


def share_url(event: Event, card: Card) -> str:
    """The event's share link (usually an X/Twitter intent) with the share text filled in."""
    return fill_template(event.share_url_template, share_url_values(event, card))


def mastodon_share_url(event: Event, card: Card) -> str:
    return fill_template(MASTODON_SHARE, share_url_values(event, card))


def bluesky_share_url(event: Event, card: Card) -> str:
    return fill_template(BLUESKY_SHARE, share_url_values(event, card))
