"""`kiosk --screenshot` at the four screens the board is designed for; the PNGs are kept as test artefacts."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.commands import ROOT, run_kiosk
from tests.ui.conftest import MakeKiosk, reveal_slot
from tests.ui.driver import find_item, find_items, is_shown, tap

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


def test_every_screen_renders_for_a_look(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    """Each screen a person meets, rendered to artifacts/screenshots/ to be looked at (the README shows them)."""
    kiosk = make_kiosk("--demo", now="2023-04-21T11:30")
    window = kiosk.window
    shots: list[str] = []

    def save(name: str) -> None:
        QTest.qWait(400)  # sheets fade in, the keyboard slides up
        target = ARTEFACTS / f"{name}-1920x1080.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        assert window.grabWindow().save(str(target)), target
        shots.append(name)

    save("board")
    reveal_slot(kiosk, "150f", "1100")
    tap(window, find_item(window, "slot-150f-1100"))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: is_shown(find_item(window, "sessionQr")))
    save("detail")
    kiosk.router.goHome()
    reveal_slot(kiosk, "150d", "1500")
    tap(window, find_item(window, "slot-150d-1500"))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: kiosk.form.property("isOpen") is True)
    for name, value in (("topic", "Juggling for programmers"), ("hostName", "Ngozi Eze"), ("handle", "@ngozi_codes")):
        kiosk.form.setField(name, value)
    kiosk.form.toggleTag("social")
    save("form")
    kiosk.form.submit()
    qtbot.waitUntil(lambda: kiosk.form.property("editCode") != "")
    save("saved")
    kiosk.form.close()
    kiosk.board.showWishList()
    qtbot.waitUntil(lambda: is_shown(find_item(window, "wishList")))
    save("wishlist")
    kiosk.idea_form.open()
    save("idea-form")
    kiosk.router.goHome()
    kiosk.attract.show()
    qtbot.waitUntil(lambda: is_shown(find_item(window, "nowNext")))
    save("attract")
    assert shots == ["board", "detail", "form", "saved", "wishlist", "idea-form", "attract"]


@pytest.mark.parametrize("size", ["1920x1080", "1280x720", "1080x1920"])
def test_staff_screens_render_for_a_look(make_kiosk: MakeKiosk, qtbot: QtBot, tmp_path: Path, size: str) -> None:
    from kiosk.store.pin import set_pin
    from kiosk.ui.staff import StaffSection

    set_pin(tmp_path / "data", "24681357")
    kiosk = make_kiosk("--demo", now="2023-04-21T11:30", size=size)
    window = kiosk.window
    kiosk.staff.requestEntry()
    qtbot.waitUntil(lambda: is_shown(find_item(window, "pinPad")))
    QTest.qWait(300)
    assert window.grabWindow().save(str(ARTEFACTS / f"staff-pin-{size}.png"))
    kiosk.staff.submitPin("24681357")
    # Every section on the landscape screen; the densest two (a list of cards, the tools) small and upright too.
    sections = list(StaffSection) if size == "1920x1080" else [StaffSection.Cards, StaffSection.Tools]
    for section in sections:
        kiosk.staff.showSection(section)
        QTest.qWait(300)
        target = ARTEFACTS / f"staff-{section.name.lower()}-{size}.png"
        assert window.grabWindow().save(str(target)), target
        if section == StaffSection.Cards:
            # Upright, a card's buttons go under its topic, so the topic is not cut to a few letters.
            row = find_item(window, "staffCard-0")
            assert row is not None and row.property("stacked") is (size == "1080x1920")
        if section == StaffSection.Tools:
            # A long export folder is shortened in the middle, never wider than the page.
            page_width = window.width()
            assert all(b.width() < page_width for b in find_items(window, "exportPlace-1"))


def test_a_screenshot_onto_a_full_disk_leaves_the_earlier_picture(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.ui.app import write_png

    target = tmp_path / "board.png"
    earlier = QImage(8, 8, QImage.Format.Format_RGB32)
    earlier.fill(QColor("#14213d"))
    write_png(earlier, target)
    before = target.read_bytes()

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    newer = QImage(8, 8, QImage.Format.Format_RGB32)
    newer.fill(QColor("#ffffff"))
    with pytest.raises(OSError, match="No space left"):
        write_png(newer, target)
    assert target.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == ["board.png"]  # no half-written temporary left


def test_a_screenshot_never_replaces_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    done = run_kiosk("--data-dir", str(tmp_path / "data"), "--demo", "--screenshot", str(fifo), "--size", "640x480")
    assert done.returncode == 1
    assert "could not write" in done.stderr and "not a regular file" in done.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
