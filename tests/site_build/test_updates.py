"""Taking an update from the original project: a merge that never touches the practice's own files."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from sitebuild import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / ".github" / "scripts" / "take-update.sh"
WORKFLOW = PROJECT_ROOT / ".github" / "workflows" / "update.yml"


def git(repo: Path, *args: str) -> str:
    completed = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return completed.stdout


def write(repo: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(text, encoding="utf-8")


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def take_update(copy: Path, upstream: Path) -> str:
    completed = subprocess.run(
        ["bash", str(copy / ".github" / "scripts" / "take-update.sh"), str(upstream), "main"],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
        env={
            "PATH": "/usr/bin:/bin",
            "GIT_AUTHOR_NAME": "Bot",
            "GIT_AUTHOR_EMAIL": "b@example.org",
            "GIT_COMMITTER_NAME": "Bot",
            "GIT_COMMITTER_EMAIL": "b@example.org",
            "HOME": str(copy.parent),
        },
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return completed.stdout


@pytest.fixture
def project_and_copy(tmp_path: Path) -> tuple[Path, Path]:
    upstream, copy = tmp_path / "project", tmp_path / "copy"
    upstream.mkdir()
    git(upstream, "init", "-q")
    write(
        upstream,
        {
            "practice.yml": "# Your settings.\nname: Your therapy relationship\n",
            "docs/index.md": "# Home\n\nA claim [@smith2019].\n",
            "docs/research.md": "# Research\n\nFirst version.\n",
            ".gitattributes": (PROJECT_ROOT / ".gitattributes").read_text(),
        },
    )
    (upstream / ".github" / "scripts").mkdir(parents=True)
    shutil.copy(SCRIPT, upstream / ".github" / "scripts" / "take-update.sh")
    commit(upstream, "Project")
    # "Use this template": the same files in a new repository, with no shared history.
    shutil.copytree(upstream, copy, ignore=shutil.ignore_patterns(".git"))
    git(copy, "init", "-q")
    commit(copy, "Initial commit")
    write(copy, {"practice.yml": "# Your settings.\nname: Harbour Therapy\n", "docs/practice/fees.md": "# Fees\n"})
    commit(copy, "Our settings and fees page")
    # Meanwhile the project corrects a citation, changes the template's comments and adds a page.
    write(
        upstream,
        {
            "practice.yml": "# Your settings, explained in PUBLISHING.md.\nname: Your therapy relationship\n",
            "docs/index.md": "# Home\n\nA claim [@smith2020].\n",
            "docs/new.md": "# New page\n",
        },
    )
    commit(upstream, "Correct a citation")
    return upstream, copy


def test_an_update_merges_the_projects_changes_and_keeps_the_practices_files(
    project_and_copy: tuple[Path, Path],
) -> None:
    upstream, copy = project_and_copy
    assert "Merged" in take_update(copy, upstream)
    assert git(copy, "branch", "--show-current").strip() == "update-from-project"
    assert (copy / "practice.yml").read_text() == "# Your settings.\nname: Harbour Therapy\n"
    assert (copy / "docs/practice/fees.md").read_text() == "# Fees\n"
    assert "[@smith2020]" in (copy / "docs/index.md").read_text()
    assert (copy / "docs/new.md").is_file()
    assert git(copy, "status", "--porcelain") == ""
    # The next update is an ordinary merge; with nothing new it says so.
    write(upstream, {"docs/research.md": "# Research\n\nSecond version.\n"})
    commit(upstream, "Revise research")
    assert "Merged" in take_update(copy, upstream)
    assert "Second version" in (copy / "docs/research.md").read_text()
    assert (copy / "practice.yml").read_text() == "# Your settings.\nname: Harbour Therapy\n"
    assert "Already up to date" in take_update(copy, upstream)


def test_the_update_workflow_runs_on_a_schedule_and_by_hand_and_opens_a_pull_request() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert "schedule" in triggers and "workflow_dispatch" in triggers
    steps = workflow["jobs"]["update"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0  # the merge needs the copy's whole history
    merge = next(step for step in steps if step.get("id") == "merge")
    assert ".github/scripts/take-update.sh" in merge["run"]
    pull_request = next(step for step in steps if "gh pr create" in step.get("run", ""))
    assert pull_request["if"] == "steps.merge.outputs.changed == 'true'"
    assert workflow["permissions"] == {"contents": "write", "pull-requests": "write"}
