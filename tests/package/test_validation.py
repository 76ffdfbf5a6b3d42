"""Malformed questionnaire data fails on load with one error naming the file and the field."""

from pathlib import Path

import pytest
from mini_questionnaire import MakeQuestionnaire

from alliance_check import QuestionnaireError, load_questionnaire, score

STRUCTURE_CASES = {
    # name: (edits to mini.toml, the full error message)
    "dimension that does not exist": (
        [('id = "judged"\ndimension = "trust"', 'id = "judged"\ndimension = "trustt"')],
        "mini.toml: items[1].dimension: 'trustt' is not a dimension (known: trust, support)",
    ),
    "id that does not match the file name": (
        [('id = "mini"', 'id = "other"')],
        "mini.toml: id: 'other' does not match the file name 'mini'",
    ),
    "missing version": ([('version = "1"\n', "")], "mini.toml: version: is missing"),
    "empty version": ([('version = "1"', 'version = "  "')], "mini.toml: version: is empty"),
    "unknown top-level key": (
        [('version = "1"', 'version = "1"\ncolour = "red"')],
        "mini.toml: colour: unknown key "
        "(expected: id, version, scale, pages, dimensions, bordin, bands, items, history)",
    ),
    "item id used twice": (
        [('id = "judged"', 'id = "honest"')],
        "mini.toml: items[1].id: 'honest' is used for more than one item",
    ),
    "dimension id used twice": (
        [('id = "support"', 'id = "trust"')],
        "mini.toml: dimensions[1].id: 'trust' is used for more than one dimension",
    ),
    "id that is not simple": (
        [('id = "heard"', 'id = "Heard ok"')],
        "mini.toml: items[3].id: 'Heard ok' is not a valid id (up to 64 lowercase letters, digits and single hyphens)",
    ),
    "unknown key in an item": (
        [("safety_answers = [1, 2]", "safety_answers = [1, 2]\nrevers = true")],
        "mini.toml: items[0].revers: unknown key (expected: id, dimension, bordin, reverse, safety_answers)",
    ),
    "safety answers that are not a list": (
        [("safety_answers = [1, 2]", "safety_answers = true")],
        "mini.toml: items[0].safety_answers: must be a non-empty list of answers from the scale, not true/false",
    ),
    "safety answers that are empty": (
        [("safety_answers = [1, 2]", "safety_answers = []")],
        "mini.toml: items[0].safety_answers: must be a non-empty list of answers from the scale, not a list",
    ),
    "safety answer off the scale": (
        [("safety_answers = [1, 2]", "safety_answers = [0, 1]")],
        "mini.toml: items[0].safety_answers[0]: 0 is outside the scale 1-5",
    ),
    "safety answer listed twice": (
        [("safety_answers = [1, 2]", "safety_answers = [1, 1]")],
        "mini.toml: items[0].safety_answers[1]: 1 is listed twice",
    ),
    "safety answers that leave out the worst answer": (
        [("safety_answers = [1, 2]", "safety_answers = [2]")],
        "mini.toml: items[0].safety_answers: [2] must be the worst answers without gaps, so the worst always "
        "bring the note (expected [1]: its worst answer is the lowest)",
    ),
    "safety answers with a gap": (
        [("safety_answers = [1, 2]", "safety_answers = [1, 3]")],
        "mini.toml: items[0].safety_answers: [1, 3] must be the worst answers without gaps, so the worst always "
        "bring the note (expected [1, 2]: its worst answer is the lowest)",
    ),
    "safety answers counted from the wrong end of a reverse-keyed item": (
        [("safety_answers = [5, 4]", "safety_answers = [1, 2]")],
        "mini.toml: items[1].safety_answers: [1, 2] must be the worst answers without gaps, so the worst always "
        "bring the note (expected [4, 5]: a reverse-keyed item's worst answer is the scale's top)",
    ),
    "the old safety flag": (
        [("safety_answers = [1, 2]", "safety = true")],
        "mini.toml: items[0].safety: unknown key (expected: id, dimension, bordin, reverse, safety_answers)",
    ),
    "reverse that is not true or false": (
        [("reverse = true", 'reverse = "yes"')],
        "mini.toml: items[1].reverse: must be true or false, not text",
    ),
    "Bordin tag that does not exist": (
        [('dimension = "trust"\nbordin = "bond"', 'dimension = "trust"\nbordin = "bnd"')],
        "mini.toml: items[0].bordin: 'bnd' is not a Bordin component (known: bond, tasks)",
    ),
    "Bordin component without items": (
        [('bordin = "tasks"', 'bordin = "bond"')],
        "mini.toml: bordin[1].id: no item is tagged 'tasks' (every Bordin component needs at least one item)",
    ),
    "scale max not above min": ([("max = 5", "max = 1")], "mini.toml: scale.max: 1 must be greater than scale.min (1)"),
    "scale bound that is not a whole number": (
        [("min = 1\nmax", "min = 1.0\nmax")],
        "mini.toml: scale.min: must be a whole number, not a decimal number",
    ),
    "scale bound that is true or false": (
        [("min = 1\nmax", "min = true\nmax")],
        "mini.toml: scale.min: must be a whole number, not true/false",
    ),
    "short scale with an unlabelled point": (
        [("labelled = [1, 2, 3, 4, 5]", "labelled = [1, 2, 4, 5]")],
        "mini.toml: scale.labelled: a 5-point scale needs a label for every point (missing: 3)",
    ),
    "long scale without a label at one end": (
        [("min = 1\nmax = 5\nlabelled = [1, 2, 3, 4, 5]", "min = 0\nmax = 10\nlabelled = [0, 5]")],
        "mini.toml: scale.labelled: a longer scale needs labels at both ends (missing: 10)",
    ),
    "labelled point outside the scale": (
        [("labelled = [1, 2, 3, 4, 5]", "labelled = [1, 2, 3, 4, 5, 6]")],
        "mini.toml: scale.labelled[5]: 6 is outside the scale 1-5",
    ),
    "labelled point listed twice": (
        [("labelled = [1, 2, 3, 4, 5]", "labelled = [1, 2, 3, 4, 5, 5]")],
        "mini.toml: scale.labelled[5]: 5 is listed twice",
    ),
    "bands that do not start at 0": (
        [('id = "low"\nmin = 0', 'id = "low"\nmin = 10')],
        "mini.toml: bands[0].min: the first band must start at 0 so the bands cover 0-100 (it starts at 10)",
    ),
    "bands out of order": (
        [('id = "middle"\nmin = 50', 'id = "middle"\nmin = 80')],
        "mini.toml: bands[2].min: 75 must be above the previous band's 80 (list bands lowest first)",
    ),
    "band beyond 100": (
        [('id = "high"\nmin = 75', 'id = "high"\nmin = 120')],
        "mini.toml: bands[2].min: 120 is outside the POMP scale 0-100",
    ),
    "band start that is not a number": (
        [('id = "middle"\nmin = 50', 'id = "middle"\nmin = "50"')],
        "mini.toml: bands[1].min: must be a number, not text",
    ),
    "page that is not a site address": (
        [('page = "relationship/trust-and-safety/"', 'page = "/relationship/trust"')],
        "mini.toml: dimensions[0].page: '/relationship/trust' is not a site page address like "
        "'relationship/trust-and-safety/'",
    ),
    "missing safety page": ([('safety = "get-help-now/"\n', "")], "mini.toml: pages.safety: is missing"),
}

