"""Modules in kiosk/share stay small enough to read in one sitting; split by concept when one grows past this."""

from __future__ import annotations

from pathlib import Path

SHARE = Path(__file__).resolve().parents[2] / "kiosk" / "share"
MAX_LINES = 350


def test_share_modules_stay_small() -> None:
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in sorted(SHARE.glob("*.py"))}
    assert len(sizes) > 10, "looking in the wrong folder"
    too_long = {name: lines for name, lines in sizes.items() if lines > MAX_LINES}
    assert not too_long, f"split these by concept (limit {MAX_LINES} lines): {too_long}"
