"""Card and wish-list validation: text cleaning, every limit and its message, and properties over arbitrary Unicode."""

from __future__ import annotations

import pickle
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk.domain.handles import HANDLE_HINT
from kiosk.domain.validation import (
    CARD_FIELDS,
    CardFields,
    FieldError,
    InvalidCard,
    clean_text,
    field_errors,
    validate_card,
    validate_idea,
)

TAG_KEYS = frozenset({"python", "web", "data", "ml"})
ZWJ = "\u200d"
RLO = "\u202e"
WOMAN_TECHNOLOGIST = f"👩{ZWJ}💻"
FAMILY = f"👨{ZWJ}👩{ZWJ}👧{ZWJ}👦"
SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"


def card(**changes: object) -> CardFields:
    values: dict[str, object] = {"topic": "Packaging in 2025", "host_name": "Ada"}
    values.update(changes)
    return CardFields(**values)  # type: ignore[arg-type]


def errors_of(fields: CardFields) -> dict[str, str]:
    with pytest.raises(InvalidCard) as caught:
        validate_card(fields, TAG_KEYS)
    return caught.value.by_field()


# --- clean_text ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  hello  ", "hello"),
        ("a\tb\nc\r\nd", "a b c d"),
        ("a \u00a0\u3000 b", "a b"),
        ("line\u2028break", "line break"),
        ("a\x00b\x07c", "abc"),
        ("bell\x1fsep", "bell sep"),
        ("zero\u200bwidth", "zerowidth"),
        ("\ufeffbom", "bom"),
        ("soft\u00adhyphen", "softhyphen"),
        (f"{RLO}gnp.exe", "gnp.exe"),
        ("\u2066isolate\u2069 \u200eLRM\u200f", "isolate LRM"),
        ("lone\ud800surrogate", "lonesurrogate"),
        ("hidden\U000e0041\U000e0042tags", "hiddentags"),
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
        ("<b>bold</b> &amp;", "<b>bold</b> &amp;"),
    ],
)
def test_clean_single_line(raw: str, clean: str) -> None:
    assert clean_text(raw, multiline=False) == clean


def test_clean_normalises_to_nfc() -> None:
    decomposed = "Jose\u0301 Zoe\u0308"
    assert clean_text(decomposed, multiline=False) == "José Zoë"
    assert unicodedata.is_normalized("NFC", clean_text(decomposed, multiline=False))


def test_clean_recomposes_across_a_removed_character() -> None:
    # Removing the zero-width space brings "e" and the accent together; the result must still be NFC.
    assert clean_text("e\u200b\u0301", multiline=False) == "é"


@pytest.mark.parametrize("emoji", [WOMAN_TECHNOLOGIST, FAMILY, "🏳️‍🌈", "👍🏽", SCOTLAND])
def test_clean_keeps_emoji_sequences(emoji: str) -> None:
    assert clean_text(f"Hi {emoji}!", multiline=False) == f"Hi {emoji}!"


def test_clean_keeps_zwnj_persian_spelling() -> None:
    word = "می\u200cخواهم"
    assert clean_text(word, multiline=False) == word


def test_clean_flag_tags_only_in_flag_shape() -> None:
    # Tag characters without the black flag (or too many of them) are hidden text, not a flag.
    assert clean_text("\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", multiline=False) == ""
    assert clean_text("🏴" + "\U000e0061" * 20 + "\U000e007f", multiline=False) == "🏴"


def test_clean_multiline() -> None:
    raw = "  First line   \r\nsecond\tline \n\n\n\n  indented\r\r\rend\u2029para  \n\n"
    assert clean_text(raw, multiline=True) == "First line\nsecond line\n\n  indented\n\nend\npara"


def test_clean_multiline_blank_lines_with_spaces_collapse() -> None:
    assert clean_text("a\n  \n \t \n\u3000\nb", multiline=True) == "a\n\nb"


def test_clean_multiline_removes_format_characters() -> None:
    assert clean_text(f"ok\n{RLO}txt.exe", multiline=True) == "ok\ntxt.exe"


# --- validate_card ------------------------------------------------------------------------------------------


def test_valid_card_is_returned_cleaned() -> None:
    result = validate_card(
        CardFields(
            topic="  Async\tPython\n patterns ",
            host_name=" Łukasz  Langa ",
            description="Bring questions.  \n\n\n\nAll levels welcome.",
            handle=" @Ambv ",
            tags=["python", "web"],  # type: ignore[arg-type]
        ),
        TAG_KEYS,
    )
    assert result == CardFields(
        topic="Async Python patterns",
        host_name="Łukasz Langa",
        description="Bring questions.\n\nAll levels welcome.",
        handle="@Ambv",
        tags=("python", "web"),
    )


