"""A TCP proxy for tests that plays a bad network between a client and a server (here: the kiosk and its hub).

    with TcpProxy("127.0.0.1", cluster.port) as proxy:
        url = cluster.superuser_url(database, port=proxy.port)
        proxy.pause()        # a hung link: nothing moves, connections stay open, data waits
        proxy.resume()       # everything held is delivered
        proxy.delay(10)      # a slow hub: every answer arrives 10 s late
        proxy.cut()          # the link drops: every open connection is reset (RST), mid-transfer or not
        proxy.refuse(True)   # new connections are accepted and reset at once; open ones carry on

One thread accepts, one thread per connection moves bytes both ways with select() on non-blocking sockets, so every
control takes effect at once, whatever the sockets are doing. All threads are daemons, named "tcpproxy-…", and
`close()` joins every one of them: after it, the proxy has left no thread, socket or connection behind.
"""

from __future__ import annotations

import contextlib
import select
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self

CHUNK = 65536
# Past this many bytes held in one direction (paused or delayed), the proxy stops reading: TCP backpressure.
MAX_HELD = 4 * 1024 * 1024
CONNECT_TIMEOUT = 5.0
JOIN_TIMEOUT = 5.0


def reset(sock: socket.socket) -> None:
    """Close `sock` abruptly: SO_LINGER 0 makes the kernel send RST instead of FIN and drop unsent data."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


@dataclass
class _Direction:
    """Bytes travelling one way: read from `source`, held in `held` until due, written to `target`."""

    source: socket.socket
    target: socket.socket
    delayed: bool
    held: deque[tuple[float, bytes]] = field(default_factory=deque)
    held_bytes: int = 0
    eof: bool = False  # the source has closed its sending side
    shut: bool = False  # ... and that has been passed on to the target


class _Link:
    """One proxied connection and the thread that serves it."""

    def __init__(self, proxy: TcpProxy, client: socket.socket, number: int) -> None:
        self.proxy = proxy
        self.client = client
        self.upstream: socket.socket | None = None
        self.aborting = False
        self._wake_read, self._wake_write = socket.socketpair()
        self.thread = threading.Thread(target=self._run, name=f"tcpproxy-{proxy.port}-link-{number}", daemon=True)

    def wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_write.send(b"\0")

    def abort(self) -> None:
        """Reset both ends; returns at once, the link's thread does it (join the thread to wait for it)."""
        self.aborting = True
        self.wake()

    def _run(self) -> None:
        try:
            self.upstream = socket.create_connection(
                (self.proxy.target_host, self.proxy.target_port), timeout=CONNECT_TIMEOUT
            )
        except OSError:
            self.upstream = None
        try:
            if self.upstream is not None and not self.aborting:
                self._pump(self.upstream)
            else:
                self.aborting = True
        except OSError:
            self.aborting = True
        finally:
            self._finish()

    def _pump(self, upstream: socket.socket) -> None:
        self.client.setblocking(False)
        upstream.setblocking(False)
        # Delay applies to answers (server to client), so that each request/answer round trip is that much slower.
        directions = (_Direction(self.client, upstream, delayed=False), _Direction(upstream, self.client, delayed=True))
        while not self.aborting:
            if all(d.shut for d in directions):
                return
            paused = self.proxy.paused
            now = time.monotonic()
            readable: list[socket.socket] = [self._wake_read]
            writable: list[socket.socket] = []
            timeout: float | None = None
            if not paused:
                for d in directions:
                    if not d.eof and d.held_bytes < MAX_HELD:
                        readable.append(d.source)
                    if d.held:
                        due = d.held[0][0]
                        if due <= now:
                            writable.append(d.target)
                        else:
                            timeout = due - now if timeout is None else min(timeout, due - now)
            ready_read, ready_write, _ = select.select(readable, writable, [], timeout)
            if self._wake_read in ready_read:
                with contextlib.suppress(BlockingIOError):
                    self._wake_read.recv(4096)
            for d in directions:
                if d.source in ready_read and self._receive(d):
                    return
            for d in directions:
                if d.target in ready_write:
                    self._send(d)
                if d.eof and not d.held and not d.shut:
                    # Pass the half-close on (FIN), as a plain TCP connection would.
                    with contextlib.suppress(OSError):
                        d.target.shutdown(socket.SHUT_WR)
                    d.shut = True

    def _receive(self, d: _Direction) -> bool:
        """Read what `d.source` has; True when the connection was reset and the link must be torn down."""
        try:
            data = d.source.recv(CHUNK)
        except BlockingIOError:
            return False
        except OSError:
            self.aborting = True
            return True
        if not data:
            d.eof = True
            return False
        delay = self.proxy.latency if d.delayed else 0.0
        d.held.append((time.monotonic() + delay, data))
        d.held_bytes += len(data)
        return False

    def _send(self, d: _Direction) -> None:
        now = time.monotonic()
        while d.held and d.held[0][0] <= now and not self.proxy.paused:
            due, data = d.held[0]
            try:
                sent = d.target.send(data)
            except BlockingIOError:
                return
            except OSError:
                self.aborting = True
                return
            self.proxy._count(sent, to_target=d.target is not self.client)
            d.held_bytes -= sent
            if sent < len(data):
                d.held[0] = (due, data[sent:])
                return
            d.held.popleft()

    def _finish(self) -> None:
        for sock in (self.client, self.upstream):
            if sock is None:
                continue
            if self.aborting:
                reset(sock)
            else:
                sock.close()
        self._wake_read.close()
        self._wake_write.close()
        self.proxy._forget(self)


