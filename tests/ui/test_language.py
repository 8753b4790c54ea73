"""The kiosk in the event's language: complete, current catalogues; a German board with no English word of the
kiosk's own left on any screen a visitor reaches; dates from Qt's locale data; the keyboard's layout."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.domain import labels
from kiosk.domain.handles import InvalidHandle, parse_handle
from kiosk.domain.validation import CardFields, check_card, check_idea
from kiosk.paths import DEMO_CONFIG
from kiosk.store import errors
from kiosk.ui.app import KioskApp
from kiosk.ui.datelabels import day_and_month, long_day, short_day, weekday
from kiosk.ui.i18n import I18N_DIR, LANGUAGES, PLURAL_ONLY, catalogue, release, update
from kiosk.ui.messages import person_message
from kiosk.ui.translation import install_language, keyboard_locales
from tests.ui.conftest import MakeKiosk
from tests.ui.driver import find_item, find_object, is_shown, keyboard_keys, tap, walk_items

FRIDAY = date(2023, 4, 21)
PLACEHOLDER = re.compile(r"%[1-9n]|%H")


def messages(language: str) -> Iterator[tuple[str, str, ET.Element]]:
    """(context, source, message element) for every message of a catalogue."""
    root = ET.parse(catalogue(language)).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message.findtext("source", ""), message


def translations(message: ET.Element) -> list[str]:
    found = message.find("translation")
    assert found is not None
    forms = found.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [found.text or ""]


# --- the catalogues --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_its_placeholders(language: str) -> None:
    count = 0
    for context, source, message in messages(language):
        count += 1
        where = f"{language}: {context}: {source!r}"
        assert message.find("translation").get("type") is None, f"unfinished: {where}"  # type: ignore[union-attr]
        for text in translations(message):
            assert text.strip(), f"empty translation: {where}"
            assert sorted(set(PLACEHOLDER.findall(text))) == sorted(set(PLACEHOLDER.findall(source))), where
    assert count > 250  # the whole UI, not a sample


def test_english_has_its_plural_forms() -> None:
    for context, source, message in messages("en"):
        singular, plural = translations(message)
        assert singular and plural and singular != plural, f"{context}: {source}"


def test_catalogues_are_current_with_the_sources(tmp_path: Path) -> None:
    """A word added to the UI without a translation fails here: run `uv run python -m kiosk.ui.i18n`, translate."""
    for language in (*LANGUAGES, *PLURAL_ONLY):
        shutil.copy(catalogue(language), tmp_path)
    update(tmp_path)
    for language in (*LANGUAGES, *PLURAL_ONLY):
        fresh = catalogue(language, tmp_path).read_text(encoding="utf-8")
        assert fresh == catalogue(language).read_text(encoding="utf-8"), "run: uv run python -m kiosk.ui.i18n"


def test_compiled_catalogues_match_their_sources(tmp_path: Path) -> None:
    release(out=tmp_path)
    for language in (*LANGUAGES, *PLURAL_ONLY):
        name = f"kiosk_{language}.qm"
        assert (tmp_path / name).read_bytes() == (I18N_DIR / name).read_bytes(), "run: uv run python -m kiosk.ui.i18n"


# --- words and dates outside the window ------------------------------------------------------------------------------


@pytest.fixture
def german(qapp: object) -> Iterator[None]:
    installed = install_language("de")
    yield
    installed.uninstall()


def domain_messages() -> list[str]:
    """One message of each kind the domain and the store show a person."""
    _, card_errors = check_card(CardFields("ab", " ", "x" * 600, "not a handle!", ("a", "b", "c", "d", "a")), ["a"])
    _, idea_errors = check_idea("", "y" * 300)
    shown = [e.message for e in (*card_errors.values(), *idea_errors.values())]
    for handle in ("ada@gmail.com", "@" + "x" * 20, "not a handle!"):
        with pytest.raises(InvalidHandle) as bad:
            parse_handle(handle)
        shown.append(bad.value.message)
    shown += [
        str(error)
        for error in (
            errors.SlotTaken(),
            errors.SlotBlocked("Sponsor workshop"),
            errors.SlotInPast(),
            errors.CardNotFound(),
            errors.IdeaNotFound(),
            errors.WrongEditCode(1),
            errors.WrongEditCode(3),
            errors.HostActionsLocked(42),
            errors.DatabaseUnavailable("/data/board.sqlite3", "disk full"),
            errors.BlockNotFound(),
            errors.ConfigBlock(),
        )
    ]
    shown.append(
        "@ada already hosts 3 sessions on Friday, the most one person can put up in a day."
    )  # kiosk.store.cards' quota
    return shown


def test_the_domains_messages_are_shown_in_german(german: None) -> None:
    for message in domain_messages():
        translated = person_message(message)
        assert translated != message, f"no German for: {message}"
    assert person_message(errors.SlotBlocked("Sponsor workshop")) == (
        "Dieser Raum ist zu dieser Zeit nicht für Open Spaces frei (Sponsor workshop)."
    )
    assert person_message(errors.WrongEditCode(3)).startswith("Das ist nicht der Bearbeitungscode")
    quota = "@ada already hosts 3 sessions on Friday, the most one person can put up in a day."
    assert (
        person_message(quota)
        == "@ada leitet am Freitag schon 3 Sessions, so viele kann eine Person an einem Tag anbieten."
    )
    _, problems = check_card(CardFields("Hi", "Ada", handle="nope"), [])
    assert person_message(problems["handle"].message) == (
        "Dieser Name sieht nicht richtig aus. "
        "Nutze @name (X), @name@server.social (Mastodon) oder name.bsky.social (Bluesky)."
    )


def test_a_message_nobody_listed_is_shown_as_it_came(german: None) -> None:
    assert person_message("Something new went wrong.") == "Something new went wrong."


def test_english_dates_read_as_the_exports_write_them(qapp: object) -> None:
    installed = install_language("en")
    try:
        for offset in range(14):
            day = date(2023, 4, 17 + offset) if offset < 14 else FRIDAY
            assert short_day(day) == labels.short_day(day)
            assert long_day(day) == labels.long_day(day)
            assert weekday(day) == labels.weekday(day)
            assert day_and_month(day) == labels.day_and_month(day)
    finally:
        installed.uninstall()


def test_dates_come_from_the_locale(qapp: object) -> None:
    expected = {
        "de": ("Fr. 21. Apr.", "Freitag, 21. April", "21. April"),
        "de-AT": ("Fr. 21. Apr.", "Freitag, 21. April", "21. April"),
        "es": ("vie 21 abr", "viernes, 21 de abril", "21 de abril"),
        "fr": ("Fri 21 Apr", "Friday 21 April", "21 April"),  # no catalogue: English words, English dates
    }
    for tag, (short, long, day_month) in expected.items():
        installed = install_language(tag)
        try:
            assert (short_day(FRIDAY), long_day(FRIDAY), day_and_month(FRIDAY)) == (short, long, day_month), tag
        finally:
            installed.uninstall()


def test_the_keyboard_offers_the_events_language_then_english() -> None:
    available = ["de_DE", "en_GB", "en_US", "es_ES", "es_MX", "fr_FR", "pt_BR", "pt_PT"]
    assert keyboard_locales("de", (), available) == ["de_DE", "en_US"]
    assert keyboard_locales("de-AT", (), available) == ["de_DE", "en_US"]
    assert keyboard_locales("es-MX", (), available) == ["es_MX", "en_US"]
    assert keyboard_locales("pt", (), available) == ["pt_BR", "en_US"]
    assert keyboard_locales("en", (), available) == ["en_US"]
    assert keyboard_locales("de", ("fr",), available) == ["de_DE", "fr_FR", "en_US"]
    assert keyboard_locales("kl", (), available) == ["en_US"]  # Greenlandic: no layout, English still types
    assert keyboard_locales("de", (), []) == []


# --- the window ------------------------------------------------------------------------------------------------------


def config_in(tmp_path: Path, language: str) -> Path:
    text = DEMO_CONFIG.read_text(encoding="utf-8")
    assert "\n[event]\n" in text
    path = tmp_path / f"{language}.toml"
    path.write_text(text.replace("\n[event]\n", f'\n[event]\nlanguage = "{language}"\n', 1), encoding="utf-8")
    return path


def english_patterns(language: str) -> list[tuple[re.Pattern[str], str]]:
    """The kiosk's English words that this language says differently, as whole-text patterns (`%1` any value).
    Templates with no word of three letters besides their values ("%1 on %2") would match people's own text."""
    patterns = []
    for _, source, message in messages(language):
        if source in translations(message) or not re.search(r"[A-Za-z]{3}", PLACEHOLDER.sub("", source)):
            continue
        body = PLACEHOLDER.sub("\0", source)
        regex = ".+?".join(re.escape(part) for part in body.split("\0"))
        patterns.append((re.compile(regex + r"\Z", re.DOTALL), source))
    return patterns


