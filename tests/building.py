"""Building the site for tests: strict, for a given address and practice file."""

from pathlib import Path

from dev.strict_build import run_strict_build as run_build

# Served under a subpath, as GitHub Pages serves a project site.
SUBPATH = "/practice-site/"

__all__ = ["SUBPATH", "build_site", "run_build"]


def build_site(
    site_dir: Path, site_url: str, practice_file: Path | None = None, config_file: Path | None = None
) -> Path:
    completed = run_build(site_dir, site_url, practice_file, config_file)
    assert completed.returncode == 0, completed.stderr
    return site_dir
