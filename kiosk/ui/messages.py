"""Messages from the domain and the store, in the kiosk's language.

The domain and the store know no Qt (a test holds them to it), so they write their messages for a person in
English. Those that reach the screen are listed here as templates, `%1` where a value goes; a message is
matched against them and shown translated, its values (a room's reason, a handle, a number) kept as they are.
A message no template matches is shown as it came, so a new one is never lost, only untranslated
(`tests/ui/test_language.py` holds samples of every kind to the list).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from kiosk.domain.handles import HANDLE_HINT
from kiosk.domain.labels import MONTHS, WEEKDAYS, WEEKDAYS_LONG
from kiosk.ui.datelabels import short_day, weekday
from kiosk.ui.translation import QT_TRANSLATE_NOOP, fill, translate

CONTEXT = "messages"

# The handle hint ends several handle messages; it is translated once, on its own.
_HINT = "%H"

TEMPLATES: tuple[str, ...] = (
    # Checking a card or an idea as it is typed (kiosk.domain.validation, kiosk.domain.handles).
    QT_TRANSLATE_NOOP("messages", "Give your session a topic (at least %1 characters)."),
    QT_TRANSLATE_NOOP("messages", "Give the idea a topic (at least %1 characters)."),
    QT_TRANSLATE_NOOP("messages", "Keep the topic to %1 characters — %2 too many."),
    QT_TRANSLATE_NOOP("messages", "Keep the description to %1 characters — %2 too many."),
    QT_TRANSLATE_NOOP("messages", "Keep the name to %1 characters — %2 too many."),
    QT_TRANSLATE_NOOP("messages", "Keep the note to %1 characters — %2 too many."),
    QT_TRANSLATE_NOOP("messages", "Keep the reason to %1 characters — %2 too many."),
    QT_TRANSLATE_NOOP("messages", "Who is hosting? Add your name."),
    QT_TRANSLATE_NOOP("messages", "Pick up to %1 tags."),
    QT_TRANSLATE_NOOP("messages", "“%1” is not one of this event's tags."),
    QT_TRANSLATE_NOOP("messages", "Pick each tag only once."),
    QT_TRANSLATE_NOOP("messages", "Give a reason."),
    QT_TRANSLATE_NOOP("messages", "No handle given. %H"),
    QT_TRANSLATE_NOOP("messages", "That looks like an email address, which would be shown to everyone. %H"),
    QT_TRANSLATE_NOOP("messages", "X names have at most 15 characters. %H"),
    QT_TRANSLATE_NOOP("messages", "That handle doesn't look right. %H"),
    # Saving (kiosk.store.errors and the write path's limits).
    QT_TRANSLATE_NOOP("messages", "Someone else has just taken this slot. Please pick another one."),
    QT_TRANSLATE_NOOP("messages", "This room is not available for Open Spaces at that time (%1)."),
    QT_TRANSLATE_NOOP("messages", "This slot is already over. Please pick a later one."),
    QT_TRANSLATE_NOOP("messages", "This session is no longer on the board."),
    QT_TRANSLATE_NOOP("messages", "This idea is no longer on the wish list."),
    QT_TRANSLATE_NOOP("messages", "That time is not one of the board's session slots."),
    QT_TRANSLATE_NOOP("messages", "There is no room '%1' on this board."),
    QT_TRANSLATE_NOOP("messages", "Lots of cards were just added at this kiosk. Please wait a minute and try again."),
    QT_TRANSLATE_NOOP("messages", "Lots of ideas were just added at this kiosk. Please wait a minute and try again."),
    QT_TRANSLATE_NOOP("messages", "Lots of votes were just made at this kiosk. Please wait a minute and vote again."),
    QT_TRANSLATE_NOOP("messages", "Your vote for this idea is counted. Let someone else vote too!"),
    QT_TRANSLATE_NOOP("messages", "%1 already hosts %2 sessions on %3, the most one person can put up in a day."),
    QT_TRANSLATE_NOOP(
        "messages",
        "Many wrong edit codes were just tried at this kiosk. Please wait a minute and try again,"
        " or ask at the staff office.",
    ),
    QT_TRANSLATE_NOOP(
        "messages", "That is not this card's edit code. 1 more try before host actions pause for a while."
    ),
    QT_TRANSLATE_NOOP(
        "messages", "That is not this card's edit code. %1 more tries before host actions pause for a while."
    ),
    QT_TRANSLATE_NOOP("messages", "Too many wrong codes. Editing and cancelling this card are paused for %1 seconds."),
    QT_TRANSLATE_NOOP("messages", "The board's database at %1 cannot be used: %2"),
    # Staff (kiosk.store.staff, kiosk.store.pin).
    QT_TRANSLATE_NOOP("messages", "1 session sits in that time: move or cancel it first."),
    QT_TRANSLATE_NOOP("messages", "%1 sessions sit in that time: move or cancel them first."),
    QT_TRANSLATE_NOOP("messages", "There is no such block on this board."),
    QT_TRANSLATE_NOOP("messages", "This block comes from the event's config file: change the file to remove it."),
    QT_TRANSLATE_NOOP("messages", "That overlaps a block already there (%1)."),
    QT_TRANSLATE_NOOP("messages", "The end must be later than the start."),
    QT_TRANSLATE_NOOP("messages", "%1 is not one of the event's days."),
    QT_TRANSLATE_NOOP("messages", "Open Spaces run from %1 to %2; keep the block within them."),
    QT_TRANSLATE_NOOP("messages", "No staff PIN is set on this kiosk. Set one from a terminal with: kiosk set-pin"),
    QT_TRANSLATE_NOOP("messages", "A staff PIN is made of digits only."),
    QT_TRANSLATE_NOOP("messages", "A staff PIN has %1 to %2 digits."),
    QT_TRANSLATE_NOOP("messages", "Too many wrong PINs. The pad is paused for 1 minute."),
    QT_TRANSLATE_NOOP("messages", "Too many wrong PINs. The pad is paused for %1 minutes."),
    QT_TRANSLATE_NOOP("messages", "That is not the staff PIN. 1 more try."),
    QT_TRANSLATE_NOOP("messages", "That is not the staff PIN. %1 more tries."),
    # Sync conflicts (kiosk.store.conflicts).
    QT_TRANSLATE_NOOP("messages", "This conflict was resolved already, perhaps on another kiosk."),
    QT_TRANSLATE_NOOP("messages", "This card has a slot again already, perhaps placed on another kiosk."),
    QT_TRANSLATE_NOOP("messages", "This card has a slot again already."),
    QT_TRANSLATE_NOOP("messages", "The row this conflict is about is not on this kiosk yet; sync and try again."),
    QT_TRANSLATE_NOOP("messages", "The room of that version is gone from the board."),
    # Sync rounds (kiosk.sync.round, kiosk.sync.settings, kiosk.ui.syncworker); driver errors come as they are.
    QT_TRANSLATE_NOOP("messages", "sync has stopped"),
    QT_TRANSLATE_NOOP("messages", "the hub did not answer within %1 s"),
    QT_TRANSLATE_NOOP("messages", "the hub refused the login (%1)"),
    QT_TRANSLATE_NOOP("messages", "sync failed: %1"),
    QT_TRANSLATE_NOOP("messages", "%1: cannot read the hub password: %2"),
    QT_TRANSLATE_NOOP("messages", "%1: the hub password file is empty"),
    QT_TRANSLATE_NOOP("messages", "%1: the hub password file can be read by other users (mode %2); run: chmod 600 %3"),
    # Import files (kiosk.share.importfile).
    QT_TRANSLATE_NOOP("messages", "The file %1 cannot be read: %2."),
    QT_TRANSLATE_NOOP("messages", "%1 has no sessions in it."),
    QT_TRANSLATE_NOOP("messages", "The file starts like UTF-16 text but is not; save it as UTF-8."),
    QT_TRANSLATE_NOOP(
        "messages",
        "The file is not UTF-8 text (line %1, byte %2: %3); save it as UTF-8 (“CSV UTF-8” in Excel) and import it"
        " again.",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "The file is larger than %1 MB, the most an import file may be (%2 sessions at most). Is it the right file?",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "The file has more than %1 sessions; a board has at most a few thousand slots. Is it the right file?",
    ),
    QT_TRANSLATE_NOOP("messages", "The file cannot be read as CSV near line %1: %2."),
    QT_TRANSLATE_NOOP(
        "messages",
        "The first row must name the columns (%1); this file's first row names none of Day, Start, Room, Topic and"
        " Host.",
    ),
    QT_TRANSLATE_NOOP("messages", "The file has no %1 column; every import needs Day, Start, Room, Topic and Host."),
    QT_TRANSLATE_NOOP("messages", "The column %1 appears more than once; keep one."),
    QT_TRANSLATE_NOOP("messages", "The JSON in the file is nested too deeply to be a list of sessions."),
    QT_TRANSLATE_NOOP("messages", "The file is not valid JSON (line %1, column %2: %3)."),
    QT_TRANSLATE_NOOP("messages", "The file is not usable JSON: %1."),
    QT_TRANSLATE_NOOP(
        "messages",
        'The JSON must be a list of sessions, an object with a "sessions" list, or the board\'s schedule.json.',
    ),
    QT_TRANSLATE_NOOP(
        "messages", "It has %1 cells but the header has %2: a value with the delimiter in it needs quotes."
    ),
    QT_TRANSLATE_NOOP("messages", "It is not an object with session fields."),
    QT_TRANSLATE_NOOP("messages", "%1: the value should be text."),
    # An import's rows (kiosk.store.importer); the columns' names are the file's, so they stay English.
    QT_TRANSLATE_NOOP("messages", "Day: %1 is not a day of this board (%2)."),
    QT_TRANSLATE_NOOP("messages", "Day: “%1” is not a date; write it as %2."),
    QT_TRANSLATE_NOOP("messages", "Day: missing."),
    QT_TRANSLATE_NOOP("messages", "Start: “%1” is not a time; write it as 10:00."),
    QT_TRANSLATE_NOOP("messages", "Start: missing."),
    QT_TRANSLATE_NOOP("messages", "Start: %1 is outside the board's hours (%2)."),
    QT_TRANSLATE_NOOP("messages", "Start: %1 is not the start of a slot; slots start every %2 minutes from %3."),
    QT_TRANSLATE_NOOP("messages", "End: “%1” is not a time; leave it empty or write %2."),
    QT_TRANSLATE_NOOP("messages", "End: %1 does not fit; sessions are %2 minutes, so this one ends at %3."),
    QT_TRANSLATE_NOOP("messages", "Room: missing."),
    QT_TRANSLATE_NOOP("messages", "Room: more than one room is called “%1”; write the room's key."),
    QT_TRANSLATE_NOOP("messages", "Room: there is no room “%1” on this board; did you mean %2?"),
    QT_TRANSLATE_NOOP("messages", "Room: there is no room “%1” on this board."),
    QT_TRANSLATE_NOOP("messages", "Topic: %1"),
    QT_TRANSLATE_NOOP("messages", "Host: %1"),
    QT_TRANSLATE_NOOP("messages", "Description: %1"),
    QT_TRANSLATE_NOOP("messages", "Handle: %1"),
    QT_TRANSLATE_NOOP("messages", "Tags: %1"),
    QT_TRANSLATE_NOOP("messages", "Same slot as row %1."),
    QT_TRANSLATE_NOOP("messages", "Same slot as entry %1."),
    QT_TRANSLATE_NOOP("messages", "This session is already on the board (%1)."),
    QT_TRANSLATE_NOOP("messages", "%1 is blocked (%2)."),
    QT_TRANSLATE_NOOP("messages", "%1 is taken by “%2”."),
    QT_TRANSLATE_NOOP("messages", "Its room is no longer on the board."),
    QT_TRANSLATE_NOOP("messages", "There is nothing to import."),
    QT_TRANSLATE_NOOP("messages", "A slot in the file was taken while importing; nothing was imported."),
    # Checking the board (kiosk.store.checks).
    QT_TRANSLATE_NOOP("messages", "%1 shares its room and hour with %2."),
    QT_TRANSLATE_NOOP("messages", "%1 sits in a blocked slot (%2, %3 to %4)."),
    QT_TRANSLATE_NOOP("messages", "%1 is in a room that is not in the database."),
    QT_TRANSLATE_NOOP("messages", "%1 is in room '%2', which was taken off the board."),
    QT_TRANSLATE_NOOP("messages", "%1 is in room '%2', which the event's config does not have."),
    QT_TRANSLATE_NOOP("messages", "%1 is on a day that is not one of the event's days."),
    QT_TRANSLATE_NOOP("messages", "%1 does not start at one of the event's slot times."),
    QT_TRANSLATE_NOOP("messages", "%1 ends at %2 instead of %3."),
    QT_TRANSLATE_NOOP("messages", "The idea '%1' is adopted by a session that does not exist."),
    QT_TRANSLATE_NOOP("messages", "The idea '%1' is adopted by %2, which was cancelled."),
    QT_TRANSLATE_NOOP("messages", "The board's rows could not be read: %1"),
    QT_TRANSLATE_NOOP("messages", "integrity_check: could not run (%1)"),
    # Backups (kiosk.store.backups): "The backup <path> <what is wrong with it>."
    QT_TRANSLATE_NOOP("messages", "The backup %1 %2."),
)

# Messages that only come inside another one: a slot, a session, what is wrong with a backup.
PARTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("messages", "%1 at %2 on %3"),
    QT_TRANSLATE_NOOP("messages", "'%1' (%2, %3)"),
    QT_TRANSLATE_NOOP("messages", "a room missing from the database"),
    QT_TRANSLATE_NOOP("messages", "does not exist"),
    QT_TRANSLATE_NOOP("messages", "is not a file"),
    QT_TRANSLATE_NOOP("messages", "is empty (0 bytes)"),
    QT_TRANSLATE_NOOP("messages", "cannot be read (%1)"),
    QT_TRANSLATE_NOOP("messages", "is not a SQLite database"),
    QT_TRANSLATE_NOOP("messages", "is a SQLite database but not a kiosk board"),
    QT_TRANSLATE_NOOP("messages", "is a SQLite database but not a kiosk board (it has no schema revision)"),
    QT_TRANSLATE_NOOP(
        "messages",
        "was written by a newer version of the kiosk software (schema revision %1); restore it with that version",
    ),
    QT_TRANSLATE_NOOP("messages", "is damaged (SQLite's check says: %1)"),
    QT_TRANSLATE_NOOP("messages", "is damaged or cannot be read (%1)"),
    QT_TRANSLATE_NOOP("messages", "is the live board itself"),
    QT_TRANSLATE_NOOP("messages", "could not be copied (%1)"),
    QT_TRANSLATE_NOOP("messages", "cannot be brought up to this version's schema: %1"),
    QT_TRANSLATE_NOOP("messages", "is damaged after upgrading (SQLite's check says: %1)"),
    QT_TRANSLATE_NOOP("messages", "holds no board"),
)

# What each value of a template is, where it is not kept as it came: `m` a message itself (translated in turn,
# among TEMPLATES and PARTS), `d` text with dates the store wrote in English ("Fri 21 Apr"), `-` as it came.
VALUES: dict[str, str] = {
    "Day: %1 is not a day of this board (%2).": "dd",
    "Topic: %1": "m",
    "Host: %1": "m",
    "Description: %1": "m",
    "Handle: %1": "m",
    "Tags: %1": "m",
    "This session is already on the board (%1).": "m",
    "%1 is blocked (%2).": "m-",
    "%1 is taken by “%2”.": "m-",
    "%1 at %2 on %3": "--d",
    "%1 shares its room and hour with %2.": "m-",
    "%1 sits in a blocked slot (%2, %3 to %4).": "m-dd",
    "%1 is in a room that is not in the database.": "m",
    "%1 is in room '%2', which was taken off the board.": "m-",
    "%1 is in room '%2', which the event's config does not have.": "m-",
    "%1 is on a day that is not one of the event's days.": "m",
    "%1 does not start at one of the event's slot times.": "m",
    "%1 ends at %2 instead of %3.": "m--",
    "The idea '%1' is adopted by %2, which was cancelled.": "-m",
    "'%1' (%2, %3)": "-md",
    "The backup %1 %2.": "-m",
}

# The handle hint, on its own (it ends the handle messages above).
HINT = QT_TRANSLATE_NOOP("messages", "Use @name (X), @name@server.social (Mastodon) or name.bsky.social (Bluesky).")
_ENGLISH_DAY = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?: (\d{4}))?\b"
)


def _compile(templates: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    patterns = []
    for template in templates:
        english = re.escape(template.replace(_HINT, HANDLE_HINT))
        english = re.sub(r"%([1-9])", r"(?P<p\1>.+?)", english)
        patterns.append((re.compile(english + r"\Z", re.DOTALL), template))
    return tuple(patterns)


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return _compile(TEMPLATES)


@cache
def _part_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return _compile(PARTS)


def _weekday_here(text: str) -> str:
    """An English weekday name (from the store's messages) in the kiosk's language."""
    if text in WEEKDAYS_LONG:
        # 2024-01-01 was a Monday.
        return weekday(date(2024, 1, 1) + timedelta(days=WEEKDAYS_LONG.index(text)))
    return text


def _english_day(found: re.Match[str]) -> str:
    """`Fri 21 Apr` (or `Fri 21 Apr 2023`) in the kiosk's language: the year is the nearest with that weekday."""
    wanted, day, month = WEEKDAYS.index(found[1]), int(found[2]), MONTHS.index(found[3]) + 1
    this_year = date.today().year
    years = (
        [int(found[4])] if found[4] else sorted(range(this_year - 14, this_year + 15), key=lambda y: abs(y - this_year))
    )
    for year in years:
        try:
            moment = date(year, month, day)
        except ValueError:
            continue
        if moment.weekday() == wanted or found[4]:
            return short_day(moment) + (f" {year}" if found[4] else "")
    return found[0]


def _days_here(text: str) -> str:
    """Every English short date in `text` (the store's labels) in the kiosk's language."""
    return _ENGLISH_DAY.sub(_english_day, text)


def _translated(text: str, patterns: tuple[tuple[re.Pattern[str], str], ...], depth: int) -> str | None:
    for pattern, template in patterns:
        found = pattern.match(text)
        if found is None:
            continue
        kinds = VALUES.get(template, "")
        values = []
        for index, (_, value) in enumerate(sorted(found.groupdict().items())):
            kind = kinds[index] if index < len(kinds) else "-"
            if kind == "m" and depth < 3:
                value = _nested(value, depth + 1)
            elif kind == "d":
                value = _days_here(value)
            values.append(_weekday_here(value))
        translated = translate(CONTEXT, template).replace(_HINT, translate(CONTEXT, HINT))
        return fill(translated, *values)
    return None


def _nested(text: str, depth: int) -> str:
    found = _translated(text, _patterns(), depth)
    if found is None:
        found = _translated(text, _part_patterns(), depth)
    return text if found is None else found


def person_message(message: object) -> str:
    """A message from the domain or the store (or the exception carrying it), in the kiosk's language."""
    text = str(message)
    found = _translated(text, _patterns(), 0)
    return text if found is None else found


def message_part(text: str) -> str:
    """A piece of a message shown on its own (what is wrong with a backup), in the kiosk's language."""
    return _nested(text, 1)


__all__ = ["PARTS", "TEMPLATES", "message_part", "person_message"]
