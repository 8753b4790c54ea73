"""Sync speed and correctness figures against a real PostgreSQL hub (a throwaway server, as the tests start).

Run: `uv run python -m tests.benchmarks.sync [--runs 20]` (`rows(runs)`: the same as table rows). Each figure beside
a baseline measured in the same run:
- a round with nothing to do (target < 50 ms), against one `SELECT 1` on the hub over a pooled connection;
- 10,000 changes from ten kiosks, pushed and pulled until every board agrees (target < 10 s), against writing
  the same 10,000 rows to the hub in one `executemany` (moving the bytes, nothing else): ten kiosk processes
  syncing at once, as ten screens do, and the same work done by one process, kiosk after kiosk;
- frame times of the real window while its sync round waits on a hub that takes 10 s per answer (frames never
  wait on the network), against the same window with no sync at all;
- a race: ten kiosks book the same 40 slots while apart, then sync at once: winners, conflicts, and what must be
  zero (lost, duplicated, double-booked).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing
import os
import re
import statistics
import tempfile
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")

import sqlalchemy as sa

from kiosk.domain.model import Event, Room
from kiosk.share.importfile import parse_import
from kiosk.store.cards import CardDraft
from tests.benchmarks.table import Row
from tests.factories import DAY_ONE, DAY_TWO, local
from tests.pgcluster import PgCluster
from tests.sync.board_audit import ConferenceAudit, audit_conference
from tests.sync.harness import SimKiosk, connect_hub, kiosks, make_hub, sync_event

ROOMS = tuple(Room(f"r{n:02d}", f"Room {n}") for n in range(1, 41))
KIOSKS = 10
CHANGES_PER_KIOSK = 1000
# A kiosk whose round found nothing waits this long before the next (a real one waits `interval_seconds`).
IDLE_SECONDS = 0.2


def bench_event() -> Event:
    """Forty rooms, two days of thirteen hours: room for each kiosk's 100 cards in four rooms of its own."""
    return sync_event(rooms=ROOMS, blocks=(), first_slot=clock_time(8), last_slot_end=clock_time(21))


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def empty_round(url: str, tmp: Path, runs: int) -> tuple[float, float]:
    """A round with nothing to do, and one SELECT 1 on the hub: medians in ms."""
    with kiosks(tmp, url, 1, event=bench_event()) as (kiosk,):
        kiosk.sync()
        kiosk.sync()

        def ping() -> None:
            with kiosk.hub.connect() as connection:
                connection.execute(sa.text("SELECT 1"))

        ping()
        round_ms = median_ms(kiosk.sync, runs)
        ping_ms = median_ms(ping, runs)
    print(
        f"  a round with nothing to do      {round_ms:8.1f} ms  = {round_ms / ping_ms:5.1f}× one SELECT 1 on the hub"
        f" ({ping_ms:.1f} ms)   [< 50 ms]",
        flush=True,
    )
    return round_ms, ping_ms


def make_changes(kiosk: SimKiosk, index: int) -> int:
    """1,000 changes on one kiosk: 100 cards (imported, in slots of its own), 100 ideas, 800 votes."""
    rooms = ROOMS[index * 4 : index * 4 + 4]
    lines = ["Day,Start,Room,Topic,Host"]
    for room in rooms:
        for day in (DAY_ONE, DAY_TWO):
            for hour in range(8, 21):
                if len(lines) <= 100:
                    lines.append(f"{day},{hour:02d}:00,{room.key},Session {room.key} {day} {hour},Host {index}")
    plan = kiosk.service.plan_import(parse_import("\n".join(lines).encode(), "plan.csv"))
    kiosk.service.import_sessions(plan)
    ideas = [kiosk.service.add_idea(f"Idea {index}-{n}").id for n in range(100)]
    for n in range(800):
        kiosk.clock.current += timedelta(seconds=11)
        kiosk.service.vote_idea(ideas[n % len(ideas)])
    return kiosk.service.pending_sync()


@dataclass(frozen=True)
class ManyChanges:
    changes: int
    wall_s: float
    baseline_s: float
    busiest_cpu_s: float
    rounds: int
    agree: bool


