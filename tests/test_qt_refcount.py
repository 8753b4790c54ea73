"""Why the kiosk needs Python 3.12: PySide6 6.12.0 drops a reference to None on every void call under 3.11.

On Python 3.11 each `QTimer.start()`, `setObjectName()`, `QTest.qWait()` … returns None to Python without
counting the reference, so after some thousands of calls None's count reaches zero and the interpreter aborts
("none_dealloc: deallocating None") — mid-day on a kiosk that restarts its idle timer on every touch.
Python 3.12 made None immortal, which makes the bug harmless. This test fails on any interpreter where the
drain is real, so a change of Python or PySide6 cannot bring the crash back unnoticed.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot


def test_void_qt_calls_do_not_drain_none(qtbot: QtBot) -> None:
    timer, thing = QTimer(), QObject()

    def burst() -> None:
        for _ in range(500):
            timer.start(1000)
            timer.stop()
            thing.setObjectName("x")

    burst()
    gc.collect()
    before = sys.getrefcount(None)
    burst()
    gc.collect()
    # The bug loses 1,500 references here; ordinary interpreter noise is a handful.
    assert sys.getrefcount(None) - before > -100, "this Python/PySide6 pair leaks references to None"
