"""Start-up, memory and day-switch benchmark for the board (the board's start-up targets).

Run: `uv run python -m tests.benchmarks.startup --compile [--runs 5]`. It first says whether the modules it starts
have compiled bytecode beside them (a kiosk runs with `PYTHONDONTWRITEBYTECODE=1` or a read-only disk, so without
it every start compiles from source); `--compile` compiles the kiosk's own modules first, as an install does for the
dependencies (`compile-bytecode` in pyproject.toml). `rows(runs)` always compiles them.

Four starts are measured side by side, one of each per round, so a machine that gets busier or quieter during the
run moves every row alike (medians of `--runs` rounds):
- a bare Qt Quick window importing the same Qt modules as the kiosk (the baseline; `tests/benchmarks/probe.py`);
- the same bare window that first imports `sqlalchemy.orm`, which the board's store cannot open without;
- the demo board, started the way `kiosk --demo` starts it (`kiosk.cli`'s imports, then `build_kiosk`);
- Chromium (Debian's `chromium`, headless) showing the board's own static day page, which
  `kiosk export --format html` writes from the same demo board: what a browser kiosk would cost instead.
Targets: the demo board's first frame ≤ 2.5× the bare window's, its peak memory ≤ 1.5×.

How each is measured:
- Qt rows: seconds from starting the Python process to the window's first `frameSwapped` (offscreen platform,
  software renderer, 1920×1080), so interpreter start-up and imports count; peak memory is the process's own peak
  resident set (`ru_maxrss`) at that frame.
- Chromium: `/usr/lib/chromium/chromium --headless --no-sandbox` with a 1920×1080 window and the page's file://
  address on its command line, as a kiosk would start it, and a profile folder kept from run to run (made by a first
  run outside the measurement, as the kiosk's database and QML cache are). The time is from starting the process to
  the page's first contentful paint: the page's own `performance.timeOrigin` plus the `first-contentful-paint`
  entry, read over the DevTools protocol on a pipe (`--remote-debugging-pipe`; polled, so the reading never delays
  the paint). Chromium is a tree of processes (browser, zygotes, GPU, network, renderer, crash handler), so its
  memory is the sum of their proportional set sizes (PSS, `/proc/PID/smaps_rollup`: a page shared by three processes
  counts a third in each), sampled every 10 ms from the start to the paint; the peak of that sum is the figure.
  Summing resident sets instead would count the shared browser binary once per process (it is printed too, for
  reference). A single Qt process's RSS is at least its PSS, so this method favours Chromium slightly.
Then, as before:
- the large board (40 rooms × 3 days × 10 hours, 1,000 sessions) vs the demo board (target: ≤ 1.2×);
- switching days on the large board, in milliseconds to the next frame (target: < 100 ms), with a plain
  repaint of the same window as its baseline.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.benchmarks.boards import large_config, seed_large_board
from tests.benchmarks.table import Row
from tests.commands import ROOT, kiosk_env, run_kiosk

NOW = "2023-04-21T11:30"
SIZE = "1920x1080"
# The board's first day, which NOW is on: the day page Chromium shows.
DAY_PAGE = Path("2023-04-21") / "index.html"
CHROMIUM_BINARIES = ("/usr/lib/chromium/chromium", "chromium", "chromium-browser")

FRAME_TARGET = 2.5
MEMORY_TARGET = 1.5
LARGE_TARGET = 1.2
SWITCH_TARGET_MS = 100


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


def first_frame(args: list[str]) -> tuple[float, float]:
    """Seconds from starting the probe process to its first frame, and its peak memory in MiB."""
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
    _, at, peak_kib = line.split()
    return float(at) - started, int(peak_kib) / 1024


# --- Chromium -----------------------------------------------------------------------------------------------------


def chromium_binary() -> str | None:
    for name in CHROMIUM_BINARIES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _tree_memory_kib(session: int) -> tuple[int, int, int]:
    """PSS and RSS summed over every process of one session (the browser and all it started), and how many."""
    pss = rss = count = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            if int(fields[3]) != session:  # field 6 of stat: the session id
                continue
            with open(f"/proc/{entry}/smaps_rollup", encoding="ascii") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        rss += int(line.split()[1])
            count += 1
        except (OSError, IndexError, ValueError):
            continue  # a process that ended meanwhile
    return pss, rss, count


class _DevTools:
    """The DevTools protocol over `--remote-debugging-pipe`: JSON messages ending in NUL, on fds 3 (in) and 4 (out)."""

    def __init__(self, to_browser: int, from_browser: int) -> None:
        self._out = os.fdopen(to_browser, "wb", buffering=0)
        self._in = os.fdopen(from_browser, "rb", buffering=0)
        self._buffer = b""
        self._last_id = 0

    def call(self, method: str, params: dict[str, object] | None = None, session: str | None = None) -> Any:
        self._last_id += 1
        message: dict[str, object] = {"id": self._last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._out.write(json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self._buffer:
                chunk = self._in.read(1 << 16)
                if not chunk:
                    raise RuntimeError("Chromium closed its DevTools pipe")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self._last_id:
                if "error" in reply:
                    raise RuntimeError(f"DevTools {method}: {reply['error']}")
                return reply["result"]

    def close(self) -> None:
        self._out.close()
        self._in.close()


FCP_EXPRESSION = (
    "(() => { const paint = performance.getEntriesByName('first-contentful-paint')[0];"
    " return paint && location.protocol === 'file:' ? performance.timeOrigin + paint.startTime : null; })()"
)


def chromium_first_paint(
    binary: str, page: Path, profile: Path, timeout: float = 60
) -> tuple[float, float, float, int]:
    """Seconds from starting Chromium on `page` to its first contentful paint; peak PSS and RSS of its whole process
    tree until then, in MiB; and how many processes it had. `profile` is its user data folder: a kiosk's browser
    keeps one from boot to boot, as the kiosk keeps its database and QML cache, so the benchmark warms it first."""
    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()

    def wire_devtools_pipe() -> None:  # in the child, before exec: the pipe's ends become fds 3 and 4
        read_end, write_end = os.dup(to_child_r), os.dup(from_child_w)
        os.dup2(read_end, 3)
        os.dup2(write_end, 4)

    args = [
        binary,
        "--headless",
        "--no-sandbox",  # the benchmark may run as root, where Chromium's sandbox refuses to start
        f"--user-data-dir={profile}",
        "--no-first-run",
        "--no-default-browser-check",
        "--window-size=1920,1080",
        "--remote-debugging-pipe",
        page.resolve().as_uri(),
    ]
    samples: list[tuple[float, int, int, int]] = []
    sampling = threading.Event()
    started = time.time()
    browser = subprocess.Popen(
        args,
        preexec_fn=wire_devtools_pipe,  # only os.dup/dup2 run there
        close_fds=False,
        start_new_session=True,  # its own session: every process it starts is found by the session id
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(to_child_r)
    os.close(from_child_w)

    def sample() -> None:
        while not sampling.is_set():
            at = time.time()
            samples.append((at, *_tree_memory_kib(browser.pid)))
            time.sleep(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    devtools = _DevTools(to_child_w, from_child_r)
    try:
        deadline = started + timeout
        session = None
        while session is None:
            pages = [t for t in devtools.call("Target.getTargets")["targetInfos"] if t["type"] == "page"]
            if pages:
                attached = devtools.call("Target.attachToTarget", {"targetId": pages[0]["targetId"], "flatten": True})
                session = attached["sessionId"]
            elif time.time() > deadline:
                raise RuntimeError("Chromium opened no page")
            else:
                time.sleep(0.01)
        painted_ms = None
        while painted_ms is None:
            result = devtools.call("Runtime.evaluate", {"expression": FCP_EXPRESSION, "returnByValue": True}, session)
            painted_ms = result.get("result", {}).get("value")
            if painted_ms is None:
                if time.time() > deadline:
                    raise RuntimeError(f"Chromium did not paint {page} within {timeout:.0f} s")
                time.sleep(0.02)
        painted = float(painted_ms) / 1000
        time.sleep(0.03)  # one more sample past the paint
        sampling.set()
        sampler.join()
        with contextlib.suppress(RuntimeError):
            devtools.call("Browser.close")
    finally:
        sampling.set()
        devtools.close()
        try:
            browser.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(browser.pid, signal.SIGKILL)  # the browser and every process it started
            browser.wait()
    until_paint = [s for s in samples if s[0] <= painted + 0.012] or samples[:1]
    peak_pss = max(s[1] for s in until_paint)
    peak_rss = max(s[2] for s in until_paint)
    processes = max(s[3] for s in until_paint)
    return painted - started, peak_pss / 1024, peak_rss / 1024, processes


def export_day_page(demo_dir: Path, out: Path) -> Path:
    """The board's static site, written by `kiosk export --format html` from the demo board; its first day's page."""
    done = run_kiosk("export", "--data-dir", str(demo_dir), "--format", "html", "--out", str(out), timeout=300)
    page = out / DAY_PAGE
    if done.returncode != 0 or not page.is_file():
        raise RuntimeError(f"kiosk export failed:\n{done.stdout}\n{done.stderr}")
    return page


# --- the runs -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Start:
    """Medians of one kind of start: seconds to the first frame (or paint) and peak memory in MiB."""

    seconds: float
    mib: float
    best: float  # the fastest of the runs, in seconds: on a shared machine, the start least disturbed by others
    note: str = ""


@dataclass(frozen=True)
class Results:
    bare: Start
    orm: Start
    demo: Start
    chromium: Start | None  # None: chromium is not installed
    large: Start
    large_sessions: int
    switch_ms: float
    repaint_ms: float
    runs: int


def day_switch(config: Path, data_dir: Path, switches: int = 12) -> tuple[float, float]:
    """Median ms from selectDay to the next frame, and from a plain update() to the next frame."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    from PySide6.QtCore import QEventLoop, QTimer

    from kiosk.ui.app import build_kiosk
    from kiosk.ui.qtlog import install_qt_message_handler

    install_qt_message_handler()  # Qt's start-up chatter goes to the log, as in the kiosk itself

    kiosk = build_kiosk(["--config", str(config), "--data-dir", str(data_dir), "--now", NOW, "--size", SIZE])

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


