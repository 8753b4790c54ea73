"""A throwaway PostgreSQL server for tests: its own data directory, port and superuser, gone when the tests end.

`PgCluster` runs `initdb` once into a fresh temporary directory, then starts `postgres` listening on 127.0.0.1 only,
on a free port, with durability traded for speed (`fsync=off`, `full_page_writes=off`). Host (TCP) logins use
scram-sha-256 and the superuser `postgres` gets a random password, so a test can create a least-privileged role and
see a wrong password refused; local (Unix socket) logins are trusted, for debugging with
`psql -h <cluster.directory> -p <cluster.port> -U postgres`.

The server refuses to run as root. Under root (CI, containers) every server program runs as an unprivileged system
user instead: `postgres` when it exists, else `nobody`, switched to with `setpriv` (or `runuser`). The cluster's
directory is made in /tmp (the per-user pytest folder is closed to other users) and handed to that user, mode 0700.

`synchronous_commit` stays on, unlike a typical "fast test server": `kill()` simulates a crash, and with it off an
acknowledged commit can be lost (it sits in shared memory until the WAL writer runs), which would make crash tests
flaky. With `fsync=off` a commit costs a write() into the page cache, so keeping it on costs next to nothing.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Literal, LiteralString, Self
from urllib.parse import quote

if TYPE_CHECKING:
    from psycopg import sql

SUPERUSER = "postgres"
SERVER_PROGRAMS = ("initdb", "postgres")
# Where Debian and Ubuntu put the server programs (one folder per major version); PATH is searched first.
DEBIAN_BINARIES = Path("/usr/lib/postgresql")
START_TIMEOUT = 30.0
STOP_TIMEOUT = 30.0
# Settings for speed and isolation, passed on the server's command line.
SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "full_page_writes": "off",
    "shared_buffers": "16MB",
    "max_connections": "100",
    "jit": "off",
    "huge_pages": "off",
    "logging_collector": "off",
    "timezone": "UTC",
}
# Shutdown modes, as pg_ctl names them, and the signal each sends to the postmaster.
STOP_SIGNALS = {"smart": signal.SIGTERM, "fast": signal.SIGINT, "immediate": signal.SIGQUIT}
StopMode = Literal["smart", "fast", "immediate"]


class PgClusterError(RuntimeError):
    """The cluster could not be created, started or stopped; the message carries the server's own words."""


def find_binaries() -> Path | None:
    """The folder holding `initdb` and `postgres`: from PATH if there, else the newest /usr/lib/postgresql/N/bin."""
    on_path = shutil.which("initdb")
    if on_path:
        # Resolved: PATH may hold symlinks, and both programs must come from the same installation.
        folder = Path(on_path).resolve().parent
        if all(os.access(folder / name, os.X_OK) for name in SERVER_PROGRAMS):
            return folder
    versions = []
    with contextlib.suppress(OSError):
        for entry in DEBIAN_BINARIES.iterdir():
            if re.fullmatch(r"\d+(\.\d+)?", entry.name):
                versions.append((tuple(int(part) for part in entry.name.split(".")), entry / "bin"))
    for _, folder in sorted(versions, reverse=True):
        if all(os.access(folder / name, os.X_OK) for name in SERVER_PROGRAMS):
            return folder
    return None


