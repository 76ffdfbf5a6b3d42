"""The scoring rules, one at a time, on the small test questionnaire and the packaged ones."""

import enum
from fractions import Fraction

import pytest
from mini_questionnaire import MakeQuestionnaire

from alliance_check import AnswerError, PartScore, Questionnaire, answers_needed, load_questionnaire, score


@pytest.fixture
def mini(make_questionnaire: MakeQuestionnaire) -> Questionnaire:
    # trust: honest (safety, bond), judged (reverse, safety, bond), respected (tasks); support: heard (untagged)
    return load_questionnaire("mini", directory=make_questionnaire())


def part(parts: tuple, part_id: str):
    return next(p for p in parts if p.id == part_id)


# Item scores


def test_an_item_scores_its_answer(mini: Questionnaire) -> None:
    (honest,) = score(mini, {"honest": 4}).items
    assert (honest.answer, honest.score, honest.pomp) == (4, 4, 75.0)


@pytest.mark.parametrize(("answer", "expected"), [(1, 5), (2, 4), (3, 3), (4, 2), (5, 1)])
def test_a_reverse_keyed_item_scores_min_plus_max_minus_answer(mini: Questionnaire, answer: int, expected: int) -> None:
    (judged,) = score(mini, {"judged": answer}).items
    assert (judged.answer, judged.score) == (answer, expected)


# Dimension scores and the missing-answer rule


def test_a_dimension_is_the_mean_of_its_answered_items(mini: Questionnaire) -> None:
    trust = part(score(mini, {"honest": 5, "judged": 2, "respected": 3}).dimensions, "trust")
    assert (trust.score, trust.pomp, trust.band.id) == (4.0, 75.0, "high")
    assert (trust.answered, trust.total, trust.needed) == (3, 3, 2)


def test_scores_are_unrounded(mini: Questionnaire) -> None:
    trust = part(score(mini, {"honest": 5, "judged": 1, "respected": 1}).dimensions, "trust")
    assert trust.score == 11 / 3 == 3.6666666666666665
    assert trust.pomp == 200 / 3 == 66.66666666666667


def test_a_dimension_with_half_its_items_rounded_up_answered_is_scored(mini: Questionnaire) -> None:
    trust = part(score(mini, {"honest": 5, "respected": 2}).dimensions, "trust")
    assert (trust.score, trust.answered, trust.total) == (3.5, 2, 3)


def test_a_dimension_with_fewer_answers_is_not_scored(mini: Questionnaire) -> None:
    trust = part(score(mini, {"honest": 5}).dimensions, "trust")
    assert (trust.score, trust.pomp, trust.band) == (None, None, None)
    assert (trust.scored, trust.answered, trust.total, trust.needed) == (False, 1, 3, 2)


@pytest.mark.parametrize(("total", "needed"), [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (6, 3)])
def test_needed_is_half_rounded_up(total: int, needed: int) -> None:
    assert answers_needed(total) == needed
    assert PartScore("x", None, None, None, 0, total).needed == needed


# Overall


def test_overall_is_the_mean_of_the_dimension_scores(mini: Questionnaire) -> None:
    overall = score(mini, {"honest": 5, "judged": 2, "respected": 3, "heard": 3}).overall
    assert (overall.score, overall.pomp, overall.band.id) == (3.5, 62.5, "middle")
    assert (overall.scored, overall.total) == (2, 2)


def test_overall_is_exact_not_a_mean_of_rounded_means(mini: Questionnaire) -> None:
    overall = score(mini, {"honest": 5, "judged": 1, "respected": 1, "heard": 4}).overall
    assert overall.score == float(Fraction(23, 6))
    assert overall.pomp == float(100 * (Fraction(23, 6) - 1) / 4)


def test_overall_needs_every_dimension(mini: Questionnaire) -> None:
    overall = score(mini, {"honest": 5, "judged": 2, "respected": 3}).overall
    assert (overall.score, overall.pomp, overall.band) == (None, None, None)
    assert (overall.scored, overall.total) == (1, 2)


