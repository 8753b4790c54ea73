"""The kiosk as it boots on the wall: kiosk.service's ExecStart (config/deploy/kiosk-cage) with the unit's
environment (its Environment= lines and kiosk.env), in cage, as an unprivileged user, fullscreen and turned to
portrait by KIOSK_ROTATION. A card is typed on the on-screen keyboard by tapping its keys, then stopped the way
the unit's ExecStop does it, and the card is looked for in the board's database.

cage runs on wlroots' headless backend (no screen, no GPU). Taps are xdotool clicks sent to cage's Xwayland, on
which the kiosk runs (QT_QPA_PLATFORM=xcb in kiosk.env): bookworm's cage 0.1.4 has no virtual-pointer protocol
for a Wayland client to be driven with. Where to tap comes from a twin: the same kiosk built in this process,
offscreen at the same size, which is tapped in step (it knows where the keys are and when Shift is needed).
Screenshots of the real screen (grim) land in artifacts/cage/.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import re
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.paths import DEMO_CONFIG
from kiosk.ui.app import KioskApp, build_kiosk
from tests.commands import ROOT, run_kiosk
from tests.deploy.notify import NotifySocket
from tests.ui.driver import centre_of, click_at, find_shown, keyboard_keys, wait_for

DEPLOY = ROOT / "config" / "deploy"
UNIT = DEPLOY / "kiosk.service"
ENV_FILE = DEPLOY / "kiosk.env"
INSTALLED_AT = "/opt/open-spaces-kiosk"
ARTEFACTS = Path(os.environ.get("KIOSK_ARTEFACTS", ROOT / "artifacts")) / "cage"
TOOLS = ("cage", "Xwayland", "xdotool", "grim", "xset", "pkill")
# wlroots' headless output is 1280x720; KIOSK_ROTATION=90 makes it a portrait screen.
SCREEN = (720, 1280)
NOW = "2023-04-21T11:20"  # a conference day's morning: the slot below is free and in view
SLOT = "slot-150d-1200"
TOPIC = "Kiosk testing in cage"
HOST = "Ada"
# systemd's PATH for services.
SERVICE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

missing = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(missing) and os.environ.get("CI") != "true",
    reason=f"needs {', '.join(missing)}: apt-get install cage xwayland xdotool grim x11-xserver-utils procps",
)


@dataclass(frozen=True)
class Unit:
    """What kiosk.service starts and how: ExecStart, ExecStop, the environment and the watchdog timeout."""

    exec_start: list[str]
    exec_stop: str
    environment: dict[str, str]
    watchdog_usec: int


def read_unit() -> Unit:
    environment: dict[str, str] = {}
    exec_start: list[str] = []
    exec_stop = ""
    watchdog_usec = 0
    for raw in UNIT.read_text(encoding="utf-8").splitlines():
        key, _, value = raw.strip().partition("=")
        if key == "Environment":
            name, _, setting = value.partition("=")
            environment[name] = setting
        elif key == "ExecStart":
            exec_start = shlex.split(value)
        elif key == "ExecStop":
            exec_stop = shlex.split(value)[-1]  # /bin/sh -c '…': the script
        elif key == "WatchdogSec":
            watchdog_usec = int(value) * 1_000_000
    # EnvironmentFile= comes after Environment= and wins, as in systemd.
    for raw in ENV_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            name, _, setting = line.partition("=")
            environment[name] = setting
    assert exec_start and exec_stop and watchdog_usec, "kiosk.service lacks ExecStart, ExecStop or WatchdogSec"
    return Unit(exec_start, exec_stop, environment, watchdog_usec)


def kiosk_account() -> pwd.struct_passwd | None:
    """cage refuses to run as root: under root the kiosk runs as `nobody`, as kiosk.service runs it as `kiosk`."""
    return pwd.getpwnam("nobody") if os.geteuid() == 0 else None


def as_account(account: pwd.struct_passwd | None, *, read_anything: bool) -> list[str]:
    if account is None:
        return []
    prefix = ["setpriv", f"--reuid={account.pw_uid}", f"--regid={account.pw_gid}", "--clear-groups"]
    if read_anything:
        # Only where this machine's Python lives in a folder the account cannot enter (pyenv under /root): the
        # account may then read any file, as the kiosk user reads /opt/open-spaces-kiosk. Writing is unchanged,
        # so the data folder and XDG_RUNTIME_DIR still have to be the account's own.
        prefix += ["--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"]
    return [*prefix, "--"]


def needs_read_anything(account: pwd.struct_passwd | None) -> bool:
    if account is None:
        return False
    probe = [*as_account(account, read_anything=False), sys.executable, "-c", "import kiosk.ui.watchdog"]
    return subprocess.run(probe, capture_output=True, check=False, timeout=60).returncode != 0


def owned_folder(parent: Path, name: str, account: pwd.struct_passwd | None, mode: int = 0o700) -> Path:
    folder = parent / name
    folder.mkdir(mode=mode)
    folder.chmod(mode)
    if account is not None:
        os.chown(folder, account.pw_uid, account.pw_gid)
    return folder


def xwayland_display(cage_pid: int) -> str | None:
    """wlroots writes the compositor's pid into the lock file of the X display it opened for Xwayland."""
    for lock in Path("/tmp").glob(".X*-lock"):
        with contextlib.suppress(OSError, ValueError):
            if int(lock.read_text().replace("\0", "").strip()) == cage_pid:
                return ":" + lock.name[2:-5]
    return None