def server_account() -> pwd.struct_passwd | None:
    """The unprivileged account the server runs as under root (`postgres`, else `nobody`); None when not root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise PgClusterError("running as root, and neither a 'postgres' nor a 'nobody' user exists to run the server as")


def switch_user_prefix(account: pwd.struct_passwd | None) -> list[str]:
    """The command prefix that runs a program as `account` (empty when no switch is needed)."""
    if account is None:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv:
        # setpriv execs the program in place (no PAM session, no extra process), so signals reach it directly.
        return [setpriv, f"--reuid={account.pw_uid}", f"--regid={account.pw_gid}", "--clear-groups", "--"]
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", account.pw_name, "--"]
    raise PgClusterError("running as root, and neither setpriv nor runuser (util-linux) is there to switch user")


def postgres_available() -> str | None:
    """None when a `PgCluster` can run here, else why not (server missing, cannot switch user, no psycopg)."""
    folder = find_binaries()
    if folder is None:
        return f"PostgreSQL server programs (initdb, postgres) are neither on PATH nor in {DEBIAN_BINARIES}/*/bin"
    try:
        account = server_account()
        prefix = switch_user_prefix(account)
    except PgClusterError as error:
        return str(error)
    try:
        probe = subprocess.run(
            [*prefix, str(folder / "initdb"), "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"cannot run initdb: {error}"
    if probe.returncode != 0:
        who = f" as user {account.pw_name}" if account else ""
        return f"cannot run initdb{who}: {(probe.stderr or probe.stdout).strip()}"
    try:
        import psycopg  # noqa: F401 -- the cluster's helpers and the tests talk to the server through it
    except ImportError:
        return "psycopg is not installed (psycopg[binary]>=3.2)"
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # Fields after the command name, which is in parentheses and may itself hold spaces or parentheses.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def _gone(pid: int) -> bool:
    """True once `pid` has exited (a zombie waiting to be reaped counts as gone: it holds no memory any more)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat[stat.rindex(")") + 2] in "ZX"


def postmaster_pid(process: subprocess.Popen[bytes], data: Path) -> int | None:
    """The running postmaster's pid from its postmaster.pid, if that file is `process`'s (not a crashed server's)."""
    try:
        pid = int((data / "postmaster.pid").read_text().splitlines()[0])
    except (OSError, ValueError, IndexError):
        return None
    # With setpriv the postmaster is the process itself; with runuser it is that process's child.
    return pid if pid == process.pid or pid in _children(process.pid) else None


def kill_server(process: subprocess.Popen[bytes], data: Path) -> None:
    """SIGKILL the postmaster and all its children, wait until they are gone and reap `process`."""
    if process.poll() is None:
        pid = postmaster_pid(process, data) or process.pid
        with contextlib.suppress(ProcessLookupError):
            # Frozen first, so it forks no new child between listing its children and killing them.
            os.kill(pid, signal.SIGSTOP)
            doomed = [*_children(pid), pid]
            for victim in doomed:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(victim, signal.SIGKILL)
            deadline = time.monotonic() + STOP_TIMEOUT
            while not all(_gone(victim) for victim in doomed) and time.monotonic() < deadline:
                time.sleep(0.005)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=STOP_TIMEOUT)


@dataclass
class _Resources:
    """What must go when the cluster goes, kept apart from it so that a finalizer can clean up a forgotten one."""

    directory: Path
    process: subprocess.Popen[bytes] | None = None

    def release(self) -> None:
        if self.process is not None:
            kill_server(self.process, self.directory / "data")
        self.process = None
        shutil.rmtree(self.directory, ignore_errors=True)


