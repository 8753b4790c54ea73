"""Crash harness: a kiosk process is killed (SIGKILL) at random moments while it saves cards, again and again.

After every kill the board is opened again, as the restarted kiosk would, and must be whole: SQLite's
`PRAGMA integrity_check` says ok, every card whose save the process confirmed is on the board, every
cancellation it confirmed stayed cancelled, the board's own rules hold (`kiosk check`), and no change is half
there (a session without its audit row, or whose newest outbox entry is not its current version).

The child process is a kiosk's store and nothing else: `BoardService` adding cards to free slots in a loop, now
and then cancelling one of its own with the edit code, and taking automatic backups as the kiosk does. It prints
`ADDED <id>` only after `add_card` returned (the commit is durable: WAL, synchronous=FULL) and `CANCELLED <id>`
after `cancel_card` did; the parent reads those lines, kills the child after a random delay, drains what it
printed before it died, and checks. A kill in the middle of a backup must leave nothing the start-up check would
restore from (the newest backup it calls good must be whole), and the start-up must never put a backup in the
place of a board that is whole. Most kills
land while the child saves; some land while it starts (migrating or applying the config to a fresh file). When
the board runs out of free slots the harness carries on with a fresh data directory.

A SIGKILL loses nothing the operating system has already been handed, so this checks that every change is one
transaction that is either all there or not at all after a crash, not what a power cut does to the disk.

    uv run pytest tests/store/test_crash_harness.py                          # 20 kills, the normal run
    KIOSK_CRASH_KILLS=200 uv run pytest tests/store/test_crash_harness.py    # the long run
    KIOSK_CRASH_SEED=1234 ...                                                # replay the delays of a failed run

`tests/benchmarks/crash.py` runs the same harness and reports its figures.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.domain.clock import ManualClock
from kiosk.domain.model import Event, Room
from kiosk.store.autobackup import take_automatic_backup
from kiosk.store.backups import newest_good_backup
from kiosk.store.errors import CardNotFound
from kiosk.store.service import DB_FILE_NAME, BoardService, CardDraft
from tests.factories import DAY_ONE, lifted_event, local

ROOT = Path(__file__).resolve().parents[2]
KILLS_ENV = "KIOSK_CRASH_KILLS"
SEED_ENV = "KIOSK_CRASH_SEED"
DEFAULT_KILLS = 20
KIOSK_ID = "crash-kiosk"
# The longest a kill waits once the child is saving: long enough for several saves (each about 60 ms, most of it
# hashing the edit code), short enough for 200 kills in a few minutes.
MAX_SAVING_DELAY_S = 0.6
# The share of kills aimed at the child's start instead (opening, migrating, applying the config).
STARTUP_KILL_SHARE = 0.15
# The share of the child's writes that cancel one of its own cards instead of adding one, and that take an
# automatic backup (as the kiosk does every few minutes while the board changes).
CANCEL_SHARE = 0.2
BACKUP_SHARE = 0.1
BACKUPS_KEPT = 3
# Fewer free slots than this and the next child starts on a fresh data directory (no life adds this many).
FRESH_BELOW = 60
READY_TIMEOUT_S = 60.0


def crash_event() -> Event:
    """The test event with 24 rooms (384 slots, 2 blocked) and the anti-spam limits lifted: the child adds cards
    as fast as it can, on purpose."""
    rooms: tuple[Room, ...] = (Room("a", "Room A"), Room("b", "Room B"), Room("c", "Room C"))
    rooms += tuple(Room(f"r{n:02d}", f"Room {n}") for n in range(4, 25))
    return lifted_event(rooms=rooms)


def free_slots(service: BoardService) -> list[tuple[str, datetime]]:
    """Every slot neither taken nor blocked, in board order."""
    event = service.event
    taken = {(card.room_key, card.starts_at) for card in service.cards()}
    blocks = service.blocks()
    return [
        (room.key, start)
        for day in event.days
        for start in event.slot_starts(day)
        for room in event.rooms
        if (room.key, start) not in taken
        and not any(block.covers(room.key, start, start + event.slot_length) for block in blocks)
    ]


# -- the child: a kiosk's store, saving until it is killed ------------------------------------------------------------


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def child_main(data_dir: Path, seed: int, life: int) -> None:
    """Open the board, then add cards (and cancel some of this life's) until killed, confirming each."""
    event = crash_event()
    # Each life's clock starts 30 s after the last one's (every 1,000 lives from midnight again), well before the
    # first slot, so no slot is ever past.
    clock = ManualClock(local(DAY_ONE, 0) + timedelta(seconds=30 * (life % 1000)))
    started = time.perf_counter()
    service = BoardService.open(data_dir, event, clock, KIOSK_ID)
    opened_ms = (time.perf_counter() - started) * 1000
    rng = random.Random(seed)
    free = free_slots(service)
    rng.shuffle(free)
    mine: dict[uuid.UUID, tuple[str, tuple[str, datetime]]] = {}
    _say(f"READY {opened_ms:.1f}")
    for n in range(10**9):
        clock.advance(timedelta(milliseconds=10))
        if rng.random() < BACKUP_SHARE:
            _say("BACKING-UP")
            made = take_automatic_backup(service.db_path, BACKUPS_KEPT, reason="scheduled")
            _say(f"BACKED-UP {made}")
            continue
        if mine and rng.random() < CANCEL_SHARE:
            card_id = rng.choice(sorted(mine))
            code, slot = mine.pop(card_id)
            _say(f"CANCELLING {card_id}")
            service.cancel_card(card_id, code)
            _say(f"CANCELLED {card_id}")
            free.append(slot)
            continue
        if not free:
            _say("FULL")
            time.sleep(60)
            continue
        room_key, start = free.pop()
        _say("ADDING")
        added = service.add_card(
            CardDraft(
                room_key=room_key,
                starts_at=start,
                topic=f"Crash test {life}-{n}",
                host_name="Crash Host",
                description="Saved while the process may die. " * rng.randrange(0, 15),
            )
        )
        _say(f"ADDED {added.card.id}")
        mine[added.card.id] = (added.edit_code, (room_key, start))


# -- the parent: what the child confirmed, and what the board holds after the kill ----------------------------------


@dataclass
class Ledger:
    """What the child confirmed on one data directory, across all its lives."""

    live: set[uuid.UUID] = field(default_factory=set)  # added, and no cancellation begun
    cancelled: set[uuid.UUID] = field(default_factory=set)  # cancellation confirmed
    unsure: set[uuid.UUID] = field(default_factory=set)  # cancellation begun, not confirmed: either is right

    def take(self, line: str) -> None:
        word, _, rest = line.partition(" ")
        if word == "ADDED":
            self.live.add(uuid.UUID(rest))
        elif word == "CANCELLING":
            self.live.discard(uuid.UUID(rest))
            self.unsure.add(uuid.UUID(rest))
        elif word == "CANCELLED":
            self.unsure.discard(uuid.UUID(rest))
            self.cancelled.add(uuid.UUID(rest))


@dataclass
class Findings:
    """What one check after a kill found wrong; empty lists when all is well."""

    integrity: list[str] = field(default_factory=list)
    lost: list[uuid.UUID] = field(default_factory=list)
    resurrected: list[uuid.UUID] = field(default_factory=list)
    half_written: list[str] = field(default_factory=list)
    board_rules: list[str] = field(default_factory=list)
    # The start-up check put a backup in the place of a board that was whole, or would restore a damaged backup.
    backups: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return [
            *(f"integrity_check: {line}" for line in self.integrity),
            *(f"confirmed save lost: {card_id}" for card_id in self.lost),
            *(f"confirmed cancellation undone: {card_id}" for card_id in self.resurrected),
            *self.half_written,
            *self.board_rules,
            *self.backups,
        ]


def integrity(db_path: Path) -> list[str]:
    """SQLite's own check, on a plain connection before the kiosk writes anything; [] when it says ok."""
    with closing(sqlite3.connect(db_path)) as connection:
        lines = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        lines += [f"foreign key: {row}" for row in connection.execute("PRAGMA foreign_key_check")]
    return [] if lines == ["ok"] else lines


def half_written(db_path: Path) -> list[str]:
    """Changes only partly there: a session without the audit row of its adding or cancelling, or whose newest
    outbox entry is not its current version (row, audit row and outbox entry are one transaction)."""
    queries = {
        "a session without its card.add audit row": """
            SELECT s.id FROM sessions s WHERE NOT EXISTS (
                SELECT 1 FROM audit_log a WHERE a.action = 'card.add' AND a.entity_id = dashed(s.id))""",
        "a cancelled session without its card.cancel audit row": """
            SELECT s.id FROM sessions s WHERE s.deleted AND NOT EXISTS (
                SELECT 1 FROM audit_log a WHERE a.action = 'card.cancel' AND a.entity_id = dashed(s.id))""",
        "a session whose newest outbox entry is not its version": """
            SELECT s.id FROM sessions s
            WHERE s.version IS NOT (SELECT max(o.version) FROM outbox o WHERE o.row_id = s.id)""",
    }
    found = []
    with closing(sqlite3.connect(db_path)) as connection:
        # Ids are stored as 32 hex digits (SQLAlchemy's Uuid); the audit log names them as text with dashes.
        connection.create_function("dashed", 1, lambda hex_id: str(uuid.UUID(hex_id)), deterministic=True)
        for problem, query in queries.items():
            found += [f"{problem}: {row[0]}" for row in connection.execute(query)]
    return found


def check_after_kill(data_dir: Path, ledger: Ledger) -> tuple[Findings, float, int]:
    """Everything the restarted kiosk must find; how long opening the board took (ms); how many slots are free."""
    found = Findings()
    db_path = data_dir / DB_FILE_NAME
    event = crash_event()
    if not db_path.exists():
        # Killed before it made the file: then it cannot have confirmed anything either.
        found.lost = sorted(ledger.live)
        return found, 0.0, sum(len(event.slot_starts(day)) for day in event.days) * len(event.rooms)
    found.integrity = integrity(db_path)
    # What the start-up check would put in the board's place if it found the board damaged: whole, or nothing.
    newest = newest_good_backup(data_dir)
    if newest is not None and (problems := integrity(newest.path)):
        found.backups.append(f"the newest good backup {newest.path.name} is damaged: {problems[:3]}")
    started = time.perf_counter()
    service = BoardService.open(data_dir, event, ManualClock(local(DAY_ONE, 0)), "crash-check")
    open_ms = (time.perf_counter() - started) * 1000
    if (recovery := service.start_check.recovery) is not None:
        found.backups.append(f"the start-up replaced a whole board with a backup: {recovery.notice()}")
    try:
        for card_id in sorted(ledger.live):
            try:
                service.card(card_id)
            except CardNotFound:
                found.lost.append(card_id)
        for card_id in sorted(ledger.cancelled):
            try:
                service.card(card_id)
            except CardNotFound:
                continue
            found.resurrected.append(card_id)
        # A cancellation cut off by the kill went one way or the other; from now on it is what the board says.
        for card_id in sorted(ledger.unsure):
            try:
                service.card(card_id)
                ledger.live.add(card_id)
            except CardNotFound:
                ledger.cancelled.add(card_id)
        ledger.unsure.clear()
        found.board_rules = list(service.check().findings)
        free = len(free_slots(service))
    finally:
        service.close()
    found.half_written = half_written(db_path)
    return found, open_ms, free


@dataclass
class CrashReport:
    """What a run of the harness did and found; `problems` is empty when every check passed."""

    seed: int
    kills: int = 0
    # Kills that landed before the child had opened the board.
    startup_kills: int = 0
    # Kills that landed after a write began and before it was confirmed; after a backup began and before it ended.
    in_flight: int = 0
    in_backup: int = 0
    backups: int = 0
    confirmed_adds: int = 0
    confirmed_cancels: int = 0
    lost: int = 0
    resurrected: int = 0
    data_dirs: int = 1
    integrity_ok: int = 0
    problems: list[str] = field(default_factory=list)
    # Opening the board right after a kill (SQLite's recovery of the write-ahead log included), ms.
    open_after_crash_ms: list[float] = field(default_factory=list)
    # From starting the child process to its board being open (interpreter and imports included), ms.
    ready_ms: list[float] = field(default_factory=list)

    def add(self, kill: int, found: Findings) -> None:
        self.integrity_ok += not found.integrity
        self.lost += len(found.lost)
        self.resurrected += len(found.resurrected)
        self.problems += [f"kill {kill}: {problem}" for problem in found.problems()]

    def summary(self) -> str:
        mean_open = statistics.mean(self.open_after_crash_ms) if self.open_after_crash_ms else 0.0
        return (
            f"seed {self.seed}: {self.kills} kills ({self.startup_kills} while starting, {self.in_flight} with a"
            f" write in flight, {self.in_backup} during a backup); {self.confirmed_adds} confirmed adds,"
            f" {self.confirmed_cancels} confirmed cancellations and {self.backups} backups on {self.data_dirs} data"
            f" directories; lost {self.lost}, undone {self.resurrected};"
            f" integrity ok after {self.integrity_ok} of {self.kills}; {len(self.problems)} problems;"
            f" opening after a kill {mean_open:.0f} ms on average"
        )


class Life:
    """One run of the child: started, read line by line, killed."""

    def __init__(self, data_dir: Path, seed: int, life: int, stderr_path: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("KIOSK_CONFIG", "KIOSK_DATA_DIR")}
        self.stderr_path = stderr_path
        self.started = time.monotonic()
        self.ready_at: float | None = None
        self.lines: list[str] = []
        self._ready = threading.Event()
        with stderr_path.open("w") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tests.store.test_crash_harness", str(data_dir), str(seed), str(life)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
            )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            # A line cut short by the kill has no newline: it was never a confirmation.
            if not raw.endswith("\n"):
                break
            self.lines.append(raw.rstrip("\n"))
            if raw.startswith("READY"):
                self.ready_at = time.monotonic()
                self._ready.set()
        self._ready.set()

    def wait_ready(self, timeout: float) -> None:
        self._ready.wait(timeout)

    def kill(self) -> None:
        if self.process.poll() is not None:
            self._reader.join(5)
            raise RuntimeError(
                f"the child exited by itself (status {self.process.returncode}) before the kill:\n"
                f"{self.stderr_path.read_text()[-3000:]}"
            )
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)
        # Everything it printed before it died is still in the pipe: read to the end.
        self._reader.join(30)

    @property
    def in_flight(self) -> str:
        """What the child was doing when it died: "ADDING", "CANCELLING", "BACKING-UP", or "" (nothing, or starting)."""
        last = self.lines[-1].split()[0] if self.lines else ""
        return last if last in ("ADDING", "CANCELLING", "BACKING-UP") else ""


