"""Drive the real kiosk window like a person: find items by objectName and tap them with touch events."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QPoint, QPointF
from PySide6.QtGui import QPointingDevice
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

_touch_device: QPointingDevice | None = None


def touch_device() -> QPointingDevice:
    global _touch_device
    if _touch_device is None:
        _touch_device = QTest.createTouchDevice()
    return _touch_device


def walk_items(root: QQuickItem) -> Iterator[QQuickItem]:
    stack = [root]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(item.childItems())


def find_items(window: QQuickWindow, name: str) -> list[QQuickItem]:
    """Items in the visual tree (the overlay with its sheets included) with this objectName, visible or not."""
    return [item for item in walk_items(window.contentItem()) if item.objectName() == name]


def find_item(window: QQuickWindow, name: str) -> QQuickItem | None:
    items = find_items(window, name)
    return items[0] if items else None


def find_object(window: QQuickWindow, name: str) -> QObject | None:
    """Non-visual objects too, such as Popups, which are not items themselves."""
    found = window.findChild(QObject, name)
    if found is not None:
        return found
    return find_item(window, name)


def is_shown(item: QQuickItem | None) -> bool:
    """Visible all the way up and not fully transparent: what a person would see."""
    while item is not None:
        if not item.isVisible() or item.opacity() == 0:
            return False
        item = item.parentItem()
    return True


def centre_of(item: QQuickItem) -> QPoint:
    point = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    return point.toPoint()


def tap_at(window: QQuickWindow, point: QPoint) -> None:
    QTest.touchEvent(window, touch_device()).press(0, point, window).commit()
    QTest.qWait(20)
    QTest.touchEvent(window, touch_device()).release(0, point, window).commit()
    QTest.qWait(30)


def tap(window: QQuickWindow, item: QQuickItem) -> None:
    assert is_shown(item), f"{item.objectName() or item} is not on screen"
    tap_at(window, centre_of(item))


def prop(obj: QObject, name: str) -> Any:
    return obj.property(name)


def wait_for(condition: Callable[[], bool], timeout_ms: int = 2000) -> bool:
    """Run the event loop until `condition` holds or the time is up; returns whether it held."""
    waited = 0
    while not condition():
        if waited >= timeout_ms:
            return False
        QTest.qWait(10)
        waited += 10
    return True
