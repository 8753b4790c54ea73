"""Add-a-card speed on the real window (the add-a-card targets), on the demo board and the large board.

Run: `uv run python -m tests.benchmarks.interaction [--runs 10]` (`rows(runs)`: the same as table rows). Each
figure is the median time from a touch to the frame that shows its result, with a plain repaint of the same window
measured in the same run as the baseline (printed as a ratio):
- tap on a free slot → the add-card sheet drawn (target < 100 ms);
- confirm → the card drawn on the grid, including the durable SQLite commit (target < 150 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtTest import QTest

from kiosk.ui.app import KioskApp, build_kiosk
from kiosk.ui.qtlog import install_qt_message_handler
from tests.benchmarks.boards import demo_config_for_benchmarks, large_config, seed_large_board
from tests.benchmarks.table import Row
from tests.ui.conftest import reveal_slot
from tests.ui.driver import find_item, tap, wait_for


def until_frame(kiosk: KioskApp, action: Callable[[], None], done: Callable[[], bool]) -> float:
    """Milliseconds from `action` to the first frame drawn after `done()` holds."""
    loop = QEventLoop()
    swapped = False

    def on_frame() -> None:
        nonlocal swapped
        if done():
            swapped = True
            loop.quit()

    kiosk.window.frameSwapped.connect(on_frame)
    QTimer.singleShot(5000, loop.quit)
    start = time.perf_counter()
    action()
    if not swapped:
        loop.exec()
    elapsed = (time.perf_counter() - start) * 1000
    kiosk.window.frameSwapped.disconnect(on_frame)
    if not swapped:
        raise RuntimeError(f"the expected change never reached the screen ({kiosk.form.property('notice')})")
    return elapsed


def free_slots(kiosk: KioskApp, count: int) -> list[tuple[str, str]]:
    event = kiosk.config.event
    day = event.days[0]
    taken = {(c.room_key, c.starts_at) for c in kiosk.service.cards(day)}
    blocked = kiosk.service.blocks()
    found = []
    # Slots in the rooms on screen from the start: the figure is the sheet and the save, not a flick.
    for start in event.slot_starts(day):
        for room in event.rooms[:6]:
            end = start + event.slot_length
            if (room.key, start) not in taken and not any(b.covers(room.key, start, end) for b in blocked):
                found.append((room.key, event.local(start).strftime("%H%M")))
    return found[:count]


@dataclass(frozen=True)
class Figures:
    """Medians of one board, in ms."""

    repaint: float
    tap: float
    confirm: float


def measure(argv: list[str], runs: int) -> Figures:
    kiosk = build_kiosk(argv)
    wait_for(lambda: find_item(kiosk.window, "boardGrid") is not None, 5000)
    QTest.qWait(300)
    repaint = [until_frame(kiosk, kiosk.window.update, lambda: True) for _ in range(runs)]
    open_ms, save_ms = [], []
    for room, hhmm in free_slots(kiosk, runs):
        reveal_slot(kiosk, room, hhmm)
        cell = find_item(kiosk.window, f"slot-{room}-{hhmm}")
        assert cell is not None
        QTest.qWait(50)
        open_ms.append(until_frame(kiosk, lambda c=cell: tap(kiosk.window, c), lambda: kiosk.form.property("isOpen")))
        # What is typed is not what is measured here: fill the fields directly.
        kiosk.form.setField("topic", "Benchmark session")
        kiosk.form.setField("hostName", "Bench")
        submit = find_item(kiosk.window, "submitButton")
        assert submit is not None
        QTest.qWait(300)  # let the keyboard finish sliding in, as a person would
        save_ms.append(
            until_frame(
                kiosk,
                lambda s=submit: tap(kiosk.window, s),
                lambda c=cell: c.property("slotState") == "booked",
            )
        )
        kiosk.form.close()
        QTest.qWait(300)
    kiosk.close()
    return Figures(statistics.median(repaint), statistics.median(open_ms), statistics.median(save_ms))


def print_figures(label: str, figures: Figures) -> None:
    base, tap_ms, confirm_ms = figures.repaint, figures.tap, figures.confirm
    print(f"{label}: plain repaint {base:.1f} ms")
    print(f"  tap free slot → sheet shown   {tap_ms:6.1f} ms [< 100]  = {tap_ms / base:5.1f}× a repaint")
    print(f"  confirm → card on the grid     {confirm_ms:6.1f} ms [< 150]  = {confirm_ms / base:5.1f}× a repaint")


def each_board(runs: int, report: Callable[[str, Figures], None]) -> None:
    """Measure the demo board, then the large one, handing each board's figures to `report` as they come."""
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        common = ["--now", "2023-04-21T08:00", "--size", "1920x1080"]
        demo = demo_config_for_benchmarks(tmp)
        argv = ["--config", str(demo), "--data-dir", str(tmp / "demo"), "--demo", *common]
        report("demo board", measure(argv, runs))
        large = large_config(tmp)
        seed_large_board(large, tmp / "large")
        report("large board", measure(["--config", str(large), "--data-dir", str(tmp / "large"), *common], runs))


def rows(runs: int) -> list[Row]:
    """The add-a-card figures as rows of the benchmark table (medians of `runs` on each board)."""
    install_qt_message_handler()
    measured: dict[str, Figures] = {}
    each_board(runs, measured.__setitem__)
    found = []
    for label, figures in measured.items():
        base = f"a plain repaint ({figures.repaint:.1f} ms)"
        found += [
            Row(
                f"tap a free slot → form drawn ({label})",
                f"{figures.tap:.0f} ms",
                figures.tap / figures.repaint,
                base,
                "< 100 ms",
                figures.tap < 100,
            ),
            Row(
                f"confirm → card drawn on the grid, durable commit included ({label})",
                f"{figures.confirm:.0f} ms",
                figures.confirm / figures.repaint,
                base,
                "< 150 ms",
                figures.confirm < 150,
            ),
        ]
    return found


def main() -> None:
    install_qt_message_handler()  # Qt's start-up chatter goes to the log, as in the kiosk itself
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    each_board(args.runs, print_figures)


if __name__ == "__main__":
    main()