WORDS_CASES = {
    # name: (edits to mini.en.toml, the full error message)
    "translation missing an item": (
        [('heard = "You feel heard."\n', "")],
        "mini.en.toml: items: missing text for item 'heard' (every item in mini.toml needs one)",
    ),
    "translation adding an item": (
        [('heard = "You feel heard."', 'heard = "You feel heard."\nextra = "An extra."')],
        "mini.en.toml: items.extra: mini.toml has no item 'extra'",
    ),
    "translation missing a dimension": (
        [('[dimensions.support]\ntitle = "Support"', '[dimensions.supprt]\ntitle = "Support"')],
        "mini.en.toml: dimensions.supprt: mini.toml has no dimension 'supprt'",
    ),
    "translation missing a band": (
        [('[bands.middle]\ntitle = "Mixed"\ntext = "Middle."\n', "")],
        "mini.en.toml: bands: missing text for band 'middle' (every band in mini.toml needs one)",
    ),
    "translation missing a Bordin component": (
        [('[bordin.tasks]\ntitle = "Tasks"\nmeaning = "The way of working."\n', "")],
        "mini.en.toml: bordin: missing text for Bordin component 'tasks' (every Bordin component in mini.toml "
        "needs one)",
    ),
    "translation missing a scale label": (
        [('"3" = "Sometimes"\n', "")],
        "mini.en.toml: scale.labels: missing text for labelled scale point '3' (every labelled scale point in "
        "mini.toml needs one)",
    ),
    "translation labelling a point the structure does not": (
        [('"3" = "Sometimes"', '"03" = "Sometimes"')],
        "mini.en.toml: scale.labels.03: mini.toml has no labelled scale point '03'",
    ),
    "empty item text": ([('heard = "You feel heard."', 'heard = "  "')], "mini.en.toml: items.heard: is empty"),
    "text that is not text": (
        [('title = "Mini"', "title = 3")],
        "mini.en.toml: title: must be text, not a whole number",
    ),
    "missing intro": (
        [('intro = "A small questionnaire for tests."\n', "")],
        "mini.en.toml: intro: is missing",
    ),
    "too few conversation starters": (
        [('conversation_starters = ["One.", "Two.", "Three."]', 'conversation_starters = ["One.", "Two."]')],
        "mini.en.toml: dimensions.trust.conversation_starters: needs at least 3 entries (has 2)",
    ),
    "empty conversation starter": (
        [('conversation_starters = ["One.", "Two.", "Three."]', 'conversation_starters = ["One.", "", "Three."]')],
        "mini.en.toml: dimensions.trust.conversation_starters[1]: is empty",
    ),
    "unknown placeholder": (
        [("{title}: {answered}", "{name}: {answered}")],
        "mini.en.toml: notes.part_not_scored: unknown placeholder {name} (known: {answered}, {needed}, {title}, "
        "{total})",
    ),
    "placeholder with a format": (
        [("{title}: {answered}", "{title:d}: {answered}")],
        "mini.en.toml: notes.part_not_scored: placeholder {title} cannot have a format or conversion: write just "
        "{title}",
    ),
    "placeholder with a conversion": (
        [("{title}: {answered}", "{title!r}: {answered}")],
        "mini.en.toml: notes.part_not_scored: placeholder {title} cannot have a format or conversion: write just "
        "{title}",
    ),
    "item text of zero-width characters only": (
        [('heard = "You feel heard."', 'heard = "\u200b \ufeff"')],
        "mini.en.toml: items.heard: is empty",
    ),
    "misplaced brace": (
        [('overall_not_scored = "{scored} of', 'overall_not_scored = "{scored of')],
        "mini.en.toml: notes.overall_not_scored: has a misplaced brace: unexpected '{' in field name",
    ),
    "unknown key in a dimension's words": (
        [('title = "Trust"', 'title = "Trust"\nsubtitle = "x"')],
        "mini.en.toml: dimensions.trust.subtitle: unknown key (expected: title, meaning, lower_can_reflect, "
        "conversation_starters)",
    ),
}


