"""The `kiosk` command: run the board (the default), check a config, export the schedule, the staff commands
(kiosk.cli_staff) and the sync commands (kiosk.cli_sync: sync, conflicts, hub, publish).

A person's mistake (a bad config, a bad option, a missing system library) is one clear line and exit
status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk import errorlog
from kiosk.bootstrap import DataDirError, clock_for, data_dir_errors, data_dir_for, load_config_for, open_service
from kiosk.cli_staff import add_staff_commands
from kiosk.cli_sync import add_sync_commands, sync_before
from kiosk.config import ConfigError
from kiosk.domain.validation import InvalidCard
from kiosk.logsetup import configure_logging
from kiosk.options import OptionError, RunOptions, add_run_arguments, options_from_namespace
from kiosk.share.errors import ExportError
from kiosk.store.errors import DatabaseUnavailable, StoreError
from kiosk.sync.settings import HubCredentialsError
from kiosk.syslibs import missing_library_hint

USER_ERROR = 2
FAILED = 1


def _fail(message: str) -> int:
    print(f"kiosk: {message}", file=sys.stderr)
    return USER_ERROR


def _cmd_run(args: argparse.Namespace) -> int:
    options = options_from_namespace(args)
    # Check the config before Qt starts, so a typo gets its message without a window flashing up.
    config = load_config_for(options)
    data_dir = data_dir_for(options)
    # The log folder is the first thing made in the data directory, so a bad --data-dir shows up here.
    with data_dir_errors(data_dir):
        configure_logging(data_dir)
    if options.screenshot is not None:
        # A screenshot needs no screen: render offscreen unless told otherwise.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from kiosk.ui.app import StartupError, run
    except ImportError as error:
        hint = missing_library_hint(str(error))
        if hint:
            return _fail(hint)
        raise
    del config
    try:
        return run(_argv_from(options))
    except StartupError as error:
        return _fail(str(error))


def _argv_from(options: RunOptions) -> list[str]:
    """Rebuild `kiosk run` arguments so the window is built by the same `build_kiosk` tests use."""
    argv: list[str] = []
    if options.config:
        argv += ["--config", str(options.config)]
    if options.data_dir:
        argv += ["--data-dir", str(options.data_dir)]
    if options.windowed:
        argv.append("--windowed")
    if options.now:
        argv += ["--now", options.now.isoformat(timespec="minutes")]
    if options.demo:
        argv.append("--demo")
    if options.screenshot:
        argv += ["--screenshot", str(options.screenshot)]
    if options.size:
        argv += ["--size", f"{options.size[0]}x{options.size[1]}"]
    return argv


def _cmd_check(args: argparse.Namespace) -> int:
    """Validate the config, open (and migrate) the database, then check it: SQLite's integrity check and the
    board's own rules. Exit 1 when anything is wrong."""
    options = options_from_namespace(args)
    config = load_config_for(options)
    event = config.event
    service = open_service(config, options, clock_for(options, event))
    try:
        cards = service.cards()
        report = service.check()
        print(f"{config.path.resolve()}: OK")
        print(
            f"  {event.name}: {_count(len(event.days), 'day')}, {_count(len(event.rooms), 'room')},"
            f" {_count(len(event.blocks), 'blocked window')}"
        )
        print(f"  database: {service.db_path.resolve()} ({_count(len(cards), 'session')} on the board)")
        for line in report.lines():
            print(f"  {line}")
        _print_last_errors(service.data_dir)
    finally:
        service.close()
    return 0 if report.ok else 1


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _print_last_errors(data_dir: Path) -> None:
    """The kiosk's last recorded errors (uncaught exceptions, start-up recoveries), newest last."""
    entries = errorlog.last_errors(data_dir)
    if not entries:
        print("  no errors recorded")
        return
    print(
        f"  last {len(entries)} recorded {'error' if len(entries) == 1 else 'errors'} (newest last; all in"
        f" {errorlog.error_log_path(data_dir)}):"
    )
    for entry in entries:
        print(f"    {entry.line()}")


def _cmd_export(args: argparse.Namespace) -> int:
    """Publish the board: a calendar, the schedule.xml/json conference apps read, a spreadsheet, or a site."""
    from kiosk.share.export import export

    options = options_from_namespace(args)
    config = load_config_for(options)
    service = open_service(config, options, clock_for(options, config.event))
    try:
        # With a hub: a round first, so the export is the whole conference's board as the hub knows it.
        problem = sync_before(config, service)
        if problem:
            print(f"kiosk: {problem}", file=sys.stderr)
        cards, ideas = service.cards(), service.ideas()
        for damaged in service.damaged_rows():
            print(f"kiosk: skipped: {damaged}", file=sys.stderr)
    finally:
        service.close()
    written = export(args.format, config.event, cards, ideas, args.out)
    what = "a site" if args.format == "html" else args.format
    print(f"Exported {len(cards)} sessions as {what} to {written}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Open Spaces Kiosk: the conference's touch-screen board."
    )
    add_run_arguments(parser)
    parser.set_defaults(handler=_cmd_run)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run_parser = commands.add_parser("run", help="run the board (the default)")
    add_run_arguments(run_parser, in_subcommand=True)
    run_parser.set_defaults(handler=_cmd_run)

    check_parser = commands.add_parser("check", help="validate the config and the database, then exit")
    add_run_arguments(check_parser, in_subcommand=True)
    check_parser.set_defaults(handler=_cmd_check)

    export_parser = commands.add_parser(
        "export", help="write the board as ics, schedule xml/json, csv, xlsx, or a static html site"
    )
    add_run_arguments(export_parser, in_subcommand=True)
    export_parser.add_argument("--format", required=True, choices=("ics", "xml", "json", "csv", "xlsx", "html"))
    export_parser.add_argument("--out", required=True, type=Path, help="the file (or, for html, the folder) to write")
    export_parser.set_defaults(handler=_cmd_export)
    add_staff_commands(commands)
    add_sync_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except OptionError as error:
        return _fail(str(error))
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except ConfigError as error:
        return _fail(str(error))
    except DatabaseUnavailable as error:
        # Not what was typed but the board's file (damaged, locked too long, a full disk): the command failed.
        print(f"kiosk: failed: {error}", file=sys.stderr)
        return FAILED
    except StoreError as error:
        return _fail(str(error))
    except InvalidCard as error:
        return _fail(error.message)
    except OptionError as error:
        return _fail(str(error))
    except ExportError as error:
        return _fail(error.message)
    except DataDirError as error:
        return _fail(str(error))
    except HubCredentialsError as error:
        return _fail(str(error))
    except OSError as error:
        # Not a person's mistake (a full disk, a vanished USB stick): the command failed.
        print(f"kiosk: failed: {error.strerror or error} ({getattr(error, 'filename', '') or ''})", file=sys.stderr)
        return FAILED


if __name__ == "__main__":
    sys.exit(main())
