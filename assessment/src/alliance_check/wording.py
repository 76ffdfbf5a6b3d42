"""The words every result uses, per language: ``wording/result.<lang>.toml``.

Loaded once per language and checked on the way in: every text is non-empty, and
a template uses only the fields the package fills, so an unfilled ``{name}`` can
never reach a visitor. English is the reference: every other language's file has
exactly its keys (none missing, none added), the same fields in each template and
the same link targets, so a result never mixes languages or loses a number. A
mistake raises one :class:`QuestionnaireError` naming the file and the key, e.g.
``result.es.toml: chart.caption: is missing (result.en.toml has it: translate it)``.
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
    """The result words in ``lang``, a language the questionnaires were validated in.

    Raises :class:`QuestionnaireError` when ``lang`` has no result words file, or
    when that file does not match the English one key for key.
    """
    if lang == DEFAULT_LANG:
        return _read(PACKAGED / f"result.{DEFAULT_LANG}.toml")
    reference = result_words(DEFAULT_LANG)
    path = PACKAGED / f"result.{lang}.toml"
    if not path.is_file():
        raise QuestionnaireError(
            path.name,
            "",
            f"is missing: every language the self-checks are in needs its result words "
            f"(copy result.{DEFAULT_LANG}.toml to {path.name} and translate its texts)",
        )
    data = _read(path)
    _match(path.name, data, reference, "")
    return data


def _read(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise QuestionnaireError(path.name, "", f"is not valid UTF-8 TOML: {error}") from None
    _check(path.name, data, "")
    return data


def _match(file: str, value: object, reference: object, where: str) -> None:
    """``value`` has the shape of the English ``reference``: same keys, templates' fields and link targets."""
    english = f"result.{DEFAULT_LANG}.toml"
    if isinstance(reference, dict):
        if not isinstance(value, dict):
            raise QuestionnaireError(file, where, f"must be a table, as in {english}")
        for key in value:
            if key not in reference:
                problem = f"is not a key of {english} (remove it or fix its name)"
                raise QuestionnaireError(file, _key(where, key), problem)
        for key, inner in reference.items():
            if key not in value:
                raise QuestionnaireError(file, _key(where, key), f"is missing ({english} has it: translate it)")
            _match(file, value[key], inner, _key(where, key))
    elif isinstance(reference, list):
        if not isinstance(value, list) or not value:
            raise QuestionnaireError(file, where, f"must be a non-empty list, as in {english}")
        if any(isinstance(inner, dict) for inner in reference):
            # A list of links: the same links in the same order, only their labels translated.
            if len(value) != len(reference):
                raise QuestionnaireError(file, where, f"must have {len(reference)} entries, as in {english}")
            for index, (inner, inner_reference) in enumerate(zip(value, reference, strict=True)):
                _match(file, inner, inner_reference, f"{where}[{index}]")
    elif where.rsplit(".", 1)[-1] == "page":
        if value != reference:
            raise QuestionnaireError(file, where, f"must be {reference!r} as in {english} (pages keep their addresses)")
    elif not isinstance(value, str):
        raise QuestionnaireError(file, where, f"must be text, as in {english}")
    elif _fields(value) != _fields(reference):
        wanted = ", ".join(f"{{{name}}}" for name in sorted(_fields(reference))) or "none"
        raise QuestionnaireError(file, where, f"must use the same fields as {english}: {wanted}")


def _key(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _fields(text: object) -> set[str]:
    if not isinstance(text, str):
        return set()
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


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
