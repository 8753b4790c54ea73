"""The typed boundary between Python and QML, without a window: every property has a notify signal of its own that
fires only when its value changes, closed sets are enums QML compares, and the limits QML applies come from the
Python that enforces them, not from numbers typed into QML."""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtTest import QSignalSpy

from kiosk.domain import validation
from kiosk.store.cards import CardDraft
from kiosk.store.codes import CODE_DIGITS
from kiosk.store.pin import PIN_MAX, PIN_MIN
from kiosk.sync.settings import HubSettings, parse_hub_url
from kiosk.ui.detail import KioskCardDetail
from kiosk.ui.ideaform import IdeaField, KioskIdeaForm
from kiosk.ui.staff import KioskStaff
from kiosk.ui.staff_blocks import KioskStaffBlocks
from kiosk.ui.sync import KioskSync, SyncState
from kiosk.ui.syncworker import RoundResult
from tests.ui.conftest import Kit

QML_DIR = Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "qml" / "Kiosk"


def notify_signals_of(view_model: QObject) -> dict[str, str]:
    """Each property the class itself declares (not its Qt base) to the name of its notify signal ("" if constant)."""
    meta = view_model.metaObject()
    names: dict[str, str] = {}
    for index in range(meta.propertyOffset(), meta.propertyCount()):
        prop = meta.property(index)
        signal = prop.notifySignal()
        names[prop.name()] = bytes(signal.name().data()).decode() if signal.isValid() else ""
    return names


def spies(view_model: QObject) -> dict[str, QSignalSpy]:
    """A spy on every property's notify signal, by property name."""
    return {
        name: QSignalSpy(getattr(view_model, signal))
        for name, signal in notify_signals_of(view_model).items()
        if signal
    }


def fired(watching: dict[str, QSignalSpy]) -> dict[str, int]:
    return {name: spy.count() for name, spy in watching.items() if spy.count()}


def sync_for(kit: Kit) -> KioskSync:
    """A kiosk with a hub in its config, never started: rounds are handed to it as the worker would."""
    return KioskSync(kit.service, kit.feed, HubSettings(parse_hub_url("postgresql+psycopg://kiosk@hub.invalid/os")))


@pytest.fixture
def view_models(kit: Kit) -> list[QObject]:
    return [
        sync_for(kit),
        KioskCardDetail(kit.service, kit.feed, kit.router),
        KioskStaffBlocks(kit.service, kit.feed),
        KioskIdeaForm(kit.service, kit.feed, kit.router),
        KioskStaff(kit.service, kit.router),
    ]


# --- one notify signal per property ---------------------------------------------------------------------------------


def test_no_two_properties_share_a_notify_signal(view_models: list[QObject]) -> None:
    for view_model in view_models:
        signals = [signal for signal in notify_signals_of(view_model).values() if signal]
        shared = sorted({signal for signal in signals if signals.count(signal) > 1})
        assert not shared, f"{type(view_model).__name__}: {shared} notify more than one property"


def test_a_sync_round_signals_only_what_it_changed(kit: Kit) -> None:
    sync = sync_for(kit)
    assert sync.property("state") == SyncState.Syncing
    watching = spies(sync)
    sync._round_done(RoundResult(ok=True, pending=3))
    assert fired(watching) == {"state": 1, "statusText": 1, "pending": 1, "lastResult": 1}
    assert (sync.property("state"), sync.property("pending")) == (SyncState.Synced, 3)

    watching = spies(sync)
    sync._round_done(RoundResult(ok=True, pending=3, conflicts=2))
    # Only the conflicts and the words that count them: the state and the last round's words stay.
    assert fired(watching) == {"conflictCount": 1, "statusText": 1}
    assert "2 conflicts" in sync.property("statusText")

    watching = spies(sync)
    sync._round_done(RoundResult(ok=False, problem="the hub did not answer", pending=3, conflicts=2))
    assert fired(watching) == {"state": 1, "statusText": 1, "lastResult": 1}
    assert sync.property("state") == SyncState.Offline


def test_an_edit_elsewhere_moves_only_what_it_changed_on_the_detail_sheet(kit: Kit) -> None:
    detail = KioskCardDetail(kit.service, kit.feed, kit.router)
    start = kit.event.at(kit.event.days[0], time(17))
    room = next(
        r.key for r in kit.event.rooms if all(c.room_key != r.key or c.starts_at != start for c in kit.service.cards())
    )
    draft = CardDraft(room, start, "Typed topic", "Ada", description="Bring a laptop")
    added = kit.service.add_card(draft)
    watching = spies(detail)
    detail.show(str(added.card.id))
    assert set(fired(watching)) >= {"cardId", "topic", "host", "description", "roomName", "when", "sessionQrSource"}
    assert "handle" not in fired(watching)  # it was empty and still is

    kit.feed.start()
    watching = spies(detail)
    kit.service.update_card(added.card.id, added.edit_code, CardDraft(room, start, "Typed topic", "Ada Lovelace"))
    kit.feed.poke()
    changed = fired(watching)
    assert changed.get("host") == 1 and changed.get("description") == 1
    assert not {"cardId", "topic", "roomName", "roomNote", "when", "sessionPayload", "sessionQrSource"} & set(changed)
    assert (detail.property("host"), detail.property("description")) == ("Ada Lovelace", "")


