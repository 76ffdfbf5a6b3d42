"""What a result says and in what order (alliance_check.report): the rules a person reads."""

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from languages import CHECKS_AND_LANGUAGES, LANGUAGES, in_language

from alliance_check import (
    QuestionnaireError,
    Scale,
    list_questionnaires,
    load_questionnaire,
    result_to_dict,
    score,
    wording,
)
from alliance_check.report import whole

PROGRAM_VALUES = re.compile(r"\b(?:null|undefined|NaN|nan)\b|\bNone\b(?! of)|\[object|\{[a-z_]+\}")


def report_for(qid: str, answers: dict[str, int], lang: str = "en") -> dict[str, Any]:
    return result_to_dict(score(load_questionnaire(qid, lang), answers))["report"]


def every_item(qid: str, value: int) -> dict[str, int]:
    return {item.id: value for item in load_questionnaire(qid).items}


# Loaded here, once, so that no generated example below pays for reading the files (Hypothesis times each).
EVERY_CHECK_IN_EVERY_LANGUAGE = [load_questionnaire(qid, lang) for qid, lang in CHECKS_AND_LANGUAGES]
for _lang in LANGUAGES:
    wording.result_words(_lang)

# What the rights note must say in each language.
NEVER_YOUR_FAULT = {"en": "never okay and never your fault", "es": "nunca está bien, y nunca es su culpa"}


