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
    "respect": "relationship/trust-and-safety/",
    "focus": "relationship/collaboration/",
    "worth": "in-therapy/talking-with-your-therapist/",
}
ALL = [load_questionnaire(qid) for qid in list_questionnaires()]


def per_dimension(questionnaire: Questionnaire) -> dict[str, int]:
    counts = Counter(item.dimension for item in questionnaire.items)
    return {dimension.id: counts[dimension.id] for dimension in questionnaire.dimensions}


def test_alliance() -> None:
    alliance = load_questionnaire("alliance")
    assert per_dimension(alliance) == dict.fromkeys(RELATIONSHIP_DIMENSIONS, 3)
    assert all(item.bordin in {"bond", "goals", "tasks", None} for item in alliance.items)
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
    """Our own layout, not a session rating scale's four 0-10 lines (see check-in.toml for why)."""
    check_in = load_questionnaire("check-in")
    assert per_dimension(check_in) == {"respect": 1, "focus": 1, "worth": 1}
    assert (check_in.scale.min, check_in.scale.max) == (1, 5) and len(check_in.scale.labels) == 5
    assert check_in.bordin == ()
    titles = {dimension.title for dimension in check_in.dimensions}
    assert not titles & {"Goals and topics", "The approach", "The session overall", "The relationship"}


@pytest.mark.parametrize("questionnaire", ALL, ids=lambda q: q.id)
def test_at_most_two_items_are_worded_negatively(questionnaire: Questionnaire) -> None:
    """Negatively worded (reverse-keyed) items tend to measure poorly in alliance questionnaires."""
    assert sum(item.reverse for item in questionnaire.items) <= 2


@pytest.mark.parametrize("questionnaire", ALL, ids=lambda q: q.id)
def test_bordin_goals_are_about_agreeing_on_goals(questionnaire: Questionnaire) -> None:
    """The Bordin view says it shows agreement on goals, so its goal items must be about that."""
    for item in questionnaire.items:
        if item.bordin == "goals":
            assert any(word in item.text.lower() for word in ("agree", "together", "want", "a say")), item.text


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
    for words in ("tell your therapist", "okay to look for someone else", "professional body or register"):
        assert words in notes.safety.text
    assert "licenses" not in notes.safety.text  # talking therapists are not registered everywhere
    assert "large review" not in notes.repair.text  # the repair review pooled about a dozen studies


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
def test_only_clearly_low_safety_answers_bring_the_note(questionnaire: Questionnaire) -> None:
    """At most the two worst points of a safety item, never its midpoint or anything better."""
    scale = questionnaire.scale
    for item in questionnaire.items:
        if item.safety:
            keyed = {scale.min + scale.max - answer if item.reverse else answer for answer in item.safety_answers}
            assert len(keyed) <= 2 and all(100 * (value - scale.min) < 50 * (scale.max - scale.min) for value in keyed)


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
