"""The kiosk's language: Qt translators for its own words, the QLocale its dates are written in, and the
on-screen keyboard's locales — all from `event.language` (a BCP 47 tag).

Words go through Qt's translation system (`qsTr` in QML, `translate()` here in Python); the catalogues are
`i18n/kiosk_<lang>.ts`, compiled to `.qm` (`python -m kiosk.ui.i18n`). People's text and config values are
never translated.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent / "i18n"
CATALOGUE = "kiosk"
# The source language; its catalogue carries only the plural forms ("1 session", "2 sessions").
SOURCE_LANGUAGE = "en"
ENGLISH = QLocale("en_US")

_current = ENGLISH
_installed: InstalledLanguage | None = None
_PLACEHOLDER = re.compile(r"%([1-9])")


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the kiosk's language (`%n` takes `n` with the language's plural rules).

    Named `translate` so that `pyside6-lupdate` finds every call, as it finds `qsTr` in QML.
    """
    if n >= 0 and _installed is None:
        # Outside a kiosk (a view model on its own, a tool): English still needs its plural forms.
        install_language(SOURCE_LANGUAGE)
    return QCoreApplication.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for the catalogue under `context` without translating it yet (PySide6's own returns `object`)."""
    return text


def fill(text: str, *args: object) -> str:
    """`text` with `%1`, `%2`, ... replaced by `args` in one pass, as Qt's `arg()` does (so a `%2` inside the first
    argument, typed by a person, stays as it is)."""
    return _PLACEHOLDER.sub(
        lambda m: str(args[int(m.group(1)) - 1]) if int(m.group(1)) <= len(args) else m.group(0), text
    )


def current_locale() -> QLocale:
    """The locale the kiosk writes dates and numbers in: the event's language, English until one is installed."""
    return _current


def locale_for(tag: str) -> QLocale:
    """The QLocale for a BCP 47 tag; Qt fills in the usual region (`de` → de_DE, `pt` → pt_BR)."""
    locale = QLocale(tag.replace("_", "-"))
    # Qt answers an unknown language with the C locale; English is the kiosk's own fallback.
    return ENGLISH if locale.language() == QLocale.Language.C else locale


@dataclass
class InstalledLanguage:
    """What `install_language` put in place, so `uninstall` can take it out again (tests build many kiosks)."""

    tag: str
    locale: QLocale  # the language the kiosk speaks: the tag's, or English when no catalogue has it
    translators: list[QTranslator] = field(default_factory=list)

    def uninstall(self) -> None:
        global _current, _installed
        if _installed is self:
            _installed = None
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
        self.translators.clear()
        _current = ENGLISH
        QLocale.setDefault(ENGLISH)


def install_language(tag: str, folder: Path = I18N_DIR) -> InstalledLanguage:
    """Translators for `tag` (`de-AT` falls back to `de`, a language without a catalogue to English) and the
    matching default QLocale.

    Call before QML loads: bindings translate when they are first evaluated, and `Qt.locale()` reads the default.
    """
    global _current, _installed
    if _installed is not None:
        # One language at a time (tests build one kiosk after another in a process).
        _installed.uninstall()
    wanted = locale_for(tag)
    locale, translators = ENGLISH, []
    for candidate in (wanted, ENGLISH):
        translator = QTranslator()
        # Tries kiosk_de_AT.qm, kiosk_de.qm, ... for each of the locale's UI languages in turn.
        if translator.load(candidate, CATALOGUE, "_", str(folder)):
            QCoreApplication.installTranslator(translator)
            translators.append(translator)
            # Dates follow the words: a language without a catalogue reads English throughout.
            locale = candidate
            break
    if locale is ENGLISH and wanted.language() != QLocale.Language.English:
        log.warning("no translation for language %r; the kiosk speaks English", tag)
    _current = locale
    QLocale.setDefault(locale)
    _installed = InstalledLanguage(tag=tag, locale=locale, translators=translators)
    return _installed


def keyboard_locales(tag: str, extra: tuple[str, ...], available: list[str]) -> list[str]:
    """The on-screen keyboard's layouts, among those Qt Virtual Keyboard has: the event language's first, then
    `extra` (e.g. from the config), then English, so a visitor can always switch to a layout they know."""
    wanted = [locale_for(tag).name(), *(locale_for(name).name() for name in extra), ENGLISH.name()]
    chosen: list[str] = []
    for name in wanted:
        match = name if name in available else next((a for a in available if a.split("_")[0] == name.split("_")[0]), "")
        if match and match not in chosen:
            chosen.append(match)
    return chosen


__all__ = [
    "ENGLISH",
    "I18N_DIR",
    "QT_TRANSLATE_NOOP",
    "InstalledLanguage",
    "current_locale",
    "fill",
    "install_language",
    "keyboard_locales",
    "locale_for",
    "translate",
]
