"""The words every result uses, per language: ``wording/result.<lang>.toml``.

Loaded once per language and checked on the way in: every text is non-empty, and
a template uses only the fields the package fills, so an unfilled ``{name}`` can
never reach a visitor.
"""

import string
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from alliance_check.errors import QuestionnaireError

PACKAGED = Path(__file__).with_name("wording")
DEFAULT_LANG = "en"

# The templates and the fields each may use; every other text must have no braces.
TEMPLATE_FIELDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "out_of_100": frozenset({"value"}),
        "answered": frozenset({"answered", "total"}),
        "talk_about.area_heading": frozenset({"area"}),
        "talk_about.read_more": frozenset({"area"}),
        "flagged.answer": frozenset({"answer"}),
        "flagged.number_with_label": frozenset({"value", "label"}),
        "flagged.more": frozenset({"count"}),
        "summary.dated": frozenset({"date"}),
    }
)


@cache
def result_words(lang: str = DEFAULT_LANG) -> Mapping[str, Any]:
    """The result words in ``lang``, falling back to English when the language has no file yet."""
    path = PACKAGED / f"result.{lang}.toml"
    if not path.is_file():
        path = PACKAGED / f"result.{DEFAULT_LANG}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    _check(path.name, data, "")
    return data


def fill(template: str, **values: object) -> str:
    """A template with its fields filled (``str.format``, after the load-time check)."""
    return template.format(**values)


def _check(file: str, value: object, where: str) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _check(file, inner, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            _check(file, inner, f"{where}[{index}]")
    elif isinstance(value, str):
        if not value.strip():
            raise QuestionnaireError(file, where, "is empty")
        allowed = TEMPLATE_FIELDS.get(where, frozenset())
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError as error:
            raise QuestionnaireError(file, where, f"has a stray brace ({error})") from None
        if not used <= allowed:
            fields = ", ".join(sorted(allowed)) or "none"
            raise QuestionnaireError(file, where, f"uses {sorted(used - allowed)} (fields it may use: {fields})")
    else:
        raise QuestionnaireError(file, where, f"must be text or a list of texts, not {type(value).__name__}")
