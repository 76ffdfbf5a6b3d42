"""The reading text of the built content pages, and a table of their reading grades.

Used by the content tests, and on its own to print the table:

    NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --site-dir /tmp/site
    .venv/bin/python tests/content/page_text.py /tmp/site

The text is the page's article with headings, code, citations, the reference list,
the "last reviewed" line, admonition titles and permalink marks left out. Each
paragraph, list item and table cell counts as its own sentence even without a full
stop, as a reader takes it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import textstat

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DOCS = PROJECT_ROOT / "docs"

#: Flesch-Kincaid grade limits: plain language everywhere, a little more room for the research.
GRADE_LIMIT = 8.0
GRADE_LIMITS = {"research.md": 10.0}

# Content pages only: the self-check pages belong to the self-check work and carry forms.
NOT_CONTENT = ("self-check/",)

_SKIPPED_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "script", "style", "summary"}
_SKIPPED_CLASSES = {"citation", "page-reviewed", "references", "headerlink", "admonition-title"}
_UNIT_TAGS = {"p", "li", "td", "th", "dt", "dd", "blockquote", "figcaption", "div", "tr"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}


def content_pages() -> list[str]:
    """Source paths (relative to docs/) of the content pages."""
    pages = (p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    return sorted(p for p in pages if not p.startswith(("_", *NOT_CONTENT)))


def built_path(src: str) -> str:
    """Where MkDocs writes a page with directory URLs: a.md -> a/index.html."""
    path = Path(src)
    if path.name == "index.md":
        return (path.parent / "index.html").as_posix()
    return (path.with_suffix("") / "index.html").as_posix()


class _ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article> when > 0
        self.skip_depth = 0  # inside a skipped element when > 0
        self.after_references = False
        self.units: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if tag == "article":
            self.depth += 1
            return
        if not self.depth:
            return
        if self.skip_depth:
            self.skip_depth += 1
            return
        if tag == "h2" and attributes.get("id") == "references":
            self.after_references = True
        if tag in _SKIPPED_TAGS or classes & _SKIPPED_CLASSES or self.after_references:
            self.skip_depth = 1
            return
        if tag in _UNIT_TAGS:
            self._end_unit()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.depth:
            return
        if tag == "article":
            self._end_unit()
            self.depth -= 1
            return
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag in _UNIT_TAGS:
            self._end_unit()

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip_depth:
            self.current.append(data)

    def _end_unit(self) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            self.units.append(text if text[-1] in ".!?:" else text + ".")


def article_units(html: str) -> list[str]:
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    return parser.units


def article_text(html: str) -> str:
    return " ".join(article_units(html))


@dataclass(frozen=True)
class Reading:
    page: str
    grade: float
    words: int
    limit: float


def reading(site: Path, src: str) -> Reading:
    text = article_text((site / built_path(src)).read_text(encoding="utf-8"))
    return Reading(
        page=src,
        grade=textstat.flesch_kincaid_grade(text),
        words=textstat.lexicon_count(text),
        limit=GRADE_LIMITS.get(src, GRADE_LIMIT),
    )


def main(site: Path) -> int:
    rows = [reading(site, src) for src in content_pages()]
    print("| Page | FK grade | Limit | Words |")
    print("| --- | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row.page} | {row.grade:.1f} | {row.limit:.0f} | {row.words} |")
    print(f"| **All {len(rows)} pages** | | | {sum(r.words for r in rows)} |")
    return 0 if all(r.grade <= r.limit for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
