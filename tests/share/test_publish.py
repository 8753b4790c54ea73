"""`kiosk publish`: a card's QR code leads to its page after one round, and `out` is always a whole site."""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import stat
from collections.abc import Callable
from datetime import time
from html import escape
from pathlib import Path

import pytest

from kiosk.domain import Card, Event, Idea
from kiosk.domain.clock import ManualClock
from kiosk.share import publish as publish_module
from kiosk.share.links import session_url
from kiosk.share.publish import (
    FINGERPRINT_FILE,
    Board,
    PublishBusy,
    PublishRefused,
    publish_loop,
    publish_once,
    releases_folder,
)
from kiosk.share.site import SITE_MARKER, site_file, write_file
from kiosk.store.service import BoardService, CardDraft
from tests.share.sample import DAY_1, CardFactory

Change = Callable[[Event, list[Card], list[Idea]], Board]


class Boom(RuntimeError):
    pass


def page_of(out: Path, event: Event, card: Card) -> Path:
    """The file a web server serving `out` at `links.base_url` answers the card's QR code with."""
    base = event.base_url.rstrip("/") + "/"
    url = session_url(event, card)
    assert url.startswith(base), url
    return site_file(out, url.removeprefix(base))


def releases(out: Path) -> list[str]:
    """The finished releases, oldest first (what is left after pruning)."""
    return sorted(p.name for p in releases_folder(out).iterdir() if p.is_dir() and not p.name.startswith("."))


def served(out: Path) -> str:
    """The release the link `out` points at; also checks that it is a whole site."""
    assert out.is_symlink()
    target = Path(os.readlink(out))
    assert not target.is_absolute(), "a relative link keeps working when the folder is moved or mounted elsewhere"
    release = out.parent / target
    assert (release / SITE_MARKER).is_file() and (release / "index.html").is_file()
    assert (release / FINGERPRINT_FILE).is_file()
    return release.name


@pytest.fixture
def out(tmp_path: Path) -> Path:
    (tmp_path / "www").mkdir()
    return tmp_path / "www" / "openspaces"


def test_a_card_added_is_online_after_one_round(tmp_path: Path, event: Event) -> None:
    """What publishing promises, through the real board: a card added is on the site after one round, at the page its
    QR code names."""
    out = tmp_path / "openspaces"
    service = BoardService.open(tmp_path / "data", event, ManualClock(event.at(DAY_1, time(9))), "kiosk-a")
    try:
        topic = 'Zoë\'s <packaging> & "wheels"'
        starts = event.at(DAY_1, time(11))
        added = service.add_card(CardDraft(room_key="150d", starts_at=starts, topic=topic, host_name="Ana"))

        def read_board() -> Board:
            return event, service.cards(), service.ideas()

        publish_loop(read_board, out, every=30, rounds=1)
    finally:
        service.close()
    page = page_of(out, event, added.card)
    assert page.is_file()
    assert escape(topic) in page.read_text(encoding="utf-8")
    assert page.resolve().is_relative_to(releases_folder(out).resolve())


def test_first_round_builds_a_whole_site_behind_a_link(out: Path, event: Event, cards: list[Card]) -> None:
    result = publish_once(event, cards, [], out, stamp="r1")
    assert result.rebuilt and result.sessions == len(cards)
    assert result.release == releases_folder(out) / "r1"
    assert served(out) == "r1"
    for card in cards:
        assert escape(card.topic) in page_of(out, event, card).read_text(encoding="utf-8")
    # A web server running as another user must be able to read it.
    for path in (releases_folder(out), result.release, page_of(out, event, cards[0]).parent):
        assert stat.S_IMODE(path.stat().st_mode) & 0o005 == 0o005
    assert stat.S_IMODE(page_of(out, event, cards[0]).stat().st_mode) & 0o004


