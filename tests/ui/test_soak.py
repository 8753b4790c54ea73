"""A short soak: the real window through one simulated conference day, people tapping, adding, cancelling, voting
and walking away, on an accelerated clock. No QML warning on the way, and at the end the board on screen, the wish
list and everything the screens confirmed agree with the database.

The whole conference, with memory figures, is a benchmark: `uv run python -m tests.benchmarks.soak`.
Another day's people: `KIOSK_SOAK_SEED=N uv run pytest tests/ui/test_soak.py`.
"""

from __future__ import annotations

import os
import random
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QtMsgType
from pytestqt.qtbot import QtBot

from tests.benchmarks.soak import Soak, board_mismatches
from tests.ui.conftest import MakeKiosk

SEED = int(os.environ.get("KIOSK_SOAK_SEED") or 2023)
PEOPLE_PER_HOUR = 6


def test_a_day_at_the_wall_leaves_the_board_as_the_database_has_it(
    make_kiosk: MakeKiosk, qtbot: QtBot, qtlog: Any
) -> None:
    kiosk = make_kiosk("--demo", now="2023-04-21T09:30")
    event = kiosk.config.event
    day = event.days[0]
    print(f"soak seed {SEED} (replay: KIOSK_SOAK_SEED={SEED})")
    soak = Soak(kiosk, random.Random(SEED))
    ledger = soak.run(
        event.at(day, event.first_slot) - timedelta(minutes=30),
        event.at(day, event.last_slot_end) + timedelta(minutes=30),
        PEOPLE_PER_HOUR,
    )
    print(dict(ledger.actions), "refused:", dict(ledger.refused))

    assert ledger.stuck == []
    # The day must have had people in it, or this proves nothing.
    assert ledger.actions["read_a_session"] and (ledger.cards or ledger.cancelled)
    assert board_mismatches(kiosk, ledger) == []
    warnings = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
    assert [r.message for r in qtlog.records if r.type in warnings and not r.ignored] == []
