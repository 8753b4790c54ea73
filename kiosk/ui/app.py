"""Application bootstrap: config, store, clock and view models in; a QML window out.

`build_kiosk(argv)` builds everything without entering the event loop, so tests and tools drive the same
window a conference sees; `run(options)` adds the event loop, fullscreen and `--screenshot`.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

# The store, and SQLAlchemy with it, before PySide6: PySide6's import hook (for `from __feature__ import ...`) reads
# the whole source of every module imported after it, which costs SQLAlchemy's ~0.15 s and ~15 MiB more at start.
from kiosk.bootstrap import clock_and_note, load_config_for, open_service
from kiosk.store.service import BoardService

# isort: split
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEvent, QIODevice, Qt, QThreadPool, QTimer
from PySide6.QtGui import QCursor, QFont, QFontDatabase, QGuiApplication, QImage
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow
from PySide6.QtQuickControls2 import QQuickStyle

from kiosk.config import KioskConfig
from kiosk.domain.clock import Clock, ShiftedClock
from kiosk.errorlog import ExceptionHooks
from kiosk.options import RunOptions, parse_run_options
from kiosk.paths import ASSETS_DIR
from kiosk.share.errors import ExportError
from kiosk.syslibs import missing_library_hint
from kiosk.ui.attract import KioskAttract
from kiosk.ui.board import KioskBoard
from kiosk.ui.cardform import KioskCardForm
from kiosk.ui.changefeed import KioskChangeFeed
from kiosk.ui.detail import KioskCardDetail
from kiosk.ui.fullscreen import fill_screen
from kiosk.ui.health import AutoBackup
from kiosk.ui.ideaform import KioskIdeaForm
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.qrimage import PROVIDER_ID, QrImageProvider
from kiosk.ui.qtlog import install_qt_message_handler
from kiosk.ui.router import KioskRouter
from kiosk.ui.staff import KioskStaff
from kiosk.ui.translation import InstalledLanguage, install_language
from kiosk.ui.viewmodels import ViewModels, build_view_models, connect_activity
from kiosk.ui.wishlist import KioskWishList

log = logging.getLogger(__name__)

QML_DIR = Path(__file__).resolve().parent / "qml"


class StartupError(Exception):
    """The window could not be built; the message says what to fix."""


@dataclass
class KioskApp:
    """Everything a running kiosk holds. Keep it alive as long as the window: QML uses these objects."""

    app: QGuiApplication
    engine: QQmlApplicationEngine
    window: QQuickWindow
    service: BoardService
    vms: ViewModels
    config: KioskConfig
    clock: Clock
    options: RunOptions
    idle: IdleWatcher
    autobackup: AutoBackup
    language: InstalledLanguage | None = None
    _closed: bool = field(default=False, init=False)

    # The view models tests and tools reach for most, by name.
    @property
    def feed(self) -> KioskChangeFeed:
        return self.vms.feed

    @property
    def router(self) -> KioskRouter:
        return self.vms.router

    @property
    def board(self) -> KioskBoard:
        return self.vms.board

    @property
    def detail(self) -> KioskCardDetail:
        return self.vms.detail

    @property
    def form(self) -> KioskCardForm:
        return self.vms.form

    @property
    def wish_list(self) -> KioskWishList:
        return self.vms.wish_list

    @property
    def idea_form(self) -> KioskIdeaForm:
        return self.vms.idea_form

    @property
    def attract(self) -> KioskAttract:
        return self.vms.attract

    @property
    def staff(self) -> KioskStaff:
        return self.vms.staff

    def close(self) -> None:
        """Stop timers, tear the QML down before the objects it binds to, and release the database."""
        if self._closed:
            return
        self._closed = True
        self.idle.stop()
        self.feed.stop()
        self.autobackup.stop()
        self.vms.sync.stop()
        self.form.close()
        # A keyboard left up by a focused field breaks the input method for the next window in this process.
        QGuiApplication.inputMethod().hide()
        self.window.close()
        # The QML must go before the view models it binds to, or its bindings run against deleted objects.
        for root in self.engine.rootObjects():
            root.deleteLater()
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        QThreadPool.globalInstance().waitForDone()
        self.service.close()
        if self.language is not None:
            self.language.uninstall()


def _application() -> QGuiApplication:
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    # The on-screen keyboard is an input method; it must be chosen before the application exists.
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("Open Spaces Kiosk")
    app.setOrganizationName("open-spaces-kiosk")
    return app


def _load_fonts() -> None:
    for font_file in sorted((ASSETS_DIR / "fonts").glob("*.otf")):
        if QFontDatabase.addApplicationFont(str(font_file)) < 0:
            log.warning("could not load font %s", font_file)
    QGuiApplication.setFont(QFont("Inter"))


def build_kiosk(argv: list[str]) -> KioskApp:
    """Build the kiosk for `argv` (the arguments of `kiosk run`) without entering the event loop."""
    options = parse_run_options(argv)
    app = _application()
    config = load_config_for(options)
    base_clock, clock_note = clock_and_note(options, config.event)
    # Everything reads this one clock, so a staff rehearsal time moves the whole kiosk at once.
    clock = ShiftedClock(base_clock)
    service = open_service(config, options, clock)
    if options.demo:
        added = service.seed_demo()
        log.info("demo: %s sample sessions added", added)

    _load_fonts()
    # The event's language before any view model or QML: both translate their words as they are first made.
    language = install_language(config.event.language)
    vms = build_view_models(service, config, clock, clock_note)
    # Basic: the plainest style, fully restyled by Theme; it can only be chosen before the first QML load.
    if QQuickStyle.name() != "Basic":
        QQuickStyle.setStyle("Basic")
    engine = QQmlApplicationEngine()
    engine.setUiLanguage(config.event.language)
    engine.addImportPath(str(QML_DIR))
    engine.addImageProvider(PROVIDER_ID, QrImageProvider())
    engine.setInitialProperties(vms.for_qml())
    load_errors: list[str] = []
    engine.warnings.connect(lambda errors: load_errors.extend(e.toString() for e in errors))
    engine.loadFromModule("Kiosk", "Main")
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        service.close()
        language.uninstall()
        raise StartupError(_load_failure_message(load_errors))
    window = roots[0]
    _place_window(window, options)

    vms.form.closed.connect(lambda: _drop_text_focus(window))
    vms.form.finished.connect(lambda: _drop_text_focus(window))
    idle = IdleWatcher(config.kiosk.idle_seconds * 1000, parent=engine)
    # After the idle time: today's board with nothing over it, then the attract screen on top.
    idle.idle.connect(vms.router.goHome)
    idle.idle.connect(vms.attract.show)
    connect_activity(vms, idle.activity)
    app.installEventFilter(idle)
    idle.start()
    vms.feed.start()
    vms.sync.start(config.event, clock)
    settings = config.kiosk
    autobackup = AutoBackup(
        service, clock, every_minutes=settings.backup_every_minutes, keep=settings.backups_kept, parent=engine
    )
    autobackup.start()
    return KioskApp(
        app=app,
        engine=engine,
        window=window,
        service=service,
        vms=vms,
        config=config,
        clock=clock,
        options=options,
        idle=idle,
        autobackup=autobackup,
        language=language,
    )


def install_exception_hooks(kiosk: KioskApp) -> ExceptionHooks:
    """Uncaught errors in any thread are logged with what the kiosk showed, kept for `kiosk check`, and the window
    goes back to the board (an error in a background thread leaves the screen alone) instead of dying."""

    def back_to_board(in_main_thread: bool) -> None:
        if in_main_thread:
            kiosk.vms.router.goHome()

    hooks = ExceptionHooks(kiosk.service.data_dir, kiosk.vms.router.location, back_to_board)
    hooks.install()
    return hooks


def _drop_text_focus(window: QQuickWindow) -> None:
    """A closed form takes the keyboard and the text focus with it, so no keystroke lands in a hidden field."""
    window.contentItem().forceActiveFocus()
    QGuiApplication.inputMethod().hide()


def _load_failure_message(errors: list[str]) -> str:
    """A missing system library (libpulse0 for the keyboard is the usual one) is named with its package."""
    for error in errors:
        hint = missing_library_hint(error)
        if hint:
            return hint
    detail = errors[0] if errors else "no error was reported"
    return f"The board's screen could not be loaded: {detail}"


def _place_window(window: QQuickWindow, options: RunOptions) -> None:
    if options.size is not None:
        window.resize(*options.size)
    if options.windowed or options.size is not None or options.screenshot is not None:
        window.show()
        window.requestActivate()
        return
    # A kiosk: fullscreen, frameless, and no pointer on a touch screen.
    window.setFlag(Qt.WindowType.FramelessWindowHint, True)
    fill_screen(window)
    window.showFullScreen()
    window.requestActivate()
    QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))


def write_png(image: QImage, target: Path) -> None:
    """`image` as a PNG at `target`, like the exports: a temporary file renamed into place, so a full disk
    leaves the earlier picture (or nothing), never half a PNG; a device or FIFO is never replaced."""
    from kiosk.share.export import check_target, write_atomically  # the exports (icalendar, qrcode) load only here

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs want bytes; Qt wants str
        raise ValueError("the window could not be encoded as PNG")
    buffer.close()
    check_target(target)
    write_atomically(target, bytes(data.data()))


def save_screenshot(kiosk: KioskApp, target: Path) -> None:
    """Wait for the board to be drawn, then write what the window shows to a PNG."""
    window = kiosk.window
    frames = 0

    def on_frame() -> None:
        nonlocal frames
        frames += 1
        # The second frame has the fonts and the scrolled position settled.
        if frames == 2:
            QTimer.singleShot(50, grab)

    def grab() -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_png(window.grabWindow(), target)
        except (OSError, ExportError, ValueError) as error:
            log.error("could not write %s: %s", target, getattr(error, "strerror", None) or error)
            QCoreApplication.exit(1)
            return
        QCoreApplication.exit(0)

    window.frameSwapped.connect(on_frame)
    window.update()
    QTimer.singleShot(200, window.update)


def run(options_argv: list[str]) -> int:
    install_qt_message_handler()
    kiosk = build_kiosk(options_argv)
    hooks = install_exception_hooks(kiosk)
    if kiosk.options.screenshot is not None:
        save_screenshot(kiosk, kiosk.options.screenshot)
    # Under systemd (config/deploy/kiosk.service): READY after the first frame, heartbeats from this thread.
    from kiosk.ui.watchdog import notify_systemd

    systemd = notify_systemd(kiosk.window)
    code = kiosk.app.exec()
    systemd.stopping()
    kiosk.close()
    systemd.close()
    hooks.uninstall()
    return code


__all__ = ["KioskApp", "StartupError", "build_kiosk", "run", "save_screenshot"]
