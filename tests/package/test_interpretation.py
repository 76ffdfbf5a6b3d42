"""A result put into words: its shape, and which texts it carries when."""

import json

import pytest
from mini_questionnaire import MakeQuestionnaire

from alliance_check import Questionnaire, load_questionnaire, result_to_dict, score


@pytest.fixture
def mini(make_questionnaire: MakeQuestionnaire) -> Questionnaire:
    return load_questionnaire("mini", directory=make_questionnaire())


def test_the_result_has_the_documented_shape() -> None:
    alliance = load_questionnaire("alliance")
    data = result_to_dict(score(alliance, {"safe-to-be-honest": 4, "warmth": 5}))
    assert list(data) == [
        "questionnaire",
        "scale",
        "overall",
        "dimensions",
        "bordin",
        "flagged_items",
        "not_scored",
        "unanswered",
        "safety_note",
        "repair_note",
        "talking_note",
        "report",
    ]
    assert data["questionnaire"] == {
        "id": "alliance",
        "version": "2.0.0",
        "lang": "en",
        "title": "How is your therapy relationship going?",
    }
    assert data["scale"] == {"min": 1, "max": 5}
    assert set(data["overall"]) == {"score", "pomp", "band", "scored", "total"}
    dimension_keys = ["id", "title", "score", "pomp", "band", "answered", "total", "needed"]
    assert list(data["dimensions"][0]) == [
        *dimension_keys,
        *["meaning", "lower_can_reflect", "conversation_starters", "page"],
    ]
    assert list(data["bordin"][0]) == [*dimension_keys, "meaning"]
    assert json.loads(json.dumps(data)) == data


def test_a_dimension_carries_its_interpretation(mini: Questionnaire) -> None:
    trust = result_to_dict(score(mini, {"honest": 2, "judged": 4}))["dimensions"][0]
    assert trust == {
        "id": "trust",
        "title": "Trust",
        "score": 2.0,
        "pomp": 25.0,
        "band": {"id": "low", "title": "Worth talking about", "text": "Low."},
        "answered": 2,
        "total": 3,
        "needed": 2,
        "meaning": "Feeling safe.",
        "lower_can_reflect": "Something to talk about.",
        "conversation_starters": ["One.", "Two.", "Three."],
        "page": "relationship/trust-and-safety/",
    }


def test_flagged_items_carry_their_words(mini: Questionnaire) -> None:
    flagged = result_to_dict(score(mini, {"judged": 5}))["flagged_items"]
    assert flagged == [
        {
            "id": "judged",
            "text": "You feel judged.",
            "dimension": "trust",
            "dimension_title": "Trust",
            "answer": 5,
            "answer_label": "Always",
            "answer_text": "Always",
            "reverse": True,
            "safety": True,
            "score": 1,
            "pomp": 0.0,
        }
    ]


def test_not_scored_parts_are_explained_from_the_data(mini: Questionnaire) -> None:
    data = result_to_dict(score(mini, {"honest": 2}))
    assert data["not_scored"] == {
        "overall": "0 of 2 parts scored.",
        "dimensions": [
            {
                "id": "trust",
                "title": "Trust",
                "answered": 1,
                "total": 3,
                "needed": 2,
                "text": "Trust: 1 of 3, needs 2.",
            },
            {
                "id": "support",
                "title": "Support",
                "answered": 0,
                "total": 1,
                "needed": 1,
                "text": "Support: 0 of 1, needs 1.",
            },
        ],
        "bordin": [
            {"id": "tasks", "title": "Tasks", "answered": 0, "total": 1, "needed": 1, "text": "Tasks: 0 of 1, needs 1."}
        ],
    }
    assert data["unanswered"] == ["judged", "respected", "heard"]


def test_nothing_is_explained_when_everything_is_scored(mini: Questionnaire) -> None:
    data = result_to_dict(score(mini, {"honest": 4, "judged": 2, "respected": 4, "heard": 4}))
    assert data["not_scored"] == {"overall": None, "dimensions": [], "bordin": []}
    assert data["overall"]["band"]["id"] == "high"


def test_the_safety_note_appears_only_for_the_answers_the_data_names(mini: Questionnaire) -> None:
    assert result_to_dict(score(mini, {"honest": 2}))["safety_note"] == {"text": "Stay safe.", "page": "get-help-now/"}
    assert result_to_dict(score(mini, {"honest": 3, "judged": 3}))["safety_note"] is None
    assert result_to_dict(score(mini, {"honest": 4, "heard": 1}))["safety_note"] is None


def test_the_repair_and_talking_notes_are_always_there(mini: Questionnaire) -> None:
    data = result_to_dict(score(mini, {}))
    assert data["repair_note"] == {"text": "Strains can be repaired.", "page": "relationship/strains-and-repair/"}
    assert data["talking_note"] == {"text": "Ways to say it.", "page": "in-therapy/talking-with-your-therapist/"}


@pytest.mark.parametrize("qid", ["alliance", "check-in", "first-sessions"])
def test_packaged_templates_fill_in(qid: str) -> None:
    data = result_to_dict(score(load_questionnaire(qid), {}))
    not_scored = data["not_scored"]
    texts = [not_scored["overall"]] + [part["text"] for part in not_scored["dimensions"] + not_scored["bordin"]]
    assert all(text and "{" not in text and "}" not in text for text in texts)
