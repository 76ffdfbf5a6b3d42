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


def test_the_build_has_the_whole_history_for_the_days_pages_changed() -> None:
    checkouts = [s for s in steps(deploy_workflow()) if action(s) == "actions/checkout"]
    assert [step.get("with", {}).get("fetch-depth") for step in checkouts] == [0]


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


# The first run after "Use this template" comes before GitHub Pages is on: configure-pages fails.
DEPLOY = next(w for w in WORKFLOWS if "deploy-pages" in w.read_text())
NOTICE_SCRIPT = PROJECT_ROOT / ".github" / "scripts" / "pages-not-enabled.sh"
_COMPARISON = re.compile(r"^\s*(?:\$\{\{)?\s*(?P<left>[\w.-]+)\s*(?P<op>==|!=)\s*'(?P<right>[^']*)'\s*(?:\}\})?\s*$")


def evaluate(expression: str, context: dict[str, str]) -> bool:
    """GitHub's expression for the one form these conditions use: ``name == 'text'`` or ``!=``."""
    match = _COMPARISON.match(expression)
    assert match, f"condition outside the tested form: {expression!r}"
    equal = context[match["left"]] == match["right"]
    return equal if match["op"] == "==" else not equal


def run_of(pages_outcome: str) -> dict[str, bool]:
    """Which steps and jobs of the deploy workflow run, when configure-pages ends with ``pages_outcome``."""
    workflow = yaml.safe_load(DEPLOY.read_text())
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    step_context = {"steps.pages.outcome": pages_outcome}
    ran = {
        step.get("name") or step.get("uses", "").split("@")[0]: evaluate(step["if"], step_context)
        if "if" in step
        else True
        for step in build["steps"]
    }
    output = str(evaluate(build["outputs"]["pages-enabled"], step_context)).lower()
    ran["deploy job"] = deploy["needs"] == "build" and evaluate(
        deploy["if"], {"needs.build.outputs.pages-enabled": output}
    )
    return ran


def test_configure_pages_failing_does_not_fail_the_run() -> None:
    steps = yaml.safe_load(DEPLOY.read_text())["jobs"]["build"]["steps"]
    pages = next(step for step in steps if step.get("id") == "pages")
    assert pages["uses"].startswith("actions/configure-pages@") and pages["continue-on-error"] is True


def test_before_pages_is_on_the_site_is_built_and_the_run_explains_instead_of_deploying() -> None:
    ran = run_of("failure")
    assert ran["Build"] and ran["actions/upload-pages-artifact"]
    assert ran["Explain how to switch GitHub Pages on"]
    assert not ran["deploy job"]


def test_once_pages_is_on_the_site_is_deployed_without_the_notice() -> None:
    ran = run_of("success")
    assert ran["Build"] and ran["deploy job"]
    assert not ran["Explain how to switch GitHub Pages on"]


def test_the_notice_says_what_to_click_and_to_re_run(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    settings = "https://github.com/harbour/therapy-guide/settings/pages"
    run = "https://github.com/harbour/therapy-guide/actions/runs/42"
    completed = subprocess.run(
        ["bash", str(NOTICE_SCRIPT)],
        env={
            "PATH": "/usr/bin:/bin",
            "PAGES_SETTINGS_URL": settings,
            "RUN_URL": run,
            "GITHUB_STEP_SUMMARY": str(summary),
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    annotation = completed.stdout.strip()
    assert annotation.startswith("::notice title=Switch GitHub Pages on, then re-run::")
    assert "\n" not in annotation  # one workflow command, one line
    for words in (settings, "set Source to GitHub Actions", "Re-run all jobs", run):
        assert words in annotation
    text = summary.read_text()
    assert f"[**Settings**, then **Pages**]({settings})" in text
    assert "set **Source** to **GitHub Actions**" in text and "**Re-run all jobs**" in text
    assert f"[this run]({run})" in text


def test_the_build_gets_the_address_the_site_will_have_even_before_pages_is_on() -> None:
    steps = yaml.safe_load(DEPLOY.read_text())["jobs"]["build"]["steps"]
    site_url = next(step for step in steps if step.get("name") == "Build")["env"]["SITE_URL"]
    assert "steps.pages.outputs.base_url" in site_url
    assert "format('https://{0}.github.io/{1}/', github.repository_owner, github.event.repository.name)" in site_url
