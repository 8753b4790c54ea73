"""Regenerate `qml/Kiosk/kiosk.qmltypes`, the description of the Python types QML uses, for qmllint and qmlls.

Run `uv run python -m kiosk.ui.qmltypes` after changing a view model's properties, signals or slots;
a test fails while the committed file is out of date.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import PySide6

UI_DIR = Path(__file__).resolve().parent
QMLTYPES = UI_DIR / "qml" / "Kiosk" / "kiosk.qmltypes"
# Every module that registers a type with @QmlElement.
VIEW_MODEL_SOURCES = (
    "attract.py",
    "board.py",
    "cardform.py",
    "cardformview.py",
    "changefeed.py",
    "clockstate.py",
    "detail.py",
    "health.py",
    "ideaform.py",
    "language.py",
    "preview.py",
    "router.py",
    "rowsmodel.py",
    "slotmodel.py",
    "staff.py",
    "staff_audit.py",
    "staff_backups.py",
    "staff_blocks.py",
    "staff_cards.py",
    "staff_ideas.py",
    "staff_import.py",
    "staff_sync.py",
    "staff_tools.py",
    "sync.py",
    "tags.py",
    "wishlist.py",
)

_QT = Path(PySide6.__file__).resolve().parent / "Qt"


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def generate(target: Path = QMLTYPES) -> str:
    """Write the qmltypes file and return its text."""
    foreign = ",".join(
        str(_QT / "metatypes" / f"qt6{module}_metatypes.json") for module in ("core", "qml", "qmlmodels")
    )
    with tempfile.TemporaryDirectory() as scratch:
        meta = Path(scratch) / "kiosk_metatypes.json"
        sources = [str(UI_DIR / name) for name in VIEW_MODEL_SOURCES]
        # Our own virtual environment's Qt tools, with arguments we build: no untrusted input.
        subprocess.run([_tool("pyside6-metaobjectdump"), "-q", "-s", "-o", str(meta), *sources], check=True)  # noqa: S603
        _mark_subclasses_as_objects(meta)
        subprocess.run(  # noqa: S603
            [
                _tool("pyside6-qmltyperegistrar"),
                "--import-name=Kiosk",
                "--major-version=1",
                "--minor-version=0",
                f"--foreign-types={foreign}",
                f"--generate-qmltypes={target}",
                "-o",
                str(Path(scratch) / "registrations.cpp"),
                str(meta),
            ],
            check=True,
        )
        bases = {
            cls["className"]: cls["superClasses"][0]["name"]
            for entry in json.loads(meta.read_text(encoding="utf-8"))
            for cls in entry["classes"]
            if cls.get("superClasses")
        }
    text = _with_prototypes_and_enums(target.read_text(encoding="utf-8"), bases, _enums())
    target.write_text(text, encoding="utf-8")
    return text


def _mark_subclasses_as_objects(meta: Path) -> None:
    """metaobjectdump knows a QObject only by a Qt base class; a view model that extends another of ours
    (KioskCardForm extends KioskCardFormView) would be dropped from the types without this."""
    entries = json.loads(meta.read_text(encoding="utf-8"))
    classes = {cls["className"]: cls for entry in entries for cls in entry["classes"]}
    changed = True
    while changed:
        changed = False
        for cls in classes.values():
            bases = [classes.get(base["name"]) for base in cls.get("superClasses", [])]
            if not cls.get("object") and any(base is not None and base.get("object") for base in bases):
                cls["object"] = True
                changed = True
    meta.write_text(json.dumps(entries), encoding="utf-8")


def _enums() -> dict[str, list[tuple[str, list[str]]]]:
    """Each registered class's `QEnum`s (name and keys), read from the live meta-objects.

    pyside6-metaobjectdump does not know `QEnum`, so without these qmllint would not know `KioskRouter.Board`.
    """
    found: dict[str, list[tuple[str, list[str]]]] = {}
    for source in VIEW_MODEL_SOURCES:
        module = importlib.import_module(f"kiosk.ui.{source.removesuffix('.py')}")
        for value in vars(module).values():
            meta = getattr(value, "staticMetaObject", None)
            if not isinstance(value, type) or value.__module__ != module.__name__ or meta is None:
                continue
            enums = []
            for index in range(meta.enumeratorOffset(), meta.enumeratorCount()):
                enum = meta.enumerator(index)
                enums.append((enum.name(), [enum.key(i) for i in range(enum.keyCount())]))
            if enums:
                found[value.__name__] = enums
    return found


def _with_prototypes_and_enums(text: str, bases: dict[str, str], enums: dict[str, list[tuple[str, list[str]]]]) -> str:
    """qmltyperegistrar drops the base class of Python types, and their enums; without them qmllint cannot
    type-check QML that uses them."""
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        out.append(line)
        name = line.strip().removeprefix('name: "').removesuffix('"')
        if not line.strip().startswith('name: "'):
            continue
        indent = line[: len(line) - len(line.lstrip())]
        if name in bases:
            out.append(f'{indent}prototype: "{bases[name]}"\n')
        for enum_name, keys in enums.get(name, []):
            values = ", ".join(f'"{key}"' for key in keys)
            block = (
                f"{indent}Enum {{",
                f'{indent}    name: "{enum_name}"',
                f"{indent}    values: [{values}]",
                f"{indent}}}",
            )
            out.append("\n".join(block) + "\n")
    return "".join(out)


if __name__ == "__main__":
    generate()
    print(f"wrote {QMLTYPES}")
