"""Who wrote and reviewed the pages: the practice's statement and each page's review line."""

import datetime

import pytest
import yaml

from sitebuild import PROJECT_ROOT, review
from sitebuild.practice import PracticeConfigError, parse_practice

MARKER = "<p>before</p>\n<!-- review: statement -->\n<p>after</p>"
DAY = datetime.date(2026, 11, 26)


def statement(settings: object, name: str = "Riverside") -> str:
    return review.expand(MARKER, review.parse_practice_review(settings, "practice.yml"), name, "about.md")


# The practice's statement


def test_without_settings_the_about_page_says_no_clinician_of_the_practice_has_reviewed_it() -> None:
    html = statement(None)
    assert "<strong>Clinical review:</strong> not yet reviewed by a clinician at Riverside." in html
    assert "The practice has not named an author of its own." in html
    assert html.count("not stated by the practice.") == 2  # funding and conflicts
    assert "<!--" not in html and html.startswith("<p>before</p>") and html.endswith("<p>after</p>")


def test_named_author_reviewer_funding_and_conflicts_are_shown() -> None:
    html = statement(
        {
            "author": "Dr Sam Lee",
            "reviewer": "Ana Ruiz",
            "reviewer_qualifications": "Registered counselling psychologist",
            "funding": "Paid for by the practice",
            "conflicts": "None",
        }
    )
    assert "<strong>Written by:</strong> Dr Sam Lee</li>" in html
    assert "<strong>Clinical review:</strong> Ana Ruiz (Registered counselling psychologist)</li>" in html
    assert "Paid for by the practice</li>" in html and "<strong>Conflicts of interest:</strong> None</li>" in html
    assert "not yet reviewed" not in html and "not stated" not in html


def test_text_is_escaped_and_white_space_tidied() -> None:
    html = statement({"author": "Lee & Ruiz\n   Partners"})
    assert "<strong>Written by:</strong> Lee &amp; Ruiz Partners</li>" in html


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("Dr Lee", r"practice\.yml: review: must be a set of 'key: value' settings"),
        ({"reviwer": "Ana"}, r"practice\.yml: review\.reviwer: unknown setting \(allowed: author, reviewer, "),
        ({"author": 42}, r'practice\.yml: review\.author must be text: put it in quotes, for example "42"'),
        ({"author": "<b>Lee</b>"}, r"practice\.yml: review\.author: '<b>Lee</b>' cannot contain <, > or \""),
        ({"funding": "x" * 301}, r"practice\.yml: review\.funding is 301 characters long; keep it under 300"),
        ({"reviewer_qualifications": "PhD"}, r"review\.reviewer_qualifications: give review\.reviewer too"),
    ],
)
def test_a_wrong_review_setting_names_it(settings: object, message: str) -> None:
    with pytest.raises(review.ReviewError, match=message):
        review.parse_practice_review(settings, "practice.yml")


def test_the_practice_file_carries_the_review_and_its_errors() -> None:
    practice = parse_practice({"name": "Riverside", "review": {"reviewer": "Ana Ruiz"}}, "practice.yml")
    assert practice.review.reviewer == "Ana Ruiz" and practice.review.clinically_reviewed
    assert not parse_practice({"name": "Riverside"}, "practice.yml").review.clinically_reviewed
    with pytest.raises(PracticeConfigError, match=r"practice\.yml: review\.reviwer: unknown setting"):
        parse_practice({"name": "Riverside", "review": {"reviwer": "Ana"}}, "practice.yml")


def test_the_projects_practice_file_states_no_review_yet() -> None:
    """The shipped practice.yml leaves every review field empty, so the honest default shows."""
    raw = yaml.safe_load((PROJECT_ROOT / "practice.yml").read_text(encoding="utf-8"))
    assert not review.parse_practice_review(raw.get("review"), "practice.yml").clinically_reviewed


def test_an_unknown_review_marker_names_the_page() -> None:
    with pytest.raises(review.ReviewError, match=r"about\.md: unknown review detail 'authors' \(known: statement\)"):
        review.expand("<!-- review: authors -->", review.PracticeReview(), "Riverside", "about.md")


# A page's review line


def test_a_page_is_due_a_review_a_year_after_its_last_one() -> None:
    page = review.page_review({"reviewed": DAY}, "x.md")
    assert page == review.PageReview(DAY, None, datetime.date(2027, 11, 26))
    line = review.review_line(page)
    assert line == (
        '<p class="page-reviewed">Last reviewed: <time datetime="2026-11-26">26 November 2026</time>. '
        'Next review due by <time datetime="2027-11-26">26 November 2027</time>.</p>\n'
    )


def test_reviewer_and_next_review_from_front_matter_are_shown() -> None:
    page = review.page_review({"reviewed": "2026-11-26", "reviewer": "Ana Ruiz", "next_review": "2027-05-01"}, "x.md")
    line = review.review_line(page)
    assert "26 November 2026</time>, by Ana Ruiz. Next review due by" in line
    assert '<time datetime="2027-05-01">1 May 2027</time>' in line


def test_no_review_date_no_line() -> None:
    assert review.page_review({}, "x.md") is None


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"reviewed": "last week"}, r"x\.md: 'reviewed' must be a date such as 2026-11-26, not 'last week'"),
        ({"reviewed": DAY, "next_review": "soon"}, r"x\.md: 'next_review' must be a date"),
        ({"reviewed": DAY, "next_review": DAY}, r"x\.md: 'next_review' \(2026-11-26\) must come after 'reviewed'"),
        ({"reviewed": DAY, "next_review": datetime.date(2029, 1, 1)}, r"more than two years after 'reviewed'"),
        ({"reviewer": "Ana"}, r"x\.md: 'reviewer' needs 'reviewed' too"),
        ({"next_review": DAY}, r"x\.md: 'next_review' needs 'reviewed' too"),
        ({"reviewed": DAY, "reviewer": ["Ana"]}, r"x\.md: 'reviewer' must be text"),
        ({"reviewed": DAY, "reviewer": "<i>Ana</i>"}, r"cannot contain <, > or \""),
    ],
)
def test_a_wrong_review_field_names_the_page_and_the_field(meta: dict, message: str) -> None:
    with pytest.raises(review.ReviewError, match=message):
        review.page_review(meta, "x.md")
