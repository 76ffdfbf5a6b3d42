"""The committed vectors are what CPython computes now (regenerate with make_vectors.py)."""

import json

from checks_scoring import VECTORS, replay
from make_vectors import build_vectors, serialised


def test_vectors_are_up_to_date() -> None:
    expected = serialised(build_vectors())
    assert VECTORS.read_text(encoding="utf-8") == expected, "Run: .venv/bin/python tests/pyodide/make_vectors.py"


def test_vectors_replay_on_cpython() -> None:
    assert replay(json.loads(VECTORS.read_text(encoding="utf-8"))["vectors"]) == []


def test_vectors_cover_every_error_code() -> None:
    from alliance_check.bridge import ERROR_CODES

    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))["vectors"]
    codes = {vector["summary"]["error"][0] for vector in vectors if "error" in vector["summary"]}
    assert codes == set(ERROR_CODES) - {"internal_error"}
