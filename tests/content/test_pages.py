"""Every content page, read as the visitor gets it: plain, cited, described, reviewed, well formed."""

from __future__ import annotations

import datetime
import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import textstat
import yaml
from page_text import DOCS, GRADE_LIMIT, GRADE_LIMITS, article_text, built_path, content_pages

from sitebuild import PROJECT_ROOT, review

PAGES = content_pages()
REVIEWS = review.load_reviews(DOCS / review.REVIEWS_FILE)
VAGUE_LINK_TEXT = {"click here", "here", "click", "read more", "more", "this link", "link", "this page", "this"}


class _Tree(HTMLParser):
    """Just enough of the page: the article's elements with attributes and text, and the meta tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.elements: list[dict] = []  # tag, attrs, text (for a, h1-h6, time, abbr)
        self.ids: set[str] = set()
        self._open: list[dict] = []
        self._in_article = 0

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        if tag == "meta" and "name" in attributes:
            self.meta[attributes["name"]] = attributes.get("content", "")
        if tag == "article":
            self._in_article += 1
        if not self._in_article:
            return
        if "id" in attributes:
            self.ids.add(attributes["id"])
        element = {"tag": tag, "attrs": attributes, "text": ""}
        self.elements.append(element)
        if tag in {"a", "h1", "h2", "h3", "h4", "h5", "h6", "time", "abbr", "p", "li", "span"}:
            self._open.append(element)

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article -= 1
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index]["tag"] == tag:
                del self._open[index]
                break

    def handle_data(self, data):
        for element in self._open:
            element["text"] += data

    def all(self, tag: str, cls: str | None = None) -> list[dict]:
        return [
            e for e in self.elements if e["tag"] == tag and (cls is None or cls in e["attrs"].get("class", "").split())
        ]


def front_matter(src: str) -> dict:
    text = (DOCS / src).read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, f"{src} has no front matter"
    return yaml.safe_load(match[1]) or {}


def parsed(site: Path, src: str) -> _Tree:
    tree = _Tree()
    tree.feed((site / built_path(src)).read_text(encoding="utf-8"))
    return tree


def nav_pages() -> set[str]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)

    def walk(item) -> list[str]:
        if isinstance(item, str):
            return [item]
        if isinstance(item, dict):
            return [p for value in item.values() for p in walk(value)]
        if isinstance(item, list):
            return [p for value in item for p in walk(value)]
        return []

    return set(walk(config["nav"]))


@pytest.mark.parametrize("src", PAGES)
def test_reading_level(built_site: Path, src: str) -> None:
    text = article_text((built_site / built_path(src)).read_text(encoding="utf-8"))
    grade = textstat.flesch_kincaid_grade(text)
    limit = GRADE_LIMITS.get(src, GRADE_LIMIT)
    assert grade <= limit, f"{src}: Flesch-Kincaid grade {grade:.1f} is above {limit}"
    assert textstat.lexicon_count(text) >= 80, f"{src}: too little text to be a page"


@pytest.mark.parametrize("src", PAGES)
def test_description_and_review_date(built_site: Path, src: str) -> None:
    meta = front_matter(src)
    tree = parsed(built_site, src)
    assert meta.get("description"), f"{src}: front matter needs a description"
    # The page's own description, naming the practice for search results (practice_pages.page_description).
    description = " ".join(str(meta["description"]).split())
    assert tree.meta.get("description") in (description, f"{description} From Your therapy relationship.")
    # Review dates are recorded with the text they cover (docs/_data/reviews.yml), never typed into the page.
    assert not set(meta) & set(review.RETIRED_KEYS), f"{src}: review dates in front matter"
    entry = REVIEWS.get(src)
    assert entry is not None, f"{src}: never reviewed; after reviewing it, run {review.RECORD_TOOL} docs/{src}"
    assert entry.reviewed <= datetime.date.today(), f"{src}: review date is in the future"
    lines = tree.all("p", "page-reviewed")
    assert len(lines) == 1, f"{src}: no visible review line"
    times = [t["attrs"]["datetime"] for t in tree.all("time")]
    if entry.fingerprint == review.fingerprint((DOCS / src).read_text(encoding="utf-8")):
        next_review = entry.reviewed + review.REVIEW_INTERVAL
        assert lines[0]["text"].startswith("Last reviewed: "), f"{src}: no visible review date"
        assert "Next review due by " in lines[0]["text"], f"{src}: no visible next review date"
        assert next_review > datetime.date.today() - datetime.timedelta(days=365), f"{src}: review overdue by a year"
        assert times == [entry.reviewed.isoformat(), next_review.isoformat()]
    else:
        # Changed since its review: the page says so rather than showing a date that no longer covers it.
        assert lines[0]["text"].startswith("Changed on "), f"{src}: changed since its review, but does not say so"
        assert times[1:] == [entry.reviewed.isoformat()]


@pytest.mark.parametrize("src", PAGES)
def test_in_the_nav(src: str) -> None:
    assert src in nav_pages(), f"{src} is not in the nav of mkdocs.yml"


@pytest.mark.parametrize("src", PAGES)
def test_one_h1_and_headings_in_order(built_site: Path, src: str) -> None:
    tree = parsed(built_site, src)
    levels = [int(e["tag"][1]) for e in tree.elements if re.fullmatch(r"h[1-6]", e["tag"])]
    assert levels.count(1) == 1 and levels[0] == 1, f"{src}: needs exactly one h1, first"
    jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert jumps == [], f"{src}: heading levels skip: {jumps}"


@pytest.mark.parametrize("src", PAGES)
def test_links_say_where_they_go(built_site: Path, src: str) -> None:
    tree = parsed(built_site, src)
    for link in tree.all("a"):
        if "headerlink" in link["attrs"].get("class", ""):
            continue
        text = " ".join(link["text"].split()).strip(".,:;!?").casefold()
        assert text, f"{src}: a link without text ({link['attrs'].get('href')})"
        assert text not in VAGUE_LINK_TEXT, f"{src}: vague link text {text!r}"
    assert all(img["attrs"].get("alt") for img in tree.all("img")), f"{src}: an image without alt text"


@pytest.mark.parametrize("src", PAGES)
def test_citations_resolve_to_the_pages_own_reference_list(built_site: Path, src: str) -> None:
    tree = parsed(built_site, src)
    in_page = [a["attrs"]["href"][1:] for a in tree.all("a") if a["attrs"].get("href", "").startswith("#")]
    assert [target for target in in_page if target not in tree.ids] == [], f"{src}: links to missing anchors"
    cited = {
        a["attrs"]["href"][1:]
        for a in tree.all("a")
        if a["attrs"].get("href", "").startswith("#ref-") and "headerlink" not in a["attrs"].get("class", "")
    }
    listed = {li["attrs"]["id"] for li in tree.all("li") if li["attrs"].get("id", "").startswith("ref-")}
    assert cited == listed, f"{src}: the reference list must hold exactly the works the page cites"
    assert bool(cited) == ("references" in tree.ids)


def test_evidence_pages_cite_their_sources(built_site: Path) -> None:
    # The pages that report findings must each cite at least one source.
    for src in ["index.md", "research.md", "for-therapists.md"] + [p for p in PAGES if p.startswith("relationship/")]:
        assert parsed(built_site, src).all("span", "citation"), f"{src} reports research but cites nothing"


def test_the_crisis_page_exists_and_points_to_help(built_site: Path) -> None:
    html = (built_site / built_path("get-help-now.md")).read_text(encoding="utf-8")
    text = article_text(html)
    for number in ("112", "911", "999"):
        assert number in html, f"emergency number {number} missing"
    assert 'href="https://findahelpline.com"' in html
    assert "emergency" in text.casefold()


def test_glossary_terms_are_explained_where_they_appear(built_site: Path) -> None:
    tree = parsed(built_site, "relationship/strains-and-repair.md")
    terms = tree.all("abbr")
    assert terms and all(t["attrs"].get("title") for t in terms)
    focusable = [t["text"] for t in terms if t["attrs"].get("tabindex") == "0"]
    assert len(focusable) == len(set(focusable)), "only the first use of a term may be a tab stop"
    assert "rupture" in focusable or "ruptures" in focusable


def test_the_glossary_page_has_no_tooltips_and_the_data_is_not_published(built_site: Path) -> None:
    assert parsed(built_site, "glossary.md").all("abbr") == []
    assert not (built_site / "_data").exists()


def test_pages_link_out_only_with_plain_links(built_site: Path) -> None:
    # Outgoing links are fine; nothing on a content page may be loaded from another origin.
    for src in PAGES:
        html = (built_site / built_path(src)).read_text(encoding="utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        assert not re.search(r"<(img|script|iframe|link|source|video|audio)\b[^>]*\b(src|href)=\"(https?:)?//", article)
