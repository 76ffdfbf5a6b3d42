"""Our templates that take the place of the theme's differ from the theme's own only where intended.

Upgrading the theme changes its templates; this test then fails so our versions
are brought up to date instead of silently holding an old one. Every file in
``overrides/`` with the same path as one of the theme's templates is checked.
"""

import difflib
from pathlib import Path

import material
import pytest

from sitebuild import PROJECT_ROOT

THEME_TEMPLATES = Path(material.__file__).parent / "templates"
OURS = PROJECT_ROOT / "overrides"

# For each of our files in the theme's place: the lines we add, and the theme's lines we replace.
# ``None`` for the lines we add: the file is our own text (tested where it is used), so only
# the theme's side is pinned, to notice when the theme changes what we replaced.
INTENDED_CHANGES: dict[str, tuple[set[str] | None, set[str]]] = {
    # The theme's main.html only extends base.html; ours does too, overriding blocks.
    "main.html": (None, set()),
    "partials/header.html": (
        {
            '    {% include "partials/crisis-link.html" %}',
            '            {% include "partials/practice/site-name.html" %}',
            '        <div class="md-header__topic" data-md-component="header-topic"{% if page_alternates %} '
            "data-alternates='{{ page_alternates | tojson }}'{% endif %}>",
        },
        {
            "            {{ config.site_name }}",
            '        <div class="md-header__topic" data-md-component="header-topic">',
        },
    ),
    # The language selector leads to this page in each language, not to that language's home page;
    # each name is in its own language and the page's language is the current one.
    "partials/alternate.html": (
        {
            '            <a href="{{ page_alternates[alt.lang] if page_alternates else alt.link | url }}" '
            'hreflang="{{ alt.lang }}" lang="{{ alt.lang }}" class="md-select__link"'
            '{% if alt.lang == config.theme.language %} aria-current="page"{% endif %}>'
        },
        {'            <a href="{{ alt.link | url }}" hreflang="{{ alt.lang }}" class="md-select__link">'},
    ),
    "partials/search.html": (
        {"""<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t('search') }}">"""},
        {'<div class="md-search" data-md-component="search" role="dialog">'},
    ),
    # The storage helpers keep choices in memory for the visit instead of in localStorage.
    "partials/javascripts/base.html": (
        {
            '<script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location),'
            "__md_hash=e=>[...e].reduce((e,_)=>(e<<5)-e+_.charCodeAt(0),0),__md_memory=new Map,"
            '__md_get=(e,_,t=__md_scope)=>{var k=t.pathname+"."+e;return __md_memory.has(k)?'
            "JSON.parse(__md_memory.get(k)):null},__md_set=(e,_,t,a=__md_scope)=>"
            '{__md_memory.set(a.pathname+"."+e,JSON.stringify(_))}</script>'
        },
        {
            '<script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location),'
            "__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),"
            '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
            "__md_set=(e,_,t=localStorage,a=__md_scope)=>"
            '{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}</script>'
        },
    ),
    # The "not found" page's heading is a word in the site's language.
    # The heading in the site's words, then each other language's (GitHub Pages serves this one page everywhere).
    "404.html": (
        {
            "  <h1>{{ words.page.not_found | e }}</h1>",
            "  {% for site, folder in config.extra.other_languages if site.code != config.theme.language %}",
            "    {%- set other = words_in(site.code) %}",
            '    <p lang="{{ site.code | e }}">',
            "      <strong>{{ other.page.not_found | e }}</strong>",
            '      <a href="{{ (config.site_url ~ folder) | e }}">{{ other.page.home_link | e }}</a>',
            "    </p>",
            "  {% endfor %}",
        },
        {"  <h1>404 - Not found</h1>"},
    ),
    # The practice's footer replaces the theme's copyright line and its credit link.
    "partials/copyright.html": (
        None,
        {
            "  {% if config.copyright %}",
            '    <div class="md-copyright__highlight">',
            "      {{ config.copyright }}",
            "    </div>",
            "  {% endif %}",
            "  {% if not config.extra.generator == false %}",
            "    Made with",
            '    <a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">',
            "      Material for MkDocs",
            "    </a>",
        },
    ),
}


def body_lines(text: str) -> list[str]:
    """The template without its leading comment."""
    if text.startswith("{#-"):
        text = text[text.index("-#}") + 3 :]
    return text.strip("\n").splitlines()


def test_every_file_in_the_themes_place_is_checked() -> None:
    ours = {path.relative_to(OURS).as_posix() for path in OURS.rglob("*") if path.is_file()}
    in_the_themes_place = {name for name in ours if (THEME_TEMPLATES / name).is_file()}
    assert in_the_themes_place == set(INTENDED_CHANGES)


@pytest.mark.parametrize("name", sorted(INTENDED_CHANGES))
def test_copy_differs_from_the_theme_only_as_intended(name: str) -> None:
    theirs = body_lines((THEME_TEMPLATES / name).read_text(encoding="utf-8"))
    ours = body_lines((OURS / name).read_text(encoding="utf-8"))
    diff = [line for line in difflib.ndiff(theirs, ours) if line[:2] in ("+ ", "- ")]
    added = {line[2:] for line in diff if line.startswith("+ ")}
    removed = {line[2:] for line in diff if line.startswith("- ")}
    intended_added, intended_removed = INTENDED_CHANGES[name]
    assert removed == intended_removed, "the theme's template changed: bring ours up to date"
    if intended_added is not None:
        assert added == intended_added
