"""The kiosk's own record of what went wrong: uncaught exceptions from any thread, and start-up recoveries.

One JSON object per line in `<data dir>/logs/errors.jsonl`, so `kiosk check` can show the last ones to staff at a
terminal, long after the screen moved on. The file is kept small: past `MAX_BYTES` it is rotated once (`.1`).
Writing it never raises: a full or read-only disk must not turn one error into two.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)

LOG_DIR_NAME = "logs"
ERROR_LOG_NAME = "errors.jsonl"
MAX_BYTES = 512 * 1024


@dataclass(frozen=True, slots=True)
class ErrorEntry:
    at: datetime
    # Where it happened: the thread, and what the kiosk was showing.
    where: str
    # "ValueError: …": the exception's type and message, or a sentence.
    summary: str
    traceback: str = ""

    def line(self) -> str:
        return f"{self.at.astimezone().strftime('%Y-%m-%d %H:%M:%S')}  {self.where}: {self.summary}"


def error_log_path(data_dir: Path) -> Path:
    return data_dir / LOG_DIR_NAME / ERROR_LOG_NAME


def record(data_dir: Path, where: str, summary: str, trace: str = "", *, at: datetime | None = None) -> None:
    """Append one entry to the error log; a failure to write is logged, never raised."""
    entry = {"at": (at or datetime.now(UTC)).isoformat(), "where": where, "summary": summary, "traceback": trace}
    path = error_log_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_BYTES:
            path.replace(path.with_name(path.name + ".1"))
        with path.open("a", encoding="utf-8") as file:
            file.write(json.dumps(entry, ensure_ascii=False) + "\n")
    except OSError as error:
        log.error("could not write the error log %s: %s", path, error.strerror or error)


def last_errors(data_dir: Path, count: int = 5) -> list[ErrorEntry]:
    """The newest `count` entries, oldest first; lines that cannot be read are skipped."""
    path = error_log_path(data_dir)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    entries: list[ErrorEntry] = []
    for text in reversed(lines):
        if len(entries) == count:
            break
        try:
            raw = json.loads(text)
            entries.append(
                ErrorEntry(
                    datetime.fromisoformat(raw["at"]),
                    str(raw["where"]),
                    str(raw["summary"]),
                    str(raw.get("traceback", "")),
                )
            )
        except (ValueError, KeyError, TypeError):
            continue
    return entries[::-1]


def summarize(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0][:300]}" if text else type(error).__name__


class ExceptionHooks:
    """Catch what nobody else caught, in the main thread (Qt's slots and timers included: PySide hands them to
    `sys.excepthook`) and in every other thread (`threading.excepthook`): log it with context, record it for
    `kiosk check`, and tell `on_error` (the window goes back to the board) instead of dying.

    `context()` says what the kiosk was showing; `on_error(in_main_thread)` is called in the thread that failed.
    """

    def __init__(self, data_dir: Path, context: Callable[[], str], on_error: Callable[[bool], None]) -> None:
        self._data_dir = data_dir
        self._context = context
        self._on_error = on_error
        self._previous: tuple[object, object] | None = None
        self._handling = threading.local()

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, thread=args.thread)

    def handle(
        self,
        exc_type: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
        *,
        thread: threading.Thread | None = None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, error, trace)
            return
        if getattr(self._handling, "active", False):
            # The handler itself failed: say so plainly and stop, rather than loop.
            sys.__excepthook__(exc_type, error, trace)
            return
        self._handling.active = True
        try:
            thread = thread or threading.current_thread()
            main = thread is threading.main_thread()
            try:
                showing = self._context()
            except Exception:
                showing = "unknown"
            where = f"thread {thread.name}, pid {os.getpid()}, showing {showing}"
            text = "".join(traceback.format_exception(exc_type, error, trace))
            log.error("uncaught error (%s):\n%s", where, text.rstrip())
            record(self._data_dir, where, summarize(error), text)
            try:
                self._on_error(main)
            except Exception:
                log.exception("could not go back to the board after an uncaught error")
        finally:
            self._handling.active = False
