"""No English on the Spanish site: a crawl of every built page under ``es/``.

A Spanish visitor reads the page's text, its ``<title>``, the ``title``,
``aria-label``, ``alt`` and ``placeholder`` attributes, and, through the page
scripts, the values of the ``site-words`` block; search results and link
previews show its description and title. None of these may hold an
English sentence from one of the site's catalogues:

- the interface words (``overrides/words/en.toml``),
- the package's questionnaire and result texts (``*.en.toml``),
- the practice's settings given in both languages (``practice.yml``),
- the Material theme's own English words.

A catalogue string counts when its Spanish counterpart differs (a proper noun,
a number or a reference's title is the same in both and is not English to
flag), and each run of it between ``{placeholders}`` is looked for on its own,
as whole words, when it has at least ``MIN_WORDS`` words ("Area score",
"Try again"): a single word ("Area", "or") can be part of a Spanish word or a
name, which would be a false alarm. Reference lists
and citations are left out: a reference's title stays in its original language.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import yaml
from page_text import PROJECT_ROOT

LANGUAGE_DIR = "es"
WORDS_DIR = PROJECT_ROOT / "overrides" / "words"
PACKAGE_TEXTS = PROJECT_ROOT / "assessment" / "src" / "alliance_check"
PACKAGE_TEXT_DIRS = ("questionnaires", "wording")
PRACTICE_FILE = PROJECT_ROOT / "practice.yml"

#: A run of a catalogue string shorter than this is not checked (see the module's note).
MIN_WORDS = 2

#: English that is right on a Spanish page, each with why.
ALLOWED = {
    "Find a Helpline": "the name of a crisis-line directory, which has no Spanish name",
    "Befrienders Worldwide": "the name of a crisis-line network, which has no Spanish name",
    "988 Suicide & Crisis Lifeline": "the name of the US crisis line (its Spanish service is reached by pressing 2)",
    "9-8-8 Suicide Crisis Helpline": "the name of the Canadian crisis line",
}

#: The Material theme's own English words, as its English language file gives them.
#: Whole phrases are looked for anywhere; single words only as a whole text or attribute.
THEME_PHRASES = (
    "Skip to content",
    "Permanent link",
    "Back to top",
    "Type to start searching",
    "Initializing search",
    "No matching documents",
    "Copy to clipboard",
    "Copied to clipboard",
    "Table of contents",
    "Go to repository",
    "Edit this page",
    "View source of this page",
    "Last update",
    "Made with",
    "Switch to dark mode",
    "Switch to light mode",
    "Select language",
    "More than one matching document",
)
#: Words the build itself once added around a page's own text (its description's "From <practice>.").
BUILD_WORDS = ("From",)
THEME_WORDS = ("Search", "Navigation", "Header", "Footer", "Previous", "Next", "Clear", "Close", "Back", "Share")

_SKIPPED_TAGS = {"script", "style"}
_SKIPPED_CLASSES = {"references", "citation"}
_READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
# What search results and link previews show of a page.
_READ_META = {"description", "og:title", "og:description", "twitter:title", "twitter:description"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@dataclass(frozen=True)
class Needle:
    """An English run of text to look for, and the catalogue entry it comes from."""

    text: str
    source: str


def strings(value: object, key: str = "") -> Iterator[tuple[str, str]]:
    """Every string of a TOML table, by its dotted key (list items as ``key[i]``)."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, Mapping):
        for name, inner in value.items():
            yield from strings(inner, f"{key}.{name}" if key else str(name))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from strings(inner, f"{key}[{index}]")


def normalised(text: str) -> str:
    return " ".join(text.split())


def runs(text: str) -> Iterator[str]:
    """The parts of a string between its placeholders, each at least ``MIN_WORDS`` words long."""
    for part in _PLACEHOLDER.split(normalised(text)):
        part = part.strip(" ,;:()“”\"'")
        if len(part.split()) >= MIN_WORDS:
            yield part


def needles_from(english_file: Path, spanish_file: Path) -> list[Needle]:
    english = dict(strings(tomllib.loads(english_file.read_text(encoding="utf-8"))))
    spanish = dict(strings(tomllib.loads(spanish_file.read_text(encoding="utf-8"))))
    source = english_file.relative_to(PROJECT_ROOT).as_posix()
    return [
        Needle(run, f"{source}: {key}")
        for key, text in english.items()
        if normalised(text) != normalised(spanish.get(key, ""))
        for run in runs(text)
        if not any(run in allowed or allowed in run for allowed in ALLOWED)
    ]


def practice_needles(practice_file: Path = PRACTICE_FILE) -> list[Needle]:
    """The English of every practice setting given per language ({en: …, es: …})."""
    settings = yaml.safe_load(practice_file.read_text(encoding="utf-8"))
    return [
        Needle(run, f"{practice_file.name}: {key.removesuffix('.en')}")
        for key, text in strings(settings)
        if key.endswith(".en")
        for run in runs(text)
        if normalised(text) != normalised(dict(strings(settings)).get(key.removesuffix("en") + "es", ""))
        if not any(run in allowed or allowed in run for allowed in ALLOWED)
    ]


