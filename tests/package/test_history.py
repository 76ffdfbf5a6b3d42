"""Trends over kept results: changes, flags, order, thresholds, and the bridge's history call."""

import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mini_questionnaire import MakeQuestionnaire

from alliance_check import (
    HistoryError,
    KeptResult,
    Questionnaire,
    QuestionnaireError,
    history,
    list_questionnaires,
    load_questionnaire,
    score,
)
from alliance_check.bridge import ERROR_CODES, MAX_HISTORY_BYTES, MAX_HISTORY_RESULTS, history_json

QUESTIONNAIRES = [load_questionnaire(qid) for qid in list_questionnaires()]
CHECK_IN = load_questionnaire("check-in")


def check_in(taken: str, focus: int, respect: int = 4, worth: int | None = 4) -> KeptResult:
    """A kept check-in (three areas, one question each, answered 1-5: one step is 25 points)."""
    answers = {"respect": respect, "focus": focus}
    if worth is not None:
        answers["worth"] = worth
    return KeptResult(taken, CHECK_IN.version, answers)


def area(result: dict, area_id: str) -> dict:
    return next(entry for entry in result["areas"] if entry["id"] == area_id)


def test_three_check_ins_give_three_points_changes_and_a_flag_after_a_drop() -> None:
    kept = [check_in("2026-03-01T18:00", 5), check_in("2026-03-08T18:10", 5), check_in("2026-03-15T17:55", 3)]
    result = history(CHECK_IN, kept)
    focus = area(result, "focus")
    assert focus["points"] == [100.0, 100.0, 50.0]
    assert focus["since_last"] == {"change": -50.0, "direction": "lower", "text": "Lower than last time."}
    assert focus["since_first"]["direction"] == "lower"
    assert focus["recent_level"] == 100.0
    assert focus["flagged"] is True
    assert focus["texts"][-1] == CHECK_IN.history.words.flag
    assert result["flagged"] == ["focus"]
    respect = area(result, "respect")
    assert respect["flagged"] is False and respect["since_last"]["direction"] == "same"
    assert [entry["taken"] for entry in result["results"]] == [entry.taken for entry in kept]


def test_a_rise_reads_as_higher_and_is_never_flagged() -> None:
    result = history(CHECK_IN, [check_in("2026-03-01T18:00", 2), check_in("2026-03-08T18:00", 5)])
    focus = area(result, "focus")
    assert focus["since_last"]["direction"] == "higher" and not focus["flagged"]
    # With two results, since last time and since the first are the same comparison: said once.
    assert focus["texts"] == ["Higher than last time."]


def test_a_single_result_has_no_trend() -> None:
    result = history(CHECK_IN, [check_in("2026-03-01T18:00", 1)])
    for entry in result["areas"]:
        assert entry["since_last"] is None and entry["since_first"] is None and entry["recent_level"] is None
        assert entry["flagged"] is False
        assert entry["texts"] == [CHECK_IN.history.words.first]
    assert result["flagged"] == []


def test_no_results_is_an_empty_history() -> None:
    result = history(CHECK_IN, [])
    assert result["results"] == [] and result["flagged"] == []
    assert all(entry["points"] == [] and entry["latest"] is None for entry in result["areas"])


def test_an_area_missing_from_the_latest_result_has_no_change() -> None:
    result = history(CHECK_IN, [check_in("2026-03-01T18:00", 5), check_in("2026-03-08T18:00", 5, worth=None)])
    worth = area(result, "worth")
    assert worth["points"] == [75.0, None] and worth["since_last"] is None and not worth["flagged"]
    assert worth["texts"] == [CHECK_IN.history.words.not_scored]


def test_an_earlier_gap_is_skipped_when_comparing() -> None:
    kept = [check_in("2026-03-01T18:00", 5, worth=5), check_in("2026-03-08T18:00", 5, worth=None)]
    kept.append(check_in("2026-03-15T18:00", 5, worth=3))
    worth = area(history(CHECK_IN, kept), "worth")
    assert worth["since_last"]["change"] == -50.0 and worth["recent_level"] == 100.0 and worth["flagged"]


def test_only_the_recent_results_make_the_recent_level() -> None:
    # recent = 3 for the check-in: the first result (1, that is 0 points) is too old to count.
    answers = [1, 5, 5, 5, 3]
    kept = [check_in(f"2026-03-0{day}T18:00", answer) for day, answer in enumerate(answers, start=1)]
    focus = area(history(CHECK_IN, kept), "focus")
    assert focus["recent_level"] == 100.0
    assert focus["flagged"] is True  # 50 below the recent level, drop is 30
    assert focus["since_first"]["direction"] == "higher"


