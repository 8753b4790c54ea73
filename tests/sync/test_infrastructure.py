"""The sync tests' own tools work: a real PostgreSQL hub (tests/pgcluster.py) and a bad network (tests/tcpproxy.py)."""

from __future__ import annotations

import os
import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from tests.pgcluster import PgCluster
from tests.tcpproxy import TcpProxy

RoleMaker = Callable[..., str]


def engine(url: str) -> sa.Engine:
    # No pool: a connection closed in the test is closed on the server too.
    return sa.create_engine(url, poolclass=NullPool)


def scalar(url: str, statement: str) -> Any:
    hub = engine(url)
    try:
        with hub.connect() as connection:
            return connection.execute(sa.text(statement)).scalar_one()
    finally:
        hub.dispose()


def proxy_threads() -> set[threading.Thread]:
    return {thread for thread in threading.enumerate() if thread.name.startswith("tcpproxy-")}


@pytest.fixture
def no_stray_threads() -> Iterator[None]:
    """The test leaves no proxy thread behind (each proxy in it must be closed by its end)."""
    before = proxy_threads()
    yield
    assert proxy_threads() <= before


# -- the hub: a real PostgreSQL server --------------------------------------------------------------------------


def test_the_server_runs_as_an_unprivileged_user(pg_cluster: PgCluster, hub_url: str) -> None:
    assert scalar(hub_url, "SHOW data_directory") == str(pg_cluster.data)
    assert (pg_cluster.data.stat().st_mode & 0o777) == 0o700
    if os.geteuid() == 0:
        assert pg_cluster.account is not None
        assert pg_cluster.data.stat().st_uid == pg_cluster.account.pw_uid != 0
        assert pg_cluster.directory.parent.as_posix() == "/tmp"


def test_the_superuser_connects_with_sqlalchemy_and_psycopg(hub_url: str) -> None:
    hub = engine(hub_url)
    try:
        assert hub.dialect.driver == "psycopg"
        with hub.begin() as connection:
            connection.execute(sa.text("CREATE TABLE board (id int PRIMARY KEY, topic text NOT NULL)"))
            connection.execute(sa.text("INSERT INTO board VALUES (1, 'Sync')"))
        with hub.connect() as connection:
            assert connection.execute(sa.text("SELECT current_user")).scalar_one() == "postgres"
            assert connection.execute(sa.text("SELECT topic FROM board")).scalar_one() == "Sync"
            assert connection.execute(sa.text("SHOW server_encoding")).scalar_one() == "UTF8"
            assert connection.execute(sa.text("SHOW TimeZone")).scalar_one() == "UTC"
            assert connection.execute(sa.text("SHOW synchronous_commit")).scalar_one() == "on"
            assert connection.execute(sa.text("SHOW fsync")).scalar_one() == "off"
    finally:
        hub.dispose()


def test_a_least_privileged_role_logs_in_and_a_wrong_password_is_refused(
    pg_cluster: PgCluster, hub_database: str, make_role: RoleMaker
) -> None:
    role = make_role("right password")
    with psycopg.connect(pg_cluster.dsn(hub_database, role, "right password")) as connection:
        assert connection.execute("SELECT current_user").fetchone() == (role,)
        # Least privilege: since PostgreSQL 15 nobody but the owner may create in the public schema.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("CREATE TABLE intruder (x int)")

    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg_cluster.dsn(hub_database, role, "wrong password"))
    with pytest.raises(sa.exc.OperationalError) as refused:
        scalar(pg_cluster.url(hub_database, role, "wrong password"), "SELECT 1")
    assert isinstance(refused.value.orig, psycopg.OperationalError)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg_cluster.dsn(hub_database, "postgres", "wrong password"))


