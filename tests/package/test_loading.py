"""Loading questionnaires: the packaged ones, from a folder or a file, and lookups that fail."""

from pathlib import Path

import pytest
from languages import CHECKS_AND_LANGUAGES, LANGUAGES
from mini_questionnaire import MINI_WORDS, MakeQuestionnaire

from alliance_check import (
    QuestionnaireNotFoundError,
    list_languages,
    list_questionnaires,
    load_questionnaire,
    load_questionnaire_file,
)


def test_the_three_questionnaires_are_packaged() -> None:
    assert list_questionnaires() == ["alliance", "check-in", "first-sessions"]


@pytest.mark.parametrize(("qid", "lang"), CHECKS_AND_LANGUAGES)
def test_each_packaged_questionnaire_loads_in_every_language(qid: str, lang: str) -> None:
    questionnaire = load_questionnaire(qid, lang)
    assert (questionnaire.id, questionnaire.lang) == (qid, lang)
    # Every check is in every language the package speaks, English included.
    assert list_languages(qid) == LANGUAGES and "en" in LANGUAGES


def test_packaged_questionnaires_are_loaded_once() -> None:
    assert load_questionnaire("alliance") is load_questionnaire("alliance", "en")


def test_a_folder_can_be_given(make_questionnaire: MakeQuestionnaire) -> None:
    folder = make_questionnaire()
    assert list_questionnaires(folder) == ["mini"]
    assert load_questionnaire("mini", directory=folder).title == "Mini"
    assert load_questionnaire("mini", directory=str(folder)).title == "Mini"


def test_a_structure_file_can_be_given(make_questionnaire: MakeQuestionnaire) -> None:
    folder = make_questionnaire()
    assert load_questionnaire_file(folder / "mini.toml").id == "mini"


def test_a_file_that_is_not_a_structure_file_is_refused(make_questionnaire: MakeQuestionnaire) -> None:
    folder = make_questionnaire()
    with pytest.raises(QuestionnaireNotFoundError) as caught:
        load_questionnaire_file(folder / "mini.en")
    assert caught.value.code == "unknown_questionnaire"


def test_a_second_language_is_a_data_file(make_questionnaire: MakeQuestionnaire) -> None:
    folder = make_questionnaire()
    french = MINI_WORDS.replace('title = "Mini"', 'title = "Mini (fr)"')
    (folder / "mini.fr.toml").write_text(french, encoding="utf-8")
    assert list_languages("mini", folder) == ["en", "fr"]
    assert load_questionnaire("mini", "fr", directory=folder).title == "Mini (fr)"


def test_language_files_are_not_listed_as_questionnaires(make_questionnaire: MakeQuestionnaire) -> None:
    folder = make_questionnaire()
    (folder / "notes.txt").write_text("not a questionnaire", encoding="utf-8")
    assert list_questionnaires(folder) == ["mini"]


@pytest.mark.parametrize("qid", ["nope", "../alliance", "Alliance", "", "alliance.en", "a" * 500])
def test_an_unknown_questionnaire_is_named_with_the_known_ones(qid: str) -> None:
    with pytest.raises(QuestionnaireNotFoundError) as caught:
        load_questionnaire(qid)
    assert caught.value.code == "unknown_questionnaire"
    assert caught.value.field == "questionnaire"
    assert "alliance, check-in, first-sessions" in caught.value.message
    assert len(caught.value.message) < 200


@pytest.mark.parametrize("lang", ["fr", "EN", "", "en/../x", "e"])
def test_an_unknown_language_is_named_with_the_known_ones(lang: str) -> None:
    with pytest.raises(QuestionnaireNotFoundError) as caught:
        load_questionnaire("alliance", lang)
    assert (caught.value.code, caught.value.field) == ("unknown_language", "lang")
    assert f"Languages available: {', '.join(LANGUAGES)}." in caught.value.message


@pytest.mark.parametrize(
    ("qid", "lang", "code"), [(1, "en", "unknown_questionnaire"), ("alliance", None, "unknown_language")]
)
def test_ids_that_are_not_text_are_refused(qid: object, lang: object, code: str) -> None:
    with pytest.raises(QuestionnaireNotFoundError) as caught:
        load_questionnaire(qid, lang)  # type: ignore[arg-type]
    assert caught.value.code == code


def test_an_empty_folder_has_no_questionnaires(tmp_path: Path) -> None:
    assert list_questionnaires(tmp_path) == []
    with pytest.raises(QuestionnaireNotFoundError, match="available are: none"):
        load_questionnaire("alliance", directory=tmp_path)
