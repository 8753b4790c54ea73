"""Session URLs, slugs, handles and share texts."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from kiosk.domain import Card, Event, Room
from kiosk.domain.templates import SESSION_URL_FIELDS, SHARE_URL_FIELDS
from kiosk.share.links import (
    bluesky_share_url,
    handle_url,
    mastodon_share_url,
    mention,
    session_path,
    session_url,
    session_url_values,
    share_text,
    share_url,
    share_url_values,
)
from kiosk.share.text import page_slug, shorten, slugify
from tests.share.sample import DAY_2, CardFactory, card_id, make_event


def test_default_template_gives_readable_local_url(event: Event, cards: list[Card]) -> None:
    assert session_url(event, cards[0]) == (
        "https://us.pycon.org/2023/openspaces/2023-04-21/150d-1100-packaging-wheels-sdists-and-fun.html"
    )


def test_session_path_is_the_url_after_base(event: Event, cards: list[Card]) -> None:
    for card in cards:
        assert session_url(event, card) == "https://us.pycon.org/2023/openspaces/" + session_path(event, card)


def test_session_path_ignores_a_custom_template(event: Event, cards: list[Card]) -> None:
    custom = make_event(session_url_template="{base_url}/s/{id}")
    assert session_url(custom, cards[0]) == f"https://us.pycon.org/2023/openspaces/s/{card_id('packaging')}"
    assert session_path(custom, cards[0]) == session_path(event, cards[0])


def test_every_value_but_base_url_is_percent_encoded(make_card: CardFactory) -> None:
    event = make_event(
        rooms=(Room("hall ö/2", "Hall Ö"),),
        base_url="https://example.org/a b/",
        session_url_template="{base_url}/{room}?t={slug}&d={day}&s={start}",
    )
    card = make_card("odd", room="hall ö/2", topic="C'est la fête?")
    assert session_url(event, card) == (
        "https://example.org/a b/hall%20%C3%B6%2F2?t=c-est-la-f%C3%AAte&d=2023-04-21&s=1100"
    )


def test_local_day_and_time_follow_the_event_timezone(make_card: CardFactory) -> None:
    # 17:00 in Denver is already the next day in UTC.
    event = make_event(last_slot_end=time(18))
    card = make_card("late", day=DAY_2, hour=17)
    assert card.starts_at.date().isoformat() == "2023-04-22"
    assert "/2023-04-22/150d-1700-" in session_url(event, card)
    evening = make_card("evening", day=DAY_2, hour=19)
    assert evening.starts_at.day == 23
    assert "/2023-04-22/150d-1900-" in session_url(event, evening)


def test_values_cover_exactly_the_placeholders_the_config_allows(event: Event, cards: list[Card]) -> None:
    # The config check accepts these names; a name it accepts but the links lack would reach a URL as "{name}".
    assert set(session_url_values(event, cards[0])) == SESSION_URL_FIELDS
    assert set(share_url_values(event, cards[0])) == SHARE_URL_FIELDS


@pytest.mark.parametrize(
    ("topic", "slug"),
    [
        ("Packaging: wheels, sdists; and fun", "packaging-wheels-sdists-and-fun"),
        ("Łódź & Zoë — café", "odz-zoe-cafe"),
        ("  --Hello__World--  ", "hello-world"),
        ("🎉🎉", "session"),
        ("", "session"),
        ("日本語", "session"),
    ],
)
def test_slugify(topic: str, slug: str) -> None:
    assert slugify(topic) == slug


def test_slug_is_cut_at_a_word_and_never_ends_in_a_hyphen() -> None:
    slug = slugify("a really long topic about " + "packaging " * 20)
    assert len(slug) <= 48
    assert not slug.endswith("-")
    assert slug.endswith("packaging")


@pytest.mark.parametrize(
    ("handle", "url"),
    [
        ("@jose", "https://x.com/jose"),
        ("jose_23", None),
        ("@lukasz@fosstodon.org", "https://fosstodon.org/@lukasz"),
        ("zoe.bsky.social", "https://bsky.app/profile/zoe.bsky.social"),
        ("@zoe.bsky.social", "https://bsky.app/profile/zoe.bsky.social"),
        ("", None),
        ("not a handle!", None),
        ("javascript:alert(1)", None),
        ('@x"><script>', None),
    ],
)
def test_handle_url(handle: str, url: str | None) -> None:
    assert handle_url(handle) == url


def test_mention_always_has_an_at_sign() -> None:
    assert mention("zoe.bsky.social") == "@zoe.bsky.social"
    assert mention("@jose") == "@jose"
    assert mention("") == ""


def test_share_text(event: Event, cards: list[Card]) -> None:
    assert share_text(event, cards[0]) == (
        'Join "Packaging: wheels, sdists; and "fun"" with @jose at 11:00 in Room 150D (Fri 21 Apr) #PyConOpenSpace '
        + session_url(event, cards[0])
    )


def test_share_text_omits_a_missing_handle(event: Event, cards: list[Card]) -> None:
    text = share_text(event, cards[3])
    assert text.startswith('Join "Zoë\'s 🐍 emoji meet-up 🎉" at 10:00 in Room 150D (Sat 22 Apr) #PyConOpenSpace ')
    assert " with " not in text


def test_share_text_shortens_a_long_topic(event: Event, make_card: CardFactory) -> None:
    card = make_card("long", topic="Word " * 100, handle="@jose")
    text = share_text(event, card)
    assert len(text) <= 240
    assert '…" with @jose at 11:00' in text
    assert text.endswith(session_url(event, card))


def test_shorten() -> None:
    assert shorten("short", 10) == "short"
    assert shorten("hello wonderful world", 16) == "hello wonderful…"
    assert len(shorten("x" * 100, 10)) == 10


def test_share_url_carries_the_text_encoded(event: Event, cards: list[Card]) -> None:
    url = share_url(event, cards[0])
    assert url.startswith("https://twitter.com/intent/tweet?text=")
    assert " " not in url
    assert "#" not in url
    assert "&" not in url.split("?", 1)[1]
    assert parse_qs(urlsplit(url).query)["text"] == [share_text(event, cards[0])]


def test_share_url_supports_url_and_hashtag_placeholders(cards: list[Card]) -> None:
    event = make_event(share_url_template="https://x.com/intent/post?url={url}&hashtags={hashtag}&text={text}")
    query = parse_qs(urlsplit(share_url(event, cards[1])).query)
    assert query["url"] == [session_url(event, cards[1])]
    assert query["hashtags"] == ["PyConOpenSpace"]
    assert query["text"] == [share_text(event, cards[1])]


def test_mastodon_and_bluesky_share_links(event: Event, cards: list[Card]) -> None:
    for url, prefix in [
        (mastodon_share_url(event, cards[2]), "https://mastodon.social/share?text="),
        (bluesky_share_url(event, cards[2]), "https://bsky.app/intent/compose?text="),
    ]:
        assert url.startswith(prefix)
        assert unquote(url.removeprefix(prefix)) == share_text(event, cards[2])


@pytest.mark.parametrize(
    ("topic", "slug"),
    [
        ("Packaging: wheels, sdists; and fun", "packaging-wheels-sdists-and-fun"),
        ("Łódź & Zoë — café", "łódź-zoë-café"),
        ("日本語のLT", "日本語のlt"),
        ("हिन्दी में पायथन", "हिन्दी-में-पायथन"),
        ("  --Hello__World--  ", "hello-world"),
        ("🎉🎉", "session"),
    ],
)
def test_page_slugs_keep_every_script_recognisable(topic: str, slug: str) -> None:
    assert page_slug(topic) == slug


def test_a_non_latin_page_is_linked_by_a_valid_address(tmp_path: Path, event: Event, make_card: CardFactory) -> None:
    from kiosk.share.site import build_site

    card = make_card("lt", topic="日本語のLT")
    build_site(event, [card], [], tmp_path)
    url = session_url(event, card)
    assert url.isascii() and "%E6%97%A5%E6%9C%AC%E8%AA%9E" in url
    page = tmp_path / unquote(session_path(event, card))
    assert page.name.endswith("日本語のlt.html") and page.is_file()
