"""Several processes on one database file: changes are seen through change_stamp, and writers queue, not fail."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Event
from kiosk.store.engine import open_engine
from kiosk.store.service import BoardService, CardDraft

MakeDraft = Callable[..., CardDraft]

# Each worker opens the board like a kiosk would, waits for the starting signal, adds its cards and reports.
WORKER = textwrap.dedent(
    """
    import json, pickle, sys, time
    from pathlib import Path
    from kiosk.store.errors import StoreError
    from kiosk.store.service import BoardService

    job = pickle.loads(Path(sys.argv[1]).read_bytes())
    service = BoardService.open(job["data_dir"], job["event"], job["clock"], job["kiosk_id"])
    job["ready"].touch()
    deadline = time.monotonic() + 30
    while not job["go"].exists() and time.monotonic() < deadline:
        time.sleep(0.002)
    outcomes = []
    for draft in job["drafts"]:
        try:
            service.add_card(draft)
            outcomes.append("added")
        except StoreError as error:
            outcomes.append(type(error).__name__)
    print(json.dumps(outcomes))
    """
)


def run_workers(
    tmp_path: Path, data_dir: Path, event: Event, clock: ManualClock, drafts_per_worker: list[list[CardDraft]]
) -> list[list[str]]:
    go = tmp_path / "go"
    workers = []
    for number, drafts in enumerate(drafts_per_worker):
        job_file = tmp_path / f"job-{number}.pickle"
        job = {
            "data_dir": data_dir,
            "event": event,
            "clock": clock,
            "kiosk_id": f"worker-{number}",
            "drafts": drafts,
            "go": go,
            "ready": tmp_path / f"ready-{number}",
        }
        job_file.write_bytes(pickle.dumps(job))
        workers.append(
            subprocess.Popen(
                [sys.executable, "-c", WORKER, str(job_file)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    # Start them together, once every one has imported everything and opened the board.
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{n}").exists() for n in range(len(workers))):
        assert all(worker.poll() is None for worker in workers), [worker.communicate() for worker in workers]
        assert time.monotonic() < deadline, "workers did not start"
        time.sleep(0.01)
    go.touch()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
        results.append(json.loads(out))
    return results


def test_another_engine_sees_changes_through_the_change_stamp(
    service: BoardService, event: Event, clock: ManualClock, make_draft: MakeDraft
) -> None:
    other = BoardService(open_engine(service.db_path), event, clock, "kiosk-b")
    stamp = other.change_stamp()

    added = service.add_card(make_draft())

    assert other.change_stamp() > stamp
    assert other.cards() == (added.card,)
    other.close()


def test_a_change_in_another_process_moves_the_change_stamp(
    service: BoardService, tmp_path: Path, data_dir: Path, event: Event, clock: ManualClock, make_draft: MakeDraft
) -> None:
    stamp = service.change_stamp()

    [outcomes] = run_workers(tmp_path, data_dir, event, clock, [[make_draft("b", 1, 16, topic="From elsewhere")]])

    assert outcomes == ["added"]
    assert service.change_stamp() > stamp
    assert [card.topic for card in service.cards()] == ["From elsewhere"]


def test_processes_racing_for_one_slot_get_exactly_one_card(
    service: BoardService, tmp_path: Path, data_dir: Path, event: Event, clock: ManualClock, make_draft: MakeDraft
) -> None:
    drafts = [[make_draft("a", 0, 15, topic=f"Racer {n}")] for n in range(4)]

    outcomes = sorted(outcome for [outcome] in run_workers(tmp_path, data_dir, event, clock, drafts))

    assert outcomes == ["SlotTaken", "SlotTaken", "SlotTaken", "added"]
    assert len(service.cards()) == 1


def test_processes_writing_at_once_all_succeed(
    service: BoardService, tmp_path: Path, data_dir: Path, event: Event, clock: ManualClock, make_draft: MakeDraft
) -> None:
    slots = [
        (room, hour) for room in ("a", "b", "c") for hour in range(10, 18) if (room, hour) not in {("b", 12), ("b", 13)}
    ]
    per_worker = [
        [make_draft(room, 0, hour, topic=f"{room}{hour}") for room, hour in slots[n::4]][:4] for n in range(4)
    ]

    results = run_workers(tmp_path, data_dir, event, clock, per_worker)

    assert results == [["added"] * len(drafts) for drafts in per_worker]
    assert len(service.cards()) == sum(len(drafts) for drafts in per_worker) == 16
