"""Record that pages were reviewed: their fingerprint, the day and who reviewed them.

Run from the repository root after reviewing a page (checking its numbers
against their sources, its links and its reading level):

    .venv/bin/python scripts/dev/record_reviews.py docs/about.md --reviewer "Ana Ruiz"

Each page named gets an entry in ``_data/reviews.yml`` inside its docs folder
(``--docs``, default ``docs``): the fingerprint of its Markdown as it stands,
the day (``--date``, default today) and, with ``--reviewer``, who reviewed it.
The site shows that review on the page for as long as its text stays the same.
A practice records its own reviews with ``--practice``: they go into
``practice/_data/reviews.yml``, the practice's own folder, so taking the
project's updates never conflicts with them.
``--all`` records every page; with no page named, the tool lists the pages
whose text is not the one last reviewed, and records nothing.
"""

import argparse
import datetime
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import yaml

# Runs as a plain script from the repository root: the build's own functions decide what a fingerprint is.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sitebuild import review

HEADER = """\
# Which text of each page was reviewed, on which day and by whom (page -> its
# fingerprint, the sha256 of its Markdown). A page shows this review only while
# its text still has this fingerprint. Written by scripts/dev/record_reviews.py
# after a review: run it rather than editing this file.
"""


def docs_pages(docs: Path) -> list[str]:
    """Every page in the docs folder, as MkDocs names it; folders starting with _ or . are not published."""
    pages = []
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs)
        if not any(part.startswith(("_", ".")) for part in relative.parts):
            pages.append(relative.as_posix())
    return pages


def page_name(argument: str, docs: Path) -> str:
    """A page as given on the command line (``docs/about.md`` or ``about.md``), as the record names it."""
    path = Path(argument)
    if path.is_file() and path.resolve().is_relative_to(docs.resolve()):
        return path.resolve().relative_to(docs.resolve()).as_posix()
    if (docs / path).is_file():
        return path.as_posix()
    raise SystemExit(f"{argument}: no such page in {docs}/ (name a Markdown file, such as {docs}/about.md)")


def recorded(
    record: Mapping[str, review.RecordedReview],
    docs: Path,
    pages: Iterable[str],
    day: datetime.date,
    reviewer: str | None,
) -> dict[str, review.RecordedReview]:
    """``record`` with each of ``pages`` recorded as reviewed on ``day`` by ``reviewer``, as its text stands."""
    updated = dict(record)
    for page in pages:
        source = (docs / page).read_text(encoding="utf-8")
        updated[page] = review.RecordedReview(review.fingerprint(source), day, reviewer)
    return updated


def unreviewed(docs: Path) -> list[str]:
    """The pages no review covers as they stand (in the project's record or the practice's), as the build sees them."""
    project = review.load_reviews(docs / review.REVIEWS_FILE)
    practice = review.load_reviews(docs / review.PRACTICE_REVIEWS_FILE)
    stale = []
    for page in docs_pages(docs):
        source = (docs / page).read_text(encoding="utf-8")
        if not review.page_review(source, page, project, datetime.date.today, practice).current:
            stale.append(page)
    return stale


class _PlainDumper(yaml.SafeDumper):
    """Writes each date out in full: no YAML anchors (&id001) where two pages share a day."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def as_yaml(record: Mapping[str, review.RecordedReview]) -> str:
    entries = {}
    for page in sorted(record):
        entry = record[page]
        fields: dict[str, object] = {"fingerprint": entry.fingerprint, "reviewed": entry.reviewed}
        if entry.reviewer:
            fields["reviewer"] = entry.reviewer
        entries[page] = fields
    return HEADER + yaml.dump(entries, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", help="the pages you reviewed, such as docs/about.md")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the docs folder (default: docs)")
    parser.add_argument(
        "--practice", action="store_true", help="record in the practice's own record (docs/practice/_data/)"
    )
    parser.add_argument("--all", action="store_true", help="record every page of the docs folder")
    parser.add_argument("--reviewer", help="who reviewed the pages, as the page should name them")
    parser.add_argument(
        "--date",
        type=datetime.date.fromisoformat,
        default=datetime.date.today(),
        help="the day of the review, such as 2026-12-01 (default: today)",
    )
    args = parser.parse_args(argv)
    path = args.docs / (review.PRACTICE_REVIEWS_FILE if args.practice else review.REVIEWS_FILE)
    try:
        record = review.load_reviews(path)
        reviewer = review.parse_reviewer(args.reviewer, "--reviewer")
    except review.ReviewError as error:
        print(error, file=sys.stderr)
        return 2
    if not args.pages and not args.all:
        stale = unreviewed(args.docs)
        print("\n".join(stale) if stale else f"Every page in {args.docs}/ is reviewed as it stands.")
        return 0
    pages = docs_pages(args.docs) if args.all else [page_name(page, args.docs) for page in args.pages]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(as_yaml(recorded(record, args.docs, pages, args.date, reviewer)), encoding="utf-8")
    print(f"Recorded {len(pages)} page(s) as reviewed on {args.date.isoformat()} in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
