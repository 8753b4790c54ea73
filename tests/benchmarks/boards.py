"""Boards for benchmarks: the demo event, and a large one (40 rooms, 3 days, 10 hours, 1,000 sessions)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.config import load_config
from kiosk.domain.clock import ManualClock
from kiosk.store.service import BoardService, CardDraft

LARGE_ROOMS = 40
LARGE_SESSIONS = 1000

TOPICS = (
    "Home automation with MicroPython",
    "Data viz show and tell",
    "NLP chatbots",
    "PyLadies meetup",
    "Django contributors",
    "Flask extensions",
    "First open-source PR",
    "Git rebase clinic",
    "Avoiding burnout",
    "Board games",
    "Type hints in practice",
    "Packaging pain points",
)


def large_config(directory: Path) -> Path:
    rooms = "\n".join(
        f'[[rooms]]\nkey = "r{i:02d}"\nname = "Room {100 + i}"\nnote = "Level {1 + i // 10}"\n'
        for i in range(LARGE_ROOMS)
    )
    text = f"""
[event]
name = "Large Conference 2023"
slug = "large-conf-2023"
timezone = "America/Denver"
days = [2023-04-21, 2023-04-22, 2023-04-23]
first_slot = "09:00"
last_slot_end = "19:00"
slot_minutes = 60
hashtag = "#LargeOpenSpace"

[links]
base_url = "https://example.org/large"

[limits]
cards_per_kiosk_per_minute = 100000
cards_per_handle_per_day = 100000

{rooms}
"""
    path = directory / "large.toml"
    path.write_text(text, encoding="utf-8")
    return path


def seed_large_board(config_path: Path, data_dir: Path) -> int:
    """Fill the large board with 1,000 sessions (once; later runs reuse the database)."""
    event = load_config(config_path).event
    clock = ManualClock(datetime(2023, 4, 1, tzinfo=UTC))
    service = BoardService.open(data_dir, event, clock, "bench")
    try:
        existing = len(service.cards())
        if existing >= LARGE_SESSIONS:
            return existing
        rng = random.Random(2023)
        slots = [(room.key, start) for day in event.days for start in event.slot_starts(day) for room in event.rooms]
        for room_key, start in rng.sample(slots, LARGE_SESSIONS - existing):
            clock.advance(timedelta(seconds=1))
            service.add_card(
                CardDraft(room_key=room_key, starts_at=start, topic=rng.choice(TOPICS), host_name="Bench Host")
            )
        return len(service.cards())
    finally:
        service.close()


def demo_config_for_benchmarks(directory: Path) -> Path:
    """The demo event with the anti-spam limits lifted: a benchmark adds many cards a minute on purpose."""
    from kiosk.paths import DEMO_CONFIG

    text = DEMO_CONFIG.read_text(encoding="utf-8")
    for key in ("cards_per_kiosk_per_minute", "cards_per_handle_per_day"):
        text = "\n".join(f"{key} = 100000" if line.startswith(f"{key} =") else line for line in text.splitlines())
    path = directory / "demo-unlimited.toml"
    path.write_text(text + "\n", encoding="utf-8")
    return path
