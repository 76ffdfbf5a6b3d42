"""Write history_vectors.json: history requests and CPython's exact replies, to replay inside Pyodide.

    .venv/bin/python tests/pyodide/make_history_vectors.py

Run it after changing the history rules, the thresholds or their words, and
commit the result; ``test_history_vectors.py`` fails while the file is out of date.
"""

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "assessment" / "src"))

from checks_history import HISTORY_VECTORS, history_summary, reply_digest  # noqa: E402

from alliance_check import Questionnaire, list_languages, list_questionnaires, load_questionnaire  # noqa: E402
from alliance_check.bridge import MAX_HISTORY_RESULTS, history_json  # noqa: E402

SEED = 2018  # fixed, so the file only changes when the rules or the data change
RANDOM_PER_QUESTIONNAIRE = 10


def kept(questionnaire: Questionnaire, rng: random.Random, day: int, skip: float) -> dict:
    scale = questionnaire.scale
    answers = {item.id: rng.randint(scale.min, scale.max) for item in questionnaire.items if rng.random() >= skip}
    return {
        "taken": f"2026-05-{day:02d}T{rng.choice([9, 18]):02d}:00",
        "version": questionnaire.version,
        "answers": answers,
    }


def history_requests(questionnaire: Questionnaire, rng: random.Random) -> dict[str, dict]:
    items = questionnaire.items
    low, high = questionnaire.scale.min, questionnaire.scale.max

    def same_answers(day: int, value: int) -> dict:
        answers = {item.id: low + high - value if item.reverse else value for item in items}
        return {"taken": f"2026-05-{day:02d}T18:00", "version": questionnaire.version, "answers": answers}

    named: dict[str, list[dict]] = {
        "none": [],
        "one": [same_answers(1, high)],
        "steady high": [same_answers(day, high) for day in (1, 2, 3)],
        "drop after highs": [same_answers(1, high), same_answers(2, high), same_answers(3, low)],
        "rise after lows": [same_answers(1, low), same_answers(2, low), same_answers(3, high)],
        "older version": [{**same_answers(1, high), "version": "0.1.0"}, same_answers(2, high)],
    }
    for number in range(RANDOM_PER_QUESTIONNAIRE):
        count = rng.randint(2, 7)
        skip = rng.choice([0.0, 0.3])
        series = [kept(questionnaire, rng, rng.randint(1, 28), skip) for _ in range(count)]
        named[f"random {number}"] = rng.sample(series, len(series))  # any order
    return {
        f"{questionnaire.id}: {name}": {
            "questionnaire": questionnaire.id,
            "lang": questionnaire.lang,
            "results": results,
        }
        for name, results in named.items()
    }


def error_requests() -> dict[str, str]:
    one = {"taken": "2026-05-01T18:00", "version": "1.0.0", "answers": {"focus": 4}}
    check_in = {"questionnaire": "check-in"}
    return {
        "invalid_json: not JSON": "{results",
        "invalid_request: no results": json.dumps(check_in),
        "invalid_request: a result that is not an object": json.dumps({**check_in, "results": [1]}),
        "invalid_request: unexpected field in a result": json.dumps({**check_in, "results": [{**one, "name": "A"}]}),
        "too_large: too many results": json.dumps({**check_in, "results": [one] * (MAX_HISTORY_RESULTS + 1)}),
        "unknown_questionnaire": json.dumps({"questionnaire": "mood", "results": []}),
        "unknown_language": json.dumps({**check_in, "lang": "xx", "results": []}),
        "unknown_item": json.dumps({**check_in, "results": [{**one, "answers": {"mood": 4}}]}),
        "invalid_value: answer": json.dumps({**check_in, "results": [{**one, "answers": {"focus": 11}}]}),
        "invalid_value: date": json.dumps({**check_in, "results": [{**one, "taken": "2026-02-30T18:00"}]}),
    }


def build_vectors() -> dict:
    rng = random.Random(SEED)
    requests: dict[str, str] = {}
    for qid in list_questionnaires():
        english = history_requests(load_questionnaire(qid), rng)
        # The same results in every other language the check is written in: same trends, that language's words.
        others = {
            f"{name} [{lang}]": {**body, "lang": lang}
            for name, body in english.items()
            for lang in list_languages(qid)
            if lang != body["lang"]
        }
        for name, body in (english | others).items():
            requests[name] = json.dumps(body)
    requests |= error_requests()
    vectors = []
    for name, request in requests.items():
        reply = history_json(request)
        vectors.append(
            {"name": name, "request": request, "reply_sha256": reply_digest(reply), "summary": history_summary(reply)}
        )
    return {"generated_by": "tests/pyodide/make_history_vectors.py", "vectors": vectors}


def serialised(vectors: dict) -> str:
    # One vector per line keeps diffs readable.
    lines = [json.dumps(vector, ensure_ascii=True) for vector in vectors["vectors"]]
    return '{"generated_by": ' + json.dumps(vectors["generated_by"]) + ', "vectors": [\n' + ",\n".join(lines) + "\n]}\n"


if __name__ == "__main__":
    HISTORY_VECTORS.write_text(serialised(build_vectors()), encoding="utf-8")
    print(f"wrote {HISTORY_VECTORS}")
