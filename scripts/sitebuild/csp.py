"""Content-Security-Policy for each built page.

The theme emits a few small inline scripts, and one of them differs per page
(it holds the page's relative base URL). Rather than allowing every inline
script, each page's policy lists the hashes of exactly the inline scripts it
contains. The template writes a placeholder that this module fills in.
"""

import base64
import hashlib
import re

HASHES_PLACEHOLDER = "__INLINE_SCRIPT_HASHES__"

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_EXECUTABLE_TYPES = {"", "text/javascript", "module", "application/javascript"}


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions (``'sha256-…'``) for the executable inline scripts in ``html``."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in _EXECUTABLE_TYPES:
            continue  # data blocks such as application/json are never executed
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def fill_policy(html: str) -> str:
    """Replace the placeholder in the page's policy with its inline scripts' hashes."""
    if HASHES_PLACEHOLDER not in html:
        return html
    return html.replace(HASHES_PLACEHOLDER, " ".join(inline_script_hashes(html)), 1)
