"""Who wrote and reviewed the pages: the practice's statement and each page's review line.

Two sources, both validated at build time:

- ``practice.yml`` ``review:`` names the author, the clinical reviewer and their
  qualifications, funding and conflicts of interest. Every field is optional;
  left empty, the About page says honestly what is missing (above all, that no
  clinician of the practice has reviewed the pages yet). A page asks for this
  statement with ``<!-- review: statement -->``.
- ``_data/reviews.yml`` in the docs folder (and the practice's own
  ``practice/_data/reviews.yml``, for its reviews of any page) records, per page, the fingerprint of
  the Markdown that was reviewed, the day and (when known) who reviewed it. It
  is written by ``scripts/dev/record_reviews.py``, never by hand. A page's line
  shows that review only while the page's text is still the one reviewed; a page
  changed since, or never reviewed, says so with the day it last changed (from
  git, or the build date). Review dates typed into front matter are refused, so
  a date can no longer outlive the text it vouched for.
"""

import datetime
import hashlib
import re
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitebuild import BuildError, templates, words

#: Pages are reviewed at least this often: a review's next one is due this long after it.
REVIEW_INTERVAL = datetime.timedelta(days=365)
#: The reviews record, inside the docs folder (not published: ``_data/`` is excluded).
REVIEWS_FILE = Path("_data/reviews.yml")
#: The practice's own record, in its own folder, which updates from the project never change.
PRACTICE_REVIEWS_FILE = Path("practice/_data/reviews.yml")
RECORD_TOOL = "scripts/dev/record_reviews.py"
FINGERPRINT_LENGTH = 16
#: Front matter keys that once held typed review dates.
RETIRED_KEYS = ("reviewed", "reviewer", "next_review")
PRACTICE_FIELDS = ("author", "reviewer", "reviewer_qualifications", "funding", "conflicts")
STATEMENT_MARKER = re.compile(r"<!--\s*review:\s*(?P<name>[a-z-]+)\s*-->")
STATEMENT_TEMPLATE = "partials/review/statement.html"
# Text from settings and the record is printed into HTML (escaped); markup characters are refused outright.
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
class RecordedReview:
    """One page's entry in the reviews record: what the reviewed text was, when, and by whom."""

    fingerprint: str
    reviewed: datetime.date
    reviewer: str | None = None


@dataclass(frozen=True)
class PageReview:
    """What a page's review line says.

    ``recorded`` is the page's last recorded review (``None`` if it was never
    reviewed); ``changed`` is the day its text last changed when that text is
    not the one reviewed (``None`` when the review covers the page as it stands).
    """

    recorded: RecordedReview | None
    changed: datetime.date | None

    @property
    def current(self) -> bool:
        return self.changed is None

    @property
    def next_review(self) -> datetime.date | None:
        return self.recorded.reviewed + REVIEW_INTERVAL if self.recorded else None


