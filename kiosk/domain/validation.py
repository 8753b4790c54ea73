"""What may go on a card or the wish list: text cleaning, length limits, handle and tag checks.

Used live by the add-card form (one message beside each field) and again by the store before anything is saved.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from kiosk.domain.handles import InvalidHandle, parse_handle

TOPIC_MIN = 3
TOPIC_MAX = 80
DESCRIPTION_MAX = 500
HOST_NAME_MAX = 60
TAGS_MAX = 3
IDEA_NOTE_MAX = 200

CARD_FIELDS = ("topic", "description", "host_name", "handle", "tags")

_ZWNJ = "\u200c"
_ZWJ = "\u200d"
_BLACK_FLAG = "\U0001f3f4"
# Subdivision flags (England, Scotland, Wales...) are a black flag, 2-7 tag letters or digits, and a cancel tag.
_FLAG_TAG_SEQUENCE = re.compile(r"[\U000e0030-\U000e0039\U000e0061-\U000e007a]{2,7}\U000e007f")
_THREE_OR_MORE_NEWLINES = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class CardFields:
    """A card's person-written fields: raw from the form going in, cleaned coming out of `validate_card`."""

    topic: str
    host_name: str
    description: str = ""
    handle: str = ""
    tags: tuple[str, ...] = ()


class Problem(enum.StrEnum):
    """What kind of problem a field has, so screens decide when to show it without reading its words."""

    # Empty, or too short to mean anything: shown once the person has left the field or tried to save.
    MISSING = "missing"
    # Over the limit: shown at once, while the person is still typing.
    TOO_LONG = "too_long"
    # Not in a recognised form (a handle): shown once the field is left.
    INVALID = "invalid"
    # Picked wrong: too many tags, an unknown tag, the same tag twice.
    CHOICE = "choice"


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str
    problem: Problem = Problem.INVALID


class InvalidCard(Exception):  # noqa: N818 -- the name reads as the user mistake it reports
    """One or more fields a person must fix; each message is meant to be shown beside its field."""

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors = tuple(errors)
        if not self.errors:
            raise ValueError("InvalidCard needs at least one FieldError")
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in self.errors))

    @property
    def field(self) -> str:
        return self.errors[0].field

    @property
    def message(self) -> str:
        return self.errors[0].message

    def by_field(self) -> dict[str, str]:
        """Field name to its first message."""
        return {name: error.message for name, error in self.first_errors().items()}

    def first_errors(self) -> dict[str, FieldError]:
        """Field name to its first error."""
        found: dict[str, FieldError] = {}
        for error in self.errors:
            found.setdefault(error.field, error)
        return found

    def __reduce__(self) -> tuple[type[InvalidCard], tuple[tuple[FieldError, ...]]]:
        # Exceptions pickle their str() args by default, which this __init__ would not accept.
        return (type(self), (self.errors,))


def clean_text(value: str, *, multiline: bool) -> str:
    """Text as it will be stored and shown: NFC, no invisible control or format characters, tidy whitespace.

    Markup such as "<b>x</b>" is kept as typed: the wall shows user text as plain text, never as markup.
    """
    text = unicodedata.normalize("NFC", value)
    if multiline:
        # splitlines() knows every line break people paste: \r\n, \r, \v, \f, U+0085, U+2028, U+2029...
        lines = (_drop_invisible(line).rstrip() for line in text.splitlines())
        text = _THREE_OR_MORE_NEWLINES.sub("\n\n", "\n".join(lines))
    else:
        text = " ".join(_drop_invisible(text).split())
    # Dropping characters can bring a letter and a combining mark together, so normalise once more.
    return unicodedata.normalize("NFC", text).strip()


def _drop_invisible(text: str) -> str:
    """Remove control (Cc), format (Cf) and lone surrogate (Cs) characters; whitespace controls become spaces.

    Format characters are invisible yet change what a reader sees: a right-to-left override (U+202E) makes
    "gnp.exe" read as "exe.png", zero-width spaces split or hide words. On a public wall that is spoofing.
    Kept: ZWJ (U+200D), which emoji sequences such as 👩‍💻 need; ZWNJ (U+200C), which Persian and Indic
    spelling needs; and the tag characters of subdivision flags (Scotland: 🏴 g b s c t cancel-tag), only in
    that exact shape so they cannot carry hidden text. Lone surrogates go too: they cannot be stored as UTF-8.
    """
    kept: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == _BLACK_FLAG:
            flag_tags = _FLAG_TAG_SEQUENCE.match(text, i + 1)
            if flag_tags:
                kept.append(text[i : flag_tags.end()])
                i = flag_tags.end()
                continue
        category = unicodedata.category(char)
        if category == "Cc" and char.isspace():
            kept.append(" ")
        elif category not in ("Cc", "Cf", "Cs") or char in (_ZWJ, _ZWNJ):
            kept.append(char)
        i += 1
    return "".join(kept)


