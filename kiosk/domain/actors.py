"""Who made a change: every audit row names the kiosk and the kind of person (or process) behind it."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Role(enum.StrEnum):
    """The kind of actor; staff mode and sync review changes by it (pretalx logs `person` and `orga` likewise)."""

    # Someone at the wall who is not acting on a card of their own: votes, wish-list ideas.
    ATTENDEE = "attendee"
    # Whoever adds a card, or holds its edit code.
    HOST = "host"
    # Conference staff, at the screen behind the PIN or on the command line.
    STAFF = "staff"
    # The kiosk itself: applying the config, seeding the demo, migrations, sync.
    SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class Actor:
    kiosk_id: str
    role: Role

    def __str__(self) -> str:
        return f"{self.role} on {self.kiosk_id}"
