"""`kiosk publish`: keep the public static site current, so a session's QR code works a minute after its card.

A round builds the whole site (`kiosk.share.site`) into a fresh release folder beside `out`, then points the
symlink `out` at it with one rename(2). A web server serving `out` therefore sees the old site or the new one,
never half of either, and never an empty moment. A round whose board has not changed does nothing: every release
carries the fingerprint of what it was built from, so a restarted publisher (or a timer's fresh process) knows too.

    /var/www/openspaces -> .openspaces-releases/20230421T170512.483920Z    the link a web server serves
    /var/www/.openspaces-releases/<name>/…                                the last three releases, oldest pruned

No Qt and no database here: the board is handed in (by `kiosk.cli`, from the local board or, later, a hub).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import glob
import hashlib
import logging
import os
import re
import secrets
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.domain import Card, Event, Idea
from kiosk.share.errors import ExportError

# Private helpers of the sibling exporter: one definition of "durable" for both ways of writing the site.
from kiosk.share.export import _fsync_directory, _fsync_tree
from kiosk.share.site import build_site

Board = tuple[Event, Sequence[Card], Sequence[Idea]]

KEEP_RELEASES = 3
FINGERPRINT_FILE = ".fingerprint"
# Bump when what goes into the fingerprint changes meaning, so old releases never match by accident.
_FINGERPRINT_FORMAT = "open-spaces-kiosk publish 1"
# A release is built under this prefix and renamed to its final name only once complete: a folder without it
# is always a whole site, and one with it is a leftover of a killed process, removed by the next round.
_BUILDING = ".building-"
_LOCK_FILE = ".lock"
_LINK_SUFFIX = ".link.tmp"
_RELEASE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")

_log = logging.getLogger(__name__)


class PublishRefused(ExportError):  # noqa: N818 -- named like the store's ImportRefused
    """`out` is something publishing must not replace (someone's folder, file or link): stop and say how to fix it."""


class PublishBusy(ExportError):  # noqa: N818 -- the name reads as the state it reports
    """Another publisher holds the lock on this `out`; this round is skipped and the next one tries again."""


@dataclass(frozen=True, slots=True)
class PublishResult:
    out: Path  # the symlink, absolute
    release: Path  # the release folder `out` points at after this round
    rebuilt: bool  # False: the board was unchanged and nothing was written
    sessions: int


def releases_folder(out: Path) -> Path:
    """Where the releases of `out` live: a hidden sibling, on the same filesystem so renames stay atomic."""
    return out.parent / f".{out.name}-releases"


@functools.cache
def _renderer_identity() -> str:
    """The code that renders the site, so an upgraded publisher rebuilds once even though the board is unchanged.

    A frozen (PyInstaller) build has no sources beside it; there only board changes trigger a rebuild.
    """
    package = Path(__file__).resolve().parent.parent
    sources = sorted(path for pattern in ("share/*.py", "share/*.css", "domain/*.py") for path in package.glob(pattern))
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def board_fingerprint(event: Event, cards: Sequence[Card], ideas: Sequence[Idea]) -> str:
    """A hash of everything the site is made from.

    The inputs rather than the rendered files: rendering a 1,000-session site takes seconds (a QR code per page),
    hashing its inputs milliseconds. The domain objects are frozen dataclasses whose repr lists every field, so
    any change a page could show (an idea's votes, a room's name, a card's topic) changes the hash; a change no
    page shows (a card's kiosk id) costs one needless rebuild, never a missed one.
    """
    parts = (_FINGERPRINT_FORMAT, _renderer_identity(), repr(event), repr(tuple(cards)), repr(tuple(ideas)))
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _link_target(out: Path) -> Path:
    """Where the symlink `out` points, absolute and normalised (it need not exist)."""
    return Path(os.path.normpath(out.parent / os.readlink(out)))


def _check_out(out: Path) -> None:
    """Refuse anything at `out` that is not our own link: replacing it would destroy someone's files."""
    if not out.name:
        raise PublishRefused(f"{out} cannot be published to; give a folder name for --out, e.g. /var/www/openspaces.")
    if not out.parent.is_dir():
        raise PublishRefused(f"The folder {out.parent} does not exist; create it first or choose another --out.")
    if out.is_symlink():
        target = _link_target(out)
        if target.parent != releases_folder(out):
            raise PublishRefused(
                f"{out} is a link to {target}, not to a release kiosk publish made; remove the link (rm {out}) "
                "and run again."
            )
    elif os.path.lexists(out):
        kind = "folder" if out.is_dir() else "file"
        raise PublishRefused(
            f"{out} is a real {kind}, but kiosk publish keeps {out} as a link to its latest release; "
            f"move it away (mv {out} {out}.old) and run again."
        )


@contextlib.contextmanager
def _locked(out: Path, releases: Path) -> Iterator[None]:
    """One publisher per `out` at a time: two would prune each other's half-built releases."""
    fd = os.open(releases / _LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PublishBusy(f"Another kiosk publish is updating {out} right now; try again later.") from None
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _served_fingerprint(out: Path) -> str | None:
    """The fingerprint of the release `out` points at; None when there is none (first round, a deleted release)."""
    try:
        return (out / FINGERPRINT_FILE).read_text(encoding="utf-8").strip() if out.is_symlink() else None
    except (OSError, UnicodeDecodeError):
        return None


def _release_name(releases: Path, stamp: str | None) -> str:
    """A new release's folder name; UTC timestamps sort by age, which is how pruning picks the oldest."""
    base = stamp if stamp is not None else datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    if not _RELEASE_NAME.fullmatch(base):
        raise ValueError(f"a release name is letters, digits, '.', '_' and '-', not {base!r}")
    name, number = base, 1
    while os.path.lexists(releases / name) or os.path.lexists(releases / f"{_BUILDING}{name}"):
        number += 1
        name = f"{base}-{number}"
    return name


def _build_release(board: Board, releases: Path, stamp: str | None, fingerprint: str) -> Path:
    """Build, fsync, then rename into place: a release under its final name is always complete and durable."""
    name = _release_name(releases, stamp)
    building = releases / f"{_BUILDING}{name}"
    # mkdir, not mkdtemp: the usual permissions, so a web server running as another user can read it.
    building.mkdir()
    try:
        build_site(*board, building)
        (building / FINGERPRINT_FILE).write_text(fingerprint + "\n", encoding="utf-8")
        _fsync_tree(building)
        release = releases / name
        os.rename(building, release)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    _fsync_directory(releases)
    return release


def _point(out: Path, release: Path) -> None:
    """Make `out` a link to `release` in one step: a new link beside it, renamed over the old one.

    The target is relative, so the folder can be moved or mounted elsewhere (a container) and still resolve.
    """
    link = out.parent / f".{out.name}.{secrets.token_hex(4)}{_LINK_SUFFIX}"
    os.symlink(os.path.relpath(release, out.parent), link)
    try:
        # rename(2) over a symlink is atomic; over a real folder it fails (EISDIR), which keeps someone's folder
        # that appeared since the check.
        os.replace(link, out)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(link)
        # Built but never served: nothing would ever point at it again.
        shutil.rmtree(release, ignore_errors=True)
        raise
    _fsync_directory(out.parent)


def _prune(out: Path, releases: Path, keep: int, current: Path) -> None:
    """Keep the newest `keep` releases and the current one; remove leftovers of builds and flips that were killed.

    A pruned release was replaced at least `keep - 1` rounds ago, long after any request that started on it.
    """
    entries = sorted(os.scandir(releases), key=lambda entry: entry.name)
    finished = [e for e in entries if e.is_dir(follow_symlinks=False) and not e.name.startswith(".")]
    doomed = [Path(e.path) for e in finished[: max(len(finished) - keep, 0)] if Path(e.path) != current]
    # Safe to remove: the lock says no other publisher is building.
    doomed += [Path(e.path) for e in entries if e.name.startswith(_BUILDING)]
    for path in doomed:
        _log.debug("Removing %s", path)
        shutil.rmtree(path, ignore_errors=True)
    for link in out.parent.glob(f".{glob.escape(out.name)}.*{_LINK_SUFFIX}"):
        with contextlib.suppress(OSError):
            link.unlink()


def publish_once(
    event: Event,
    cards: Sequence[Card],
    ideas: Sequence[Idea],
    out: Path,
    *,
    stamp: str | None = None,
    keep: int = KEEP_RELEASES,
) -> PublishResult:
    """Make `out` a link to a release showing this board, building one only if the board changed.

    `stamp` names the new release (default: the UTC time). Raises `PublishRefused` when `out` is not ours to
    replace or its folder is missing, `PublishBusy` when another publisher is at work; OSError from the disk.
    On any failure `out` still points at the previous complete release.
    """
    if keep < 1:
        raise ValueError("keep at least the release being served")
    # Absolute and normalised but not resolved: resolving would follow the very link we replace.
    out = Path(os.path.abspath(out))
    _check_out(out)
    releases = releases_folder(out)
    releases.mkdir(exist_ok=True)
    with _locked(out, releases):
        fingerprint = board_fingerprint(event, cards, ideas)
        if _served_fingerprint(out) == fingerprint:
            release, rebuilt = _link_target(out), False
        else:
            release, rebuilt = _build_release((event, cards, ideas), releases, stamp, fingerprint), True
            _point(out, release)
        _prune(out, releases, keep, release)
    return PublishResult(out=out, release=release, rebuilt=rebuilt, sessions=len(cards))


def _describe(error: Exception) -> str:
    if isinstance(error, ExportError):
        return error.message
    if isinstance(error, OSError):
        return f"{error.strerror or error}" + (f" ({error.filename})" if error.filename else "")
    return f"{type(error).__name__}: {error}"


def publish_loop(
    read_board: Callable[[], Board],
    out: Path,
    every: float,
    *,
    rounds: int | None = None,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    log: logging.Logger = _log,
) -> None:
    """Publish every `every` seconds (forever, or `rounds` times): read the board, `publish_once`, wait.

    Rounds start `every` seconds apart however long a build takes, so a card is online within `every` seconds
    plus one build. A failing round (the database busy, a hub unreachable, a full disk) is logged and retried at
    the next round; only `PublishRefused` ends the loop, since retrying cannot fix what is at `out`.
    """
    if every <= 0:
        raise ValueError("every must be a positive number of seconds")
    done = 0
    last_failure: str | None = None
    while rounds is None or done < rounds:
        started = clock()
        try:
            event, cards, ideas = read_board()
            result = publish_once(event, cards, ideas, out)
        except PublishRefused:
            raise
        except Exception as error:
            message = _describe(error)
            # A traceback once per new kind of surprise; a failure that repeats every round stays one line.
            detailed = message != last_failure and not isinstance(error, OSError | ExportError)
            log.error("Publishing failed (next try in %g s): %s", every, message, exc_info=detailed)
            last_failure = message
        else:
            if last_failure is not None:
                log.info("Publishing works again.")
                last_failure = None
            if result.rebuilt:
                log.info("Published %d sessions to %s (release %s)", result.sessions, out, result.release.name)
            else:
                log.debug("The board is unchanged; %s stays at %s", out, result.release.name)
        done += 1
        if rounds is None or done < rounds:
            sleep(max(0.0, every - (clock() - started)))
