"""`kiosk --screenshot` at the four screens the board is designed for; the PNGs are kept as test artefacts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from tests.commands import ROOT, run_kiosk

ARTEFACTS = Path(os.environ.get("KIOSK_ARTEFACTS", ROOT / "artifacts")) / "screenshots"
FRAME = QColor("#14213d")  # Theme.frame: the header band


@pytest.mark.parametrize("size", ["1920x1080", "1280x720", "3840x2160", "1080x1920"])
def test_screenshot_renders_the_board(size: str, tmp_path: Path) -> None:
    target = ARTEFACTS / f"board-{size}.png"
    target.unlink(missing_ok=True)
    done = run_kiosk(
        "--data-dir", str(tmp_path), "--demo", "--now", "2023-04-21T11:30", "--screenshot", str(target), "--size", size
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr  # no QML warning, no error
    image = QImage(str(target))
    width, height = (int(n) for n in size.split("x"))
    assert (image.width(), image.height()) == (width, height)
    assert image.pixelColor(width // 2, 3) == FRAME
    # A real board, not a blank window: many distinct colours across the grid.
    colours = {image.pixel(x, y) for x in range(0, width, 37) for y in range(height // 4, height, 41)}
    assert len(colours) > 20
