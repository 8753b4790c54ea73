"""The kiosk in the event's language: complete, current catalogues; a German board with no English word of the
kiosk's own left on any screen a visitor reaches; dates from Qt's locale data; the keyboard's layout."""

from __future__ import annotations

import re
import shutil
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.domain import labels
from kiosk.domain.actors import Role
from kiosk.domain.audit import ACTIONS
from kiosk.domain.conflicts import Conflict, ConflictKind
from kiosk.domain.handles import InvalidHandle, parse_handle
from kiosk.domain.model import Card
from kiosk.domain.validation import CardFields, check_card, check_idea
from kiosk.paths import DEMO_CONFIG
from kiosk.share.importfile import ImportFileError, parse_import
from kiosk.store import errors
from kiosk.store.autobackup import take_automatic_backup
from kiosk.store.backups import BadBackup
from kiosk.store.checks import CheckReport
from kiosk.store.pin import set_pin
from kiosk.store.tables import ConflictRow, SessionRow
from kiosk.store.writes import change
from kiosk.ui.app import KioskApp
from kiosk.ui.datelabels import day_and_month, long_day, short_day, weekday
from kiosk.ui.i18n import I18N_DIR, LANGUAGES, PLURAL_ONLY, catalogue, release, update
from kiosk.ui.messages import message_part, person_message
from kiosk.ui.staff import StaffSection
from kiosk.ui.staff_audit import ACTION_WORDS
from kiosk.ui.staff_sync import headline
from kiosk.ui.staff_tools import check_lines
from kiosk.ui.sync import round_summary
from kiosk.ui.syncworker import RoundResult
from kiosk.ui.translation import install_language, keyboard_locales
from tests.ui.conftest import MakeKiosk
from tests.ui.driver import find_item, find_object, find_shown, is_shown, keyboard_keys, prop, tap, walk_items
from tests.ui.test_health import overwrite_pages
from tests.ui.test_staff import PIN, enter_pin, hold_event_name, show_section

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


def staff_messages() -> list[str]:
    """One message of each kind the store shows staff: an import file's and its rows' problems, the board check's
    findings, a backup's problem, a sync round's."""
    shown = []
    for name, text in (
        ("a.csv", "Day,Start\n"),
        ("a.csv", "Topic,Host\n"),
        ("a.csv", "Day,Start,Room,Topic,Host,Topic\n"),
        ("a.json", "{"),
        ("a.json", "42"),
        ("a.csv", ""),
    ):
        with pytest.raises(ImportFileError) as bad:
            parse_import(text.encode(), name)
        shown.append(bad.value.message)
    shown += [
        "Day: Sat 22 Apr 2023 is not a day of this board (Fri 21 Apr, Sun 23 Apr).",
        "Day: “tomorrow” is not a date; write it as 2023-04-21.",
        "Day: missing.",
        "Start: “noon” is not a time; write it as 10:00.",
        "Start: 22:00 is outside the board's hours (09:00–18:00).",
        "Start: 10:30 is not the start of a slot; slots start every 60 minutes from 09:00.",
        "End: 12:00 does not fit; sessions are 60 minutes, so this one ends at 11:00.",
        "Room: there is no room “Room 999” on this board; did you mean Room 150D?",
        "Topic: Give your session a topic (at least 3 characters).",
        "Same slot as row 2.",
        "Room 150D at 10:00 on Fri 21 Apr is blocked (Sponsor workshop).",
        "Room 150D at 10:00 on Fri 21 Apr is taken by “Rust”.",
        "'Rust' (Room 150D, Fri 21 Apr 10:00) shares its room and hour with 'Go'.",
        "'Rust' (Room 150D, Fri 21 Apr 10:00) sits in a blocked slot (Lunch, Fri 21 Apr 12:00 to Fri 21 Apr 13:00).",
        "The idea 'Typing' is adopted by a session that does not exist.",
        str(BadBackup(Path("/data/backups/x.sqlite3"), "is not a SQLite database")),
        "the hub did not answer within 30 s",
    ]
    return shown


def test_the_stores_messages_for_staff_are_shown_in_german(german: None) -> None:
    for message in staff_messages():
        assert person_message(message) != message, f"no German for: {message}"
    assert person_message("Room 150D at 10:00 on Fri 21 Apr is taken by “Rust”.") == (
        "Room 150D um 10:00 am Fr. 21. Apr. ist von „Rust“ belegt."
    )
    assert person_message("Topic: Give your session a topic (at least 3 characters).") == (
        "Topic: Gib deiner Session ein Thema (mindestens 3 Zeichen)."
    )
    assert person_message("Day: Sat 22 Apr 2023 is not a day of this board (Fri 21 Apr, Sun 23 Apr).") == (
        "Day: Sa. 22. Apr. 2023 ist kein Tag dieser Tafel (Fr. 21. Apr., So. 23. Apr.)."
    )
    assert message_part("is empty (0 bytes)") == "ist leer (0 Byte)"
    # What people typed stays as written, English dates in it included.
    assert person_message("Room 150D at 10:00 on Fri 21 Apr is blocked (Closed Fri 21 Apr).").endswith(
        "(Closed Fri 21 Apr)."
    )


