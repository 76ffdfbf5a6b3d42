"""Our copies of theme partials differ from the theme's own only where intended.

Upgrading the theme changes its partials; this test then fails so the copies
are brought up to date instead of silently holding an old version.
"""

import difflib
from pathlib import Path

import material
import pytest

from sitebuild import PROJECT_ROOT

THEME_PARTIALS = Path(material.__file__).parent / "templates" / "partials"
OUR_PARTIALS = PROJECT_ROOT / "overrides" / "partials"

# For each copied partial: the lines we add, and the lines of the theme's we replace.
INTENDED_CHANGES = {
    "header.html": (
        {
            '    {% include "partials/crisis-link.html" %}',
            '            {% include "partials/practice/site-name.html" %}',
        },
        {"            {{ config.site_name }}"},
    ),
    "search.html": (
        {"""<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t('search') }}">"""},
        {'<div class="md-search" data-md-component="search" role="dialog">'},
    ),
}


def body_lines(text: str) -> list[str]:
    """The template without its leading comment."""
    if text.startswith("{#-"):
        text = text[text.index("-#}") + 3 :]
    return text.strip("\n").splitlines()


@pytest.mark.parametrize("name", sorted(INTENDED_CHANGES))
def test_copy_differs_from_the_theme_only_as_intended(name: str) -> None:
    theirs = body_lines((THEME_PARTIALS / name).read_text(encoding="utf-8"))
    ours = body_lines((OUR_PARTIALS / name).read_text(encoding="utf-8"))
    diff = [line for line in difflib.ndiff(theirs, ours) if line[:2] in ("+ ", "- ")]
    added = {line[2:] for line in diff if line.startswith("+ ")}
    removed = {line[2:] for line in diff if line.startswith("- ")}
    assert (added, removed) == INTENDED_CHANGES[name]