class Screen:
    """The real kiosk's screen: taps by xdotool on Xwayland, pictures by grim from cage."""

    def __init__(self, prefix: list[str], env: dict[str, str], display: str) -> None:
        self._prefix = prefix
        self._env = {**env, "DISPLAY": display}
        self._last: tuple[int, int] | None = None
        self._last_at = 0.0

    def tap(self, point: QPoint) -> None:
        where = (point.x(), point.y())
        # Two clicks on one spot within the double-click time would be one double click, not two taps.
        if where == self._last:
            wait = QGuiApplication.styleHints().mouseDoubleClickInterval() / 1000 + 0.1
            time.sleep(max(0.0, self._last_at + wait - time.monotonic()))
        command = ["xdotool", "mousemove", str(where[0]), str(where[1]), "click", "1"]
        subprocess.run([*self._prefix, *command], env=self._env, check=True, timeout=10, capture_output=True)
        self._last, self._last_at = where, time.monotonic()

    def x_settings(self) -> str:
        """`xset q` on the kiosk's X display: its screen saver and DPMS."""
        query = [*self._prefix, "xset", "q"]
        return subprocess.run(query, env=self._env, capture_output=True, text=True, timeout=10, check=True).stdout

    def picture(self, name: str | None = None) -> QImage:
        """What cage shows; kept in artifacts/cage/ under `name`."""
        shot = subprocess.run([*self._prefix, "grim", "-"], env=self._env, capture_output=True, timeout=20, check=True)
        if name is not None:
            ARTEFACTS.mkdir(parents=True, exist_ok=True)
            (ARTEFACTS / name).write_bytes(shot.stdout)
        return QImage.fromData(shot.stdout)

    def wait_for_colour(self, point: QPoint, colour: QColor, what: str, timeout: float = 20.0) -> None:
        """Until the real screen shows `colour` at `point`: the real kiosk has caught up with its twin (it draws
        with llvmpipe over X, and its animations may end later than the twin's)."""
        deadline = time.monotonic() + timeout
        while True:
            seen = self.picture().pixelColor(point)
            if all(abs(a - b) <= 12 for a, b in zip(seen.getRgb()[:3], colour.getRgb()[:3], strict=True)):
                return
            if time.monotonic() > deadline:
                self.picture("out-of-step.png")
                pytest.fail(f"the real screen shows {seen.name()} at {what}, its twin {colour.name()}")
            time.sleep(0.1)


