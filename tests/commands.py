"""Running the `kiosk` command in a subprocess, as a person types it: offscreen, with nothing from the developer's
own environment (no $KIOSK_CONFIG, no $KIOSK_DATA_DIR) unless a test passes it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def kiosk_env(**extra: str) -> dict[str, str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software", **extra}
    for name in ("KIOSK_CONFIG", "KIOSK_DATA_DIR"):
        if name not in extra:
            environment.pop(name, None)
    return environment


def run_kiosk(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`kiosk ARGS…` to completion; the caller checks the exit status and what it printed."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli", *args],
        cwd=ROOT,
        env=kiosk_env(**(env or {})),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
