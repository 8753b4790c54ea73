"""Exceptions the store raises for a person's mistake or a broken database; `str(e)` is the message to show."""

# The names say what happened (SlotTaken, like the project guide's examples); an "Error" suffix would add nothing.
# ruff: noqa: N818

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.domain.model import Card


class StoreError(Exception):
    """Base for every error the board's store raises; carries a message meant for a person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UnknownSlot(StoreError):
    """The room or the start time is not a slot on this event's board."""


class SlotTaken(StoreError):
    def __init__(self, message: str = "Someone else has just taken this slot. Please pick another one.") -> None:
        super().__init__(message)


class SlotBlocked(StoreError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"This room is not available for Open Spaces at that time ({reason}).")
        self.reason = reason


class SlotInPast(StoreError):
    def __init__(self, message: str = "This slot is already over. Please pick a later one.") -> None:
        super().__init__(message)


class CardNotFound(StoreError):
    def __init__(self, message: str = "This session is no longer on the board.") -> None:
        super().__init__(message)


class IdeaNotFound(StoreError):
    def __init__(self, message: str = "This idea is no longer on the wish list.") -> None:
        super().__init__(message)


class RateLimited(StoreError):
    """Anti-spam limit reached; the message says what to wait for."""


class WrongEditCode(StoreError):
    def __init__(self, attempts_left: int) -> None:
        super().__init__(
            f"That is not this card's edit code. {attempts_left} more "
            f"{'try' if attempts_left == 1 else 'tries'} before host actions pause for a while."
        )
        self.attempts_left = attempts_left


class HostActionsLocked(StoreError):
    def __init__(self, seconds_left: int) -> None:
        super().__init__(
            f"Too many wrong codes. Editing and cancelling this card are paused for {seconds_left} seconds."
        )
        self.seconds_left = seconds_left


class DatabaseUnavailable(StoreError):
    """The database file cannot be opened, read or written; `path` is the file, `reason` the plain-words cause."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"The board's database at {path} cannot be used: {reason}")
        self.path = Path(path)
        self.reason = reason


class SessionsInTheWay(StoreError):
    """A room cannot be blocked while sessions sit in the range; `cards` lists them, to move or cancel first."""

    def __init__(self, cards: tuple[Card, ...]) -> None:
        count = len(cards)
        super().__init__(
            f"{count} {'session sits' if count == 1 else 'sessions sit'} in that time: move or cancel"
            f" {'it' if count == 1 else 'them'} first."
        )
        self.cards = cards


class BlockNotFound(StoreError):
    def __init__(self, message: str = "There is no such block on this board.") -> None:
        super().__init__(message)


class ConfigBlock(StoreError):
    def __init__(self) -> None:
        super().__init__("This block comes from the event's config file: change the file to remove it.")


class BadTimeRange(StoreError):
    """A block's start and end do not make a range within one conference day's open hours."""


class ConflictNotFound(StoreError):
    """A sync conflict that was resolved already (here, or on another kiosk), or cannot be resolved as asked."""
