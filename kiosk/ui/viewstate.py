"""View models that keep what they show in a frozen view: signal only the properties whose values changed."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QObject


def notify_signals(view_type: type[Any], *, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Each field of a view dataclass to the name of its property's notify signal: `topic_error` → `topicErrorChanged`.

    `skip` names fields that are not properties of their own (handed on to another object instead).
    """
    names: dict[str, str] = {}
    for view_field in dataclasses.fields(view_type):
        if view_field.name in skip:
            continue
        head, *rest = view_field.name.split("_")
        names[view_field.name] = head + "".join(part.title() for part in rest) + "Changed"
    return names


def emit_changes(owner: QObject, old: object, new: object, signals: dict[str, str]) -> None:
    for name, signal in signals.items():
        if getattr(old, name) != getattr(new, name):
            getattr(owner, signal).emit()