@pytest.mark.parametrize(
    "name", ["José", "Łukasz", "Zoë", "Nguyễn Thị Minh Khai", "李小龍", "محمد", "O'Brien-Smith", "Ada"]
)
def test_names_from_everywhere_are_accepted(name: str) -> None:
    assert validate_card(card(host_name=name), TAG_KEYS).host_name == name


def test_markup_is_kept_literally() -> None:
    result = validate_card(card(topic="<img src=x> & <b>tags</b>", description="<script>alert(1)</script>"), TAG_KEYS)
    assert result.topic == "<img src=x> & <b>tags</b>"
    assert result.description == "<script>alert(1)</script>"


def test_rtl_override_is_removed_from_every_field() -> None:
    result = validate_card(card(topic=f"Talk {RLO}gnp.exe", host_name=f"{RLO}Eve", description=f"a{RLO}b"), TAG_KEYS)
    assert RLO not in result.topic + result.host_name + result.description
    assert result.topic == "Talk gnp.exe"


def test_emoji_with_zwj_is_preserved() -> None:
    result = validate_card(card(topic=f"Women in tech {WOMAN_TECHNOLOGIST}", host_name=f"Sam {FAMILY}"), TAG_KEYS)
    assert result.topic == f"Women in tech {WOMAN_TECHNOLOGIST}"
    assert result.host_name == f"Sam {FAMILY}"


def test_tabs_and_newlines_in_topic_are_collapsed() -> None:
    assert validate_card(card(topic="Type\t\thints\n\nfor\r\nall"), TAG_KEYS).topic == "Type hints for all"


@pytest.mark.parametrize(
    "topic", ["", "  ", "ab", " a\t\n ", f"{ZWJ}{ZWJ}{ZWJ}", "\u0301\u0301\u0301", "\u200b\u200bab"]
)
def test_topic_required_at_least_three_characters(topic: str) -> None:
    assert errors_of(card(topic=topic))["topic"] == "Give your session a topic (at least 3 characters)."


def test_topic_limits_are_inclusive() -> None:
    assert validate_card(card(topic="abc"), TAG_KEYS).topic == "abc"
    assert validate_card(card(topic="x" * 80), TAG_KEYS).topic == "x" * 80


def test_topic_too_long_says_by_how_much() -> None:
    assert errors_of(card(topic="x" * 92))["topic"] == "Keep the topic to 80 characters — 12 too many."


def test_topic_length_counts_after_cleaning() -> None:
    assert validate_card(card(topic="  " + "x" * 80 + "\u200b\u200b  "), TAG_KEYS).topic == "x" * 80


def test_description_is_optional_and_limited() -> None:
    assert validate_card(card(description=""), TAG_KEYS).description == ""
    assert validate_card(card(description="d" * 500), TAG_KEYS).description == "d" * 500
    assert errors_of(card(description="d" * 501)) == {
        "description": "Keep the description to 500 characters — 1 too many."
    }


@pytest.mark.parametrize("host", ["", "   ", "\u200b", ZWJ, "\n\t"])
def test_host_name_required(host: str) -> None:
    assert errors_of(card(host_name=host)) == {"host_name": "Who is hosting? Add your name."}


def test_host_name_limits() -> None:
    assert validate_card(card(host_name="A"), TAG_KEYS).host_name == "A"
    assert validate_card(card(host_name="n" * 60), TAG_KEYS).host_name == "n" * 60
    assert errors_of(card(host_name="n" * 63)) == {"host_name": "Keep the name to 60 characters — 3 too many."}


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("", ""),
        ("   ", ""),
        ("\u200b", ""),
        ("@alice", "@alice"),
        ("x.com/alice", "@alice"),
        ("Alice@Mastodon.Social", "@Alice@mastodon.social"),
        ("https://fosstodon.org/@bob", "@bob@fosstodon.org"),
        ("@Alice.bsky.social", "alice.bsky.social"),
        ("alice.dev", "alice.dev"),
        ("@al\u200bice", "@alice"),  # a zero-width space pasted along with the handle
    ],
)
def test_handle_is_optional_and_normalised(raw: str, normal: str) -> None:
    assert validate_card(card(handle=raw), TAG_KEYS).handle == normal


