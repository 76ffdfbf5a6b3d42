"""Load questionnaires from their TOML data and validate them on the way in.

Each questionnaire is two kinds of file in one folder:

- ``<id>.toml``: the structure (ids, scale, keying, bands, pages), in no language;
- ``<id>.<lang>.toml``: every word, one file per language.

Adding a language is adding a file. This module finds and reads the files;
the rules their data must follow are in :mod:`alliance_check.questionnaire_rules`,
read through :mod:`alliance_check.toml_table`. A malformed file raises one
:class:`QuestionnaireError` naming the file and the field, e.g.
``alliance.toml: items[4].dimension: 'trustt' is not a dimension (known: ...)``.
"""

import os
import re
from functools import cache
from pathlib import Path

from alliance_check.errors import QuestionnaireNotFoundError
from alliance_check.questionnaire_rules import build_questionnaire
from alliance_check.schema import Questionnaire
from alliance_check.toml_table import MAX_ID_LENGTH, TomlTable, is_id, read_toml, shown
from alliance_check.wording import result_words

LANG_PATTERN = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")

# The packaged data sits next to this module (wheels install unpacked, also in
# Pyodide). Not importlib.resources: importing it costs about 0.1 s in Pyodide.
PACKAGED = Path(__file__).with_name("questionnaires")

Directory = str | os.PathLike[str]


def list_questionnaires(directory: Directory | None = None) -> list[str]:
    """The ids of the questionnaires in ``directory`` (default: the packaged ones), sorted."""
    return sorted(
        name.removesuffix(".toml")
        for name in _file_names(_folder(directory))
        if name.endswith(".toml") and is_id(name.removesuffix(".toml"))
    )


def list_languages(qid: str, directory: Directory | None = None) -> list[str]:
    """The languages questionnaire ``qid`` has text in, sorted."""
    prefix = f"{qid}."
    languages = []
    for name in _file_names(_folder(directory)):
        if name.startswith(prefix) and name.endswith(".toml"):
            lang = name[len(prefix) : -len(".toml")]
            if LANG_PATTERN.fullmatch(lang):
                languages.append(lang)
    return sorted(languages)


def load_questionnaire(qid: str, lang: str = "en", *, directory: Directory | None = None) -> Questionnaire:
    """Load and validate questionnaire ``qid`` in ``lang``.

    ``directory`` defaults to the packaged questionnaires (loaded once, then
    cached: a :class:`Questionnaire` is immutable; the result words of ``lang``
    are loaded and checked with it). Raises :class:`QuestionnaireNotFoundError`
    for an unknown id or language and :class:`QuestionnaireError` for malformed
    data.
    """
    if not isinstance(qid, str):
        raise QuestionnaireNotFoundError("unknown_questionnaire", "questionnaire", "The questionnaire id must be text.")
    if not isinstance(lang, str):
        raise QuestionnaireNotFoundError("unknown_language", "lang", "The language must be text, such as 'en'.")
    if directory is None:
        return _load_packaged(qid, lang)
    return _load(_folder(directory), qid, lang)


def load_questionnaire_file(path: str | os.PathLike[str], lang: str = "en") -> Questionnaire:
    """Load the questionnaire whose structure file is ``path`` (``<id>.toml``), with its ``<id>.<lang>.toml``."""
    path = Path(path)
    if path.suffix != ".toml" or not path.is_file():
        raise QuestionnaireNotFoundError(
            "unknown_questionnaire", "questionnaire", f"{path} is not a questionnaire file (<id>.toml)."
        )
    return load_questionnaire(path.stem, lang, directory=path.parent)


def _folder(directory: Directory | None) -> Path:
    return PACKAGED if directory is None else Path(directory)


def _file_names(folder: Path) -> frozenset[str]:
    """The names of the files in ``folder``; the packaged folder's are read once.

    The packaged files never change while the package runs, and the site's
    worker, started from the memory snapshot, has what they hold in memory
    only: it does not install the package's files again.
    """
    return _packaged_file_names() if folder == PACKAGED else _read_file_names(folder)


@cache
def _packaged_file_names() -> frozenset[str]:
    return _read_file_names(PACKAGED)


def _read_file_names(folder: Path) -> frozenset[str]:
    """The questionnaire files (``*.toml``) in ``folder``."""
    return frozenset(entry.name for entry in folder.iterdir() if entry.name.endswith(".toml") and entry.is_file())


@cache
def _load_packaged(qid: str, lang: str) -> Questionnaire:
    questionnaire = _load(_folder(None), qid, lang)
    # A result in this language needs the shared result words too: a missing file
    # or key fails here, when the site is built, rather than when a visitor scores.
    result_words(lang)
    return questionnaire


def _load(folder: Path, qid: str, lang: str) -> Questionnaire:
    names = _file_names(folder)
    if not is_id(qid) or f"{qid}.toml" not in names:
        known = ", ".join(list_questionnaires(folder)) or "none"
        raise QuestionnaireNotFoundError(
            "unknown_questionnaire",
            "questionnaire",
            f"There is no self-check called {shown(qid)}. The ones available are: {known}.",
        )
    if len(lang) > MAX_ID_LENGTH or not LANG_PATTERN.fullmatch(lang) or f"{qid}.{lang}.toml" not in names:
        known = ", ".join(list_languages(qid, folder)) or "none"
        raise QuestionnaireNotFoundError(
            "unknown_language",
            "lang",
            f"The self-check {qid!r} is not available in the language {shown(lang)}. Languages available: {known}.",
        )
    structure_file = f"{qid}.toml"
    structure = TomlTable(structure_file, read_toml(folder / structure_file))
    words = TomlTable(f"{qid}.{lang}.toml", read_toml(folder / f"{qid}.{lang}.toml"))
    return build_questionnaire(structure, words, qid, lang)