# POMP and bands


@pytest.mark.parametrize(
    ("answers", "pomp", "band"),
    [
        ({"heard": 1}, 0.0, "low"),
        ({"heard": 2}, 25.0, "low"),
        ({"heard": 3}, 50.0, "middle"),  # a band starts at its min
        ({"heard": 4}, 75.0, "high"),
        ({"heard": 5}, 100.0, "high"),
    ],
)
def test_pomp_and_band(mini: Questionnaire, answers: dict, pomp: float, band: str) -> None:
    support = part(score(mini, answers).dimensions, "support")
    assert (support.pomp, support.band.id) == (pomp, band)


def test_just_below_a_band_start_is_the_band_below(mini: Questionnaire) -> None:
    # (3 + 3 + 2) / 3 = 2.67 -> POMP 41.7; (3 + 3 + 3) -> 50
    assert part(score(mini, {"honest": 3, "judged": 3, "respected": 2}).dimensions, "trust").band.id == "low"
    assert part(score(mini, {"honest": 3, "judged": 3, "respected": 3}).dimensions, "trust").band.id == "middle"


def test_bands_come_from_the_data(make_questionnaire: MakeQuestionnaire) -> None:
    folder = make_questionnaire(structure=[('id = "middle"\nmin = 50', 'id = "middle"\nmin = 20')])
    questionnaire = load_questionnaire("mini", directory=folder)
    assert part(score(questionnaire, {"heard": 2}).dimensions, "support").band.id == "middle"


def test_a_fractional_band_start_is_compared_exactly(make_questionnaire: MakeQuestionnaire) -> None:
    folder = make_questionnaire(structure=[('id = "middle"\nmin = 50', 'id = "middle"\nmin = 66.66666666666667')])
    questionnaire = load_questionnaire("mini", directory=folder)
    # exactly 200/3 is a hair below the float 66.66666666666667
    trust = part(score(questionnaire, {"honest": 5, "judged": 1, "respected": 1}).dimensions, "trust")
    assert trust.band.id == "low"


# Bordin view


def test_bordin_components_follow_the_same_rules_over_tagged_items(mini: Questionnaire) -> None:
    result = score(mini, {"honest": 5, "judged": 4, "heard": 1})
    bond, tasks = result.bordin
    assert (bond.id, bond.score, bond.answered, bond.total, bond.needed) == ("bond", 3.5, 2, 2, 1)
    assert (tasks.id, tasks.score, tasks.answered, tasks.total) == ("tasks", None, 0, 1)


# Flagged items and the safety note


def test_flagged_items_are_the_answered_ones_at_or_below_50_lowest_first(mini: Questionnaire) -> None:
    result = score(mini, {"heard": 3, "respected": 2, "judged": 5, "honest": 3})
    assert [(f.item.id, f.pomp) for f in result.flagged] == [
        ("judged", 0.0),  # reverse-keyed: answer 5 scores 1
        ("respected", 25.0),
        ("honest", 50.0),  # ties keep questionnaire order
        ("heard", 50.0),
    ]


def test_items_above_50_are_not_flagged(mini: Questionnaire) -> None:
    assert score(mini, {"honest": 4, "judged": 2, "respected": 5, "heard": 4}).flagged == ()


# mini: honest brings the note on 1 or 2; judged (reverse-keyed) on 5 or 4.
@pytest.mark.parametrize(
    ("answers", "bringing"),
    [
        ({"honest": 1}, ["honest"]),
        ({"honest": 2}, ["honest"]),
        ({"judged": 5}, ["judged"]),
        ({"judged": 4}, ["judged"]),
        ({"honest": 5, "judged": 4, "heard": 5}, ["judged"]),
        ({"judged": 5, "honest": 1, "respected": 1}, ["honest", "judged"]),  # questionnaire order
    ],
    ids=str,
)
def test_the_answers_the_data_names_bring_the_safety_note(
    mini: Questionnaire, answers: dict[str, int], bringing: list[str]
) -> None:
    result = score(mini, answers)
    assert result.needs_safety_note
    assert [answered.item.id for answered in result.safety_answers] == bringing


