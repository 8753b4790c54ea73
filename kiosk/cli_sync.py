"""The sync commands: `kiosk sync`, `kiosk conflicts`, `kiosk hub init|status`, and `kiosk publish`; plus the
round `kiosk export` runs first when a hub is configured, so it exports the conference's board."""

from __future__ import annotations

import argparse
import logging
import math
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.bootstrap import clock_for, data_dir_for, load_config_for, open_service
from kiosk.cli_staff import board, instant, room_key
from kiosk.config import KioskConfig
from kiosk.domain.conflicts import Conflict, ConflictKind
from kiosk.domain.model import Event
from kiosk.options import OptionError, add_run_arguments, add_subcommand, options_from_namespace
from kiosk.store.service import DB_FILE_NAME, BoardService
from kiosk.sync.settings import PASSWORD_ENV, HubCredentialsError, HubSettings, parse_hub_url

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from kiosk.sync.hubadmin import KioskSeen

DONE, FAILED, BAD_INPUT = 0, 1, 2

log = logging.getLogger(__name__)


def _settings(config: KioskConfig) -> HubSettings:
    if config.hub is None:
        raise OptionError(f"{config.path} has no [hub] section: this kiosk runs alone (see the README, Several kiosks)")
    return config.hub


def _fail(message: str, status: int = FAILED) -> int:
    print(f"kiosk: {message}", file=sys.stderr)
    return status


def sync_before(config: KioskConfig, service: BoardService) -> str | None:
    """One round with the hub before an export or a publish, so it shows the conference's board; a hub that
    cannot be reached is reported (the returned line) and the kiosk's own board, as last synced, is used."""
    if config.hub is None:
        return None
    from kiosk.sync.connect import syncer_for
    from kiosk.sync.hubadmin import HubUnavailable

    try:
        syncer = syncer_for(config.hub, service.ctx)
    except HubCredentialsError as error:
        return str(error)
    try:
        syncer.round()
    except HubUnavailable as error:
        return f"the hub is unavailable ({error}); this kiosk's board as last synced is used"
    finally:
        syncer.hub.dispose()
    return None


def cmd_sync(args: argparse.Namespace) -> int:
    """One round (`--once`), or a round every `[hub] interval_seconds` until stopped."""
    from kiosk.sync.connect import syncer_for
    from kiosk.sync.hubadmin import HubUnavailable

    options = options_from_namespace(args)
    config = load_config_for(options)
    settings = _settings(config)
    service = open_service(config, options, clock_for(options, config.event))
    try:
        syncer = syncer_for(settings, service.ctx)
    except HubCredentialsError as error:
        service.close()
        return _fail(str(error), BAD_INPUT)
    try:
        while True:
            try:
                report = syncer.round()
            except HubUnavailable as error:
                if args.once:
                    return _fail(f"the hub at {settings.shown_url} is unavailable: {error}")
                print(f"{_now()}  hub unavailable: {error}", flush=True)
            else:
                print(
                    f"{_now()}  synced with {settings.shown_url}: {report.summary} ({report.seconds:.2f} s)", flush=True
                )
                for refused in report.refused:
                    print(f"  refused from the hub: {refused}")
                conflicts = service.conflicts()
                if conflicts:
                    print(f"  {len(conflicts)} open conflicts: see `kiosk conflicts`")
                if args.once:
                    return DONE
            time.sleep(settings.interval_seconds)
    except KeyboardInterrupt:
        return 130
    finally:
        syncer.hub.dispose()
        service.close()


def _now() -> str:
    return datetime.now(UTC).astimezone().strftime("%H:%M:%S")


def conflict_lines(event: Event, conflict: Conflict) -> list[str]:
    lines = [f"{conflict.id}  {conflict.headline}"]
    if conflict.kind is ConflictKind.SLOT and conflict.card is not None:
        card = conflict.card
        wanted = event.local(card.starts_at).strftime("%Y-%m-%d %H:%M")
        lines.append(f"    wanted {event.room(card.room_key).name} at {wanted}; host {card.host_name}")
    elif conflict.kind is ConflictKind.EDIT:
        for name in conflict.changed:
            lines.append(f"    {name}: {conflict.values.get(name)!r}")
    return lines


