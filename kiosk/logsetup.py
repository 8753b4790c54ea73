"""Logging to a rotating file in the data directory, plus warnings on the terminal."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path


def configure_logging(data_dir: Path, *, verbose: bool = False) -> Path:
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "kiosk.log"
    file_handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    console = logging.StreamHandler()
    console.setLevel(logging.INFO if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("kiosk: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(file_handler)
    root.addHandler(console)
    # Alembic narrates every migration step at INFO ("Context impl SQLiteImpl", "Will assume transactional
    # DDL"); the kiosk logs one line of its own per upgrade instead (kiosk.store.migrate).
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return log_file