def test_one_step_down_is_shown_but_not_flagged() -> None:
    kept = [check_in("2026-03-01T18:00", 5), check_in("2026-03-02T18:00", 5), check_in("2026-03-03T18:00", 4)]
    focus = area(history(CHECK_IN, kept), "focus")
    assert focus["since_last"]["direction"] == "lower"
    assert focus["recent_level"] == 100.0 and focus["flagged"] is False  # 25 below, drop is 30


def test_an_older_version_is_rescored_and_marked() -> None:
    kept = [KeptResult("2026-03-01T18:00", "0.9.0", {"focus": 4}), check_in("2026-03-02T18:00", 4)]
    result = history(CHECK_IN, kept)
    assert [entry["rescored"] for entry in result["results"]] == [True, False]
    assert area(result, "focus")["points"] == [75.0, 75.0]


def test_an_older_version_whose_questions_changed_is_explained() -> None:
    kept = [KeptResult("2026-03-01T18:00", "0.9.0", {"mood": 7})]
    with pytest.raises(HistoryError) as raised:
        history(CHECK_IN, kept)
    assert raised.value.code == "unknown_item" and raised.value.field == "results[0].answers.mood"
    assert raised.value.message.startswith("Result 1: ") and "version 0.9.0" in raised.value.message


@pytest.mark.parametrize("taken", ["2026-03-01", "2026-02-30T18:00", "2026-03-01T25:00", "2026-03-01T18:00Z", "", 7])
def test_a_bad_date_is_refused(taken: object) -> None:
    with pytest.raises(HistoryError) as raised:
        history(CHECK_IN, [check_in("2026-03-01T18:00", 5), KeptResult(taken, "1.0.0", {})])  # type: ignore[arg-type]
    assert (raised.value.code, raised.value.field) == ("invalid_value", "results[1].taken")


def test_every_sentence_comes_from_the_language_file() -> None:
    words = CHECK_IN.history.words
    known = {words.first, words.not_scored, words.flag, *words.since_last.values(), *words.since_first.values()}
    kept = [check_in(f"2026-03-0{day}T18:00", rating) for day, rating in enumerate([5, 3, 4, 1, 5, 5], start=1)]
    for count in range(1, len(kept) + 1):
        for entry in history(CHECK_IN, kept[:count])["areas"]:
            assert entry["texts"] and set(entry["texts"]) <= known


# Properties, over every packaged questionnaire. No deadline: each example scores
# up to eight results, and timing belongs in the benchmark, not in a test that
# fails when the machine is busy.
NO_DEADLINE = settings(deadline=None)


@st.composite
def kept_results(draw: st.DrawFn, at_least: int = 0) -> tuple[Questionnaire, list[KeptResult]]:
    """A questionnaire and a series of kept results of it, some areas unanswered, some at the same minute."""
    questionnaire = draw(st.sampled_from(QUESTIONNAIRES))
    scale = questionnaire.scale
    count = draw(st.integers(at_least, 8))
    kept = []
    for _ in range(count):
        answers = {}
        for item in questionnaire.items:
            value = draw(st.none() | st.integers(scale.min, scale.max) | st.integers(scale.min, scale.max))
            if value is not None:
                answers[item.id] = value
        day, hour = draw(st.integers(1, 9)), draw(st.sampled_from([9, 18]))
        kept.append(KeptResult(f"2026-04-0{day}T{hour:02d}:00", questionnaire.version, answers))
    return questionnaire, kept


def without_indexes(result: dict) -> dict:
    return {**result, "results": [{**entry, "index": None} for entry in result["results"]]}


def exact_pomp(questionnaire: Questionnaire, answers: dict[str, int], dimension: str) -> Fraction | None:
    part = next(part for part in score(questionnaire, answers).dimensions if part.id == dimension)
    if not part.scored:
        return None
    scale = questionnaire.scale
    scores = [
        scale.min + scale.max - answers[item.id] if item.reverse else answers[item.id]
        for item in questionnaire.items
        if item.dimension == dimension and item.id in answers
    ]
    return 100 * (Fraction(sum(scores), len(scores)) - scale.min) / (scale.max - scale.min)


@NO_DEADLINE
@given(kept_results(), st.randoms(use_true_random=False))
def test_the_order_of_results_does_not_matter(case: tuple[Questionnaire, list[KeptResult]], random: object) -> None:
    questionnaire, kept = case
    shuffled = list(kept)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert without_indexes(history(questionnaire, shuffled)) == without_indexes(history(questionnaire, kept))


