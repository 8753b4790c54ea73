"""The link templates an event's config writes (`links.session_url`, `links.share_url`): plain `{name}` placeholders.

One filler for the whole program, so what the config check accepts is exactly what ends up in URLs and QR codes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

DEFAULT_SESSION_URL = "{base_url}/{day}/{room}-{start}-{slug}.html"
DEFAULT_SHARE_URL = "https://twitter.com/intent/tweet?text={text}"

SESSION_URL_FIELDS = frozenset({"base_url", "day", "room", "start", "id", "slug"})
SHARE_URL_FIELDS = frozenset({"text", "url", "hashtag"})

# A name in braces and nothing else: no format specs ("{day:.4}"), no attributes or indexes, no "{{" escapes.
# Deliberately not `str.format`: a template from a config file must not reach attributes or fail on stray braces.
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fill_template(template: str, values: Mapping[str, str]) -> str:
    """Replace each `{name}` that `values` knows; anything else in the template stays exactly as written."""
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), template)


def template_fields(template: str) -> set[str]:
    """The names of the `{name}` placeholders in `template`."""
    return {match.group(1) for match in _PLACEHOLDER.finditer(template)}


def has_stray_braces(template: str) -> bool:
    """Whether a `{` or `}` is left that is not part of a `{name}` placeholder; filling would keep it literally."""
    rest = _PLACEHOLDER.sub("", template)
    return "{" in rest or "}" in rest
