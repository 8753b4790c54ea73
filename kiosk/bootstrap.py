"""Start-up steps shared by the window and the command line: find and load the config, pick the clock,
open the board's database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC
from pathlib import Path

from kiosk import errorlog
from kiosk.config import KioskConfig, find_config, find_data_dir, load_config
from kiosk.domain.clock import Clock, RunningClock, SystemClock
from kiosk.domain.model import Event
from kiosk.domain.rules import demo_moment, is_under_way
from kiosk.options import RunOptions
from kiosk.store.service import BoardService

KIOSK_ID_FILE = "kiosk-id"


class DataDirError(Exception):
    """The data directory cannot be made or written: a path under a regular file, no permission, a full disk.

    A mistake in `--data-dir` or `$KIOSK_DATA_DIR`, so the command line shows it as one line, not a traceback.
    """

    def __init__(self, data_dir: Path, error: OSError) -> None:
        super().__init__(f"cannot use the data directory {data_dir}: {error.strerror or error}")
        self.data_dir = data_dir


@contextmanager
def data_dir_errors(data_dir: Path) -> Iterator[None]:
    """Turn a file-system failure while setting up `data_dir` into `DataDirError`."""
    try:
        yield
    except OSError as error:
        raise DataDirError(data_dir, error) from error


def load_config_for(options: RunOptions) -> KioskConfig:
    return load_config(find_config(options.config, os.environ, Path.cwd()))


def data_dir_for(options: RunOptions) -> Path:
    return find_data_dir(options.data_dir, os.environ)


DEMO_CLOCK_NOTE = "demo clock"


def clock_for(options: RunOptions, event: Event) -> Clock:
    """`--now` starts a running clock at that wall-clock time in the event's timezone."""
    return clock_and_note(options, event)[0]


def clock_and_note(options: RunOptions, event: Event, real: Clock | None = None) -> tuple[Clock, str]:
    """The kiosk's clock, and what the header says about it when it is not the real time.

    `--now` wins. Otherwise `--demo` outside its event's hours runs a clock inside the first day (the sample
    event is long over, and a board where every hour is over cannot be tried), and says so on screen.
    """
    if options.now is not None:
        return RunningClock(options.now.replace(tzinfo=event.tz).astimezone(UTC)), ""
    real = real or SystemClock()
    if options.demo and not is_under_way(event, real.now()):
        return RunningClock(demo_moment(event)), DEMO_CLOCK_NOTE
    return real, ""


def kiosk_id_for(config: KioskConfig, data_dir: Path) -> str:
    """The config's id if it names one; otherwise one made once and kept with this kiosk's data."""
    if config.kiosk.kiosk_id:
        return config.kiosk.kiosk_id
    id_file = data_dir / KIOSK_ID_FILE
    try:
        existing = id_file.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        existing = ""
    if existing:
        return existing
    data_dir.mkdir(parents=True, exist_ok=True)
    new_id = f"kiosk-{uuid.uuid4().hex[:8]}"
    id_file.write_text(new_id + "\n", encoding="utf-8")
    return new_id


def open_service(config: KioskConfig, options: RunOptions, clock: Clock) -> BoardService:
    """The board's service on the data directory; raises `DataDirError` if the folder cannot be made or written.

    SQLite's own failures (a damaged or locked file) arrive as `DatabaseUnavailable`, not OSError.
    """
    data_dir = data_dir_for(options)
    with data_dir_errors(data_dir):
        service = BoardService.open(data_dir, config.event, clock, kiosk_id_for(config, data_dir))
    recovery = service.start_check.recovery
    if recovery is not None:
        errorlog.record(data_dir, "start-up", recovery.notice())
    return service
