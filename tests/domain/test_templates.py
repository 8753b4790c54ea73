"""Link templates: plain `{name}` placeholders, filled the one way both the config check and the links use."""

from __future__ import annotations

import pytest

from kiosk.domain.templates import (
    DEFAULT_SESSION_URL,
    DEFAULT_SHARE_URL,
    SESSION_URL_FIELDS,
    SHARE_URL_FIELDS,
    fill_template,
    has_stray_braces,
    template_fields,
)


def test_fills_known_placeholders() -> None:
    values = {"base_url": "https://b.example", "id": "42"}
    assert fill_template("{base_url}/s/{id}?again={id}", values) == "https://b.example/s/42?again=42"


def test_unknown_placeholders_and_stray_braces_stay_as_written() -> None:
    template = "{base_url}/{nope}/{0}/{base_url.__class__}/{"
    assert fill_template(template, {"base_url": "B"}) == "B/{nope}/{0}/{base_url.__class__}/{"


@pytest.mark.parametrize(
    "template",
    ["{day:.4}", "{day!r}", "{base_url.real}", "{values[0]}", "{}", "{0}", "{base_url", "x}"],
)
def test_nothing_str_format_would_read_is_filled(template: str) -> None:
    # The config check relies on this: whatever isn't a plain {name} reaches the URL as written.
    assert fill_template(template, {"base_url": "B", "day": "2023-04-21", "values": "V"}) == template
    assert has_stray_braces(template)


def test_doubled_braces_are_not_an_escape() -> None:
    # Unlike str.format, "{{" means nothing: the inner placeholder is filled and the outer braces stay, which is
    # why the config check refuses stray braces.
    assert fill_template("{{base_url}}", {"base_url": "B"}) == "{B}"
    assert has_stray_braces("{{base_url}}")


def test_values_are_not_filled_again() -> None:
    # A topic containing "{id}" must not pull in another value.
    assert fill_template("{slug}/{id}", {"slug": "{id}", "id": "7"}) == "{id}/7"


def test_template_fields() -> None:
    assert template_fields(DEFAULT_SESSION_URL) == {"base_url", "day", "room", "start", "slug"}
    assert template_fields("{text} {text} {Day} {day:.4} {{x}}") == {"text", "Day", "x"}
    assert template_fields("https://example.org/%7Bid%7D") == set()


def test_stray_braces() -> None:
    assert not has_stray_braces("{base_url}/{day}/{room}-{start}-{slug}.html")
    assert not has_stray_braces("https://example.org/?x=%7B%7D")
    assert has_stray_braces("{base_url}/{{id}}")
    assert has_stray_braces("{text}}")


def test_the_defaults_use_only_their_own_placeholders() -> None:
    assert template_fields(DEFAULT_SESSION_URL) <= SESSION_URL_FIELDS
    assert template_fields(DEFAULT_SHARE_URL) <= SHARE_URL_FIELDS
    assert not has_stray_braces(DEFAULT_SESSION_URL)
    assert not has_stray_braces(DEFAULT_SHARE_URL)