@NO_DEADLINE
@given(kept_results(at_least=1))
def test_indexes_point_back_at_the_results_given(case: tuple[Questionnaire, list[KeptResult]]) -> None:
    questionnaire, kept = case
    listed = history(questionnaire, kept)["results"]
    assert sorted(entry["index"] for entry in listed) == list(range(len(kept)))
    assert [entry["taken"] for entry in listed] == sorted(entry.taken for entry in kept)


@NO_DEADLINE
@given(kept_results(at_least=1).filter(lambda case: len(case[1]) == 1))
def test_a_single_result_never_has_a_trend(case: tuple[Questionnaire, list[KeptResult]]) -> None:
    questionnaire, kept = case
    result = history(questionnaire, kept)
    assert result["flagged"] == []
    for entry in result["areas"]:
        assert entry["since_last"] is None and entry["since_first"] is None and not entry["flagged"]


@NO_DEADLINE
@given(kept_results(at_least=2))
def test_flags_and_directions_follow_the_thresholds_exactly(case: tuple[Questionnaire, list[KeptResult]]) -> None:
    questionnaire, kept = case
    thresholds = questionnaire.history
    result = history(questionnaire, kept)
    ordered = [kept[entry["index"]] for entry in result["results"]]
    for entry in result["areas"]:
        values = [exact_pomp(questionnaire, dict(k.answers), entry["id"]) for k in ordered]  # type: ignore[arg-type]
        latest, earlier = values[-1], [value for value in values[:-1] if value is not None]
        if latest is None or not earlier:
            assert not entry["flagged"] and entry["since_last"] is None
            continue
        level = sum(earlier[-thresholds.recent :]) / len(earlier[-thresholds.recent :])
        assert entry["flagged"] == (level - latest >= Fraction(thresholds.drop))
        for key, before in (("since_last", earlier[-1]), ("since_first", earlier[0])):
            change = latest - before
            expected = "higher" if change >= thresholds.steady else "lower" if -change >= thresholds.steady else "same"
            assert entry[key]["direction"] == expected
            assert entry[key]["change"] == float(change)
    assert result["flagged"] == [entry["id"] for entry in result["areas"] if entry["flagged"]]


# Thresholds and words are data, checked on load.


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        ([("recent = 3\n", "")], "mini.toml: history.recent: is missing"),
        ([("recent = 3", "recent = 0")], "mini.toml: history.recent: 0 must be from 1 to 10 earlier results"),
        ([("drop = 15", "drop = 0")], "mini.toml: history.drop: 0 must be above 0 and at most 100 POMP points"),
        (
            [("steady = 10", "steady = 20")],
            "mini.toml: history.steady: 20 must be above 0 and at most history.drop (15)",
        ),
        ([("drop = 15", 'drop = "15"')], "mini.toml: history.drop: must be a number, not text"),
        (
            [("steady = 10", "steady = 10\nwindow = 2")],
            "mini.toml: history.window: unknown key (expected: recent, drop, steady)",
        ),
    ],
)
def test_bad_thresholds_are_named(make_questionnaire: MakeQuestionnaire, edits: list, message: str) -> None:
    with pytest.raises(QuestionnaireError) as raised:
        load_questionnaire("mini", directory=make_questionnaire(structure=edits))
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        ([('flag = "Clearly lower."\n', "")], "mini.en.toml: history.flag: is missing"),
        ([('same = "Same as last."', 'same = " "')], "mini.en.toml: history.since_last.same: is empty"),
    ],
)
def test_missing_history_words_are_named(make_questionnaire: MakeQuestionnaire, edits: list, message: str) -> None:
    with pytest.raises(QuestionnaireError) as raised:
        load_questionnaire("mini", directory=make_questionnaire(words=edits))
    assert str(raised.value) == message


def test_every_packaged_questionnaire_explains_its_thresholds() -> None:
    from alliance_check.loading import PACKAGED

    for qid in list_questionnaires():
        text = (PACKAGED / f"{qid}.toml").read_text(encoding="utf-8")
        comment = text[: text.index("[history]")].rsplit("\n\n", 1)[-1].splitlines()
        assert comment and all(line.startswith("# ") for line in comment), qid
        assert "not a validated clinical cut-off" in " ".join(line[2:] for line in comment), qid


# The bridge's history call.


def history_reply(body: object) -> dict:
    reply = history_json(json.dumps(body) if isinstance(body, dict) else body)  # type: ignore[arg-type]
    assert isinstance(reply, str)
    return json.loads(reply)


