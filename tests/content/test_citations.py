"""The citation syntax and the shared reference list, as plain functions."""

import datetime
import re

import pytest

from sitebuild import PROJECT_ROOT, citations

DOCS = PROJECT_ROOT / "docs"
REFERENCES = DOCS / citations.REFERENCES_FILE

SAMPLE = {
    "solo1979": {
        "authors": ["Solo, A. B."],
        "year": 1979,
        "title": "One author",
        "journal": "Journal",
        "volume": 16,
        "issue": 3,
        "pages": "252-260",
    },
    "pair2018": {
        "authors": ["Pair, C.", "Duo, D."],
        "year": 2018,
        "title": "Two authors",
        "journal": "Journal",
        "volume": 55,
        "pages": "303-315",
        "doi": "10.1037/pst0000193",
    },
    "many2018": {
        "authors": ["Many, E.", "More, F.", "Most, G."],
        "year": 2018,
        "title": "Three authors",
        "journal": "Journal",
        "volume": 55,
        "issue": 4,
        "pages": "316-340",
    },
}


@pytest.fixture
def sample() -> dict[str, citations.Reference]:
    return citations.parse_references(SAMPLE)


def render(markdown: str, sample, reviewed=None) -> str:
    return citations.render_page(markdown, page="x.md", references=lambda: sample, reviewed=reviewed)


def test_labels_follow_author_year_style(sample) -> None:
    assert sample["solo1979"].label == "Solo, 1979"
    assert sample["pair2018"].label == "Pair & Duo, 2018"
    assert sample["many2018"].label == "Many et al., 2018"


def test_a_citation_becomes_a_link_to_its_entry(sample) -> None:
    html = render("Text [@pair2018].", sample)
    assert '<span class="citation">(<a href="#ref-pair2018">Pair &amp; Duo, 2018</a>)</span>' in html


def test_several_keys_in_one_citation(sample) -> None:
    html = render("Text [@solo1979; @many2018].", sample)
    assert '(<a href="#ref-solo1979">Solo, 1979</a>; <a href="#ref-many2018">Many et al., 2018</a>)' in html


def test_the_page_lists_only_what_it_cites_in_author_order(sample) -> None:
    html = render("B [@many2018]. A [@solo1979]. Again [@many2018].", sample)
    section = html[html.index("## References") :]
    assert re.findall(r'<li id="ref-([^"]+)"', section) == ["many2018", "solo1979"]
    assert "pair2018" not in html


def test_entry_formatting(sample) -> None:
    entry = citations.format_entry(sample["pair2018"])
    expected = "Pair, C., &amp; Duo, D. (2018). Two authors. <em>Journal</em>, <em>55</em>, 303\N{EN DASH}315."
    assert entry.startswith(expected)
    assert '<a href="https://doi.org/10.1037/pst0000193">doi:10.1037/pst0000193</a>' in entry
    assert "(3), 252\N{EN DASH}260." in citations.format_entry(sample["solo1979"])
    combined = citations.parse_references({"both": {**SAMPLE["solo1979"], "issue": "2-3"}})["both"]
    assert "<em>16</em>(2-3), 252" in citations.format_entry(combined)


def test_no_citation_no_section_and_no_reference_list_needed() -> None:
    def no_list():
        raise AssertionError("the list must not be read when nothing is cited")

    assert "References" not in citations.render_page("Plain text.", page="x.md", references=no_list)


def test_citations_in_code_are_left_alone(sample) -> None:
    markdown = "Inline `[@unknown]` and\n\n```text\n[@alsounknown]\n```\n\nreal [@solo1979]."
    html = render(markdown, sample)
    assert "`[@unknown]`" in html and "[@alsounknown]" in html
    assert citations.cited_keys(markdown) == ["solo1979"]


def test_a_link_whose_text_starts_with_at_is_not_a_citation(sample) -> None:
    assert citations.cited_keys("[@handle](https://example.org)") == []


def test_an_unknown_key_names_the_page_and_the_key(sample) -> None:
    with pytest.raises(citations.CitationError, match=r"^x\.md: unknown citation key 'nosuch2020'"):
        render("Text [@solo1979; @nosuch2020].", sample)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"authors": ["A, B."], "year": 2000}, "missing title, journal, volume, pages"),
        ({**SAMPLE["solo1979"], "editor": "X"}, "unknown fields editor"),
        ({**SAMPLE["solo1979"], "authors": ["No comma"]}, "authors must be a list"),
        ({**SAMPLE["solo1979"], "doi": "https://doi.org/10.1/x"}, "is not a bare DOI"),
        ({**SAMPLE["solo1979"], "year": "1979a"}, "year '1979a' must be a whole number"),
        ({**SAMPLE["solo1979"], "year": True}, "year True must be a whole number"),
        ({**SAMPLE["solo1979"], "volume": 16.5}, "volume 16.5 must be a whole number"),
    ],
)
def test_a_bad_entry_is_named(entry, message) -> None:
    with pytest.raises(citations.CitationError, match=f"entry 'bad': .*{message}|entry 'bad' .*{message}"):
        citations.parse_references({"bad": entry})


def test_reviewed_line_is_visible_and_machine_readable(sample) -> None:
    html = render("Text.", sample, reviewed=datetime.date(2026, 11, 26))
    assert '<p class="page-reviewed">Last reviewed: <time datetime="2026-11-26">26 November 2026</time></p>' in html
    assert "2026-11-26" in render("Text.", sample, reviewed="2026-11-26")
    with pytest.raises(citations.CitationError, match=r"x\.md: 'reviewed' must be a date"):
        render("Text.", sample, reviewed="last week")


def test_the_shared_list_loads_and_every_doi_is_well_formed() -> None:
    references = citations.load_references(REFERENCES)
    assert len(references) >= 10
    assert all(r.doi is None or r.doi.startswith("10.") for r in references.values())


def test_every_listed_work_is_cited_somewhere() -> None:
    references = citations.load_references(REFERENCES)
    cited: set[str] = set()
    for page in DOCS.rglob("*.md"):
        cited.update(citations.cited_keys(page.read_text(encoding="utf-8")))
    assert sorted(set(references) - cited) == [], "listed in references.yml but cited by no page"
    assert sorted(cited - set(references)) == [], "cited but not in references.yml"
