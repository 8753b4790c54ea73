"""The staff commands, for working on a kiosk over SSH: the same actions as the staff panel.

Each is safe to run while the kiosk is running (SQLite takes turns; the screen shows the change within two
seconds through its change feed) and ends with exit status 0 (done), 1 (failed) or 2 (bad input).
"""

from __future__ import annotations

import argparse
import difflib
import getpass
import re
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from functools import partial
from pathlib import Path

from kiosk.bootstrap import clock_for, data_dir_errors, data_dir_for, load_config_for, open_service
from kiosk.domain.audit import AuditEntry
from kiosk.domain.model import Event
from kiosk.options import OptionError, add_subcommand, options_from_namespace
from kiosk.share.importfile import ImportFileError, read_import_file
from kiosk.store.errors import CardNotFound, SessionsInTheWay
from kiosk.store.event_setup import room_id_for
from kiosk.store.importer import summary
from kiosk.store.pin import PIN_MAX, PIN_MIN, set_pin
from kiosk.store.service import BoardService
from kiosk.store.staff import find_block

DONE, FAILED, BAD_INPUT = 0, 1, 2


@contextmanager
def board(args: argparse.Namespace) -> Iterator[BoardService]:
    """The board named by the command's options (config, data directory), opened and closed around a command."""
    options = options_from_namespace(args)
    config = load_config_for(options)
    service = open_service(config, options, clock_for(options, config.event))
    try:
        yield service
    finally:
        service.close()


# -- naming rooms, days, times and sessions as a person types them ---------------------------------------------------


def room_key(event: Event, text: str) -> str:
    """A room by its key or its name (any case)."""
    wanted = text.strip().casefold()
    for room in event.rooms:
        if wanted in (room.key.casefold(), room.name.casefold()):
            return room.key
    names = [r.key for r in event.rooms] + [r.name for r in event.rooms]
    close = difflib.get_close_matches(text, names, n=1)
    hint = f' Did you mean "{close[0]}"?' if close else f" The rooms are: {', '.join(r.key for r in event.rooms)}."
    raise OptionError(f'there is no room "{text}".{hint}')


def day_of(event: Event, text: str) -> date:
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise OptionError(f'"{text}" is not a day written YYYY-MM-DD, like {event.days[0].isoformat()}') from None
    if day not in event.days:
        raise OptionError(f"{day} is not one of the event's days ({', '.join(d.isoformat() for d in event.days)})")
    return day


def clock_time(text: str) -> time:
    match = re.fullmatch(r"([01]?\d|2[0-3]):?([0-5]\d)", text.strip())
    if match is None:
        raise OptionError(f'"{text}" is not a time written HH:MM, like 14:00')
    return time(int(match[1]), int(match[2]))


def instant(event: Event, day_text: str, time_text: str) -> datetime:
    return event.at(day_of(event, day_text), clock_time(time_text))


def session_id(service: BoardService, words: list[str]) -> uuid.UUID:
    """A session named by its id, or by ROOM DAY HHMM."""
    event = service.event
    if len(words) == 1:
        try:
            return uuid.UUID(words[0])
        except ValueError:
            raise OptionError(
                f'"{words[0]}" is not a session id; name a session by its id or as ROOM DAY HHMM'
            ) from None
    if len(words) != 3:
        raise OptionError("name a session by its id, or as ROOM DAY HHMM (three words), e.g. 150d 2023-04-21 1400")
    key, starts_at = room_key(event, words[0]), instant(event, words[1], words[2])
    for card in service.cards(event.local(starts_at).date()):
        if (card.room_key, card.starts_at) == (key, starts_at):
            return card.id
    raise CardNotFound(f"There is no session in room {key} on {words[1]} at {clock_time(words[2]):%H:%M}.")


# -- the commands -----------------------------------------------------------------------------------------------------


