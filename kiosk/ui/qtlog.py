"""Route Qt's and QML's messages into Python logging, so warnings land in the kiosk's log file."""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("kiosk.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

# Messages Qt's own modules print on every start that say nothing about the kiosk: kept in the log file at
# debug level, off the terminal. The test suite ignores the same ones (pyproject.toml, qt_log_ignore).
KNOWN_QT_NOISE = (
    re.compile(r"Couldn't (load|resolve) pipewire-0\.3"),
    re.compile(r"Member contentWidth of the object PopupList_QMLTYPE_\d+ overrides a member"),
)

_installed = False


def _handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    where = f" ({context.file}:{context.line})" if context.file else ""
    level = _LEVELS.get(kind, logging.WARNING)
    if any(noise.search(message) for noise in KNOWN_QT_NOISE):
        level = logging.DEBUG
    log.log(level, "%s%s", message, where)


def install_qt_message_handler() -> None:
    """Called by `run` only: in tests pytest-qt's own handler must stay in charge so QML warnings fail them."""
    global _installed
    if _installed:
        return
    _installed = True
    qInstallMessageHandler(_handle)