def run_harness(
    workdir: Path, kills: int, seed: int, progress: Callable[[str], None] = lambda _line: None
) -> CrashReport:
    """Kill a saving child `kills` times; after each kill, check the board as the restarted kiosk finds it."""
    report = CrashReport(seed)
    ledger = Ledger()
    data_dir = workdir / "data-1"
    for kill in range(kills):
        rng = random.Random(f"{seed}:{kill}")
        at_startup = rng.random() < STARTUP_KILL_SHARE
        life = Life(data_dir, rng.randrange(1 << 30), kill, workdir / "child-stderr.txt")
        if at_startup:
            typical_s = statistics.median(report.ready_ms) / 1000 if report.ready_ms else 1.0
            time.sleep(rng.uniform(0, typical_s))
        else:
            life.wait_ready(READY_TIMEOUT_S)
            time.sleep(rng.uniform(0, MAX_SAVING_DELAY_S))
        try:
            life.kill()
        except RuntimeError as error:
            raise RuntimeError(f"seed {seed}, kill {kill}: {error}") from None
        report.kills += 1
        if life.ready_at is None:
            report.startup_kills += 1
        else:
            report.ready_ms.append((life.ready_at - life.started) * 1000)
        report.in_flight += life.in_flight in ("ADDING", "CANCELLING")
        report.in_backup += life.in_flight == "BACKING-UP"
        report.backups += sum(line.startswith("BACKED-UP") for line in life.lines)
        for line in life.lines:
            ledger.take(line)
        report.confirmed_adds += sum(line.startswith("ADDED") for line in life.lines)
        report.confirmed_cancels += sum(line.startswith("CANCELLED") for line in life.lines)
        found, open_ms, free = check_after_kill(data_dir, ledger)
        report.add(kill, found)
        if open_ms:
            report.open_after_crash_ms.append(open_ms)
        progress(f"kill {kill + 1}/{kills}: {len(life.lines)} lines; {len(ledger.live)} live; {free} slots free")
        if free < FRESH_BELOW:
            report.data_dirs += 1
            data_dir = workdir / f"data-{report.data_dirs}"
            ledger = Ledger()
    return report


