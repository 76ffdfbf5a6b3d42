"""Render the self-checks into pages at build time, from the package's data.

A page asks for a check with a marker in its Markdown, so a practice can put a
check on any page:

    <!-- self-check: alliance -->

Each questionnaire also gets a generated paper version with its scoring key, at
``self-check/paper/<id>/``. The templates live in ``overrides/partials/selfcheck/``.
"""

import math
import re
from collections.abc import Callable
from html import escape

import yaml

from alliance_check import (
    QuestionnaireError,
    answers_needed,
    list_languages,
    list_questionnaires,
    load_questionnaire,
)
from sitebuild import BuildError, templates, words

FORM_MARKER = re.compile(r"<!--\s*self-check:\s*(?P<id>[A-Za-z0-9_-]+)\s*-->")
PAPER_MARKER = re.compile(r"<!--\s*self-check-paper:\s*(?P<id>[A-Za-z0-9_-]+)\s*-->")
SECONDS_PER_ITEM = 12

UrlFor = Callable[[str], str]  # site-relative path -> URL relative to the current page


def check_path(questionnaire_id: str) -> str:
    """Where the on-screen check for a questionnaire lives by convention."""
    return f"self-check/{questionnaire_id}/"


def paper_path(questionnaire_id: str) -> str:
    return f"self-check/paper/{questionnaire_id}/"


def paper_source_path(questionnaire_id: str) -> str:
    """The generated Markdown file behind a paper version."""
    return f"self-check/paper/{questionnaire_id}.md"


def load_for_page(questionnaire_id: str, lang: str, page_source: str):
    """A questionnaire a page asks for, or a build error naming the page."""
    return _questionnaire(questionnaire_id, lang, page_source)


def _questionnaire(questionnaire_id: str, lang: str, page_source: str):
    known = list_questionnaires()
    if questionnaire_id not in known:
        raise BuildError(f"{page_source}: unknown self-check '{questionnaire_id}' (known: {', '.join(known)})")
    try:
        return load_questionnaire(questionnaire_id, lang)
    except QuestionnaireError as error:
        raise BuildError(f"{page_source}: {error}") from error


def estimated_minutes(questionnaire) -> int:
    """About how long a check takes, as the form and the poster say."""
    return max(1, math.ceil(len(questionnaire.items) * SECONDS_PER_ITEM / 60))


def render_form(questionnaire, url: UrlFor, practice=None) -> str:
    """The on-screen check; ``practice`` adds its contact and crisis lines to results."""
    minutes = estimated_minutes(questionnaire)
    paper_url = url(paper_path(questionnaire.id))
    return templates.render(
        "partials/selfcheck/form.html",
        questionnaire=questionnaire,
        url=url,
        minutes=minutes,
        paper_url=paper_url,
        practice=practice,
    )


def render_paper(questionnaire, url: UrlFor, practice=None) -> str:
    """The paper version; ``practice`` adds its emergency numbers and crisis lines."""
    scale = questionnaire.scale
    numbers: dict[str, list[str]] = {d.id: [] for d in questionnaire.dimensions}
    for number, item in enumerate(questionnaire.items, start=1):
        numbers[item.dimension].append(f"{number} (R)" if item.reverse else str(number))
    return templates.render(
        "partials/selfcheck/paper.html",
        questionnaire=questionnaire,
        check_url=url(check_path(questionnaire.id)),
        scale_min=scale.min,
        scale_max=scale.max,
        reverse_total=scale.min + scale.max,
        pomp_factor=_plain_number(100 / (scale.max - scale.min)),
        numbers_by_dimension=numbers,
        needed_by_dimension={key: answers_needed(len(entries)) for key, entries in numbers.items()},
        bands=band_rows(questionnaire),
        reverse_numbers=[str(n) for n, item in enumerate(questionnaire.items, start=1) if item.reverse],
        safety_numbers=[str(n) for n, item in enumerate(questionnaire.items, start=1) if item.safety],
        practice=practice,
    )


def band_rows(questionnaire) -> list[dict[str, str]]:
    """Bands as display rows, highest first: range, title, text."""
    paper = templates.current_words().paper
    bands = sorted(questionnaire.bands, key=lambda band: band.min_pomp)
    rows = []
    for band, above in zip(bands, [*bands[1:], None], strict=True):
        low = _plain_number(band.min_pomp)
        if above is None:
            shown = words.fill_text(paper.band_top, min=low)
        else:
            shown = words.fill_text(paper.band_range, min=low, upper=_plain_number(above.min_pomp))
        rows.append({"range": shown, "title": band.title, "text": band.text})
    return rows[::-1]


def _plain_number(value: float) -> str:
    return f"{value:g}"


def paper_page_markdown(questionnaire_id: str, lang: str) -> str:
    questionnaire = _questionnaire(questionnaire_id, lang, paper_source_path(questionnaire_id))
    paper = words.catalogue(lang).paper
    return generated_page_markdown(
        heading=words.fill_text(paper.heading, title=questionnaire.title),
        description=words.fill_text(paper.description, title=questionnaire.title),
        marker=f"<!-- self-check-paper: {questionnaire_id} -->",
    )


def generated_page_markdown(heading: str, description: str, marker: str) -> str:
    """A page the build makes from questionnaire data: its heading and description are shown as text, never markup."""
    # Front matter written by the YAML library, so no title can break it.
    front_matter = yaml.safe_dump(
        # The theme writes the description into an attribute as it is: escaped here.
        {"description": escape(description), "search": {"exclude": True}},
        allow_unicode=True,
        sort_keys=False,
        width=1000,
    )
    return f"---\n{front_matter}---\n\n# {markdown_text(heading)}\n\n{marker}\n"


# The characters Python-Markdown lets a backslash escape; ``&`` and ``<`` become entities instead.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def markdown_text(text: str) -> str:
    """``text`` as Markdown that shows it exactly as written: no markup, link or attribute list can come of it."""
    return _MARKDOWN_SYNTAX.sub(r"\\\1", escape(text, quote=False))


def expand_markers(html: str, lang: str, url: UrlFor, page_source: str, practice=None) -> str:
    """Replace every check and paper marker in a rendered page."""
    html = FORM_MARKER.sub(lambda m: render_form(_questionnaire(m["id"], lang, page_source), url, practice), html)
    return PAPER_MARKER.sub(lambda m: render_paper(_questionnaire(m["id"], lang, page_source), url, practice), html)


def questionnaire_ids() -> list[str]:
    return list_questionnaires()


def check_language(lang: str, settings_file: str) -> None:
    """Fail unless every questionnaire has text in ``lang`` (the site's language)."""
    for questionnaire_id in list_questionnaires():
        available = list_languages(questionnaire_id)
        if lang not in available:
            raise BuildError(
                f"{settings_file}: languages: '{lang}' has no text yet for the self-check '{questionnaire_id}' "
                f"(available: {', '.join(available)}). Add the file {questionnaire_id}.{lang}.toml first."
            )
