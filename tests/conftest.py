"""Shared fixtures: the site built once and served under a GitHub Pages-like subpath."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from building import SUBPATH, build_site

from dev.serve import serve_in_background


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
