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
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)


class AnswerDeadline:
    """Watches one engine's statements and commits; see the module docstring."""

    def __init__(self, engine: Engine, seconds: float) -> None:
        self.seconds = seconds
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self.expired = False
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
        timer = threading.Timer(self.seconds, self._expire, args=(fd,))
        timer.daemon = True
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = timer
        timer.start()

    def stop(self) -> None:
        """The answer came (or the caller is done waiting for a commit)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

    def _expire(self, fd: int | None) -> None:
        with self._lock:
            self._timer = None
        if fd is None:
            return
        self.expired = True
        log.warning("The hub did not answer within %.0f s; giving up on this connection", self.seconds)
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
