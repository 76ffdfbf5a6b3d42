"""``mkdocs build --strict`` into a folder, for one address: what tests, the benchmark and the audit build."""

import os
import subprocess
import sys
from pathlib import Path

from sitebuild import PROJECT_ROOT


def run_strict_build(
    site_dir: Path, site_url: str, practice_file: Path | None = None, config_file: Path | None = None
) -> subprocess.CompletedProcess:
    """Build the site into ``site_dir`` as served at ``site_url``, optionally with another practice file
    (and another MkDocs config, such as one that inherits the project's with a practice's own docs folder)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config_file:
        command += ["--config-file", str(config_file)]
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": site_url,
        "PYTHONPATH": str(PROJECT_ROOT / "scripts"),
    }
    if practice_file:
        env["PRACTICE_FILE"] = str(practice_file)
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, env=env, check=False)