def ten_thousand(url: str, tmp: Path) -> ManyChanges:
    """Ten kiosks as ten processes (as ten screens are ten machines), started together once each has made its
    1,000 changes offline; timed until the last has pulled everyone's. Then the same in one process, kiosk after
    kiosk, which is the whole conference's sync work done on one core."""
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(KIOSKS + 1)
    finished = context.Barrier(KIOSKS)
    pushed = context.Value("i", 0)
    results = context.Queue()
    workers = [
        context.Process(target=concurrent_kiosk, args=(n, tmp / "apart", url, ready, finished, pushed, results))
        for n in range(KIOSKS)
    ]
    for worker in workers:
        worker.start()
    try:
        ready.wait(timeout=600)
    except threading.BrokenBarrierError:
        raise SystemExit(f"a kiosk process failed before the start: {results.get(timeout=10)}") from None
    start = time.monotonic()
    reports = [results.get(timeout=600) for _ in workers]
    if failed := [report["error"] for report in reports if "error" in report]:
        raise SystemExit(f"a kiosk process failed: {failed[0]}")
    for worker in workers:
        worker.join()
    wall_s = max(report["finished"] for report in reports) - start
    changes = sum(report["changes"] for report in reports)
    busiest = max(report["busy"] for report in reports)
    rounds = max(report["rounds"] for report in reports)
    agree = len({report["digest"] for report in reports}) == 1
    baseline_s = bulk_write_floor(url, changes)
    print(
        f"  {changes:,} changes from {KIOSKS} kiosks     {wall_s:8.2f} s   = {wall_s / baseline_s:5.1f}× writing"
        f" {changes:,} rows to the hub at once ({baseline_s:.2f} s)   [< 10 s]; ten processes on"
        f" {os.cpu_count()} cores, the busiest kiosk's own CPU time {busiest:.2f} s, at most {rounds} rounds;"
        f" boards {'agree' if agree else 'DIFFER'}",
        flush=True,
    )
    return ManyChanges(changes, wall_s, baseline_s, busiest, rounds, agree)


def concurrent_kiosk(index: int, folder: Path, url: str, ready: Any, finished: Any, pushed: Any, results: Any) -> None:
    """One kiosk process of `ten_thousand`: changes made offline, then sync rounds back to back until every
    kiosk has pushed and a round finds nothing new."""
    kiosk = SimKiosk(f"kiosk-{index + 1:02d}", folder, url, event=bench_event())
    try:
        _run_kiosk(kiosk, index, ready, finished, pushed, results)
    except BaseException:
        ready.abort()
        finished.abort()
        results.put({"error": traceback.format_exc()})
    finally:
        kiosk.close()


def _run_kiosk(kiosk: SimKiosk, index: int, ready: Any, finished: Any, pushed: Any, results: Any) -> None:
    kiosk.sync()
    changes = make_changes(kiosk, index)
    ready.wait()
    cpu_before = time.process_time()
    rounds = 0
    counted = False
    while True:
        with pushed.get_lock():
            everyone = pushed.value == KIOSKS
        report = kiosk.sync()
        rounds += 1
        if not counted and kiosk.service.pending_sync() == 0:
            counted = True
            with pushed.get_lock():
                pushed.value += 1
        # Every kiosk had committed its push before this round began, and the round found nothing new.
        if everyone and report.pulled == 0 and report.pushed == 0:
            break
        if report.pulled == 0 and report.pushed == 0:
            time.sleep(IDLE_SECONDS)
    done = time.monotonic()
    busy = time.process_time() - cpu_before
    finished.wait()
    results.put({"changes": changes, "finished": done, "busy": busy, "rounds": rounds, "digest": kiosk.digest()})


def one_process(url: str, tmp: Path) -> ManyChanges:
    event = bench_event()
    with kiosks(tmp, url, KIOSKS, event=event) as all_kiosks:
        for kiosk in all_kiosks:
            kiosk.sync()
        changes = sum(make_changes(kiosk, n) for n, kiosk in enumerate(all_kiosks))
        start = time.perf_counter()
        rounds = 0
        while True:
            moved = 0
            for kiosk in all_kiosks:
                report = kiosk.sync()
                moved += report.pushed + report.pulled
            rounds += 1
            if moved == 0:
                break
        sync_s = time.perf_counter() - start
        digests = {kiosk.digest() for kiosk in all_kiosks}
        baseline_s = bulk_write_floor(url, changes)
    print(
        f"  the same, one kiosk after another in one process {sync_s:6.2f} s   = {sync_s / baseline_s:5.1f}× the"
        f" hub floor ({baseline_s:.2f} s); {rounds} rounds each, boards {'agree' if len(digests) == 1 else 'DIFFER'}",
        flush=True,
    )
    return ManyChanges(changes, sync_s, baseline_s, 0.0, rounds, len(digests) == 1)


def bulk_write_floor(url: str, count: int) -> float:
    engine = connect_hub(url)
    payload = json.dumps({"topic": "x" * 60, "note": "", "votes": 0, "kiosk_id": "kiosk-01", "hlc": "0" * 30})
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("CREATE TEMP TABLE floor (id uuid, payload jsonb)"))
            start = time.perf_counter()
            connection.execute(
                sa.text("INSERT INTO floor VALUES (:id, CAST(:payload AS jsonb))"),
                [{"id": uuid.uuid4(), "payload": payload} for _ in range(count)],
            )
            return time.perf_counter() - start
    finally:
        engine.dispose()


