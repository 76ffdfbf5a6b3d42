"""Shared fixtures: the site built once and served under a GitHub Pages-like subpath."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitebuild import PROJECT_ROOT
from sitebuild.serve import serve_in_background

SUBPATH = "/practice-site/"


def build_site(site_dir: Path, site_url: str, config_file: Path | None = None) -> Path:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config_file:
        command += ["--config-file", str(config_file)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    completed = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, env=env, check=False)
    assert completed.returncode == 0, completed.stderr
    return site_dir


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The site built with the project's config and served under SUBPATH."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    # The server is bound first so the site can be built for its exact address.
    server, url = serve_in_background(site_dir, SUBPATH)
    build_site(site_dir, url)
    yield site_dir, url
    server.shutdown()


@pytest.fixture(scope="session")
def built_site(served_site: tuple[Path, str]) -> Path:
    return served_site[0]


@pytest.fixture(scope="session")
def site_url(served_site: tuple[Path, str]) -> str:
    return served_site[1]