class Twin:
    """The same kiosk in this process, offscreen, at the real screen's size: tapped in step with the real one, it
    says where each item and key is."""

    def __init__(self, qtbot: QtBot, data_dir: Path, screen: Screen) -> None:
        self.qtbot = qtbot
        self.screen = screen
        size = f"{SCREEN[0]}x{SCREEN[1]}"
        self.kiosk: KioskApp = build_kiosk(
            ["--config", str(DEMO_CONFIG), "--data-dir", str(data_dir), "--now", NOW, "--size", size]
        )
        qtbot.waitExposed(self.kiosk.window)
        qtbot.waitUntil(lambda: self.shown(SLOT) is not None)

    def shown(self, name: str) -> Any:
        return find_shown(self.kiosk.window, name)

    def settled(self, name: str) -> QQuickItem:
        """`name` once it has stopped moving (sheets slide in, the form scrolls above the keyboard)."""
        assert wait_for(lambda: self.shown(name) is not None, 5000), f"{name} is not on screen"
        last, still_since = QPoint(-1, -1), time.monotonic()
        while time.monotonic() - still_since < 0.4:
            self.qtbot.wait(50)
            item = self.shown(name)
            assert item is not None, f"{name} went away"
            point = centre_of(item)
            if point != last:
                last, still_since = point, time.monotonic()
        return item

    def in_step(self, item: QQuickItem, inset: int = 12) -> QPoint:
        """Wait until the real screen agrees with the twin just inside `item`'s top-left corner (clear of text);
        returns that point."""
        point = item.mapToScene(QPointF(inset, inset)).toPoint()
        self.in_step_at(point, item.objectName())
        return point

    def in_step_at(self, point: QPoint, what: str) -> None:
        colour = self.kiosk.window.grabWindow().pixelColor(point)
        self.screen.wait_for_colour(point, colour, f"{what} ({point.x()}, {point.y()})")

    def tap(self, point: QPoint, *, settle: float = 0.0) -> None:
        click_at(self.kiosk.window, point)
        self.screen.tap(point)
        if settle:
            time.sleep(settle)

    def tap_item(self, name: str) -> QPoint:
        """Tap `name` on both screens once the real one shows it too; returns the point the two were compared at."""
        item = self.settled(name)
        probe = self.in_step(item)
        self.tap(centre_of(item))
        return probe

    def wait_focus(self, name: str) -> None:
        """The twin's focus on `name` and its keyboard up and still, and the real keyboard up too."""

        def focused() -> bool:
            item = self.kiosk.window.activeFocusItem()
            return item is not None and item.objectName() == name

        assert wait_for(focused, 5000), f"{name} did not get the focus"
        panel = self.shown("inputPanel")
        assert panel is not None and wait_for(lambda: panel.property("active") is True, 5000), "no keyboard"
        self.in_step(self.settled("inputPanel"), inset=4)

    def type(self, text: str) -> None:
        """As tests/ui/driver.type_on_keyboard does: the key for each character ("\n" is Enter), Shift only when
        the case is wrong (the keyboard capitalises a field's first letter by itself)."""
        for char in text:
            keys = keyboard_keys(self.kiosk.window)
            key = keys.get(char.lower())
            assert key is not None, f"no key for {char!r}"
            if char.isalpha() and bool(key.property("uppercased")) != char.isupper():
                self.tap(centre_of(keys["shift"]), settle=0.1)
                self.qtbot.wait(50)
                key = keyboard_keys(self.kiosk.window)[char.lower()]
            self.tap(centre_of(key), settle=0.08)
            self.qtbot.wait(30)

    def close(self) -> None:
        self.kiosk.close()


def sessions_in(schedule: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for day in schedule["schedule"]["conference"]["days"]:
        for events in day["rooms"].values():
            yield from events


@pytest.fixture
def searchable_checkout() -> Iterator[None]:
    """Let the kiosk's account reach the checkout (its venv, Qt's plugins) where a folder above it is closed, as a
    clone in `mktemp -d` (0700) is: search permission only, and taken back afterwards. The account's
    CAP_DAC_READ_SEARCH (see `as_account`) is not enough there: Qt checks its plugin folders with access(2), which
    ignores capabilities for a user other than root."""
    opened: list[tuple[Path, int]] = []
    if kiosk_account() is not None:
        for folder in (ROOT, *ROOT.parents):
            mode = folder.stat().st_mode
            if not mode & stat.S_IXOTH:
                folder.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)
                opened.append((folder, stat.S_IMODE(mode)))
    try:
        yield
    finally:
        for folder, mode in opened:
            folder.chmod(mode)