def measure(runs: int, say: Callable[[str], None] = lambda _line: None) -> Results:
    """Every start `runs` times, one of each kind per round, then the day switch; medians."""
    chromium = chromium_binary()
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        large = large_config(tmp)
        say("seeding the large board …")
        seeded = seed_large_board(large, tmp / "large-data")
        demo_dir = tmp / "demo-data"
        demo_args = ["kiosk", "--data-dir", str(demo_dir), "--demo", "--now", NOW, "--size", SIZE]
        first_frame(demo_args)  # create and seed the demo database, and fill the QML disk cache, outside the runs
        large_args = ["kiosk", "--config", str(large), "--data-dir", str(tmp / "large-data"), "--now", NOW]
        large_args += ["--size", SIZE]
        first_frame(large_args)
        page = export_day_page(demo_dir, tmp / "site") if chromium else None
        profile = tmp / "chromium-profile"
        if chromium and page:
            chromium_first_paint(chromium, page, profile)  # the profile made, as the kiosk's database was above
        else:
            say("chromium is not installed (apt-get install chromium): its row is left out")

        kinds: dict[str, Callable[[], tuple[float, float]]] = {
            "bare": lambda: first_frame(["bare"]),
            "orm": lambda: first_frame(["bare+sqlalchemy"]),
            "demo": lambda: first_frame(demo_args),
            "large": lambda: first_frame(large_args),
        }
        measured: dict[str, list[tuple[float, float]]] = {kind: [] for kind in kinds}
        chromium_runs: list[tuple[float, float, float, int]] = []
        for round_no in range(1, runs + 1):
            for kind, start in kinds.items():
                measured[kind].append(start())
            if chromium and page:
                chromium_runs.append(chromium_first_paint(chromium, page, profile))
            say(f"  round {round_no}/{runs} done")
        switch, repaint = day_switch(large, tmp / "large-data")

    def median(kind: str) -> Start:
        seconds = [s for s, _ in measured[kind]]
        return Start(statistics.median(seconds), statistics.median(m for _, m in measured[kind]), min(seconds))

    browser = None
    if chromium_runs:
        browser = Start(
            statistics.median(r[0] for r in chromium_runs),
            statistics.median(r[1] for r in chromium_runs),
            min(r[0] for r in chromium_runs),
            f"PSS summed over {max(r[3] for r in chromium_runs)} processes; their RSS summed:"
            f" {statistics.median(r[2] for r in chromium_runs):.0f} MiB",
        )
    return Results(
        bare=median("bare"),
        orm=median("orm"),
        demo=median("demo"),
        chromium=browser,
        large=median("large"),
        large_sessions=seeded,
        switch_ms=switch,
        repaint_ms=repaint,
        runs=runs,
    )


