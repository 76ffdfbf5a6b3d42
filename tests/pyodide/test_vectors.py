"""The committed vectors are what CPython computes now (regenerate with make_vectors.py)."""

import json

from checks_scoring import VECTORS, request_text
from make_vectors import build_vectors, serialised

from alliance_check import answers_needed, list_languages, list_questionnaires, load_questionnaire


def test_vectors_are_up_to_date() -> None:
    expected = serialised(build_vectors())
    assert VECTORS.read_text(encoding="utf-8") == expected, "Run: .venv/bin/python tests/pyodide/make_vectors.py"


def test_the_vectors_probe_the_half_rule_at_its_edge() -> None:
    """Each area is scored with just enough answers and not with one fewer, as the vectors' names say."""
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))["vectors"]
    edges = {}
    for vector in vectors:
        questionnaire, _, name = vector["name"].partition(": ")
        dimension, _, case = name.partition(": ")
        if case in ("just enough answers", "one answer short"):
            edges[questionnaire, dimension, case] = vector["summary"]["dimensions"][dimension][1] is not None
    for qid in list_questionnaires():
        questionnaire = load_questionnaire(qid)
        for dimension in questionnaire.dimensions:
            total = sum(item.dimension == dimension.id for item in questionnaire.items)
            assert edges[qid, dimension.id, "just enough answers"] is True, (qid, dimension.id)
            if answers_needed(total) > 1:
                assert edges[qid, dimension.id, "one answer short"] is False, (qid, dimension.id)


def test_vectors_cover_every_error_code() -> None:
    from alliance_check.bridge import ERROR_CODES

    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))["vectors"]
    codes = {vector["summary"]["error"][0] for vector in vectors if "error" in vector["summary"]}
    assert codes == set(ERROR_CODES) - {"internal_error"}


def test_the_vectors_score_every_check_in_every_language() -> None:
    """Each language's replies are replayed too: the same answers give the same numbers in every language."""
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))["vectors"]
    by_language: dict[tuple[str, str], dict[str, dict]] = {}
    for vector in vectors:
        if "error" in vector["summary"]:
            continue
        request = json.loads(request_text(vector["request"]))
        if "lang" not in request:  # the size limit's probe, not an answer set
            continue
        name = vector["name"].removesuffix(f" [{request['lang']}]")
        by_language.setdefault((request["questionnaire"], request["lang"]), {})[name] = vector["summary"]
    on_disk = {(qid, lang) for qid in list_questionnaires() for lang in list_languages(qid)}
    assert set(by_language) == on_disk
    for qid, lang in on_disk:
        assert by_language[qid, lang] == by_language[qid, "en"], (qid, lang)
