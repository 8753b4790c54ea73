"""Every benchmark, one table: what the README's "Performance" section shows.

Run: `uv run python -m tests.benchmarks.all [--quick] [--only NAME ...]`. Each benchmark's `rows(runs)` runs in a
process of its own (so one that fails, hangs or crashes costs only its own rows, and memory figures are not
inflated by the others), its progress shown as it goes; then one Markdown table of every row, and a line saying
what machine it ran on. A section that failed is named in the table with its error, and the others still run.

Full runs take a while on a 2-core machine (the soak alone walks a whole conference); `--quick` runs each with
few repetitions, to check the command works, not for figures to publish.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import asdict
from pathlib import Path

from tests.benchmarks.table import Row, markdown

ROOT = Path(__file__).resolve().parents[2]

# name: (what `runs` means for it, runs in a full run, runs with --quick, how long it may take in a full run)
SECTIONS: dict[str, tuple[str, int, int, int]] = {
    "startup": ("cold starts per measure", 5, 2, 1800),
    "interaction": ("adds per board", 10, 3, 900),
    "staff": ("repetitions", 5, 2, 900),
    "sync": ("repetitions of the empty round", 20, 3, 1800),
    "soak": ("8 × runs people an hour", 3, 1, 3600),
    "crash": ("kills", 200, 20, 3600),
}


def run_section(name: str, runs: int, out: Path) -> None:
    """In the section's own process: its rows, or the error that stopped it, written to `out` as JSON."""
    import importlib

    try:
        module = importlib.import_module(f"tests.benchmarks.{name}")
        rows = getattr(module, "rows", None)
        if rows is None:
            raise LookupError(f"tests/benchmarks/{name}.py has no rows(runs) yet")
        answer: dict[str, object] = {"rows": [asdict(row) for row in rows(runs)]}
    except Exception as error:
        traceback.print_exc()
        answer = {"error": f"{type(error).__name__}: {error}".splitlines()[0][:300]}
    out.write_text(json.dumps(answer), encoding="utf-8")


def section(name: str, runs: int, timeout: int) -> list[Row]:
    """Run one section in a child process; a failure becomes a row saying so."""
    label = SECTIONS[name][0]
    print(f"\n== {name} (runs={runs}: {label})", flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "rows.json"
        command = [
            sys.executable,
            "-m",
            "tests.benchmarks.all",
            "--section",
            name,
            "--runs",
            str(runs),
            "--out",
            str(out),
        ]
        # A session of its own, so a section that hangs is stopped with everything it started.
        process = subprocess.Popen(command, cwd=ROOT, start_new_session=True)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        answer = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
        if "rows" in answer:
            failure = None
        elif "error" in answer:
            failure = answer["error"]
        elif process.returncode == -signal.SIGKILL:
            failure = f"no answer within {timeout} s"
        else:
            failure = f"the process ended with status {process.returncode}"
        rows = [Row(**fields) for fields in answer.get("rows", [])]
    took = time.monotonic() - started
    if failure is not None:
        print(f"== {name} FAILED after {took:.0f} s: {failure} (its output is above)", flush=True)
        return [Row(f"{name}: the benchmark failed", failure, None, "see the run's output", "", False)]
    print(f"== {name}: {len(rows)} rows in {took:.0f} s", flush=True)
    return rows


def machine() -> str:
    """CPU, cores, memory, OS, and the versions that matter to the figures."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        cpu = next(
            (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")), cpu
        )
        kib = next(
            int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line
        )
        memory = f", {kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    system = platform.platform(terse=True)
    try:
        release = dict(line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line)
        system = f"{release.get('PRETTY_NAME', '').strip(chr(34))} (Linux {platform.release()})"
    except OSError:
        pass
    import sqlite3

    import PySide6
    import sqlalchemy
    from PySide6.QtCore import qVersion

    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {system}; Python {platform.python_version()}, Qt {qVersion()}"
        f" (PySide6 {PySide6.__version__}), SQLite {sqlite3.sqlite_version}, SQLAlchemy {sqlalchemy.__version__}"
        f"{postgres_version()}; offscreen, software renderer"
    )


def postgres_version() -> str:
    from tests.pgcluster import find_binaries

    folder = find_binaries()
    if folder is None:
        return ""
    try:
        answer = subprocess.run([str(folder / "postgres"), "--version"], capture_output=True, text=True, timeout=10)
    except OSError:
        return ""
    return f", {answer.stdout.strip().replace('postgres (PostgreSQL) ', 'PostgreSQL ')}" if answer.stdout else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="few repetitions: check it runs, not figures to publish")
    parser.add_argument("--only", nargs="+", choices=list(SECTIONS), help="these sections only")
    parser.add_argument("--section", help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.section:
        run_section(args.section, args.runs, args.out)
        return

    started = time.monotonic()
    load_before = os.getloadavg()[0]
    rows: list[Row] = []
    for name in args.only or SECTIONS:
        _label, full, quick, timeout = SECTIONS[name]
        rows += section(name, quick if args.quick else full, timeout)
    print(f"\nAll benchmarks{' (--quick)' if args.quick else ''} in {(time.monotonic() - started) / 60:.0f} min:\n")
    print(markdown(rows))
    # Other work on the machine moves the figures (the ratios less than the times): say how busy it was.
    load = f"load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    print(f"\nMachine: {machine()}; {load}")


if __name__ == "__main__":
    main()
