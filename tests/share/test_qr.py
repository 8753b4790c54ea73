"""QR matrices decode back to their payloads; the SVG is well-formed and draws the same modules."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from kiosk.domain import Card, Event
from kiosk.share.calendar import card_vevent_payload
from kiosk.share.links import session_url, share_url
from kiosk.share.qr import PayloadTooLongError, qr_matrix, qr_svg
from tests.share.qr_decode import decode

LONG_UNICODE = 'Zoë 🐍 Łukasz José — 日本語のセッション; commas, "quotes" & <tags>\n' * 12


@pytest.mark.parametrize(
    "payload",
    ["https://us.pycon.org/2023/openspaces/2023-04-21/150d-1100-packaging.html", "x", LONG_UNICODE],
    ids=["url", "one-char", "long-unicode"],
)
def test_round_trip(payload: str) -> None:
    assert decode(qr_matrix(payload)) == payload


def test_session_calendar_and_share_payloads_round_trip(event: Event, cards: list[Card]) -> None:
    for card in cards:
        for payload in (session_url(event, card), card_vevent_payload(event, card), share_url(event, card)):
            assert decode(qr_matrix(payload)) == payload


def test_matrix_is_square_with_a_four_module_quiet_zone() -> None:
    matrix = qr_matrix("https://example.org")
    size = len(matrix)
    assert all(len(row) == size for row in matrix)
    border = [matrix[y][x] for y in range(size) for x in range(size) if min(x, y, size - 1 - x, size - 1 - y) < 4]
    assert not any(border)
    # Finder pattern: the top-left corner of the symbol proper is dark.
    assert matrix[4][4]


def test_matrix_is_cached() -> None:
    assert qr_matrix("cache me") is qr_matrix("cache me")


def test_too_long_payload_is_a_clear_error() -> None:
    with pytest.raises(PayloadTooLongError, match="too many"):
        qr_matrix("x" * 5000)


def test_svg_is_valid_xml_and_draws_every_dark_module() -> None:
    payload = "https://example.org/?q=<&>"
    svg = qr_svg(payload, module_px=5, label='QR for "<x>"')
    root = ET.fromstring(svg)
    matrix = qr_matrix(payload)
    size = len(matrix)
    assert root.get("viewBox") == f"0 0 {size} {size}"
    assert root.get("width") == str(size * 5)
    assert root.get("aria-label") == 'QR for "<x>"'
    path = root.find("{http://www.w3.org/2000/svg}path")
    assert path is not None
    assert path.get("fill") == "#111"
    drawn: set[tuple[int, int]] = set()
    for x, y, width in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", path.get("d", "")):
        drawn.update((int(x) + i, int(y)) for i in range(int(width)))
    expected = {(x, y) for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark}
    assert drawn == expected
