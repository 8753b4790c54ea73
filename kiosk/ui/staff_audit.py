"""KioskStaffAudit: the audit log, newest first, for everything or for one card."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.domain.audit import AuditEntry, counted
from kiosk.domain.model import Event
from kiosk.store.errors import StoreError
from kiosk.store.service import BoardService
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.datelabels import short_when
from kiosk.ui.fields import field_name, field_value, room_names
from kiosk.ui.rowsmodel import KioskRowsModel
from kiosk.ui.translation import QT_TRANSLATE_NOOP, fill, translate

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

SHOWN = 200

# `kiosk.domain.audit.ACTIONS` (the command line's words), for the screen.
ACTION_WORDS = {
    "card.add": QT_TRANSLATE_NOOP("KioskStaffAudit", "added a card"),
    "card.update": QT_TRANSLATE_NOOP("KioskStaffAudit", "changed a card"),
    "card.cancel": QT_TRANSLATE_NOOP("KioskStaffAudit", "cancelled a card"),
    "card.rebook": QT_TRANSLATE_NOOP("KioskStaffAudit", "gave a displaced card a new slot"),
    "code.wrong": QT_TRANSLATE_NOOP("KioskStaffAudit", "typed a wrong edit code"),
    "idea.add": QT_TRANSLATE_NOOP("KioskStaffAudit", "added an idea"),
    "idea.vote": QT_TRANSLATE_NOOP("KioskStaffAudit", "voted for an idea"),
    "demo.seed": QT_TRANSLATE_NOOP("KioskStaffAudit", "filled the board with the demo"),
    "event.apply_config": QT_TRANSLATE_NOOP("KioskStaffAudit", "applied the config"),
    "staff.open": QT_TRANSLATE_NOOP("KioskStaffAudit", "opened the staff panel"),
    "staff.pin.wrong": QT_TRANSLATE_NOOP("KioskStaffAudit", "typed a wrong staff PIN"),
    "staff.pin.locked": QT_TRANSLATE_NOOP("KioskStaffAudit", "typed too many wrong staff PINs: the pad paused"),
    "staff.pin.paused": QT_TRANSLATE_NOOP("KioskStaffAudit", "typed a staff PIN while the pad was paused"),
    "staff.card.edit": QT_TRANSLATE_NOOP("KioskStaffAudit", "edited a card"),
    "staff.card.move": QT_TRANSLATE_NOOP("KioskStaffAudit", "moved a card"),
    "staff.card.cancel": QT_TRANSLATE_NOOP("KioskStaffAudit", "cancelled a card"),
    "staff.card.restore": QT_TRANSLATE_NOOP("KioskStaffAudit", "restored a card"),
    "staff.block": QT_TRANSLATE_NOOP("KioskStaffAudit", "blocked a room"),
    "staff.unblock": QT_TRANSLATE_NOOP("KioskStaffAudit", "unblocked a room"),
    "staff.idea.hide": QT_TRANSLATE_NOOP("KioskStaffAudit", "hid an idea"),
    "staff.idea.merge": QT_TRANSLATE_NOOP("KioskStaffAudit", "merged two ideas"),
    "staff.import": QT_TRANSLATE_NOOP("KioskStaffAudit", "imported sessions"),
    "staff.conflict.place": QT_TRANSLATE_NOOP("KioskStaffAudit", "gave a displaced card a new slot"),
    "staff.conflict.cancel": QT_TRANSLATE_NOOP("KioskStaffAudit", "cancelled a displaced card"),
    "staff.conflict.keep": QT_TRANSLATE_NOOP("KioskStaffAudit", "kept the board's version in a conflict"),
    "staff.conflict.take": QT_TRANSLATE_NOOP("KioskStaffAudit", "took another kiosk's version in a conflict"),
    "sync.join": QT_TRANSLATE_NOOP("KioskStaffAudit", "joined the hub"),
    "sync.push": QT_TRANSLATE_NOOP("KioskStaffAudit", "sent changes to the hub"),
    "sync.pull": QT_TRANSLATE_NOOP("KioskStaffAudit", "received changes from the hub"),
    "board.recovered": QT_TRANSLATE_NOOP("KioskStaffAudit", "restored the damaged board from a backup at start"),
    "board.restore": QT_TRANSLATE_NOOP("KioskStaffAudit", "restored a backup"),
    "board.reset": QT_TRANSLATE_NOOP("KioskStaffAudit", "cleared the board"),
    "screen.reset": QT_TRANSLATE_NOOP("KioskStaffAudit", "sent the screen back to today's board"),
    "staff.backup": QT_TRANSLATE_NOOP("KioskStaffAudit", "made a backup"),
    "staff.export": QT_TRANSLATE_NOOP("KioskStaffAudit", "exported the board"),
    "staff.clock.rehearse": QT_TRANSLATE_NOOP("KioskStaffAudit", "set the rehearsal clock"),
    "staff.clock.real": QT_TRANSLATE_NOOP("KioskStaffAudit", "put the clock back to real time"),
    "staff.exit": QT_TRANSLATE_NOOP("KioskStaffAudit", "closed the kiosk application"),
}
# Who did it: `kiosk.domain.actors.Role`.
ROLE_WORDS = {
    "attendee": QT_TRANSLATE_NOOP("KioskStaffAudit", "attendee"),
    "host": QT_TRANSLATE_NOOP("KioskStaffAudit", "host"),
    "staff": QT_TRANSLATE_NOOP("KioskStaffAudit", "staff"),
    "system": QT_TRANSLATE_NOOP("KioskStaffAudit", "system"),
}
# Bookkeeping columns a change always touches.
_UNSHOWN = {"version", "updated_at", "kiosk_id", "hlc"}


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
        actor = translate("KioskStaffAudit", ROLE_WORDS[entry.actor]) if entry.actor in ROLE_WORDS else entry.actor
        return AuditRowView(
            when=short_when(event, entry.at),
            who=fill(translate("KioskStaffAudit", "%1 on %2"), actor, entry.kiosk_id),
            what=audit_what(entry),
            changes="\n".join(audit_changes(entry, event)),
        )


def audit_what(entry: AuditEntry) -> str:
    """`AuditEntry.what` in the kiosk's language: the action in words, its subject and reason as they were typed."""
    words = ACTION_WORDS.get(entry.action)
    text = translate("KioskStaffAudit", words) if words is not None else entry.action
    subject = entry.detail.get("topic") or entry.detail.get("room") or ""
    reason = entry.detail.get("reason")
    text = f"{text}: {subject}" if subject else text
    return f"{text} ({reason})" if reason else text


def audit_changes(entry: AuditEntry, event: Event) -> list[str]:
    """`AuditEntry.changes` in the kiosk's language: `Host: Ada → Grace`, values as the board shows them."""
    rooms = room_names(event)
    lines = []
    for values in entry.detail.get("changed", {}).values():
        for name, (old, new) in values.items():
            if name not in _UNSHOWN:
                shown = (field_value(event, name, value, rooms) for value in (old, new))
                lines.append("{}: {} → {}".format(field_name(name), *shown))
    # The same line for many rows (clearing the board) once, with how many.
    return [
        line if count == 1 else fill(translate("KioskStaffAudit", "%1 (%n row(s))", "", count), line)
        for line, count in counted(lines)
    ]
