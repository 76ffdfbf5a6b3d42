"""The Jinja2 environment for what the build renders into pages (forms, practice details).

Templates live in ``overrides/partials/`` and are named as the theme names them
(``partials/...``). Autoescaping is on, so text from data never becomes markup.
Their words come from the interface words of the site's language: the global
``words`` and the filter ``fill`` (``sitebuild/words.py``).
"""

from functools import cache

import jinja2

from sitebuild import PROJECT_ROOT, crisis_help, words

TEMPLATE_DIR = PROJECT_ROOT / "overrides"
DEFAULT_LANGUAGE = "en"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["fill"] = words.fill
    env.filters["in_language"] = _in_language
    env.globals["words"] = words.catalogue(DEFAULT_LANGUAGE)
    return env


@jinja2.pass_context
def _in_language(context: jinja2.runtime.Context, entries: object) -> tuple[object, ...]:
    """Emergency numbers or crisis lines with the defaults' words in the language the template speaks."""
    return crisis_help.in_language(entries, context["words"].crisis)


def use_language(lang: str) -> None:
    """Render with the interface words of ``lang`` from now on (the hook calls it with the build's language)."""
    environment().globals["words"] = words.catalogue(lang)


def current_words() -> words.Words:
    """The interface words templates render with now."""
    return environment().globals["words"]


def render(name: str, **context: object) -> str:
    return environment().get_template(name).render(**context)
