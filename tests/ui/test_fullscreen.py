"""Fullscreen on a bare X server, as a kiosk boots without a window manager: the window takes its screen's size.

The offscreen platform fakes fullscreen, so this runs the kiosk in a child process on Xvfb (which `.ci/run`
installs) with Qt's X11 platform.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.commands import ROOT, kiosk_env

CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtTest import QTest
    from kiosk.ui.app import build_kiosk
    kiosk = build_kiosk(["--data-dir", sys.argv[1], "--now", "2023-04-21T11:30"])  # fullscreen: no --size
    QTest.qWait(500)
    s, w = kiosk.window.screen().geometry(), kiosk.window.geometry()
    print(f"screen={s.width()}x{s.height()}+{s.x()}+{s.y()} window={w.width()}x{w.height()}+{w.x()}+{w.y()}")
    kiosk.close()
    """
)


@pytest.mark.skipif(shutil.which("Xvfb") is None and os.environ.get("CI") != "true", reason="needs Xvfb")
@pytest.mark.parametrize("screen", ["1080x1920", "1280x720"])
def test_fullscreen_fills_the_screen_without_a_window_manager(tmp_path: Path, screen: str) -> None:
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{screen}x24", "-nolisten", "tcp"], pass_fds=(write,)
    )
    os.close(write)
    try:
        display = os.read(read, 16).decode().strip()
        env = kiosk_env(DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb")
        env.pop("QT_QUICK_BACKEND", None)
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(tmp_path / "data")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip().splitlines()[-1] == f"screen={screen}+0+0 window={screen}+0+0"
    finally:
        os.close(read)
        xvfb.terminate()
        xvfb.wait()
