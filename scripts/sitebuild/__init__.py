"""Build glue for the site, as plain functions.

The MkDocs hook (``scripts/mkdocs_hooks.py``) is a thin adapter over these
modules so that tests, benchmarks and any other site builder can call them.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class BuildError(Exception):
    """A build step cannot go on; the message says what to run or fix."""
