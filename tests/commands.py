"""Running the `kiosk` command in a subprocess, as a person types it: offscreen, with nothing from the developer's
own environment (no $KIOSK_CONFIG, no $KIOSK_DATA_DIR) unless a test passes it. `run_kiosk` runs it to the end,
`start_kiosk` leaves it running, `run_kiosk_in_terminal` answers its prompts on a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def kiosk_env(**extra: str) -> dict[str, str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software", **extra}
    for name in ("KIOSK_CONFIG", "KIOSK_DATA_DIR"):
        if name not in extra:
            environment.pop(name, None)
    return environment


def _command(*args: str, prefix: Sequence[str] = ()) -> list[str]:
    """`kiosk ARGS…` as this interpreter runs it, after `prefix` (a command that runs it, such as setpriv)."""
    return [*prefix, sys.executable, "-m", "kiosk.cli", *args]


def run_kiosk(
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    stdin: str | None = None,
    prefix: Sequence[str] = (),
) -> subprocess.CompletedProcess[str]:
    """`kiosk ARGS…` to completion; the caller checks the exit status and what it printed."""
    return subprocess.run(
        _command(*args, prefix=prefix),
        cwd=ROOT,
        env=kiosk_env(**(env or {})),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start_kiosk(
    *args: str, env: dict[str, str] | None = None, prefix: Sequence[str] = (), **popen_kwargs: Any
) -> subprocess.Popen[str]:
    """`kiosk ARGS…` started and left running (a `kiosk run` to stop, a sync to kill); `popen_kwargs` say where
    its output goes. The caller waits for it, or ends it."""
    return subprocess.Popen(
        _command(*args, prefix=prefix),
        cwd=ROOT,
        env=kiosk_env(**(env or {})),
        text=True,
        errors="replace",
        **popen_kwargs,
    )


def run_kiosk_in_terminal(*args: str, answers: list[str], timeout: float = 60) -> tuple[int, str]:
    """`kiosk ARGS…` on a pseudo-terminal of its own, answering its prompts line by line, as a person at SSH.

    Returns the exit status and everything the terminal showed (prompts included, with no echo of what was typed
    when the command turns echo off, as getpass does).
    """
    import fcntl
    import pty
    import select
    import termios
    import time as time_

    controller, terminal = pty.openpty()

    def take_terminal() -> None:
        # A session of its own, with this terminal as its controlling one, so /dev/tty is the terminal.
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = start_kiosk(*args, stdin=terminal, stdout=terminal, stderr=terminal, preexec_fn=take_terminal)
    os.close(terminal)
    shown = b""
    pending = list(answers)
    deadline = time_.monotonic() + timeout
    while time_.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
            # A prompt ends without a newline: answer the next one.
            if pending and chunk.rstrip().endswith(b":"):
                os.write(controller, pending.pop(0).encode() + b"\n")
        elif process.poll() is not None:
            break
    process.wait(timeout=5)
    os.close(controller)
    return process.returncode, shown.decode("utf-8", "replace")
