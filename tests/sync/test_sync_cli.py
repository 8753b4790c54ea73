"""The sync commands from a shell, against a real hub: `hub init` and the role it prints, `sync --once`,
`conflicts`, `hub status`, an export of the conference's board, and the password rules."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from kiosk.paths import DEMO_CONFIG
from tests.commands import run_kiosk
from tests.pgcluster import PgCluster

PASSWORD = "correct horse battery staple"


@pytest.fixture
def role(pg_cluster: PgCluster, hub_database: str) -> Iterator[str]:
    """A unique name for the kiosks' role; `hub init` prints the SQL that makes it. Dropped after the test."""
    name = f"kiosk_{uuid.uuid4().hex[:10]}"
    yield name
    pg_cluster.start()
    pg_cluster.drop_role(name)


def hub_config(folder: Path, pg_cluster: PgCluster, database: str, role: str, *, name: str) -> Path:
    """The demo event's config for one kiosk, with a [hub] logging in as `role` with a password file."""
    folder.mkdir(parents=True, exist_ok=True)
    secret = folder / "hub-password"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    secret.chmod(0o600)
    config = folder / "kiosk.toml"
    text = DEMO_CONFIG.read_text(encoding="utf-8").replace('id = ""', f'id = "{name}"', 1)
    text += f'\n[hub]\nurl = "postgresql+psycopg://{role}@127.0.0.1:{pg_cluster.port}/{database}"\n'
    text += 'password_file = "hub-password"\ninterval_seconds = 2\n'
    config.write_text(text, encoding="utf-8")
    return config


def init_with_role(pg_cluster: PgCluster, hub_database: str, role: str) -> str:
    """`kiosk hub init`, then the SQL it printed run as the superuser, and the role given its password."""
    done = run_kiosk("hub", "init", "--url", pg_cluster.superuser_url(hub_database), "--role", role)
    assert done.returncode == 0, done.stderr
    assert "Created the hub's schema (hub0001)" in done.stdout
    assert pg_cluster.superuser_password not in done.stdout
    sql_lines = [line for line in done.stdout.splitlines() if line and not line.startswith("--") and ":" not in line]
    with psycopg.connect(pg_cluster.superuser_dsn(hub_database), autocommit=True) as connection:
        for statement in sql_lines:
            connection.execute(statement)  # type: ignore[call-overload]
        connection.execute(
            psycopg.sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                psycopg.sql.Identifier(role), psycopg.sql.Literal(PASSWORD)
            )
        )
    return done.stdout


