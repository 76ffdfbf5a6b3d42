"""Interface words: every word a visitor sees that is not a page's own text or the package's.

One catalogue per language, ``overrides/words/<lang>.toml``, in sections by area
(``[selfcheck]``, ``[offline]``, ``[history]``…). A language is a file: adding
``fr.toml`` adds French, with no code change. Every catalogue must hold exactly
the words of the others, each a non-empty text with the same ``{placeholders}``,
or the build stops naming the file and the word, as the questionnaire loader
does for questionnaires.

A word that depends on a number is a table of two forms, ``one`` (for exactly
1) and ``other``, chosen by its ``count`` value (``fill`` here, ``word()`` in
``assets/javascripts/words.js``).

Templates read words through one Jinja global, ``words`` (``words.selfcheck.submit``),
and fill placeholders with one filter, ``fill``. Page scripts get the sections
they use from a JSON block the build writes into every page (``script_words``).
"""

import json
import re
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

from sitebuild import PROJECT_ROOT, BuildError

WORDS_DIR = PROJECT_ROOT / "overrides" / "words"
# The sections the page scripts read (assets/javascripts/words.js); the others only templates use.
SCRIPT_SECTIONS = ("scoring", "offline", "history", "share")
PLURAL_FORMS = frozenset({"one", "other"})
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

Catalogue = dict[str, object]


def languages(words_dir: Path = WORDS_DIR) -> list[str]:
    """The languages that have interface words: one file each."""
    return sorted(path.stem for path in words_dir.glob("*.toml"))


def is_catalogue(path: str | None, words_dir: Path = WORDS_DIR) -> bool:
    """Whether ``path`` is one of the catalogues: build input, never published."""
    return path is not None and Path(path).resolve().parent == words_dir.resolve()


def catalogue(lang: str, words_dir: Path = WORDS_DIR) -> "Words":
    """The interface words in ``lang``, once every language's catalogue has passed the checks."""
    catalogues = load_catalogues(words_dir)
    if lang not in catalogues:
        raise BuildError(
            f"There are no interface words for the site's language {lang!r}: add {_shown(words_dir / f'{lang}.toml')} "
            f"(copy {next(iter(catalogues), 'en')}.toml and translate every value). "
            f"Languages with words: {', '.join(catalogues) or 'none'}."
        )
    return Words(catalogues[lang], _shown(words_dir / f"{lang}.toml"))


@cache
def load_catalogues(words_dir: Path = WORDS_DIR) -> dict[str, Catalogue]:
    """Every language's catalogue, checked: each value a text (or plural forms), same words and placeholders in all."""
    found = languages(words_dir)
    if not found:
        raise BuildError(f"{_shown(words_dir)} holds no interface words: it needs one file per language, like en.toml.")
    catalogues = {lang: _read(words_dir / f"{lang}.toml") for lang in found}
    flat = {lang: dict(_leaves(table, _shown(words_dir / f"{lang}.toml"))) for lang, table in catalogues.items()}
    _check_same_words(flat, words_dir)
    _check_same_placeholders(flat, words_dir)
    return catalogues


def _read(path: Path) -> Catalogue:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise BuildError(f"{_shown(path)} is not valid TOML: {error}") from error


def _leaves(table: Mapping[str, object], where: str, prefix: str = ""):
    """(dotted key, text or plural forms) for every word, each checked to be non-empty text."""
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and set(value) == PLURAL_FORMS:
            for form in sorted(PLURAL_FORMS):
                _check_text(value[form], where, f"{name}.{form}")
            yield name, value
        elif isinstance(value, dict):
            yield from _leaves(value, where, f"{name}.")
        else:
            _check_text(value, where, name)
            yield name, value


def _check_text(value: object, where: str, name: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise BuildError(f"{where}: the word {name} must be a text that is not empty, in quotes (it is {value!r}).")


def _check_same_words(flat: dict[str, dict[str, object]], words_dir: Path) -> None:
    problems = []
    for lang, words in flat.items():
        for other, other_words in flat.items():
            for key in sorted(other_words.keys() - words.keys()):
                problems.append(
                    f"{_shown(words_dir / f'{lang}.toml')} has no word {key}, which {other}.toml has: "
                    f"add it, in this file's language."
                )
    if problems:
        listed = "\n  - ".join(dict.fromkeys(problems))
        raise BuildError(f"Every language needs the same interface words:\n  - {listed}")


def _check_same_placeholders(flat: dict[str, dict[str, object]], words_dir: Path) -> None:
    first, *others = flat
    for lang in others:
        for key, value in flat[lang].items():
            expected, actual = placeholders(flat[first][key]), placeholders(value)
            if expected != actual:
                raise BuildError(
                    f"{_shown(words_dir / f'{lang}.toml')}: the word {key} has the placeholders "
                    f"{_listed(actual)}, but in {first}.toml it has {_listed(expected)}: "
                    "they must be the same, each written exactly as in the other language ({name})."
                )


def placeholders(value: object) -> set[str]:
    """The ``{names}`` a word (or any of its plural forms) has."""
    texts = value.values() if isinstance(value, dict) else [value]
    return {name for text in texts for name in PLACEHOLDER.findall(str(text))}


def _listed(names: set[str]) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names)) or "none"


def _shown(path: Path) -> str:
    """A path as the person editing it would name it: from the project's root where it is inside."""
    try:
        return path.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


class Words:
    """One section of a catalogue, read by attribute (``words.selfcheck.submit``); an unknown word stops the build."""

    def __init__(self, table: Mapping[str, object], where: str, prefix: str = "") -> None:
        self._table = table
        self._where = where
        self._prefix = prefix

    def __getattr__(self, name: str) -> object:
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self._table:
            raise BuildError(f"{self._where} has no word {self._prefix}{name}, which a template asks for: add it.")
        value = self._table[name]
        if isinstance(value, dict) and set(value) != PLURAL_FORMS:
            return Words(value, self._where, f"{self._prefix}{name}.")
        return value

    def section(self, name: str) -> Mapping[str, object]:
        """A section as plain data, for the page scripts."""
        getattr(self, name)
        return self._table[name]


def fill(word: object, **values: object) -> Markup:
    """A word with its ``{placeholders}`` filled, as escaped markup; ``count`` picks a plural form.

    Values are escaped unless they are markup already (a link a template made).
    """
    text = _form(word, values)
    return Markup(_filled(str(escape(text)), text, {name: escape(value) for name, value in values.items()}))


def fill_text(word: object, **values: object) -> str:
    """A word with its ``{placeholders}`` filled, as plain text (for text that is escaped where it is used)."""
    text = _form(word, values)
    return _filled(text, text, values)


def _form(word: object, values: Mapping[str, object]) -> str:
    """The text of a word, or of the plural form its ``count`` calls for: ``one`` for exactly 1."""
    if isinstance(word, dict):
        return word["one"] if values.get("count") == 1 else word["other"]
    return str(word)


def _filled(text: str, word: str, values: Mapping[str, object]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match[1]
        if name not in values:
            raise BuildError(f"The word {word!r} needs a value for {{{name}}}, which its template does not give.")
        return str(values[name])

    return PLACEHOLDER.sub(value, text)


def script_words(words: Words) -> str:
    """The sections the page scripts use, as JSON safe inside a ``<script type="application/json">`` block.

    Every ``<`` is written as ``\\u003c``, so no word can close the block or open a comment in it.
    """
    data = {name: words.section(name) for name in SCRIPT_SECTIONS}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
