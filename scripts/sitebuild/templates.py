"""The Jinja2 environment for what the build renders into pages (forms, practice details).

Templates live in ``overrides/partials/`` and are named as the theme names them
(``partials/...``). Autoescaping is on, so text from data never becomes markup.
"""

from functools import cache

import jinja2

from sitebuild import PROJECT_ROOT

TEMPLATE_DIR = PROJECT_ROOT / "overrides"


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def render(name: str, **context: object) -> str:
    return environment().get_template(name).render(**context)
