"""Decode a QR matrix the way a phone would see it: rendered to pixels, read back with zxing-cpp."""

from __future__ import annotations

import zxingcpp

from kiosk.share.qr import Matrix

LIGHT, DARK = 255, 0


def render(matrix: Matrix, scale: int = 4) -> memoryview:
    """An 8-bit grayscale image, `scale` pixels per module, as a 2-D buffer zxing-cpp accepts without numpy or PIL."""
    rows = bytearray()
    for row in matrix:
        line = b"".join(bytes([DARK if dark else LIGHT]) * scale for dark in row)
        rows += line * scale
    side = len(matrix) * scale
    return memoryview(bytes(rows)).cast("B", (side, side))


def decode(matrix: Matrix, scale: int = 4) -> str | None:
    result = zxingcpp.read_barcode(
        render(matrix, scale), formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )
    return None if result is None else str(result.text)
