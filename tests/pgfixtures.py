"""Fixtures for tests that need a hub: one real PostgreSQL server for the session, a fresh database per test.

Loaded for the whole suite by tests/conftest.py, so the sync tests and the screen tests of sync share one server.

The server starts on the first test that asks for it (the rest of the suite never pays for it) and is gone at the
end of the session. Where PostgreSQL cannot run (no server programs, no user to run it as, no psycopg) the tests that
need it are skipped, except under CI (CI=true), where that is a broken build and they fail instead.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator
from typing import NoReturn

import pytest

from tests.pgcluster import PgCluster, postgres_available

RoleMaker = Callable[..., str]


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}:
        pytest.fail(f"PostgreSQL is required under CI (CI=true), but: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


def _unique_name(prefix: str, request: pytest.FixtureRequest) -> str:
    """A database or role name that says which test made it: lower case, at most 63 bytes (PostgreSQL's limit)."""
    test = re.sub(r"[^a-z0-9]+", "_", request.node.name.lower()).strip("_")
    return f"{prefix}_{test[:40]}_{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """The session's PostgreSQL server. A test may stop or kill it: the next `hub_database` starts it again."""
    reason = postgres_available()
    if reason is not None:
        _unavailable(reason)
    with PgCluster() as cluster:
        yield cluster


@pytest.fixture
def hub_database(pg_cluster: PgCluster, request: pytest.FixtureRequest) -> Iterator[str]:
    """The name of an empty database made for this test alone, dropped (connections and all) after it."""
    pg_cluster.start()  # no-op when running; brings it back after a test that stopped or crashed it
    name = pg_cluster.create_database(_unique_name("hub", request))
    yield name
    pg_cluster.start()
    pg_cluster.drop_database(name)


@pytest.fixture
def hub_url(pg_cluster: PgCluster, hub_database: str) -> str:
    """SQLAlchemy URL (postgresql+psycopg, superuser, TCP) of this test's own hub database."""
    return pg_cluster.superuser_url(hub_database)


@pytest.fixture
def make_role(pg_cluster: PgCluster, request: pytest.FixtureRequest) -> Iterator[RoleMaker]:
    """`make_role(password)`: a new login role with no privileges (unique name, returned), dropped after the test."""
    made: list[str] = []

    def make(password: str, *, prefix: str = "role") -> str:
        made.append(pg_cluster.create_role(_unique_name(prefix, request), password))
        return made[-1]

    yield make
    if made:
        pg_cluster.start()
    for name in made:
        pg_cluster.drop_role(name)
