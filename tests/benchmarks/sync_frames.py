"""Frame times of the real kiosk window while its sync round waits on a hub that answers in 10 s (through a
TCP proxy that holds every answer), against the same window with no hub: the GUI thread never waits."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import make_url

from kiosk.paths import DEMO_CONFIG
from kiosk.sync.settings import PASSWORD_ENV
from tests.tcpproxy import TcpProxy

SECONDS = 8.0
SLOW_ANSWER = 10.0


def _config(tmp: Path, hub: str | None) -> Path:
    text = DEMO_CONFIG.read_text(encoding="utf-8")
    if hub is not None:
        text += f'\n[hub]\nurl = "{hub}"\ninterval_seconds = 1\nconnect_timeout_seconds = 60\n'
    path = tmp / ("hub.toml" if hub else "alone.toml")
    path.write_text(text, encoding="utf-8")
    return path


def _frames(
    config: Path, data: Path, *, wait_for_busy: bool, before_close: Callable[[], None] = lambda: None
) -> tuple[list[float], bool]:
    """Frame intervals (ms) over SECONDS while the board is scrolled every frame; whether sync was busy."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from kiosk.ui.app import build_kiosk
    from kiosk.ui.qtlog import install_qt_message_handler

    install_qt_message_handler()
    argv = ["--config", str(config), "--data-dir", str(data), "--now", "2023-04-21T11:30", "--size", "1920x1080"]
    kiosk = build_kiosk([*argv, "--demo"])
    window = kiosk.window
    if wait_for_busy:
        loop = QEventLoop()
        QTimer.singleShot(1500, loop.quit)
        loop.exec()
    clock = QElapsedTimer()
    intervals: list[float] = []
    last = [0.0]

    def on_frame() -> None:
        now = clock.nsecsElapsed() / 1e6
        if last[0]:
            intervals.append(now - last[0])
        last[0] = now

    window.frameSwapped.connect(on_frame)
    days = [0, 1]
    flip = QTimer(interval=16)

    def next_frame() -> None:
        # A day tab each frame: the grid redraws, as when people flick through the days.
        kiosk.board.selectDay(days[len(intervals) % 2])
        window.update()

    flip.timeout.connect(next_frame)
    clock.start()
    flip.start()
    busy_seen = False
    loop = QEventLoop()
    deadline = time.perf_counter() + SECONDS

    def check() -> None:
        nonlocal busy_seen
        busy_seen = busy_seen or bool(kiosk.vms.sync.property("busy"))
        if time.perf_counter() >= deadline:
            loop.quit()

    watch = QTimer(interval=50)
    watch.timeout.connect(check)
    watch.start()
    loop.exec()
    flip.stop()
    watch.stop()
    before_close()
    kiosk.close()
    return intervals, busy_seen


def frames_while_slow(url: str, tmp: Path) -> None:
    import os

    hub = make_url(url)
    tmp.mkdir(parents=True, exist_ok=True)
    alone, _busy = _frames(_config(tmp, None), tmp / "alone", wait_for_busy=False)
    with TcpProxy(hub.host or "127.0.0.1", hub.port or 5432) as proxy:
        os.environ[PASSWORD_ENV] = hub.password or ""
        through = hub._replace(password=None).set(port=proxy.port).render_as_string(hide_password=False)
        proxy.delay(SLOW_ANSWER)
        # The hub answers promptly again before the kiosk closes: closing waits for a connection still being
        # opened (at 10 s an answer, that would be most of a minute).
        slow, busy = _frames(
            _config(tmp, through), tmp / "slow", wait_for_busy=True, before_close=lambda: proxy.delay(0)
        )
    for name, frames in (("no hub", alone), ("hub answering in 10 s", slow)):
        ordered = sorted(frames)
        p99 = ordered[int(len(ordered) * 0.99) - 1] if ordered else 0.0
        print(
            f"  frames, {name:<22} median {statistics.median(frames):5.1f} ms, p99 {p99:5.1f} ms,"
            f" worst {max(frames):6.1f} ms over {len(frames)} frames"
        )
    ratio = statistics.median(slow) / statistics.median(alone)
    print(f"  frame time while sync waits     {ratio:5.2f}× the window without a hub (sync round under way: {busy})")
