"""GitHub workflows are valid against the published workflow schema (checked offline)."""

import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import PROJECT_ROOT

WORKFLOWS = sorted((PROJECT_ROOT / ".github" / "workflows").glob("*.yml"))


def test_there_is_a_deploy_workflow() -> None:
    assert any("deploy-pages" in w.read_text() for w in WORKFLOWS)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_the_github_schema(workflow: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_workflow_builds_with_the_makefile_target() -> None:
    deploy = next(w for w in WORKFLOWS if "deploy-pages" in w.read_text())
    assert "make build" in deploy.read_text()


def test_actions_are_pinned_to_exact_releases() -> None:
    for workflow in WORKFLOWS:
        for line in workflow.read_text().splitlines():
            if "uses:" in line:
                reference = line.split("uses:")[1].strip().split("@")[1]
                assert reference.count(".") == 2 or len(reference) == 40, f"{workflow.name}: {line.strip()}"


def test_deploy_caches_pip_and_npm() -> None:
    deploy = next(w for w in WORKFLOWS if "deploy-pages" in w.read_text()).read_text()
    assert "cache: pip" in deploy and "cache: npm" in deploy
