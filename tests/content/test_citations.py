"""The citation syntax and the shared reference list, as plain functions."""

import datetime
import re

import pytest

from sitebuild import PROJECT_ROOT, citations
from sitebuild.review import PageReview, RecordedReview

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


def render(markdown: str, sample, review=None) -> str:
    return citations.render_page(markdown, page="x.md", references=lambda: sample, review=review)


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


def test_the_review_line_comes_before_the_references(sample) -> None:
    review = PageReview(RecordedReview("0123456789abcdef", datetime.date(2026, 11, 26)), None)
    html = render("Text [@solo1979].", sample, review=review)
    assert html.index('class="page-reviewed"') < html.index("## References")
    assert 'class="page-reviewed"' not in render("Text.", sample)


# Crossref's pattern for modern DOIs: "10.", a registrant code of 4 to 9 digits, "/", a suffix.
CROSSREF_DOI = re.compile(r"10\.\d{4,9}/[-._;()/:A-Za-z0-9]+")


def test_the_shared_list_loads_and_every_doi_is_well_formed() -> None:
    references = citations.load_references(REFERENCES)
    assert len(references) >= 10
    for reference in references.values():
        if reference.doi is not None:
            assert CROSSREF_DOI.fullmatch(reference.doi), f"{reference.key}: {reference.doi!r}"
    dois = [reference.doi for reference in references.values() if reference.doi]
    assert len(dois) == len(set(dois)), "two entries share a DOI"


def test_the_foundational_and_newly_added_works_have_dois() -> None:
    """The works the clinical review asked about, and every work added since, carry a checked DOI."""
    references = citations.load_references(REFERENCES)
    expected = [
        "bordin1979",
        "eubanks2018",
        "lambert2018",
        "dejong2021",
        "fluckiger2020",
        "karver2018",
        "norwood2018",
        "swift2012",
    ]
    assert [key for key in expected if not references[key].doi] == []


@pytest.mark.parametrize(
    "doi",
    ["https://doi.org/10.1037/pst0000172", "doi:10.1037/pst0000172", "10.1037/pst 0000172", "10.12/x", "11.1037/x"],
)
def test_a_doi_that_is_not_bare_or_well_formed_is_refused(doi: str) -> None:
    entry = {**SAMPLE["pair2018"], "doi": doi}
    with pytest.raises(citations.CitationError, match=r"entry 'bad': doi .* is not a bare DOI"):
        citations.parse_references({"bad": entry})


def test_every_listed_work_is_cited_somewhere() -> None:
    references = citations.load_references(REFERENCES)
    cited: set[str] = set()
    for page in DOCS.rglob("*.md"):
        cited.update(citations.cited_keys(page.read_text(encoding="utf-8")))
    assert sorted(set(references) - cited) == [], "listed in references.yml but cited by no page"
    assert sorted(cited - set(references)) == [], "cited but not in references.yml"