def _has_visible(text: str) -> bool:
    # A topic of three joiners or bare combining marks is as empty as no topic at all.
    return any(unicodedata.category(char)[0] in "LNPS" for char in text)


def _too_long(noun: str, limit: int, text: str) -> str:
    return f"Keep the {noun} to {limit} characters — {len(text) - limit} too many."


def _topic_error(topic: str, what: str) -> FieldError | None:
    if len(topic) < TOPIC_MIN or not _has_visible(topic):
        return FieldError("topic", f"Give {what} a topic (at least {TOPIC_MIN} characters).", Problem.MISSING)
    if len(topic) > TOPIC_MAX:
        return FieldError("topic", _too_long("topic", TOPIC_MAX, topic), Problem.TOO_LONG)
    return None


def _tag_errors(tags: tuple[str, ...], tag_keys: Collection[str]) -> list[FieldError]:
    messages: list[str] = []
    if len(tags) > TAGS_MAX:
        messages.append(f"Pick up to {TAGS_MAX} tags.")
    for key in tags:
        if key not in tag_keys:
            shown = clean_text(key, multiline=False)[:30]
            messages.append(f"“{shown}” is not one of this event's tags.")
    if len(set(tags)) != len(tags):
        messages.append("Pick each tag only once.")
    return [FieldError("tags", message, Problem.CHOICE) for message in messages]


def _validate(fields: CardFields, tag_keys: Collection[str]) -> tuple[CardFields, list[FieldError]]:
    errors: list[FieldError] = []
    topic = clean_text(fields.topic, multiline=False)
    description = clean_text(fields.description, multiline=True)
    host_name = clean_text(fields.host_name, multiline=False)
    handle = clean_text(fields.handle, multiline=False)
    tags = tuple(fields.tags)

    if (topic_error := _topic_error(topic, "your session")) is not None:
        errors.append(topic_error)
    if len(description) > DESCRIPTION_MAX:
        too_long = _too_long("description", DESCRIPTION_MAX, description)
        errors.append(FieldError("description", too_long, Problem.TOO_LONG))
    if not _has_visible(host_name):
        errors.append(FieldError("host_name", "Who is hosting? Add your name.", Problem.MISSING))
    elif len(host_name) > HOST_NAME_MAX:
        errors.append(FieldError("host_name", _too_long("name", HOST_NAME_MAX, host_name), Problem.TOO_LONG))
    if handle:
        try:
            handle = parse_handle(handle).value
        except InvalidHandle as bad:
            errors.append(FieldError("handle", bad.message, Problem.INVALID))
    errors.extend(_tag_errors(tags, tag_keys))

    return CardFields(topic, host_name, description, handle, tags), errors


def validate_card(fields: CardFields, tag_keys: Collection[str]) -> CardFields:
    """The fields cleaned and normalised (handle in normal form), or InvalidCard listing every problem."""
    cleaned, errors = _validate(fields, tag_keys)
    if errors:
        raise InvalidCard(errors)
    return cleaned


def check_card(fields: CardFields, tag_keys: Collection[str]) -> tuple[CardFields, dict[str, FieldError]]:
    """For live validation, in one pass: the cleaned fields and each field's first error (empty when fine)."""
    cleaned, errors = _validate(fields, tag_keys)
    return cleaned, (InvalidCard(errors).first_errors() if errors else {})


def field_errors(fields: CardFields, tag_keys: Collection[str]) -> dict[str, str]:
    """Field name to the first message about it; empty when the card is fine."""
    return {name: error.message for name, error in check_card(fields, tag_keys)[1].items()}


def check_idea(topic: str, note: str) -> tuple[tuple[str, str], dict[str, FieldError]]:
    """For live validation: the cleaned topic and note, and each field's first error (empty when fine)."""
    errors: list[FieldError] = []
    topic = clean_text(topic, multiline=False)
    note = clean_text(note, multiline=True)
    if (topic_error := _topic_error(topic, "the idea")) is not None:
        errors.append(topic_error)
    if len(note) > IDEA_NOTE_MAX:
        errors.append(FieldError("note", _too_long("note", IDEA_NOTE_MAX, note), Problem.TOO_LONG))
    return (topic, note), (InvalidCard(errors).first_errors() if errors else {})


def validate_idea(topic: str, note: str) -> tuple[str, str]:
    """A wish-list idea's topic and note, cleaned, or InvalidCard with fields "topic" and "note"."""
    cleaned, errors = check_idea(topic, note)
    if errors:
        raise InvalidCard(errors.values())
    return cleaned


REASON_MAX = 200


def validate_reason(reason: str, *, what: str = "a reason") -> str:
    """Why staff cancel a session or block a room: shown on the board and kept in the audit log."""
    text = clean_text(reason, multiline=False)
    if not _has_visible(text):
        raise InvalidCard([FieldError("reason", f"Give {what}.", Problem.MISSING)])
    if len(text) > REASON_MAX:
        raise InvalidCard([FieldError("reason", _too_long("reason", REASON_MAX, text), Problem.TOO_LONG)])
    return text
