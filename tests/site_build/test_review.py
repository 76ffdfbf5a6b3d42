"""Who wrote and reviewed the pages: the practice's statement and each page's review line."""

import datetime
import hashlib
import importlib.util
from pathlib import Path

import pytest
import yaml

from sitebuild import PROJECT_ROOT, review
from sitebuild.practice import PracticeConfigError, parse_practice

_TOOL = importlib.util.spec_from_file_location("record_reviews", PROJECT_ROOT / "scripts/dev/record_reviews.py")
assert _TOOL is not None and _TOOL.loader is not None
record_reviews = importlib.util.module_from_spec(_TOOL)
_TOOL.loader.exec_module(record_reviews)

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


def recorded_on(day: datetime.date, source: str, reviewer: str | None = None) -> dict[str, review.RecordedReview]:
    return {"x.md": review.RecordedReview(review.fingerprint(source), day, reviewer)}


def never_changed() -> datetime.date:
    raise AssertionError("a page reviewed as it stands needs no change date")


def test_a_page_reviewed_as_it_stands_shows_its_review_and_the_next_one_a_year_later() -> None:
    page = review.page_review("# X\n", "x.md", recorded_on(DAY, "# X\n"), never_changed)
    assert page.current and page.next_review == datetime.date(2027, 11, 26)
    assert review.review_line(page) == (
        '<p class="page-reviewed">Last reviewed: <time datetime="2026-11-26">26 November 2026</time>. '
        'Next review due by <time datetime="2027-11-26">26 November 2027</time>.</p>\n'
    )


def test_the_recorded_reviewer_is_named() -> None:
    page = review.page_review("# X\n", "x.md", recorded_on(DAY, "# X\n", "Ana Ruiz"), never_changed)
    assert "26 November 2026</time>, by Ana Ruiz. Next review due by" in review.review_line(page)


def test_a_page_changed_since_its_review_says_when_and_that_it_is_not_reviewed_yet() -> None:
    page = review.page_review("# X, changed\n", "x.md", recorded_on(DAY, "# X\n"), lambda: datetime.date(2026, 12, 3))
    assert not page.current
    assert review.review_line(page) == (
        '<p class="page-reviewed">Changed on <time datetime="2026-12-03">3 December 2026</time>, '
        'after its last review on <time datetime="2026-11-26">26 November 2026</time>. '
        "This version has not been reviewed yet.</p>\n"
    )


def test_a_page_never_reviewed_says_when_it_was_written() -> None:
    page = review.page_review("# X\n", "x.md", {}, lambda: datetime.date(2026, 12, 3))
    assert review.review_line(page) == (
        '<p class="page-reviewed">Written on <time datetime="2026-12-03">3 December 2026</time>. '
        "This page has not been reviewed yet.</p>\n"
    )


def test_the_fingerprint_is_the_first_16_hex_digits_of_the_markdowns_sha256() -> None:
    assert review.fingerprint("# X\n") == hashlib.sha256(b"# X\n").hexdigest()[:16]
    # A checkout with Windows line endings is the same text.
    assert review.fingerprint("# X\r\nY\r\n") == review.fingerprint("# X\nY\n")
    assert review.fingerprint("\ufeff# X\n") == review.fingerprint("# X\n")


@pytest.mark.parametrize("key", ["reviewed", "reviewer", "next_review"])
def test_review_dates_in_front_matter_are_refused_with_the_tool_to_run(key: str) -> None:
    message = (
        rf"x\.md: remove '{key}' from the front matter; review dates are recorded in _data/reviews\.yml inside the "
        r"docs folder\. After reviewing the page, run 'scripts/dev/record_reviews\.py x\.md'"
    )
    with pytest.raises(review.ReviewError, match=message):
        review.refuse_front_matter({key: DAY}, "x.md")


