"""GitHub workflows are valid against the published workflow schema (checked offline)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

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
