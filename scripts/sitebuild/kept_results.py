"""Kept results: the markers that place the history panel and the erase control in pages.

``<!-- kept-results: <check id> -->`` on a check page becomes the panel for that
check (its history, the offer to keep a result once one is shown, and "Erase all
my saved results"); ``<!-- kept-results: erase -->`` on the privacy page becomes
the erase control alone. Both load the script that wires them
(``assets/javascripts/history/panel.js``). The buttons start hidden and the
script fills in their words, so without JavaScript only the note below shows:
nothing can be kept then, so there is nothing to erase.
"""

import re
import shutil
from collections.abc import Callable
from pathlib import Path

from alliance_check import list_questionnaires
from sitebuild import PROJECT_ROOT, BuildError, templates

MARKER = re.compile(r"<!--\s*kept-results:\s*(?P<what>[a-z0-9-]+)\s*-->")
SCRIPT = "assets/javascripts/history/panel.js"
QR_PACKAGE_DIR = PROJECT_ROOT / "node_modules" / "qrcode-generator"
QR_SCRIPT = "assets/javascripts/vendor/qrcode-generator.mjs"
PANEL_TEMPLATE = "partials/history/panel.html"
ERASE_TEMPLATE = "partials/history/erase.html"


def expand_markers(html: str, url: Callable[[str], str], lang: str, page_source: str) -> str:
    """Replace every kept-results marker in a rendered page; an unknown check id stops the build."""
    if not MARKER.search(html):
        return html
    known = list_questionnaires()

    def expanded(match: re.Match[str]) -> str:
        what = match["what"]
        if what == "erase":
            return _erase_control()
        if what not in known:
            raise BuildError(
                f"{page_source}: <!-- kept-results: {what} -->: there is no self-check {what!r} "
                f"(known: {', '.join(known)}, or 'erase' for the erase control alone)."
            )
        return _panel(what, lang)

    html = MARKER.sub(expanded, html)
    return html + f'\n<script type="module" src="{url(SCRIPT)}"></script>'


def _panel(check: str, lang: str) -> str:
    return templates.render(PANEL_TEMPLATE, check=check, lang=lang).strip()


def _erase_control() -> str:
    return templates.render(ERASE_TEMPLATE).strip()


def vendor_qr_code(site_dir: Path, package_dir: Path = QR_PACKAGE_DIR) -> Path:
    """Copy the QR code generator (npm, pinned in package-lock.json) into the site, next to the page scripts.

    The hand-off code is drawn in the visitor's browser from this file, served by
    the site itself: no request to anyone else. A well-kept, dependency-free ES
    module (qrcode-generator, MIT) rather than our own encoder.
    """
    source = package_dir / "dist" / "qrcode.mjs"
    if not source.is_file():
        raise BuildError(f"{source} is missing. Run `npm ci` (make deps) first.")
    target = site_dir / QR_SCRIPT
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)
    return target
