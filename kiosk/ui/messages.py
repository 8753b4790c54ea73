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
from kiosk.domain.labels import WEEKDAYS_LONG
from kiosk.ui.datelabels import weekday
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
)

# The handle hint, on its own (it ends the handle messages above).
HINT = QT_TRANSLATE_NOOP("messages", "Use @name (X), @name@server.social (Mastodon) or name.bsky.social (Bluesky).")


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    patterns = []
    for template in TEMPLATES:
        english = re.escape(template.replace(_HINT, HANDLE_HINT))
        english = re.sub(r"%([1-9])", r"(?P<p\1>.+?)", english)
        patterns.append((re.compile(english + r"\Z", re.DOTALL), template))
    return tuple(patterns)


def _weekday_here(text: str) -> str:
    """An English weekday name (from the store's messages) in the kiosk's language."""
    if text in WEEKDAYS_LONG:
        # 2024-01-01 was a Monday.
        return weekday(date(2024, 1, 1) + timedelta(days=WEEKDAYS_LONG.index(text)))
    return text


def person_message(message: object) -> str:
    """A message from the domain or the store (or the exception carrying it), in the kiosk's language."""
    text = str(message)
    for pattern, template in _patterns():
        found = pattern.match(text)
        if found is None:
            continue
        values = [_weekday_here(value) for _, value in sorted(found.groupdict().items())]
        translated = translate(CONTEXT, template).replace(_HINT, translate(CONTEXT, HINT))
        return fill(translated, *values)
    return text


__all__ = ["TEMPLATES", "person_message"]