@pytest.mark.parametrize(("edits", "message"), STRUCTURE_CASES.values(), ids=STRUCTURE_CASES.keys())
def test_malformed_structure_is_named(make_questionnaire: MakeQuestionnaire, edits: list, message: str) -> None:
    folder = make_questionnaire(structure=edits)
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire("mini", directory=folder)
    assert str(caught.value) == message


@pytest.mark.parametrize(("edits", "message"), WORDS_CASES.values(), ids=WORDS_CASES.keys())
def test_malformed_words_are_named(make_questionnaire: MakeQuestionnaire, edits: list, message: str) -> None:
    folder = make_questionnaire(words=edits)
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire("mini", directory=folder)
    assert str(caught.value) == message


def test_the_error_keeps_its_parts(make_questionnaire: MakeQuestionnaire) -> None:
    folder = make_questionnaire(structure=[("max = 5", "max = 1")])
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire("mini", directory=folder)
    error = caught.value
    assert (error.file, error.field, error.problem) == (
        "mini.toml",
        "scale.max",
        "1 must be greater than scale.min (1)",
    )


def test_a_dimension_without_items_is_refused(make_questionnaire: MakeQuestionnaire) -> None:
    folder = make_questionnaire(
        structure=[
            (
                '[[bordin]]\nid = "bond"',
                '[[dimensions]]\nid = "hope"\npage = "relationship/"\n\n[[bordin]]\nid = "bond"',
            )
        ],
        words=[
            (
                "[bordin.bond]",
                '[dimensions.hope]\ntitle = "Hope"\nmeaning = "M."\nlower_can_reflect = "L."\n'
                'conversation_starters = ["1", "2", "3"]\n\n[bordin.bond]',
            )
        ],
    )
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire("mini", directory=folder)
    assert str(caught.value) == (
        "mini.toml: dimensions[2].id: no item measures 'hope' (every dimension needs at least one item)"
    )