def test_an_unchanged_board_is_not_rebuilt(out: Path, event: Event, cards: list[Card], ideas: list[Idea]) -> None:
    first = publish_once(event, cards, ideas, out, stamp="r1")
    index = first.release / "index.html"
    written = index.stat().st_mtime_ns
    again = publish_once(event, list(cards), list(ideas), out, stamp="r2")
    assert not again.rebuilt
    assert again.release == first.release
    assert releases(out) == ["r1"]
    assert index.stat().st_mtime_ns == written


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda e, c, i: (e, c, [dataclasses.replace(i[0], votes=8), *i[1:]]), id="an idea's votes"),
        pytest.param(lambda e, c, i: (e, [dataclasses.replace(c[0], topic="New"), *c[1:]], i), id="a topic"),
        pytest.param(lambda e, c, i: (e, c[1:], i), id="a cancelled card"),
        pytest.param(lambda e, c, i: (dataclasses.replace(e, name="PyCon US 2024"), c, i), id="the event"),
    ],
)
def test_any_change_the_site_shows_rebuilds(
    out: Path, event: Event, cards: list[Card], ideas: list[Idea], change: Change
) -> None:
    publish_once(event, cards, ideas, out, stamp="r1")
    assert publish_once(*change(event, cards, ideas), out, stamp="r2").rebuilt
    assert served(out) == "r2"


def test_a_new_card_rebuilds_and_the_old_release_stays_until_pruned(
    out: Path, event: Event, make_card: CardFactory
) -> None:
    first = make_card("first", topic="Packaging")
    publish_once(event, [first], [], out, stamp="r1")
    second = make_card("second", hour=12, topic="Type hints")
    assert not page_of(out, event, second).exists()
    result = publish_once(event, [first, second], [], out, stamp="r2")
    assert result.rebuilt
    assert served(out) == "r2"
    assert page_of(out, event, second).is_file()
    assert releases(out) == ["r1", "r2"]
    # A phone that fetched the old site a moment ago still finds what it linked to.
    assert page_of(releases_folder(out) / "r1", event, first).is_file()
    assert not page_of(releases_folder(out) / "r1", event, second).exists()


def test_only_the_last_three_releases_are_kept(out: Path, event: Event, make_card: CardFactory) -> None:
    board: list[Card] = []
    for number in range(1, 6):
        board.append(make_card(f"card-{number}", hour=9 + number, topic=f"Topic {number}"))
        assert publish_once(event, board, [], out, stamp=f"r{number}").rebuilt
    assert releases(out) == ["r3", "r4", "r5"]
    assert served(out) == "r5"


def test_the_served_release_is_never_pruned(out: Path, event: Event, cards: list[Card]) -> None:
    publish_once(event, cards, [], out, stamp="r1")
    # Newer-looking folders, e.g. left by a clock that later jumped back.
    for name in ("r7", "r8", "r9"):
        (releases_folder(out) / name).mkdir()
    assert not publish_once(event, cards, [], out).rebuilt
    assert releases(out) == ["r1", "r7", "r8", "r9"]
    assert served(out) == "r1"


def test_default_release_names_are_unique_and_sort_by_age(out: Path, event: Event, make_card: CardFactory) -> None:
    names = [publish_once(event, [make_card(str(n), topic=f"T{n}")], [], out).release.name for n in range(3)]
    assert len(set(names)) == 3 and names == sorted(names)
    assert all(name.endswith("Z") for name in names)


