"""Regenerate `qml/Kiosk/kiosk.qmltypes`, the description of the Python types QML uses, for qmllint and qmlls.

Run `uv run python -m kiosk.ui.qmltypes` after changing a view model's properties, signals or slots;
a test fails while the committed file is out of date.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import PySide6

UI_DIR = Path(__file__).resolve().parent
QMLTYPES = UI_DIR / "qml" / "Kiosk" / "kiosk.qmltypes"
# Every module that registers a type with @QmlElement.
VIEW_MODEL_SOURCES = ("board.py", "slotmodel.py", "cardform.py", "wishlist.py", "attract.py")

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
    text = _with_prototypes(target.read_text(encoding="utf-8"), bases)
    target.write_text(text, encoding="utf-8")
    return text


def _with_prototypes(text: str, bases: dict[str, str]) -> str:
    """qmltyperegistrar drops the base class of Python types; without it qmllint cannot type-check them."""
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        out.append(line)
        name = line.strip().removeprefix('name: "').removesuffix('"')
        if line.strip().startswith('name: "') and name in bases:
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f'{indent}prototype: "{bases[name]}"\n')
    return "".join(out)


if __name__ == "__main__":
    generate()
    print(f"wrote {QMLTYPES}")
