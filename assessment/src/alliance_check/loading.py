"""Load questionnaires from their TOML data and validate them on the way in.

Each questionnaire is two kinds of file in one folder:

- ``<id>.toml``: the structure (ids, scale, keying, bands, pages), in no language;
- ``<id>.<lang>.toml``: every word, one file per language.

Adding a language is adding a file. A malformed file raises one
:class:`QuestionnaireError` naming the file and the field, e.g.
``alliance.toml: items[4].dimension: 'trustt' is not a dimension (known: ...)``.
"""

import os
import re
import string
import tomllib
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn

from alliance_check.errors import QuestionnaireError, QuestionnaireNotFoundError
from alliance_check.schema import (
    Band,
    BordinComponent,
    Dimension,
    HistorySettings,
    HistoryWords,
    Item,
    Note,
    Notes,
    Questionnaire,
    Scale,
)
from alliance_check.wording import result_words

# Ids become form field names and HTML ids at build time, so they stay simple.
ID_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 64
LANG_PATTERN = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# A site-relative page address as MkDocs writes it: "relationship/trust-and-safety/".
PAGE_PATTERN = re.compile(r"(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+")
# Scales up to this many points label every point; longer ones (0-10) need at least the ends.
LABEL_EVERY_POINT_UP_TO = 7
MIN_CONVERSATION_STARTERS = 3
PART_TEMPLATE_FIELDS = frozenset({"title", "answered", "total", "needed"})
OVERALL_TEMPLATE_FIELDS = frozenset({"scored", "total"})
# How many earlier results a history may average for the visitor's recent level.
MIN_RECENT, MAX_RECENT = 1, 10
# Text made only of these shows nothing: white space and zero-width characters.
_INVISIBLE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")

# The packaged data sits next to this module (wheels install unpacked, also in
# Pyodide). Not importlib.resources: importing it costs about 0.1 s in Pyodide.
PACKAGED = Path(__file__).with_name("questionnaires")

Directory = str | os.PathLike[str]


def list_questionnaires(directory: Directory | None = None) -> list[str]:
    """The ids of the questionnaires in ``directory`` (default: the packaged ones), sorted."""
    return sorted(
        entry.name.removesuffix(".toml")
        for entry in _folder(directory).iterdir()
        if entry.name.endswith(".toml") and _is_id(entry.name.removesuffix(".toml")) and entry.is_file()
    )


def list_languages(qid: str, directory: Directory | None = None) -> list[str]:
    """The languages questionnaire ``qid`` has text in, sorted."""
    prefix = f"{qid}."
    languages = []
    for entry in _folder(directory).iterdir():
        name = entry.name
        if name.startswith(prefix) and name.endswith(".toml"):
            lang = name[len(prefix) : -len(".toml")]
            if LANG_PATTERN.fullmatch(lang) and entry.is_file():
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


@cache
def _load_packaged(qid: str, lang: str) -> Questionnaire:
    questionnaire = _load(_folder(None), qid, lang)
    # A result in this language needs the shared result words too: a missing file
    # or key fails here, when the site is built, rather than when a visitor scores.
    result_words(lang)
    return questionnaire


def _load(folder: Path, qid: str, lang: str) -> Questionnaire:
    if not _is_id(qid) or not _is_file(folder / f"{qid}.toml"):
        known = ", ".join(list_questionnaires(folder)) or "none"
        raise QuestionnaireNotFoundError(
            "unknown_questionnaire",
            "questionnaire",
            f"There is no self-check called {_shown(qid)}. The ones available are: {known}.",
        )
    if len(lang) > MAX_ID_LENGTH or not LANG_PATTERN.fullmatch(lang) or not _is_file(folder / f"{qid}.{lang}.toml"):
        known = ", ".join(list_languages(qid, folder)) or "none"
        raise QuestionnaireNotFoundError(
            "unknown_language",
            "lang",
            f"The self-check {qid!r} is not available in the language {_shown(lang)}. Languages available: {known}.",
        )
    structure_file = f"{qid}.toml"
    structure = _Table(structure_file, _read_toml(folder / structure_file))
    words = _Table(f"{qid}.{lang}.toml", _read_toml(folder / f"{qid}.{lang}.toml"))
    return _build(structure, words, qid, lang)