def clean_open_ms(data_dir: Path, runs: int) -> float:
    """Median time to open a board that was closed cleanly: the baseline for opening one after a kill."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        BoardService.open(data_dir, crash_event(), ManualClock(local(DAY_ONE, 0)), "crash-check").close()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def kills_wanted() -> int:
    return int(os.environ.get(KILLS_ENV) or DEFAULT_KILLS)


def seed_wanted() -> int:
    return int(os.environ.get(SEED_ENV) or random.SystemRandom().randrange(1 << 31))


# -- the tests ---------------------------------------------------------------------------------------------------------


def test_confirmed_saves_survive_sigkill(tmp_path: Path) -> None:
    kills, seed = kills_wanted(), seed_wanted()
    print(f"crash harness: {kills} kills, seed {seed} (replay: {SEED_ENV}={seed} {KILLS_ENV}={kills})")
    report = run_harness(tmp_path, kills, seed, progress=print)
    print(report.summary())
    assert report.problems == [], f"{report.summary()}\n" + "\n".join(report.problems[:30])
    assert report.kills == kills
    assert report.integrity_ok == kills
    # The kills must have hit a child that was saving, or this proves nothing.
    assert report.confirmed_adds >= kills, report.summary()
    assert report.ready_ms, "no child ever got as far as opening the board"


def test_the_checks_see_a_lost_save_and_an_undone_cancellation(tmp_path: Path) -> None:
    """The harness can fail: a save the child claims but never made, and a cancellation that did not stick."""
    data_dir = tmp_path / "data"
    event = crash_event()
    clock = ManualClock(local(DAY_ONE, 0))
    service = BoardService.open(data_dir, event, clock, KIOSK_ID)
    kept = service.add_card(CardDraft("a", local(DAY_ONE, 10), "Still here", "Host")).card.id
    service.close()
    never_saved, never_cancelled = uuid.uuid4(), kept
    ledger = Ledger()
    for line in (f"ADDED {never_saved}", f"ADDED {kept}", f"CANCELLING {kept}", f"CANCELLED {never_cancelled}"):
        ledger.take(line)
    found, _open_ms, _free = check_after_kill(data_dir, ledger)
    assert found.lost == [never_saved]
    assert found.resurrected == [never_cancelled]
    assert found.integrity == [] and found.half_written == [] and found.board_rules == []


def test_the_checks_see_a_change_without_its_audit_row(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    service = BoardService.open(data_dir, crash_event(), ManualClock(local(DAY_ONE, 0)), KIOSK_ID)
    card = service.add_card(CardDraft("a", local(DAY_ONE, 11), "Half a change", "Host")).card
    service.close()
    with closing(sqlite3.connect(data_dir / DB_FILE_NAME)) as connection, connection:
        connection.execute("DELETE FROM audit_log WHERE entity_id = ?", (str(card.id),))
    assert half_written(data_dir / DB_FILE_NAME) == [f"a session without its card.add audit row: {card.id.hex}"]


if __name__ == "__main__":
    child_main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