def texts(value: object) -> Iterator[str]:
    """Every string in a report (what the page can show)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from texts(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from texts(inner)


def test_talk_about_only_areas_below_a_strength_lowest_first() -> None:
    report = report_for("check-in", {"respect": 5, "focus": 1, "worth": 3})
    assert [area["id"] for area in report["talk_about"]["areas"]] == ["focus", "worth"]
    assert report["strengths"] is None
    report = report_for("check-in", {"respect": 5, "focus": 1, "worth": 4})
    assert [area["id"] for area in report["talk_about"]["areas"]] == ["focus"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_when_every_area_is_a_strength_it_says_what_works_and_offers_no_lower_score_text(lang: str) -> None:
    for qid in list_questionnaires():
        questionnaire = load_questionnaire(qid, lang)
        scale = questionnaire.scale
        top_reverse = {item.id: scale.min for item in questionnaire.items if item.reverse}
        report = report_for(qid, every_item(qid, scale.max) | top_reverse, lang)
        assert report["talk_about"] is None, qid
        assert report["strengths"]["starters"] == wording.result_words(lang)["strengths"]["starters"], qid
        every_text = " ".join(texts(report))
        for dimension in questionnaire.dimensions:
            assert dimension.lower_can_reflect not in every_text
            assert not set(dimension.conversation_starters) & set(texts(report))
        # The repair note speaks of strains: not said when nothing is below a strength.
        assert questionnaire.notes.repair.text not in every_text


def test_a_check_in_scored_high_offers_no_starter_about_a_problem() -> None:
    check_in = load_questionnaire("check-in")
    report = report_for("check-in", {"respect": 4, "focus": 4, "worth": 4})
    said = set(texts(report))
    for dimension in check_in.dimensions:
        assert not set(dimension.conversation_starters) & said, dimension.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_overall_wording_speaks_of_the_whole_not_of_one_part(lang: str) -> None:
    for qid in list_questionnaires():
        questionnaire = load_questionnaire(qid, lang)
        for value in questionnaire.scale.points:
            answers = {item.id: value for item in questionnaire.items}
            report = report_for(qid, answers, lang)
            band_texts = {band.text for band in questionnaire.bands}
            assert report["overall"]["text"] not in band_texts
            assert report["overall"]["text"] in wording.result_words(lang)["overall_bands"].values()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_band_has_overall_wording(lang: str) -> None:
    overall_bands = wording.result_words(lang)["overall_bands"]
    for qid in list_questionnaires():
        for band in load_questionnaire(qid, lang).bands:
            assert band.id in overall_bands, (qid, band.id)


def test_band_texts_appear_once_per_band_shown() -> None:
    report = report_for("alliance", every_item("alliance", 3))
    shown = list(texts(report))
    for band in load_questionnaire("alliance").bands:
        assert shown.count(band.text) <= 1
    assert [band["id"] for band in report["areas"]["bands"]] == ["mixed"]


def test_bond_goals_tasks_view_only_where_a_part_has_more_than_one_question() -> None:
    assert report_for("check-in", every_item("check-in", 5))["bordin"] is None
    assert report_for("alliance", every_item("alliance", 3))["bordin"]["rows"]
    assert report_for("first-sessions", every_item("first-sessions", 3))["bordin"]["rows"]


def test_an_answer_is_shown_as_the_question_showed_it() -> None:
    # A 0-10 line labelled at its ends only: the number, and the label where it has one.
    check_in = load_questionnaire("check-in")
    ten = Scale(0, 10, MappingProxyType({0: "Not at all", 10: "Completely"}))
    rescaled = replace(check_in, scale=ten, items=tuple(replace(item, scale=ten) for item in check_in.items))
    flagged = result_to_dict(score(rescaled, {"respect": 0, "focus": 3, "worth": 5}))["report"]["flagged"]
    assert [item["answer"] for item in flagged["items"]] == [
        "You answered: 0 (Not at all)",
        "You answered: 3",
        "You answered: 5",
    ]
    flagged = report_for("alliance", {"safe-to-be-honest": 2})["flagged"]
    assert flagged["items"][0]["answer"] == "You answered: Rarely"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_safety_note_comes_first_and_the_rights_note_is_always_there(lang: str) -> None:
    low = result_to_dict(score(load_questionnaire("alliance", lang), every_item("alliance", 1)))
    assert low["safety_note"] is not None
    assert list(low["report"]).index("safety") < list(low["report"]).index("overall")
    assert low["report"]["safety"]["text"] == low["safety_note"]["text"]
    for qid in list_questionnaires():
        for value in load_questionnaire(qid).scale.points:
            rights = report_for(qid, every_item(qid, value), lang)["rights"]
            assert in_language(NEVER_YOUR_FAULT, lang) in rights["text"]
            assert [link["page"] for link in rights["links"]] == [
                "in-therapy/talking-with-your-therapist/#when-to-leave",
                "in-therapy/talking-with-your-therapist/#where-to-complain",
            ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_half_skipped_answers_say_what_is_missing_and_which_scored_parts_are_strong(lang: str) -> None:
    questionnaire = load_questionnaire("alliance")
    answers = {item.id: 5 for item in questionnaire.items[:6] if not item.reverse}
    report = report_for("alliance", answers, lang)
    assert "title" not in report["overall"]
    assert report["strengths"]["text"] == wording.result_words(lang)["strengths"]["text_answered"]
    details = [area["detail"] for area in report["areas"]["items"]]
    assert all(detail for detail in details)


@given(st.data())
def test_no_program_value_reaches_any_text(data: st.DataObject) -> None:
    questionnaire = data.draw(st.sampled_from(EVERY_CHECK_IN_EVERY_LANGUAGE))
    answers = {
        item.id: value
        for item in questionnaire.items
        if (value := data.draw(st.none() | st.sampled_from(list(questionnaire.scale.points)))) is not None
    }
    report = result_to_dict(score(questionnaire, answers))["report"]
    json.dumps(report, allow_nan=False)
    # The one template left to the page: the visitor's local date, which only the browser knows.
    dated = report["words"]["summary"].pop("dated")
    assert dated == wording.result_words(questionnaire.lang)["summary"]["dated"] and "{date}" in dated
    for text in texts(report):
        assert text.strip() and not PROGRAM_VALUES.search(text), text


def test_whole_numbers_round_half_up() -> None:
    assert [whole(value) for value in (12.5, 12.49, 0.0, 99.5, 100.0)] == [13, 12, 0, 100, 100]


def test_a_template_with_an_unknown_field_is_refused(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = (wording.PACKAGED / "result.en.toml").read_text(encoding="utf-8")
    (tmp_path / "result.en.toml").write_text(good.replace("{value} out of 100", "{score} out of 100"), encoding="utf-8")
    monkeypatch.setattr(wording, "PACKAGED", tmp_path)
    wording.result_words.cache_clear()
    try:
        with pytest.raises(QuestionnaireError, match=r"result.en.toml: out_of_100: uses \['score'\]"):
            wording.result_words("en")
    finally:
        wording.result_words.cache_clear()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_at_most_five_low_answers_are_listed_and_the_rest_are_counted(lang: str) -> None:
    answers = {item.id: 3 for item in load_questionnaire("alliance").items}
    flagged = report_for("alliance", answers, lang)["flagged"]
    assert len(flagged["items"]) == 5
    assert flagged["more"] == wording.fill(wording.result_words(lang)["flagged"]["more"], count=10)
    assert "10" in flagged["more"]
    few = report_for("alliance", {"safe-to-be-honest": 1, "warmth": 5}, lang)["flagged"]
    assert len(few["items"]) == 1 and few["more"] is None


def test_the_count_of_more_low_answers_reads_in_english() -> None:
    flagged = report_for("alliance", {item.id: 3 for item in load_questionnaire("alliance").items})["flagged"]
    assert flagged["more"] == (
        "10 more of your answers were on the lower side too. Every answer is listed under Your answers."
    )
