"""An audit log entry as the staff panel and `kiosk audit` show it: who did what, when, and what changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# What each action is called for a person reading the log.
ACTIONS = {
    "card.add": "added a card",
    "card.update": "changed a card",
    "card.cancel": "cancelled a card",
    "card.rebook": "gave a displaced card a new slot",
    "code.wrong": "typed a wrong edit code",
    "idea.add": "added an idea",
    "idea.vote": "voted for an idea",
    "demo.seed": "filled the board with the demo",
    "event.apply_config": "applied the config",
    "staff.open": "opened the staff panel",
    "staff.pin.wrong": "typed a wrong staff PIN",
    "staff.pin.locked": "typed too many wrong staff PINs: the pad paused",
    "staff.pin.paused": "typed a staff PIN while the pad was paused",
    "staff.card.edit": "edited a card",
    "staff.card.move": "moved a card",
    "staff.card.cancel": "cancelled a card",
    "staff.card.restore": "restored a card",
    "staff.block": "blocked a room",
    "staff.unblock": "unblocked a room",
    "staff.idea.hide": "hid an idea",
    "staff.idea.merge": "merged two ideas",
    "staff.import": "imported sessions",
    "staff.conflict.place": "gave a displaced card a new slot",
    "staff.conflict.cancel": "cancelled a displaced card",
    "staff.conflict.keep": "kept the board's version in a conflict",
    "staff.conflict.take": "took another kiosk's version in a conflict",
    "sync.join": "joined the hub",
    "sync.push": "sent changes to the hub",
    "sync.pull": "received changes from the hub",
    "board.recovered": "restored the damaged board from a backup at start",
    "board.restore": "restored a backup",
    "board.reset": "cleared the board",
    "screen.reset": "sent the screen back to today's board",
    "staff.backup": "made a backup",
    "staff.export": "exported the board",
    "staff.clock.rehearse": "set the rehearsal clock",
    "staff.clock.real": "put the clock back to real time",
    "staff.exit": "closed the kiosk application",
}


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    kiosk_id: str
    actor: str
    action: str
    entity: str
    entity_id: str | None
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def what(self) -> str:
        """The action in words, with its subject when the entry names one."""
        words = ACTIONS.get(self.action, self.action)
        subject = self.detail.get("topic") or self.detail.get("room") or ""
        reason = self.detail.get("reason")
        text = f"{words}: {subject}" if subject else words
        return f"{text} ({reason})" if reason else text

    def changes(self, show: Callable[[str, object], str] = lambda _name, value: str(value)) -> list[str]:
        """`field: old → new` for every value the change altered, each value as `show(field, value)` words it; the
        same line for many rows (clearing the board tombstones every card) once, with how many."""
        lines = []
        for values in self.detail.get("changed", {}).values():
            for name, (old, new) in values.items():
                if name not in {"version", "updated_at", "kiosk_id", "hlc"}:
                    lines.append(f"{name}: {show(name, old)} → {show(name, new)}")
        return [line if count == 1 else f"{line} ({count} rows)" for line, count in counted(lines)]


def counted(lines: list[str]) -> list[tuple[str, int]]:
    """Each distinct line once, in the order first seen, with how many times it came."""
    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    return list(counts.items())
