"""The "Share this with clients" kit on the therapists' page, from the practice's data.

The page places its parts with markers:

    <!-- sharing: moments -->    which page to send at which moment of therapy
    <!-- sharing: messages -->   messages to paste into an email or a text, with the site's own addresses
    <!-- sharing: posters -->    the waiting-room poster of each check

The words live in ``overrides/partials/sharing/``; the checks' titles, lengths
and addresses come from the questionnaire data and ``site_url``, so a new check
or another address needs no edit here.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from sitebuild import BuildError, forms, posters, templates
from sitebuild.practice import Practice

KIT_MARKER = re.compile(r"<!--\s*sharing:\s*(?P<part>[a-z-]+)\s*-->")
PART_TEMPLATES = {
    "moments": "partials/sharing/moments.html",
    "messages": "partials/sharing/messages.html",
    "posters": "partials/sharing/posters.html",
}


@dataclass(frozen=True)
class CheckLinks:
    """One check as the kit presents it."""

    id: str
    title: str
    questions: int
    minutes: int
    url: str  # relative to the page, for links on the page
    address: str  # absolute, for messages that leave the site
    poster_url: str


def check_links(lang: str, url: Callable[[str], str], site_url: str, page_source: str) -> dict[str, CheckLinks]:
    links = {}
    for questionnaire_id in forms.questionnaire_ids():
        questionnaire = forms.load_for_page(questionnaire_id, lang, page_source)
        links[questionnaire_id] = CheckLinks(
            id=questionnaire_id,
            title=questionnaire.title,
            questions=len(questionnaire.items),
            minutes=forms.estimated_minutes(questionnaire),
            url=url(forms.check_path(questionnaire_id)),
            address=site_url + forms.check_path(questionnaire_id),
            poster_url=url(posters.poster_path(questionnaire_id)),
        )
    return links


def expand_markers(
    html: str, lang: str, practice: Practice, url: Callable[[str], str], site_url: str, page_source: str
) -> str:
    """Replace every kit marker in a rendered page."""
    if not KIT_MARKER.search(html):
        return html
    checks = check_links(lang, url, site_url, page_source)

    def part(match: re.Match[str]) -> str:
        name = match["part"]
        if name not in PART_TEMPLATES:
            raise BuildError(f"{page_source}: unknown sharing part '{name}' (known: {', '.join(PART_TEMPLATES)})")
        return templates.render(
            PART_TEMPLATES[name],
            practice=practice,
            checks=checks,
            url=url,
            address=lambda path: site_url + path,
        )

    return KIT_MARKER.sub(part, html)
