"""Spanish pages are plain: each content page scores at least 60 on the INFLESZ scale.

INFLESZ reads the Szigriszt-Pazos index (textstat 0.7.8, ``set_lang("es")``) on
Barrio-Cantalejo's scale, where 55-65 is "normal" and above 65 "quite easy"; 60 is
this site's floor, like the English pages' grade limit, with more room for the
research page. Run on its own to print the table:

    .venv/bin/python tests/content/test_spanish_readability.py site
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import textstat
from page_text import NOT_CONTENT, PROJECT_ROOT, article_text, built_path

DOCS_ES = PROJECT_ROOT / "docs-es"
LANGUAGE_DIR = "es"
INFLESZ_FLOOR = 60.0
INFLESZ_FLOORS = {"research.md": 50.0}


def spanish_pages() -> list[str]:
    pages = (p.relative_to(DOCS_ES).as_posix() for p in DOCS_ES.rglob("*.md"))
    return sorted(p for p in pages if not p.startswith(("_", *NOT_CONTENT)))


@contextmanager
def spanish_measures() -> Iterator[None]:
    """textstat's language is global: measure in Spanish, then leave it as the English tests expect."""
    textstat.set_lang("es")
    try:
        yield
    finally:
        textstat.set_lang("en_US")


def inflesz(site: Path, page: str) -> float:
    text = article_text((site / LANGUAGE_DIR / built_path(page)).read_text(encoding="utf-8"))
    with spanish_measures():
        return textstat.szigriszt_pazos(text)


def test_every_spanish_page_in_docs_is_measured() -> None:
    english = {p.relative_to(PROJECT_ROOT / "docs").as_posix() for p in (PROJECT_ROOT / "docs").rglob("*.md")}
    assert spanish_pages(), "no Spanish content pages found"
    assert set(spanish_pages()) <= english, "a Spanish page has no English original at the same path"


@pytest.mark.parametrize("page", spanish_pages())
def test_spanish_page_is_plain(built_site: Path, page: str) -> None:
    floor = INFLESZ_FLOORS.get(page, INFLESZ_FLOOR)
    score = inflesz(built_site, page)
    assert score >= floor, f"docs-es/{page}: INFLESZ {score:.1f}, below {floor:.0f}: use shorter sentences and words"


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    print("| page | INFLESZ | floor |\n|---|---|---|")
    for page in spanish_pages():
        print(f"| {page} | {inflesz(site, page):.1f} | {INFLESZ_FLOORS.get(page, INFLESZ_FLOOR):.0f} |")
