"""A client-side deadline for every answer from the hub.

A hub that has stopped answering without closing the connection (a hung server, a router that swallows
packets, a proxy that stalls) leaves a query waiting forever: the server's `statement_timeout` never starts, and
TCP keepalives are answered by whatever sits in between. So each statement and each commit gets a deadline on
this side; when it passes, the connection's socket is shut down, the wait ends with an error, and the round
reports "the hub did not answer". A slow hub that does answer, even after many seconds, is waited for.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

# How long the watcher thread waits for another statement before it ends.
_IDLE_SECONDS = 10.0


class AnswerDeadline:
    """Watches one engine's statements and commits; see the module docstring.

    One watcher thread per deadline (started at the first statement) sleeps until the answer in flight is due;
    `start` and `stop` only move that due time, so a pull of thousands of rows costs no thread per statement.
    `abort` gives up at once, now and for every later statement: a kiosk shutting down does not wait for a hub
    that answers in minutes."""

    def __init__(self, engine: Engine, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self.aborted = False
        self._cond = threading.Condition()
        self._due: float | None = None
        self._fd: int | None = None
        self._watcher: threading.Thread | None = None
        sa.event.listen(engine, "before_cursor_execute", self._before_execute)
        sa.event.listen(engine, "after_cursor_execute", self._after_execute)
        sa.event.listen(engine, "commit", self._before_commit)
        sa.event.listen(engine, "handle_error", self._on_error)

    def _before_execute(self, connection: sa.Connection, *_args: Any) -> None:
        self.start(connection)

    def _after_execute(self, *_args: Any) -> None:
        self.stop()

    def _before_commit(self, connection: sa.Connection) -> None:
        self.start(connection)

    def _on_error(self, _context: Any) -> None:
        self.stop()

    def start(self, connection: sa.Connection) -> None:
        fd = _socket_of(connection)
        with self._cond:
            self._fd = fd
            if self.aborted:
                self._due = None
            else:
                self._due = time.monotonic() + self.seconds
                if self._watcher is None:
                    self._watcher = threading.Thread(target=self._watch, name="hub-deadline", daemon=True)
                    self._watcher.start()
                self._cond.notify()
        if self.aborted:
            _shut_down(fd)

    def stop(self) -> None:
        """The answer came (or the caller is done waiting for a commit)."""
        with self._cond:
            self._due = None

    def abort(self) -> None:
        """Give up on the answer in flight and on every later one (from any thread)."""
        with self._cond:
            self.aborted = True
            fd, self._due = self._fd, None
            self._cond.notify()
        _shut_down(fd)

    def _watch(self) -> None:
        while True:
            with self._cond:
                while self._due is None or time.monotonic() < self._due:
                    if self.aborted:
                        self._watcher = None
                        return
                    if self._due is None:
                        # Between rounds: the thread ends after a while with nothing to watch (the next
                        # statement starts another), so a syncer that is dropped leaves no thread behind.
                        if not self._cond.wait(_IDLE_SECONDS) and self._due is None:
                            self._watcher = None
                            return
                    else:
                        self._cond.wait(max(self._due - time.monotonic(), 0.0))
                fd, self._due = self._fd, None
                self.expired = True
            log.warning("The hub did not answer within %.0f s; giving up on this connection", self.seconds)
            _shut_down(fd)


def _shut_down(fd: int | None) -> None:
    """End every wait on the socket `fd`: the driver's next read fails at once."""
    if fd is None:
        return
    try:
        # A duplicate of the descriptor, so the driver's own is left for it to close.
        with socket.socket(fileno=os.dup(fd)) as sock:
            sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _socket_of(connection: sa.Connection) -> int | None:
    try:
        raw: Any = connection.connection.dbapi_connection
        fd = raw.pgconn.socket
    except Exception:
        return None
    return fd if isinstance(fd, int) and fd >= 0 else None
