"""A hub that is down, slow, stalled, refusing, of another schema version, cut off mid-transfer, stopped
mid-sync, or sending hostile rows; a kiosk killed mid-sync. The kiosk keeps working, says what is wrong in one
line, resumes where it stopped, and loses or duplicates nothing."""

from __future__ import annotations

import json
import logging
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, timedelta
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from kiosk.domain.model import Room
from kiosk.store.cards import CardDraft
from kiosk.store.tables import SessionRow, VoteRow
from kiosk.sync.hubadmin import HubSchemaMismatch, HubUnavailable
from kiosk.sync.round import Syncer
from tests.commands import run_kiosk, start_kiosk
from tests.factories import CONFIG_EVENT, CONFIG_LINKS, DAY_ONE, DAY_TWO, draft, local
from tests.pgcluster import PgCluster
from tests.sync.harness import SimKiosk, kiosks, make_hub, sync_event
from tests.tcpproxy import TcpProxy

MANY_ROOMS = tuple(Room(f"r{n:02d}", f"Room {n}") for n in range(1, 31))


@pytest.fixture
def proxy(pg_cluster: PgCluster) -> Iterator[TcpProxy]:
    with TcpProxy("127.0.0.1", pg_cluster.port) as through:
        yield through


def via(url: str, proxy: TcpProxy) -> str:
    return make_url(url).set(port=proxy.port).render_as_string(hide_password=False)


def vote_many(kiosk: SimKiosk, count: int) -> uuid.UUID:
    """`count` +1s on one idea (each a row, so each an outbox entry): volume for a push."""
    idea = kiosk.service.add_idea("A popular idea")
    for _ in range(count):
        kiosk.clock.current += timedelta(seconds=11)
        kiosk.service.vote_idea(idea.id)
    return idea.id


def vote_rows(engine: sa.Engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(sa.select(sa.func.count()).select_from(VoteRow)) or 0


def hub_count(url: str, table: str) -> int:
    with psycopg.connect(make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)) as c:
        row = c.execute("SELECT count(*) FROM board_rows WHERE table_name = %s", (table,)).fetchone()
        return int(row[0]) if row else 0


def when(condition: Callable[[], bool], action: Callable[[], None]) -> threading.Thread:
    """Run `action` (once) as soon as `condition` holds: in the middle of a transfer."""

    def watch() -> None:
        deadline = time.monotonic() + 60
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.002)
        action()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def hub_took_some(url: str) -> Callable[[], bool]:
    """True once the hub has committed another push batch (looked at directly, not through the proxy)."""
    before = hub_count_applied(url)
    return lambda: hub_count_applied(url) > before


def hub_count_applied(url: str) -> int:
    with psycopg.connect(make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)) as c:
        row = c.execute("SELECT count(*) FROM applied_entries").fetchone()
        return int(row[0]) if row else 0


def test_a_hub_that_is_down_leaves_the_kiosk_working_and_the_next_round_catches_up(
    pg_cluster: PgCluster, hub_url: str, tmp_path: Path
) -> None:
    hub = make_hub(hub_url)
    with kiosks(tmp_path, hub, 2) as (one, two):
        pg_cluster.stop()
        try:
            one.service.add_card(draft("a", DAY_ONE, 10, topic="Made while the hub was down"))
            with pytest.raises(HubUnavailable, match=r"refused|connect"):
                one.sync()
            assert one.service.pending_sync() > 0
        finally:
            pg_cluster.start()
        one.sync()
        two.sync()
        assert [c.topic for c in two.service.cards()] == ["Made while the hub was down"]


