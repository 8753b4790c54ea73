"""Sync speed and correctness figures against a real PostgreSQL hub (a throwaway server, as the tests start).

Run: `uv run python -m tests.benchmarks.sync [--runs 20]`. Each figure beside a baseline measured in the same run:
- a round with nothing to do (target < 50 ms), against one `SELECT 1` on the hub over a pooled connection;
- 10,000 changes from ten kiosks, pushed and pulled until every board agrees (target < 10 s), against writing
  the same 10,000 rows to the hub in one `executemany` (moving the bytes, nothing else);
- frame times of the real window while its sync round waits on a hub that takes 10 s per answer (frames never
  wait on the network), against the same window with no sync at all;
- a race: ten kiosks book the same 40 slots while apart, then sync at once: winners, conflicts, and what must be
  zero (lost, duplicated, double-booked).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")

import sqlalchemy as sa

from kiosk.domain.model import Room
from kiosk.share.importfile import parse_import
from kiosk.store.cards import CardDraft
from tests.factories import DAY_ONE, DAY_TWO, local
from tests.pgcluster import PgCluster
from tests.sync.board_audit import audit_conference
from tests.sync.harness import SimKiosk, connect_hub, kiosks, make_hub, sync_event

ROOMS = tuple(Room(f"r{n:02d}", f"Room {n}") for n in range(1, 41))
KIOSKS = 10
CHANGES_PER_KIOSK = 1000


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def empty_round(url: str, tmp: Path, runs: int) -> None:
    with kiosks(tmp, url, 1, event=sync_event(rooms=ROOMS, blocks=())) as (kiosk,):
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
        f" ({ping_ms:.1f} ms)   [< 50 ms]"
    )


def make_changes(kiosk: SimKiosk, index: int) -> int:
    """1,000 changes on one kiosk: 100 cards (imported, in slots of its own), 100 ideas, 800 votes."""
    rooms = ROOMS[index * 4 : index * 4 + 4]
    lines = ["Day,Start,Room,Topic,Host"]
    for room in rooms:
        for day in (DAY_ONE, DAY_TWO):
            for hour in range(10, 18):
                if len(lines) <= 100:
                    lines.append(f"{day},{hour:02d}:00,{room.key},Session {room.key} {day} {hour},Host {index}")
    plan = kiosk.service.plan_import(parse_import("\n".join(lines).encode(), "plan.csv"))
    kiosk.service.import_sessions(plan)
    ideas = [kiosk.service.add_idea(f"Idea {index}-{n}").id for n in range(100)]
    for n in range(800):
        kiosk.clock.current += timedelta(seconds=11)
        kiosk.service.vote_idea(ideas[n % len(ideas)])
    return kiosk.service.pending_sync()


def ten_thousand(url: str, tmp: Path) -> None:
    event = sync_event(rooms=ROOMS, blocks=())
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
        f"  {changes:,} changes from {KIOSKS} kiosks     {sync_s:8.2f} s   = {sync_s / baseline_s:5.1f}× writing"
        f" {changes:,} rows to the hub at once ({baseline_s:.2f} s)   [< 10 s]; {rounds} rounds each,"
        f" boards {'agree' if len(digests) == 1 else 'DIFFER'}"
    )


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


def race(url: str, tmp: Path) -> None:
    slots = [(room.key, local(DAY_ONE, hour).astimezone(UTC)) for room in ROOMS[:5] for hour in range(10, 18)]
    created: set[uuid.UUID] = set()
    with kiosks(tmp, url, KIOSKS, event=sync_event(rooms=ROOMS, blocks=())) as all_kiosks:
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
    print(f"  race for {len(slots)} slots: {rounds + 1} rounds; {audit.line()}")


def frame_times(url: str, tmp: Path) -> None:
    from tests.benchmarks.sync_frames import frames_while_slow

    frames_while_slow(url, tmp)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch, PgCluster() as cluster:
        tmp = Path(scratch)

        def hub(name: str) -> str:
            return make_hub(cluster.superuser_url(cluster.create_database(name)))

        print(f"sync against PostgreSQL on loopback (medians of {args.runs} runs where repeated):")
        empty_round(hub("bench_empty"), tmp / "empty", args.runs)
        ten_thousand(hub("bench_many"), tmp / "many")
        race(hub("bench_race"), tmp / "race")
        frame_times(hub("bench_frames"), tmp / "frames")


if __name__ == "__main__":
    main()
