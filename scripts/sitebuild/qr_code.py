"""QR codes for paper: a page's address as an inline SVG, drawn at build time.

`segno` (pure Python, no network) encodes the address; the SVG goes into the
page itself, so printing it loads nothing. It scales with CSS (no fixed size)
and keeps the four-module quiet zone that scanners need.
"""

from functools import lru_cache

import segno

# "M" recovers from about 15% damage: a folded or creased sheet still scans,
# and the code stays small enough for a phone camera at arm's length.
ERROR_CORRECTION = "m"
QUIET_ZONE = 4


@lru_cache(maxsize=256)
def inline_svg(address: str) -> str:
    """An ``<svg>`` element that encodes ``address``, hidden from screen readers (the address is written beside it)."""
    code = segno.make(address, error=ERROR_CORRECTION, micro=False, boost_error=False)
    # A white ground: the code stays readable on screen in the dark palette too.
    svg = code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, svgclass="qr-code", lineclass=None, light="#fff")
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
