"""The kiosk's side of systemd's notify protocol, against a real AF_UNIX datagram socket: READY only after the
first frame, WATCHDOG from the GUI thread (so a blocked GUI thread stops it), STOPPING on the way out, and
nothing at all without $NOTIFY_SOCKET."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickWindow
from pytestqt.qtbot import QtBot

from kiosk.paths import DEMO_CONFIG
from kiosk.ui.watchdog import SystemdNotifier, heartbeat_interval_ms, socket_address
from tests.commands import start_kiosk
from tests.deploy.notify import NotifySocket


@pytest.mark.parametrize(
    ("value", "address"),
    [
        ("/run/systemd/notify", "/run/systemd/notify"),
        ("@/org/freedesktop/systemd1/notify/42", "\0/org/freedesktop/systemd1/notify/42"),
        ("@", None),
        ("vsock:2:1234", None),
        ("", None),
        ("relative/path", None),
    ],
)
def test_notify_socket_addresses(value: str, address: str | None) -> None:
    assert socket_address(value) == address


@pytest.mark.parametrize(
    ("usec", "interval"),
    [("30000000", 15000), ("200000", 100), ("1", 1), ("0", None), ("-5", None), ("soon", None), (None, None)],
)
def test_heartbeat_every_half_the_watchdog_timeout(usec: str | None, interval: int | None) -> None:
    assert heartbeat_interval_ms(usec) == interval


def test_without_notify_socket_it_does_nothing(qtbot: QtBot) -> None:
    environ = {"WATCHDOG_USEC": "200000"}
    notifier = SystemdNotifier.from_environment(environ)
    window = QQuickWindow()
    notifier.watch(window)
    window.resize(200, 200)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(300)
    assert not notifier.active
    assert notifier.interval_ms is None
    assert notifier.send("READY=1") is False
    notifier.stopping()
    notifier.close()
    window.close()


def test_the_environment_is_taken_so_children_cannot_speak_for_the_kiosk(qtbot: QtBot) -> None:
    environ = {"NOTIFY_SOCKET": "@x", "WATCHDOG_USEC": "1000000", "WATCHDOG_PID": "1", "HOME": "/home/kiosk"}
    notifier = SystemdNotifier.from_environment(environ)
    assert notifier.active
    assert notifier.interval_ms == 500
    assert environ == {"HOME": "/home/kiosk"}
    notifier.close()


@pytest.mark.parametrize("where", ["abstract", "path"])
def test_ready_after_the_first_frame_then_heartbeats_that_stop_when_the_gui_thread_blocks(
    qtbot: QtBot, tmp_path: Path, where: str
) -> None:
    with NotifySocket(tmp_path / "notify" if where == "path" else None) as systemd:
        notifier = SystemdNotifier.from_environment({"NOTIFY_SOCKET": systemd.address, "WATCHDOG_USEC": "200000"})
        assert notifier.interval_ms == 100
        window = QQuickWindow()
        window.setColor(QColor("#14213d"))
        window.resize(320, 240)
        frames: list[float] = []
        window.frameSwapped.connect(lambda: frames.append(time.monotonic()))
        notifier.watch(window)

        # Nothing is drawn yet: systemd must not hear READY.
        qtbot.wait(300)
        assert systemd.messages == []

        window.show()
        qtbot.waitUntil(lambda: bool(systemd.with_field("READY")), timeout=10_000)
        ready = systemd.with_field("READY")
        assert len(ready) == 1
        assert frames and frames[0] <= ready[0].received
        assert ready[0].fields.get("STATUS") == "Showing the board"

        # A heartbeat every 100 ms while the event loop runs.
        qtbot.wait(1000)
        beats = [m.received for m in systemd.with_field("WATCHDOG")]
        assert len(beats) >= 6, beats

        # The GUI thread blocked for 0.8 s (a hang): no heartbeat comes, though the process lives on.
        blocked_at = time.monotonic()
        time.sleep(0.8)
        unblocked_at = time.monotonic()
        during = [m for m in systemd.with_field("WATCHDOG") if blocked_at + 0.05 < m.received < unblocked_at]
        assert during == []

        # Once it runs again, so do the heartbeats.
        qtbot.wait(400)
        after = [m for m in systemd.with_field("WATCHDOG") if m.received > unblocked_at]
        assert len(after) >= 2

        notifier.stopping()
        qtbot.waitUntil(lambda: bool(systemd.with_field("STOPPING")), timeout=2000)
        stopped_at = time.monotonic()
        qtbot.wait(300)
        assert [m for m in systemd.with_field("WATCHDOG") if m.received > stopped_at] == []
        notifier.close()
        window.close()


def test_kiosk_run_tells_systemd_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    """The real `kiosk run` (its `run()`), as systemd starts it: READY, heartbeats, then SIGTERM ends it with
    exit status 0 and STOPPING=1."""
    with NotifySocket() as systemd:
        run = ("run", "--config", str(DEMO_CONFIG), "--data-dir", str(tmp_path / "data"), "--now", "2023-04-21T11:20")
        env = {"NOTIFY_SOCKET": systemd.address, "WATCHDOG_USEC": "400000"}
        kiosk = start_kiosk(*run, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            assert systemd.wait_for("READY", timeout=60), "no READY=1 from kiosk run"
            assert len(systemd.wait_for("WATCHDOG", count=3, timeout=10)) == 3
            kiosk.send_signal(signal.SIGTERM)
            output, _ = kiosk.communicate(timeout=30)
        finally:
            if kiosk.poll() is None:
                kiosk.kill()
                kiosk.communicate()
        assert kiosk.returncode == 0, output
        assert systemd.wait_for("STOPPING", timeout=2), "no STOPPING=1 on SIGTERM"
        order = [next(iter(m.fields)) for m in systemd.messages]
        assert order[0] == "READY"
        assert order[-1] == "STOPPING"
