"""Debian's Chromium, as the browser tests, the benchmark and the audit launch it.

Playwright drives the system browser (``apt-get install chromium``); a
downloaded browser build is never used.
"""

import os
from pathlib import Path

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def missing_chromium() -> str | None:
    """What to do when Chromium is not installed; None when it is."""
    if Path(CHROMIUM_PATH).exists():
        return None
    return f"Chromium not found at {CHROMIUM_PATH}: run `make browser` or set CHROMIUM_PATH."