def cmd_conflicts(args: argparse.Namespace) -> int:
    """List what sync could not settle; or resolve one (place, cancel, keep, take)."""
    import uuid

    with board(args) as service:
        event = service.event
        if args.place:
            conflict_id, room, day, start = args.place
            card = service.place_displaced(uuid.UUID(conflict_id), room_key(event, room), instant(event, day, start))
            print(f"Placed “{card.topic}” in {event.room(card.room_key).name} on {day} at {start}.")
            return DONE
        if args.cancel:
            if not args.reason:
                raise OptionError("say why with --reason (it is kept in the audit log)")
            service.cancel_displaced(uuid.UUID(args.cancel), args.reason)
            print("Cancelled the displaced card.")
            return DONE
        if args.keep:
            service.keep_board_version(uuid.UUID(args.keep))
            print("Kept the board's version.")
            return DONE
        if args.take:
            service.take_kiosk_version(uuid.UUID(args.take))
            print("Took the other kiosk's version.")
            return DONE
        conflicts = service.conflicts()
    if not conflicts:
        print("No open conflicts.")
    for conflict in conflicts:
        for line in conflict_lines(event, conflict):
            print(line)
    return DONE


@contextmanager
def _admin_engine(args: argparse.Namespace) -> Iterator[tuple[Engine, str]]:
    from kiosk.sync.hubadmin import hub_engine

    if args.url:
        try:
            url = parse_hub_url(args.url, allow_password=True)
        except ValueError as error:
            raise OptionError(f"--url: {error}") from None
        if url.password is None and os.environ.get(PASSWORD_ENV):
            url = url.set(password=os.environ[PASSWORD_ENV])
        engine = hub_engine(url)
        shown = url.render_as_string(hide_password=True)
    else:
        options = options_from_namespace(args)
        settings = _settings(load_config_for(options))
        engine = hub_engine(settings.login_url(), connect_timeout=settings.connect_timeout_seconds)
        shown = settings.shown_url
    try:
        yield engine, shown
    finally:
        engine.dispose()


