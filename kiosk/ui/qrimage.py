"""`image://qr/<id>`: QR codes drawn from qrcode's module matrix as crisp squares, dark on light.

The id is the payload in URL-safe base64, so any text (a URL, an iCalendar event, a post with emoji)
travels through QML's image URL unchanged. Images are cached per payload and size.
"""

from __future__ import annotations

import base64
import binascii
import logging
from functools import lru_cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtQuick import QQuickImageProvider

log = logging.getLogger(__name__)

PROVIDER_ID = "qr"
DARK = QColor("#111111")
LIGHT = QColor("#ffffff")


def qr_source(payload: str) -> str:
    """The QML image source that draws `payload` as a QR code."""
    encoded = base64.urlsafe_b64encode(payload.encode("utf-8")).decode("ascii")
    return f"image://{PROVIDER_ID}/{encoded}"


def payload_of(image_id: str) -> str:
    return base64.urlsafe_b64decode(image_id.encode("ascii")).decode("utf-8")


@lru_cache(maxsize=12)  # ~220 KB an image: 128 of them held 28 MiB for a 5% hit rate (QML caches what it shows)
def qr_image(payload: str, target_px: int) -> QImage:
    """The code at the smallest whole number of pixels per module that reaches `target_px`.

    Whole pixels keep every module edge sharp for phone cameras; the quiet zone of four modules is part of
    the matrix, so the light margin is always there, whatever the theme behind it.
    """
    from kiosk.share.qr import qr_matrix  # qrcode loads with the first code drawn, not at start-up

    matrix = qr_matrix(payload)
    modules = len(matrix)
    # Rounded up, never down: `target_px` is the smallest size a phone reads from arm's length (2.5 cm).
    scale = max(1, -(-target_px // modules))
    side = modules * scale
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(LIGHT)
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        x = 0
        while x < modules:
            if row[x]:
                start = x
                while x < modules and row[x]:
                    x += 1
                painter.fillRect(start * scale, y * scale, (x - start) * scale, scale, DARK)
            else:
                x += 1
    painter.end()
    return image


class QrImageProvider(QQuickImageProvider):
    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)

    def requestImage(self, image_id: str, size: QSize, requested_size: QSize) -> QImage:
        target = max(requested_size.width(), requested_size.height(), 64)
        try:
            image = qr_image(payload_of(image_id), target)
        except (binascii.Error, UnicodeDecodeError, ValueError) as error:
            # A code that cannot be drawn shows as a blank light square, never as a broken image icon.
            log.warning("cannot draw a QR code: %s", error)
            image = QImage(target, target, QImage.Format.Format_RGB32)
            image.fill(LIGHT)
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image