WITHOUT_BORDIN = [
    ('[[bordin]]\nid = "bond"\n\n[[bordin]]\nid = "tasks"\n\n', ""),
    ('bordin = "bond"\nsafety_answers', "safety_answers"),
    ('bordin = "bond"\nreverse', "reverse"),
    ('bordin = "tasks"\n', ""),
]
WITHOUT_BORDIN_WORDS = [
    (
        '[bordin.bond]\ntitle = "Bond"\nmeaning = "The connection."\n\n[bordin.tasks]\n'
        'title = "Tasks"\nmeaning = "The way of working."\n',
        "",
    )
]


def test_bordin_components_are_optional(make_questionnaire: MakeQuestionnaire) -> None:
    folder = make_questionnaire(structure=WITHOUT_BORDIN, words=WITHOUT_BORDIN_WORDS)
    questionnaire = load_questionnaire("mini", directory=folder)
    assert questionnaire.bordin == ()
    assert score(questionnaire, {"honest": 5}).bordin == ()


def test_words_for_undeclared_bordin_components_are_refused(make_questionnaire: MakeQuestionnaire) -> None:
    folder = make_questionnaire(structure=WITHOUT_BORDIN)
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire("mini", directory=folder)
    assert (
        str(caught.value) == "mini.en.toml: bordin: mini.toml declares no Bordin component, so there is nothing to name"
    )


def test_invalid_toml_is_named(make_questionnaire: MakeQuestionnaire) -> None:
    folder = make_questionnaire(structure=[('id = "mini"', 'id = "mini')])
    with pytest.raises(QuestionnaireError, match=r"^mini\.toml: is not valid TOML: ") as caught:
        load_questionnaire("mini", directory=folder)
    assert caught.value.field == ""


def test_text_that_is_not_utf8_is_named(make_questionnaire: MakeQuestionnaire) -> None:
    folder: Path = make_questionnaire()
    (folder / "mini.en.toml").write_bytes(b'title = "Mini \xff"\n')
    with pytest.raises(QuestionnaireError, match=r"^mini\.en\.toml: is not UTF-8 text \(byte 14\)$"):
        load_questionnaire("mini", directory=folder)


def test_the_valid_fixture_loads(make_questionnaire: MakeQuestionnaire) -> None:
    questionnaire = load_questionnaire("mini", directory=make_questionnaire())
    assert [item.id for item in questionnaire.items] == ["honest", "judged", "respected", "heard"]
    assert [band.min_pomp for band in questionnaire.bands] == [0, 50, 75]
    assert questionnaire.scale.labels[3] == "Sometimes"
