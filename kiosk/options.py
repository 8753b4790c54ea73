"""The `kiosk run` options, parsed the same way by the command line and by `build_kiosk` in tests."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any


class OptionError(Exception):
    """A command-line value a person got wrong; the message says which and how to fix it."""


@dataclass(frozen=True, slots=True)
class RunOptions:
    config: Path | None = None
    data_dir: Path | None = None
    windowed: bool = False
    now: datetime | None = None  # naive: a wall-clock time in the event's timezone
    demo: bool = False
    screenshot: Path | None = None
    size: tuple[int, int] | None = None


def _local_time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time like 2023-04-21T11:30") from None
    if moment.tzinfo is not None:
        raise argparse.ArgumentTypeError("give a local time without a UTC offset, e.g. 2023-04-21T11:30")
    return moment


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2,5})[xX](\d{2,5})", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1920x1080")
    width, height = int(match[1]), int(match[2])
    if not (200 <= width <= 8192 and 200 <= height <= 8192):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 8192 pixels")
    return width, height


def add_run_arguments(parser: argparse.ArgumentParser, *, in_subcommand: bool = False) -> None:
    """The `kiosk run` options. A subcommand's copy leaves unset options alone, so `kiosk --data-dir X check`
    and `kiosk check --data-dir X` mean the same."""
    default: dict[str, Any] = {"default": argparse.SUPPRESS} if in_subcommand else {}
    parser.add_argument("--config", type=Path, help="event configuration (TOML)", **default)
    parser.add_argument("--data-dir", type=Path, help="where the board's database, backups and logs live", **default)
    parser.add_argument(
        "--windowed", action="store_true", help="a normal window with a cursor, for development", **default
    )
    parser.add_argument(
        "--now",
        type=_local_time,
        metavar="ISO-LOCAL-TIME",
        help="start the clock at this local time (demos, tests)",
        **default,
    )
    parser.add_argument("--demo", action="store_true", help="put sample sessions on an empty board", **default)
    parser.add_argument("--screenshot", type=Path, metavar="PNG", help="render the board to a PNG and exit", **default)
    parser.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1920x1080", **default)


# A subcommand's handler: the parsed options in, the exit status out.
Handler = Callable[[argparse.Namespace], int]


def add_subcommand(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str, handler: Handler
) -> argparse.ArgumentParser:
    """A `kiosk NAME` subcommand that takes the `kiosk run` options too (--config, --data-dir)."""
    parser = commands.add_parser(name, help=help_text)
    add_run_arguments(parser, in_subcommand=True)
    parser.set_defaults(handler=handler)
    return parser


class _RaisingParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise OptionError(message)


def parse_run_options(argv: list[str]) -> RunOptions:
    parser = _RaisingParser(prog="kiosk run", add_help=False)
    add_run_arguments(parser)
    args = list(argv)
    if args[:1] == ["run"]:
        args = args[1:]
    return options_from_namespace(parser.parse_args(args))


def options_from_namespace(ns: argparse.Namespace) -> RunOptions:
    return RunOptions(
        config=ns.config,
        data_dir=ns.data_dir,
        windowed=ns.windowed,
        now=ns.now,
        demo=ns.demo,
        screenshot=ns.screenshot,
        size=ns.size,
    )