def test_a_crash_loses_no_committed_row_and_the_server_comes_back(pg_cluster: PgCluster, hub_url: str) -> None:
    hub = engine(hub_url)
    try:
        with hub.begin() as connection:
            connection.execute(sa.text("CREATE TABLE pushed (n int)"))
        with hub.connect() as held:
            held.execute(sa.text("INSERT INTO pushed VALUES (1)"))
            held.commit()
            pg_cluster.kill()  # right after the commit was acknowledged
            assert not pg_cluster.running
            with pytest.raises(sa.exc.OperationalError):
                held.execute(sa.text("SELECT 1"))
        with pytest.raises(sa.exc.OperationalError):
            hub.connect()

        started = time.monotonic()
        pg_cluster.start()  # crash recovery
        assert time.monotonic() - started < 5
        with hub.connect() as connection:
            assert connection.execute(sa.text("SELECT array_agg(n) FROM pushed")).scalar_one() == [1]

        port = pg_cluster.port
        pg_cluster.restart()
        assert pg_cluster.port == port
        with hub.connect() as connection:
            assert connection.execute(sa.text("SELECT count(*) FROM pushed")).scalar_one() == 1
    finally:
        hub.dispose()


def test_two_databases_are_independent(pg_cluster: PgCluster, hub_database: str, hub_url: str) -> None:
    other = pg_cluster.create_database(f"{hub_database}_other")
    try:
        for url, topic in ((hub_url, "first"), (pg_cluster.superuser_url(other), "second")):
            hub = engine(url)
            try:
                with hub.begin() as connection:
                    connection.execute(sa.text("CREATE TABLE board (topic text)"))
                    connection.execute(sa.text("INSERT INTO board VALUES (:topic)"), {"topic": topic})
            finally:
                hub.dispose()
        assert scalar(hub_url, "SELECT string_agg(topic, ',') FROM board") == "first"
        assert scalar(pg_cluster.superuser_url(other), "SELECT string_agg(topic, ',') FROM board") == "second"
    finally:
        pg_cluster.drop_database(other)


# -- the network: a proxy that misbehaves on demand ---------------------------------------------------------------


class _Echo(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        while data := self.request.recv(65536):
            self.request.sendall(data)


@pytest.fixture
def echo_server() -> Iterator[tuple[str, int]]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Echo)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="echo-server", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield str(host), int(port)
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.mark.usefixtures("no_stray_threads")
def test_the_proxy_forwards_bytes_both_ways_and_leaves_nothing_behind(echo_server: tuple[str, int]) -> None:
    with TcpProxy(*echo_server) as proxy:
        assert proxy_threads()
        with socket.create_connection((proxy.host, proxy.port), timeout=5) as client:
            payload = os.urandom(300_000)
            client.sendall(payload)
            received = b""
            while len(received) < len(payload):
                received += client.recv(65536)
            assert received == payload
            assert proxy.open_connections == 1
        # The proxy counts a chunk after sending it, so the client can hold every byte a moment before the count
        # does: once the link has closed (the client hung up), every chunk it sent is counted.
        deadline = time.monotonic() + 10
        while proxy.open_connections and time.monotonic() < deadline:
            time.sleep(0.01)
        assert proxy.open_connections == 0
        assert proxy.connections_accepted == 1
        assert proxy.bytes_to_target == proxy.bytes_to_client == len(payload)
        assert proxy.bytes_forwarded == 2 * len(payload)
    assert not proxy_threads()


@pytest.mark.usefixtures("no_stray_threads")
def test_cut_resets_an_open_connection(echo_server: tuple[str, int]) -> None:
    with TcpProxy(*echo_server) as proxy, socket.create_connection((proxy.host, proxy.port), timeout=5) as client:
        client.sendall(b"ping")
        assert client.recv(16) == b"ping"
        proxy.cut()
        assert proxy.open_connections == 0
        with pytest.raises(ConnectionResetError):
            client.recv(16)


@pytest.mark.usefixtures("no_stray_threads")
def test_the_proxy_carries_a_postgres_connection(pg_cluster: PgCluster, hub_database: str) -> None:
    with TcpProxy("127.0.0.1", pg_cluster.port) as proxy:
        url = pg_cluster.superuser_url(hub_database, port=proxy.port)
        assert scalar(url, "SELECT inet_server_port()") == pg_cluster.port
        assert proxy.connections_accepted == 1
        assert proxy.bytes_to_target > 0
        assert proxy.bytes_to_client > 0


def _run_in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, dict[str, Any]]:
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except Exception as error:
            outcome["error"] = error

    thread = threading.Thread(target=run, name="query", daemon=True)
    thread.start()
    return thread, outcome