def test_hub_init_is_repeatable_and_its_role_can_sync_but_not_change_the_schema(
    pg_cluster: PgCluster, hub_database: str, role: str, tmp_path: Path
) -> None:
    printed = init_with_role(pg_cluster, hub_database, role)
    assert "GRANT SELECT, INSERT, UPDATE ON board_rows" in printed
    again = run_kiosk("hub", "init", "--url", pg_cluster.superuser_url(hub_database))
    assert again.returncode == 0 and "up to date (hub0001)" in again.stdout
    config = hub_config(tmp_path / "one", pg_cluster, hub_database, role, name="hall")
    done = run_kiosk("sync", "--once", "--config", str(config), "--data-dir", str(tmp_path / "one" / "data"))
    assert done.returncode == 0, done.stderr
    assert re.search(r"synced with postgresql\+psycopg://kiosk_\w+@127\.0\.0\.1:\d+/\w+: pushed \d+", done.stdout)
    assert PASSWORD not in done.stdout + done.stderr
    # Least privilege: the kiosks' role reads and writes rows, and nothing else.
    dsn = pg_cluster.dsn(hub_database, role, PASSWORD)
    with psycopg.connect(dsn, autocommit=True) as connection:
        for forbidden in ("CREATE TABLE sneaky (x int)", "DELETE FROM board_rows", "DROP TABLE kiosks"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(forbidden)  # type: ignore[call-overload]


def test_two_kiosks_from_a_shell_sync_export_and_list_conflicts(
    pg_cluster: PgCluster, hub_database: str, role: str, tmp_path: Path
) -> None:
    init_with_role(pg_cluster, hub_database, role)
    hall = hub_config(tmp_path / "hall", pg_cluster, hub_database, role, name="hall")
    foyer = hub_config(tmp_path / "foyer", pg_cluster, hub_database, role, name="foyer")

    def at(config: Path, *args: str) -> list[str]:
        return [*args, "--config", str(config), "--data-dir", str(config.parent / "data"), "--now", "2023-04-21T09:00"]

    csv = tmp_path / "plan.csv"
    for config, topic in ((hall, "Hall's talk"), (foyer, "Foyer's talk")):
        # Both kiosks plan the same slot while apart: the first to reach the hub keeps it.
        csv.write_text(f"Day,Start,Room,Topic,Host\n2023-04-21,15:00,150d,{topic},Ana\n", encoding="utf-8")
        assert run_kiosk(*at(config, "import", str(csv))).returncode == 0
    assert run_kiosk(*at(hall, "sync", "--once")).returncode == 0
    foyer_round = run_kiosk(*at(foyer, "sync", "--once"))
    assert foyer_round.returncode == 0, foyer_round.stderr
    assert "1 displaced" in foyer_round.stdout
    assert "1 open conflicts: see `kiosk conflicts`" in foyer_round.stdout

    listed = run_kiosk(*at(foyer, "conflicts"))
    assert "“Foyer's talk” needs a new slot: another kiosk booked it first" in listed.stdout
    assert "wanted Room 150D at 2023-04-21 15:00; host Ana" in listed.stdout
    conflict_id = listed.stdout.split()[0]
    placed = run_kiosk(*at(foyer, "conflicts", "--place", conflict_id, "150e", "2023-04-21", "15:00"))
    assert placed.returncode == 0, placed.stderr
    assert run_kiosk(*at(foyer, "sync", "--once")).returncode == 0

    # The hall kiosk exports the conference's board without syncing first: the export does.
    out = tmp_path / "board.csv"
    exported = run_kiosk(*at(hall, "export", "--format", "csv", "--out", str(out)))
    assert exported.returncode == 0, exported.stderr
    text = out.read_text(encoding="utf-8")
    assert "Hall's talk" in text and "Foyer's talk" in text

    status = run_kiosk("hub", "status", "--config", str(hall), "--data-dir", str(tmp_path / "hall" / "data"))
    assert status.returncode == 0, status.stderr
    assert re.search(r"2 kiosks\n  (hall|foyer) +last seen", status.stdout)
    assert "config differs" not in status.stdout


def test_a_hub_that_is_down_is_one_line_and_exports_still_work(
    pg_cluster: PgCluster, hub_database: str, role: str, tmp_path: Path
) -> None:
    init_with_role(pg_cluster, hub_database, role)
    config = hub_config(tmp_path / "k", pg_cluster, hub_database, role, name="k")
    data = ["--config", str(config), "--data-dir", str(tmp_path / "k" / "data")]
    pg_cluster.stop()
    try:
        done = run_kiosk("sync", "--once", *data)
        assert done.returncode == 1
        assert re.fullmatch(r"kiosk: the hub at \S+ is unavailable: .*(refused|connect).*\n", done.stderr)
        exported = run_kiosk("export", "--format", "json", "--out", str(tmp_path / "board.json"), *data)
        assert exported.returncode == 0
        assert "the hub is unavailable" in exported.stderr
        assert (tmp_path / "board.json").is_file()
    finally:
        pg_cluster.start()


def test_a_password_file_others_can_read_is_refused(
    pg_cluster: PgCluster, hub_database: str, role: str, tmp_path: Path
) -> None:
    config = hub_config(tmp_path / "k", pg_cluster, hub_database, role, name="k")
    (config.parent / "hub-password").chmod(0o644)
    done = run_kiosk("sync", "--once", "--config", str(config), "--data-dir", str(tmp_path / "k" / "data"))
    assert done.returncode == 2
    assert done.stderr.strip().endswith(f"run: chmod 600 {config.parent / 'hub-password'}")
    assert done.stderr.count("\n") == 1


def test_a_password_in_the_config_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    text = DEMO_CONFIG.read_text(encoding="utf-8") + '\n[hub]\nurl = "postgresql://kiosk:secret@hub/openspaces"\n'
    config.write_text(text, encoding="utf-8")
    done = run_kiosk("check", "--config", str(config), "--data-dir", str(tmp_path / "data"))
    assert done.returncode == 2
    assert done.stderr == (
        f"kiosk: {config}: hub.url: must not contain the password; put it in password_file or $KIOSK_HUB_PASSWORD\n"
    )