ENGLISH_DATE_WORDS = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b"
)


def visible_texts(kiosk: KioskApp) -> set[str]:
    """Every text a person can see, the on-screen keyboard's keys left out."""
    panel = find_item(kiosk.window, "inputPanel")
    keyboard = set(walk_items(panel)) if panel is not None else set()
    found = set()
    for item in walk_items(kiosk.window.contentItem()):
        if item in keyboard or not is_shown(item):
            continue
        text = item.property("text")
        if isinstance(text, str) and text.strip():
            found.add(text)
    return found


def data_strings(kiosk: KioskApp) -> set[str]:
    """What the config and the people who wrote cards and ideas said: never translated."""
    event = kiosk.config.event
    said = {event.name, event.hashtag}
    said |= {text for room in event.rooms for text in (room.name, room.note)}
    said |= {block.reason for block in kiosk.service.blocks()}
    said |= {tag.label for tag in event.tags}
    for card in kiosk.service.cards():
        said |= {card.topic, card.host_name, card.handle, card.description}
    for idea in kiosk.service.ideas():
        said |= {idea.topic, idea.note}
    return {text for text in said if text}


def english_left(kiosk: KioskApp, patterns: list[tuple[re.Pattern[str], str]]) -> list[str]:
    data = data_strings(kiosk)
    left = []
    for text in visible_texts(kiosk):
        if text in data:
            continue
        left += [f"{text!r} (English: {source!r})" for pattern, source in patterns if pattern.match(text)]
        if ENGLISH_DATE_WORDS.search(text) and not any(part in text for part in data):
            left.append(f"{text!r} (an English date)")
    return left


