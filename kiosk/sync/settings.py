"""Where the hub is and how to log in: the `[hub]` section of the config, and the password kept out of it.

The config may be copied around, pasted into chats and checked into a repository, so it never holds the
password: that comes from `$KIOSK_HUB_PASSWORD` or from `password_file`, a file only its owner can read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from kiosk.config_toml import ConfigError, Table

PASSWORD_ENV = "KIOSK_HUB_PASSWORD"  # noqa: S105 - the variable's name, not a password
HUB_KEYS = ("url", "interval_seconds", "password_file", "connect_timeout_seconds")
DEFAULT_INTERVAL = 5
DEFAULT_CONNECT_TIMEOUT = 5
# The driver the kiosk ships (psycopg 3); a plain postgresql:// URL is read as meaning it.
DRIVER = "postgresql+psycopg"


class HubCredentialsError(Exception):
    """The hub's password could not be read safely; the message is one line for staff."""


@dataclass(frozen=True, slots=True)
class HubSettings:
    url: URL
    interval_seconds: int = DEFAULT_INTERVAL
    password_file: Path | None = None
    connect_timeout_seconds: int = DEFAULT_CONNECT_TIMEOUT

    @property
    def shown_url(self) -> str:
        """The URL as it may be shown and logged: never a password."""
        return self.url.render_as_string(hide_password=True)

    def login_url(self, env: Mapping[str, str] | None = None) -> URL:
        """The URL with the password filled in from the environment or the password file."""
        password = read_password(self.password_file, os.environ if env is None else env)
        return self.url if password is None else self.url.set(password=password)


def parse_hub_url(text: str, *, allow_password: bool = False) -> URL:
    """A SQLAlchemy URL for the hub; raises ValueError with a sentence a person can act on."""
    try:
        url = make_url(text.strip())
    except ArgumentError:
        raise ValueError(
            f'"{text}" is not a database URL; write it like postgresql+psycopg://kiosk@hub.example/openspaces'
        ) from None
    if url.drivername in {"postgresql", "postgres"}:
        url = url.set(drivername=DRIVER)
    if url.drivername != DRIVER:
        raise ValueError(f"the hub must be PostgreSQL ({DRIVER}://…), not {url.drivername}")
    if not url.database:
        raise ValueError("name the hub's database at the end of the URL (…/openspaces)")
    if url.password and not allow_password:
        raise ValueError(f"must not contain the password; put it in password_file or ${PASSWORD_ENV}")
    return url


def read_hub(root: Table) -> HubSettings | None:
    """The `[hub]` section; None when there is none (a single kiosk, as before sync existed)."""
    if "hub" not in root.data:
        return None
    section = root.table("hub")
    section.reject_unknown(HUB_KEYS)
    try:
        url = parse_hub_url(section.text("url"))
    except ValueError as error:
        raise section.error("url", str(error)) from None
    interval = section.integer("interval_seconds", DEFAULT_INTERVAL, maximum=3600)
    timeout = section.integer("connect_timeout_seconds", DEFAULT_CONNECT_TIMEOUT, maximum=120)
    password_file = None
    if "password_file" in section.data:
        # Relative to the config file, so a config and its secret can travel together.
        password_file = (root.path.parent / section.text("password_file")).expanduser()
    return HubSettings(url, interval, password_file, timeout)


def read_password(password_file: Path | None, env: Mapping[str, str]) -> str | None:
    """`$KIOSK_HUB_PASSWORD`, else the first line of `password_file`; None when neither is given (the hub may
    trust the kiosk another way: a client certificate, or peer authentication on a Unix socket)."""
    if from_env := env.get(PASSWORD_ENV):
        return from_env
    if password_file is None:
        return None
    try:
        info = password_file.stat()
    except OSError as error:
        raise HubCredentialsError(f"{password_file}: cannot read the hub password: {error.strerror or error}") from None
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise HubCredentialsError(
            f"{password_file}: the hub password file can be read by other users "
            f"(mode {stat.filemode(info.st_mode)}); run: chmod 600 {password_file}"
        )
    try:
        text = password_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise HubCredentialsError(f"{password_file}: cannot read the hub password: {error}") from None
    password = text.splitlines()[0].strip() if text.strip() else ""
    if not password:
        raise HubCredentialsError(f"{password_file}: the hub password file is empty")
    return password


__all__ = ["ConfigError", "HubCredentialsError", "HubSettings", "parse_hub_url", "read_hub", "read_password"]
