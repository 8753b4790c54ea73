"""Damage a board's file the way a failing disk does, for the recovery tests."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def overwrite_pages(path: Path, first_page: int, count: int, byte: int = 0xA5) -> None:
    """Overwrite `count` whole pages of an SQLite file from page `first_page` (1-based) with one repeated byte."""
    with closing(sqlite3.connect(path)) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as file:
        file.seek(page_size * (first_page - 1))
        file.write(bytes([byte]) * page_size * count)
