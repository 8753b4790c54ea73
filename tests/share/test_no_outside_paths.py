"""Nothing in kiosk/ or tests/ may reach for files outside the checkout: CI has only the repository.

Two checks per .py file: textual patterns for the known ways out (the old sibling folder of schemas, this machine's
absolute paths) and a small static evaluation of `__file__` arithmetic (`parents[N]`, `.parent`, `dirname`, `..`
segments, through module-level names) that flags any expression climbing above the repository root.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCANNED = ("kiosk", "tests")

# Written so that none of them matches its own source text: the guard scans this file too.
_TEXT_PATTERNS = (
    (re.compile(r"\bshared\W{0,8}schemas\b"), "names the schemas folder that lived outside the checkout"),
    (re.compile(r"\.\.[/\\]+shared\b"), "climbs to a sibling folder of the checkout"),
    (re.compile(r"(?<![\w.])/wor[k](?:\b|/)"), "hard-codes this machine's absolute path"),
)
# Calls that hand back the same place they were given (possibly as a string or made absolute).
_SAME_PLACE = frozenset({"Path", "PurePath", "PosixPath", "abspath", "realpath", "normpath", "fspath", "str"})
_SAME_PLACE_METHODS = frozenset({"resolve", "absolute", "expanduser"})


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _climb(level: int, segment: object) -> tuple[int, int]:
    """(level after the path segment, highest level passed on the way); a non-literal segment counts as going down."""
    peak = level
    parts = segment.replace("\\", "/").split("/") if isinstance(segment, str) else ["?"]
    for part in parts:
        if part == "..":
            level += 1
        elif part not in ("", "."):
            level -= 1
        peak = max(peak, level)
    return level, peak


class _Heights:
    """How many folders above the scanned file an expression points, when it is derived from `__file__`.

    Level 0 is the file, 1 its folder, and so on; `None` means "not a path derived from `__file__`".
    """

    def __init__(self, names: Mapping[str, int]) -> None:
        self.names = names
        self.peaks: dict[int, int] = {}

    def level(self, node: ast.expr) -> int | None:
        level = self._level(node)
        if level is not None:
            self.peaks[id(node)] = max(level, self.peaks.get(id(node), level))
        return level

    def _level(self, node: ast.expr) -> int | None:
        match node:
            case ast.Name(id="__file__"):
                return 0
            case ast.Name(id=name):
                return self.names.get(name)
            case ast.Attribute(value=inner, attr="parent"):
                below = self.level(inner)
                return None if below is None else below + 1
            case ast.Subscript(value=ast.Attribute(value=inner, attr="parents"), slice=ast.Constant(value=int(n))):
                below = self.level(inner)
                return None if below is None else below + n + 1
            case ast.BinOp(left=left, op=ast.Div(), right=right):
                return self._joined(node, left, [right])
            case ast.Call(func=ast.Attribute(value=inner, attr=method)) if method in _SAME_PLACE_METHODS:
                return self.level(inner)
            case ast.Call(func=func, args=[first, *rest]):
                name = _call_name(func)
                if name == "dirname":
                    below = self.level(first)
                    return None if below is None else below + 1
                if name == "join":
                    return self._joined(node, first, rest)
                if name in _SAME_PLACE:
                    return self.level(first)
        return None

    def _joined(self, node: ast.expr, base: ast.expr, segments: list[ast.expr]) -> int | None:
        level = self.level(base)
        if level is None:
            return None
        peak = level
        for segment in segments:
            level, top = _climb(level, segment.value if isinstance(segment, ast.Constant) else None)
            peak = max(peak, top)
        self.peaks[id(node)] = peak
        return level


def _assignments(tree: ast.Module) -> Iterator[tuple[str, ast.expr]]:
    nodes = [n for n in ast.walk(tree) if isinstance(n, ast.Assign | ast.AnnAssign)]
    for node in sorted(nodes, key=lambda n: (n.lineno, n.col_offset)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if node.value is not None:
            for target in targets:
                if isinstance(target, ast.Name):
                    yield target.id, node.value


def _climbing_findings(relative: str, source: str) -> Iterator[Finding]:
    depth = len(Path(relative).parts)
    tree = ast.parse(source, filename=relative)
    names: dict[str, int] = {}
    for name, value in _assignments(tree):
        level = _Heights(names).level(value)
        if level is None:
            names.pop(name, None)
        else:
            names[name] = level
    heights = _Heights(names)
    lines: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.expr) or heights.level(node) is None:
            continue
        if heights.peaks[id(node)] > depth and node.lineno not in lines:
            lines.add(node.lineno)
            yield Finding(relative, node.lineno, "climbs above the repository root from __file__")


def findings(relative: str, source: str) -> list[Finding]:
    """Every way `source` (the file at `relative`, '/'-separated from the repository root) reaches outside it."""
    found = [
        Finding(relative, number, reason)
        for number, line in enumerate(source.splitlines(), start=1)
        for pattern, reason in _TEXT_PATTERNS
        if pattern.search(line)
    ]
    found += _climbing_findings(relative, source)
    return sorted(found, key=lambda f: (f.line, f.reason))


def scanned_files() -> list[Path]:
    return sorted(path for folder in SCANNED for path in (REPO / folder).rglob("*.py"))


def test_no_python_file_reaches_outside_the_repository() -> None:
    files = scanned_files()
    assert len(files) > 50, "the scan found too few files to be looking in the right place"
    found = [
        finding
        for path in files
        for finding in findings(path.relative_to(REPO).as_posix(), path.read_text(encoding="utf-8"))
    ]
    assert not found, "Paths that leave the repository (CI has only the checkout):\n" + "\n".join(map(str, found))


# The self-tests' bad examples carry a "|" inside the offending token, taken out before scanning, so that this
# file's own source never holds a real match.
@pytest.mark.parametrize(
    ("relative", "source", "line"),
    [
        # The line this guard was written against: the schemas beside the checkout.
        ("tests/share/sample.py", 'SCHEMAS = Path(__file__).resolve().parents[3] / "sha|red" / "schemas"', 1),
        ("tests/share/sample.py", "DATA = Path(__file__).resolve().parents[3] / 'data'", 1),
        ("tests/test_cli.py", 'ROOT = Path(__file__).resolve().parent.parent\nx = ROOT.parent / "sha|red"', 2),
        ("tests/test_cli.py", 'ROOT = Path(__file__).resolve().parent.parent\nx = ROOT / ".." / "data"', 2),
        ("tests/test_x.py", 'x = ROOT / ".|./shared/y"', 1),
        ("tests/test_x.py", 'x = Path("/wo|rk/shared")', 1),
        ("kiosk/paths.py", 'here = os.path.join(os.path.dirname(__file__), "..", "..", "x")', 1),
        ("kiosk/paths.py", "up = os.path.dirname(os.path.dirname(os.path.dirname(__file__)))", 1),
        ("kiosk/paths.py", "ROOT: Path = Path(__file__).parent.parent\ndef f() -> Path:\n    return ROOT.parent", 3),
    ],
)
def test_guard_catches_ways_out(relative: str, source: str, line: int) -> None:
    found = findings(relative, source.replace("|", ""))
    assert found, source
    assert {f.line for f in found} == {line}
    assert all(f.path == relative for f in found)


@pytest.mark.parametrize(
    ("relative", "source"),
    [
        ("tests/share/sample.py", 'SCHEMAS = Path(__file__).resolve().parent / "schemas"'),
        ("tests/ui/test_screenshots.py", "ROOT = Path(__file__).resolve().parents[2]"),
        ("kiosk/paths.py", '_ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))'),
        ("tests/test_cli.py", 'ROOT = Path(__file__).resolve().parent.parent\nx = ROOT / "config" / ".." / "kiosk"'),
        ("kiosk/ui/qmltypes.py", '_QT = Path(PySide6.__file__).resolve().parent / "Qt"'),
        ("tests/share/site_check.py", "target = (page.parent / unquote(parts.path)).resolve()"),
        ("tests/share/test_site.py", 'link = \'<a rel="next" href="../2023-04-22/index.html">\''),
    ],
)
def test_guard_allows_paths_inside_the_repository(relative: str, source: str) -> None:
    assert findings(relative, source) == []
