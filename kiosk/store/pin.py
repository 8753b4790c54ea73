"""The staff PIN: 6 to 12 digits, kept only as a salted scrypt hash in the data directory, checked in constant
time, never logged; five wrong PINs pause the pad for five minutes, a pause that survives a restart.

The hash lives in a file of its own (`staff-pin`, readable only by the kiosk's user) rather than in the board's
database, so restoring a backup or clearing the board never changes who can open the staff panel.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import os
import secrets
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.domain.actors import Actor
from kiosk.store.context import StoreContext
from kiosk.store.errors import StoreError
from kiosk.store.tables import KioskStateRow
from kiosk.store.writes import change

PIN_FILE = "staff-pin"
PIN_MIN, PIN_MAX = 6, 12
WRONG_PINS_BEFORE_LOCK = 5
LOCK = timedelta(minutes=5)

# scrypt at n=2**14, r=8: about 50 ms here, and 16 MiB per guess for anyone who copies the file.
_N, _R, _P, _LENGTH = 2**14, 8, 1, 32
STATE_KEY = "staff_pin"


class InvalidPin(StoreError):  # noqa: N818 - the name reads as the mistake it reports
    """A PIN that cannot be a staff PIN (not 6 to 12 digits)."""


class PinNotSet(StoreError):  # noqa: N818
    def __init__(self) -> None:
        super().__init__("No staff PIN is set on this kiosk. Set one from a terminal with: kiosk set-pin")


def check_pin_format(pin: str) -> str:
    if not pin.isascii() or not pin.isdigit():
        raise InvalidPin("A staff PIN is made of digits only.")
    if not PIN_MIN <= len(pin) <= PIN_MAX:
        raise InvalidPin(f"A staff PIN has {PIN_MIN} to {PIN_MAX} digits.")
    return pin


def _digest(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=_LENGTH, maxmem=64 * 1024 * 1024)


def set_pin(data_dir: Path, pin: str) -> Path:
    """Store a new PIN's hash (replacing any old one), written whole or not at all, readable by this user only."""
    check_pin_format(pin)
    salt = secrets.token_bytes(16)
    line = f"scrypt${_N}${_R}${_P}${salt.hex()}${_digest(pin, salt, _N, _R, _P).hex()}\n"
    data_dir.mkdir(parents=True, exist_ok=True)
    target = data_dir / PIN_FILE
    handle, scratch = tempfile.mkstemp(dir=data_dir, prefix=".staff-pin-")
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "w", encoding="ascii") as out:
            out.write(line)
            out.flush()
            os.fsync(out.fileno())
        os.replace(scratch, target)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
    return target


def pin_is_set(data_dir: Path) -> bool:
    return (data_dir / PIN_FILE).is_file()


def pin_matches(data_dir: Path, pin: str) -> bool:
    """True if `pin` is the stored PIN; a damaged file matches nothing."""
    try:
        algorithm, n, r, p, salt, digest = (data_dir / PIN_FILE).read_text(encoding="ascii").strip().split("$")
        if algorithm != "scrypt":
            return False
        candidate = _digest(pin, bytes.fromhex(salt), int(n), int(r), int(p))
    except FileNotFoundError:
        raise PinNotSet() from None
    except (OSError, ValueError, UnicodeDecodeError):
        return False
    return hmac.compare_digest(candidate, bytes.fromhex(digest))


@dataclass(frozen=True, slots=True)
class PinOutcome:
    """What the pad says after an attempt: open, wrong (tries left), or paused (seconds left)."""

    opened: bool = False
    tries_left: int = 0
    locked_seconds: int = 0

    @property
    def message(self) -> str:
        if self.opened:
            return ""
        if self.locked_seconds:
            minutes = math.ceil(self.locked_seconds / 60)
            return f"Too many wrong PINs. The pad is paused for {minutes} {'minute' if minutes == 1 else 'minutes'}."
        return f"That is not the staff PIN. {self.tries_left} more {'try' if self.tries_left == 1 else 'tries'}."


def try_pin(ctx: StoreContext, data_dir: Path, pin: str, actor: Actor) -> PinOutcome:
    """Check a PIN typed at the pad, counting wrong ones in the kiosk-local state; each wrong PIN, each pause and
    each opening is an audit row (the PIN itself never is)."""
    if not pin_is_set(data_dir):
        raise PinNotSet()
    with change(ctx, actor, "staff.pin.wrong") as c:
        row = c.session.get(KioskStateRow, STATE_KEY)
        state = json.loads(row.value) if row is not None else {}
        failed = int(state.get("failed", 0))
        locked_until = datetime.fromisoformat(state["locked_until"]) if state.get("locked_until") else None
        if locked_until is not None and locked_until > c.now:
            # Not checked, so a guesser learns nothing while the pad is paused; but the log shows they kept on.
            c.action = "staff.pin.paused"
            c.describe("staff", None, locked_until=locked_until)
            return PinOutcome(locked_seconds=math.ceil((locked_until - c.now).total_seconds()))
        if pin_matches(data_dir, pin):
            c.action = "staff.open"
            c.set_local(KioskStateRow, STATE_KEY, value=json.dumps({"failed": 0}))
            c.describe("staff", None)
            return PinOutcome(opened=True)
        failed += 1
        if failed >= WRONG_PINS_BEFORE_LOCK:
            until = c.now + LOCK
            c.action = "staff.pin.locked"
            c.set_local(KioskStateRow, STATE_KEY, value=json.dumps({"failed": 0, "locked_until": until.isoformat()}))
            c.describe("staff", None, attempts=failed, locked_until=until)
            return PinOutcome(locked_seconds=int(LOCK.total_seconds()))
        c.set_local(KioskStateRow, STATE_KEY, value=json.dumps({"failed": failed}))
        c.describe("staff", None, attempts=failed)
        return PinOutcome(tries_left=WRONG_PINS_BEFORE_LOCK - failed)
