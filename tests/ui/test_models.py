"""The view models as Qt sees them: model contracts (qtmodeltester) and the qmltypes file qmllint reads."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.modeltest import ModelTester

from kiosk.domain.rules import build_day_grid
from kiosk.ui.qmltypes import QMLTYPES, generate
from kiosk.ui.slotmodel import KioskSlotModel, SlotRole
from tests.ui.conftest import MakeKiosk


def test_slot_model_contract_across_days_and_changes(qtmodeltester: ModelTester, make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk("--demo")
    event = kiosk.config.event
    model = KioskSlotModel(event)
    qtmodeltester.check(model, force_py=True)
    now = datetime(2023, 4, 21, 17, 30, tzinfo=UTC)
    for day in event.days:
        model.set_grid(build_day_grid(event, day, kiosk.service.cards(day), kiosk.service.blocks(), now))
        assert model.rowCount() == len(event.slot_starts(day))
        assert model.columnCount() == len(event.rooms)
    # Time passing changes cells in place (past hours), keeping the shape.
    later = now + timedelta(hours=3)
    day = event.days[-1]
    model.set_grid(build_day_grid(event, day, kiosk.service.cards(day), kiosk.service.blocks(), later))
    states = {
        model.data(model.index(r, c), SlotRole.State)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    }
    assert states <= {"free", "booked", "blocked", "past"}


def test_committed_qmltypes_match_the_view_models(tmp_path) -> None:  # type: ignore[no-untyped-def]
    fresh = generate(tmp_path / "kiosk.qmltypes")
    assert QMLTYPES.read_text(encoding="utf-8") == fresh, "run: uv run python -m kiosk.ui.qmltypes"