@pytest.mark.parametrize("raw", ["alice", "@ali ce", "@josé", "https://example.com/alice"])
def test_bad_handle_has_the_hint(raw: str) -> None:
    assert errors_of(card(handle=raw)) == {"handle": f"That handle doesn't look right. {HANDLE_HINT}"}


def test_tags_up_to_three_from_the_event() -> None:
    assert validate_card(card(tags=()), TAG_KEYS).tags == ()
    assert validate_card(card(tags=("ml", "python", "web")), TAG_KEYS).tags == ("ml", "python", "web")


def test_too_many_tags() -> None:
    assert errors_of(card(tags=("ml", "python", "web", "data"))) == {"tags": "Pick up to 3 tags."}


def test_unknown_tag() -> None:
    assert errors_of(card(tags=("rust",))) == {"tags": "“rust” is not one of this event's tags."}


def test_tags_are_matched_exactly() -> None:
    assert "tags" in errors_of(card(tags=("Python",)))
    assert "tags" in errors_of(card(tags=(" python",)))


def test_duplicate_tags() -> None:
    assert errors_of(card(tags=("web", "web"))) == {"tags": "Pick each tag only once."}


def test_no_tags_when_the_event_has_none() -> None:
    assert validate_card(card(), frozenset()).tags == ()
    with pytest.raises(InvalidCard):
        validate_card(card(tags=("python",)), frozenset())


def test_every_problem_is_reported_in_form_order() -> None:
    with pytest.raises(InvalidCard) as caught:
        validate_card(
            CardFields(topic="x", host_name="", description="d" * 501, handle="nope", tags=("a", "b", "c", "d")),
            TAG_KEYS,
        )
    fields = [e.field for e in caught.value.errors]
    assert list(dict.fromkeys(fields)) == ["topic", "description", "host_name", "handle", "tags"]
    assert caught.value.field == "topic"
    assert caught.value.message == "Give your session a topic (at least 3 characters)."


def test_invalid_card_str_names_field_and_problem() -> None:
    with pytest.raises(InvalidCard) as caught:
        validate_card(card(host_name=""), TAG_KEYS)
    assert str(caught.value) == "host_name: Who is hosting? Add your name."


def test_invalid_card_needs_an_error() -> None:
    with pytest.raises(ValueError, match="at least one"):
        InvalidCard(())


def test_invalid_card_survives_pickling() -> None:
    original = InvalidCard([FieldError("topic", "Too short.")])
    copy = pickle.loads(pickle.dumps(original))
    assert copy.errors == original.errors
    assert str(copy) == str(original)


def test_field_errors_for_live_validation() -> None:
    assert field_errors(card(), TAG_KEYS) == {}
    assert field_errors(card(topic="ab", tags=("rust", "rust", "x", "y")), TAG_KEYS) == {
        "topic": "Give your session a topic (at least 3 characters).",
        "tags": "Pick up to 3 tags.",
    }


# --- validate_idea ------------------------------------------------------------------------------------------


def test_valid_idea_is_cleaned() -> None:
    assert validate_idea("  Rust\tfor Pythonistas ", "Anyone?\n\n\n\nPlease.  ") == (
        "Rust for Pythonistas",
        "Anyone?\n\nPlease.",
    )


def test_idea_note_is_optional() -> None:
    assert validate_idea("Testing in prod", "") == ("Testing in prod", "")


def test_idea_limits() -> None:
    assert validate_idea("abc", "n" * 200) == ("abc", "n" * 200)
    with pytest.raises(InvalidCard) as caught:
        validate_idea("ab", "n" * 205)
    assert caught.value.by_field() == {
        "topic": "Give the idea a topic (at least 3 characters).",
        "note": "Keep the note to 200 characters — 5 too many.",
    }
    with pytest.raises(InvalidCard) as caught:
        validate_idea("t" * 81, "")
    assert caught.value.by_field() == {"topic": "Keep the topic to 80 characters — 1 too many."}


# --- properties over arbitrary Unicode ----------------------------------------------------------------------