@pytest.mark.parametrize("failing", ["build", "flip"])
def test_a_failed_round_leaves_the_previous_release_served(
    out: Path, event: Event, make_card: CardFactory, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    first = make_card("first")
    publish_once(event, [first], [], out, stamp="r1")
    before = sorted(out.parent.iterdir())

    def half_a_site(event: Event, cards: list[Card], ideas: list[Idea], out_dir: Path) -> list[Path]:
        write_file(out_dir / "index.html", b"half a site")
        write_file(out_dir / "2023-04-21" / "index.html", b"half a day")
        raise Boom("disk on fire")

    def no_rename(*_: object) -> None:
        raise Boom("disk on fire")

    if failing == "build":
        monkeypatch.setattr(publish_module, "build_site", half_a_site)
    else:
        monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(Boom):
        publish_once(event, [first, make_card("second", hour=12)], [], out, stamp="r2")
    assert served(out) == "r1"
    assert (out / "index.html").read_bytes() != b"half a site"
    # Neither the half-built release nor the new link is left behind.
    assert sorted(p.name for p in releases_folder(out).iterdir()) == [".lock", "r1"]
    assert sorted(out.parent.iterdir()) == before


def test_leftovers_of_a_killed_publisher_are_cleaned_up(out: Path, event: Event, cards: list[Card]) -> None:
    publish_once(event, cards, [], out, stamp="r1")
    (releases_folder(out) / ".building-r2" / "2023-04-21").mkdir(parents=True)
    stray_link = out.parent / f".{out.name}.0badf00d.link.tmp"
    stray_link.symlink_to(".openspaces-releases/r1")
    publish_once(event, cards, [], out)
    assert sorted(p.name for p in releases_folder(out).iterdir()) == [".lock", "r1"]
    assert not os.path.lexists(stray_link)


@pytest.mark.parametrize("kind", ["folder", "file"])
def test_a_real_folder_or_file_at_out_is_refused(out: Path, event: Event, cards: list[Card], kind: str) -> None:
    if kind == "folder":
        out.mkdir()
        (out / "index.html").write_text("someone's own page")
    else:
        out.write_text("someone's notes")
    with pytest.raises(PublishRefused) as refused:
        publish_once(event, cards, [], out)
    message = refused.value.message
    assert f"{out} is a real {kind}" in message and f"mv {out} {out}.old" in message
    assert "\n" not in message
    # Nothing touched, nothing added beside it.
    assert sorted(out.parent.iterdir()) == [out]
    assert out.is_dir() == (kind == "folder")


def test_someone_elses_link_is_refused(out: Path, event: Event, cards: list[Card]) -> None:
    elsewhere = out.parent / "other-site"
    elsewhere.mkdir()
    out.symlink_to(elsewhere)
    with pytest.raises(PublishRefused, match="not to a release kiosk publish made"):
        publish_once(event, cards, [], out)
    assert out.resolve() == elsewhere.resolve()


def test_a_missing_folder_is_refused(tmp_path: Path, event: Event, cards: list[Card]) -> None:
    with pytest.raises(PublishRefused, match="does not exist; create it first"):
        publish_once(event, cards, [], tmp_path / "nope" / "openspaces")
    assert not (tmp_path / "nope").exists()


def test_a_dangling_link_of_ours_is_replaced(out: Path, event: Event, cards: list[Card]) -> None:
    publish_once(event, cards, [], out, stamp="r1")
    # Someone cleaned up the releases by hand.
    shutil.rmtree(releases_folder(out) / "r1")
    assert publish_once(event, cards, [], out, stamp="r2").rebuilt
    assert served(out) == "r2"


def test_a_second_publisher_on_the_same_folder_waits_its_turn(out: Path, event: Event, cards: list[Card]) -> None:
    import fcntl

    publish_once(event, cards, [], out, stamp="r1")
    with open(releases_folder(out) / ".lock", "a") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        with pytest.raises(PublishBusy, match="Another kiosk publish"):
            publish_once(event, cards[1:], [], out)
    assert served(out) == "r1"


def test_the_loop_survives_a_failing_round(
    out: Path, event: Event, cards: list[Card], caplog: pytest.LogCaptureFixture
) -> None:
    boards: list[Board | Exception] = [Boom("hub unreachable"), Boom("hub unreachable"), (event, cards, [])]

    def read_board() -> Board:
        board = boards.pop(0)
        if isinstance(board, Exception):
            raise board
        return board

    slept: list[float] = []
    with caplog.at_level(logging.INFO, logger="kiosk.share.publish"):
        publish_loop(read_board, out, every=30, rounds=3, sleep=slept.append, clock=lambda: 100.0)
    assert not boards
    assert served(out)
    assert slept == [30, 30]
    failures = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert [r.getMessage() for r in failures] == ["Publishing failed (next try in 30 s): Boom: hub unreachable"] * 2
    # The traceback once, not every round.
    assert failures[0].exc_info and not failures[1].exc_info
    messages = [r.getMessage() for r in caplog.records]
    assert "Publishing works again." in messages
    assert any(m.startswith(f"Published {len(cards)} sessions to {out}") for m in messages)


def test_rounds_start_every_seconds_apart_however_long_a_build_takes(
    out: Path, event: Event, cards: list[Card]
) -> None:
    now = [0.0]

    def read_board() -> Board:
        now[0] += 12.5  # a slow read and build
        return event, cards, []

    slept: list[float] = []
    publish_loop(read_board, out, every=30, rounds=3, sleep=slept.append, clock=lambda: now[0])
    assert slept == [17.5, 17.5]


def test_the_loop_stops_at_a_refusal(out: Path, event: Event, cards: list[Card]) -> None:
    out.mkdir()
    calls: list[int] = []

    def read_board() -> Board:
        calls.append(1)
        return event, cards, []

    with pytest.raises(PublishRefused, match="is a real folder"):
        publish_loop(read_board, out, every=30, rounds=5, sleep=lambda _: None)
    assert calls == [1]
