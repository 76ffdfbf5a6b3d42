"""Run the package inside real Pyodide under Node, from the built wheel."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sitebuild import runtime, wheel

pytestmark = pytest.mark.pyodide

CHECKS_DIR = Path(__file__).parent
CHECK_MODULES = ["checks_package", "checks_scoring", "checks_history"]


@pytest.fixture(scope="module")
def lock_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and a lock file listing it, as the site ships them."""
    directory = tmp_path_factory.mktemp("pyodide-packages")
    built = wheel.find_wheel()
    shutil.copy2(built, directory / built.name)
    lock = runtime.build_lockfile(built)
    (directory / runtime.LOCK_FILE_NAME).write_text(json.dumps(lock), encoding="utf-8")
    return directory


def run_checks(lock_dir: Path, module: str) -> dict:
    completed = subprocess.run(
        ["node", str(CHECKS_DIR / "run_checks.mjs"), str(lock_dir), str(CHECKS_DIR), module],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def pyodide_results(lock_dir: Path) -> dict[str, dict]:
    results = {}
    for module in CHECK_MODULES:
        report = run_checks(lock_dir, module)
        assert report["python"].startswith("3.14"), report["python"]
        results.update({f"{module}.{r['name']}": r for r in report["results"]})
    return results


def expected_checks() -> list[str]:
    names = []
    for module in CHECK_MODULES:
        source = (CHECKS_DIR / f"{module}.py").read_text(encoding="utf-8")
        names += [f"{module}.{line[4:].split('(')[0]}" for line in source.splitlines() if line.startswith("def check_")]
    return names


@pytest.mark.parametrize("check", expected_checks())
def test_check_passes_in_pyodide(pyodide_results: dict[str, dict], check: str) -> None:
    assert check in pyodide_results, f"{check} did not run"
    result = pyodide_results[check]
    assert result["ok"], result.get("error")
