"""The staff PIN: stored as a scrypt hash only, checked in constant time, five wrong tries pause the pad for five
minutes even across a restart, and every attempt is an audit row without the PIN in it."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from kiosk.domain.clock import ManualClock, ShiftedClock
from kiosk.domain.model import Event
from kiosk.store.pin import PIN_FILE, InvalidPin, PinNotSet, pin_matches, set_pin
from kiosk.store.service import BoardService
from kiosk.store.tables import AuditRow

PIN = "24681357"


def audit(service: BoardService) -> list[tuple[str, str, str]]:
    with Session(service.engine) as s:
        return [(r.actor, r.action, r.detail) for r in s.scalars(sa.select(AuditRow).order_by(AuditRow.id))]


@pytest.mark.parametrize("bad", ["12345", "1234567890123", "12a456", "١٢٣٤٥٦", "", " 123456"])
def test_a_pin_is_six_to_twelve_plain_digits(tmp_path: Path, bad: str) -> None:
    with pytest.raises(InvalidPin):
        set_pin(tmp_path, bad)
    assert not (tmp_path / PIN_FILE).exists()


def test_only_a_salted_scrypt_hash_is_stored_readable_by_the_kiosk_alone(tmp_path: Path) -> None:
    path = set_pin(tmp_path, PIN)
    text = path.read_text(encoding="ascii")
    assert text.startswith("scrypt$") and PIN not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert pin_matches(tmp_path, PIN) and not pin_matches(tmp_path, "24681358")
    # A second PIN replaces the first, with a new salt.
    set_pin(tmp_path, "999999")
    assert not pin_matches(tmp_path, PIN) and path.read_text(encoding="ascii") != text


def test_a_damaged_pin_file_opens_nothing(tmp_path: Path) -> None:
    (tmp_path / PIN_FILE).write_text("scrypt$not$a$hash\n", encoding="ascii")
    assert not pin_matches(tmp_path, PIN)


def test_without_a_pin_the_pad_says_how_to_set_one(service: BoardService) -> None:
    with pytest.raises(PinNotSet, match="kiosk set-pin"):
        service.try_staff_pin(PIN)


def test_five_wrong_pins_pause_the_pad_even_across_a_restart(
    service: BoardService, clock: ManualClock, event: Event, data_dir: Path
) -> None:
    set_pin(service.data_dir, PIN)
    outcomes = [service.try_staff_pin("11111111") for _ in range(5)]
    assert [o.tries_left for o in outcomes[:4]] == [4, 3, 2, 1]
    assert outcomes[4].locked_seconds == 300 and "paused for 5 minutes" in outcomes[4].message
    assert service.try_staff_pin(PIN).locked_seconds == 300  # even the right PIN waits

    service.close()
    restarted = BoardService.open(data_dir, event, clock, "kiosk-a")
    clock.advance(timedelta(minutes=4))
    assert restarted.try_staff_pin(PIN).locked_seconds == 60
    clock.advance(timedelta(minutes=1, seconds=1))
    assert restarted.try_staff_pin(PIN).opened

    rows = [(actor, action) for actor, action, _ in audit(restarted) if action.startswith("staff.")]
    # Tries while paused are not checked, but logged.
    assert rows == [("attendee", "staff.pin.wrong")] * 4 + [
        ("attendee", "staff.pin.locked"),
        ("attendee", "staff.pin.paused"),
        ("attendee", "staff.pin.paused"),
        ("attendee", "staff.open"),
    ]
    assert not any(PIN in detail or "11111111" in detail for _, _, detail in audit(restarted))
    restarted.close()


def test_the_pause_goes_by_real_time_whatever_the_rehearsal_clock_says(
    clock: ManualClock, event: Event, data_dir: Path
) -> None:
    rehearsal = ShiftedClock(clock)
    service = BoardService.open(data_dir, event, rehearsal, "kiosk-a")
    set_pin(service.data_dir, PIN)
    # Paused while rehearsing three days ahead: back on real time, five real minutes still end it.
    rehearsal.shift_to(clock.now() + timedelta(days=3))
    assert [service.try_staff_pin("11111111").locked_seconds for _ in range(5)][-1] == 300
    rehearsal.reset()
    assert service.try_staff_pin(PIN).locked_seconds == 300
    clock.advance(timedelta(minutes=5, seconds=1))
    assert service.try_staff_pin(PIN).opened
    # Paused on real time: rehearsing a day back does not lift it.
    for _ in range(5):
        service.try_staff_pin("11111111")
    rehearsal.shift_to(clock.now() - timedelta(days=1))
    assert service.try_staff_pin(PIN).locked_seconds == 300
    # The log keeps real times, in order.
    with Session(service.engine) as s:
        times = list(s.scalars(sa.select(AuditRow.at).order_by(AuditRow.id)))
    assert times == sorted(times) and times[-1] == clock.now()
    service.close()
