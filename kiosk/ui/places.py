"""Where staff's files are: mounted drives (a USB stick) and the data folder's exports/ and imports/."""

from __future__ import annotations

from pathlib import Path

MOUNT_ROOTS = (Path("/media"), Path("/run/media"), Path("/mnt"))
IMPORTABLE = (".csv", ".json")
# Enough for every planning file a USB stick is likely to hold, few enough to list on one screen.
MOST_FILES = 40


def import_files(data_dir: Path, roots: tuple[Path, ...] = MOUNT_ROOTS) -> list[Path]:
    """CSV and JSON files on mounted drives (up to three folders deep) and in the data folder's imports/."""
    found: list[Path] = []
    for root in (*roots, data_dir / "imports"):
        for pattern in ("*", "*/*", "*/*/*", "*/*/*/*"):
            try:
                found.extend(p for p in sorted(root.glob(pattern)) if p.suffix.lower() in IMPORTABLE and p.is_file())
            except OSError:
                continue
            if len(found) >= MOST_FILES:
                return found[:MOST_FILES]
    return found


def export_places(data_dir: Path, roots: tuple[Path, ...] = MOUNT_ROOTS) -> list[Path]:
    """Mounted drives staff can export to (two levels: /media/USER/STICK and /media/STICK), then the data folder."""
    found: list[Path] = []
    for root in roots:
        try:
            for entry in sorted(root.iterdir()):
                children = sorted(c for c in entry.iterdir() if c.is_dir()) if entry.is_dir() else []
                found.extend(children if children and root != Path("/mnt") else [entry] if entry.is_dir() else [])
        except OSError:
            continue
    return [*found, data_dir / "exports"]
