"""Checks run inside Pyodide: the history call replays CPython's replies exactly.

``history_vectors.json`` is written on CPython by ``make_history_vectors.py``:
each vector holds a ``history_json`` request, the sha256 of CPython's exact
reply, and a summary (points, changes, flags, or the error's code and field).
"""

import hashlib
import json
from pathlib import Path

HISTORY_VECTORS = Path(__file__).with_name("history_vectors.json")


def reply_digest(reply: str) -> str:
    return hashlib.sha256(reply.encode("utf-8")).hexdigest()


def history_summary(reply: str) -> dict:
    """What the history decides: per area the points, changes and flag; or the error's code and field."""
    data = json.loads(reply)
    if not data["ok"]:
        return {"error": [data["error"]["code"], data["error"]["field"]]}
    result = data["result"]

    def change(part: dict | None) -> list | None:
        return None if part is None else [part["change"], part["direction"]]

    return {
        "order": [entry["index"] for entry in result["results"]],
        "areas": {
            area["id"]: [area["points"], change(area["since_last"]), change(area["since_first"]), area["flagged"]]
            for area in result["areas"]
        },
    }


def replay_history(vectors: list[dict]) -> list[str]:
    """Every vector whose reply differs here, described."""
    from alliance_check.bridge import history_json

    problems = []
    for vector in vectors:
        reply = history_json(vector["request"])
        if reply_digest(reply) != vector["reply_sha256"]:
            got = history_summary(reply)
            difference = "same summary, other text" if got == vector["summary"] else f"{got} != {vector['summary']}"
            problems.append(f"{vector['name']}: {difference}")
    return problems


def check_history_vectors_replay_exactly() -> None:
    vectors = json.loads(HISTORY_VECTORS.read_text(encoding="utf-8"))["vectors"]
    assert len(vectors) >= 30, len(vectors)
    problems = replay_history(vectors)
    assert not problems, f"{len(problems)} of {len(vectors)} vectors differ:\n" + "\n".join(problems[:10])


def check_two_hundred_results_are_compared() -> None:
    from alliance_check import load_questionnaire
    from alliance_check.bridge import history_json

    items = load_questionnaire("alliance").items
    results = [
        {
            "taken": f"2026-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}T18:{n % 60:02d}",
            "version": "1.0.0",
            "answers": {item.id: 1 + (n + i) % 5 for i, item in enumerate(items)},
        }
        for n in range(200)
    ]
    reply = json.loads(history_json(json.dumps({"questionnaire": "alliance", "results": results})))
    assert reply["ok"], reply
    assert all(len(area["points"]) == 200 for area in reply["result"]["areas"])
