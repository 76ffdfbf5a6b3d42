"""Review dates that stay true, in a real build: a page's line follows its text, not a typed date."""

import datetime
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import PROJECT_ROOT

_TOOL = importlib.util.spec_from_file_location("record_reviews", PROJECT_ROOT / "scripts/dev/record_reviews.py")
assert _TOOL is not None and _TOOL.loader is not None
record_reviews = importlib.util.module_from_spec(_TOOL)
_TOOL.loader.exec_module(record_reviews)

WRITTEN = "2026-03-04T10:00:00+00:00"
EDITED = "2026-06-07T10:00:00+00:00"


def git(repo: Path, *args: str, when: str = WRITTEN) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    ident = ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *ident, *args], cwd=repo, env=env, check=True, capture_output=True)


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project / "mkdocs.yml")],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )


def review_line(project: Path, page: str) -> str:
    html = (project / "site" / page / "index.html").read_text(encoding="utf-8")
    lines = re.findall(r'<p class="page-reviewed">(.*?)</p>', html)
    assert len(lines) == 1, f"{page}: {len(lines)} review lines"
    return re.sub(r"<[^>]+>", "", lines[0])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A site in its own git repository (docs folder named "pages", to show any docs folder works)."""
    docs = tmp_path / "pages"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    for name in ("kept", "edited", "unrecorded"):
        (docs / f"{name}.md").write_text(f"# {name.title()}\n\nThe first words.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: t\ndocs_dir: pages\nsite_dir: site\n"
        f"theme:\n  name: material\n  language: en\n  custom_dir: {PROJECT_ROOT / 'overrides'}\n"
        "exclude_docs: _data/\n"
        f"hooks:\n  - {PROJECT_ROOT / 'scripts' / 'mkdocs_hooks.py'}\n",
        encoding="utf-8",
    )
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "Write the pages")
    record_reviews.main(["kept.md", "edited.md", "--docs", str(docs), "--date", "2026-05-06", "--reviewer", "Ana Ruiz"])
    return tmp_path


def test_a_pages_line_follows_its_text(project: Path) -> None:
    completed = build(project)
    assert completed.returncode == 0, completed.stderr
    reviewed = "Last reviewed: 6 May 2026, by Ana Ruiz. Next review due by 6 May 2027."
    assert review_line(project, "kept") == reviewed
    assert review_line(project, "edited") == reviewed
    # Never recorded: the day git last saw it change.
    assert review_line(project, "unrecorded") == "Written on 4 March 2026. This page has not been reviewed yet."

    # Edited, not yet committed: the build's day stands in for the change.
    edited = project / "pages" / "edited.md"
    edited.write_text("# Edited\n\nOther words.\n", encoding="utf-8")
    completed = build(project)
    assert completed.returncode == 0, completed.stderr
    today = datetime.date.today()
    assert review_line(project, "edited") == (
        f"Changed on {today.day} {today:%B %Y}, after its last review on 6 May 2026. "
        "This version has not been reviewed yet."
    )
    assert review_line(project, "kept") == reviewed

    # Committed: the commit's day.
    git(project, "commit", "-qam", "Edit a page", when=EDITED)
    completed = build(project)
    assert completed.returncode == 0, completed.stderr
    assert review_line(project, "edited").startswith("Changed on 7 June 2026, after its last review on 6 May 2026.")

    # Reviewed again: the new review shows.
    record_reviews.main(["edited.md", "--docs", str(project / "pages"), "--date", "2026-06-08"])
    completed = build(project)
    assert completed.returncode == 0, completed.stderr
    assert review_line(project, "edited") == "Last reviewed: 8 June 2026. Next review due by 8 June 2027."


def test_a_review_date_typed_into_front_matter_stops_the_build(project: Path) -> None:
    (project / "pages" / "kept.md").write_text("---\nreviewed: 2026-11-26\n---\n# Kept\n", encoding="utf-8")
    completed = build(project)
    assert completed.returncode != 0
    assert "kept.md: remove 'reviewed' from the front matter" in completed.stderr
    assert "run 'scripts/dev/record_reviews.py kept.md'" in completed.stderr
