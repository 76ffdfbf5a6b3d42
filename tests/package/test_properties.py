"""Properties that hold for any answers, checked with generated examples."""

import json
import math
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st
from languages import CHECKS_AND_LANGUAGES, LANGUAGES

from alliance_check import Questionnaire, Result, load_questionnaire, result_to_dict, score
from alliance_check.bridge import _nesting_exceeds, score_json

# Every check in every language: the rules and the bridge hold whatever the words.
QUESTIONNAIRES = [load_questionnaire(qid, lang) for qid, lang in CHECKS_AND_LANGUAGES]


@st.composite
def answered(draw: st.DrawFn) -> tuple[Questionnaire, dict[str, int]]:
    """A questionnaire and answers to some of its items (each item answered or skipped)."""
    questionnaire = draw(st.sampled_from(QUESTIONNAIRES))
    scale = questionnaire.scale
    answers = {}
    for item in questionnaire.items:
        value = draw(st.none() | st.integers(scale.min, scale.max))
        if value is not None:
            answers[item.id] = value
    return questionnaire, answers


def all_parts(result: Result) -> list:
    return [*result.dimensions, *result.bordin, result.overall]


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-14, abs_tol=1e-12)


@given(answered())
def test_scores_stay_on_the_scale_and_pomp_within_0_to_100(case: tuple[Questionnaire, dict[str, int]]) -> None:
    questionnaire, answers = case
    result = score(questionnaire, answers)
    low, high = questionnaire.scale.min, questionnaire.scale.max
    for item in result.items:
        assert low <= item.score <= high and 0 <= item.pomp <= 100
    for part in all_parts(result):
        if part.score is not None:
            assert low <= part.score <= high
            assert 0 <= part.pomp <= 100
            assert part.band is not None


@given(answered(), st.randoms(use_true_random=False))
def test_the_order_of_answers_does_not_matter(case: tuple[Questionnaire, dict[str, int]], random: object) -> None:
    questionnaire, answers = case
    pairs = list(answers.items())
    random.shuffle(pairs)  # type: ignore[attr-defined]
    assert result_to_dict(score(questionnaire, dict(pairs))) == result_to_dict(score(questionnaire, answers))


@given(answered())
def test_mirrored_answers_mirror_every_score(case: tuple[Questionnaire, dict[str, int]]) -> None:
    """Answering min + max - v everywhere turns each score s into min + max - s and each POMP p into 100 - p."""
    questionnaire, answers = case
    low, high = questionnaire.scale.min, questionnaire.scale.max
    result = score(questionnaire, answers)
    mirrored = score(questionnaire, {item: low + high - value for item, value in answers.items()})
    for item, twin in zip(result.items, mirrored.items, strict=True):
        assert twin.score == low + high - item.score
    for part, twin in zip(all_parts(result), all_parts(mirrored), strict=True):
        assert (part.score is None) == (twin.score is None)
        if part.score is not None:
            assert close(twin.score, low + high - part.score)
            assert close(twin.pomp, 100 - part.pomp)


@given(answered())
def test_reverse_keyed_items_score_the_mirror_of_the_answer(case: tuple[Questionnaire, dict[str, int]]) -> None:
    questionnaire, answers = case
    low, high = questionnaire.scale.min, questionnaire.scale.max
    for item in score(questionnaire, answers).items:
        assert item.score == (low + high - item.answer if item.item.reverse else item.answer)


@given(answered())
def test_a_part_is_scored_only_with_half_its_items_answered(case: tuple[Questionnaire, dict[str, int]]) -> None:
    questionnaire, answers = case
    result = score(questionnaire, answers)
    scores = {item.item.id: item.score for item in result.items}
    groups = {d.id: [i.id for i in questionnaire.items if i.dimension == d.id] for d in questionnaire.dimensions}
    groups |= {b.id: [i.id for i in questionnaire.items if i.bordin == b.id] for b in questionnaire.bordin}
    for part in [*result.dimensions, *result.bordin]:
        members = [scores[item] for item in groups[part.id] if item in scores]
        assert (part.answered, part.total) == (len(members), len(groups[part.id]))
        if len(members) >= math.ceil(part.total / 2):
            assert part.score == float(Fraction(sum(members), len(members)))
        else:
            assert part.score is None and part.pomp is None and part.band is None
    every_dimension_scored = all(part.scored for part in result.dimensions)
    assert (result.overall.score is not None) == every_dimension_scored


@given(answered())
def test_flagged_items_are_every_low_answer_lowest_first(case: tuple[Questionnaire, dict[str, int]]) -> None:
    questionnaire, answers = case
    result = score(questionnaire, answers)
    low = [item for item in result.items if item.pomp <= 50]
    assert list(result.flagged) == sorted(low, key=lambda item: item.pomp)  # sorted() is stable: ties keep order
    assert result.needs_safety_note == any(item.answer in item.item.safety_answers for item in result.items)


@given(answered())
def test_the_bridge_agrees_with_the_api(case: tuple[Questionnaire, dict[str, int]]) -> None:
    questionnaire, answers = case
    request = {"questionnaire": questionnaire.id, "lang": questionnaire.lang, "answers": answers}
    reply = json.loads(score_json(json.dumps(request)))
    assert reply == {"ok": True, "result": result_to_dict(score(questionnaire, answers))}


def assert_a_json_reply(reply: object) -> None:
    assert isinstance(reply, str)
    data = json.loads(reply)
    assert data["ok"] in (True, False)
    if not data["ok"]:
        assert isinstance(data["error"]["code"], str) and data["error"]["message"]
        # The catch-all means a bug: bad input must get the error that names what is wrong.
        assert data["error"]["code"] != "internal_error", data["error"]


@given(st.text())
def test_the_bridge_never_raises_on_any_text(text: str) -> None:
    assert_a_json_reply(score_json(text))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


@given(json_values)
def test_the_bridge_never_raises_on_any_json(value: object) -> None:
    assert_a_json_reply(score_json(json.dumps(value)))


item_ids = st.sampled_from(sorted({item.id for q in QUESTIONNAIRES for item in q.items})) | st.text(max_size=8)


@given(
    st.sampled_from([q.id for q in QUESTIONNAIRES]) | st.text(max_size=8),
    st.sampled_from(LANGUAGES) | st.text(max_size=4) | json_values,
    st.dictionaries(item_ids, json_values | st.integers(-2, 12), max_size=20),
)
def test_the_bridge_never_raises_on_requests_that_look_right(qid: str, lang: object, answers: dict) -> None:
    assert_a_json_reply(score_json(json.dumps({"questionnaire": qid, "lang": lang, "answers": answers})))


# Strings full of what could fool a scan for brackets: brackets, quotes and backslashes.
tricky_text = st.text(alphabet=st.sampled_from('[]{}"\\ab\u00e9'), max_size=12)
nested_values = st.recursive(
    st.none() | st.integers() | tricky_text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(tricky_text, children, max_size=3),
    max_leaves=40,
)


def depth_of(value: object) -> int:
    """How deeply arrays and objects nest in a parsed JSON value (a scalar: 0)."""
    if isinstance(value, list):
        return 1 + max(map(depth_of, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(depth_of, value.values()), default=0)
    return 0


@given(nested_values, st.integers(0, 12), st.booleans())
def test_the_nesting_scan_agrees_with_the_json_parser(value: object, limit: int, spaced: bool) -> None:
    text = json.dumps(value, indent=1 if spaced else None, ensure_ascii=False)
    assert _nesting_exceeds(text, limit) == (depth_of(json.loads(text)) > limit)
