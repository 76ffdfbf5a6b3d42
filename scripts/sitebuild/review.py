"""Who wrote and reviewed the pages: the practice's statement and each page's review line.

Two sources, both validated at build time:

- ``practice.yml`` ``review:`` names the author, the clinical reviewer and their
  qualifications, funding and conflicts of interest. Every field is optional;
  left empty, the About page says honestly what is missing (above all, that no
  clinician of the practice has reviewed the pages yet). A page asks for this
  statement with ``<!-- review: statement -->``.
- A page's front matter gives ``reviewed`` (a date, required by the content
  tests), and optionally ``reviewer`` (who reviewed it) and ``next_review`` (a
  date after ``reviewed``; by default a year after it, since every page is
  reviewed at least once a year). They are shown together in the "Last
  reviewed" line at the bottom of the page.
"""

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass

from sitebuild import BuildError, templates

#: Pages are reviewed at least this often, so a page without ``next_review`` is due this long after ``reviewed``.
REVIEW_INTERVAL = datetime.timedelta(days=365)
#: The longest a page may go between reviews, whatever its ``next_review`` says.
LONGEST_INTERVAL = datetime.timedelta(days=2 * 365)
PRACTICE_FIELDS = ("author", "reviewer", "reviewer_qualifications", "funding", "conflicts")
STATEMENT_MARKER = re.compile(r"<!--\s*review:\s*(?P<name>[a-z-]+)\s*-->")
STATEMENT_TEMPLATE = "partials/review/statement.html"
# Text from settings and front matter is printed into HTML (escaped); markup characters are refused outright.
_MARKUP = re.compile(r"[<>\"]")
_LONGEST_TEXT = 300


class ReviewError(BuildError):
    """A review field is wrong; the message names the file and the field."""


@dataclass(frozen=True)
class PracticeReview:
    """The practice's statement of who wrote and reviewed its pages. ``None`` means not given."""

    author: str | None = None
    reviewer: str | None = None
    reviewer_qualifications: str | None = None
    funding: str | None = None
    conflicts: str | None = None

    @property
    def clinically_reviewed(self) -> bool:
        return self.reviewer is not None


def parse_practice_review(raw: object, settings_file: str) -> PracticeReview:
    """Validate the ``review:`` setting of the practice file (``settings_file`` is its name, for messages)."""
    if raw is None:
        return PracticeReview()
    if not isinstance(raw, Mapping):
        raise ReviewError(
            f"{settings_file}: review: must be a set of 'key: value' settings ({', '.join(PRACTICE_FIELDS)})"
        )
    for key in raw:
        if key not in PRACTICE_FIELDS:
            raise ReviewError(f"{settings_file}: review.{key}: unknown setting (allowed: {', '.join(PRACTICE_FIELDS)})")
    values = {key: _text(raw.get(key), f"{settings_file}: review.{key}") for key in PRACTICE_FIELDS}
    if values["reviewer_qualifications"] and not values["reviewer"]:
        raise ReviewError(
            f"{settings_file}: review.reviewer_qualifications: "
            "give review.reviewer too (whose qualifications are these?)"
        )
    return PracticeReview(**values)


@dataclass(frozen=True)
class PageReview:
    """A page's review: when, by whom (if named) and when it is next due."""

    reviewed: datetime.date
    reviewer: str | None
    next_review: datetime.date


def page_review(meta: Mapping[str, object], page: str) -> PageReview | None:
    """The page's review from its front matter, or ``None`` when it gives no ``reviewed`` date."""
    if meta.get("reviewed") is None:
        for key in ("reviewer", "next_review"):
            if meta.get(key) is not None:
                raise ReviewError(f"{page}: '{key}' needs 'reviewed' too (the date the page was last reviewed)")
        return None
    reviewed = as_date(meta["reviewed"], page, "reviewed")
    reviewer = _text(meta.get("reviewer"), f"{page}: 'reviewer'")
    next_review = reviewed + REVIEW_INTERVAL
    if meta.get("next_review") is not None:
        next_review = as_date(meta["next_review"], page, "next_review")
        if next_review <= reviewed:
            raise ReviewError(f"{page}: 'next_review' ({next_review}) must come after 'reviewed' ({reviewed})")
        if next_review - reviewed > LONGEST_INTERVAL:
            raise ReviewError(
                f"{page}: 'next_review' ({next_review}) is more than two years after 'reviewed' ({reviewed}); "
                "pages are reviewed at least once a year"
            )
    return PageReview(reviewed, reviewer, next_review)


def as_date(value: object, page: str, key: str) -> datetime.date:
    """A front matter date (YAML gives a date; a string must be ISO)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ReviewError(f"{page}: '{key}' must be a date such as 2026-11-26, not {value!r}") from None


def review_line(review: PageReview) -> str:
    """The visible, machine-readable "Last reviewed" line."""
    return templates.render("partials/review/line.html", review=review, shown=_shown).strip() + "\n"


def expand(html: str, review: PracticeReview, practice_name: str, page_source: str) -> str:
    """Fill in ``<!-- review: statement -->`` with the practice's statement of authorship and review."""

    def statement(match: re.Match[str]) -> str:
        if match["name"] != "statement":
            raise ReviewError(f"{page_source}: unknown review detail '{match['name']}' (known: statement)")
        return templates.render(STATEMENT_TEMPLATE, review=review, practice_name=practice_name)

    return STATEMENT_MARKER.sub(statement, html)


def _shown(date: datetime.date) -> str:
    return f"{date.day} {date:%B %Y}"


def _text(value: object, setting_at: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReviewError(f'{setting_at} must be text: put it in quotes, for example "{value}"')
    if _MARKUP.search(value):
        raise ReviewError(f"{setting_at}: {value!r} cannot contain <, > or \" (use ' or “ ” for quotes)")
    text = " ".join(value.split())
    if len(text) > _LONGEST_TEXT:
        raise ReviewError(f"{setting_at} is {len(text)} characters long; keep it under {_LONGEST_TEXT}")
    return text or None
