"""The kiosk's translation catalogues: `kiosk_<lang>.ts` (edited by people, in Qt Linguist or a text editor) and
the `kiosk_<lang>.qm` files compiled from them, which the kiosk loads.

`python -m kiosk.ui.i18n` brings every `.ts` up to date with the sources (pyside6-lupdate: new words are added
as unfinished, words no longer used dropped) and compiles them (pyside6-lrelease). A test keeps both current.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

I18N_DIR = Path(__file__).resolve().parent
UI_DIR = I18N_DIR.parent
# Languages the kiosk speaks, besides English (the source language).
LANGUAGES = ("de", "es")
# English needs a catalogue too, for its plural forms only ("1 session", "2 sessions").
PLURAL_ONLY = ("en",)


def catalogue(language: str, folder: Path = I18N_DIR) -> Path:
    return folder / f"kiosk_{language}.ts"


def sources() -> list[Path]:
    """Every file with words for the screen: the view models and the QML module."""
    python = sorted(p for p in UI_DIR.glob("*.py") if p.name != "qmltypes.py")
    qml = sorted((UI_DIR / "qml" / "Kiosk").glob("*.qml"))
    return [*python, *qml]


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def update(folder: Path = I18N_DIR) -> None:
    """Bring each catalogue in `folder` up to date with the sources (pyside6-lupdate)."""
    files = [str(p) for p in sources()]
    for language in (*LANGUAGES, *PLURAL_ONLY):
        extra = ["-pluralonly"] if language in PLURAL_ONLY else []
        command = [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *extra]
        command += ["-source-language", "en", "-target-language", language, *files]
        subprocess.run([*command, "-ts", str(catalogue(language, folder))], check=True)  # noqa: S603


def release(folder: Path = I18N_DIR, out: Path | None = None) -> None:
    """Compile each catalogue in `folder` to a .qm (pyside6-lrelease), next to it or into `out`."""
    for language in (*LANGUAGES, *PLURAL_ONLY):
        source = catalogue(language, folder)
        target = (out or folder) / source.with_suffix(".qm").name
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)], check=True)  # noqa: S603
