"""The committed history vectors are what CPython computes now (regenerate with make_history_vectors.py)."""

import json

from checks_history import HISTORY_VECTORS, replay_history
from make_history_vectors import build_vectors, serialised


def test_history_vectors_are_up_to_date() -> None:
    expected = serialised(build_vectors())
    assert HISTORY_VECTORS.read_text(encoding="utf-8") == expected, (
        "Run: .venv/bin/python tests/pyodide/make_history_vectors.py"
    )


def test_history_vectors_replay_on_cpython() -> None:
    assert replay_history(json.loads(HISTORY_VECTORS.read_text(encoding="utf-8"))["vectors"]) == []


def test_history_vectors_cover_every_error_code_but_internal() -> None:
    from alliance_check.bridge import ERROR_CODES

    vectors = json.loads(HISTORY_VECTORS.read_text(encoding="utf-8"))["vectors"]
    codes = {vector["summary"]["error"][0] for vector in vectors if "error" in vector["summary"]}
    assert codes == set(ERROR_CODES) - {"internal_error"}
    flagged = [
        vector
        for vector in vectors
        if "areas" in vector["summary"] and any(a[3] for a in vector["summary"]["areas"].values())
    ]
    assert flagged, "no vector has a flagged area"


def test_history_vectors_compare_every_check_in_every_language() -> None:
    from alliance_check import list_languages, list_questionnaires

    vectors = json.loads(HISTORY_VECTORS.read_text(encoding="utf-8"))["vectors"]
    requests = [json.loads(vector["request"]) for vector in vectors if "error" not in vector["summary"]]
    covered = {(request["questionnaire"], request.get("lang", "en")) for request in requests}
    assert covered == {(qid, lang) for qid in list_questionnaires() for lang in list_languages(qid)}
