"""Start-up, memory and day-switch benchmark for the board (the board's start-up targets).

Run: `uv run python -m tests.benchmarks.startup [--runs 5]`. It first says whether the modules it starts have
compiled bytecode beside them (a kiosk runs with `PYTHONDONTWRITEBYTECODE=1` or a read-only disk, so without
it every start compiles from source); `--compile` compiles the kiosk's own modules first, as an install does
for the dependencies (`compile-bytecode` in pyproject.toml). Every figure is a ratio against a baseline
measured in the same run on the same machine, so a busy or slow machine moves both sides alike:
- cold start to the first frame, and peak memory, of the demo board vs a bare Qt Quick window that imports
  the same Qt modules (targets: ≤ 1.5× and ≤ 1.3×);
- the large board (40 rooms × 3 days × 10 hours, 1,000 sessions) vs the demo board (target: ≤ 1.2×);
- switching days on the large board, in milliseconds to the next frame (target: < 100 ms), with a plain
  repaint of the same window as its baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.boards import large_config, seed_large_board
from tests.commands import kiosk_env

ROOT = Path(__file__).resolve().parents[2]


def compiled_share(root: Path) -> tuple[int, int]:
    """How many of the Python modules under `root` have up-to-date bytecode (.pyc) beside them."""
    import importlib.util

    sources = [p for p in root.rglob("*.py") if "__pycache__" not in p.parts]
    fresh = 0
    for source in sources:
        cached = Path(importlib.util.cache_from_source(str(source)))
        fresh += cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime
    return fresh, len(sources)


def bytecode_report(compile_kiosk: bool) -> str:
    import compileall

    import sqlalchemy

    if compile_kiosk:
        compileall.compile_dir(str(ROOT / "kiosk"), quiet=1)
    deps = Path(sqlalchemy.__file__).resolve().parent
    dep_fresh, dep_all = compiled_share(deps)
    own_fresh, own_all = compiled_share(ROOT / "kiosk")
    writes = "off" if sys.flags.dont_write_bytecode else "on"
    return (
        f"bytecode: SQLAlchemy {dep_fresh}/{dep_all} modules compiled, kiosk {own_fresh}/{own_all}; "
        f"writing bytecode at run time is {writes}"
    )


def first_frame(args: list[str]) -> tuple[float, int]:
    """Seconds from starting the process to its first frame, and its peak memory in KiB."""
    env = kiosk_env()
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.probe", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("FIRST_FRAME")), None)
    if line is None:
        raise RuntimeError(f"probe {args[:1]} failed:\n{done.stdout}\n{done.stderr}")
    _, at, peak = line.split()
    return float(at) - started, int(peak)


def measure(label: str, args: list[str], runs: int) -> tuple[float, float]:
    times, peaks = [], []
    for _ in range(runs):
        seconds, peak = first_frame(args)
        times.append(seconds)
        peaks.append(peak)
    t, m = statistics.median(times), statistics.median(peaks)
    print(f"  {label:<28} first frame {t * 1000:7.0f} ms   peak memory {m / 1024:6.1f} MiB   ({runs} runs, median)")
    return t, m


def day_switch(config: Path, data_dir: Path, switches: int = 12) -> tuple[float, float]:
    """Median ms from selectDay to the next frame, and from a plain update() to the next frame."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    from PySide6.QtCore import QEventLoop, QTimer

    from kiosk.ui.app import build_kiosk
    from kiosk.ui.qtlog import install_qt_message_handler

    install_qt_message_handler()  # Qt's start-up chatter goes to the log, as in the kiosk itself

    kiosk = build_kiosk(
        ["--config", str(config), "--data-dir", str(data_dir), "--now", "2023-04-21T11:30", "--size", "1920x1080"]
    )

    def until_frame(action: object) -> float:
        loop = QEventLoop()
        kiosk.window.frameSwapped.connect(loop.quit)
        QTimer.singleShot(5000, loop.quit)
        start = time.perf_counter()
        action()  # type: ignore[operator]
        loop.exec()
        elapsed = time.perf_counter() - start
        kiosk.window.frameSwapped.disconnect(loop.quit)
        return elapsed * 1000

    until_frame(kiosk.window.update)  # settle the first frame
    switch_ms = [until_frame(lambda i=i: kiosk.board.selectDay(i % 3 if i % 3 else 1)) for i in range(1, switches + 1)]
    repaint_ms = [until_frame(kiosk.window.update) for _ in range(switches)]
    kiosk.close()
    return statistics.median(switch_ms), statistics.median(repaint_ms)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compile", action="store_true", help="compile the kiosk's own modules before measuring")
    args = parser.parse_args()
    print(bytecode_report(args.compile), flush=True)

    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        large = large_config(tmp)
        print("seeding the large board …", flush=True)
        seeded = seed_large_board(large, tmp / "large-data")
        demo_dir = tmp / "demo-data"
        demo_args = ["kiosk", "--data-dir", str(demo_dir), "--demo", "--now", "2023-04-21T11:30", "--size", "1920x1080"]
        first_frame(demo_args)  # create and seed the demo database outside the measurement
        large_args = [
            "kiosk",
            "--config",
            str(large),
            "--data-dir",
            str(tmp / "large-data"),
            "--now",
            "2023-04-21T11:30",
            "--size",
            "1920x1080",
        ]

        print(f"cold start, {args.runs} runs each (offscreen, software renderer):")
        bare_t, bare_m = measure("bare Qt Quick window", ["bare"], args.runs)
        orm_t, orm_m = measure("bare window + SQLAlchemy", ["bare+sqlalchemy"], args.runs)
        demo_t, demo_m = measure("demo board", demo_args, args.runs)
        large_t, large_m = measure(f"large board ({seeded} sessions)", large_args, args.runs)
        switch, repaint = day_switch(large, tmp / "large-data")

    print()
    print("ratios (target in brackets):")
    print(f"  demo start / bare window     {demo_t / bare_t:5.2f}×  [≤ 1.50]")
    print(f"  demo memory / bare window    {demo_m / bare_m:5.2f}×  [≤ 1.30]")
    print(f"  demo start / bare+SQLAlchemy {demo_t / orm_t:5.2f}×  (the kiosk's own share of the start-up)")
    print(f"  demo memory / bare+SQLAlchemy {demo_m / orm_m:4.2f}×")
    print(f"  large start / demo start     {large_t / demo_t:5.2f}×  [≤ 1.20]")
    print(f"  large memory / demo memory   {large_m / demo_m:5.2f}×")
    print(f"  day switch on large board    {switch:5.1f} ms [< 100]", end="")
    print(f"  = {switch / repaint:4.1f}× a plain repaint ({repaint:.1f} ms)")


if __name__ == "__main__":
    main()
