"""Glossary terms marked where they appear, the first use of each focusable."""

import re

import pytest

from sitebuild import PROJECT_ROOT, glossary

TERMS = {
    "alliance": "The working partnership.",
    "therapeutic alliance": "Also the partnership.",
    "rupture": "A <strain>.",
}


def marked(markdown: str) -> list[tuple[str, bool]]:
    html = glossary.mark_terms(markdown, TERMS)
    return [(m[2], m[1] is not None) for m in re.finditer(r'<abbr title="[^"]*"( tabindex="0")?>([^<]*)</abbr>', html)]


def test_every_use_is_explained_and_only_the_first_is_a_tab_stop() -> None:
    assert marked("The alliance grows.\n\nA strong alliance helps.") == [("alliance", True), ("alliance", False)]


def test_longest_term_wins_and_counts_separately() -> None:
    assert marked("A therapeutic alliance, an alliance.") == [("therapeutic alliance", True), ("alliance", True)]


def test_meanings_are_escaped() -> None:
    assert 'title="A &lt;strain&gt;."' in glossary.mark_terms("A rupture.", TERMS)


@pytest.mark.parametrize(
    "markdown",
    [
        "# The alliance",
        "## Why the alliance matters {#why}",
        "`alliance`",
        "```text\nalliance\n```",
        "[the alliance](page.md)",
        "[alliance][ref]",
        "[@alliance2020]",
        '<p class="x">alliance</p>',
        '!!! note "The alliance"',
        "An alliances plural does not match.",
    ],
)
def test_left_alone(markdown: str) -> None:
    assert glossary.mark_terms(markdown, TERMS) == markdown


def test_case_is_ignored_and_kept() -> None:
    assert marked("Alliance first. Then the alliance.") == [("Alliance", True), ("alliance", False)]


def test_text_after_a_fence_is_marked_again() -> None:
    assert marked("~~~\nalliance\n~~~\nThe alliance.") == [("alliance", True)]


def test_the_shared_glossary_loads_and_a_missing_one_means_no_terms(tmp_path) -> None:
    terms = glossary.load_terms(PROJECT_ROOT / "docs" / glossary.GLOSSARY_FILE)
    assert {"alliance", "rupture", "repair", "goals, tasks and bond"} <= set(terms)
    assert glossary.load_terms(tmp_path / "none.yml") == {}


def test_a_bad_glossary_is_named(tmp_path) -> None:
    bad = tmp_path / "glossary.yml"
    bad.write_text("alliance:\n", encoding="utf-8")
    with pytest.raises(glossary.GlossaryError, match=r"glossary\.yml: 'alliance' needs"):
        glossary.load_terms(bad)
