"""Social handles on cards: recognise X, Mastodon and Bluesky handles as people type them, and normalise them.

Anything not recognised is rejected with a hint, never rewritten into something the host did not mean.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

HANDLE_HINT = "Use @name (X), @name@server.social (Mastodon) or name.bsky.social (Bluesky)."

# All patterns spell out ASCII classes: Python's \w and \d also match non-ASCII letters and digits.
_X_NAME = re.compile(r"[A-Za-z0-9_]{1,15}")
_X_NAME_ANY_LENGTH = re.compile(r"[A-Za-z0-9_]+")
# Mastodon's own username rule (no leading or trailing dot or dash); other fediverse servers fit it too.
_FEDI_USER = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
# A top-level domain starts with a letter (so "1.5" or an IP address is not a domain) and is never one letter.
_TLD = re.compile(r"[a-z](?:[a-z0-9-]{0,61}[a-z0-9])")
_SCHEME = re.compile(r"https?://", re.IGNORECASE)

_X_HOSTS = frozenset({"x.com", "www.x.com", "mobile.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"})
_BLUESKY_APP_HOSTS = frozenset({"bsky.app", "www.bsky.app"})
# Pages on x.com that look like profiles but are not people.
_X_RESERVED_PATHS = frozenset(
    {"home", "explore", "search", "i", "intent", "share", "settings", "messages", "notifications", "login", "signup"}
    | {"hashtag", "compose", "tos", "privacy"}
)
# Bluesky refuses handles under these top-level domains.
_BLUESKY_RESERVED_TLDS = frozenset({"alt", "arpa", "example", "internal", "invalid", "local", "localhost", "onion"})
# The sites themselves: someone typing "x.com" or "bsky.social" has not given a handle yet.
_PLATFORM_DOMAINS = _X_HOSTS | _BLUESKY_APP_HOSTS | {"bsky.social"}
# Mail providers never host a fediverse account; "name@gmail.com" is an email address that the wall would publish.
_MAIL_DOMAINS = frozenset(
    {"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "icloud.com"}
    | {"me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "yandex.ru"}
)


class HandleKind(enum.StrEnum):
    X = "x"
    MASTODON = "mastodon"
    BLUESKY = "bluesky"


@dataclass(frozen=True, slots=True)
class Handle:
    """A recognised handle; make one with `parse_handle` so `value` is always in normal form.

    `value` is "@name" (X), "@name@server" (Mastodon) or "name.domain" (Bluesky).
    """

    kind: HandleKind
    value: str

    @property
    def profile_url(self) -> str:
        if self.kind is HandleKind.X:
            return f"https://x.com/{self.value.removeprefix('@')}"
        if self.kind is HandleKind.MASTODON:
            user, _, server = self.value.removeprefix("@").partition("@")
            return f"https://{server}/@{user}"
        return f"https://bsky.app/profile/{self.value}"

    def __str__(self) -> str:
        return self.value


class InvalidHandle(ValueError):  # noqa: N818 -- the name reads as the user mistake it reports
    """A handle we could not recognise; `message` is written for the person typing it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_handle(text: str) -> Handle:
    """Recognise a handle in any of the ways people write it and return it in normal form.

    Raises InvalidHandle for anything else, including an empty string (callers treat empty as "no handle").
    """
    raw = text.strip()
    if not raw:
        raise InvalidHandle(f"No handle given. {HANDLE_HINT}")
    handle = _parse_url(raw) if "/" in raw else _parse_plain(raw)
    if handle is None:
        raise InvalidHandle(_doesnt_look_right(raw))
    return handle


def _parse_plain(raw: str) -> Handle | None:
    if raw.startswith("@"):
        rest = raw[1:]
        if "@" in rest:
            user, _, server = rest.partition("@")
            return _mastodon(user, server)
        if _X_NAME.fullmatch(rest):
            return Handle(HandleKind.X, "@" + rest)
        # X names never contain a dot, so "@alice.bsky.social" can only be Bluesky.
        return _bluesky(rest)
    if "@" in raw:
        user, _, server = raw.partition("@")
        return _mastodon(user, server)
    return _bluesky(raw)


def _parse_url(raw: str) -> Handle | None:
    """Profile addresses: x.com/name, https://server/@name, bsky.app/profile/name (scheme optional)."""
    match = _SCHEME.match(raw)
    rest = raw[match.end() :] if match else raw
    # Share links carry tracking queries ("?s=20"); they are not part of the profile.
    rest = rest.split("#", 1)[0].split("?", 1)[0].removesuffix("/")
    host, _, path = rest.partition("/")
    if not host.isascii():
        return None
    host = host.lower()
    if host in _X_HOSTS:
        name = path.removeprefix("@")
        if _X_NAME.fullmatch(name) and name.lower() not in _X_RESERVED_PATHS:
            return Handle(HandleKind.X, "@" + name)
        return None
    if host in _BLUESKY_APP_HOSTS:
        section, _, name = path.partition("/")
        return _bluesky(name) if section == "profile" else None
    if not _is_hostname(host) or not path.startswith("@") or "/" in path:
        return None
    user, _, remote_server = path[1:].partition("@")
    # https://home.server/@name@other.server is how Mastodon shows an account that lives on another server.
    return _mastodon(user, remote_server or host)


def _mastodon(user: str, server: str) -> Handle | None:
    if not _FEDI_USER.fullmatch(user) or not _is_hostname(server):
        return None
    server = server.lower()
    if server in _MAIL_DOMAINS:
        raise InvalidHandle(f"That looks like an email address, which would be shown to everyone. {HANDLE_HINT}")
    return Handle(HandleKind.MASTODON, f"@{user}@{server}")


def _bluesky(name: str) -> Handle | None:
    if not _is_hostname(name):
        return None
    name = name.lower()
    if name in _PLATFORM_DOMAINS or name.rpartition(".")[2] in _BLUESKY_RESERVED_TLDS:
        return None
    return Handle(HandleKind.BLUESKY, name)


def _is_hostname(name: str) -> bool:
    # Checked before lower(): some non-ASCII letters lower-case to ASCII ones (KELVIN SIGN becomes "k").
    if not name.isascii() or len(name) > 253:
        return False
    labels = name.lower().split(".")
    return (
        len(labels) >= 2 and all(_LABEL.fullmatch(label) for label in labels) and _TLD.fullmatch(labels[-1]) is not None
    )


def _doesnt_look_right(raw: str) -> str:
    if raw.startswith("@") and _X_NAME_ANY_LENGTH.fullmatch(raw[1:]) and len(raw) > 16:
        return f"X names have at most 15 characters. {HANDLE_HINT}"
    return f"That handle doesn't look right. {HANDLE_HINT}"


def normalised_handle(handle: str) -> str:
    """One key per person for the per-day limit: "@Ada", "@ada" and " ADA " count as the same handle."""
    return handle.strip().lstrip("@").casefold()
