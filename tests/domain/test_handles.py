"""Social handles: every accepted style, normal forms, profile links, and rejection with a hint."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk.domain.handles import HANDLE_HINT, Handle, HandleKind, InvalidHandle, parse_handle


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("@alice", "@alice"),
        ("@Alice_99", "@Alice_99"),
        ("@a", "@a"),
        ("@abcdefghijklmno", "@abcdefghijklmno"),
        ("  @alice \n", "@alice"),
        ("x.com/alice", "@alice"),
        ("twitter.com/alice", "@alice"),
        ("https://x.com/alice", "@alice"),
        ("https://twitter.com/Alice/", "@Alice"),
        ("HTTPS://WWW.Twitter.com/alice", "@alice"),
        ("https://mobile.twitter.com/alice", "@alice"),
        ("https://x.com/alice?s=20&t=abc", "@alice"),
        ("x.com/@alice", "@alice"),
    ],
)
def test_x_handles(text: str, value: str) -> None:
    assert parse_handle(text) == Handle(HandleKind.X, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("@alice@mastodon.social", "@alice@mastodon.social"),
        ("@Alice@Mastodon.Social", "@Alice@mastodon.social"),
        ("alice@hachyderm.io", "@alice@hachyderm.io"),
        ("@first.last@fosstodon.org", "@first.last@fosstodon.org"),
        ("@a-b_c@social.example.co.uk", "@a-b_c@social.example.co.uk"),
        ("@bob@xn--mnchen-3ya.social", "@bob@xn--mnchen-3ya.social"),
        ("https://fosstodon.org/@bob", "@bob@fosstodon.org"),
        ("https://Fosstodon.org/@bob/", "@bob@fosstodon.org"),
        ("fosstodon.org/@bob", "@bob@fosstodon.org"),
        ("http://chaos.social/@bob", "@bob@chaos.social"),
        # Mastodon shows a remote account under the viewer's own server.
        ("https://mastodon.social/@bob@chaos.social", "@bob@chaos.social"),
    ],
)
def test_mastodon_handles(text: str, value: str) -> None:
    assert parse_handle(text) == Handle(HandleKind.MASTODON, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("alice.bsky.social", "alice.bsky.social"),
        ("Alice.BSKY.social", "alice.bsky.social"),
        ("@alice.bsky.social", "alice.bsky.social"),
        ("alice.dev", "alice.dev"),
        ("@alice.dev", "alice.dev"),
        ("jay.bsky.team", "jay.bsky.team"),
        ("https://bsky.app/profile/alice.bsky.social", "alice.bsky.social"),
        ("bsky.app/profile/Alice.dev/", "alice.dev"),
    ],
)
def test_bluesky_handles(text: str, value: str) -> None:
    assert parse_handle(text) == Handle(HandleKind.BLUESKY, value)


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("@alice", "https://x.com/alice"),
        ("@bob@fosstodon.org", "https://fosstodon.org/@bob"),
        ("alice.bsky.social", "https://bsky.app/profile/alice.bsky.social"),
    ],
)
def test_profile_url(text: str, url: str) -> None:
    assert parse_handle(text).profile_url == url


def test_str_is_the_normal_form() -> None:
    assert str(parse_handle("https://fosstodon.org/@bob")) == "@bob@fosstodon.org"


@pytest.mark.parametrize(
    "text",
    [
        "alice",  # a bare word could be any network
        "@",
        "@@",
        "@abcdefghijklmnop",  # 16 characters: too long for X
        "@ali ce",
        "@alice!",
        "@josé",  # X names are ASCII
        "@alice@",
        "@alice@localhost",  # a server needs a dotted domain
        "@@mastodon.social",
        "@.alice@mastodon.social",
        "@alice@mastodon..social",
        "@alice@-mastodon.social",
        "@alice@mastodon.social.",
        "@alice@192.168.0.1",
        "alice.b",  # one-letter top-level domain
        "1.5",
        "alice.local",
        "x.com",
        "bsky.social",
        "x.com/home",
        "x.com/alice/status/123",
        "https://fosstodon.org/@bob/1234",
        "https://fosstodon.org/bob",
        "https://bsky.app/profile/did:plc:abc123",
        "https://bsky.app/feed/alice.dev",
        "ftp://fosstodon.org/@bob",
        "\u212aelvin.dev",  # KELVIN SIGN lower-cases to an ASCII "k"; must not sneak through
        "alice\u200b.dev",
        "ａlice.dev",  # fullwidth
    ],
)
def test_unrecognised_is_rejected_with_hint(text: str) -> None:
    with pytest.raises(InvalidHandle) as caught:
        parse_handle(text)
    assert caught.value.message.endswith(HANDLE_HINT)
    assert str(caught.value) == caught.value.message


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_is_not_a_handle(text: str) -> None:
    with pytest.raises(InvalidHandle, match="No handle given"):
        parse_handle(text)


def test_too_long_x_name_says_so() -> None:
    with pytest.raises(InvalidHandle, match="at most 15 characters"):
        parse_handle("@abcdefghijklmnop")


@pytest.mark.parametrize("text", ["bob@gmail.com", "@bob@gmail.com", "Bob.Smith@GMAIL.com"])
def test_email_address_is_not_published(text: str) -> None:
    with pytest.raises(InvalidHandle, match="email address"):
        parse_handle(text)


def _parse_or_rejection(text: str) -> Handle | InvalidHandle:
    """The handle, or the InvalidHandle raised; any other exception escapes and fails the test."""
    try:
        return parse_handle(text)
    except InvalidHandle as bad:
        return bad


_HANDLE_ALPHABET = st.sampled_from("aAzZ09_.-@/:?# \u212a\u0131é\u200b")


@settings(max_examples=3000, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text(_HANDLE_ALPHABET),
        # Near-misses of real handles, so plenty of examples are accepted and the round trip is exercised.
        st.from_regex(
            r"(https?://)?(@?[A-Za-z0-9_.-]{1,18}(@[A-Za-z0-9.-]{1,20})?|[a-z.]{1,12}/@?[a-z.]{1,20})\s*",
            fullmatch=True,
        ),
    )
)
@example("@alice@Mastodon.Social")
@example("https://bsky.app/profile/Alice.dev")
def test_parse_handle_only_returns_round_tripping_handles_or_raises_invalid_handle(text: str) -> None:
    handle = _parse_or_rejection(text)
    if isinstance(handle, InvalidHandle):
        assert handle.message.strip()
        return
    assert parse_handle(handle.value) == handle
    assert handle.value.isascii()
    assert handle.value == handle.value.strip()
    assert handle.profile_url.startswith("https://")