class TcpProxy:
    """Forwards 127.0.0.1:`port` (a free port) to `target_host`:`target_port`, with knobs to break the link."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target_host = target_host
        self.target_port = target_port
        self.paused = False
        self.latency = 0.0
        self.refusing = False
        self.connections_accepted = 0
        self.bytes_to_target = 0
        self.bytes_to_client = 0
        self._lock = threading.Lock()
        self._links: set[_Link] = set()
        self._threads: list[threading.Thread] = []  # every link thread not yet known to have ended
        self._closed = False
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.host = "127.0.0.1"
        self.port: int = self._listener.getsockname()[1]
        self._wake_read, self._wake_write = socket.socketpair()
        self._acceptor = threading.Thread(target=self._accept_loop, name=f"tcpproxy-{self.port}-accept", daemon=True)
        self._acceptor.start()

    # -- controls ----------------------------------------------------------------------------------------------

    def pause(self) -> None:
        """Stop moving bytes in both directions; connections stay open, data waits (a hung network or hub)."""
        self.paused = True
        self._wake_links()

    def resume(self) -> None:
        """Move bytes again, starting with everything held while paused."""
        self.paused = False
        self._wake_links()

    def delay(self, seconds: float) -> None:
        """Hold every chunk the target sends `seconds` before passing it on: each round trip gets that much slower.

        Latency, not a bandwidth limit: chunks in flight are delayed together, not one after the other. It applies
        to chunks read from now on. A PostgreSQL login (scram-sha-256) takes about four round trips, a simple query one.
        """
        self.latency = max(0.0, seconds)
        self._wake_links()

    def refuse(self, refusing: bool = True) -> None:
        """While on, new connections are accepted and reset at once; connections already open carry on."""
        self.refusing = refusing

    def cut(self) -> None:
        """Reset (RST) every open connection at both ends, as a dropped link does; the proxy keeps accepting."""
        with self._lock:
            links = list(self._links)
        for link in links:
            link.abort()
        for link in links:
            link.thread.join(JOIN_TIMEOUT)

    @property
    def bytes_forwarded(self) -> int:
        """Bytes delivered so far, both directions together."""
        with self._lock:
            return self.bytes_to_target + self.bytes_to_client

    @property
    def open_connections(self) -> int:
        with self._lock:
            return len(self._links)

    def close(self) -> None:
        """Stop listening, reset every connection and join every thread."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(OSError):
            self._wake_write.send(b"\0")
        self._acceptor.join(JOIN_TIMEOUT)
        self._listener.close()
        self._wake_read.close()
        self._wake_write.close()
        self.cut()
        for thread in self._threads:
            thread.join(JOIN_TIMEOUT)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<TcpProxy 127.0.0.1:{self.port} -> {self.target_host}:{self.target_port}>"

    # -- inner workings ----------------------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        number = 0
        while True:
            ready, _, _ = select.select([self._listener, self._wake_read], [], [])
            if self._wake_read in ready:
                return
            try:
                client, _ = self._listener.accept()
            except OSError:
                continue
            if self.refusing:
                reset(client)
                continue
            number += 1
            link = _Link(self, client, number)
            with self._lock:
                self.connections_accepted += 1
                self._links.add(link)
            self._threads = [thread for thread in self._threads if thread.is_alive()]
            self._threads.append(link.thread)
            link.thread.start()

    def _wake_links(self) -> None:
        with self._lock:
            links = list(self._links)
        for link in links:
            link.wake()

    def _count(self, sent: int, *, to_target: bool) -> None:
        with self._lock:
            if to_target:
                self.bytes_to_target += sent
            else:
                self.bytes_to_client += sent

    def _forget(self, link: _Link) -> None:
        with self._lock:
            self._links.discard(link)