def as_rows(r: Results) -> list[Row]:
    bare = f"the bare Qt Quick window ({r.bare.seconds * 1000:.0f} ms)"
    bare_mem = f"the bare window ({r.bare.mib:.1f} MiB)"
    frame, memory = r.demo.seconds / r.bare.seconds, r.demo.mib / r.bare.mib
    found = [
        Row("cold start to the first frame: bare Qt Quick window, same Qt modules", f"{r.bare.seconds * 1000:.0f} ms"),
        Row("peak memory: bare Qt Quick window", f"{r.bare.mib:.1f} MiB"),
        Row(
            "cold start to the first frame: the bare window + `import sqlalchemy.orm`",
            f"{r.orm.seconds * 1000:.0f} ms",
            r.orm.seconds / r.bare.seconds,
            bare,
        ),
        Row(
            "peak memory: the bare window + `import sqlalchemy.orm`",
            f"{r.orm.mib:.1f} MiB",
            r.orm.mib / r.bare.mib,
            bare_mem,
        ),
        Row(
            "cold start to the first frame of the demo board",
            f"{r.demo.seconds * 1000:.0f} ms",
            frame,
            bare,
            f"≤ {FRAME_TARGET}×",
            frame <= FRAME_TARGET,
        ),
        Row(
            "peak memory of the demo board at its first frame",
            f"{r.demo.mib:.1f} MiB",
            memory,
            bare_mem,
            f"≤ {MEMORY_TARGET}×",
            memory <= MEMORY_TARGET,
        ),
    ]
    if r.chromium is not None:
        found += [
            Row(
                "Chromium (headless) showing the board's static day page: first contentful paint",
                f"{r.chromium.seconds * 1000:.0f} ms",
                r.chromium.seconds / r.bare.seconds,
                f"{bare}; the demo board is {r.demo.seconds / r.chromium.seconds:.2f}× Chromium",
            ),
            Row(
                "peak memory of Chromium and all its processes, to that paint",
                f"{r.chromium.mib:.1f} MiB ({r.chromium.note})",
                r.chromium.mib / r.bare.mib,
                f"{bare_mem}; the demo board is {r.demo.mib / r.chromium.mib:.2f}× Chromium",
            ),
        ]
    found += [
        Row(
            f"large board ({r.large_sessions:,} sessions, 40 rooms) start",
            f"{r.large.seconds * 1000:.0f} ms (memory {r.large.mib:.1f} MiB = {r.large.mib / r.demo.mib:.2f}×)",
            r.large.seconds / r.demo.seconds,
            "the demo board",
            f"≤ {LARGE_TARGET}×",
            r.large.seconds / r.demo.seconds <= LARGE_TARGET,
        ),
        Row(
            "switching days on the large board",
            f"{r.switch_ms:.0f} ms to the next frame",
            r.switch_ms / r.repaint_ms,
            f"a plain repaint ({r.repaint_ms:.1f} ms)",
            f"< {SWITCH_TARGET_MS} ms",
            r.switch_ms < SWITCH_TARGET_MS,
        ),
    ]
    return found


