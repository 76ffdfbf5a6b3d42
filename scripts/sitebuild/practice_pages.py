"""Put the practice's details into pages, and leave out the sections it hides.

Pages ask for practice details with markers in their Markdown:

    <!-- practice: crisis-lines -->   the crisis lines (or international defaults)
    <!-- practice: emergency -->      the emergency numbers, in a danger box (emergency-home: the home page's)
    <!-- practice: contact -->        how to reach the practice (nothing if none given)
    <!-- practice: call-to-action --> an invitation to get in touch, with a heading

and mark content meant for one audience, removed when the practice hides it:

    <!-- audience: for_therapists --> ... <!-- /audience -->
"""

import re

from sitebuild import BuildError, templates
from sitebuild.practice import SECTIONS, Practice

DETAIL_MARKER = re.compile(r"<!--\s*practice:\s*(?P<name>[a-z-]+)\s*-->")
AUDIENCE_BLOCK = re.compile(r"<!--\s*audience:\s*(?P<key>[a-z_]+)\s*-->(?P<body>.*?)<!--\s*/audience\s*-->", re.DOTALL)
DETAIL_TEMPLATES = {
    "crisis-lines": "partials/practice/crisis-lines.html",
    "emergency": "partials/practice/emergency.html",
    "emergency-home": "partials/practice/emergency-home.html",
    "contact": "partials/practice/contact.html",
    "call-to-action": "partials/practice/call-to-action.html",
}


def expand(html: str, practice: Practice, where: str) -> str:
    """Fill in the practice's details and drop blocks for hidden audiences."""

    def detail(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in DETAIL_TEMPLATES:
            raise BuildError(f"{where}: unknown practice detail '{name}' (known: {', '.join(DETAIL_TEMPLATES)})")
        return templates.render(DETAIL_TEMPLATES[name], practice=practice)

    def audience(match: re.Match[str]) -> str:
        key = match["key"]
        if key not in SECTIONS:
            raise BuildError(f"{where}: unknown audience '{key}' (known: {', '.join(SECTIONS)})")
        return "" if key in practice.hidden_sections else match["body"]

    return DETAIL_MARKER.sub(detail, AUDIENCE_BLOCK.sub(audience, html))


def visible_nav(nav: list, practice: Practice) -> list:
    """The navigation without the sections the practice hides."""
    hidden_titles = {SECTIONS[key] for key in practice.hidden_sections}
    return [entry for entry in nav if not (isinstance(entry, dict) and set(entry) & hidden_titles)]