def test_the_kiosk_boots_in_cage_and_takes_a_card_typed_on_its_keyboard(
    qtbot: QtBot, searchable_checkout: None
) -> None:
    assert not missing, f"CI must run this test: {', '.join(missing)} missing (.ci/run installs them)"
    started = time.monotonic()
    unit = read_unit()
    account = kiosk_account()
    prefix = as_account(account, read_anything=needs_read_anything(account))
    # In /tmp, not pytest's folder: that one is closed to other users.
    base = Path(tempfile.mkdtemp(prefix="kiosk-cage-", dir="/tmp"))
    base.chmod(0o755)
    data = owned_folder(base, "data", account, 0o750)
    home = owned_folder(base, "home", account)
    runtime = owned_folder(base, "runtime", account)  # XDG_RUNTIME_DIR: the account's, 0700, as logind makes it
    cage: subprocess.Popen[bytes] | None = None
    twin: Twin | None = None
    log_path = base / "cage.log"
    try:
        with NotifySocket() as systemd, log_path.open("wb") as log:
            user = account.pw_name if account else pwd.getpwuid(os.getuid()).pw_name
            env = {
                **unit.environment,
                # What systemd and logind's PAM session give the service.
                "PATH": SERVICE_PATH,
                "LANG": "C.UTF-8",
                "HOME": str(home),
                "USER": user,
                "LOGNAME": user,
                "XDG_RUNTIME_DIR": str(runtime),
                "NOTIFY_SOCKET": systemd.address,
                "WATCHDOG_USEC": str(unit.watchdog_usec),
                # This test's board and screen: the demo event, portrait, and no real screen or GPU.
                "KIOSK_CONFIG": str(DEMO_CONFIG),
                "KIOSK_DATA_DIR": str(data),
                "KIOSK_ROTATION": "90",
                "WLR_BACKENDS": "headless",
                "WLR_RENDERER": "pixman",
                "WLR_LIBINPUT_NO_DEVICES": "1",
            }
            command = [arg.replace(INSTALLED_AT, str(ROOT)) for arg in unit.exec_start]
            kiosk_program = str(ROOT / ".venv" / "bin" / "kiosk")
            assert command[1] == kiosk_program, command
            # This interpreter, whichever virtual environment runs the tests, and a conference day's clock.
            command[1:2] = [sys.executable, "-m", "kiosk.cli"]
            command += ["--now", NOW]
            launched = time.monotonic()
            cage = subprocess.Popen(
                [*prefix, *command], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=base, start_new_session=True
            )

            ready = systemd.wait_for("READY", timeout=60)
            assert ready, f"no READY=1 from the kiosk in cage:\n{tail(log_path)}"
            booted = ready[0].received - launched
            display = xwayland_display(cage.pid)
            assert display, f"cage opened no X display for Xwayland:\n{tail(log_path)}"
            screen = Screen(prefix, env, display)
            board = screen.picture("board.png")
            # Turned to portrait by KIOSK_ROTATION, and the board's navy header drawn at the top.
            assert (board.width(), board.height()) == SCREEN
            assert board.pixelColor(4, 4).name() == "#14213d"
            # Nothing on the X side blanks it: Xwayland's screen saver is off and it has no DPMS to turn it off.
            settings = screen.x_settings()
            assert re.search(r"Screen Saver:.*?timeout:\s+0\b", settings, re.DOTALL), settings
            assert "Server does not have the DPMS Extension" in settings, settings

            twin = Twin(qtbot, base / "twin", screen)
            assert twin.shown(SLOT).property("slotState") == "free"
            # A free slot opens the form with the topic field focused and the keyboard up; Enter moves on.
            twin.tap_item(SLOT)
            twin.wait_focus("topicFieldInput")
            twin.type(TOPIC + "\n")
            twin.wait_focus("hostFieldInput")
            twin.type(HOST)
            screen.picture("form.png")
            probe = twin.tap_item("submitButton")
            twin.settled("editCode")
            twin.in_step_at(probe, "the saved card, where the button was")
            saved = screen.picture("saved.png")
            assert (saved.width(), saved.height()) == SCREEN

            # kiosk.service's ExecStop, as systemd runs it: SIGTERM to cage's child, then wait for cage to leave.
            # (cage is reaped here while the script waits, as systemd reaps its main process.)
            stop = unit.exec_stop.replace("${MAINPID}", str(cage.pid))
            stopping = subprocess.Popen([*prefix, "/bin/sh", "-c", stop], env=env)
            assert cage.wait(timeout=20) == 0, tail(log_path)
            assert stopping.wait(timeout=10) == 0
            assert systemd.wait_for("STOPPING", timeout=2), "no STOPPING=1 when stopped"
            assert systemd.with_field("WATCHDOG"), "no heartbeat"

        out = base / "schedule.json"
        exported = run_kiosk("export", "--format", "json", "--out", str(out), "--config", str(DEMO_CONFIG),
                             "--data-dir", str(data))  # fmt: skip
        assert exported.returncode == 0, exported.stderr
        sessions = list(sessions_in(json.loads(out.read_text(encoding="utf-8"))))
        typed = [s for s in sessions if s["title"] == TOPIC]
        assert len(typed) == 1, [s["title"] for s in sessions]
        assert [p["name"] for p in typed[0]["persons"]] == [HOST]
        assert (typed[0]["date"][:16], typed[0]["room"]) == ("2023-04-21T12:00", "Room 150D")
        print(f"cage test: READY {booted:.1f} s after cage started; the whole test {time.monotonic() - started:.1f} s")
    finally:
        if twin is not None:
            twin.close()
        if cage is not None:
            # cage, the kiosk and Xwayland share cage's process group: whatever is left of them goes.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(cage.pid, signal.SIGKILL)
            cage.wait(timeout=10)
            if display := xwayland_display(cage.pid):  # what a killed cage leaves behind
                Path(f"/tmp/.X{display[1:]}-lock").unlink(missing_ok=True)
                Path(f"/tmp/.X11-unix/X{display[1:]}").unlink(missing_ok=True)
        shutil.rmtree(base, ignore_errors=True)


def tail(path: Path, lines: int = 30) -> str:
    with contextlib.suppress(OSError):
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    return ""
