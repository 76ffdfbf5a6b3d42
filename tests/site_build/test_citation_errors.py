"""A citation whose key is not in the shared list stops a real build, naming page and key."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild import PROJECT_ROOT, citations


def test_unknown_citation_key_fails_the_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "docs" / citations.REFERENCES_FILE, docs / citations.REFERENCES_FILE)
    (docs / "index.md").write_text("# Home\n\nSee [@fluckiger2018].\n", encoding="utf-8")
    (docs / "wrong.md").write_text("# Wrong\n\nA claim [@fluckiger2018; @nosuch2020].\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        # The project's theme and hooks, so the other build steps see what they expect.
        f"site_name: t\ndocs_dir: {docs}\nsite_dir: {tmp_path / 'site'}\n"
        f"theme:\n  name: material\n  language: en\n"
        f"hooks:\n  - {PROJECT_ROOT / 'scripts' / 'mkdocs_hooks.py'}\n",
        encoding="utf-8",
    )
    practice = tmp_path / "practice.yml"
    practice.write_text("name: t\n", encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        # A one-language practice: this configuration has no other language beside it.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PRACTICE_FILE": str(practice)},
        check=False,
    )
    assert completed.returncode != 0
    assert "wrong.md: unknown citation key 'nosuch2020'" in completed.stderr