def _is_id(value: str) -> bool:
    return len(value) <= MAX_ID_LENGTH and ID_PATTERN.fullmatch(value) is not None


def _is_file(entry: Path) -> bool:
    try:
        return entry.is_file()
    except OSError:  # e.g. a name too long for the file system: no such questionnaire either way
        return False


def _read_toml(entry: Path) -> dict[str, Any]:
    try:
        text = entry.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise QuestionnaireError(entry.name, "", f"is not UTF-8 text (byte {error.start})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise QuestionnaireError(entry.name, "", f"is not valid TOML: {error}") from None


def _shown(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


class _Table:
    """A TOML table being read: typed getters that fail naming the file and the field."""

    def __init__(self, file: str, data: dict[Any, Any], path: str = "") -> None:
        self.file = file
        self.data = data
        self.path = path

    def where(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str | int, problem: str) -> NoReturn:
        raise QuestionnaireError(self.file, self.path if key == "" else self.where(key), problem)

    def only(self, *allowed: str) -> None:
        for key in self.data:
            if key not in allowed:
                self.fail(key, f"unknown key (expected: {', '.join(allowed)})")

    def get(self, key: str | int) -> Any:
        if key not in self.data:
            self.fail(key, "is missing")
        return self.data[key]

    def text(self, key: str | int) -> str:
        value = self.get(key)
        if not isinstance(value, str):
            self.fail(key, f"must be text, not {_toml_type(value)}")
        if not _INVISIBLE.sub("", value):
            self.fail(key, "is empty")
        return value.strip()

    def identifier(self, key: str) -> str:
        value = self.text(key)
        if not _is_id(value):
            rule = f"up to {MAX_ID_LENGTH} lowercase letters, digits and single hyphens"
            self.fail(key, f"{_shown(value)} is not a valid id ({rule})")
        return value

    def integer(self, key: str | int) -> int:
        value = self.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"must be a whole number, not {_toml_type(value)}")
        return value

    def number(self, key: str) -> int | float:
        value = self.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            self.fail(key, f"must be a number, not {_toml_type(value)}")
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.fail(key, f"must be true or false, not {_toml_type(value)}")
        return value

    def texts(self, key: str, at_least: int) -> tuple[str, ...]:
        value = self.get(key)
        if not isinstance(value, list):
            self.fail(key, f"must be a list of texts, not {_toml_type(value)}")
        if len(value) < at_least:
            self.fail(key, f"needs at least {at_least} entries (has {len(value)})")
        items = _Table(self.file, dict(enumerate(value)), self.where(key))
        return tuple(items.text(i) for i in range(len(value)))

    def table(self, key: str) -> "_Table":
        value = self.get(key)
        if not isinstance(value, dict):
            self.fail(key, f"must be a table, not {_toml_type(value)}")
        return _Table(self.file, value, self.where(key))

    def tables(self, key: str, *, required: bool = True) -> list["_Table"]:
        """An array of tables (``[[key]]``), each remembering its index for messages."""
        if key not in self.data and not required:
            return []
        value = self.get(key)
        if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
            self.fail(key, f"must be an array of tables ([[{key}]]), not {_toml_type(value)}")
        if not value:
            self.fail(key, "is empty")
        return [_Table(self.file, entry, f"{self.where(key)}[{i}]") for i, entry in enumerate(value)]

    def keyed(self, key: str, ids: list[str], noun: str, source: str) -> "_Table":
        """A table keyed by the ids declared in ``source``: exactly those ids, none missing, none added."""
        table = self.table(key)
        for extra in table.data:
            if extra not in ids:
                table.fail(extra, f"{source} has no {noun} {_shown(extra)}")
        for expected in ids:
            if expected not in table.data:
                table.fail("", f"missing text for {noun} {expected!r} (every {noun} in {source} needs one)")
        return table


def _toml_type(value: object) -> str:
    names = {bool: "true/false", int: "a whole number", float: "a decimal number", str: "text"}
    names |= {list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _template(table: _Table, key: str, fields: frozenset[str]) -> str:
    """Text with ``{placeholders}``: only the named fields, so formatting can never fail later."""
    text = table.text(key)
    try:
        used = [
            (name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text) if name is not None
        ]
    except ValueError as error:
        table.fail(key, f"has a misplaced brace: {error}")
    for name, spec, conversion in used:
        if name not in fields:
            known = ", ".join(sorted(f"{{{field}}}" for field in fields))
            table.fail(key, f"unknown placeholder {{{name}}} (known: {known})")
        if spec or conversion:
            table.fail(key, f"placeholder {{{name}}} cannot have a format or conversion: write just {{{name}}}")
    return text


def _declared(
    structure: _Table, words: _Table, key: str, fields: tuple[str, ...], noun: str, *, required: bool = True
) -> tuple[list[_Table], list[str], _Table | None]:
    """An array of tables with unique ids in the structure, and the words keyed by those ids."""
    tables = structure.tables(key, required=required)
    ids: list[str] = []
    for table in tables:
        table.only(*fields)
        value = table.identifier("id")
        if value in ids:
            table.fail("id", f"{value!r} is used for more than one {noun}")
        ids.append(value)
    if not ids:
        if key in words.data:
            words.fail(key, f"{structure.file} declares no {noun}, so there is nothing to name")
        return tables, ids, None
    return tables, ids, words.keyed(key, ids, noun, structure.file)


def _build(structure: _Table, words: _Table, qid: str, lang: str) -> Questionnaire:
    structure.only("id", "version", "scale", "pages", "dimensions", "bordin", "bands", "items", "history")
    words.only("title", "intro", "time_frame", "scale", "notes", "dimensions", "bordin", "bands", "items", "history")
    file_id = structure.identifier("id")
    if file_id != qid:
        structure.fail("id", f"{file_id!r} does not match the file name {qid!r}")
    scale = _scale(structure.table("scale"), words, structure.file)
    declared = {
        key: _declared(structure, words, key, fields, noun, required=key != "bordin")
        for key, fields, noun in (
            ("dimensions", ("id", "page"), "dimension"),
            ("bordin", ("id",), "Bordin component"),
            ("bands", ("id", "min"), "band"),
            ("items", ("id", "dimension", "bordin", "reverse", "safety_answers"), "item"),
        )
    }
    items = _items(*declared["items"], scale, declared["dimensions"][1], declared["bordin"][1])
    return Questionnaire(
        id=qid,
        version=structure.text("version"),
        lang=lang,
        title=words.text("title"),
        intro=words.text("intro"),
        time_frame=words.text("time_frame"),
        scale=scale,
        dimensions=_dimensions(*declared["dimensions"], items),
        bordin=_bordin(*declared["bordin"], items),
        items=items,
        bands=_bands(*declared["bands"]),
        notes=_notes(structure.table("pages"), words.table("notes")),
        history=_history(structure.table("history"), words.table("history")),
    )


def _items(
    tables: list[_Table],
    ids: list[str],
    words: _Table | None,
    scale: Scale,
    dimension_ids: list[str],
    bordin_ids: list[str],
) -> tuple[Item, ...]:
    assert words is not None  # items are required, so their words were read
    items = []
    for table, item_id in zip(tables, ids, strict=True):
        dimension = table.text("dimension")
        if dimension not in dimension_ids:
            table.fail("dimension", f"{dimension!r} is not a dimension (known: {', '.join(dimension_ids)})")
        bordin = None
        if "bordin" in table.data:
            bordin = table.text("bordin")
            if bordin not in bordin_ids:
                known = ", ".join(bordin_ids) or "none: declare [[bordin]] components first"
                table.fail("bordin", f"{bordin!r} is not a Bordin component (known: {known})")
        reverse = table.flag("reverse")
        safety = _safety_answers(table, scale, reverse)
        items.append(Item(item_id, words.text(item_id), dimension, bordin, reverse, safety, scale))
    return tuple(items)


def _safety_answers(table: _Table, scale: Scale, reverse: bool) -> frozenset[int]:
    """The answers that bring the safety note: a run of the scale that starts at the item's worst answer.

    Starting at the worst answer means the worst answers always bring the note;
    a run without gaps means a worse answer never brings less help than a better one.
    """
    if "safety_answers" not in table.data:
        return frozenset()
    value = table.get("safety_answers")
    if not isinstance(value, list) or not value:
        table.fail("safety_answers", f"must be a non-empty list of answers from the scale, not {_toml_type(value)}")
    points = _Table(table.file, dict(enumerate(value)), table.where("safety_answers"))
    answers: list[int] = []
    for i in range(len(value)):
        answer = points.integer(i)
        if not scale.min <= answer <= scale.max:
            points.fail(i, f"{answer} is outside the scale {scale.min}-{scale.max}")
        if answer in answers:
            points.fail(i, f"{answer} is listed twice")
        answers.append(answer)
    worst, step = (scale.max, -1) if reverse else (scale.min, 1)
    expected = [worst + step * n for n in range(len(answers))]
    if sorted(answers) != sorted(expected):
        keyed = (
            "a reverse-keyed item's worst answer is the scale's top" if reverse else "its worst answer is the lowest"
        )
        table.fail(
            "safety_answers",
            f"{sorted(answers)} must be the worst answers without gaps, so the worst always bring the note "
            f"(expected {sorted(expected)}: {keyed})",
        )
    return frozenset(answers)


def _dimensions(
    tables: list[_Table], ids: list[str], words: _Table | None, items: tuple[Item, ...]
) -> tuple[Dimension, ...]:
    assert words is not None  # dimensions are required, so their words were read
    dimensions = []
    for table, dimension_id in zip(tables, ids, strict=True):
        if not any(item.dimension == dimension_id for item in items):
            table.fail("id", f"no item measures {dimension_id!r} (every dimension needs at least one item)")
        text = words.table(dimension_id)
        text.only("title", "meaning", "lower_can_reflect", "conversation_starters")
        dimensions.append(
            Dimension(
                id=dimension_id,
                title=text.text("title"),
                meaning=text.text("meaning"),
                lower_can_reflect=text.text("lower_can_reflect"),
                conversation_starters=text.texts("conversation_starters", MIN_CONVERSATION_STARTERS),
                page=_page(table, "page"),
            )
        )
    return tuple(dimensions)


def _bordin(
    tables: list[_Table], ids: list[str], words: _Table | None, items: tuple[Item, ...]
) -> tuple[BordinComponent, ...]:
    components = []
    for table, component_id in zip(tables, ids, strict=True):
        if not any(item.bordin == component_id for item in items):
            table.fail("id", f"no item is tagged {component_id!r} (every Bordin component needs at least one item)")
        assert words is not None  # there are components, so their words were read
        text = words.table(component_id)
        text.only("title", "meaning")
        components.append(BordinComponent(component_id, text.text("title"), text.text("meaning")))
    return tuple(components)


def _bands(tables: list[_Table], ids: list[str], words: _Table | None) -> tuple[Band, ...]:
    """Bands rise from 0: each covers POMP from its ``min`` up to the next band's, so 0-100 is covered."""
    assert words is not None  # bands are required, so their words were read
    bands = []
    previous: int | float | None = None
    for table, band_id in zip(tables, ids, strict=True):
        start = table.number("min")
        if previous is None and start != 0:
            table.fail("min", f"the first band must start at 0 so the bands cover 0-100 (it starts at {start})")
        if not 0 <= start <= 100:
            table.fail("min", f"{start} is outside the POMP scale 0-100")
        if previous is not None and start <= previous:
            table.fail("min", f"{start} must be above the previous band's {previous} (list bands lowest first)")
        previous = start
        text = words.table(band_id)
        text.only("title", "text")
        bands.append(Band(band_id, start, text.text("title"), text.text("text")))
    return tuple(bands)


def _notes(pages: _Table, words: _Table) -> Notes:
    pages.only("safety", "repair", "talking")
    words.only("safety", "repair", "talking", "part_not_scored", "overall_not_scored")
    return Notes(
        safety=Note(words.text("safety"), _page(pages, "safety")),
        repair=Note(words.text("repair"), _page(pages, "repair")),
        talking=Note(words.text("talking"), _page(pages, "talking")),
        part_not_scored=_template(words, "part_not_scored", PART_TEMPLATE_FIELDS),
        overall_not_scored=_template(words, "overall_not_scored", OVERALL_TEMPLATE_FIELDS),
    )


def _history(settings: _Table, words: _Table) -> HistorySettings:
    settings.only("recent", "drop", "steady")
    recent = settings.integer("recent")
    if not MIN_RECENT <= recent <= MAX_RECENT:
        settings.fail("recent", f"{recent} must be from {MIN_RECENT} to {MAX_RECENT} earlier results")
    drop, steady = settings.number("drop"), settings.number("steady")
    if not 0 < drop <= 100:
        settings.fail("drop", f"{drop} must be above 0 and at most 100 POMP points")
    if not 0 < steady <= drop:
        settings.fail("steady", f"{steady} must be above 0 and at most history.drop ({drop})")
    words.only("first", "not_scored", "flag", "since_last", "since_first")
    directions = ("higher", "same", "lower")

    def by_direction(key: str) -> MappingProxyType[str, str]:
        table = words.table(key)
        table.only(*directions)
        return MappingProxyType({direction: table.text(direction) for direction in directions})

    return HistorySettings(
        recent=recent,
        drop=drop,
        steady=steady,
        words=HistoryWords(
            first=words.text("first"),
            not_scored=words.text("not_scored"),
            flag=words.text("flag"),
            since_last=by_direction("since_last"),
            since_first=by_direction("since_first"),
        ),
    )


def _page(table: _Table, key: str) -> str:
    page = table.text(key)
    if not PAGE_PATTERN.fullmatch(page):
        table.fail(key, f"{page!r} is not a site page address like 'relationship/trust-and-safety/'")
    return page


def _scale(structure: _Table, words: _Table, source: str) -> Scale:
    structure.only("min", "max", "labelled")
    low, high = structure.integer("min"), structure.integer("max")
    if high <= low:
        structure.fail("max", f"{high} must be greater than scale.min ({low})")
    labelled = structure.get("labelled")
    if not isinstance(labelled, list):
        structure.fail("labelled", f"must be a list of whole numbers, not {_toml_type(labelled)}")
    points = _Table(structure.file, dict(enumerate(labelled)), structure.where("labelled"))
    values: list[int] = []
    for i in range(len(labelled)):
        value = points.integer(i)
        if not low <= value <= high:
            points.fail(i, f"{value} is outside the scale {low}-{high}")
        if value in values:
            points.fail(i, f"{value} is listed twice")
        values.append(value)
    count = high - low + 1
    needed = range(low, high + 1) if count <= LABEL_EVERY_POINT_UP_TO else (low, high)
    missing = [str(value) for value in needed if value not in values]
    if missing:
        if count <= LABEL_EVERY_POINT_UP_TO:
            rule = f"a {count}-point scale needs a label for every point"
        else:
            rule = "a longer scale needs labels at both ends"
        structure.fail("labelled", f"{rule} (missing: {', '.join(missing)})")
    words_scale = words.table("scale")
    words_scale.only("labels")
    keys = [str(value) for value in sorted(values)]
    labels = words_scale.keyed("labels", keys, "labelled scale point", source)
    return Scale(low, high, MappingProxyType({int(key): labels.text(key) for key in keys}))
