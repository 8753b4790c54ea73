"""What sync could not settle by itself, for staff: a booking that lost its slot, or an edit made on one kiosk
while another changed the same card."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.domain.model import Card


class ConflictKind(enum.StrEnum):
    # A card the hub displaced: its slot went to a card the hub confirmed first, or the room was blocked there.
    SLOT = "slot"
    # A change made on a kiosk that had not yet seen another kiosk's change to the same row.
    EDIT = "edit"


@dataclass(frozen=True, slots=True)
class Conflict:
    id: uuid.UUID
    kind: ConflictKind
    # The table and row it is about ("sessions", a card's id; or a block, an idea...).
    entity: str
    entity_id: uuid.UUID
    at: datetime
    # For a slot conflict: the displaced card (room and start are where it wanted to be).
    card: Card | None = None
    # "taken" or "blocked" for a slot conflict; for an edit conflict the kiosk whose change lost.
    reason: str = ""
    kiosk: str = ""
    # For an edit conflict: the losing values, and which of them differ from the board's.
    values: dict[str, Any] = field(default_factory=dict)
    changed: tuple[str, ...] = ()

    @property
    def headline(self) -> str:
        if self.kind is ConflictKind.SLOT:
            why = "the room was blocked" if self.reason == "blocked" else "another kiosk booked it first"
            topic = self.card.topic if self.card is not None else "A card"
            return f"“{topic}” needs a new slot: {why}"
        what = {"sessions": "card", "blocks": "block", "ideas": "idea", "rooms": "room"}.get(self.entity, "row")
        fields = ", ".join(self.changed) or "nothing visible"
        return f"Edited on {self.kiosk} while another kiosk changed the same {what} ({fields})"