@cache
def english_needles() -> tuple[Needle, ...]:
    needles = needles_from(WORDS_DIR / "en.toml", WORDS_DIR / "es.toml") + practice_needles()
    for folder in PACKAGE_TEXT_DIRS:
        for english_file in sorted((PACKAGE_TEXTS / folder).glob("*.en.toml")):
            needles += needles_from(english_file, english_file.with_name(english_file.name.replace(".en.", ".es.")))
    return tuple(needles)


class _VisibleText(HTMLParser):
    """The texts a visitor may see or hear: text nodes, the title, read attributes and the site-words values."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.in_site_words = False

    def skipped(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if not self.skipped() and not classes & _SKIPPED_CLASSES:
            self.texts += [value for name in _READ_ATTRIBUTES if (value := attributes.get(name))]
        if tag == "meta" and (attributes.get("name") or attributes.get("property") or "") in _READ_META:
            self.texts.append(attributes.get("content") or "")
        if tag in _VOID:
            return
        self.in_site_words = tag == "script" and attributes.get("id") == "site-words"
        self.stack.append((tag, tag in _SKIPPED_TAGS or bool(classes & _SKIPPED_CLASSES)))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break
        self.in_site_words = False

    def handle_data(self, data: str) -> None:
        if self.in_site_words:
            self.texts += [text for _, text in strings(json.loads(data))]
        elif not self.skipped() and data.strip():
            self.texts.append(data)


def visible_texts(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    return [normalised(text) for text in parser.texts if text.strip()]


def spanish_pages(site: Path) -> list[Path]:
    return sorted((site / LANGUAGE_DIR).rglob("*.html"))


def as_words(text: str, whole: str) -> bool:
    """Whether ``text`` is in ``whole`` as whole words (not the start or end of a longer word)."""
    return re.search(rf"(?<!\w){re.escape(text)}(?!\w)", whole) is not None


def english_found(html: str) -> list[str]:
    """What English the page shows, each with where it comes from."""
    texts = visible_texts(html)
    # Text nodes are split by inline markup: look in the whole text too, joined with spaces.
    whole = " ".join(texts)
    found = [f"{needle.text!r} ({needle.source})" for needle in english_needles() if as_words(needle.text, whole)]
    found += [
        f"{phrase!r} (the Material theme)" for phrase in THEME_PHRASES if re.search(rf"\b{re.escape(phrase)}\b", whole)
    ]
    found += [f"{text!r} (the Material theme)" for text in texts if text in THEME_WORDS]
    found += [f"{word!r} (added by the build)" for word in BUILD_WORDS if re.search(rf"\b{word}\b", whole)]
    return found


def test_the_spanish_site_has_pages(built_site: Path) -> None:
    assert len(spanish_pages(built_site)) > 20, "the Spanish site was not built under es/"


def test_the_catalogues_give_english_to_look_for() -> None:
    sources = {needle.source.split(":")[0] for needle in english_needles()}
    assert "overrides/words/en.toml" in sources
    assert any(source.endswith(".en.toml") and "questionnaires" in source for source in sources)
    assert any("wording" in source for source in sources)
    assert "practice.yml: short_name" in {needle.source for needle in english_needles()}


def test_the_crawl_finds_planted_english() -> None:
    planted = english_needles()[0].text
    html = f"<html><body><p>Hola. {planted}</p><a title='Back to top'>x</a><button>Search</button></body></html>"
    found = english_found(html)
    assert any(planted in line for line in found)
    assert any("Back to top" in line for line in found)
    assert any("'Search'" in line for line in found)
    assert english_found("<html><body><p>Hola, ¿cómo está?</p></body></html>") == []


def test_references_keep_their_original_language() -> None:
    planted = english_needles()[0].text
    assert english_found(f"<ol class='references'><li>{planted}</li></ol>") == []


def test_no_english_on_spanish_pages(built_site: Path) -> None:
    leaks = {
        page.relative_to(built_site).as_posix(): found
        for page in spanish_pages(built_site)
        if (found := english_found(page.read_text(encoding="utf-8")))
    }
    report = "\n".join(f"{page}:\n  " + "\n  ".join(found) for page, found in sorted(leaks.items()))
    assert not leaks, f"English on Spanish pages:\n{report}"


if __name__ == "__main__":  # pragma: no cover - a quick look at a built site
    import sys

    site = Path(sys.argv[1])
    for page in spanish_pages(site):
        for line in english_found(page.read_text(encoding="utf-8")):
            print(page.relative_to(site).as_posix(), line)


def test_the_shared_404_page_speaks_spanish_too(built_site: Path) -> None:
    """GitHub Pages answers a missing address under es/ with the root's 404 page: it must say it in Spanish too."""
    html = (built_site / "404.html").read_text(encoding="utf-8")
    spanish = tomllib.loads((WORDS_DIR / "es.toml").read_text(encoding="utf-8"))["page"]
    part = re.search(r'<p lang="es">(.*?)</p>', html, re.S)
    assert part, "the 404 page has no part in Spanish"
    assert spanish["not_found"] in part[1]
    assert re.search(rf'<a href="[^"]*/es/">{re.escape(spanish["home_link"])}</a>', part[1])
