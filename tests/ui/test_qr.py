"""QR codes on screen, decoded from a grab of the real window and compared with what they should encode."""

from __future__ import annotations

from datetime import time

import icalendar
import pytest
import zxingcpp
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk.share.links import session_url
from kiosk.store.service import CardDraft
from kiosk.ui.app import KioskApp
from tests.ui.conftest import MakeKiosk, reveal_slot
from tests.ui.driver import find_item, find_object, is_shown, tap, walk_items


def decode_all(kiosk: KioskApp) -> set[str]:
    """Every QR code a phone camera would read off the window right now."""
    image = kiosk.window.grabWindow().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = bytes(image.constBits())[: stride * height]
    # Rows may be padded to 4 bytes: keep exactly `width` pixels of each, as a 2-D buffer zxing-cpp reads.
    pixels = b"".join(raw[row * stride : row * stride + width] for row in range(height))
    buffer = memoryview(pixels).cast("B", (height, width))
    results = zxingcpp.read_barcodes(buffer, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    return {str(result.text) for result in results}


def open_card(kiosk: KioskApp, qtbot: QtBot, topic: str, host: str, hour: int) -> None:
    event = kiosk.config.event
    room = event.rooms[2].key
    kiosk.service.add_card(
        CardDraft(
            room_key=room, starts_at=event.at(event.days[0], time(hour)), topic=topic, host_name=host, handle="@ada"
        )
    )
    kiosk.feed.poke()
    hhmm = f"{hour:02d}00"
    reveal_slot(kiosk, room, hhmm)
    cell = find_item(kiosk.window, f"slot-{room}-{hhmm}")
    assert cell is not None
    tap(kiosk.window, cell)
    detail = find_object(kiosk.window, "cardDetail")
    assert detail is not None
    qtbot.waitUntil(lambda: detail.property("opened") is True)


@pytest.mark.parametrize(
    ("topic", "host"),
    [("Git clinic", "Ada"), ("Zoë's <b>data</b> café, 100% “fun” & more", "Łukasz Żółć")],
)
def test_detail_sheet_qr_codes_decode_to_their_payloads(
    make_kiosk: MakeKiosk, qtbot: QtBot, topic: str, host: str
) -> None:
    kiosk = make_kiosk(now="2023-04-21T09:00")
    open_card(kiosk, qtbot, topic, host, 15)
    (card,) = [c for c in kiosk.service.cards() if c.topic == topic]
    items = {name: find_item(kiosk.window, name) for name in ("sessionQr", "calendarQr", "shareQr")}
    assert all(item is not None and is_shown(item) for item in items.values())
    payloads = {name: str(item.property("payload")) for name, item in items.items() if item is not None}

    assert payloads["sessionQr"] == session_url(kiosk.config.event, card)
    assert payloads["sessionQr"].startswith("https://us.pycon.org/2023/openspaces/2023-04-21/")
    assert "#PyConOpenSpace" in payloads["shareQr"] or "%23PyConOpenSpace" in payloads["shareQr"]
    vevent = icalendar.Calendar.from_ical(payloads["calendarQr"]).walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == topic
    assert vevent.decoded("DTSTART").utcoffset().total_seconds() == 0  # UTC

    qtbot.waitUntil(lambda: set(payloads.values()) <= decode_all(kiosk), timeout=3000)


def test_success_screen_shows_the_new_sessions_qr(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now="2023-04-21T09:00")
    room = kiosk.config.event.rooms[0].key
    reveal_slot(kiosk, room, "1100")
    cell = find_item(kiosk.window, f"slot-{room}-1100")
    assert cell is not None and cell.property("slotState") == "free"
    tap(kiosk.window, cell)
    qtbot.waitUntil(lambda: kiosk.form.property("isOpen"))
    kiosk.form.setField("topic", "Home automation with MicroPython")
    kiosk.form.setField("hostName", "Aiko")
    submit = find_item(kiosk.window, "submitButton")
    assert submit is not None
    tap(kiosk.window, submit)
    qr = find_item(kiosk.window, "savedSessionQr")
    qtbot.waitUntil(lambda: qr is not None and is_shown(qr))
    assert qr is not None
    (card,) = [c for c in kiosk.service.cards() if c.host_name == "Aiko"]
    payload = qr.property("payload")
    assert payload == session_url(kiosk.config.event, card)
    qtbot.waitUntil(lambda: payload in decode_all(kiosk), timeout=3000)


def test_every_code_is_at_least_two_and_a_half_centimetres(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk(now="2023-04-21T09:00", size="1280x720")
    open_card(kiosk, qtbot, "Small screens", "Ada", 16)
    density = kiosk.window.screen().physicalDotsPerInch() / 25.4  # pixels per millimetre
    for name in ("sessionQr", "calendarQr", "shareQr"):
        qr = find_item(kiosk.window, name)
        assert qr is not None
        images = [i for i in walk_items(qr) if i.metaObject().className() == "QQuickImage"]
        assert images and images[0].width() >= 25 * density, name