def screens(kiosk: KioskApp, qtbot: QtBot) -> Iterator[str]:
    """Walk a visitor's screens in turn, yielding each one's name while it is up."""
    yield "board"
    event = kiosk.config.event
    free = next(
        (room.key, start)
        for start in event.slot_starts(event.days[0])
        for room in event.rooms
        if start > kiosk.clock.now()
        and not any(c.room_key == room.key and c.starts_at == start for c in kiosk.service.cards())
        and not any(b.room_key == room.key and b.starts_at <= start < b.ends_at for b in kiosk.service.blocks())
    )
    kiosk.form.startAdd(free[0], free[1].isoformat())
    sheet = find_item(kiosk.window, "addCardSheet")
    qtbot.waitUntil(lambda: is_shown(sheet))
    kiosk.form.setField("topic", "ab")
    kiosk.form.leaveField("topic")
    kiosk.form.setField("handle", "not a handle!")
    kiosk.form.leaveField("handle")
    qtbot.wait(200)
    yield "the add-card form, with problems"
    kiosk.form.requestClose()
    qtbot.wait(100)
    yield "the add-card form, asking whether to discard"
    kiosk.form.close()
    qtbot.waitUntil(lambda: not is_shown(sheet))
    card = next(c for c in kiosk.service.cards() if c.description)
    kiosk.detail.show(str(card.id))
    detail = find_object(kiosk.window, "cardDetail")  # a Popup: an object, not an item of the window's tree
    assert detail is not None
    qtbot.waitUntil(lambda: detail.property("opened") is True)
    yield "the detail sheet"
    host = find_item(kiosk.window, "hostButton")
    qtbot.waitUntil(lambda: is_shown(host))
    assert host is not None
    tap(kiosk.window, host)
    kiosk.detail.enterCode("000000")
    qtbot.wait(100)
    yield "the detail sheet after a wrong code"
    kiosk.detail.close()
    qtbot.wait(300)
    kiosk.board.showWishList()
    qtbot.waitUntil(lambda: is_shown(find_item(kiosk.window, "wishList")))
    yield "the wish list"
    kiosk.idea_form.open()
    qtbot.wait(300)
    yield "the idea form"
    kiosk.idea_form.close()
    kiosk.router.goHome()
    kiosk.attract.show()
    qtbot.waitUntil(lambda: is_shown(find_item(kiosk.window, "nowNext")))
    yield "the attract screen"