def rows(runs: int) -> list[Row]:
    """The start-up figures as rows of the benchmark table (medians of `runs` rounds), kiosk bytecode compiled."""
    print(bytecode_report(compile_kiosk=True), flush=True)
    return as_rows(measure(runs, lambda line: print(line, flush=True)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compile", action="store_true", help="compile the kiosk's own modules before measuring")
    args = parser.parse_args()
    print(bytecode_report(args.compile), flush=True)
    r = measure(args.runs, lambda line: print(line, flush=True))

    def line(label: str, start: Start, what: str = "first frame") -> None:
        figures = f"{start.seconds * 1000:7.0f} ms (best {start.best * 1000:5.0f})   peak memory {start.mib:6.1f} MiB"
        print(f"  {label:<30} {what} {figures}")

    print(f"cold start, {r.runs} rounds, one start of each kind per round (medians; offscreen, software renderer):")
    line("bare Qt Quick window", r.bare)
    line("bare window + sqlalchemy.orm", r.orm)
    line("demo board", r.demo)
    if r.chromium is not None:
        line("Chromium, the static day page", r.chromium, "first paint")
        print(f"  {'':<30} ({r.chromium.note})")
    line(f"large board ({r.large_sessions} sessions)", r.large)
    print()
    print("ratios (target in brackets):")
    targets = f"[≤ {FRAME_TARGET:.2f}, ≤ {MEMORY_TARGET:.2f}]"

    def ratios(label: str, time_ratio: float, memory_ratio: float, target: str = "") -> None:
        print(f"  {label:<32} start {time_ratio:5.2f}×  memory {memory_ratio:4.2f}×  {target}".rstrip())

    ratios("demo / bare window", r.demo.seconds / r.bare.seconds, r.demo.mib / r.bare.mib, targets)
    ratios("bare+SQLAlchemy / bare window", r.orm.seconds / r.bare.seconds, r.orm.mib / r.bare.mib)
    ratios("demo / bare+SQLAlchemy", r.demo.seconds / r.orm.seconds, r.demo.mib / r.orm.mib)
    if r.chromium is not None:
        ratios("Chromium / bare window", r.chromium.seconds / r.bare.seconds, r.chromium.mib / r.bare.mib)
        ratios("demo / Chromium", r.demo.seconds / r.chromium.seconds, r.demo.mib / r.chromium.mib)
    print(f"  large start / demo start        {r.large.seconds / r.demo.seconds:5.2f}×  [≤ {LARGE_TARGET:.2f}]")
    print(f"  large memory / demo memory      {r.large.mib / r.demo.mib:5.2f}×")
    print(f"  day switch on large board       {r.switch_ms:5.1f} ms [< {SWITCH_TARGET_MS}]", end="")
    print(f"  = {r.switch_ms / r.repaint_ms:4.1f}× a plain repaint ({r.repaint_ms:.1f} ms)")


if __name__ == "__main__":
    main()