@pytest.mark.parametrize(
    "answers",
    [
        {"honest": 3},  # the midpoint flags the answer, but is not clearly low
        {"judged": 3},
        {"honest": 3, "judged": 3},
        {"judged": 1, "honest": 5},  # reverse keying: never feeling judged is the best answer
        {"respected": 1, "heard": 1, "honest": 4},  # low answers on items not about safety
        {},
    ],
    ids=str,
)
def test_other_answers_do_not_bring_the_safety_note(mini: Questionnaire, answers: dict[str, int]) -> None:
    result = score(mini, answers)
    assert not result.needs_safety_note and result.safety_answers == ()


@pytest.mark.parametrize("qid", ["alliance", "first-sessions", "check-in"])
def test_the_worst_safety_answers_always_bring_the_note(qid: str) -> None:
    questionnaire = load_questionnaire(qid)
    best = {
        item.id: questionnaire.scale.min if item.reverse else questionnaire.scale.max for item in questionnaire.items
    }
    assert not score(questionnaire, best).needs_safety_note
    for item in questionnaire.items:
        if item.safety:
            worst = questionnaire.scale.max if item.reverse else questionnaire.scale.min
            assert score(questionnaire, {**best, item.id: worst}).needs_safety_note, item.id


@pytest.mark.parametrize(
    ("qid", "fires", "quiet"),
    [
        # "Rarely" safe to be honest, "Often" worried about judgment bring it; "Sometimes" does not.
        ("alliance", {"safe-to-be-honest": 2}, {"safe-to-be-honest": 3, "worry-about-judgment": 3}),
        ("alliance", {"worry-about-judgment": 4}, {"taken-seriously": 3, "really-listens": 1}),
        ("first-sessions", {"felt-judged": 4}, {"felt-judged": 3, "comfortable-sharing": 2}),
        ("first-sessions", {"comfortable-sharing": 1}, {"kind-and-patient": 1}),
        ("check-in", {"respect": 2}, {"respect": 3, "focus": 1, "worth": 1}),
    ],
)
def test_the_packaged_checks_bring_the_note_only_for_clearly_low_safety_answers(
    qid: str, fires: dict[str, int], quiet: dict[str, int]
) -> None:
    questionnaire = load_questionnaire(qid)
    assert score(questionnaire, fires).needs_safety_note
    assert not score(questionnaire, quiet).needs_safety_note


# Unanswered items


def test_unanswered_items_are_listed_in_questionnaire_order(mini: Questionnaire) -> None:
    assert score(mini, {"judged": 3}).unanswered == ("honest", "respected", "heard")


def test_no_answers_give_an_empty_result(mini: Questionnaire) -> None:
    result = score(mini, {})
    assert result.items == result.flagged == ()
    assert all(not p.scored for p in result.dimensions + result.bordin)
    assert result.overall.score is None


# Answers that are refused


@pytest.mark.parametrize("value", [True, False, 4.0, 3.5, "4", None, 0, 6, -1, 10**100, [4], {"v": 4}])
def test_only_whole_numbers_on_the_scale_are_accepted(mini: Questionnaire, value: object) -> None:
    with pytest.raises(AnswerError) as caught:
        score(mini, {"honest": value})
    assert (caught.value.code, caught.value.field) == ("invalid_value", "answers.honest")
    assert caught.value.message.startswith('Question 1 ("You can be honest.") needs a whole number from 1 (Never) to 5')


