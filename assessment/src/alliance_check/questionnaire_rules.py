"""The rules a questionnaire's data must follow, checked as it is read.

:func:`build_questionnaire` turns a structure file (``<id>.toml``: ids, scale,
keying, bands, pages, in no language) and a words file (``<id>.<lang>.toml``)
into a :class:`~alliance_check.schema.Questionnaire`, or raises
:class:`~alliance_check.errors.QuestionnaireError` naming the file and the
field, e.g. ``alliance.toml: items[4].dimension: 'trustt' is not a dimension
(known: ...)``.
"""

import re
from types import MappingProxyType

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
from alliance_check.toml_table import TomlTable, toml_type

# A site-relative page address as MkDocs writes it: "relationship/trust-and-safety/".
PAGE_PATTERN = re.compile(r"(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+")
# Scales up to this many points label every point; longer ones (0-10) need at least the ends.
LABEL_EVERY_POINT_UP_TO = 7
MIN_CONVERSATION_STARTERS = 3
PART_TEMPLATE_FIELDS = frozenset({"title", "answered", "total", "needed"})
OVERALL_TEMPLATE_FIELDS = frozenset({"scored", "total"})
# How many earlier results a history may average for the visitor's recent level.
MIN_RECENT, MAX_RECENT = 1, 10


def _declared(
    structure: TomlTable, words: TomlTable, key: str, fields: tuple[str, ...], noun: str, *, required: bool = True
) -> tuple[list[TomlTable], list[str], TomlTable | None]:
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


def build_questionnaire(structure: TomlTable, words: TomlTable, qid: str, lang: str) -> Questionnaire:
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
    tables: list[TomlTable],
    ids: list[str],
    words: TomlTable | None,
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


def _safety_answers(table: TomlTable, scale: Scale, reverse: bool) -> frozenset[int]:
    """The answers that bring the safety note: a run of the scale that starts at the item's worst answer.

    Starting at the worst answer means the worst answers always bring the note;
    a run without gaps means a worse answer never brings less help than a better one.
    """
    if "safety_answers" not in table.data:
        return frozenset()
    value = table.get("safety_answers")
    if not isinstance(value, list) or not value:
        table.fail("safety_answers", f"must be a non-empty list of answers from the scale, not {toml_type(value)}")
    points = TomlTable(table.file, dict(enumerate(value)), table.where("safety_answers"))
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
    tables: list[TomlTable], ids: list[str], words: TomlTable | None, items: tuple[Item, ...]
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
    tables: list[TomlTable], ids: list[str], words: TomlTable | None, items: tuple[Item, ...]
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


def _bands(tables: list[TomlTable], ids: list[str], words: TomlTable | None) -> tuple[Band, ...]:
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


def _notes(pages: TomlTable, words: TomlTable) -> Notes:
    pages.only("safety", "repair", "talking")
    words.only("safety", "repair", "talking", "part_not_scored", "overall_not_scored")
    return Notes(
        safety=Note(words.text("safety"), _page(pages, "safety")),
        repair=Note(words.text("repair"), _page(pages, "repair")),
        talking=Note(words.text("talking"), _page(pages, "talking")),
        part_not_scored=words.template("part_not_scored", PART_TEMPLATE_FIELDS),
        overall_not_scored=words.template("overall_not_scored", OVERALL_TEMPLATE_FIELDS),
    )


def _history(settings: TomlTable, words: TomlTable) -> HistorySettings:
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


def _page(table: TomlTable, key: str) -> str:
    page = table.text(key)
    if not PAGE_PATTERN.fullmatch(page):
        table.fail(key, f"{page!r} is not a site page address like 'relationship/trust-and-safety/'")
    return page


def _scale(structure: TomlTable, words: TomlTable, source: str) -> Scale:
    structure.only("min", "max", "labelled")
    low, high = structure.integer("min"), structure.integer("max")
    if high <= low:
        structure.fail("max", f"{high} must be greater than scale.min ({low})")
    labelled = structure.get("labelled")
    if not isinstance(labelled, list):
        structure.fail("labelled", f"must be a list of whole numbers, not {toml_type(labelled)}")
    points = TomlTable(structure.file, dict(enumerate(labelled)), structure.where("labelled"))
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
