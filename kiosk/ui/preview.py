"""KioskCardPreview: a card as the board will show it, for the one preview component the forms use."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.ui.viewstate import emit_changes, notify_signals

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


@dataclass(frozen=True, slots=True)
class PreviewView:
    topic: str = ""
    host: str = ""
    handle: str = ""
    tag_colour: str = ""
    tag_label: str = ""


_SIGNALS = notify_signals(PreviewView)


@QmlElement
@QmlUncreatable("Previews belong to the forms that show them.")
class KioskCardPreview(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    topicChanged = Signal()
    hostChanged = Signal()
    handleChanged = Signal()
    tagColourChanged = Signal()
    tagLabelChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = PreviewView()

    def show(self, view: PreviewView) -> None:
        old, self._view = self._view, view
        emit_changes(self, old, view, _SIGNALS)

    @Property(str, notify=topicChanged)
    def topic(self) -> str:
        return self._view.topic

    @Property(str, notify=hostChanged)
    def host(self) -> str:
        return self._view.host

    @Property(str, notify=handleChanged)
    def handle(self) -> str:
        return self._view.handle

    @Property(str, notify=tagColourChanged)
    def tagColour(self) -> str:
        return self._view.tag_colour

    @Property(str, notify=tagLabelChanged)
    def tagLabel(self) -> str:
        return self._view.tag_label
