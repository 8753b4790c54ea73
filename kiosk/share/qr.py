"""QR codes as plain module matrices (drawn by QML or tests) and as SVG (for the static site, no JavaScript)."""

from __future__ import annotations

from functools import lru_cache
from html import escape

import qrcode
import qrcode.constants
import qrcode.exceptions

QUIET_ZONE = 4
Matrix = tuple[tuple[bool, ...], ...]


class PayloadTooLongError(ValueError):
    """The text does not fit in the largest QR code."""

    def __init__(self, length: int) -> None:
        super().__init__(f"{length} characters are too many for a QR code; shorten the text")


@lru_cache(maxsize=256)
def qr_matrix(payload: str) -> Matrix:
    """Dark (True) and light modules row by row, including the 4-module quiet zone.

    Cached: the kiosk redraws the same few codes whenever the detail sheet opens.
    """
    # Level M survives a smudged or partly covered screen and still keeps codes small enough to scan from afar.
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(payload)
    try:
        code.make(fit=True)
    # qrcode 8 reports overflow as DataOverflowError or, when fitting, as a ValueError for "version 41".
    except (qrcode.exceptions.DataOverflowError, ValueError) as error:
        raise PayloadTooLongError(len(payload)) from error
    return tuple(tuple(bool(module) for module in row) for row in code.get_matrix())


def _dark_runs(row: tuple[bool, ...]) -> list[tuple[int, int]]:
    """(start, length) of each horizontal run of dark modules."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for x, dark in enumerate((*row, False)):
        if dark and start is None:
            start = x
        elif not dark and start is not None:
            runs.append((start, x - start))
            start = None
    return runs


def qr_svg(payload: str, module_px: int = 4, label: str = "") -> str:
    """A standalone SVG: a white square with dark #111 modules, drawn as one path of run rectangles."""
    matrix = qr_matrix(payload)
    size = len(matrix)
    path = "".join(f"M{x} {y}h{length}v1h-{length}z" for y, row in enumerate(matrix) for x, length in _dark_runs(row))
    title = f"<title>{escape(label, quote=True)}</title>" if label else ""
    pixels = size * module_px
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{pixels}" height="{pixels}" '
        f'shape-rendering="crispEdges" role="img" aria-label="{escape(label or "QR code", quote=True)}">'
        f'{title}<rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#111"/></svg>'
    )
