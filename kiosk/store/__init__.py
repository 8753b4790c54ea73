"""The board's database: SQLite tables, migrations and backups, and BoardService, the only way the board changes."""

from kiosk.store.errors import (
    CardNotFound,
    DatabaseUnavailable,
    HostActionsLocked,
    IdeaNotFound,
    RateLimited,
    SlotBlocked,
    SlotInPast,
    SlotTaken,
    StoreError,
    UnknownSlot,
    WrongEditCode,
)
from kiosk.store.migrate import backup_to, migrate
from kiosk.store.service import AddedCard, BoardService, CardDraft

__all__ = [
    "AddedCard",
    "BoardService",
    "CardDraft",
    "CardNotFound",
    "DatabaseUnavailable",
    "HostActionsLocked",
    "IdeaNotFound",
    "RateLimited",
    "SlotBlocked",
    "SlotInPast",
    "SlotTaken",
    "StoreError",
    "UnknownSlot",
    "WrongEditCode",
    "backup_to",
    "migrate",
]
