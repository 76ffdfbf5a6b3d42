"""Put the practice's details into pages, and leave out the sections it hides.

Pages ask for practice details with markers in their Markdown:

    <!-- practice: crisis-lines -->   the crisis lines (or international defaults)
    <!-- practice: emergency -->      the emergency numbers, in a danger box (emergency-home: the home page's)
    <!-- practice: contact -->        how to reach the practice (nothing if none given)
    <!-- practice: call-to-action --> an invitation to get in touch, with a heading
    <!-- practice: welcome -->        the home page's first lines: name, region, call to action

and mark content meant for one audience, removed when the practice hides it:

    <!-- audience: for_therapists --> ... <!-- /audience -->

A hidden section's pages (those under its title in the navigation) are not
built at all, so they are in no menu, search index or sitemap; a link to one
from another page becomes its plain text. Both happen to the Markdown, before
it is rendered, so no table of contents lists a removed heading.
"""

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import yaml

from sitebuild import BuildError, templates, words
from sitebuild.practice import SECTIONS, Practice

DETAIL_MARKER = re.compile(r"<!--\s*practice:\s*(?P<name>[a-z-]+)\s*-->")
AUDIENCE_BLOCK = re.compile(r"<!--\s*audience:\s*(?P<key>[a-z_]+)\s*-->(?P<body>.*?)<!--\s*/audience\s*-->", re.DOTALL)
# An inline Markdown link to a page of the site: [text](path.md#anchor "title").
PAGE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<target>[^)\s:]+\.md)(?P<anchor>#[^)\s]*)?(?:\s+\"[^\"]*\")?\)")
DETAIL_TEMPLATES = {
    "crisis-lines": "partials/practice/crisis-lines.html",
    "emergency": "partials/practice/emergency.html",
    "emergency-home": "partials/practice/emergency-home.html",
    "contact": "partials/practice/contact.html",
    "call-to-action": "partials/practice/call-to-action.html",
    "welcome": "partials/practice/welcome.html",
    "team": "partials/practice/team.html",
}
# The folder of the practice's own pages (and images): each Markdown file in it appears in the
# menu under the practice's name, with no change to mkdocs.yml.
PRACTICE_FOLDER = "practice"
TEAM_PAGE = f"{PRACTICE_FOLDER}/team.md"


def team_page_markdown() -> str:
    """The generated team page, in the site's language; its list is the ``team`` marker's."""
    team_words = templates.current_words().practice
    front_matter = yaml.safe_dump({"description": team_words.team_description}, allow_unicode=True, width=1000)
    return f"---\n{front_matter}---\n\n# {team_words.team_title}\n\n<!-- practice: team -->\n"


def expand(html: str, practice: Practice, page_source: str, url: Callable[[str], str] = lambda path: path) -> str:
    """Fill in the practice's details (and drop blocks for hidden audiences, if any are left).

    ``url`` turns a path from the site's root into a link from this page.
    """

    def detail(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in DETAIL_TEMPLATES:
            raise BuildError(f"{page_source}: unknown practice detail '{name}' (known: {', '.join(DETAIL_TEMPLATES)})")
        return templates.render(DETAIL_TEMPLATES[name], practice=practice, url=url, team_page=TEAM_PAGE)

    return DETAIL_MARKER.sub(detail, drop_hidden_audiences(html, practice, page_source))


def drop_hidden_audiences(text: str, practice: Practice, page_source: str) -> str:
    """Remove the blocks marked for audiences the practice hides."""

    def audience(match: re.Match[str]) -> str:
        key = match["key"]
        if key not in SECTIONS:
            raise BuildError(f"{page_source}: unknown audience '{key}' (known: {', '.join(SECTIONS)})")
        return "" if key in practice.hidden_sections else match["body"]

    return AUDIENCE_BLOCK.sub(audience, text)


def unlink_pages(markdown: str, page: str, removed: set[str]) -> str:
    """Links from ``page`` to ``removed`` pages become their plain text (paths relative to docs/)."""

    def link(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match["target"]))
        return match["text"] if target in removed else match[0]

    return PAGE_LINK.sub(link, markdown)


def pages_under(entries: Iterable) -> set[str]:
    """Every page path in a part of the navigation."""
    pages: set[str] = set()
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            pages |= pages_under(value)
        elif isinstance(value, str) and value.endswith(".md"):
            pages.add(value)
    return pages


def hidden_pages(nav: list, practice: Practice, titles: Mapping[str, str]) -> set[str]:
    """The pages of the sections the practice hides, as listed under their ``titles`` in the navigation
    (each language's navigation has its own: ``[sections]`` of its interface words)."""
    hidden_titles = {titles[key] for key in practice.hidden_sections}
    return pages_under(entry for entry in nav if isinstance(entry, dict) and set(entry) & hidden_titles)


def visible_nav(nav: list, practice: Practice, titles: Mapping[str, str]) -> list:
    """The navigation without the sections the practice hides."""
    hidden_titles = {titles[key] for key in practice.hidden_sections}
    return [entry for entry in nav if not (isinstance(entry, dict) and set(entry) & hidden_titles)]


def page_description(description: str | None, practice: Practice) -> str:
    """A page's description for search results and link previews, naming the practice."""
    text = description or practice.description
    if practice.name.lower() in text.lower():
        return text
    page_words = words.catalogue(practice.language).page
    if practice.region:
        naming = words.fill_text(page_words.from_practice_in, practice=practice.name, region=practice.region)
    else:
        naming = words.fill_text(page_words.from_practice, practice=practice.name)
    return f"{text.rstrip()} {naming}"


def practice_nav(practice: Practice, docs_dir: Path) -> dict | None:
    """The menu group of the practice's own pages: its team page, then the Markdown files in its folder."""
    folder = docs_dir / PRACTICE_FOLDER
    own = sorted(path.relative_to(docs_dir).as_posix() for path in folder.rglob("*.md")) if folder.is_dir() else []
    team_title = templates.current_words().practice.team_title
    pages = [{team_title: TEAM_PAGE}] if practice.team and TEAM_PAGE not in own else []
    pages += own
    return {practice.short_name: pages} if pages else None


def with_practice_nav(nav: list, group: dict | None) -> list:
    """The menu with the practice's group after the home page."""
    return [nav[0], group, *nav[1:]] if group and nav else nav