class PgCluster:
    """A private PostgreSQL server in a temporary directory; a context manager that starts it and removes it.

    `start()` creates the cluster on first use, `stop()`/`restart()` shut it down cleanly, `kill()` crashes it
    (SIGKILL to every server process) and `start()` then runs crash recovery. The port stays the same throughout,
    so URLs handed out remain valid. `close()` (or leaving the `with` block) stops the server and deletes everything.
    """

    def __init__(self, *, settings: dict[str, str] | None = None) -> None:
        folder = find_binaries()
        if folder is None:
            raise PgClusterError(postgres_available() or "PostgreSQL server programs not found")
        self.binaries = folder
        self.account = server_account()
        self._prefix = switch_user_prefix(self.account)
        self.port = free_port()
        self.superuser = SUPERUSER
        self.superuser_password = secrets.token_urlsafe(18)
        self.settings = {**SERVER_SETTINGS, **(settings or {})}
        # /tmp for root: the server's user must reach the directory, and root's pytest folder is 0700.
        self.directory = Path(tempfile.mkdtemp(prefix="kiosk-pg-", dir="/tmp" if self.account else None))
        self.data = self.directory / "data"
        self.log = self.directory / "server.log"
        self._resources = _Resources(self.directory)
        self._finalizer = weakref.finalize(self, self._resources.release)
        if self.account is not None:
            os.chown(self.directory, self.account.pw_uid, self.account.pw_gid)
        self.directory.chmod(0o700)

    # -- lifecycle ---------------------------------------------------------------------------------------------

    def __enter__(self) -> Self:
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def running(self) -> bool:
        process = self._resources.process
        return process is not None and process.poll() is None

    def start(self) -> None:
        """Start the server (creating the cluster the first time) and wait until it accepts connections."""
        if self.running:
            return
        if not self._finalizer.alive:
            raise PgClusterError("this cluster was closed; its directory is gone")
        first = not (self.data / "PG_VERSION").exists()
        if first:
            self._initdb()
        for attempt in range(3):
            try:
                self._launch()
                return
            except PgClusterError as error:
                # The free port was taken between choosing and binding it: choose again, while no URL names it yet.
                if not (first and attempt < 2 and "could not bind" in str(error)):
                    raise
                self.port = free_port()

    def _launch(self) -> None:
        command = [str(self.binaries / "postgres"), "-D", str(self.data), "-p", str(self.port)]
        command += ["-c", f"unix_socket_directories={self._socket_directory()}"]
        for name, value in self.settings.items():
            command += ["-c", f"{name}={value}"]
        log_start = self.log.stat().st_size if self.log.exists() else 0
        with self.log.open("ab") as log:
            process = subprocess.Popen(
                [*self._prefix, *command],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.directory,
                env=self._environment(),
                start_new_session=True,
            )
        self._resources.process = process
        self._wait_until_ready(process, log_start)

    def stop(self, mode: StopMode = "fast") -> None:
        """Shut the server down the way `pg_ctl stop -m MODE` would: smart, fast (the default) or immediate."""
        process = self._resources.process
        if process is None or process.poll() is not None:
            self._resources.process = None
            return
        pid = postmaster_pid(process, self.data) or process.pid
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, STOP_SIGNALS[mode])
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            raise PgClusterError(f"the server did not stop ({mode}) within {STOP_TIMEOUT:.0f} s; killed it") from None
        self._resources.process = None

    def restart(self) -> None:
        """A clean stop then start, on the same port."""
        self.stop()
        self.start()

    def kill(self) -> None:
        """Crash the server: SIGKILL the postmaster and every one of its processes, as a power cut or OOM kill would.

        Killing the postmaster alone would leave its backends running (each is its own session), still holding the
        shared memory, and a new server would refuse to start; a real crash takes them all.
        """
        process = self._resources.process
        if process is not None:
            kill_server(process, self.data)
        self._resources.process = None

    def close(self) -> None:
        """Stop the server (killing it if it will not stop) and delete the cluster's directory."""
        try:
            if self.running:
                self.stop("fast")
        except (PgClusterError, OSError):
            self.kill()
        finally:
            self._finalizer()

    # -- addresses ---------------------------------------------------------------------------------------------

    def url(self, database: str, user: str, password: str, *, port: int | None = None) -> str:
        """A SQLAlchemy URL (psycopg driver) for `user` on `database`, over TCP; `port` to go through a proxy."""
        credentials = f"{quote(user, safe='')}:{quote(password, safe='')}"
        return f"postgresql+psycopg://{credentials}@127.0.0.1:{port or self.port}/{quote(database, safe='')}"

    def dsn(self, database: str, user: str, password: str, *, port: int | None = None, **options: object) -> str:
        """The same address as a libpq URI for `psycopg.connect`; `options` become query parameters."""
        url = self.url(database, user, password, port=port).replace("postgresql+psycopg://", "postgresql://", 1)
        query = "&".join(f"{key}={quote(str(value), safe='')}" for key, value in options.items())
        return f"{url}?{query}" if query else url

    def superuser_url(self, database: str = "postgres", *, port: int | None = None) -> str:
        return self.url(database, self.superuser, self.superuser_password, port=port)

    def superuser_dsn(self, database: str = "postgres", *, port: int | None = None, **options: object) -> str:
        return self.dsn(database, self.superuser, self.superuser_password, port=port, **options)

    # -- administration (as the superuser, through psycopg) ----------------------------------------------------

    def execute(self, statement: LiteralString | sql.Composable, database: str = "postgres") -> None:
        """Run one statement as the superuser, in autocommit (so CREATE/DROP DATABASE work)."""
        import psycopg

        with psycopg.connect(self.superuser_dsn(database), autocommit=True) as connection:
            connection.execute(statement)

    def create_database(self, name: str, *, owner: str | None = None) -> str:
        """Create an empty database (owned by `owner`, default the superuser) and return its name."""
        from psycopg import sql

        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if owner is not None:
            statement = sql.SQL("{} OWNER {}").format(statement, sql.Identifier(owner))
        self.execute(statement)
        return name

    def drop_database(self, name: str) -> None:
        """Drop a database, disconnecting whoever is still in it."""
        from psycopg import sql

        self.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def create_role(self, name: str, password: str, *, login: bool = True) -> str:
        """Create a role with no privileges beyond logging in (NOSUPERUSER NOCREATEDB NOCREATEROLE)."""
        from psycopg import sql

        statement = sql.SQL("CREATE ROLE {} {} NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {}").format(
            sql.Identifier(name), sql.SQL("LOGIN" if login else "NOLOGIN"), sql.Literal(password)
        )
        self.execute(statement)
        return name

    def drop_role(self, name: str) -> None:
        """Drop a role, with whatever it owns or was granted in any database (else DROP ROLE would refuse)."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.superuser_dsn(), autocommit=True) as connection:
            if connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is None:
                return
            databases = [row[0] for row in connection.execute("SELECT datname FROM pg_database WHERE datallowconn")]
        for database in databases:
            self.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(name)), database)
        self.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))

    # -- inner workings ----------------------------------------------------------------------------------------

    def _environment(self) -> dict[str, str]:
        """The caller's environment without libpq's PG* settings, with HOME in the cluster and UTC as time zone."""
        environment = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
        environment.update(HOME=str(self.directory), TZ="UTC", LC_ALL="C")
        return environment

    def _socket_directory(self) -> str:
        # A Unix socket path may not exceed 107 bytes; a long TMPDIR gets no socket (TCP still works).
        return str(self.directory) if len(str(self.directory)) < 80 else ""

    def _initdb(self) -> None:
        password_file = self.directory / "superuser-password"
        password_file.write_text(self.superuser_password + "\n")
        password_file.chmod(0o600)
        if self.account is not None:
            os.chown(password_file, self.account.pw_uid, self.account.pw_gid)
        command = [str(self.binaries / "initdb"), "--pgdata", str(self.data), "--username", self.superuser]
        command += [f"--pwfile={password_file}", "--auth-local=trust", "--auth-host=scram-sha-256"]
        command += ["--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"]
        try:
            result = subprocess.run(
                [*self._prefix, *command],
                cwd=self.directory,
                env=self._environment(),
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        finally:
            password_file.unlink(missing_ok=True)
        if result.returncode != 0:
            raise PgClusterError(f"initdb failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")

    def _wait_until_ready(self, process: subprocess.Popen[bytes], log_start: int) -> None:
        """Wait for postmaster.pid to say "ready", as `pg_ctl start -w` does (but polling every 5 ms, not 100)."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self._resources.process = None
                raise PgClusterError(
                    f"the server exited ({process.returncode}) while starting:\n{self._log_tail(log_start)}"
                )
            if postmaster_pid(process, self.data) is not None:
                with contextlib.suppress(OSError):
                    lines = (self.data / "postmaster.pid").read_text().splitlines()
                    if len(lines) >= 8 and lines[7].strip() == "ready":
                        return
            time.sleep(0.005)
        self.kill()
        raise PgClusterError(f"the server was not ready within {START_TIMEOUT:.0f} s:\n{self._log_tail(log_start)}")

    def _log_tail(self, start: int = 0, lines: int = 30) -> str:
        """The last `lines` lines the server logged since byte `start` of its log."""
        try:
            with self.log.open("rb") as log:
                log.seek(start)
                text = log.read().decode(errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<PgCluster 127.0.0.1:{self.port} {state} in {self.directory}>"
