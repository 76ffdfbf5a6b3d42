"""Building the site for tests: strict, for a given address and practice file."""

import subprocess
from pathlib import Path

from sitebuild.strict_build import run_strict_build

# Served under a subpath, as GitHub Pages serves a project site.
SUBPATH = "/practice-site/"


def run_build(site_dir: Path, site_url: str, practice_file: Path | None = None) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` for an address, optionally with another practice file."""
    return run_strict_build(site_dir, site_url, practice_file)


def build_site(site_dir: Path, site_url: str, practice_file: Path | None = None) -> Path:
    completed = run_build(site_dir, site_url, practice_file)
    assert completed.returncode == 0, completed.stderr
    return site_dir
