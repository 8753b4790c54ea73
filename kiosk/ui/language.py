"""KioskLanguage: the event's language as QML needs it — which on-screen keyboard layouts to offer, first
the language's own, so its language key switches among those and no others."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.ui.translation import keyboard_locales, locale_for

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("KioskLanguage is created by the application.")
class KioskLanguage(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    def __init__(self, tag: str, extra_keyboards: tuple[str, ...] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tag = tag
        self._extra = extra_keyboards

    @Property(str, constant=True)
    def language(self) -> str:
        """The event's language, a BCP 47 tag as configured (`de`, `pt-BR`)."""
        return self._tag

    @Property(str, constant=True)
    def localeName(self) -> str:
        """The Qt locale it stands for (`de_DE`, `pt_BR`)."""
        return locale_for(self._tag).name()

    @Slot("QVariantList", result="QVariantList")  # type: ignore[arg-type]
    def keyboardLocalesAmong(self, available: list[str]) -> list[str]:
        """The keyboard layouts to activate, from those Qt Virtual Keyboard has: the event's language first, then
        any configured ones, then English; empty until the keyboard has said what it has."""
        return keyboard_locales(self._tag, self._extra, [str(name) for name in available])


__all__ = ["KioskLanguage"]
