"""Soak run: the real kiosk window through a whole three-day conference on an accelerated clock.

Run: `uv run python -m tests.benchmarks.soak [--runs 3] [--seed N]`. The demo event's kiosk (`build_kiosk`, offscreen,
1920×1080) lives from the first morning to after the last session while its clock (the one `ShiftedClock` every
part of the kiosk reads) jumps five minutes at a time. In every conference hour, people at the wall (seeded, so a
run can be replayed) tap sessions and close them, add cards through the form, cancel their own with the edit code
on the keypad, switch days, +1 wish-list ideas, add ideas, and walk away (the attract screen comes up; a touch
takes it down). `--runs` scales how busy the wall is: 8 × runs people an hour.

Figures, beside a baseline from the same run:
- resident memory after the last simulated hour against after the first (target: less than 10% drift);
- Qt and QML warnings over the whole run (target 0), counted by a message handler of our own;
- whether the board on screen matches the database at the end (and every card, cancellation and +1 the soak saw
  confirmed is in it).

`tests/ui/test_soak.py` runs one simulated day of the same in the test suite (no memory figures there).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import resource
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import cast

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")

from PySide6.QtCore import QCoreApplication, QEvent, QMessageLogContext, QPoint, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest

from kiosk.domain.rules import build_day_grid
from kiosk.ui.app import KioskApp, build_kiosk
from kiosk.ui.formview import FormMode, FormStage
from kiosk.ui.qtlog import KNOWN_QT_NOISE
from kiosk.ui.router import Overlay, Page
from kiosk.ui.slotmodel import KioskSlotModel
from kiosk.ui.wishlist import KioskIdeaModel
from tests.benchmarks.table import Row, markdown
from tests.ui.conftest import reveal_slot
from tests.ui.driver import find_item, find_object, find_shown, is_shown, tap, tap_at, wait_for

# One step of the simulated clock while the conference is on, and overnight.
STEP = timedelta(minutes=5)
NIGHT_STEP = timedelta(hours=1)
PEOPLE_PER_HOUR = 8
# How long a screen may take to come up before the soak calls the action stuck, goes home and carries on.
SCREEN_TIMEOUT_MS = 5000
TOPICS = ("Packaging clinic", "Rust for Pythonistas", "Board games", "Type hints", "PyLadies", "Async in practice")
HOSTS = ("Zoë", "José", "Łukasz", "Mei", "Ada", "Sam")
DRIFT_TARGET = 0.10


@dataclass
class SoakLedger:
    """What the soak did, and what the kiosk confirmed on screen: the database must agree at the end."""

    # Cards the soak saw saved (the edit code on screen), by id, with the code; cancelled ones move out.
    cards: dict[uuid.UUID, str] = field(default_factory=dict)
    cancelled: set[uuid.UUID] = field(default_factory=set)
    # +1s the wish list thanked for, per idea, on top of what each idea had when the soak began.
    votes: Counter[uuid.UUID] = field(default_factory=Counter)
    votes_before: dict[uuid.UUID, int] = field(default_factory=dict)
    ideas: list[str] = field(default_factory=list)
    actions: Counter[str] = field(default_factory=Counter)
    # Actions the kiosk turned down with a message for a person (a rate limit, an hour that just ended).
    refused: Counter[str] = field(default_factory=Counter)
    # Actions whose screen never came up in time: the soak went home and carried on.
    stuck: list[str] = field(default_factory=list)


class QtWarningCounter:
    """A Qt message handler that counts warnings (Qt's known start-up noise aside) and keeps the first few."""

    def __init__(self) -> None:
        self.count = 0
        self.first: list[str] = []

    def install(self) -> None:
        qInstallMessageHandler(self._handle)

    def _handle(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind not in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            return
        if any(noise.search(message) for noise in KNOWN_QT_NOISE):
            return
        self.count += 1
        if len(self.first) < 5:
            where = f" ({context.file}:{context.line})" if context.file else ""
            self.first.append(f"{message}{where}")


def rss_mib() -> float:
    """Resident memory now (Linux), after a garbage collection and Qt's pending deletions; else the peak."""
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QTest.qWait(50)
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    match = re.search(r"VmRSS:\s+(\d+) kB", text)
    return int(match.group(1)) / 1024 if match else 0.0


class Soak:
    """People at the wall of one kiosk, driven through its real window by touch (and its view models' slots where
    a finger adds nothing: filling in a field, a +1)."""

    def __init__(self, kiosk: KioskApp, rng: random.Random, ledger: SoakLedger | None = None) -> None:
        self.kiosk = kiosk
        self.rng = rng
        self.ledger = ledger or SoakLedger()
        self.event = kiosk.config.event
        self.ledger.votes_before = {idea.id: idea.votes for idea in kiosk.service.ideas()}

    # --- the clock ------------------------------------------------------------------------------

    def set_time(self, moment: datetime) -> None:
        """The kiosk's one clock moves on to `moment`, as time passing (not a staff rehearsal: nothing is said),
        and the heartbeat the change feed gives once a second beats once, so every screen looks at the time."""
        self.kiosk.clock.shift_to(moment)  # type: ignore[attr-defined]  # a ShiftedClock
        self.kiosk.feed.ticked.emit()

    def now(self) -> datetime:
        return self.kiosk.clock.now()

    def run(
        self,
        start: datetime,
        end: datetime,
        people_per_hour: float,
        on_hour: Callable[[int, datetime], None] = lambda _hour, _now: None,
    ) -> SoakLedger:
        """From `start` to `end`: every conference hour about `people_per_hour` actions, nights passed quickly."""
        moment, hours = start, 0
        next_hour = start + timedelta(hours=1)
        while moment <= end:
            self.set_time(moment)
            QTest.qWait(20)
            open_now = self._conference_hours(moment)
            if open_now:
                expected = people_per_hour * STEP / timedelta(hours=1)
                count = int(expected) + (self.rng.random() < expected - int(expected))
                for _ in range(count):
                    self.act()
            if moment >= next_hour:
                hours += 1
                next_hour += timedelta(hours=1)
                on_hour(hours, moment)
            moment += STEP if open_now else NIGHT_STEP
        return self.ledger

    def _conference_hours(self, moment: datetime) -> bool:
        local = self.event.local(moment)
        if local.date() not in self.event.days:
            return False
        return (
            self.event.at(local.date(), self.event.first_slot) - timedelta(minutes=30)
            <= moment
            < self.event.at(local.date(), self.event.last_slot_end) + timedelta(minutes=30)
        )

    # --- one person at the wall -----------------------------------------------------------------

    def act(self) -> None:
        actions: list[tuple[float, Callable[[], None]]] = [
            (30, self.read_a_session),
            (20, self.add_a_card),
            (8, self.cancel_a_card),
            (15, self.switch_day),
            (15, self.vote),
            (4, self.add_an_idea),
            (8, self.walk_away),
        ]
        action = self.rng.choices([a for _, a in actions], weights=[w for w, _ in actions])[0]
        name = action.__name__
        self.ledger.actions[name] += 1
        try:
            action()
        except Stuck as stuck:
            self.ledger.stuck.append(f"{self.event.local(self.now()):%a %H:%M} {name}: {stuck}")
            self.go_home()

    def read_a_session(self) -> None:
        cells = self.cells("booked")
        if not cells:
            return self.switch_day()
        room, hhmm, _card_id = self.rng.choice(cells)
        self.tap_slot(room, hhmm)
        self.expect(lambda: self.kiosk.router.current_overlay is Overlay.Detail, "the session's sheet")
        self.tap_named("closeButton")
        self.wait_sheet_gone()

    def add_a_card(self) -> None:
        cells = self.cells("free")
        if not cells:
            return self.switch_day(later=True)
        room, hhmm, _ = self.rng.choice(cells)
        self.tap_slot(room, hhmm)
        form = self.kiosk.form
        self.expect(lambda: bool(form.property("isOpen")), "the add-card form")
        form.setField("topic", self.rng.choice(TOPICS))
        form.setField("hostName", self.rng.choice(HOSTS))
        if self.rng.random() < 0.5:
            form.setField("description", "Bring a laptop. " * self.rng.randrange(1, 10))
        if self.rng.random() < 0.5 and self.event.tags:
            form.toggleTag(self.rng.choice(self.event.tags).key)
        QTest.qWait(250)  # the keyboard slides in; a person reads the preview
        submit = find_shown(self.kiosk.window, "submitButton")
        if submit is None:
            raise Stuck("no submit button on the form")
        tap(self.kiosk.window, submit)
        stage = lambda: form.property("stage")  # noqa: E731
        self.expect(lambda: stage() != FormStage.Editing or form.property("notice"), "the form's answer")
        if stage() == FormStage.Saved:
            code = str(form.property("editCode"))
            starts = self.event.at(self.shown_day(), datetime.strptime(hhmm, "%H%M").time())
            card = next(c for c in self.kiosk.service.cards() if (c.room_key, c.starts_at) == (room, starts))
            self.ledger.cards[card.id] = code
            # Nothing left to type: the keyboard slides away and uncovers the button.
            self.wait_keyboard_gone()
            self.tap_named("doneButton")
        else:
            # The hour ended or the kiosk's rate limit said wait: the host gives up.
            self.ledger.refused["add_a_card"] += 1
            form.close()
        self.wait_form_gone()

    def cancel_a_card(self) -> None:
        shown = {card_id for _, _, card_id in self.cells("booked")}
        mine = [card_id for card_id in self.ledger.cards if str(card_id) in shown]
        if not mine:
            return self.read_a_session()
        card_id = self.rng.choice(mine)
        room, hhmm = next((r, h) for r, h, c in self.cells("booked") if c == str(card_id))
        self.tap_slot(room, hhmm)
        self.expect(lambda: self.kiosk.router.current_overlay is Overlay.Detail, "the session's sheet")
        self.tap_named("hostButton")
        self.expect(lambda: is_shown(find_item(self.kiosk.window, "codePad")), "the code pad")
        for digit in self.ledger.cards[card_id]:
            self.tap_named(f"codeKey-{digit}")
        self.tap_named("codeKey-OK")
        form = self.kiosk.form
        self.expect(lambda: form.property("isOpen") and form.property("mode") == FormMode.Edit, "the host's form")
        self.wait_sheet_gone()
        self.tap_named("cancelSessionButton")
        self.tap_named("cancelSessionButton")  # the second tap confirms
        self.expect(lambda: form.property("stage") == FormStage.Cancelled, "the cancellation")
        del self.ledger.cards[card_id]
        self.ledger.cancelled.add(card_id)
        form.close()
        self.wait_form_gone()

    def switch_day(self, *, later: bool = False) -> None:
        days = range(len(self.event.days))
        choices = [d for d in days if d > self.kiosk.board.property("dayIndex")] if later else list(days)
        if not choices:
            return
        self.tap_named(f"dayTab-{self.rng.choice(choices)}")
        self.expect(lambda: self.kiosk.router.current_page is Page.Board, "the board")

    def vote(self) -> None:
        self.tap_named("wishListTab")
        self.expect(lambda: self.kiosk.router.current_page is Page.WishList, "the wish list")
        ideas = self.kiosk.service.ideas()
        if ideas:
            idea = self.rng.choice(ideas)
            self.kiosk.wish_list.vote(str(idea.id))
            # "Thanks! Your +1 … is counted." when it counted; why not otherwise (a limit).
            if str(self.kiosk.wish_list.property("message")).startswith("Thanks!"):
                self.ledger.votes[idea.id] += 1
            else:
                self.ledger.refused["vote"] += 1
        QTest.qWait(100)
        self.switch_day()

    def add_an_idea(self) -> None:
        self.tap_named("wishListTab")
        self.expect(lambda: self.kiosk.router.current_page is Page.WishList, "the wish list")
        self.tap_named("addIdeaButton")
        form = self.kiosk.idea_form
        self.expect(lambda: self.kiosk.router.current_overlay is Overlay.IdeaForm, "the idea form")
        topic = f"{self.rng.choice(TOPICS)} {len(self.ledger.ideas) + 1}"
        form.setField("topic", topic)
        problem = form.submit()
        if problem or self.kiosk.router.current_overlay is Overlay.IdeaForm:
            self.ledger.refused["add_an_idea"] += 1
            form.close()
        else:
            self.ledger.ideas.append(topic)
        self.wait_keyboard_gone()
        self.switch_day()

    def walk_away(self) -> None:
        """Nobody touches the kiosk for its idle time: home, then the attract screen; the next person taps it."""
        self.kiosk.idle.idle.emit()
        self.expect(lambda: self.kiosk.router.current_overlay is Overlay.Attract, "the attract screen")
        QTest.qWait(100)
        window = self.kiosk.window
        tap_at(window, QPoint(window.width() // 2, window.height() // 2))
        self.expect(lambda: self.kiosk.router.current_overlay is Overlay.NoOverlay, "the board after a touch")

    # --- helpers ----------------------------------------------------------------------------------

    def shown_day(self) -> date:
        return self.event.days[self.kiosk.board.property("dayIndex")]

    def cells(self, state: str) -> list[tuple[str, str, str]]:
        """(room, HHMM, card id) of the shown day's cells in `state`, as the board's model has them."""
        model = slot_model(self.kiosk)
        found = []
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                cell = model.cell(row, column)
                if cell is not None and cell.state.value == state:
                    card_id = str(cell.card.id) if cell.card else ""
                    found.append((cell.room_key, f"{self.event.local(cell.starts_at):%H%M}", card_id))
        return found

    def tap_slot(self, room: str, hhmm: str) -> None:
        self.wait_keyboard_gone()
        reveal_slot(self.kiosk, room, hhmm)
        cell = find_item(self.kiosk.window, f"slot-{room}-{hhmm}")
        if cell is None or not is_shown(cell):
            raise Stuck(f"slot-{room}-{hhmm} is not on screen")
        QTest.qWait(30)
        tap(self.kiosk.window, cell)

    def tap_named(self, name: str) -> None:
        item = None
        wait_for(lambda: (item := find_shown(self.kiosk.window, name)) is not None, SCREEN_TIMEOUT_MS)
        item = find_shown(self.kiosk.window, name)
        if item is None:
            raise Stuck(f"{name} is not on screen")
        tap(self.kiosk.window, item)

    def expect(self, condition: Callable[[], object], what: str) -> None:
        if not wait_for(lambda: bool(condition()), SCREEN_TIMEOUT_MS):
            raise Stuck(f"{what} never came")

    def wait_sheet_gone(self) -> None:
        """A sheet fades out; until it has, its scrim takes the next touch."""
        detail = find_object(self.kiosk.window, "cardDetail")
        if detail is not None and not wait_for(lambda: detail.property("visible") is False, SCREEN_TIMEOUT_MS):
            raise Stuck("the session's sheet stayed up")

    def wait_keyboard_gone(self) -> None:
        panel = find_item(self.kiosk.window, "inputPanel")
        if panel is not None and not wait_for(lambda: not is_shown(panel), SCREEN_TIMEOUT_MS):
            raise Stuck("the keyboard stayed up")

    def wait_form_gone(self) -> None:
        if not wait_for(lambda: not self.kiosk.form.property("isOpen"), SCREEN_TIMEOUT_MS):
            raise Stuck("the form stayed open")
        self.wait_keyboard_gone()

    def go_home(self) -> None:
        self.kiosk.router.goHome()
        QTest.qWait(300)


def slot_model(kiosk: KioskApp) -> KioskSlotModel:
    return cast(KioskSlotModel, kiosk.board.slots)


class Stuck(Exception):
    """A screen the soak waited for did not come up."""


def board_mismatches(kiosk: KioskApp, ledger: SoakLedger) -> list[str]:
    """Where the kiosk's board (its model, every day, and the cells on screen) or the soak's ledger disagrees with
    the database; empty when all agree. The board is given the feed's next tick to catch up."""
    service, event = kiosk.service, kiosk.config.event
    model = slot_model(kiosk)

    def differences(day: date) -> list[str]:
        grid = build_day_grid(event, day, service.cards(day), service.blocks(), kiosk.clock.now())
        found = []
        for row, cells in enumerate(grid.cells):
            for column, want in enumerate(cells):
                where = f"{day} {want.room_key} {event.local(want.starts_at):%H%M}"
                have = model.cell(row, column)
                if have is None or (have.state, have.card) != (want.state, want.card):
                    found.append(f"{where}: board {have and have.state.value}, database {want.state.value}")
                item = find_item(kiosk.window, f"slot-{want.room_key}-{event.local(want.starts_at):%H%M}")
                if item is not None and is_shown(item) and item.property("slotState") != want.state.value:
                    found.append(f"{where}: on screen {item.property('slotState')}, database {want.state.value}")
        return found

    problems: list[str] = []
    for index, day in enumerate(event.days):
        kiosk.board.selectDay(index)
        wait_for(lambda day=day: not differences(day), 3000)
        problems += differences(day)
    live = {card.id for card in service.cards()}
    problems += [
        f"card {card_id}, saved on screen, is not on the board" for card_id in ledger.cards if card_id not in live
    ]
    problems += [
        f"card {card_id}, cancelled on screen, is on the board" for card_id in ledger.cancelled if card_id in live
    ]
    ideas = service.ideas()
    listed = {row.idea_id: row.votes for row in cast(KioskIdeaModel, kiosk.wish_list.ideas).rows}
    for idea in ideas:
        counted = ledger.votes_before.get(idea.id, 0) + ledger.votes[idea.id]
        if not listed.get(str(idea.id)) == idea.votes == counted:
            problems.append(
                f"idea {idea.topic!r}: +1s on the wish list {listed.get(str(idea.id))}, in the database {idea.votes},"
                f" thanked for {counted}"
            )
    topics = {idea.topic for idea in ideas}
    problems += [
        f"idea {topic!r}, added on screen, is not on the wish list" for topic in ledger.ideas if topic not in topics
    ]
    return problems


# -- the benchmark --------------------------------------------------------------------------------------------------


@dataclass
class SoakResult:
    ledger: SoakLedger
    warnings: int
    first_warnings: list[str]
    rss_first_hour: float
    rss_last_hour: float
    mismatches: list[str]
    simulated_hours: int
    wall_seconds: float

    @property
    def drift(self) -> float:
        return self.rss_last_hour / self.rss_first_hour - 1


def soak(tmp: Path, people_per_hour: float, seed: int, progress: Callable[[str], None] = print) -> SoakResult:
    """The whole conference on the demo board, measured."""
    counter = QtWarningCounter()
    counter.install()
    kiosk = build_kiosk(["--data-dir", str(tmp / "soak"), "--demo", "--now", "2023-04-21T09:30", "--size", "1920x1080"])
    try:
        wait_for(lambda: find_item(kiosk.window, "boardGrid") is not None, 5000)
        QTest.qWait(300)
        event = kiosk.config.event
        runner = Soak(kiosk, random.Random(seed))
        first = event.at(event.days[0], event.first_slot) - timedelta(minutes=30)
        last = event.at(event.days[-1], event.last_slot_end) + timedelta(minutes=30)
        memory: dict[str, float] = {}
        started = time.perf_counter()
        hours_seen = 0

        def on_hour(hour: int, now: datetime) -> None:
            nonlocal hours_seen
            hours_seen = hour
            if hour == 1:
                memory["first"] = rss_mib()
            if hour % 6 == 0:
                progress(
                    f"  {event.local(now):%a %H:%M}: {sum(runner.ledger.actions.values())} actions,"
                    f" {rss_mib():.1f} MiB, {counter.count} warnings, {time.perf_counter() - started:.0f} s"
                )

        ledger = runner.run(first, last, people_per_hour, on_hour)
        memory["last"] = rss_mib()
        wall = time.perf_counter() - started
        mismatches = board_mismatches(kiosk, ledger)
    finally:
        kiosk.close()
    return SoakResult(
        ledger=ledger,
        warnings=counter.count,
        first_warnings=counter.first,
        rss_first_hour=memory["first"],
        rss_last_hour=memory["last"],
        mismatches=mismatches,
        simulated_hours=hours_seen,
        wall_seconds=wall,
    )


def rows(runs: int, seed: int | None = None, progress: Callable[[str], None] = print) -> list[Row]:
    """The soak's figures; `runs` scales how busy the wall is (8 × runs people an hour)."""
    seed = random.SystemRandom().randrange(1 << 31) if seed is None else seed
    with tempfile.TemporaryDirectory() as scratch:
        result = soak(Path(scratch), PEOPLE_PER_HOUR * runs, seed, progress)
    ledger = result.ledger
    actions = sum(ledger.actions.values())
    done = (
        f"{actions:,} actions in {result.simulated_hours} simulated hours ({result.wall_seconds:.0f} s, seed {seed}):"
        f" {ledger.actions['add_a_card']} adds ({len(ledger.cards)} kept, {len(ledger.cancelled)} cancelled with"
        f" the code), {ledger.actions['read_a_session']} sessions read, {sum(ledger.votes.values())} +1s,"
        f" {len(ledger.ideas)} ideas, {ledger.actions['walk_away']} idle spells; {len(ledger.stuck)} stuck"
    )
    return [
        Row(
            "soak: memory after the last simulated hour",
            f"{result.rss_last_hour:.1f} MiB ({result.drift:+.1%})",
            result.rss_last_hour / result.rss_first_hour,
            f"after the first hour ({result.rss_first_hour:.1f} MiB)",
            "< 10% drift",
            result.drift < DRIFT_TARGET,
        ),
        Row(
            "soak: Qt/QML warnings over the run",
            f"{result.warnings}",
            None,
            "; ".join(result.first_warnings),
            "0",
            result.warnings == 0,
        ),
        Row(
            "soak: board on screen vs the database at the end",
            "matches" if not result.mismatches else f"{len(result.mismatches)} differences",
            None,
            done,
            "matches",
            not result.mismatches and not ledger.stuck,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="how busy the wall is: 8 × runs people an hour")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    print(f"soak: the demo kiosk through the whole conference, {PEOPLE_PER_HOUR * args.runs} people an hour")
    print(markdown(rows(args.runs, args.seed)))


if __name__ == "__main__":
    main()