def history_error(body: object) -> dict:
    reply = history_reply(body)
    assert reply["ok"] is False, reply
    assert reply["error"]["code"] in ERROR_CODES
    return reply["error"]


def kept_json(taken: str = "2026-03-01T18:00", **answers: int) -> dict:
    return {"taken": taken, "version": "1.0.0", "answers": answers or {"focus": 4}}


def test_the_bridge_returns_the_history() -> None:
    body = {"questionnaire": "check-in", "lang": "en", "results": [kept_json(), kept_json("2026-03-02T18:00")]}
    reply = history_reply(body)
    assert reply["ok"] is True
    kept = [KeptResult(entry["taken"], entry["version"], entry["answers"]) for entry in body["results"]]
    assert reply["result"] == json.loads(json.dumps(history(CHECK_IN, kept)))
    assert area(reply["result"], "focus")["points"] == [75.0, 75.0]


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [
        ("{results", "invalid_json", None),
        ("[]", "invalid_request", None),
        ({"questionnaire": "check-in"}, "invalid_request", "results"),
        ({"questionnaire": "check-in", "results": {}}, "invalid_request", "results"),
        ({"questionnaire": "check-in", "results": [], "answers": {}}, "invalid_request", "answers"),
        ({"questionnaire": "check-in", "results": [7]}, "invalid_request", "results[0]"),
        (
            {"questionnaire": "check-in", "results": [{"taken": "2026-03-01T18:00", "version": "1"}]},
            "invalid_request",
            "results[0].answers",
        ),
        (
            {"questionnaire": "check-in", "results": [{**kept_json(), "name": "Ana"}]},
            "invalid_request",
            "results[0].name",
        ),
        (
            {"questionnaire": "check-in", "results": [{**kept_json(), "answers": []}]},
            "invalid_request",
            "results[0].answers",
        ),
        ({"questionnaire": "check-in", "results": [kept_json(focus=9)]}, "invalid_value", "results[0].answers.focus"),
        ({"questionnaire": "check-in", "results": [kept_json(mood=1)]}, "unknown_item", "results[0].answers.mood"),
        (
            {"questionnaire": "check-in", "results": [{**kept_json(), "version": 1}]},
            "invalid_value",
            "results[0].version",
        ),
        (
            {"questionnaire": "check-in", "results": [{**kept_json(), "taken": "yesterday"}]},
            "invalid_value",
            "results[0].taken",
        ),
        ({"questionnaire": "nope", "results": []}, "unknown_questionnaire", "questionnaire"),
        ({"questionnaire": "check-in", "lang": "fr", "results": []}, "unknown_language", "lang"),
    ],
)
def test_the_bridge_names_what_is_wrong(body: object, code: str, field: str | None) -> None:
    error = history_error(body)
    assert (error["code"], error["field"]) == (code, field)
    assert error["message"]


def test_the_bridge_limits_how_many_results() -> None:
    results = [kept_json(f"2026-03-01T{n // 60 % 24:02d}:{n % 60:02d}") for n in range(MAX_HISTORY_RESULTS)]
    assert history_reply({"questionnaire": "check-in", "results": results})["ok"] is True
    error = history_error({"questionnaire": "check-in", "results": [*results, kept_json()]})
    assert (error["code"], error["field"]) == ("too_large", "results")


def test_the_bridge_limits_the_request_size() -> None:
    opening = '{"questionnaire": "check-in", "results": []'
    assert history_error(opening + " " * (MAX_HISTORY_BYTES - len(opening)) + "}")["code"] == "too_large"
    assert history_reply(opening + " " * (MAX_HISTORY_BYTES - len(opening) - 1) + "}")["ok"] is True


@pytest.mark.parametrize("request_value", [None, 7, b"{}", ["x"]])
def test_the_bridge_never_raises_on_what_is_not_text(request_value: object) -> None:
    assert history_error(request_value)["code"] == "invalid_request"


def test_deep_nesting_is_refused_before_parsing() -> None:
    assert history_error("[" * 50_000 + "]" * 50_000)["code"] == "invalid_json"


@pytest.mark.parametrize("questionnaire", QUESTIONNAIRES, ids=lambda q: q.id)
def test_history_words_are_plain_and_never_blame(questionnaire: Questionnaire) -> None:
    import textstat

    words = questionnaire.history.words
    texts = [words.first, words.not_scored, words.flag, *words.since_last.values(), *words.since_first.values()]
    assert textstat.flesch_kincaid_grade(" ".join(texts)) <= 8
    # A drop is something to talk about, not a fault, and strains can be repaired.
    assert "not your fault" in words.flag and "talking about" in words.flag and "repaired" in words.flag