def test_staff_pages_compose_their_words_in_german(german: None) -> None:
    assert check_lines(CheckReport(("ok",), (), 1, 2, 3)) == [
        "OK: 1 Session, 2 Sperren, 3 Ideen; integrity_check in Ordnung"
    ]
    card = Card(
        id=uuid.uuid4(),
        room_key="150d",
        starts_at=datetime(2023, 4, 21, 13, tzinfo=UTC),
        ends_at=datetime(2023, 4, 21, 14, tzinfo=UTC),
        topic="Rust",
        host_name="Ada",
    )
    at = datetime(2023, 4, 21, 9, tzinfo=UTC)
    slot = Conflict(uuid.uuid4(), ConflictKind.SLOT, "sessions", card.id, at, card=card, reason="taken")
    assert headline(slot) == "„Rust“ braucht einen neuen Platz: ein anderes Terminal hat ihn zuerst gebucht"
    edit = Conflict(uuid.uuid4(), ConflictKind.EDIT, "sessions", card.id, at, kiosk="foyer", changed=("topic", "tags"))
    assert headline(edit) == (
        "Auf foyer bearbeitet, während ein anderes Terminal dieselbe Karte geändert hat (Thema, Tags)"
    )
    result = RoundResult(ok=True, pushed=3, pulled=2, applied=1, outcomes=(("displaced", 1),), left=4)
    assert round_summary(result) == "3 gesendet, 2 geholt, 1 übernommen, 1 verdrängt, 4 noch zu senden"


def test_english_staff_words_read_as_the_command_line_writes_them(qapp: object) -> None:
    installed = install_language("en")
    try:
        assert {key: str(words) for key, words in ACTION_WORDS.items()} == ACTIONS
        assert check_lines(CheckReport(("ok",), (), 1, 2, 3)) == CheckReport(("ok",), (), 1, 2, 3).lines()
        card = Card(
            id=uuid.uuid4(),
            room_key="a",
            starts_at=datetime(2023, 4, 21, 13, tzinfo=UTC),
            ends_at=datetime(2023, 4, 21, 14, tzinfo=UTC),
            topic="Rust",
            host_name="A",
        )
        at = datetime(2023, 4, 21, 9, tzinfo=UTC)
        for conflict in (
            Conflict(uuid.uuid4(), ConflictKind.SLOT, "sessions", card.id, at, card=card, reason="blocked"),
            Conflict(uuid.uuid4(), ConflictKind.SLOT, "sessions", card.id, at, card=card, reason="taken"),
            Conflict(uuid.uuid4(), ConflictKind.EDIT, "ideas", card.id, at, kiosk="foyer"),
        ):
            assert headline(conflict) == conflict.headline
        result = RoundResult(ok=True, pushed=3, pulled=2, applied=1, outcomes=(("same", 2),), refused=("x",), left=4)
        assert round_summary(result) == "pushed 3, pulled 2, applied 1, 2 same, 1 refused, 4 still to push"
    finally:
        installed.uninstall()


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


def staff_screens(kiosk: KioskApp, qtbot: QtBot) -> Iterator[str]:
    """Open the staff panel with the PIN and walk its pages, each with something on it: a cancelled card, a block,
    the wish list, an import with problem rows, a backup, the audit log, the board's check, two sync conflicts."""
    service = kiosk.service
    event = kiosk.config.event
    cards = service.cards()
    service.staff_cancel_card(cards[0].id, "Speaker is ill")
    # Two conflicts as a sync round leaves them: a booking that lost its slot, an edit another kiosk overtook.
    with change(service.ctx, service.ctx.actor(Role.SYSTEM), "sync.pull") as c:
        row = c.session.get(SessionRow, cards[1].id)
        assert row is not None
        c.update(row, displaced=True)
        c.insert(ConflictRow, kind="slot", entity="sessions", entity_id=cards[1].id, detail='{"reason": "taken"}')
        detail = '{"kiosk": "foyer", "values": {"topic": "Renamed", "deleted": true}, "changed": ["topic", "deleted"]}'
        c.insert(ConflictRow, kind="edit", entity="sessions", entity_id=cards[2].id, detail=detail)
        c.describe("sync", None)
    imports = service.data_dir / "imports"
    imports.mkdir()
    (imports / "plan.csv").write_text(
        "Day,Start,Room,Topic,Host\n2023-04-22,17:00,Room 999,Lost room,Ada\n2023-05-01,10:30,150d,x,\n"
        f"{event.days[1].isoformat()},17:00,150d,Fine,Bo\n",
        encoding="utf-8",
    )
    hold_event_name(kiosk)
    qtbot.waitUntil(lambda: is_shown(find_item(kiosk.window, "pinPad")))
    yield "the PIN pad"
    enter_pin(kiosk, PIN)
    qtbot.waitUntil(lambda: kiosk.staff.property("unlocked") is True)
    yield "the staff panel's cards"
    show_section(kiosk, StaffSection.Blocks)
    yield "blocked rooms"
    show_section(kiosk, StaffSection.Ideas)
    yield "the wish list's ideas"
    show_section(kiosk, StaffSection.Import)
    qtbot.waitUntil(lambda: find_shown(kiosk.window, "importFile-0") is not None)
    tap(kiosk.window, find_shown(kiosk.window, "importFile-0"))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: kiosk.vms.staff_import.property("summary") != "")
    yield "an import's preview with problems"
    show_section(kiosk, StaffSection.Backups)
    tap(kiosk.window, find_shown(kiosk.window, "backUpNow"))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: find_shown(kiosk.window, "backup-0") is not None)
    yield "backups"
    show_section(kiosk, StaffSection.Audit)
    qtbot.wait(100)
    yield "the audit log"
    show_section(kiosk, StaffSection.Tools)
    tap(kiosk.window, find_shown(kiosk.window, "checkButton"))  # type: ignore[arg-type]
    qtbot.wait(100)
    yield "tools, after the check"
    show_section(kiosk, StaffSection.Sync)
    qtbot.waitUntil(lambda: find_shown(kiosk.window, "conflict-1") is not None)
    yield "sync, with conflicts"


