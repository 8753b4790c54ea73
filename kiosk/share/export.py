"""`kiosk export`: write one format to a path so that a failed export never leaves half a file or half a site."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.domain import Card, Event, Idea
from kiosk.share.calendar import calendar_ics
from kiosk.share.errors import ExportError
from kiosk.share.schedule_json import schedule_json
from kiosk.share.schedule_xml import schedule_xml
from kiosk.share.site import SITE_MARKER, build_site
from kiosk.share.table import cards_csv
from kiosk.share.xlsx import cards_xlsx

__all__ = ["FORMATS", "ExportError", "check_target", "export", "write_atomically"]

_FILE_FORMATS: dict[str, Callable[[Event, Sequence[Card]], bytes]] = {
    "ics": calendar_ics,
    "xml": schedule_xml,
    "json": schedule_json,
    "csv": cards_csv,
    "xlsx": cards_xlsx,
}
FORMATS = (*_FILE_FORMATS, "html")


def _fsync_directory(directory: Path) -> None:
    """Make a rename durable; not every platform can open a directory, and that is fine there."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _file_mode(path: Path) -> int:
    """Keep the mode of the file being replaced; new files are world-readable, as exports are meant to be shared."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o644


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync it, then rename it over `path` in one step."""
    mode = _file_mode(path)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _fsync_directory(path.parent)


def _check_parent(out: Path) -> None:
    if not out.parent.is_dir():
        raise ExportError(f"The folder {out.parent} does not exist; create it first or choose another --out.")
    check_target(out)


def check_target(out: Path) -> None:
    """Raise ExportError if `out` exists and is neither a regular file, a folder nor a link."""
    try:
        mode = out.lstat().st_mode
    except FileNotFoundError:
        return
    # Only a regular file (or, for the site, a folder) is ever replaced: renaming over /dev/null, a FIFO or a
    # socket would replace the device itself (as root, the system's /dev/null).
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
        raise ExportError(f"{out} is not a regular file (a device, FIFO or socket); choose another --out.")


def _export_file(fmt: str, event: Event, cards: Sequence[Card], out: Path) -> None:
    if out.is_dir():
        raise ExportError(f"{out} is a folder; give a file name for the {fmt} export, e.g. {out / f'schedule.{fmt}'}.")
    write_atomically(out, _FILE_FORMATS[fmt](event, cards))


def _is_replaceable_site(out: Path) -> bool:
    """An earlier export (it has our marker) or an empty folder may be replaced; anything else is someone's files."""
    return (out / SITE_MARKER).is_file() or not any(out.iterdir())


def _fsync_tree(root: Path) -> None:
    for directory, _, names in os.walk(root):
        for name in names:
            with open(os.path.join(directory, name), "rb") as file:
                os.fsync(file.fileno())
        _fsync_directory(Path(directory))


def _swap_in(built: Path, out: Path, scratch: Path) -> None:
    """Put the freshly built folder at `out`, moving an earlier site into `scratch` to be deleted.

    Two renames: there is a moment with no folder at `out`, but never a folder with a mix of old and new pages.
    """
    if not out.exists():
        os.rename(built, out)
        return
    retired = scratch / "old"
    os.rename(out, retired)
    try:
        os.rename(built, out)
    except BaseException:
        os.rename(retired, out)
        raise


def _export_site(event: Event, cards: Sequence[Card], ideas: Sequence[Idea], out: Path) -> None:
    if out.exists() and not (out.is_dir() and _is_replaceable_site(out)):
        raise ExportError(
            f"{out} already exists and is not a site this kiosk made; choose an empty or new folder for --out."
        )
    # A private scratch folder beside `out` (same filesystem, so renames are atomic); the site itself is made
    # with mkdir so it gets the usual permissions and a web server can read it.
    scratch = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
    try:
        built = scratch / "new"
        built.mkdir()
        build_site(event, cards, ideas, built)
        _fsync_tree(built)
        _swap_in(built, out, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    _fsync_directory(out.parent)


def export(fmt: str, event: Event, cards: Sequence[Card], ideas: Sequence[Idea], out: Path) -> Path:
    """Export `cards` (and, for the site, `ideas`) as `fmt` to `out`; returns `out`.

    `fmt` is one of ics, xml, json, csv, xlsx (a file) or html (a folder). Raises `ExportError` with a message for
    a person.
    """
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise ExportError(f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    # Absolute and normalised, so "." or "site/.." still name a folder with a parent to build beside.
    out = Path(os.path.abspath(out))
    _check_parent(out)
    try:
        if fmt == "html":
            _export_site(event, cards, ideas, out)
        else:
            _export_file(fmt, event, cards, out)
    except OSError as error:
        raise ExportError(f"Could not write {out}: {error.strerror or error}.") from error
    return out
