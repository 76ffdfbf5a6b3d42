"""The shipped questionnaires meet their brief: counts, keying, scales, pages, notes and plain words."""

from collections import Counter

import pytest
import textstat
from languages import CHECKS_AND_LANGUAGES, in_language

from alliance_check import Questionnaire, load_questionnaire
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
# Every check in every language on disk: the structure is shared, the words are each language's own.
ALL = [load_questionnaire(qid, lang) for qid, lang in CHECKS_AND_LANGUAGES]
ALL_IDS = [f"{qid}-{lang}" for qid, lang in CHECKS_AND_LANGUAGES]

# What each language's words must say or avoid (a new language adds its own here).
GOAL_WORDS = {"en": ("agree", "together", "want", "a say"), "es": ("acuerdo", "en conjunto", "quiere", "voz")}
SPEAKS_TO_THE_READER = {"en": ("you",), "es": ("usted", "su ", "sus ", "le ")}
SAFETY_NOTE_SAYS = {
    "en": ("tell your therapist", "okay to look for someone else", "professional body or register"),
    "es": ("dígaselo a su terapeuta", "está bien buscar a otra persona", "colegio o registro profesional"),
}
# Talking therapists are not licensed everywhere; the repair review pooled about a dozen studies, not a large one.
SAFETY_NOTE_AVOIDS = {"en": ("licenses",), "es": ("licencia",)}
REPAIR_NOTE_AVOIDS = {"en": ("large review",), "es": ("gran revisión", "amplia revisión")}
# The citation stays exact in every language: the authors, the year and the figure as published.
REPAIR_CITATION = ("Eubanks", "Muran", "Safran", "2018", "r = .29")


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


@pytest.mark.parametrize("questionnaire", ALL, ids=ALL_IDS)
def test_at_most_two_items_are_worded_negatively(questionnaire: Questionnaire) -> None:
    """Negatively worded (reverse-keyed) items tend to measure poorly in alliance questionnaires."""
    assert sum(item.reverse for item in questionnaire.items) <= 2


@pytest.mark.parametrize("questionnaire", ALL, ids=ALL_IDS)
def test_bordin_goals_are_about_agreeing_on_goals(questionnaire: Questionnaire) -> None:
    """The Bordin view says it shows agreement on goals, so its goal items must be about that."""
    for item in questionnaire.items:
        if item.bordin == "goals":
            assert any(word in item.text.lower() for word in in_language(GOAL_WORDS, questionnaire.lang)), item.text


@pytest.mark.parametrize("questionnaire", ALL, ids=ALL_IDS)
def test_every_dimension_links_its_agreed_page(questionnaire: Questionnaire) -> None:
    assert questionnaire.dimensions
    for dimension in questionnaire.dimensions:
        assert dimension.id in PAGES, f"{questionnaire.id}: add the agreed page for the area {dimension.id!r} here"
        assert dimension.page == PAGES[dimension.id], dimension.id


@pytest.mark.parametrize("questionnaire", ALL, ids=ALL_IDS)
def test_notes_link_the_agreed_pages(questionnaire: Questionnaire) -> None:
    notes = questionnaire.notes
    assert notes.safety.page == "get-help-now/"
    assert notes.repair.page == "relationship/strains-and-repair/"
    assert notes.talking.page == "in-therapy/talking-with-your-therapist/"
    assert all(exact in notes.repair.text for exact in REPAIR_CITATION), notes.repair.text
    for words in in_language(SAFETY_NOTE_SAYS, questionnaire.lang):
        assert words in notes.safety.text
    assert not any(words in notes.safety.text for words in in_language(SAFETY_NOTE_AVOIDS, questionnaire.lang))
    assert not any(words in notes.repair.text for words in in_language(REPAIR_NOTE_AVOIDS, questionnaire.lang))


@pytest.mark.parametrize("questionnaire", ALL, ids=ALL_IDS)
def test_every_linked_page_exists(questionnaire: Questionnaire) -> None:
    pages = [dimension.page for dimension in questionnaire.dimensions]
    pages += [questionnaire.notes.safety.page, questionnaire.notes.repair.page, questionnaire.notes.talking.page]
    docs = PROJECT_ROOT / "docs"
    for page in pages:
        assert (docs / f"{page.rstrip('/')}.md").is_file() or (docs / page / "index.md").is_file(), page


@pytest.mark.parametrize("questionnaire", ALL, ids=ALL_IDS)
def test_safety_items_are_marked(questionnaire: Questionnaire) -> None:
    assert any(item.safety for item in questionnaire.items)


@pytest.mark.parametrize("questionnaire", ALL, ids=ALL_IDS)
def test_only_clearly_low_safety_answers_bring_the_note(questionnaire: Questionnaire) -> None:
    """At most the two worst points of a safety item, never its midpoint or anything better."""
    scale = questionnaire.scale
    for item in questionnaire.items:
        if item.safety:
            keyed = {scale.min + scale.max - answer if item.reverse else answer for answer in item.safety_answers}
            assert len(keyed) <= 2 and all(100 * (value - scale.min) < 50 * (scale.max - scale.min) for value in keyed)


@pytest.mark.parametrize("questionnaire", ALL, ids=ALL_IDS)
def test_items_speak_to_the_reader(questionnaire: Questionnaire) -> None:
    for item in questionnaire.items:
        assert any(word in item.text.lower() for word in in_language(SPEAKS_TO_THE_READER, questionnaire.lang)), (
            item.text
        )


@pytest.mark.parametrize("questionnaire", ALL, ids=ALL_IDS)
def test_words_are_plain(questionnaire: Questionnaire) -> None:
    """Items on average, and all interpretation text read together, are plain in their language."""
    texts = [questionnaire.intro, questionnaire.notes.safety.text, questionnaire.notes.repair.text]
    texts += [band.text for band in questionnaire.bands]
    for dimension in questionnaire.dimensions:
        texts += [dimension.meaning, dimension.lower_can_reflect, *dimension.conversation_starters]
    items = [plain_margin(item.text, questionnaire.lang) for item in questionnaire.items]
    assert sum(items) / len(items) >= 0
    assert plain_margin(" ".join(texts), questionnaire.lang) >= 0


def plain_margin(text: str, lang: str) -> float:
    """How far ``text`` is inside the plain-words limit of ``lang``: negative when it is too hard."""
    return in_language(PLAIN_ENOUGH, lang)(text)  # type: ignore[operator]


def _grade_8_in_english(text: str) -> float:
    return 8 - textstat.flesch_kincaid_grade(text)


def _inflesz_60_in_spanish(text: str) -> float:
    """INFLESZ (Szigriszt-Pazos) 60 and up: "normal" or easier, the limit the Spanish pages meet too."""
    textstat.set_lang("es")
    try:
        return textstat.szigriszt_pazos(text) - 60
    finally:
        textstat.set_lang("en")  # textstat's language is global: leave English for every other test


PLAIN_ENOUGH = {"en": _grade_8_in_english, "es": _inflesz_60_in_spanish}