def fingerprint(source: str) -> str:
    """The page's fingerprint: sha256 of its Markdown, 16 hex digits.

    The text is taken as MkDocs reads it: without a byte-order mark, line endings as Unix writes them.
    """
    text = source.removeprefix("\ufeff").replace("\r\n", "\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def load_reviews(path: Path) -> dict[str, RecordedReview]:
    """The reviews record (page path inside the docs folder -> its review); none yet if the file is missing."""
    if not path.is_file():
        return {}
    source_file = path.as_posix()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ReviewError(f"{source_file} is not valid YAML ({error}); run {RECORD_TOOL} again to rewrite it") from None
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise ReviewError(
            f"{source_file}: expected one entry per page, such as 'about.md:'; run {RECORD_TOOL} to rewrite it"
        )
    return {str(page): _recorded(entry, f"{source_file}: {page}") for page, entry in raw.items()}


def _recorded(entry: object, entry_at: str) -> RecordedReview:
    if not isinstance(entry, Mapping):
        raise ReviewError(f"{entry_at}: expected 'fingerprint', 'reviewed' and optionally 'reviewer'")
    unknown = [key for key in entry if key not in ("fingerprint", "reviewed", "reviewer")]
    if unknown:
        raise ReviewError(f"{entry_at}: unknown field '{unknown[0]}' (allowed: fingerprint, reviewed, reviewer)")
    print_ = entry.get("fingerprint")
    if not isinstance(print_, str) or not re.fullmatch(f"[0-9a-f]{{{FINGERPRINT_LENGTH}}}", print_):
        raise ReviewError(
            f"{entry_at}: 'fingerprint' must be {FINGERPRINT_LENGTH} hex digits, as {RECORD_TOOL} writes it; "
            "run the tool again for this page"
        )
    reviewed = as_date(entry.get("reviewed"), entry_at, "reviewed")
    return RecordedReview(print_, reviewed, _text(entry.get("reviewer"), f"{entry_at}: 'reviewer'"))


def refuse_front_matter(meta: Mapping[str, object], page: str) -> None:
    """Review dates are no longer typed into pages: they are recorded with the text they cover."""
    for key in RETIRED_KEYS:
        if key in meta:
            raise ReviewError(
                f"{page}: remove '{key}' from the front matter; review dates are recorded in "
                f"{REVIEWS_FILE.as_posix()} inside the docs folder. After reviewing the page, run "
                f"'{RECORD_TOOL} {page}' (add --reviewer \"Your Name\" to be named)"
            )


def page_review(
    source: str,
    page: str,
    recorded: Mapping[str, RecordedReview],
    last_changed: Callable[[], datetime.date],
    practice_recorded: Mapping[str, RecordedReview] | None = None,
) -> PageReview:
    """The page's review: the latest one that covers ``source`` as it stands, else when the text changed.

    ``recorded`` is the project's record and ``practice_recorded`` the practice's own
    (its reviews of any page, kept apart so that taking the project's updates never
    conflicts with them). ``last_changed`` is asked only when no review covers the
    text as it stands (it may run git).
    """
    entries = [record[page] for record in (recorded, practice_recorded or {}) if page in record]
    current = [entry for entry in entries if entry.fingerprint == fingerprint(source)]
    if current:
        return PageReview(max(current, key=lambda entry: entry.reviewed), None)
    latest = max(entries, key=lambda entry: entry.reviewed, default=None)
    return PageReview(latest, last_changed())


def last_changed(path: Path, today: datetime.date | None = None) -> datetime.date:
    """The day ``path`` last changed: its last commit's date, or ``today`` if it has changes not committed yet.

    Without git or history (a copy outside git, a shallow clone's missing past) the build date stands in.
    """
    today = today or datetime.date.today()
    folder = path.parent
    try:
        status = _git(folder, "status", "--porcelain", "--", path.name)
        if status is None or status.strip():
            return today
        day = _git(folder, "log", "-1", "--format=%cs", "--", path.name)
    except OSError:
        return today
    try:
        return datetime.date.fromisoformat(day.strip()) if day and day.strip() else today
    except ValueError:
        return today


def _git(folder: Path, *args: str) -> str | None:
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=False)
    return done.stdout if done.returncode == 0 else None


def as_date(value: object, page: str, key: str) -> datetime.date:
    """A date from YAML (YAML gives a date; a string must be ISO)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ReviewError(f"{page}: '{key}' must be a date such as 2026-11-26, not {value!r}") from None


def review_line(review: PageReview) -> str:
    """The visible, machine-readable review line: the last review, or that the text changed since."""
    line = templates.render("partials/review/line.html", review=review, shown=_shown)
    return " ".join(line.split()) + "\n"


def expand(html: str, review: PracticeReview, practice_name: str, page_source: str) -> str:
    """Fill in ``<!-- review: statement -->`` with the practice's statement of authorship and review."""

    def statement(match: re.Match[str]) -> str:
        if match["name"] != "statement":
            raise ReviewError(f"{page_source}: unknown review detail '{match['name']}' (known: statement)")
        return templates.render(STATEMENT_TEMPLATE, review=review, practice_name=practice_name)

    return STATEMENT_MARKER.sub(statement, html)


def parse_reviewer(value: object, setting_at: str) -> str | None:
    """A reviewer's name as a page shows it (text without markup, white space tidied)."""
    return _text(value, setting_at)


MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def _shown(date: datetime.date) -> str:
    """A date as the site's language writes it in full (``26 November 2026``), from the interface words."""
    review_words = templates.current_words().review
    month = getattr(review_words.months, MONTHS[date.month - 1])
    return words.fill_text(review_words.date, day=date.day, month=month, year=date.year)


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
