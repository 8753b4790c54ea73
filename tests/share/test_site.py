"""The static site: relative links that all resolve, escaped user text, pages where the session URLs say."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import icalendar
import pytest

from kiosk.domain import Card, Event, Idea, Room, Tag
from kiosk.share.errors import ExportError
from kiosk.share.links import session_path, session_url
from kiosk.share.site import SITE_MARKER, build_site
from tests.share.qr_decode import decode
from tests.share.sample import HOSTILE_IMG, HOSTILE_SCRIPT, CardFactory, make_event
from tests.share.site_check import is_external, resolve, scan


@pytest.fixture
def site(tmp_path: Path, event: Event, cards: list[Card], ideas: list[Idea]) -> Path:
    out = tmp_path / "site"
    build_site(event, cards, ideas, out)
    return out


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_expected_files(site: Path, event: Event, cards: list[Card]) -> None:
    names = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert {
        SITE_MARKER,
        "index.html",
        "style.css",
        "wishlist.html",
        "schedule.ics",
        "schedule.xml",
        "schedule.json",
        "sessions.csv",
        "sessions.xlsx",
        "2023-04-21/index.html",
        "2023-04-22/index.html",
    } <= names
    for card in cards:
        path = unquote(session_path(event, card))  # the address is percent-encoded; the file is named in UTF-8
        assert path in names
        assert path.removesuffix(".html") + ".ics" in names


def test_returns_every_file_written(tmp_path: Path, event: Event, cards: list[Card], ideas: list[Idea]) -> None:
    written = build_site(event, cards, ideas, tmp_path / "out")
    assert written == sorted(p for p in (tmp_path / "out").rglob("*") if p.is_file())


def test_session_pages_sit_where_the_session_urls_point(site: Path, event: Event, cards: list[Card]) -> None:
    for card in cards:
        relative = session_url(event, card).removeprefix(event.base_url)
        assert (site / unquote(relative)).is_file()
    assert (site / "2023-04-22/lobby-1300-session.html").is_file()


def test_every_internal_link_resolves(site: Path) -> None:
    checked = 0
    for page in pages(site):
        for link in scan(page).links:
            if is_external(link):
                continue
            assert resolve(site, page, link).is_file(), f"{page.relative_to(site)}: broken link {link}"
            checked += 1
    assert checked > 50


def test_no_markup_from_user_text_survives(site: Path) -> None:
    for page in pages(site):
        source = page.read_text(encoding="utf-8")
        assert "<script" not in source.lower()
        assert "<img" not in source.lower()
        found = scan(page)
        assert not found.tags & {"script", "img", "iframe", "object", "b"}, page
        assert not {a for a in found.attributes if a.startswith("on")}, page


def test_hostile_text_is_shown_as_text(site: Path, event: Event, cards: list[Card]) -> None:
    page = site / unquote(session_path(event, cards[2]))
    text = "".join(scan(page).text)
    assert HOSTILE_SCRIPT in text
    assert HOSTILE_IMG in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.read_text(encoding="utf-8")


def test_session_page(site: Path, event: Event, cards: list[Card]) -> None:
    page = site / unquote(session_path(event, cards[0]))
    source = page.read_text(encoding="utf-8")
    text = " ".join(scan(page).text)
    assert "<h1>Packaging: wheels, sdists; and &quot;fun&quot;</h1>" in source
    for fact in ("José Núñez", "Room 150D", "Fri 21 Apr, 11:00"):
        assert fact in text
    assert '<a href="https://x.com/jose" rel="nofollow ugc noopener noreferrer">@jose</a>' in source
    assert 'href="150d-1100-packaging-wheels-sdists-and-fun.ics" download' in source
    assert "<p>Bring wheels, sdists; and opinions.<br>" in source
    links = scan(page).links
    assert any(link.startswith("https://twitter.com/intent/tweet?text=Join%20") for link in links)
    assert any(link.startswith("https://mastodon.social/share?text=") for link in links)
    assert any(link.startswith("https://bsky.app/intent/compose?text=") for link in links)
    assert f'<link rel="canonical" href="{session_url(event, cards[0])}">' in source


def test_unrecognised_handle_is_plain_text(site: Path, event: Event, cards: list[Card]) -> None:
    source = (site / unquote(session_path(event, cards[4]))).read_text(encoding="utf-8")
    assert "Ana (@not a handle!)" in source


def test_session_page_qr_opens_the_session(site: Path, event: Event, cards: list[Card]) -> None:
    source = (site / unquote(session_path(event, cards[3]))).read_text(encoding="utf-8")
    svg = source[source.index("<svg") : source.index("</svg>") + 6]
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))  # type: ignore[union-attr]
    grid = [[False] * size for _ in range(size)]
    for x, y, width in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", svg):
        for i in range(int(width)):
            grid[int(y)][int(x) + i] = True
    assert decode(tuple(tuple(row) for row in grid)) == session_url(event, cards[3])


def test_session_ics_download(site: Path, event: Event, cards: list[Card]) -> None:
    ics = site / unquote(session_path(event, cards[1])).replace(".html", ".ics")
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["summary"]) == cards[1].topic


def test_day_page_grid(site: Path) -> None:
    source = (site / "2023-04-21" / "index.html").read_text(encoding="utf-8")
    assert source.count('<tr><th scope="row">') == 4
    assert '<th scope="col">Lobby &amp; Café</th>' in source
    assert '<td class="blocked">Reserved: Lunch &amp; &lt;learn&gt;</td>' in source
    assert source.count('<td class="free">Free</td>') == 4 * 3 - 3 - 1
    assert 'class="booked tag-0"><a href="150d-1100-packaging-wheels-sdists-and-fun.html">' in source
    assert '<a rel="next" href="../2023-04-22/index.html">' in source
    # The scrolling grid is a native landmark named by its caption (html-validate: prefer-native-element).
    assert '<section class="grid-wrap" aria-labelledby="grid-caption" tabindex="0"><table class="grid">' in source
    assert '<caption id="grid-caption">Open Spaces on Friday 21 April: rooms across, hours down</caption>' in source


def test_landmarks_are_native_elements_with_names_that_resolve(site: Path) -> None:
    for page in pages(site):
        found = scan(page)
        assert not {"region", "navigation", "main", "banner", "contentinfo"} & set(found.roles), page
        assert len(found.ids) == len(set(found.ids)), f"{page}: duplicate ids"
        assert set(found.labelled_by) <= set(found.ids), f"{page}: aria-labelledby names a missing id"


def test_day_page_lists_cards_off_the_grid(tmp_path: Path, event: Event, make_card: CardFactory) -> None:
    late = make_card("late", hour=16, topic="After hours")
    build_site(event, [late], [], tmp_path)
    source = (tmp_path / "2023-04-21" / "index.html").read_text(encoding="utf-8")
    assert '<h3>16:00</h3><ul><li><a href="150d-1600-after-hours.html">After hours</a>' in source


def test_every_page_is_a_phone_friendly_document(site: Path) -> None:
    for page in pages(site):
        source = page.read_text(encoding="utf-8")
        assert source.startswith('<!DOCTYPE html>\n<html lang="en">')
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in source
        assert "script-src 'none'" in source


def test_pages_carry_the_events_language(tmp_path: Path, event: Event, cards: list[Card]) -> None:
    from dataclasses import replace

    build_site(replace(event, language="es"), cards, [], tmp_path)
    for page in pages(tmp_path):
        assert page.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="es">')


def test_wishlist(site: Path, event: Event, cards: list[Card]) -> None:
    source = (site / "wishlist.html").read_text(encoding="utf-8")
    assert source.index("Board games night") < source.index("&lt;script&gt;") < source.index("Emoji 🐍 talk")
    assert "7 votes" in source
    assert "1 vote<" in source
    assert "Bring your own &lt;games&gt;" in source
    assert f'Now a session: <a href="{session_path(event, cards[3])}">Sat 22 Apr, 10:00</a>' in source


def test_stylesheet_has_tag_colours_and_print_rules(site: Path) -> None:
    css = (site / "style.css").read_text(encoding="utf-8")
    assert ".tag-0 { border-left-color: #336699; }" in css
    assert ".tag-1 { border-left-color: #AA3300; }" in css
    assert "@media print" in css
    assert "@media (max-width" in css
    assert "system-ui" in css


def test_bad_tag_colour_never_reaches_the_stylesheet(tmp_path: Path, cards: list[Card]) -> None:
    event = make_event(tags=(Tag("web", "Web", "red;} body{display:none"),))
    build_site(event, cards, [], tmp_path)
    assert "display:none" not in (tmp_path / "style.css").read_text(encoding="utf-8")


def test_room_key_that_cannot_be_a_file_name_is_refused(tmp_path: Path, make_card: CardFactory) -> None:
    # The key is percent-encoded in the URL, but a web server decodes %2F back into a folder separator.
    event = make_event(rooms=(Room("a/b", "A or B"),))
    with pytest.raises(ExportError, match="room key"):
        build_site(event, [make_card("up", room="a/b")], [], tmp_path)
    assert not list(tmp_path.rglob("*.html"))
