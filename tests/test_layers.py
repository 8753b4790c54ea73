"""The guide's layering: only kiosk/ui talks to Qt, and the domain talks to nothing but the stdlib."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kiosk"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "__import__":
            names.update(arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
    return names


def python_files(*, outside: str | None = None, inside: str | None = None) -> list[Path]:
    files = sorted(PACKAGE.rglob("*.py"))
    if outside:
        files = [f for f in files if not f.is_relative_to(PACKAGE / outside)]
    if inside:
        files = [f for f in files if f.is_relative_to(PACKAGE / inside)]
    return files


@pytest.mark.parametrize("path", python_files(outside="ui"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_nothing_outside_ui_imports_qt(path: Path) -> None:
    qt = {name for name in imported_modules(path) if name.split(".")[0] in {"PySide6", "shiboken6"}}
    assert not qt, f"{path.relative_to(PACKAGE)} imports {sorted(qt)}; only kiosk/ui may use Qt"


@pytest.mark.parametrize("path", python_files(inside="domain"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_domain_uses_only_the_standard_library(path: Path) -> None:
    foreign = {
        name
        for name in imported_modules(path)
        if name.split(".")[0] not in sys.stdlib_module_names
        and not name.startswith("kiosk.domain")
        and name != "__future__"
    }
    assert not foreign, f"{path.relative_to(PACKAGE)} imports {sorted(foreign)}"


def test_the_rule_catches_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport shiboken6\n")
    assert imported_modules(sample) == {"PySide6.QtCore", "shiboken6"}