def cmd_set_pin(args: argparse.Namespace) -> int:
    """Set the staff PIN: asked twice without echo on a terminal, or one line on standard input."""
    options = options_from_namespace(args)
    data_dir = data_dir_for(options)
    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    else:
        if not sys.stdin.isatty():
            raise OptionError("no terminal to ask on: give the PIN on standard input with --pin-stdin")
        pin = getpass.getpass(f"New staff PIN ({PIN_MIN}-{PIN_MAX} digits): ")
        if getpass.getpass("The same PIN again: ") != pin:
            raise OptionError("the two PINs differ; nothing was changed")
    with data_dir_errors(data_dir):
        set_pin(data_dir, pin)
    print(f"The staff PIN is set for the kiosk using {data_dir}. Hold the event's name for 3 seconds to use it.")
    return DONE


def cmd_block(args: argparse.Namespace) -> int:
    with board(args) as service:
        event = service.event
        key = room_key(event, args.room)
        try:
            block = service.block_room(
                key, instant(event, args.day, args.start), instant(event, args.day, args.end), args.reason
            )
        except SessionsInTheWay as in_the_way:
            # Over SSH staff need to know which: each as `kiosk cancel` and `kiosk audit --card` take it.
            for card in in_the_way.cards:
                print(f"  {card.id}  {event.room(card.room_key).name} {_when(event, card.starts_at)}  {card.topic}")
            raise
    print(
        f"Blocked {event.room(key).name} on {args.day} from {_hhmm(event, block.starts_at)} to "
        f"{_hhmm(event, block.ends_at)}: {block.reason}"
    )
    return DONE


def cmd_unblock(args: argparse.Namespace) -> int:
    with board(args) as service:
        event = service.event
        key = room_key(event, args.room)
        block = find_block(service.ctx, key, instant(event, args.day, args.start), instant(event, args.day, args.end))
        service.unblock_room(block.id)
    print(f"{event.room(key).name} is open for Open Spaces again on {args.day} from {args.start} to {args.end}.")
    return DONE


def cmd_cancel(args: argparse.Namespace) -> int:
    with board(args) as service:
        card = service.card(session_id(service, args.session))
        service.staff_cancel_card(card.id, args.reason)
    print(
        f"Cancelled “{card.topic}” ({service.event.room(card.room_key).name}, {_when(service.event, card.starts_at)})."
    )
    return DONE


