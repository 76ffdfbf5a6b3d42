"""Building the site for tests: strict, for a given address and practice file."""

import os
import subprocess
import sys
from pathlib import Path

from sitebuild import PROJECT_ROOT

# Served under a subpath, as GitHub Pages serves a project site.
SUBPATH = "/practice-site/"


def run_build(site_dir: Path, site_url: str, practice_file: Path | None = None) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` for an address, optionally with another practice file."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    if practice_file:
        env["PRACTICE_FILE"] = str(practice_file)
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, env=env, check=False)


def build_site(site_dir: Path, site_url: str, practice_file: Path | None = None) -> Path:
    completed = run_build(site_dir, site_url, practice_file)
    assert completed.returncode == 0, completed.stderr
    return site_dir
