"""Make the theme's markup valid HTML (the Nu HTML Checker finds no error on any page).

Material for MkDocs writes two invalid attributes into every page, from
templates we do not copy (block overrides only):

- ``autocomplete="off"`` on its drawer and search toggles, which are
  checkboxes; HTML allows ``autocomplete`` on text-like inputs only. Browsers
  other than Firefox ignore it there; Firefox may now restore a toggle's state
  when a visitor goes back to a page, which at worst reopens the menu.
- ``tabindex=""`` on navigation section labels; an empty tabindex is invalid
  and browsers already treat it as absent, so dropping it changes nothing.
"""

import re

_INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_TOGGLE_TYPE = re.compile(r"""\btype\s*=\s*["']?(?:checkbox|radio)\b""", re.IGNORECASE)
_AUTOCOMPLETE = re.compile(r"""\s+autocomplete\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)
_EMPTY_TABINDEX = re.compile(r"""\s+tabindex\s*=\s*(?:""|'')""", re.IGNORECASE)


def fix_theme_markup(html: str) -> str:
    """``html`` without autocomplete on checkboxes and radios, and without empty tabindex attributes."""

    def input_tag(match: re.Match[str]) -> str:
        tag = match.group(0)
        return _AUTOCOMPLETE.sub("", tag) if _TOGGLE_TYPE.search(tag) else tag

    return _EMPTY_TABINDEX.sub("", _INPUT.sub(input_tag, html))