def test_a_german_board_says_everything_in_german(make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = make_kiosk("--demo", config=config_in(tmp_path, "de"), now="2023-04-21T11:20")
    patterns = english_patterns("de")
    seen: set[str] = set()
    for screen in screens(kiosk, qtbot):
        texts = visible_texts(kiosk)
        assert texts, screen
        seen |= texts
        assert not english_left(kiosk, patterns), f"English on {screen}: {english_left(kiosk, patterns)}"
    # The walk saw German words of every kind: headers, dates, problems, the attract screen.
    for german in ("Wunschliste", "Freitag", "Tippe auf einen freien Platz", "Dieser Name sieht nicht richtig aus"):
        assert any(german in text for text in seen), german
    assert any(text.startswith("Das ist nicht der Bearbeitungscode") for text in seen)


def test_a_spanish_board(make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = make_kiosk("--demo", config=config_in(tmp_path, "es"), now="2023-04-21T11:20")
    texts = visible_texts(kiosk)
    assert {"viernes", "Lista de deseos"} <= texts
    assert not english_left(kiosk, english_patterns("es"))
    kiosk.attract.show()
    qtbot.waitUntil(lambda: is_shown(find_item(kiosk.window, "nowNext")))
    assert "Ahora mismo" in visible_texts(kiosk)


def test_the_german_keyboard_types_german(make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = make_kiosk("--demo", config=config_in(tmp_path, "de"), now="2023-04-21T09:00")
    event = kiosk.config.event
    kiosk.form.startAdd(event.rooms[3].key, event.at(event.days[0], event.first_slot).replace(hour=16).isoformat())
    qtbot.waitUntil(lambda: is_shown(find_item(kiosk.window, "inputPanel")))
    keys = keyboard_keys(kiosk.window)
    assert {"ü", "ö", "ä"} <= set(keys), sorted(keys)
    panel = find_item(kiosk.window, "inputPanel")
    keyboard = next(item for item in walk_items(panel) if item.objectName() == "keyboard")
    assert keyboard.property("locale") == "de_DE"
    # The language key offers the configured layouts, and no others; a visitor picks English.
    language_key = next(
        item
        for item in walk_items(panel)
        if item.metaObject().className().startswith("ChangeLanguageKey") and is_shown(item)
    )
    tap(kiosk.window, language_key)

    def offered() -> list[QQuickItem]:
        names = ("American English", "Deutsch", "English", "Español", "Français")
        return [item for item in walk_items(panel) if is_shown(item) and item.property("text") in names]

    qtbot.waitUntil(lambda: len(offered()) >= 2)
    # (The space bar says "Deutsch" too.)
    assert {str(item.property("text")) for item in offered()} == {"American English", "Deutsch"}
    tap(kiosk.window, next(item for item in offered() if item.property("text") == "American English"))
    qtbot.waitUntil(lambda: keyboard.property("locale") == "en_US")
    assert "ü" not in keyboard_keys(kiosk.window)


def test_an_english_board_keeps_english(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk("--demo", now="2023-04-21T11:20")
    texts = visible_texts(kiosk)
    assert {"Friday", "Wish list", "+ Open Space"} <= texts
    # The German board's check would see these: it can fail.
    left = english_left(kiosk, english_patterns("de"))
    assert any("'Wish list'" in line for line in left) and any("an English date" in line for line in left)
