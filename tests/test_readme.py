"""The README is a newcomer's first page: every file it links to or names as a path in the checkout exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
# Markdown links and images to files in the checkout: [text](path) with no scheme and no anchor-only target.
_LINK = re.compile(r"\]\((?!https?://|mailto:|#)([^)\s#]+)")


def local_links(text: str) -> list[str]:
    return sorted(set(_LINK.findall(text)))


def test_every_file_the_readme_links_to_is_in_the_checkout() -> None:
    links = local_links(README.read_text(encoding="utf-8"))
    assert links, "no local links found: the pattern is wrong"
    missing = [link for link in links if not (ROOT / link).exists()]
    assert missing == []


def test_the_link_pattern_finds_files_and_skips_addresses() -> None:
    text = "![a](assets/a.png) [b](https://example.org/b) [c](config/c.toml#key) [d](#section)"
    assert local_links(text) == ["assets/a.png", "config/c.toml"]