def _wait_until_active(pg_cluster: PgCluster, database: str, query: str) -> None:
    """Wait until the server runs `query` in `database` (seen from a direct superuser connection)."""
    with psycopg.connect(pg_cluster.superuser_dsn(), autocommit=True) as watcher:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            seen = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND state = 'active' AND query = %s",
                (database, query),
            ).fetchone()
            if seen and seen[0]:
                return
            time.sleep(0.01)
    raise AssertionError(f"the server never ran {query!r}")


@pytest.mark.usefixtures("no_stray_threads")
def test_cut_breaks_a_connection_in_the_middle_of_a_query(pg_cluster: PgCluster, hub_database: str) -> None:
    query = "SELECT pg_sleep(3)"
    with TcpProxy("127.0.0.1", pg_cluster.port) as proxy:
        dsn = pg_cluster.superuser_dsn(hub_database, port=proxy.port)
        with psycopg.connect(dsn, autocommit=True) as connection:
            thread, outcome = _run_in_thread(lambda: connection.execute(query).fetchone())
            _wait_until_active(pg_cluster, hub_database, query)
            started = time.monotonic()
            proxy.cut()
            thread.join(5)
            assert time.monotonic() - started < 1, "the client should learn at once, not when the query ends"
            assert isinstance(outcome.get("error"), psycopg.OperationalError), outcome
            assert connection.closed
        with psycopg.connect(dsn) as again:  # the link is back for new connections
            assert again.execute("SELECT 1").fetchone() == (1,)


@pytest.mark.usefixtures("no_stray_threads")
def test_pause_holds_a_query_that_statement_timeout_cannot_end_and_resume_delivers_it(
    pg_cluster: PgCluster, hub_database: str
) -> None:
    with TcpProxy("127.0.0.1", pg_cluster.port) as proxy:
        dsn = pg_cluster.superuser_dsn(hub_database, port=proxy.port, options="-c statement_timeout=100")
        with psycopg.connect(dsn, autocommit=True) as connection:
            proxy.pause()
            thread, outcome = _run_in_thread(lambda: connection.execute("SELECT 42").fetchone())
            thread.join(0.5)
            # Still waiting after 5 x statement_timeout: the query sits in the network, the server never saw it.
            assert thread.is_alive()
            assert proxy.open_connections == 1
            proxy.resume()
            thread.join(5)
            assert outcome == {"result": (42,)}


@pytest.mark.usefixtures("no_stray_threads")
def test_delay_slows_every_round_trip(pg_cluster: PgCluster, hub_database: str) -> None:
    def round_trip(connection: psycopg.Connection[Any]) -> float:
        started = time.monotonic()
        assert connection.execute("SELECT 1").fetchone() == (1,)
        return time.monotonic() - started

    with (
        TcpProxy("127.0.0.1", pg_cluster.port) as proxy,
        psycopg.connect(pg_cluster.superuser_dsn(hub_database, port=proxy.port)) as connection,
    ):
        assert min(round_trip(connection) for _ in range(3)) < 0.2
        proxy.delay(0.4)
        # Once per round trip (the answer is late), not twice (the question too): well under 0.8 s.
        assert 0.4 <= round_trip(connection) < 0.8
        proxy.delay(0)
        assert round_trip(connection) < 0.2


@pytest.mark.usefixtures("no_stray_threads")
def test_refuse_turns_away_new_connections_but_not_open_ones(pg_cluster: PgCluster, hub_database: str) -> None:
    with TcpProxy("127.0.0.1", pg_cluster.port) as proxy:
        dsn = pg_cluster.superuser_dsn(hub_database, port=proxy.port, connect_timeout=5)
        with psycopg.connect(dsn) as open_before:
            proxy.refuse(True)
            started = time.monotonic()
            with pytest.raises(psycopg.OperationalError):
                psycopg.connect(dsn)
            assert time.monotonic() - started < 1
            assert open_before.execute("SELECT 1").fetchone() == (1,)
            proxy.refuse(False)
            with psycopg.connect(dsn) as after:
                assert after.execute("SELECT 1").fetchone() == (1,)