def test_no_reviews_record_means_no_page_is_reviewed(tmp_path: Path) -> None:
    assert review.load_reviews(tmp_path / "_data" / "reviews.yml") == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- about.md\n", r"reviews\.yml: expected one entry per page, such as 'about\.md:'"),
        ("about.md: 2026-11-26\n", r"reviews\.yml: about\.md: expected 'fingerprint', 'reviewed'"),
        ("about.md: {fingerprint: abc, reviewed: 2026-11-26}\n", r"about\.md: 'fingerprint' must be 16 hex digits"),
        ("about.md: {fingerprint: '0123456789abcdef', reviewed: soon}\n", r"about\.md: 'reviewed' must be a date"),
        ("about.md: {fingerprint: '0123456789abcdef', reviewed: 2026-11-26, by: Ana}\n", r"unknown field 'by'"),
    ],
)
def test_a_wrong_reviews_record_names_the_file_the_page_and_the_field(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "reviews.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(review.ReviewError, match=message):
        review.load_reviews(path)


# The recording tool


def test_the_tool_records_the_pages_fingerprint_day_and_reviewer(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "guide" / "page.md").write_text("# Page\n\nWords.\n", encoding="utf-8")
    (docs / "other.md").write_text("# Other\n", encoding="utf-8")
    exit_code = record_reviews.main(
        [str(docs / "guide" / "page.md"), "--docs", str(docs), "--date", "2026-11-26", "--reviewer", "Ana  Ruiz"]
    )
    assert exit_code == 0
    raw = yaml.safe_load((docs / "_data" / "reviews.yml").read_text(encoding="utf-8"))
    expected = hashlib.sha256(b"# Page\n\nWords.\n").hexdigest()[:16]
    assert raw == {"guide/page.md": {"fingerprint": expected, "reviewed": DAY, "reviewer": "Ana Ruiz"}}
    # What it writes is what the build reads: the page is reviewed as it stands.
    record = review.load_reviews(docs / "_data" / "reviews.yml")
    assert review.page_review("# Page\n\nWords.\n", "guide/page.md", record, never_changed).current
    assert record_reviews.unreviewed(docs) == ["other.md"]


def test_the_practices_own_reviews_go_to_its_own_folder_and_count_as_much(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text("# Page\n", encoding="utf-8")
    record_reviews.main(["page.md", "--docs", str(docs), "--date", "2026-11-26"])
    (docs / "page.md").write_text("# Page, changed\n", encoding="utf-8")
    assert record_reviews.unreviewed(docs) == ["page.md"]
    record_reviews.main(["page.md", "--docs", str(docs), "--date", "2026-12-02", "--practice", "--reviewer", "Ana"])
    assert record_reviews.unreviewed(docs) == []
    project = review.load_reviews(docs / "_data" / "reviews.yml")
    practice = review.load_reviews(docs / "practice" / "_data" / "reviews.yml")
    assert project["page.md"].reviewed == DAY  # the project's record is left as the project wrote it
    page = review.page_review("# Page, changed\n", "page.md", project, never_changed, practice)
    assert page.current and page.recorded == practice["page.md"]


def test_the_latest_review_covering_the_text_is_shown() -> None:
    later = recorded_on(datetime.date(2026, 12, 2), "# X\n", "Ana")
    page = review.page_review("# X\n", "x.md", recorded_on(DAY, "# X\n"), never_changed, later)
    assert page.recorded == later["x.md"]
    # A later review of older words does not cover the page as it stands.
    stale = recorded_on(datetime.date(2026, 12, 2), "# Old\n")
    assert review.page_review("# X\n", "x.md", recorded_on(DAY, "# X\n"), never_changed, stale).recorded.reviewed == DAY


def test_the_tool_names_a_page_that_is_not_in_the_docs_folder(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    with pytest.raises(SystemExit, match=r"nosuch\.md: no such page in .*docs/"):
        record_reviews.main(["nosuch.md", "--docs", str(tmp_path / "docs")])
