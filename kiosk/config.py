"""Read an event's TOML config into frozen domain objects, and find the config file and data directory.

Every mistake in the file becomes a ConfigError that names the file, the dotted key and the problem in plain words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import platformdirs

from kiosk.config_event import LANGUAGE_TAG, MAX_SECONDS, read_event
from kiosk.config_toml import ConfigError, Problems, Table, read_toml
from kiosk.domain.model import Event
from kiosk.paths import DEMO_CONFIG
from kiosk.sync.settings import HubSettings, read_hub

APP_NAME = "open-spaces-kiosk"
CONFIG_ENV = "KIOSK_CONFIG"
DATA_DIR_ENV = "KIOSK_DATA_DIR"
LOCAL_CONFIG = Path("config") / "kiosk.toml"
BUNDLED_CONFIG = DEMO_CONFIG

_TOP_LEVEL_KEYS = ("event", "links", "kiosk", "limits", "rooms", "blocks", "tags", "hub")
_KIOSK_KEYS = (
    "id",
    "idle_seconds",
    "form_idle_seconds",
    "form_warning_seconds",
    "backup_every_minutes",
    "backups_kept",
    "keyboards",
)


@dataclass(frozen=True, slots=True)
class KioskSettings:
    """How this kiosk behaves, as opposed to the event it shows."""

    kiosk_id: str = ""  # empty: the app generates one per data directory
    idle_seconds: int = 120
    form_idle_seconds: int = 90
    form_warning_seconds: int = 10
    # Automatic backups while the board changes (and at each day's start); the newest `backups_kept` are kept.
    backup_every_minutes: int = 10
    backups_kept: int = 48
    # More on-screen keyboard layouts to switch to, as language tags ("fr", "uk"): the event language's and English
    # are always there.
    keyboards: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KioskConfig:
    path: Path
    event: Event
    kiosk: KioskSettings
    # None: a single kiosk with no hub to sync through.
    hub: HubSettings | None = None


def load_config(path: Path) -> KioskConfig:
    """Read and check a config file.

    Error keys count array entries from 1, as a person counts `[[rooms]]` tables down the file: `rooms[1]` is the first.
    Every mistake found is reported at once, one a line (ConfigError.problems), as a linter does.
    """
    root = Table(path, "", read_toml(path))
    problems = Problems()
    problems.attempt(partial(root.reject_unknown, _TOP_LEVEL_KEYS))
    event = problems.attempt(partial(read_event, root))
    kiosk = problems.attempt(lambda: _kiosk(root.table("kiosk")))
    hub = problems.attempt(partial(read_hub, root))
    problems.raise_any()
    if event is None or kiosk is None:
        raise AssertionError("every section read cleanly")
    return KioskConfig(path=path, event=event, kiosk=kiosk, hub=hub)


def find_config(explicit: Path | None, env: Mapping[str, str], cwd: Path) -> Path:
    """`--config`, then `$KIOSK_CONFIG`, then `config/kiosk.toml` under cwd, then the bundled demo event."""
    if explicit is not None:
        return _must_exist(cwd / explicit.expanduser())
    if from_env := env.get(CONFIG_ENV):
        return _must_exist(cwd / Path(from_env).expanduser())
    local = cwd / LOCAL_CONFIG
    if local.is_file():
        return local
    return BUNDLED_CONFIG


def find_data_dir(explicit: Path | None, env: Mapping[str, str]) -> Path:
    """`--data-dir`, then `$KIOSK_DATA_DIR`, then the platform's per-user data directory."""
    if explicit is not None:
        return explicit.expanduser()
    if from_env := env.get(DATA_DIR_ENV):
        return Path(from_env).expanduser()
    return platformdirs.user_data_path(APP_NAME)


def _must_exist(path: Path) -> Path:
    # A path someone typed that isn't there is a mistake; silently falling back to the demo would hide it.
    if not path.exists():
        raise ConfigError(path, "(file)", "does not exist")
    return path


def _kiosk(section: Table) -> KioskSettings:
    section.reject_unknown(_KIOSK_KEYS)
    defaults = KioskSettings()
    kiosk_id = section.text("id", defaults.kiosk_id, allow_empty=True)
    idle_seconds = section.integer("idle_seconds", defaults.idle_seconds, maximum=MAX_SECONDS)
    form_idle_seconds = section.integer("form_idle_seconds", defaults.form_idle_seconds, maximum=MAX_SECONDS)
    form_warning_seconds = section.integer("form_warning_seconds", defaults.form_warning_seconds, maximum=MAX_SECONDS)
    # After form_idle_seconds without a touch the form counts down form_warning_seconds more, then closes
    # (90 + 10 s by default). The countdown is a last call before a half-typed card is dropped, so it stays
    # shorter than the quiet spell that triggers it.
    if form_warning_seconds >= form_idle_seconds:
        raise section.error(
            "form_warning_seconds",
            f"must be shorter than form_idle_seconds ({form_idle_seconds}): the countdown is a short last call"
            " that starts once the form has been left alone that long",
        )
    backup_every_minutes = section.integer(
        "backup_every_minutes", defaults.backup_every_minutes, minimum=1, maximum=1440
    )
    backups_kept = section.integer("backups_kept", defaults.backups_kept, minimum=1, maximum=10_000)
    keyboards = _keyboards(section)
    return KioskSettings(
        keyboards=keyboards,
        kiosk_id=kiosk_id,
        backup_every_minutes=backup_every_minutes,
        backups_kept=backups_kept,
        idle_seconds=idle_seconds,
        form_idle_seconds=form_idle_seconds,
        form_warning_seconds=form_warning_seconds,
    )


def _keyboards(section: Table) -> tuple[str, ...]:
    tags = section.get("keyboards", list, 'a list of language tags like ["fr", "uk"]', [])
    for tag in tags:
        if not isinstance(tag, str) or not LANGUAGE_TAG.fullmatch(tag):
            raise section.error(
                "keyboards", f'{tag!r} is not a language tag: write a list like ["fr", "uk", "pt-BR"] (BCP 47)'
            )
    return tuple(tags)


__all__ = ["ConfigError", "KioskConfig", "KioskSettings", "find_config", "find_data_dir", "load_config"]
