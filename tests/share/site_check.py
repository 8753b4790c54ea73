"""Reading a generated site back: every link and every tag and attribute on every page."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class PageScan(HTMLParser):
    links: list[str] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    labelled_by: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add(name)
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            elif name == "role" and value is not None:
                self.roles.append(value)
            elif name == "id" and value is not None:
                self.ids.append(value)
            elif name == "aria-labelledby" and value is not None:
                self.labelled_by.extend(value.split())

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def scan(page: Path) -> PageScan:
    parser = PageScan()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


def is_external(link: str) -> bool:
    return urlsplit(link).scheme in ("http", "https")


def resolve(site: Path, page: Path, link: str) -> Path:
    """The file a relative link points at, decoded the way a web server would."""
    parts = urlsplit(link)
    assert not parts.scheme, f"{page}: {link} is not relative"
    assert not link.startswith("/"), f"{page}: {link} is not relative"
    target = (page.parent / unquote(parts.path)).resolve()
    assert target.is_relative_to(site.resolve()), f"{page}: {link} leaves the site"
    return target
