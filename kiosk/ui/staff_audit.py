"""KioskStaffAudit: the audit log, newest first, for everything or for one card."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.audit import AuditEntry
from kiosk.store.errors import StoreError
from kiosk.store.service import BoardService
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.datelabels import short_when
from kiosk.ui.rowsmodel import KioskRowsModel
from kiosk.ui.translation import fill, translate

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

SHOWN = 200


@dataclass(frozen=True, slots=True)
class AuditRowView:
    when: str
    who: str
    what: str
    changes: str


@QmlElement
@QmlUncreatable("KioskStaffAudit is created by the application.")
class KioskStaffAudit(QObject):  # type: ignore[operator]  # PySide6 stubs miss QmlUncreatable as a decorator
    filterChanged = Signal()

    def __init__(self, service: BoardService, feed: KioskChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._rows = KioskRowsModel(AuditRowView, self)
        self._card_id = ""
        self._card_label = ""
        feed.boardChanged.connect(self.refresh)
        self.refresh()

    @Property(KioskRowsModel, constant=True)
    def rows(self) -> KioskRowsModel:
        return self._rows

    @Property(str, notify=filterChanged)
    def filterLabel(self) -> str:
        """What the list is limited to ("" for everything), e.g. the card's topic."""
        return self._card_label

    @Slot(str)
    def showCard(self, card_id: str) -> None:
        """Only the entries about one card (from the Cards section's "History")."""
        self._card_id = card_id
        try:
            self._card_label = next(
                (
                    str(e.detail.get("topic"))
                    for e in self._service.audit(limit=20, entity_id=card_id)
                    if e.detail.get("topic")
                ),
                card_id[:8],
            )
        except StoreError:
            self._card_label = card_id[:8]
        self.filterChanged.emit()
        self.refresh()

    @Slot()
    def showAll(self) -> None:
        self._card_id = self._card_label = ""
        self.filterChanged.emit()
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        try:
            entries = self._service.audit(limit=SHOWN, entity_id=self._card_id or None)
        except StoreError:
            return
        self._rows.set_rows([self._view(entry) for entry in entries])

    def _view(self, entry: AuditEntry) -> AuditRowView:
        event = self._service.event
        return AuditRowView(
            when=short_when(event, entry.at),
            who=fill(translate("KioskStaffAudit", "%1 on %2"), entry.actor, entry.kiosk_id),
            what=entry.what,
            changes="\n".join(entry.changes),
        )
