"""The board's vocabulary and rules, in plain Python: no Qt, no database."""

from kiosk.domain.clock import Clock, ManualClock, RunningClock, SystemClock
from kiosk.domain.model import Block, Card, Cell, DayGrid, Event, Idea, Limits, Room, SlotState, Tag

__all__ = [
    "Block",
    "Card",
    "Cell",
    "Clock",
    "DayGrid",
    "Event",
    "Idea",
    "Limits",
    "ManualClock",
    "Room",
    "RunningClock",
    "SlotState",
    "SystemClock",
    "Tag",
]
