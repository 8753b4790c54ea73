"""What travels between a kiosk and the hub: outbox entries going up, hub rows coming down, and what the hub
made of each entry."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


@dataclass(frozen=True, slots=True)
class Entry:
    """One change to one synced row, as the kiosk's outbox holds it."""

    entry_id: uuid.UUID
    table: str
    row_id: uuid.UUID
    # The state the change was made on (0 and "" for a new row), and the state it made.
    base_version: int
    base_hlc: str
    version: int
    hlc: str
    payload: dict[str, Any]


@dataclass(frozen=True, slots=True)
class HubRow:
    """A row as the hub has it: the board of record."""

    table: str
    row_id: uuid.UUID
    version: int
    hlc: str
    kiosk_id: str
    deleted: bool
    displaced: bool
    seq: int
    payload: dict[str, Any]

    @property
    def live_session(self) -> bool:
        return self.table == "sessions" and not self.deleted and not self.displaced


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    # The hub already had exactly this content (two kiosks made the same room from one config).
    SAME = "same"
    # The hub took this entry before; its answer was lost on the way back.
    REPLAYED = "replayed"
    # The row changed on the hub since this kiosk's change was based on it: kept as a conflict for staff.
    EDIT_CONFLICT = "edit conflict"
    # A booking whose slot the hub had already given to another card (or a room blocked there): kept, off the
    # grid, with a conflict for staff.
    DISPLACED = "displaced"


@dataclass(frozen=True, slots=True)
class PushResult:
    entry_id: uuid.UUID
    outcome: Outcome
    # The row as the hub has it after this entry; the kiosk takes it over unless it has newer changes pending.
    row: HubRow
