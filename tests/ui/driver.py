"""Drive the real kiosk window like a person: find items by objectName and tap them with touch events."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPointingDevice
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


def find_shown(window: QQuickWindow, name: str) -> QQuickItem | None:
    """The item with this objectName that a person can see (several screens may name a button alike)."""
    return next((item for item in find_items(window, name) if is_shown(item)), None)


def find_object(window: QQuickWindow, name: str) -> QObject | None:
    """Non-visual objects too, such as Popups, which are not items themselves."""
    found = window.findChild(QObject, name)
    if found is not None:
        return found
    return find_item(window, name)


def is_shown(item: QQuickItem | None) -> bool:
    """Visible all the way up and not fully transparent: what a person would see. An item that was destroyed
    (a screen built only while it is open, then dropped) is not shown, and neither is one that is not there."""
    if item is None:
        return False
    while item is not None:
        if not shiboken6.isValid(item):
            return False
        if not item.isVisible() or item.opacity() == 0:
            return False
        item = item.parentItem()
    return True


def centre_of(item: QQuickItem) -> QPoint:
    point = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    return point.toPoint()


def tap_at(window: QQuickWindow, point: QPoint) -> None:
    press_at(window, point)


def click_at(window: QQuickWindow, point: QPoint) -> None:
    """A mouse click: what a touch screen without touch support in Qt (or xdotool) delivers."""
    press_at(window, point, how="mouse")


def press_at(window: QQuickWindow, point: QPoint, *, how: str = "touch", hold_ms: int = 20) -> None:
    """A press held `hold_ms`, then released where it went down; `how` is "touch" or "mouse"."""
    if how == "touch":
        QTest.touchEvent(window, touch_device()).press(0, point, window).commit()
        QTest.qWait(hold_ms)
        QTest.touchEvent(window, touch_device()).release(0, point, window).commit()
    else:
        QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        QTest.qWait(hold_ms)
        QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QTest.qWait(30)


def tap(window: QQuickWindow, item: QQuickItem) -> None:
    assert is_shown(item), f"{item.objectName() or item} is not on screen"
    tap_at(window, centre_of(item))


def texts_in(item: QQuickItem, *, hidden_too: bool = False) -> list[str]:
    """The non-empty texts of `item` and the items under it that a person can see; with `hidden_too`, those of
    hidden items as well."""
    return [str(i.property("text")) for i in walk_items(item) if i.property("text") and (hidden_too or is_shown(i))]


def focused_name(window: QQuickWindow) -> str:
    """The objectName of the item with the keyboard focus ("" when none has it)."""
    item = window.activeFocusItem()
    return item.objectName() if item is not None else ""


def tap_named(window: QQuickWindow, *names: str) -> None:
    """Tap the shown items with these objectNames one after another (a code's keys, then OK)."""
    for name in names:
        item = find_shown(window, name)
        assert item is not None, f"no {name} on screen"
        tap(window, item)


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


def keyboard_keys(window: QQuickWindow) -> dict[str, QQuickItem]:
    """The on-screen keyboard's visible keys by what they type ("\\n" is Enter, "shift", "backspace")."""
    panel = find_item(window, "inputPanel")
    assert panel is not None, "no on-screen keyboard in the window"
    keys: dict[str, QQuickItem] = {}
    for item in walk_items(panel):
        class_name = item.metaObject().className()
        if item.metaObject().indexOfProperty("displayText") < 0 or not is_shown(item):
            continue
        if class_name.startswith("ShiftKey"):
            keys["shift"] = item
        elif class_name.startswith("BackspaceKey"):
            keys["backspace"] = item
        elif class_name.startswith("SpaceKey"):
            keys[" "] = item
        elif class_name.startswith("EnterKey"):
            keys["\n"] = item
        elif (text := item.property("text")) and isinstance(text, str):
            keys.setdefault(text.lower(), item)
    return keys


def wait_keyboard_gone(window: QQuickWindow, timeout_ms: int = 5000) -> None:
    """Until the on-screen keyboard has slid out of the way (a form closed, or its last field done): a person taps
    what is under it once it has."""
    panel = find_item(window, "inputPanel")
    assert panel is not None, "no on-screen keyboard in the window"
    assert wait_for(lambda: not is_shown(panel), timeout_ms), "the on-screen keyboard stayed up"


def type_on_keyboard(window: QQuickWindow, text: str) -> None:
    """Type by tapping the on-screen keyboard's keys, with Shift for capitals, as a person would."""
    for char in text:
        keys = keyboard_keys(window)
        key = keys.get(char.lower())
        assert key is not None, f"no key for {char!r} on the on-screen keyboard"
        # The keyboard capitalises the start of a field by itself: press Shift only when the case is wrong.
        if char.isalpha() and bool(key.property("uppercased")) != char.isupper():
            tap(window, keys["shift"])
            key = keyboard_keys(window)[char.lower()]
        assert not char.isalpha() or bool(key.property("uppercased")) == char.isupper()
        tap(window, key)


def long_press_alternative(window: QQuickWindow, base: str, alternative: str) -> None:
    """Hold a key until its accents pop up, slide to one and let go (how é, ł, ë are typed on the panel)."""
    key = keyboard_keys(window)[base]
    start = centre_of(key)
    QTest.touchEvent(window, touch_device()).press(0, start, window).commit()
    popup_item = None

    def find_alternative() -> bool:
        nonlocal popup_item
        panel = find_item(window, "inputPanel")
        assert panel is not None
        for item in walk_items(panel):
            if (
                item.property("text") == alternative
                and is_shown(item)
                and item.metaObject().indexOfProperty("displayText") < 0
            ):
                popup_item = item
                return True
        return False

    found = wait_for(find_alternative, 3000)
    assert found and popup_item is not None, f"no {alternative!r} among the alternatives of {base!r}"
    target = centre_of(popup_item)
    QTest.touchEvent(window, touch_device()).move(0, target, window).commit()
    QTest.qWait(50)
    QTest.touchEvent(window, touch_device()).release(0, target, window).commit()
    QTest.qWait(50)


def type_hardware(window: QQuickWindow, text: str) -> None:
    """A hardware keyboard plugged into the kiosk: key events carrying each character, accents included."""
    for char in text:
        code = ord(char.upper()) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char)
            QGuiApplication.sendEvent(window, event)
    QTest.qWait(10)
