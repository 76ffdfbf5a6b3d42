"""GitHub workflows are valid against the published workflow schema (checked offline) and do what we rely on.

The workflows are read as YAML, so a comment or a disabled step cannot satisfy a check.
"""

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from sitebuild import PROJECT_ROOT

WORKFLOWS = sorted((PROJECT_ROOT / ".github" / "workflows").glob("*.yml"))
EXACT_RELEASE = re.compile(r"^v?\d+\.\d+\.\d+$")
COMMIT = re.compile(r"^[0-9a-f]{40}$")


def read(workflow: Path) -> dict:
    return yaml.safe_load(workflow.read_text(encoding="utf-8"))


def steps(workflow: dict) -> Iterator[dict]:
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def action(step: dict) -> str:
    """The action a step uses, without its version (``actions/checkout``), or "" for a ``run`` step."""
    return step.get("uses", "").split("@")[0]


def deploy_workflow() -> dict:
    deploying = [data for data in map(read, WORKFLOWS) if any(action(s) == "actions/deploy-pages" for s in steps(data))]
    assert len(deploying) == 1, "expected one workflow that deploys to GitHub Pages"
    return deploying[0]


def test_there_is_a_deploy_workflow() -> None:
    deploy_workflow()


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
    commands = [line.strip() for step in steps(deploy_workflow()) for line in step.get("run", "").splitlines()]
    assert "make build" in commands


def test_the_built_site_is_what_is_uploaded() -> None:
    uploads = [s for s in steps(deploy_workflow()) if action(s) == "actions/upload-pages-artifact"]
    assert [step.get("with", {}).get("path") for step in uploads] == ["site"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_exact_releases(workflow: Path) -> None:
    data = read(workflow)
    used = [step["uses"] for step in steps(data) if "uses" in step]
    used += [job["uses"] for job in data["jobs"].values() if "uses" in job]  # reusable workflows
    for reference in used:
        version = reference.partition("@")[2]
        assert EXACT_RELEASE.match(version) or COMMIT.match(version), f"{workflow.name}: {reference}"


def test_deploy_caches_pip_and_npm() -> None:
    setups = {action(step): step.get("with", {}) for step in steps(deploy_workflow())}
    assert setups["actions/setup-python"].get("cache") == "pip"
    assert setups["actions/setup-node"].get("cache") == "npm"