def test_a_german_staff_panel_says_everything_in_german(make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path) -> None:
    set_pin(tmp_path / "data", PIN)
    kiosk = make_kiosk("--demo", config=config_in(tmp_path, "de"), now="2023-04-21T09:00")
    patterns = english_patterns("de")
    seen: set[str] = set()
    for screen in staff_screens(kiosk, qtbot):
        texts = visible_texts(kiosk)
        assert texts, screen
        seen |= texts
        assert not english_left(kiosk, patterns), f"English on {screen}: {english_left(kiosk, patterns)}"
    every = "\n".join(seen)
    for german in (
        "Team auf",  # who: "staff on <kiosk>"
        "hat eine Karte abgesagt",  # what
        "Abgesagt: nein → ja",  # changes
        "Room: auf dieser Tafel gibt es keinen Raum „Room 999“",  # an import row's problem
        "3 Zeilen: 1 bereit, 2 mit Problemen",  # the import's summary
        " KiB",
        "OK: ",
        "Sessions, ",
        "braucht einen neuen Platz: ein anderes Terminal hat ihn zuerst gebucht",  # a slot conflict
        "während ein anderes Terminal dieselbe Karte geändert hat (Thema, Abgesagt)",  # an edit conflict
        "foyer wollte: Thema: Renamed; Abgesagt: ja",
    ):
        assert german in every, german


def test_a_german_board_tells_staff_of_a_recovery_in_german(
    make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path
) -> None:
    config = config_in(tmp_path, "de")
    first = make_kiosk("--demo", config=config)
    sessions = len(first.service.cards())
    take_automatic_backup(first.service.db_path, 5, reason="test")
    db_path = first.service.db_path
    first.close()
    overwrite_pages(db_path, 2, 6)

    kiosk = make_kiosk(config=config)
    assert find_shown(kiosk.window, "healthNotice") is not None
    text = prop(find_item(kiosk.window, "healthNoticeText"), "text")  # type: ignore[arg-type]
    assert text.startswith("Die Datenbank der Tafel war beschädigt (SQLites Prüfung meldet: "), text
    assert f"({sessions} Sessions); Karten, die danach angelegt wurden, müssen neu angelegt werden." in text
    assert "Sie wurde nach " in text and "damaged" in text  # the folder it was moved to keeps its name
    assert not english_left(kiosk, english_patterns("de"))


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


def test_an_import_refused_because_the_board_changed_is_said_in_german(german: None) -> None:
    from kiosk.store.importer import ImportRefused
    from kiosk.ui.staff_import import refusal_text

    refused = ImportRefused(
        "The board changed since the preview; nothing was imported. …",
        changed=True,
        total=5,
        failed=[(3, ["Someone else has just taken this slot. Please pick another one."])],
    )
    text = refusal_text(refused)
    assert text.startswith("Die Tafel hat sich seit der Vorschau geändert; es wurde nichts importiert.")
    assert "1 von 5 Zeilen können nicht an die Tafel." in text
    assert "Zeile 3: " in text and "Someone else" not in text


def test_configured_keyboards_come_between_the_events_language_and_english(qapp: object) -> None:
    from kiosk.ui.language import KioskLanguage

    available = ["en_US", "de_DE", "fr_FR", "uk_UA", "es_ES"]
    assert KioskLanguage("de", ("fr", "uk")).keyboardLocalesAmong(available) == ["de_DE", "fr_FR", "uk_UA", "en_US"]
    assert KioskLanguage("de").keyboardLocalesAmong(available) == ["de_DE", "en_US"]
