"""Read a built site as a crawler would: every page, every internal link, the sitemap and the search index."""

import json
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name in ("href", "src"):
            if values.get(name) and not (tag == "link" and values.get("rel") in ("canonical", "alternate")):
                self.links.append(values[name] or "")


@dataclass(frozen=True)
class BrokenLink:
    page: str
    link: str
    why: str


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _target(site: Path, page: Path, link: str) -> tuple[Path, str] | None:
    """The file an internal link leads to, and its fragment; None for links to other sites."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "tel:", "data:", "blob:")):
        return None
    if parts.path.startswith("/"):
        raise AssertionError(f"{page.relative_to(site)}: root-relative link {link!r} breaks under a subpath")
    path = unquote(parts.path)
    base = page.parent if path else page
    resolved = Path(posixpath.normpath((base / path).as_posix())) if path else page
    if resolved.is_dir() or link.endswith("/"):
        resolved = resolved / "index.html"
    return resolved, parts.fragment


def broken_links(site: Path) -> list[BrokenLink]:
    """Every internal link or asset in every built page that leads to a missing file or heading."""
    broken: list[BrokenLink] = []
    parsed: dict[Path, _Links] = {}
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue  # served for any address, its links are relative to the site's root
        links = parsed.setdefault(page, _parse(page))
        for link in links.links:
            target = _target(site, page, link)
            if target is None:
                continue
            file, fragment = target
            where = str(page.relative_to(site))
            if not file.is_file() or site.resolve() not in file.resolve().parents:
                broken.append(BrokenLink(where, link, "no such file"))
            elif (
                fragment
                and file.suffix == ".html"
                and unquote(fragment) not in parsed.setdefault(file, _parse(file)).ids
            ):
                broken.append(BrokenLink(where, link, "no such heading"))
    return broken


def sitemap_pages(site: Path) -> list[str]:
    """The sitemap's addresses, as paths below the site's address."""
    locations = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    return [urlsplit(location).path for location in locations]


def search_locations(site: Path) -> list[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return [document["location"] for document in index["docs"]]