def race(url: str, tmp: Path) -> tuple[int, ConferenceAudit]:
    """Ten kiosks book the same slots apart, then sync at once: how many slots, and what the audit found."""
    slots = [(room.key, local(DAY_ONE, hour).astimezone(UTC)) for room in ROOMS[:5] for hour in range(10, 18)]
    created: set[uuid.UUID] = set()
    with kiosks(tmp, url, KIOSKS, event=bench_event()) as all_kiosks:
        for kiosk in all_kiosks:
            kiosk.sync()
            for room, start in slots:
                created.add(kiosk.service.add_card(CardDraft(room, start, f"{kiosk.name} wants it", "Host")).card.id)
        threads = [threading.Thread(target=kiosk.sync) for kiosk in all_kiosks]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        rounds = 1
        while sum(k.sync().pulled for k in all_kiosks):
            rounds += 1
        engine = connect_hub(url)
        try:
            audit = audit_conference(all_kiosks, created, engine)
        finally:
            engine.dispose()
    print(f"  race for {len(slots)} slots: {rounds + 1} rounds; {audit.line()}", flush=True)
    return len(slots), audit


def frame_times(url: str, tmp: Path) -> None:
    from tests.benchmarks.sync_frames import frames_while_slow

    frames_while_slow(url, tmp)


def frame_rows(url: str, tmp: Path) -> list[Row]:
    """The frame-time figures as rows: `frames_while_slow` prints them, so its lines are read back."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        frame_times(url, tmp)
    text = output.getvalue()
    print(text, end="", flush=True)
    medians = dict(re.findall(r"frames, (no hub|hub answering in \d+ s)\s+median\s+([\d.]+) ms", text))
    worst = re.search(r"hub answering in \d+ s\s+median.*worst\s+([\d.]+) ms", text)
    busy = re.search(r"sync round under way: (\w+)", text)
    alone, slow = medians.get("no hub"), next((v for k, v in medians.items() if k != "no hub"), None)
    if alone is None or slow is None:
        return [Row("frames while a round waits on a hub answering in 10 s", "unreadable", None, text.strip())]
    ratio = float(slow) / float(alone)
    return [
        Row(
            "frames while a round waits on a hub answering in 10 s",
            f"median {float(slow):.1f} ms; worst {worst.group(1) if worst else '?'} ms",
            ratio,
            f"the same window without a hub ({float(alone):.1f} ms); round under way: {busy.group(1) if busy else '?'}",
            "frames never wait",
            # A frame that waited on the network would take the 10 s answer, not a few frames' time.
            ratio < 1.5 and bool(busy and busy.group(1) == "True"),
        )
    ]


def rows(runs: int) -> list[Row]:
    """Every sync figure as rows of the benchmark table (medians of `runs` where repeated), on a throwaway
    PostgreSQL server (tests/pgcluster.py)."""
    found: list[Row] = []
    with tempfile.TemporaryDirectory() as scratch, PgCluster() as cluster:
        tmp = Path(scratch)

        def hub(name: str) -> str:
            return make_hub(cluster.superuser_url(cluster.create_database(name)))

        round_ms, ping_ms = empty_round(hub("bench_empty"), tmp / "empty", runs)
        found.append(
            Row(
                "sync round with nothing to do",
                f"{round_ms:.1f} ms",
                round_ms / ping_ms,
                f"one `SELECT 1` on the hub ({ping_ms:.1f} ms)",
                "< 50 ms",
                round_ms < 50,
            )
        )
        many = ten_thousand(hub("bench_many"), tmp / "many")
        found.append(
            Row(
                f"{many.changes:,} changes from {KIOSKS} kiosks (ten processes), pushed and pulled until every board"
                " agrees",
                f"{many.wall_s:.2f} s; busiest kiosk's CPU {many.busiest_cpu_s:.1f} s;"
                f" boards {'agree' if many.agree else 'DIFFER'}",
                many.wall_s / many.baseline_s,
                f"writing the same rows to the hub in one statement ({many.baseline_s:.2f} s)",
                "< 10 s",
                many.wall_s < 10 and many.agree,
            )
        )
        serial = one_process(hub("bench_serial"), tmp / "serial")
        found.append(
            Row(
                "the same work by one process, kiosk after kiosk",
                f"{serial.wall_s:.1f} s; boards {'agree' if serial.agree else 'DIFFER'}",
                serial.wall_s / serial.baseline_s,
                f"the hub floor ({serial.baseline_s:.2f} s)",
            )
        )
        slots, audit = race(hub("bench_race"), tmp / "race")
        found.append(
            Row(
                f"{KIOSKS} kiosks racing for {slots} slots",
                f"{audit.live} live, {audit.displaced} displaced, {audit.conflicts} conflicts; lost {audit.lost},"
                f" duplicated {audit.duplicated}, double-booked {audit.double_booked}",
                None,
                "",
                "exactly one winner per slot",
                audit.clean and audit.live == slots,
            )
        )
        found += frame_rows(hub("bench_frames"), tmp / "frames")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(f"sync against PostgreSQL on loopback (medians of {args.runs} runs where repeated):")
    # Each step prints its own line as it finishes; the rows are for the table of `tests.benchmarks.all`.
    rows(args.runs)


if __name__ == "__main__":
    main()