def test_the_block_draft_signals_each_choice_alone(kit: Kit) -> None:
    blocks = KioskStaffBlocks(kit.service, kit.feed)
    watching = spies(blocks)
    blocks.setDraft(1, 0, 0, 1)  # another room, the same day and times
    assert fired(watching) == {"roomIndex": 1}
    watching = spies(blocks)
    blocks.setDraft(1, 0, 2, 4)
    assert fired(watching) == {"startIndex": 1, "endIndex": 1}
    watching = spies(blocks)
    blocks.setDraft(1, 0, 2, 4)  # nothing new
    assert fired(watching) == {}


# --- closed sets as enums -------------------------------------------------------------------------------------------


def test_the_idea_form_names_the_field_to_fix_as_an_enum(kit: Kit) -> None:
    ideas = KioskIdeaForm(kit.service, kit.feed, kit.router)
    meta = ideas.metaObject()
    enum = meta.enumerator(meta.indexOfEnumerator("IdeaField"))
    assert enum.isValid()
    assert {enum.key(i): enum.value(i) for i in range(enum.keyCount())} == {f.name: f.value for f in IdeaField}

    fix = QSignalSpy(ideas.fixNeeded)
    ideas.open()
    ideas.setField("topic", "Rust for Pythonistas")
    ideas.setField("note", "n" * (validation.IDEA_NOTE_MAX + 1))
    ideas.submit()
    assert fix.count() == 1 and fix.at(0) == [IdeaField.Note]
    ideas.setField("topic", "Go")
    ideas.submit()
    assert fix.count() == 2 and fix.at(1) == [IdeaField.Topic]  # the first field from the top


def test_the_idea_sheet_compares_enum_values_not_field_names() -> None:
    sheet = (QML_DIR / "IdeaFormSheet.qml").read_text(encoding="utf-8")
    assert "KioskIdeaForm.Topic" in sheet and "KioskIdeaForm.Note" in sheet
    assert not re.search(r'===\s*"(topic|note)"', sheet)


# --- limits from Python ---------------------------------------------------------------------------------------------


def test_the_limits_qml_applies_are_the_ones_python_enforces(kit: Kit) -> None:
    staff = KioskStaff(kit.service, kit.router)
    assert staff.property("reasonMax") == validation.REASON_MAX
    assert (staff.property("pinMin"), staff.property("pinMax")) == (PIN_MIN, PIN_MAX)
    detail = KioskCardDetail(kit.service, kit.feed, kit.router)
    assert detail.property("codeLength") == CODE_DIGITS


def test_no_qml_file_types_a_limit_or_its_own_font() -> None:
    for path in sorted(QML_DIR.glob("*.qml")):
        text = path.read_text(encoding="utf-8")
        literal = re.search(r"\b(maxLength|minLength)\s*:\s*[1-9]", text)  # 0 is "no limit"
        assert literal is None, f"{path.name}: {literal.group(0) if literal else ''} (a limit belongs to Python)"
        if path.name != "Theme.qml":
            # Type goes through Theme.font(), Theme.figures() or Theme.spaced(), never a block of its own.
            assert "Theme.fontFamily" not in text, f"{path.name} sets the font family itself"


def qml_classes() -> list[type[QObject]]:
    """Every QObject class the kiosk's Qt layer declares (view models, models, helpers), imported as the app does."""
    import importlib
    import inspect
    import pkgutil

    import kiosk.ui

    found: dict[str, type[QObject]] = {}
    for module_info in pkgutil.iter_modules(kiosk.ui.__path__):
        if module_info.name in {"app", "__main__"}:
            continue
        module = importlib.import_module(f"kiosk.ui.{module_info.name}")
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, QObject) and value.__module__ == module.__name__:
                found[f"{module.__name__}.{name}"] = value
    return [found[key] for key in sorted(found)]


@pytest.mark.parametrize("cls", qml_classes(), ids=lambda cls: cls.__name__)
def test_no_class_in_the_qt_layer_has_two_properties_on_one_notify_signal(cls: type[QObject]) -> None:
    meta = cls.staticMetaObject
    signals = []
    for index in range(meta.propertyOffset(), meta.propertyCount()):
        prop = meta.property(index)
        if prop.hasNotifySignal():
            signals.append(bytes(prop.notifySignal().name().data()).decode())
    shared = sorted({signal for signal in signals if signals.count(signal) > 1})
    assert not shared, f"{cls.__name__}: {shared} notify more than one property"