def cmd_hub_init(args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    from kiosk.sync.hubadmin import HubUnavailable, init_hub, role_sql
    from kiosk.sync.round import hub_problem

    try:
        with _admin_engine(args) as (engine, shown):
            result = init_hub(engine)
            database = engine.url.database or ""
    except HubCredentialsError as error:
        return _fail(str(error), BAD_INPUT)
    except HubUnavailable as error:
        return _fail(str(error))
    except sa.exc.DBAPIError as error:
        return _fail(f"the hub at {shown} could not be set up: {hub_problem(error)}")
    print(f"{shown}: {result.summary}")
    print()
    print("-- A role for the kiosks: reads and writes the board's rows, nothing else.")
    print(role_sql(args.role, database))
    return DONE


def cmd_hub_status(args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    from kiosk.sync.hubadmin import HubUnavailable, kiosks_seen
    from kiosk.sync.round import hub_problem

    try:
        with _admin_engine(args) as (engine, shown):
            seen = kiosks_seen(engine)
    except HubCredentialsError as error:
        return _fail(str(error), BAD_INPUT)
    except HubUnavailable as error:
        return _fail(f"the hub at {shown} cannot be used: {error}")
    except sa.exc.DBAPIError as error:
        return _fail(f"the hub at {shown} is unavailable: {hub_problem(error)}")
    print(f"{shown}: {len(seen)} kiosks")
    digests = {kiosk.config_digest for kiosk in seen}
    now = datetime.now(UTC)
    for kiosk in seen:
        ago = _ago(now - kiosk.last_seen)
        flag = "  (config differs from the others)" if len(digests) > 1 and _odd_one(kiosk.config_digest, seen) else ""
        print(
            f"  {kiosk.kiosk_id:<20} last seen {kiosk.last_seen.astimezone():%Y-%m-%d %H:%M:%S} ({ago}), "
            f"version {kiosk.software}, board schema {kiosk.board_schema}, {kiosk.pending} changes waiting{flag}"
        )
    return DONE


def _odd_one(digest: str, seen: list[KioskSeen]) -> bool:
    counts: dict[str, int] = {}
    for kiosk in seen:
        counts[kiosk.config_digest] = counts.get(kiosk.config_digest, 0) + 1
    return counts[digest] < max(counts.values())


def _ago(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds < 90:
        return f"{seconds} s ago"
    if seconds < 5400:
        return f"{seconds // 60} min ago"
    return f"{seconds // 3600} h ago"


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds, e.g. 30") from None
    if not (math.isfinite(seconds) and 1 <= seconds <= 86_400):
        raise argparse.ArgumentTypeError("give between 1 and 86400 seconds, e.g. 30")
    return seconds


def cmd_publish(args: argparse.Namespace) -> int:
    """Keep the static site at --out current: one round, or one every --every seconds until stopped."""
    from kiosk.share.publish import Board, publish_loop, publish_once

    if args.every is not None:
        # Under systemd stderr is the journal: one line per new release and per failed round.
        logging.basicConfig(level=logging.INFO, format="kiosk publish: %(message)s")
        logging.getLogger("alembic").setLevel(logging.WARNING)
    options = options_from_namespace(args)
    config = load_config_for(options)
    data_dir = data_dir_for(options)
    if config.hub is None and not (data_dir / DB_FILE_NAME).is_file():
        # Opening would make an empty board, and publishing it would empty the public site.
        return _fail(f"there is no board in {data_dir}; give the kiosk's data directory with --data-dir.", BAD_INPUT)
    # Opened once and read every round: SQLite (WAL) shows each round what the kiosks committed since.
    service = open_service(config, options, clock_for(options, config.event))

    def read_board() -> Board:
        # With a hub, each round first brings this board in step with the conference's.
        problem = sync_before(config, service)
        if problem:
            log.warning("%s", problem)
        return config.event, service.cards(), service.ideas()

    try:
        if args.every is None:
            result = publish_once(*read_board(), args.out)
            done = "Published" if result.rebuilt else "Unchanged:"
            print(f"{done} {result.sessions} sessions at {result.out} -> {result.release}")
        else:
            publish_loop(read_board, args.out, args.every)
    except KeyboardInterrupt:
        return 130
    finally:
        service.close()
    return DONE


def add_sync_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = partial(add_subcommand, commands)

    sync = command("sync", "sync with the hub: one round (--once), or one every interval until stopped", cmd_sync)
    sync.add_argument("--once", action="store_true", help="one round, print what moved, exit (1: hub unavailable)")

    conflicts = command("conflicts", "list what sync could not settle, or resolve one", cmd_conflicts)
    conflicts.add_argument(
        "--place", nargs=4, metavar=("ID", "ROOM", "DAY", "HH:MM"), help="give a displaced card this slot"
    )
    conflicts.add_argument("--cancel", metavar="ID", help="cancel a displaced card (with --reason)")
    conflicts.add_argument("--reason", help="why, for --cancel")
    conflicts.add_argument("--keep", metavar="ID", help="an edit conflict: keep the board's version")
    conflicts.add_argument("--take", metavar="ID", help="an edit conflict: take the other kiosk's version")

    hub = commands.add_parser("hub", help="set up the hub (init) or see which kiosks it has heard from (status)")
    hub_commands = hub.add_subparsers(dest="hub_command", metavar="init|status", required=True)
    init = hub_commands.add_parser("init", help="create or upgrade the hub's schema; print the kiosks' role")
    init.add_argument("--url", required=True, help=f"postgresql+psycopg://ADMIN@HOST/DB (password: ${PASSWORD_ENV})")
    init.add_argument("--role", default="kiosk", help="the role name in the printed SQL (kiosk)")
    init.set_defaults(handler=cmd_hub_init)
    status = hub_commands.add_parser("status", help="the kiosks the hub has heard from")
    add_run_arguments(status, in_subcommand=True)
    status.add_argument("--url", help="the hub (default: the config's [hub])")
    status.set_defaults(handler=cmd_hub_status)

    publish = command(
        "publish", "keep the static html site at --out current, swapping in each new build atomically", cmd_publish
    )
    publish.add_argument(
        "--out", required=True, type=Path, help="the link a web server serves; releases are kept beside it"
    )
    publish.add_argument(
        "--every", type=_seconds, metavar="SECONDS", help="publish again every SECONDS until stopped (default: once)"
    )
