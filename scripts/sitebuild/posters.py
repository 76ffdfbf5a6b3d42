"""A waiting-room poster for each self-check, generated like the paper versions.

Each check gets a page at ``self-check/poster/<id>/`` that prints as one page on
A4 or US Letter: a large QR code to the check at the site's final address, the
address in words, the promise that answers never leave the phone, and the
practice's details. The poster is ``partials/sharing/poster.html``; the page
holds only a marker, so the words live in the template, the interface words and the data.
"""

import re

from sitebuild import forms, templates, words
from sitebuild.link_preview import short_address
from sitebuild.practice import Practice
from sitebuild.qr_code import inline_svg

POSTER_MARKER = re.compile(r"<!--\s*self-check-poster:\s*(?P<id>[A-Za-z0-9_-]+)\s*-->")


def poster_path(questionnaire_id: str) -> str:
    return f"self-check/poster/{questionnaire_id}/"


def poster_source_path(questionnaire_id: str) -> str:
    """The generated Markdown file behind a poster."""
    return f"self-check/poster/{questionnaire_id}.md"


def poster_page_markdown(questionnaire_id: str, lang: str) -> str:
    questionnaire = forms.load_for_page(questionnaire_id, lang, poster_source_path(questionnaire_id))
    poster = words.catalogue(lang).poster
    return forms.generated_page_markdown(
        heading=words.fill_text(poster.heading, title=questionnaire.title),
        description=words.fill_text(poster.description, title=questionnaire.title),
        marker=f"<!-- self-check-poster: {questionnaire_id} -->",
    )


def render_poster(questionnaire, practice: Practice, site_url: str) -> str:
    check_address = site_url + forms.check_path(questionnaire.id)
    return templates.render(
        "partials/sharing/poster.html",
        questionnaire=questionnaire,
        practice=practice,
        minutes=forms.estimated_minutes(questionnaire),
        qr_code=inline_svg(check_address),
        check_address=check_address,
        check_short=short_address(check_address),
        site_short=short_address(site_url),
    )


def expand_markers(html: str, lang: str, practice: Practice, site_url: str, page_source: str) -> str:
    """Replace every poster marker in a rendered page with its poster."""
    return POSTER_MARKER.sub(
        lambda m: render_poster(forms.load_for_page(m["id"], lang, page_source), practice, site_url), html
    )
