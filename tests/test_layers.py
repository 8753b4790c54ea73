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


# A newcomer reads a module whole: past these sizes one should be split by concept (see README "How it is built").
_MAX_LINES = {".py": 350, ".qml": 300}


def oversized(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*")):
        limit = _MAX_LINES.get(path.suffix)
        if limit is not None and "__pycache__" not in path.parts:
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > limit:
                found.append(f"{path.relative_to(root)}: {lines} lines (at most {limit})")
    return found


def test_no_module_or_qml_file_grows_past_its_size() -> None:
    assert oversized(PACKAGE) == []


def test_the_size_rule_catches_a_long_file(tmp_path: Path) -> None:
    (tmp_path / "long.py").write_text("x = 1\n" * 351)
    (tmp_path / "short.qml").write_text("Item {}\n" * 300)
    assert oversized(tmp_path) == ["long.py: 351 lines (at most 350)"]


# The view models, each behind one part of the screen; they talk through the change feed, the router and the
# hand-overs the application wires up (kiosk/ui/viewmodels.py), never to each other.
VIEW_MODELS = frozenset(
    {
        "attract",
        "board",
        "cardform",
        "detail",
        "health",
        "ideaform",
        "staff",
        "staff_audit",
        "staff_backups",
        "staff_blocks",
        "staff_cards",
        "staff_ideas",
        "staff_import",
        "staff_sync",
        "staff_tools",
        "sync",
        "wishlist",
    }
)


def view_models_imported(path: Path) -> set[str]:
    return {
        name.removeprefix("kiosk.ui.")
        for name in imported_modules(path)
        if name.startswith("kiosk.ui.") and name.removeprefix("kiosk.ui.") in VIEW_MODELS
    }


@pytest.mark.parametrize("name", sorted(VIEW_MODELS))
def test_view_models_never_import_each_other(name: str) -> None:
    path = PACKAGE / "ui" / f"{name}.py"
    assert path.exists(), f"{name} is listed as a view model but kiosk/ui/{name}.py is gone"
    assert view_models_imported(path) == set()


def test_the_view_model_rule_catches_an_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from kiosk.ui.board import day_label\nfrom kiosk.ui.datelabels import day_label\n")
    assert view_models_imported(sample) == {"board"}
