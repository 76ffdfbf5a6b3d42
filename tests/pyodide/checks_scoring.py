"""Checks run inside Pyodide: the committed vectors replay exactly, and the data loads.

``vectors.json`` is written on CPython by ``make_vectors.py``. Each vector holds a
bridge request, the sha256 of the exact reply text CPython gave, and a summary
of that reply (the numbers, bands and error codes) for a readable difference.
The helpers below are shared with the generator, so both sides build requests
and summaries the same way.
"""

import hashlib
import json
from pathlib import Path

VECTORS = Path(__file__).with_name("vectors.json")


def request_text(spec: str | list[list]) -> str:
    """A request: the text itself, or ``[[text, times], ...]`` joined (for long requests kept short on disk)."""
    if isinstance(spec, str):
        return spec
    return "".join(text * times for text, times in spec)


def reply_digest(reply: str) -> str:
    return hashlib.sha256(reply.encode("utf-8")).hexdigest()


def summary(reply: str) -> dict:
    """The parts of a reply that scoring decides: numbers, bands, flags, or the error's code and field."""
    data = json.loads(reply)
    if not data["ok"]:
        return {"error": [data["error"]["code"], data["error"]["field"]]}
    result = data["result"]

    def numbers(part: dict) -> list:
        band = part["band"]["id"] if part["band"] else None
        return [part["score"], part["pomp"], band, part.get("answered"), part.get("total")]

    return {
        "overall": numbers(result["overall"]),
        "dimensions": {part["id"]: numbers(part) for part in result["dimensions"]},
        "bordin": {part["id"]: numbers(part) for part in result["bordin"]},
        "flagged": [[item["id"], item["score"], item["pomp"]] for item in result["flagged_items"]],
        "safety_note": result["safety_note"] is not None,
    }


def replay(vectors: list[dict]) -> list[str]:
    """Every vector whose reply differs here, described."""
    from alliance_check.bridge import score_json

    problems = []
    for vector in vectors:
        reply = score_json(request_text(vector["request"]))
        if reply_digest(reply) != vector["reply_sha256"]:
            got = summary(reply)
            difference = "same summary, other text" if got == vector["summary"] else f"{got} != {vector['summary']}"
            problems.append(f"{vector['name']}: {difference}")
    return problems


def check_vectors_replay_exactly() -> None:
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))["vectors"]
    assert len(vectors) > 100, len(vectors)
    problems = replay(vectors)
    assert not problems, f"{len(problems)} of {len(vectors)} vectors differ:\n" + "\n".join(problems[:10])


def check_every_questionnaire_loads_in_every_language() -> None:
    from alliance_check import list_languages, list_questionnaires, load_questionnaire

    ids = list_questionnaires()
    assert ids == ["alliance", "check-in", "first-sessions"], ids
    for qid in ids:
        for lang in list_languages(qid):
            assert load_questionnaire(qid, lang).items


def check_floats_are_unrounded_and_exact() -> None:
    from alliance_check.bridge import score_json

    reply = score_json(
        '{"questionnaire": "alliance", "answers": '
        '{"safe-to-be-honest": 5, "worry-about-judgment": 5, "taken-seriously": 1}}'
    )
    trust = json.loads(reply)["result"]["dimensions"][0]
    assert repr(trust["score"]) == "2.3333333333333335", trust
    assert repr(trust["pomp"]) == "33.333333333333336", trust


def check_questionnaires_are_listed() -> None:
    from alliance_check.bridge import questionnaires_json

    listed = json.loads(questionnaires_json())["result"]["questionnaires"]
    assert [q["id"] for q in listed] == ["alliance", "check-in", "first-sessions"]


def check_the_safety_note_comes_only_with_the_answers_the_data_names() -> None:
    """Each safety item, each answer, the rest at their best: the note comes exactly for its ``safety_answers``."""
    from alliance_check import list_questionnaires, load_questionnaire, score

    for qid in list_questionnaires():
        questionnaire = load_questionnaire(qid)
        scale = questionnaire.scale
        best = {item.id: scale.min if item.reverse else scale.max for item in questionnaire.items}
        assert not score(questionnaire, best).needs_safety_note, qid
        safety_items = [item for item in questionnaire.items if item.safety]
        assert safety_items, qid
        for item in safety_items:
            worst = scale.max if item.reverse else scale.min
            assert worst in item.safety_answers, (qid, item.id)
            for answer in scale.points:
                fired = score(questionnaire, {**best, item.id: answer}).needs_safety_note
                assert fired == (answer in item.safety_answers), (qid, item.id, answer)


def check_result_report_follows_its_rules() -> None:
    """What a result says (alliance_check.report) is decided the same way here as on CPython."""
    import json

    from alliance_check.bridge import score_json

    def report(qid: str, answers: dict) -> dict:
        reply = json.loads(score_json(json.dumps({"questionnaire": qid, "answers": answers})))
        assert reply["ok"], reply
        return reply["result"]["report"]

    strong = report("check-in", {"respect": 5, "focus": 5, "worth": 5})
    assert strong["talk_about"] is None and strong["strengths"]["starters"]
    assert strong["bordin"] is None  # one question per part: the view would repeat the numbers
    mixed = report("check-in", {"respect": 5, "focus": 1, "worth": 3})
    assert [area["id"] for area in mixed["talk_about"]["areas"]] == ["focus", "worth"]
    assert mixed["flagged"]["items"][0]["answer"] == "You answered: Not at all"
    low = report("alliance", {"safe-to-be-honest": 1, "warmth": 1, "taken-seriously": 1})
    assert list(low).index("safety") < list(low).index("overall")
    assert low["safety"] is not None and low["rights"]["links"]


def check_every_language_reports_in_its_own_words() -> None:
    """The snapshot and the wheel carry every language's texts: each check scores and reports in each."""
    from alliance_check import list_languages, list_questionnaires, load_questionnaire
    from alliance_check.bridge import score_json
    from alliance_check.wording import result_words

    for qid in list_questionnaires():
        for lang in list_languages(qid):
            questionnaire = load_questionnaire(qid, lang)
            answers = {item.id: questionnaire.scale.min for item in questionnaire.items}
            reply = json.loads(score_json(json.dumps({"questionnaire": qid, "lang": lang, "answers": answers})))
            assert reply["ok"], reply
            result = reply["result"]
            assert result["questionnaire"]["lang"] == lang and result["questionnaire"]["title"] == questionnaire.title
            assert result["report"]["heading"] == result_words(lang)["heading"], (qid, lang)
            assert result["report"]["safety"]["text"] == questionnaire.notes.safety.text, (qid, lang)
