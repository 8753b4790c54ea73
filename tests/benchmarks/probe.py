"""A child process for the start-up benchmark: build a window, report when its first frame is on screen, quit.

`python -m tests.benchmarks.probe bare` is the baseline (a bare Qt Quick window importing the same Qt
modules as the kiosk); `python -m tests.benchmarks.probe kiosk ARGS...` is the real kiosk via build_kiosk.
It prints one line: the wall-clock time (time.time()) of the first frame, and peak resident memory in KiB;
the parent subtracts the moment it started the process, so interpreter start-up and imports count too.
"""

from __future__ import annotations

import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")

BARE_QML = b"""
import QtQuick
import QtQuick.Controls
import QtQuick.VirtualKeyboard
Window {
    width: 1920; height: 1080; visible: true
    Label { anchors.centerIn: parent; text: "Open Spaces" }
}
"""


def report_first_frame(window: object) -> None:
    from PySide6.QtCore import QCoreApplication

    def on_frame() -> None:
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"FIRST_FRAME {time.time():.6f} {peak_kib}", flush=True)
        QCoreApplication.exit(0)

    window.frameSwapped.connect(on_frame)  # type: ignore[attr-defined]


def main(argv: list[str]) -> int:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine

    if argv[0] in ("bare", "bare+sqlalchemy"):
        if argv[0] == "bare+sqlalchemy":
            # The same window plus the ORM the kiosk cannot start without: what our own code costs on top.
            import sqlalchemy.orm  # noqa: F401

        app = QGuiApplication(sys.argv[:1])
        engine = QQmlApplicationEngine()
        engine.loadData(BARE_QML)
        report_first_frame(engine.rootObjects()[0])
        code = app.exec()
        del engine
        return code

    from kiosk.ui.app import build_kiosk
    from kiosk.ui.qtlog import install_qt_message_handler

    install_qt_message_handler()
    kiosk = build_kiosk(argv[1:])
    report_first_frame(kiosk.window)
    code = kiosk.app.exec()
    kiosk.close()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