# Characters the cleaner treats specially, mixed in so examples hit them far more often than chance would.
_TRICKY = st.sampled_from(
    [
        *(ZWJ, "\u200c", "\u200b", RLO, "\u2066", "\ufeff", "\u00ad", "\u0301", "\u0308", "\u212b", "\u2000"),
        *("\r", "\n", "\t", "\x0b", "\x0c", "\x1f", "\x85", "\u2028", "\u2029", "\u00a0", "\u3000"),
        *("e", "@", ".", "🏴", "\U000e0067", "\U000e007f", "\ud800"),
    ]
)
_ANY_CHARACTER = st.characters(exclude_categories=())  # every category, lone surrogates included
_TEXT = st.one_of(st.text(), st.text(st.one_of(_ANY_CHARACTER, _TRICKY)), st.text(_TRICKY))
_TAG = st.one_of(st.sampled_from(sorted(TAG_KEYS)), st.text(max_size=8))
# Each field mixes arbitrary text with likely-valid input, so a good share of cards is accepted and checked too.
_FIELDS = st.builds(
    CardFields,
    topic=st.one_of(_TEXT, st.text(min_size=2, max_size=90)),
    host_name=st.one_of(_TEXT, st.text(min_size=1, max_size=62)),
    description=st.one_of(_TEXT, st.text(min_size=490, max_size=510)),
    handle=st.one_of(_TEXT, st.sampled_from(["", "@alice", " Bob@Fosstodon.org ", "alice.dev", "x.com/a", "\u200b"])),
    tags=st.one_of(
        st.lists(_TAG, max_size=4).map(tuple),
        st.lists(st.sampled_from(sorted(TAG_KEYS)), max_size=3, unique=True).map(tuple),
    ),
)


def _outcome[**P, R](validate: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R | InvalidCard:
    """The result, or the InvalidCard raised; any other exception escapes and fails the test."""
    try:
        return validate(*args, **kwargs)
    except InvalidCard as invalid:
        return invalid


def _assert_clean(text: str, *, multiline: bool) -> None:
    assert text == text.strip()
    assert unicodedata.is_normalized("NFC", text)
    for char in text:
        category = unicodedata.category(char)
        assert category not in ("Cc", "Cs") or (multiline and char == "\n"), repr(text)
        assert category != "Cf" or char in (ZWJ, "\u200c") or 0xE0000 <= ord(char) <= 0xE007F, repr(text)
    if multiline:
        assert "\n\n\n" not in text
        assert all(line == line.rstrip() for line in text.split("\n"))
    else:
        assert " ".join(text.split()) == text


@settings(max_examples=3000, deadline=None)
@given(_TEXT, st.booleans())
@example("e\u200b\u0301", False)
@example("a\n \n\u2028\n b \t", True)
def test_clean_text_is_clean_and_idempotent(raw: str, multiline: bool) -> None:
    cleaned = clean_text(raw, multiline=multiline)
    _assert_clean(cleaned, multiline=multiline)
    assert clean_text(cleaned, multiline=multiline) == cleaned


@settings(max_examples=3000, deadline=None)
@given(_FIELDS)
@example(CardFields(topic="\u200d\u200d\u200d", host_name="x"))
@example(CardFields(topic=f"Talk {RLO}x", host_name="Zoë", handle="Alice@Mastodon.Social", tags=("web",)))
def test_validate_card_accepts_only_clean_cards_and_is_idempotent(fields: CardFields) -> None:
    outcome = _outcome(validate_card, fields, TAG_KEYS)
    if isinstance(outcome, InvalidCard):
        invalid = outcome
        assert invalid.errors
        for error in invalid.errors:
            assert error.field in CARD_FIELDS
            assert error.message.strip()
        assert field_errors(fields, TAG_KEYS) == invalid.by_field()
        return
    result = outcome
    assert validate_card(result, TAG_KEYS) == result
    assert field_errors(fields, TAG_KEYS) == {}
    assert 3 <= len(result.topic) <= 80
    assert 1 <= len(result.host_name) <= 60
    assert len(result.description) <= 500
    for text in (result.topic, result.host_name, result.handle):
        _assert_clean(text, multiline=False)
    _assert_clean(result.description, multiline=True)
    assert len(result.tags) <= 3
    assert len(set(result.tags)) == len(result.tags)
    assert set(result.tags) <= TAG_KEYS


@settings(max_examples=3000, deadline=None)
@given(st.one_of(_TEXT, st.text(min_size=2, max_size=90)), st.one_of(_TEXT, st.text(min_size=195, max_size=205)))
def test_validate_idea_accepts_only_clean_ideas_and_is_idempotent(topic: str, note: str) -> None:
    result = _outcome(validate_idea, topic, note)
    if isinstance(result, InvalidCard):
        assert all(e.field in ("topic", "note") and e.message.strip() for e in result.errors)
        return
    assert validate_idea(*result) == result
    assert 3 <= len(result[0]) <= 80
    assert len(result[1]) <= 200
    _assert_clean(result[0], multiline=False)
    _assert_clean(result[1], multiline=True)