def test_a_connection_cut_mid_push_and_mid_pull_resumes_with_nothing_lost_or_doubled(
    hub_url: str, proxy: TcpProxy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = make_hub(hub_url)
    with kiosks(tmp_path, via(hub, proxy), 2) as (one, two):
        one.sync()
        two.sync()
        idea = vote_many(one, 1200)
        cutter = when(hub_took_some(hub), proxy.cut)
        with pytest.raises(HubUnavailable):
            one.sync()
        cutter.join()
        # Part went up (the hub committed it, its answer may have been lost with the link), part waits.
        assert 0 < hub_count(hub, "votes") < 1200
        assert one.service.pending_sync() > 0
        one.sync()
        assert one.service.pending_sync() == 0
        assert hub_count(hub, "votes") == 1200

        # Pulled in pages of 300: cut once the first page is in.
        monkeypatch.setattr("kiosk.sync.round.PULL_BATCH", 300)
        cutter = when(lambda: vote_rows(two.service.engine) > 0, proxy.cut)
        with pytest.raises(HubUnavailable):
            two.sync()
        cutter.join()
        assert 0 < vote_rows(two.service.engine) < 1200
        two.sync()
        assert vote_rows(two.service.engine) == 1200
        assert [i.votes for i in two.service.ideas() if i.id == idea] == [1200]
        assert one.digest() == two.digest()


def test_the_hub_stopped_in_the_middle_of_a_sync_then_resumed(
    pg_cluster: PgCluster, hub_url: str, proxy: TcpProxy, tmp_path: Path
) -> None:
    hub = make_hub(hub_url)
    with kiosks(tmp_path, via(hub, proxy), 2) as (one, two):
        one.sync()
        two.sync()
        vote_many(one, 1200)
        stopper = when(hub_took_some(hub), lambda: pg_cluster.stop("immediate"))
        try:
            with pytest.raises(HubUnavailable):
                one.sync()
            stopper.join()
        finally:
            pg_cluster.start()
        one.sync()
        two.sync()
        assert vote_rows(two.service.engine) == vote_rows(one.service.engine) == 1200
        assert hub_count(hub, "votes") == 1200
        assert one.digest() == two.digest()


def test_a_kiosk_killed_in_the_middle_of_syncing_loses_nothing(
    pg_cluster: PgCluster, hub_url: str, tmp_path: Path
) -> None:
    """`kiosk sync --once` in its own process, killed (SIGKILL) at random moments, then run to the end."""
    hub = make_hub(hub_url)
    event = sync_event(rooms=MANY_ROOMS, blocks=())
    config = _config_for(tmp_path, hub, event_rooms=len(MANY_ROOMS))
    data = tmp_path / "killed"
    with kiosks(tmp_path / "sim", hub, 1, event=event) as (witness,):
        # The killed kiosk's board: its own cards, made by the same code before the kills.
        from kiosk.domain.clock import ManualClock
        from kiosk.store.service import BoardService

        service = BoardService.open(data, event, ManualClock(local(DAY_ONE, 9).astimezone(UTC)), "killed")
        created = set()
        for n, (room, day) in enumerate((r, d) for r in MANY_ROOMS for d in (DAY_ONE, DAY_TWO)):
            for hour in range(10, 18, 2):
                start = local(day, hour).astimezone(UTC)
                created.add(service.add_card(CardDraft(room.key, start, f"Card {n}-{hour}", "Host")).card.id)
        service.close()
        sync_once = ("sync", "--once", "--config", str(config), "--data-dir", str(data))
        kills = 0
        for delay in (0.4, 0.8, 1.2, 1.6, 2.0, 2.4):
            process = start_kiosk(*sync_once, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills += 1
            process.wait(30)
        finished = run_kiosk(*sync_once)
        assert finished.returncode == 0, finished.stderr
        assert kills >= 1
        witness.sync()
        with witness.service.engine.connect() as connection:
            seen = set(connection.scalars(sa.select(SessionRow.id).where(SessionRow.live())))
        assert seen == created
        assert hub_count(hub, "sessions") == len(created)


def _config_for(folder: Path, hub: str, *, event_rooms: int) -> Path:
    """A config for the killed kiosk: the sim event's days, slots and rooms, and the hub with its password in a
    file beside the config."""
    url = make_url(hub)
    rooms = "".join(f'[[rooms]]\nkey = "r{n:02d}"\nname = "Room {n}"\n\n' for n in range(1, event_rooms + 1))
    text = f"""{CONFIG_EVENT}{CONFIG_LINKS}[kiosk]
id = "killed"

[hub]
url = "{url._replace(password=None).render_as_string(hide_password=False)}"
password_file = "hub-password"

{rooms}"""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hub-password").write_text(url.password or "", encoding="utf-8")
    (folder / "hub-password").chmod(0o600)
    config = folder / "kiosk.toml"
    config.write_text(text, encoding="utf-8")
    return config


def test_a_slow_hub_is_waited_for_and_a_stalled_one_given_up_on(hub_url: str, proxy: TcpProxy, tmp_path: Path) -> None:
    hub = make_hub(hub_url)
    with kiosks(tmp_path, via(hub, proxy), 1) as (one,):
        one.sync()
        one.service.add_card(draft("a", DAY_ONE, 11, topic="Over a slow link"))
        proxy.delay(0.5)
        report = one.sync()
        assert report.outcomes == {"accepted": 1}
        assert report.seconds > 2  # every answer came half a second late, and the round waited for them
        proxy.delay(0)
        one.syncer = Syncer(one.service.ctx, one.hub, answer_seconds=2)
        one.service.add_card(draft("a", DAY_ONE, 12, topic="Over a stalled link"))
        # Establish the connection, then stall it: only the client-side deadline can end the wait.
        proxy.pause()
        started = time.monotonic()
        try:
            with pytest.raises(HubUnavailable, match=r"did not answer within 2 s|connect|timeout"):
                one.sync()
        finally:
            proxy.resume()
        assert time.monotonic() - started < 20
        assert one.sync().outcomes == {"accepted": 1}


def test_a_round_waiting_on_a_stalled_hub_ends_at_once_when_the_kiosk_closes(
    hub_url: str, proxy: TcpProxy, tmp_path: Path
) -> None:
    hub = make_hub(hub_url)
    with kiosks(tmp_path, via(hub, proxy), 1) as (one,):
        one.sync()
        one.service.add_card(draft("a", DAY_ONE, 11, topic="Sent as the kiosk shuts down"))
        proxy.pause()  # the connection is open; every answer now waits forever (the deadline is 30 s)
        outcome: list[BaseException] = []

        def sync_in_background() -> None:
            try:
                one.sync()
            except BaseException as error:
                outcome.append(error)

        worker = threading.Thread(target=sync_in_background)
        started = time.monotonic()
        worker.start()
        time.sleep(1)
        one.syncer.cancel()
        worker.join(20)
        proxy.resume()
        assert not worker.is_alive()
        assert time.monotonic() - started < 15
        assert len(outcome) == 1 and isinstance(outcome[0], HubUnavailable)
        assert "sync has stopped" in str(outcome[0])
        with pytest.raises(HubUnavailable, match="sync has stopped"):
            one.sync()  # no round after the cancel
        # The card waits in the outbox for the next start; nothing was lost.
        assert one.service.pending_sync() == 1


def test_a_refused_login_and_a_hub_of_another_schema_are_one_line_each(
    pg_cluster: PgCluster, hub_database: str, hub_url: str, tmp_path: Path
) -> None:
    # An empty database: nobody ran `kiosk hub init`.
    with (
        kiosks(tmp_path / "a", hub_url, 1) as (one,),
        pytest.raises(HubSchemaMismatch, match=r"no schema yet: run `kiosk hub init"),
    ):
        one.sync()
    make_hub(hub_url)
    wrong = make_url(hub_url).set(password="not-the-password").render_as_string(hide_password=False)
    with kiosks(tmp_path / "b", wrong, 1) as (one,), pytest.raises(HubUnavailable, match="refused the login"):
        one.sync()
    pg_cluster.execute("UPDATE kiosk_hub_version SET version_num = 'hub9999'", hub_database)
    with kiosks(tmp_path / "c", hub_url, 1) as (one,):
        with pytest.raises(HubSchemaMismatch, match=r"newer than this kiosk's \(hub0001\): update this kiosk"):
            one.sync()
        # The kiosk works on: a card added now waits in the outbox for a hub it can speak to.
        one.service.add_card(draft("a", DAY_ONE, 10))
        assert one.service.pending_sync() > 0


HOSTILE = {
    "topic is a number": {"topic": 12345},
    "unknown room": {"room_id": str(uuid.uuid4())},
    "topic over the limit": {"topic": "x" * 5000},
    "no time zone": {"starts_at": "2023-04-22T10:00:00"},
    "its version says otherwise": {"version": 7},
    "ends before it starts": {"ends_at": "2023-04-22T09:00:00+00:00"},
    "tags not a list": {"tags": '{"a": 1}'},
}


def test_hostile_rows_from_the_hub_are_refused_whole_and_logged(
    pg_cluster: PgCluster, hub_database: str, hub_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    hub = make_hub(hub_url)
    with kiosks(tmp_path, hub, 2) as (one, two):
        added = one.service.add_card(draft("b", DAY_TWO, 10, topic="A fine card"))
        one.sync()
        template = _payload(one, added.card.id)

        with psycopg.connect(pg_cluster.superuser_dsn(hub_database), autocommit=True) as connection:
            for hour, damage in enumerate(HOSTILE.values(), start=11):
                row_id = uuid.uuid4()
                start = local(DAY_TWO, min(hour, 17)).astimezone(UTC)
                slot = {"starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=1)).isoformat()}
                payload = {**template, "id": str(row_id), **slot, **damage}
                connection.execute(
                    "INSERT INTO board_rows (table_name, row_id, version, hlc, kiosk_id, deleted, displaced, payload)"
                    " VALUES ('sessions', %s, 1, %s, 'evil', false, true, %s)",
                    (row_id, payload["hlc"], json.dumps(payload)),
                )
            # Not even JSON objects, or for a table no kiosk has.
            connection.execute(
                "INSERT INTO board_rows (table_name, row_id, version, hlc, kiosk_id, deleted, displaced, payload)"
                " VALUES ('sessions', %s, 1, '', 'evil', false, true, '[1, 2]'),"
                " ('passwords', %s, 1, '', 'evil', false, false, '{}')",
                (uuid.uuid4(), uuid.uuid4()),
            )
        with caplog.at_level(logging.WARNING, logger="kiosk.store.outbox"):
            report = two.sync()
        assert len(report.refused) == len(HOSTILE) + 2
        assert [c.topic for c in two.service.cards()] == ["A fine card"]
        refused = " | ".join(report.refused)
        for expected in (
            "should be str, not int",
            "is not a room the hub or this kiosk has",
            "more than 80",
            "has no time zone",
            "disagrees with the hub's",
            "ends before it starts",
            "tags must be a list",
            "not a JSON object",
            "unknown table",
        ):
            assert expected in refused
        assert sum("Refused a row from the hub" in r.message for r in caplog.records) == len(HOSTILE) + 2
        # Refused rows are not fetched again and again: the cursor moved past them.
        assert two.sync().pulled == 0


def _payload(kiosk: SimKiosk, card_id: uuid.UUID) -> dict[str, object]:
    from kiosk.store import rowcodec

    with sa.orm.Session(kiosk.service.engine) as s:
        row = s.get(SessionRow, card_id)
        assert row is not None
        return {**rowcodec.encode(row), "kiosk_id": "evil", "displaced": True}


def test_an_older_version_from_the_hub_never_overwrites_a_newer_one(
    pg_cluster: PgCluster, hub_database: str, hub_url: str, tmp_path: Path
) -> None:
    hub = make_hub(hub_url)
    with kiosks(tmp_path, hub, 1) as (one,):
        added = one.service.add_card(draft("a", DAY_ONE, 15, topic="Version one"))
        one.sync()
        one.service.staff_edit_card(added.card.id, draft("a", DAY_ONE, 15, topic="Version two"))
        one.sync()
        # The hub is rolled back to an old copy of the card (a restored hub backup), with a new sequence number.
        pg_cluster.execute(
            "UPDATE board_rows SET version = 1, payload = jsonb_set(jsonb_set(payload, '{version}', '1'),"
            " '{topic}', '\"Version one\"'), seq = nextval('board_seq') WHERE table_name = 'sessions'",
            hub_database,
        )
        one.sync()
        assert [c.topic for c in one.service.cards()] == ["Version two"]
