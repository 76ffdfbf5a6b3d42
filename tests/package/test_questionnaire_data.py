"""The shipped questionnaires meet their brief: counts, keying, scales, pages, notes and plain words."""

from collections import Counter

import pytest
import textstat

from alliance_check import Questionnaire, list_questionnaires, load_questionnaire
from sitebuild import PROJECT_ROOT

RELATIONSHIP_DIMENSIONS = ["trust", "support", "expectations", "motivation", "collaboration"]
# The page each area of every check links to, by the area's id.
PAGES = {
    "trust": "relationship/trust-and-safety/",
    "support": "relationship/emotional-support/",
    "expectations": "relationship/hope-and-expectations/",
    "motivation": "relationship/motivation/",
    "collaboration": "relationship/collaboration/",
    # the quick check-in's areas
    "relationship": "relationship/",
    "goals": "relationship/collaboration/",
    "approach": "relationship/collaboration/",
    "overall": "in-therapy/talking-with-your-therapist/",
}
ALL = [load_questionnaire(qid) for qid in list_questionnaires()]


def per_dimension(questionnaire: Questionnaire) -> dict[str, int]:
    counts = Counter(item.dimension for item in questionnaire.items)
    return {dimension.id: counts[dimension.id] for dimension in questionnaire.dimensions}


def test_alliance() -> None:
    alliance = load_questionnaire("alliance")
    assert per_dimension(alliance) == dict.fromkeys(RELATIONSHIP_DIMENSIONS, 3)
    assert 3 <= sum(item.reverse for item in alliance.items) <= 4
    assert all(item.bordin in {"bond", "goals", "tasks"} for item in alliance.items)
    assert [component.id for component in alliance.bordin] == ["bond", "goals", "tasks"]
    assert (alliance.scale.min, alliance.scale.max) == (1, 5)
    assert dict(alliance.scale.labels) == {1: "Never", 2: "Rarely", 3: "Sometimes", 4: "Often", 5: "Always"}
    assert "recent sessions" in alliance.time_frame


def test_first_sessions() -> None:
    first = load_questionnaire("first-sessions")
    assert 8 <= len(first.items) <= 12
    assert list(per_dimension(first)) == RELATIONSHIP_DIMENSIONS
    assert all(count >= 1 for count in per_dimension(first).values())
    assert (first.scale.min, first.scale.max) == (1, 5) and len(first.scale.labels) == 5
    assert "first sessions" in first.time_frame


def test_check_in() -> None:
    check_in = load_questionnaire("check-in")
    assert per_dimension(check_in) == {"relationship": 1, "goals": 1, "approach": 1, "overall": 1}
    assert (check_in.scale.min, check_in.scale.max) == (0, 10)
    assert {0, 10} <= set(check_in.scale.labels)


@pytest.mark.parametrize("questionnaire", ALL, ids=lambda q: q.id)
def test_every_dimension_links_its_agreed_page(questionnaire: Questionnaire) -> None:
    assert questionnaire.dimensions
    for dimension in questionnaire.dimensions:
        assert dimension.id in PAGES, f"{questionnaire.id}: add the agreed page for the area {dimension.id!r} here"
        assert dimension.page == PAGES[dimension.id], dimension.id


@pytest.mark.parametrize("questionnaire", ALL, ids=lambda q: q.id)
def test_notes_link_the_agreed_pages(questionnaire: Questionnaire) -> None:
    notes = questionnaire.notes
    assert notes.safety.page == "get-help-now/"
    assert notes.repair.page == "relationship/strains-and-repair/"
    assert notes.talking.page == "in-therapy/talking-with-your-therapist/"
    assert "Eubanks, Muran and Safran, 2018" in notes.repair.text and "r = .29" in notes.repair.text
    for words in ("raise", "break", "another therapist", "licenses"):
        assert words in notes.safety.text


@pytest.mark.parametrize("questionnaire", ALL, ids=lambda q: q.id)
def test_every_linked_page_exists(questionnaire: Questionnaire) -> None:
    pages = [dimension.page for dimension in questionnaire.dimensions]
    pages += [questionnaire.notes.safety.page, questionnaire.notes.repair.page, questionnaire.notes.talking.page]
    docs = PROJECT_ROOT / "docs"
    for page in pages:
        assert (docs / f"{page.rstrip('/')}.md").is_file() or (docs / page / "index.md").is_file(), page


@pytest.mark.parametrize("questionnaire", ALL, ids=lambda q: q.id)
def test_safety_items_are_marked(questionnaire: Questionnaire) -> None:
    assert any(item.safety for item in questionnaire.items)


@pytest.mark.parametrize("questionnaire", ALL, ids=lambda q: q.id)
def test_items_speak_to_the_reader(questionnaire: Questionnaire) -> None:
    for item in questionnaire.items:
        assert "you" in item.text.lower(), item.text


@pytest.mark.parametrize("questionnaire", ALL, ids=lambda q: q.id)
def test_words_are_plain(questionnaire: Questionnaire) -> None:
    """About school grade 8: items, and all interpretation text read together."""
    items = [textstat.flesch_kincaid_grade(item.text) for item in questionnaire.items]
    assert sum(items) / len(items) <= 8
    texts = [questionnaire.intro, questionnaire.notes.safety.text, questionnaire.notes.repair.text]
    texts += [band.text for band in questionnaire.bands]
    for dimension in questionnaire.dimensions:
        texts += [dimension.meaning, dimension.lower_can_reflect, *dimension.conversation_starters]
    assert textstat.flesch_kincaid_grade(" ".join(texts)) <= 8
