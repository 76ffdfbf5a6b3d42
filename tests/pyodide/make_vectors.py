"""Write vectors.json: bridge requests and CPython's exact replies, to replay inside Pyodide.

    .venv/bin/python tests/pyodide/make_vectors.py

Run it after changing the scoring or the questionnaire data, and commit the
result; ``test_vectors.py`` fails while the file is out of date.
"""

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "assessment" / "src"))

from checks_scoring import VECTORS, reply_digest, request_text, summary  # noqa: E402

from alliance_check import (  # noqa: E402
    Questionnaire,
    answers_needed,
    list_languages,
    list_questionnaires,
    load_questionnaire,
)
from alliance_check.bridge import MAX_REQUEST_BYTES, score_json  # noqa: E402

SEED = 20181  # fixed, so the file only changes when scoring or data change
RANDOM_PER_QUESTIONNAIRE = 30


def scoring_requests(questionnaire: Questionnaire, rng: random.Random) -> dict[str, dict]:
    """Named answer sets for one questionnaire: the edges, then random ones with some items skipped."""
    items = questionnaire.items
    low, high = questionnaire.scale.min, questionnaire.scale.max
    middle = (low + high) // 2
    named: dict[str, dict[str, int]] = {
        "no answers": {},
        "all lowest": {item.id: low for item in items},
        "all highest": {item.id: high for item in items},
        "all middle": {item.id: middle for item in items},
        "best": {item.id: low if item.reverse else high for item in items},
        "worst": {item.id: high if item.reverse else low for item in items},
    }
    for dimension in questionnaire.dimensions:
        members = [item for item in items if item.dimension == dimension.id]
        needed = answers_needed(len(members))
        named[f"{dimension.id}: just enough answers"] = {item.id: high for item in members[:needed]}
        if needed > 1:
            named[f"{dimension.id}: one answer short"] = {item.id: high for item in members[: needed - 1]}
    best = named["best"]
    for item in items:
        if item.safety:  # the safety note's rule, answer by answer: it must agree in Pyodide too
            for answer in questionnaire.scale.points:
                named[f"safety note: {item.id} = {answer}, the rest best"] = {**best, item.id: answer}
    for number in range(RANDOM_PER_QUESTIONNAIRE):
        skip = rng.choice([0.0, 0.2, 0.5])
        answers = {item.id: rng.randint(low, high) for item in items if rng.random() >= skip}
        named[f"random {number}"] = dict(rng.sample(sorted(answers.items()), len(answers)))  # any order
    return {
        f"{questionnaire.id}: {name}": {
            "questionnaire": questionnaire.id,
            "lang": questionnaire.lang,
            "answers": answers,
        }
        for name, answers in named.items()
    }


def error_requests() -> dict[str, str | list[list]]:
    """One or more requests for every error code, including the size limit and deep nesting."""
    opening = '{"questionnaire": "alliance", "answers": {}'
    return {
        "invalid_json: not JSON": "{answers",
        "invalid_json: NaN": '{"questionnaire": "alliance", "answers": {"warmth": NaN}}',
        "invalid_json: nested too deeply": [["[", 20_000], ["]", 20_000]],
        "invalid_json: number too long": [
            ['{"questionnaire": "alliance", "answers": {"warmth": 1', 1],
            ["0", 5000],
            ["}}", 1],
        ],
        "invalid_request: not an object": "[1, 2]",
        "invalid_request: no answers": '{"questionnaire": "alliance"}',
        "invalid_request: answer given twice": '{"questionnaire": "alliance", "answers": {"warmth": 4, "warmth": 5}}',
        "invalid_request: unexpected field": '{"questionnaire": "alliance", "answers": {}, "x": 1}',
        "too_large: one byte over": [[opening, 1], [" ", MAX_REQUEST_BYTES + 1 - len(opening) - 1], ["}", 1]],
        "accepted: exactly at the limit": [[opening, 1], [" ", MAX_REQUEST_BYTES - len(opening) - 1], ["}", 1]],
        "unknown_questionnaire": '{"questionnaire": "../alliance", "answers": {}}',
        "unknown_language": '{"questionnaire": "alliance", "lang": "xx", "answers": {}}',
        "unknown_item": '{"questionnaire": "check-in", "answers": {"mood": 4}}',
        "unknown_item: not ASCII": '{"questionnaire": "check-in", "answers": {"\\u00e9\\ud800": 4}}',
        "invalid_value: true": '{"questionnaire": "check-in", "answers": {"focus": true}}',
        "invalid_value: 4.0": '{"questionnaire": "check-in", "answers": {"focus": 4.0}}',
        "invalid_value: text": '{"questionnaire": "check-in", "answers": {"focus": "4"}}',
        "invalid_value: null": '{"questionnaire": "check-in", "answers": {"focus": null}}',
        "invalid_value: above the scale": '{"questionnaire": "check-in", "answers": {"focus": 6}}',
        "invalid_value: below the scale": '{"questionnaire": "alliance", "answers": {"warmth": 0}}',
    }


def in_other_languages(requests: dict[str, dict]) -> dict[str, dict]:
    """The same answers in every other language the check is written in: same numbers, that language's words."""
    return {
        f"{name} [{lang}]": {**body, "lang": lang}
        for name, body in requests.items()
        for lang in list_languages(body["questionnaire"])
        if lang != body["lang"]
    }


def build_vectors() -> dict:
    rng = random.Random(SEED)
    requests: dict[str, str | list[list]] = {}
    for qid in list_questionnaires():
        english = scoring_requests(load_questionnaire(qid), rng)
        for name, body in (english | in_other_languages(english)).items():
            requests[name] = json.dumps(body)
    requests |= error_requests()
    vectors = []
    for name, spec in requests.items():
        reply = score_json(request_text(spec))
        vectors.append({"name": name, "request": spec, "reply_sha256": reply_digest(reply), "summary": summary(reply)})
    return {"generated_by": "tests/pyodide/make_vectors.py", "vectors": vectors}


def serialised(vectors: dict) -> str:
    # One vector per line keeps diffs readable.
    lines = [json.dumps(vector, ensure_ascii=True) for vector in vectors["vectors"]]
    return '{"generated_by": ' + json.dumps(vectors["generated_by"]) + ', "vectors": [\n' + ",\n".join(lines) + "\n]}\n"


if __name__ == "__main__":
    VECTORS.write_text(serialised(build_vectors()), encoding="utf-8")
    print(f"wrote {VECTORS}")