def cmd_audit(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise OptionError("--limit must be at least 1")
    with board(args) as service:
        entries = service.audit(limit=args.limit, entity_id=args.card)
        event = service.event
    show = _value_shower(event)
    for entry in entries:
        print(audit_line(event, entry))
        for line in entry.changes(show):
            print(f"    {line}")
    if not entries:
        print("The audit log is empty." if args.card is None else "Nothing in the audit log about that card.")
    return DONE


def cmd_import(args: argparse.Namespace) -> int:
    """Planned sessions from a CSV or JSON file: every problem named on its row, then all of them or none."""
    try:
        file = read_import_file(Path(args.path))
    except ImportFileError as error:
        raise OptionError(error.message) from None
    with board(args) as service:
        plan = service.plan_import(file)
        for warning in plan.warnings:
            print(f"note: {warning}")
        for row in plan.with_problems:
            print(f"{plan.unit} {row.line}: {'; '.join(row.problems)}")
        print(summary(plan))
        if not plan.ok:
            print("Nothing was imported: fix the rows above and try again.", file=sys.stderr)
            return BAD_INPUT
        if args.dry_run:
            print("Dry run: nothing was imported.")
            return DONE
        added = service.import_sessions(plan)
    print(f"Imported {added} sessions from {file.filename}.")
    return DONE


def cmd_backup(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else None
    if out is not None and out.exists():
        raise OptionError(f"{out} already exists; give a new file name")
    if out is not None and not out.parent.is_dir():
        raise OptionError(f"the folder {out.parent} does not exist")
    with board(args) as service:
        path = service.backup(out=out)
        count = len(service.cards())
    print(f"Backed up the board ({count} sessions) to {path}")
    return DONE


def cmd_backups(args: argparse.Namespace) -> int:
    with board(args) as service:
        found = service.backups()
        event = service.event
    if not found:
        print("No backups yet.")
    for info in found:
        what = info.problem if info.problem else f"{info.sessions} sessions"
        print(f"{_when(event, info.made_at)}  {info.size / 1024:8.0f} KiB  {what:<28}  {info.path}")
    return DONE


def cmd_restore(args: argparse.Namespace) -> int:
    with board(args) as service:
        result = service.restore(Path(args.file))
    print(result.summary)
    return DONE


def cmd_reset(args: argparse.Namespace) -> int:
    what = "lift every lockout, keeping the board" if args.keep_cards else "clear every card, idea and staff block"
    if not args.yes:
        if not sys.stdin.isatty():
            raise OptionError("no terminal to confirm on: add --yes to reset from a script")
        typed = input(f"This will {what} (a backup is made first). Type RESET to go on: ")
        if typed.strip() != "RESET":
            print("Nothing was changed.")
            return BAD_INPUT
    with board(args) as service:
        result = service.clear_board(keep_cards=args.keep_cards)
    print(result.summary)
    return DONE


def audit_line(event: Event, entry: AuditEntry) -> str:
    return f"{_when(event, entry.at)}  {entry.actor} on {entry.kiosk_id}  {entry.what}"


def _value_shower(event: Event) -> Callable[[str, object], str]:
    """Values as staff read them: a room by its name, not its id; a time in the event's zone."""
    rooms = {str(room_id_for(event.slug, room.key)): room.name for room in event.rooms}

    def show(name: str, value: object) -> str:
        if name == "room_id":
            return rooms.get(str(value), str(value))
        if name in ("starts_at", "ends_at", "created_at") and isinstance(value, str):
            try:
                return _when(event, datetime.fromisoformat(value))
            except ValueError:
                return value
        return "—" if value is None else str(value)

    return show


def _hhmm(event: Event, moment: datetime) -> str:
    return event.local(moment).strftime("%H:%M")


def _when(event: Event, moment: datetime) -> str:
    return event.local(moment).strftime("%Y-%m-%d %H:%M")


def add_staff_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The staff subcommands, each taking the `kiosk run` options too (--config, --data-dir)."""

    command = partial(add_subcommand, commands)

    pin = command("set-pin", "set the staff PIN (asked twice without echo)", cmd_set_pin)
    pin.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input (for scripts)")

    block = command("block", "take a room away from Open Spaces for a while", cmd_block)
    for name, text in (("room", "key or name"), ("day", "YYYY-MM-DD"), ("start", "HH:MM"), ("end", "HH:MM")):
        block.add_argument(name, help=text)
    block.add_argument("--reason", required=True, help="what the room is used for (shown on the board)")

    unblock = command("unblock", "give a blocked room back to Open Spaces", cmd_unblock)
    for name, text in (("room", "key or name"), ("day", "YYYY-MM-DD"), ("start", "HH:MM"), ("end", "HH:MM")):
        unblock.add_argument(name, help=text)

    cancel = command("cancel", "take a session off the board, with a reason", cmd_cancel)
    cancel.add_argument("session", nargs="+", metavar="SESSION", help="its id, or ROOM DAY HHMM")
    cancel.add_argument("--reason", required=True, help="why (kept in the audit log)")

    importing = command("import", "put planned sessions from a CSV or JSON file on the board", cmd_import)
    importing.add_argument("path", help="the file: the CSV export's columns, or JSON like it")
    importing.add_argument("--dry-run", action="store_true", help="show what would be imported, write nothing")

    backup = command("backup", "copy the board to backups/ (or --out FILE)", cmd_backup)
    backup.add_argument("--out", metavar="FILE", help="write the copy here instead")
    command("backups", "list the backups with their date, size and sessions", cmd_backups)
    restore = command("restore", "put a backup's board back (what is there is backed up first)", cmd_restore)
    restore.add_argument("file", help="a backup file (see `kiosk backups`)")
    reset = command("reset", "clear the board for a new event (a backup is made first)", cmd_reset)
    reset.add_argument("--keep-cards", action="store_true", help="keep the board; only lift lockouts")
    reset.add_argument("--yes", action="store_true", help="do not ask (for scripts)")

    audit = command("audit", "the audit log, newest first", cmd_audit)
    audit.add_argument("--limit", type=int, default=50, help="how many entries (50)")
    audit.add_argument("--card", metavar="ID", help="only entries about this session")
