"""Crash figures: the crash harness (tests/store/test_crash_harness.py) run long, with what it measured.

Run: `uv run python -m tests.benchmarks.crash [--kills 200] [--seed N]`. A process saving cards through the store is
killed with SIGKILL at random moments (most while it saves, some while it starts), and after every kill the board
is opened again and checked. Figures:
- kills, and how many landed with a write under way;
- confirmed saves lost and confirmed cancellations undone (target 0), integrity_check ok after every kill, and no
  change half there;
- opening the board right after a kill (SQLite recovering the write-ahead log included), against opening the same
  board after a clean close (the baseline, measured at the end of the same run);
- the time from starting a kiosk process to its board being open, for scale.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks.table import Row, markdown
from tests.store.test_crash_harness import clean_open_ms, run_harness, seed_wanted


def rows(runs: int, seed: int | None = None, progress: Callable[[str], None] = lambda _line: None) -> list[Row]:
    """The harness's figures for `runs` kills."""
    seed = seed_wanted() if seed is None else seed
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        report = run_harness(workdir, runs, seed, progress)
        clean_ms = clean_open_ms(workdir / f"data-{report.data_dirs}", 10)
    after_ms = statistics.mean(report.open_after_crash_ms) if report.open_after_crash_ms else float("nan")
    ready_ms = statistics.mean(report.ready_ms) if report.ready_ms else float("nan")
    problems = "; ".join(report.problems[:3])
    return [
        Row(
            "crash: kiosk process killed (SIGKILL) at random moments",
            f"{report.kills} kills (seed {seed})",
            None,
            f"{report.in_flight} with a write under way, {report.in_backup} during a backup ({report.backups} taken),"
            f" {report.startup_kills} while starting; {report.data_dirs} data directories",
        ),
        Row(
            "crash: confirmed saves lost",
            f"{report.lost} of {report.confirmed_adds:,} adds; {report.resurrected} of"
            f" {report.confirmed_cancels:,} cancellations undone",
            None,
            "",
            "0",
            report.lost == 0 and report.resurrected == 0,
        ),
        Row(
            "crash: board whole after each restart",
            f"integrity_check ok {report.integrity_ok}/{report.kills}; {len(report.problems)} problems",
            None,
            problems or "no change half there, the board's rules hold",
            "all",
            report.integrity_ok == report.kills and not report.problems,
        ),
        Row(
            "crash: opening the board right after a kill (mean)",
            f"{after_ms:.1f} ms",
            after_ms / clean_ms,
            f"opening it after a clean close ({clean_ms:.1f} ms)",
        ),
        Row("crash: kiosk process start to board open (mean)", f"{ready_ms:.0f} ms", None, "interpreter and imports"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--verbose", action="store_true", help="a line per kill")
    args = parser.parse_args()
    seed = seed_wanted() if args.seed is None else args.seed
    print(f"crash harness: {args.kills} kills, seed {seed}", flush=True)
    print(markdown(rows(args.kills, seed, print if args.verbose else lambda _line: None)))


if __name__ == "__main__":
    main()
