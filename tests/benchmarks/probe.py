"""A child process for the start-up benchmark: build a window, report when its first frame is on screen, quit.

`python -m tests.benchmarks.probe bare` is the baseline: a bare Qt Quick window importing the same Qt modules as
the kiosk. `python -m tests.benchmarks.probe bare+sqlalchemy` is the same window that first imports
`sqlalchemy.orm`, as the kiosk imports its store before Qt. `python -m tests.benchmarks.probe kiosk ARGS...` is the
real kiosk started as `kiosk ARGS...` starts it (`kiosk.cli.main`, so the same imports in the same order), stopped
at its first frame. It prints one line: the wall-clock time (time.time()) of the first frame, and peak resident
memory in KiB; the parent subtracts the moment it started the process, so interpreter start-up and imports count.
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


def bare(with_orm: bool) -> int:
    if with_orm:
        # Before Qt, as the kiosk imports its store: PySide6 reads the source of every module imported after it
        # (its __feature__ import hook), which would add ~0.1 s and ~15 MiB to this baseline alone.
        import sqlalchemy.orm  # noqa: F401

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine

    app = QGuiApplication(sys.argv[:1])
    engine = QQmlApplicationEngine()
    engine.loadData(BARE_QML)
    report_first_frame(engine.rootObjects()[0])
    code = app.exec()
    del engine
    return code


def kiosk(argv: list[str]) -> int:
    import kiosk.cli
    import kiosk.ui.app

    build_kiosk = kiosk.ui.app.build_kiosk

    def build_and_report(argv: list[str]) -> kiosk.ui.app.KioskApp:
        built = build_kiosk(argv)
        report_first_frame(built.window)
        return built

    kiosk.ui.app.build_kiosk = build_and_report  # what `kiosk.ui.app.run` calls
    return kiosk.cli.main(argv)


def main(argv: list[str]) -> int:
    if argv[0] in ("bare", "bare+sqlalchemy"):
        return bare(with_orm=argv[0] == "bare+sqlalchemy")
    return kiosk(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
