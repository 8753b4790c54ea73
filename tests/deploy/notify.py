"""The systemd side of sd_notify for tests: a real AF_UNIX datagram socket that records what a kiosk tells it."""

from __future__ import annotations

import os
import secrets
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self


@dataclass(frozen=True)
class Message:
    received: float  # time.monotonic() when it arrived
    fields: dict[str, str]


class NotifySocket:
    """Bound like systemd's: a path, or an abstract name ('@…' in $NOTIFY_SOCKET). A thread reads it, so the
    arrival times are true even while the test's own thread (the kiosk's GUI thread, in-process) is blocked."""

    def __init__(self, path: Path | None = None) -> None:
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
        if path is None:
            name = f"open-spaces-kiosk-test-{os.getpid()}-{secrets.token_hex(4)}"
            self._socket.bind("\0" + name)
            self.address = "@" + name
        else:
            self._socket.bind(str(path))
            # The kiosk may run as another user (tests/deploy/test_cage.py): anyone may send, as to systemd's.
            path.chmod(0o777)
            self.address = str(path)
        self._socket.settimeout(0.1)
        self._messages: list[Message] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, name="notify-socket", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        while not self._stop.is_set():
            try:
                data = self._socket.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            fields = dict(line.split("=", 1) for line in data.decode().splitlines() if "=" in line)
            with self._lock:
                self._messages.append(Message(time.monotonic(), fields))

    @property
    def messages(self) -> list[Message]:
        with self._lock:
            return list(self._messages)

    def with_field(self, key: str, value: str = "1") -> list[Message]:
        return [m for m in self.messages if m.fields.get(key) == value]

    def wait_for(self, key: str, value: str = "1", *, count: int = 1, timeout: float = 30.0) -> list[Message]:
        """The first `count` messages with KEY=value, waiting up to `timeout` seconds (without an event loop)."""
        deadline = time.monotonic() + timeout
        while len(found := self.with_field(key, value)) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return found[:count]

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self._socket.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
