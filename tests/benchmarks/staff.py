"""Staff speed on the large board (40 rooms × 3 days × 10 hours, 1,000 sessions): restore, import, the panel.

Run: `uv run python -m tests.benchmarks.staff [--runs 5]` (`rows(runs)`: the same as table rows). Medians, each
beside a baseline measured in the same run and printed as a ratio:
- restore of the 1,000-session board (target < 2 s), against a plain copy of the same file with SQLite's backup
  API (what restore cannot do with less);
- import of 1,000 planned rows onto the empty large board (target < 2 s), against exporting the same 1,000
  sessions to CSV (reading the board and writing the same rows);
- the staff panel drawn after the right PIN (target < 100 ms), against a plain repaint of the window.
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

from kiosk.config import load_config
from kiosk.domain.actors import Role
from kiosk.domain.clock import ManualClock
from kiosk.share.importfile import parse_import
from kiosk.share.table import cards_csv
from kiosk.store.backups import backup_now
from kiosk.store.migrate import backup_to
from kiosk.store.restore import restore
from kiosk.store.service import BoardService
from tests.benchmarks.boards import large_config, seed_large_board
from tests.benchmarks.table import Row

PIN = "24681357"


def median_ms(action: Callable[[], object], runs: int, before: Callable[[], object] = lambda: None) -> float:
    times = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


@dataclass(frozen=True)
class StoreFigures:
    sessions: int
    restore_ms: float
    copy_ms: float
    rows: int
    import_ms: float
    export_ms: float


def store_figures(tmp: Path, runs: int) -> StoreFigures:
    config = large_config(tmp)
    seeded = seed_large_board(config, tmp / "large")
    event = load_config(config).event
    clock = ManualClock(event.at(event.days[0], event.first_slot))
    service = BoardService.open(tmp / "large", event, clock, "bench")
    saved = backup_now(service.ctx)
    copy_ms = median_ms(lambda: backup_to(service.db_path, tmp / f"copy-{time.perf_counter_ns()}.sqlite3"), runs)
    restore_ms = median_ms(lambda: restore(service.ctx, saved, service.actor(Role.STAFF)), runs)
    print(
        f"  restore of {seeded} sessions      {restore_ms:7.0f} ms  = {restore_ms / copy_ms:5.1f}× a plain copy"
        f" ({copy_ms:.0f} ms)   [< 2000 ms]",
        flush=True,
    )

    csv = cards_csv(event, service.cards())
    file = parse_import(csv, "board.csv")
    export_ms = median_ms(lambda: cards_csv(event, service.cards()), runs)
    empty = BoardService.open(tmp / "empty", event, clock, "bench")

    def clear() -> None:
        empty.clear_board()

    import_ms = median_ms(lambda: empty.import_sessions(empty.plan_import(file)), runs, before=clear)
    print(
        f"  import of {len(file.rows)} rows           {import_ms:7.0f} ms  = {import_ms / export_ms:5.1f}× exporting"
        f" them to CSV ({export_ms:.0f} ms)   [< 2000 ms]",
        flush=True,
    )
    empty.close()
    service.close()
    return StoreFigures(seeded, restore_ms, copy_ms, len(file.rows), import_ms, export_ms)


def panel_figures(tmp: Path, runs: int) -> tuple[float, float]:
    """The staff panel after the right PIN, and a plain repaint: medians in ms."""
    from PySide6.QtCore import QEventLoop, QTimer

    from kiosk.store.pin import set_pin
    from kiosk.ui.app import build_kiosk
    from kiosk.ui.qtlog import install_qt_message_handler

    install_qt_message_handler()
    set_pin(tmp / "large", PIN)
    kiosk = build_kiosk(
        [
            "--config",
            str(tmp / "large.toml"),
            "--data-dir",
            str(tmp / "large"),
            "--now",
            "2023-04-21T11:30",
            "--size",
            "1920x1080",
        ]
    )

    def until_frame(action: Callable[[], None]) -> float:
        loop = QEventLoop()
        kiosk.window.frameSwapped.connect(loop.quit)
        QTimer.singleShot(5000, loop.quit)
        start = time.perf_counter()
        action()
        loop.exec()
        elapsed = (time.perf_counter() - start) * 1000
        kiosk.window.frameSwapped.disconnect(loop.quit)
        return elapsed

    until_frame(kiosk.window.update)
    opening, repaint = [], []
    for _ in range(runs):
        kiosk.staff.requestEntry()
        until_frame(kiosk.window.update)
        opening.append(until_frame(lambda: kiosk.staff.submitPin(PIN)))
        assert kiosk.staff.property("unlocked")
        kiosk.staff.close()
        until_frame(kiosk.window.update)
        repaint.append(until_frame(kiosk.window.update))
    kiosk.close()
    open_ms, paint_ms = statistics.median(opening), statistics.median(repaint)
    print(
        f"  staff panel after the PIN     {open_ms:7.0f} ms  = {open_ms / paint_ms:5.1f}× a plain repaint"
        f" ({paint_ms:.1f} ms)   [< 100 ms; the PIN's scrypt check included]"
    )
    return open_ms, paint_ms


def rows(runs: int) -> list[Row]:
    """The staff figures as rows of the benchmark table (medians of `runs`)."""
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        store = store_figures(tmp, runs)
        open_ms, paint_ms = panel_figures(tmp, runs)
    return [
        Row(
            f"restore of the {store.sessions:,}-session board",
            f"{store.restore_ms:.0f} ms",
            store.restore_ms / store.copy_ms,
            f"a plain SQLite copy of the file ({store.copy_ms:.0f} ms)",
            "< 2 s",
            store.restore_ms < 2000,
        ),
        Row(
            f"import of {store.rows:,} rows onto the empty large board",
            f"{store.import_ms:.0f} ms",
            store.import_ms / store.export_ms,
            f"exporting them to CSV ({store.export_ms:.0f} ms)",
            "< 2 s",
            store.import_ms < 2000,
        ),
        Row(
            "staff panel drawn after the right PIN (scrypt check included)",
            f"{open_ms:.0f} ms",
            open_ms / paint_ms,
            f"a plain repaint ({paint_ms:.1f} ms)",
            "< 100 ms",
            open_ms < 100,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        print(f"staff on the large board, medians of {args.runs} runs:")
        store_figures(tmp, args.runs)
        panel_figures(tmp, args.runs)


if __name__ == "__main__":
    main()
