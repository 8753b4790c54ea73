"""Tell systemd the kiosk is up and still drawing: READY=1 after the first frame, WATCHDOG=1 from the GUI thread.

systemd starts the kiosk with `Type=notify` and `WatchdogSec=` (config/deploy/kiosk.service). It passes the
address of a datagram socket in $NOTIFY_SOCKET and the watchdog timeout in $WATCHDOG_USEC; the protocol is
sd_notify(3), a few lines of text per datagram, written here with the standard library. The heartbeat is a
QTimer on the GUI thread, so a UI that hangs (a deadlock, an endless loop, a call that never returns) stops
it and systemd restarts the kiosk: a frozen screen is caught, not only a dead process. Without $NOTIFY_SOCKET
(a terminal, the tests) it does nothing.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
from collections.abc import MutableMapping

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, Qt, QTimer, Slot
from PySide6.QtQuick import QQuickWindow

log = logging.getLogger(__name__)

NOTIFY_SOCKET = "NOTIFY_SOCKET"
WATCHDOG_USEC = "WATCHDOG_USEC"
# Set by systemd to the service's main process. Under cage that is cage, and the kiosk is its child: the
# unit's NotifyAccess=all lets systemd take the kiosk's messages, so the kiosk does not compare it with its pid.
WATCHDOG_PID = "WATCHDOG_PID"


def socket_address(value: str) -> str | None:
    """$NOTIFY_SOCKET as an AF_UNIX address: a path, or '@name' for the abstract namespace (a leading NUL byte).
    None for what this kiosk does not speak (systemd 254's 'vsock:' addresses) or an empty value."""
    if value.startswith("/"):
        return value
    if value.startswith("@") and len(value) > 1:
        return "\0" + value[1:]
    return None


def heartbeat_interval_ms(watchdog_usec: str | None) -> int | None:
    """Half the watchdog timeout, as sd_watchdog_enabled(3) advises; None when there is no (valid) timeout."""
    try:
        usec = int(watchdog_usec or "")
    except ValueError:
        return None
    if usec <= 0:
        return None
    return max(1, usec // 2000)


class SystemdNotifier(QObject):
    """READY=1 once the window has drawn its first frame, WATCHDOG=1 every `interval_ms` from the GUI thread,
    STOPPING=1 on the way out. Inactive (every method does nothing) without an address."""

    def __init__(self, address: str | None, interval_ms: int | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._address = address
        self._socket: socket.socket | None = None
        if address is not None:
            self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
            # A full queue on systemd's side must never stall the GUI thread: the datagram is dropped instead.
            self._socket.setblocking(False)
        self._heartbeat = QTimer(self)
        self._heartbeat.setTimerType(Qt.TimerType.CoarseTimer)
        if interval_ms is not None:
            self._heartbeat.setInterval(interval_ms)
            self._heartbeat.timeout.connect(self._beat)
        self._interval_ms = interval_ms
        self._window: QQuickWindow | None = None
        self._ready = False
        self._wakeup: tuple[socket.socket, socket.socket] | None = None

    @classmethod
    def from_environment(
        cls, environ: MutableMapping[str, str] | None = None, parent: QObject | None = None
    ) -> SystemdNotifier:
        """The notifier systemd asked for in the environment. The variables are taken out of it (as sd_notify's
        unset_environment does), so a program the kiosk starts cannot speak for the kiosk."""
        env = os.environ if environ is None else environ
        raw_address = env.pop(NOTIFY_SOCKET, "")
        raw_usec = env.pop(WATCHDOG_USEC, None)
        env.pop(WATCHDOG_PID, None)
        address = socket_address(raw_address)
        if raw_address and address is None:
            log.warning("NOTIFY_SOCKET=%s is not an AF_UNIX address; systemd will not hear from the kiosk", raw_address)
        return cls(address, heartbeat_interval_ms(raw_usec) if address else None, parent)

    @property
    def active(self) -> bool:
        return self._socket is not None

    @property
    def interval_ms(self) -> int | None:
        return self._interval_ms

    def send(self, *assignments: str) -> bool:
        """One datagram of `KEY=value` lines; False (and a log line) when it could not be sent."""
        if self._socket is None or self._address is None:
            return False
        try:
            self._socket.sendto("\n".join(assignments).encode(), self._address)
        except OSError as error:
            log.warning("could not tell systemd %s: %s", " ".join(assignments), error.strerror or error)
            return False
        return True

    def watch(self, window: QQuickWindow) -> None:
        """READY=1 when `window` has drawn its first frame, then the heartbeat. frameSwapped comes from the render
        thread with Qt's threaded render loop: the connection is queued, so READY and the timer's start happen on
        the GUI thread (and READY means the GUI thread is also free to handle events)."""
        if not self.active:
            return
        self._window = window
        window.frameSwapped.connect(self._first_frame, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _first_frame(self) -> None:
        if self._window is not None:
            self._window.frameSwapped.disconnect(self._first_frame)
            self._window = None
        if self._ready:
            return
        self._ready = True
        self.send("READY=1", "STATUS=Showing the board")
        if self._interval_ms is not None:
            self._beat()
            self._heartbeat.start()

    @Slot()
    def _beat(self) -> None:
        self.send("WATCHDOG=1")

    def quit_on_sigterm(self) -> None:
        """End the event loop on SIGTERM (how systemd stops a service), so the kiosk closes its window and its
        database and says STOPPING=1, instead of dying at once. Python runs signal handlers only when it gets
        control: the signal also writes to a socket Qt watches, which wakes the event loop to run it."""
        if not self.active or self._wakeup is not None:
            return
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        self._wakeup = (reader, writer)
        signal.set_wakeup_fd(writer.fileno())
        signal.signal(signal.SIGTERM, lambda _signum, _frame: QCoreApplication.quit())
        notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self._drain_wakeup)

    @Slot()
    def _drain_wakeup(self) -> None:
        if self._wakeup is not None:
            try:
                while self._wakeup[0].recv(64):
                    pass
            except BlockingIOError:
                pass

    def stopping(self) -> None:
        """STOPPING=1, and no more heartbeats: the kiosk is on its way out."""
        self._heartbeat.stop()
        self.send("STOPPING=1", "STATUS=Shutting down")

    def close(self) -> None:
        self._heartbeat.stop()
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        if self._wakeup is not None:
            signal.set_wakeup_fd(-1)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            for end in self._wakeup:
                end.close()
            self._wakeup = None


def notify_systemd(window: QQuickWindow) -> SystemdNotifier:
    """For `run()`: READY after the first frame, heartbeats, a clean exit on SIGTERM — when systemd started the
    kiosk with a notify socket; otherwise an inactive notifier."""
    notifier = SystemdNotifier.from_environment()
    if notifier.active:
        notifier.watch(window)
        notifier.quit_on_sigterm()
        beats = f"a heartbeat every {notifier.interval_ms} ms" if notifier.interval_ms else "no watchdog"
        log.info("systemd: READY after the first frame, %s", beats)
    return notifier


__all__ = ["SystemdNotifier", "heartbeat_interval_ms", "notify_systemd", "socket_address"]