def test_an_int_subclass_that_is_not_bool_is_a_whole_number(mini: Questionnaire) -> None:
    class Answer(enum.IntEnum):
        OFTEN = 4

    (honest,) = score(mini, {"honest": Answer.OFTEN}).items
    assert type(honest.answer) is int


def test_an_unknown_item_is_refused(mini: Questionnaire) -> None:
    with pytest.raises(AnswerError) as caught:
        score(mini, {"honest": 3, "nope": 3})
    assert (caught.value.code, caught.value.field) == ("unknown_item", "answers.nope")
    assert "'nope'" in caught.value.message


def test_a_key_that_is_not_text_is_an_unknown_item(mini: Questionnaire) -> None:
    with pytest.raises(AnswerError) as caught:
        score(mini, {1: 3})  # type: ignore[dict-item]
    assert (caught.value.code, caught.value.field) == ("unknown_item", "answers.1")


def test_unknown_items_are_reported_before_bad_values(mini: Questionnaire) -> None:
    with pytest.raises(AnswerError) as caught:
        score(mini, {"honest": 9, "zz": 3, "aa": 3})
    assert caught.value.field == "answers.aa"


def test_bad_values_are_reported_in_questionnaire_order(mini: Questionnaire) -> None:
    with pytest.raises(AnswerError) as caught:
        score(mini, {"heard": 9, "respected": 9})
    assert caught.value.field == "answers.respected"


def test_answers_must_be_a_mapping(mini: Questionnaire) -> None:
    with pytest.raises(AnswerError) as caught:
        score(mini, [("honest", 3)])  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.field) == ("invalid_request", "answers")


def test_a_long_scale_names_its_ends_in_messages(make_questionnaire: MakeQuestionnaire) -> None:
    folder = make_questionnaire(
        structure=[
            ("min = 1\nmax = 5\nlabelled = [1, 2, 3, 4, 5]", "min = 0\nmax = 10\nlabelled = [0, 10]"),
            ("safety_answers = [1, 2]", "safety_answers = [0, 1]"),
            ("safety_answers = [5, 4]", "safety_answers = [10]"),
        ],
        words=[
            (
                '"1" = "Never"\n"2" = "Rarely"\n"3" = "Sometimes"\n"4" = "Often"\n"5" = "Always"',
                '"0" = "No"\n"10" = "Yes"',
            )
        ],
    )
    with pytest.raises(AnswerError) as caught:
        score(load_questionnaire("mini", directory=folder), {"respected": 11})
    assert caught.value.message == (
        'Question 3 ("You feel respected.") needs a whole number from 0 (No) to 10 (Yes), not 11.'
    )


# The packaged questionnaires


def test_alliance_all_always_scores_reverse_items_low() -> None:
    alliance = load_questionnaire("alliance")
    result = score(alliance, {item.id: 5 for item in alliance.items})
    reversed_ids = [item.id for item in alliance.items if item.reverse]
    assert [f.item.id for f in result.flagged] == reversed_ids
    assert result.needs_safety_note  # "worry-about-judgment" answered Always


def test_alliance_best_answers_score_the_maximum() -> None:
    alliance = load_questionnaire("alliance")
    best = {item.id: 1 if item.reverse else 5 for item in alliance.items}
    result = score(alliance, best)
    assert (result.overall.score, result.overall.pomp, result.overall.band.id) == (5.0, 100.0, "strength")
    assert result.flagged == () and not result.needs_safety_note


def test_check_in_scores_each_answer_as_its_own_part() -> None:
    check_in = load_questionnaire("check-in")
    result = score(check_in, {"respect": 5, "focus": 3, "worth": 2})
    assert [(p.id, p.score, p.band.id) for p in result.dimensions] == [
        ("respect", 5.0, "strength"),
        ("focus", 3.0, "mixed"),
        ("worth", 2.0, "worth-talking-about"),
    ]
    assert result.overall.score == 10 / 3
    assert [f.item.id for f in result.flagged] == ["worth", "focus"]
    assert not result.needs_safety_note
