"""The whole site built strictly into a folder, for one address: what tests, the benchmark and the audit build."""

import subprocess
from pathlib import Path

from sitebuild.build_site import build_site


def run_strict_build(
    site_dir: Path, site_url: str, practice_file: Path | None = None, config_file: Path | None = None
) -> subprocess.CompletedProcess:
    """Build the site into ``site_dir`` as served at ``site_url``, optionally with another practice file
    (and another MkDocs config, such as one that inherits the project's with a practice's own docs folder).
    Every language the practice lists is built (``sitebuild.build_site``)."""
    return build_site(site_dir, site_url, practice_file, config_file)
