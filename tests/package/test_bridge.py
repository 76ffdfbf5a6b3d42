"""The JSON bridge: every error code, and results that survive the trip through JSON."""

import json
import re
from pathlib import Path

import pytest
from languages import LANGUAGES

from alliance_check import bridge, list_questionnaires, load_questionnaire, wording
from alliance_check.bridge import ERROR_CODES, MAX_REQUEST_BYTES, questionnaires_json, score_json

BROWSER_WORDS = re.compile(r"\b(reload|page|browser|click|tap)\b", re.IGNORECASE)


def call(request: object) -> dict:
    reply = score_json(request)  # type: ignore[arg-type]
    assert isinstance(reply, str)
    return json.loads(reply)


def error_of(request: object) -> dict:
    reply = call(request)
    assert reply["ok"] is False, reply
    assert set(reply) == {"ok", "error"} and set(reply["error"]) == {"code", "message", "field"}
    assert reply["error"]["code"] in ERROR_CODES
    # The package knows nothing of browsers: the page words what a visitor can do.
    assert not BROWSER_WORDS.search(reply["error"]["message"]), reply["error"]["message"]
    return reply["error"]


def request(answers: object = None, **fields: object) -> str:
    body = {"questionnaire": "alliance", "lang": "en", "answers": {} if answers is None else answers, **fields}
    return json.dumps(body)


def test_a_success_carries_the_result() -> None:
    reply = call(request({"safe-to-be-honest": 4, "worry-about-judgment": 2, "taken-seriously": 5}))
    assert reply["ok"] is True and set(reply) == {"ok", "result"}
    result = reply["result"]
    assert result["questionnaire"]["id"] == "alliance"
    trust = result["dimensions"][0]
    assert (trust["id"], trust["score"], trust["pomp"], trust["band"]["id"]) == ("trust", 13 / 3, 250 / 3, "strength")


def test_lang_defaults_to_english() -> None:
    reply = call(json.dumps({"questionnaire": "check-in", "answers": {"focus": 4}}))
    assert reply["result"]["questionnaire"]["lang"] == "en"


def test_the_bridge_agrees_with_the_python_api() -> None:
    from alliance_check import load_questionnaire, result_to_dict, score

    answers = {"comfortable-sharing": 2, "felt-judged": 4, "want-to-keep-going": 3}
    reply = call(json.dumps({"questionnaire": "first-sessions", "lang": "en", "answers": answers}))
    assert reply["result"] == result_to_dict(score(load_questionnaire("first-sessions"), answers))


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("", None),
        ("{", None),
        ("{'questionnaire': 'alliance'}", None),
        ('{"questionnaire": "alliance", "answers": {"warmth": NaN}}', None),
        ('{"questionnaire": "alliance", "answers": {"warmth": Infinity}}', None),
        ('{"answers": {"warmth": 1' + "0" * 5000 + "}}", None),
        ("[" * 30_000 + "]" * 30_000, None),
    ],
    ids=["empty", "unfinished", "single quotes", "NaN", "Infinity", "huge number", "deep nesting"],
)
def test_invalid_json(text: str, field: None) -> None:
    error = error_of(text)
    assert (error["code"], error["field"]) == ("invalid_json", field)
    assert error["message"].startswith("The answers could not be read")


def test_nesting_is_limited_before_parsing() -> None:
    # Pyodide dies on deep nesting instead of raising, so the bridge never lets the parser see it.
    deep = '{"questionnaire": "alliance", "answers": {"warmth": ' + "[" * 30 + "]" * 30 + "}}"
    assert error_of(deep)["code"] == "invalid_value"  # 32 levels in all: the limit
    assert error_of(deep.replace("[]", "[[]]"))["code"] == "invalid_json"


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    key = '[{\\"' + "[" * 100
    error = error_of('{"questionnaire": "alliance", "answers": {"' + key + '": 4}}')
    assert error["code"] == "unknown_item"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("[]", None),
        ('"alliance"', None),
        ("null", None),
        ('{"answers": {}}', "questionnaire"),
        ('{"questionnaire": 3, "answers": {}}', "questionnaire"),
        ('{"questionnaire": "alliance", "lang": ["en"], "answers": {}}', "lang"),
        ('{"questionnaire": "alliance"}', "answers"),
        ('{"questionnaire": "alliance", "answers": [4, 5]}', "answers"),
        ('{"questionnaire": "alliance", "answers": {}, "extra": 1}', "extra"),
        ('{"questionnaire": "alliance", "answers": {"warmth": 4, "warmth": 5}}', "warmth"),
    ],
    ids=[
        "array",
        "string",
        "null",
        "no questionnaire",
        "questionnaire not text",
        "lang not text",
        "no answers",
        "answers not an object",
        "unexpected field",
        "answer given twice",
    ],
)
def test_invalid_request(body: str, field: str | None) -> None:
    error = error_of(body)
    assert (error["code"], error["field"]) == ("invalid_request", field)


@pytest.mark.parametrize("value", [b"{}", None, 42, {"questionnaire": "alliance"}])
def test_a_request_that_is_not_text_is_invalid(value: object) -> None:
    assert error_of(value)["code"] == "invalid_request"


def padded(size: int, filler: str = " ") -> str:
    """A valid request of exactly ``size`` bytes in UTF-8, padded with JSON whitespace or a long unknown key."""
    base = request({"warmth": 4})
    return base[:-1] + filler * ((size - len(base.encode())) // len(filler.encode())) + "}"


def test_a_request_of_64_kib_is_accepted() -> None:
    text = padded(MAX_REQUEST_BYTES)
    assert len(text.encode()) == MAX_REQUEST_BYTES
    assert call(text)["ok"] is True


def test_a_request_over_64_kib_is_too_large() -> None:
    text = padded(MAX_REQUEST_BYTES + 1)
    assert len(text.encode()) == MAX_REQUEST_BYTES + 1
    error = error_of(text)
    assert (error["code"], error["field"]) == ("too_large", None)


def test_size_is_counted_in_utf8_bytes() -> None:
    # 30,000 characters but 90,000 bytes
    text = json.dumps({"questionnaire": "alliance", "answers": {"€" * 30_000: 4}}, ensure_ascii=False)
    assert len(text) < MAX_REQUEST_BYTES < len(text.encode())
    assert error_of(text)["code"] == "too_large"


def test_unknown_questionnaire() -> None:
    error = error_of(json.dumps({"questionnaire": "wai", "answers": {}}))
    assert (error["code"], error["field"]) == ("unknown_questionnaire", "questionnaire")
    assert error["message"] == (
        "There is no self-check called 'wai'. The ones available are: alliance, check-in, first-sessions."
    )


def test_unknown_language() -> None:
    error = error_of(request(lang="xx"))
    assert (error["code"], error["field"]) == ("unknown_language", "lang")
    assert error["message"] == (
        f"The self-check 'alliance' is not available in the language 'xx'. Languages available: {', '.join(LANGUAGES)}."
    )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("qid", list_questionnaires())
def test_the_bridge_scores_and_reports_in_every_language(qid: str, lang: str) -> None:
    questionnaire = load_questionnaire(qid, lang)
    answers = {item.id: questionnaire.scale.min for item in questionnaire.items}
    result = call(json.dumps({"questionnaire": qid, "lang": lang, "answers": answers}))["result"]
    assert result["questionnaire"] == {
        "id": qid,
        "version": questionnaire.version,
        "lang": lang,
        "title": questionnaire.title,
    }
    words = wording.result_words(lang)
    report = result["report"]
    assert report["heading"] == words["heading"]
    assert report["overall"]["text"] == words["overall_bands"][result["overall"]["band"]["id"]]
    assert report["safety"]["text"] == questionnaire.notes.safety.text
    assert [area["title"] for area in report["areas"]["items"]] == [d.title for d in questionnaire.dimensions]


def test_unknown_item() -> None:
    error = error_of(request({"warmth": 4, "trust-1": 3}))
    assert (error["code"], error["field"]) == ("unknown_item", "answers.trust-1")


@pytest.mark.parametrize("value", ["true", "false", "null", "4.0", "4e0", '"4"', "0", "6", "-1", "[4]", "{}"])
def test_invalid_value(value: str) -> None:
    error = error_of('{"questionnaire": "alliance", "answers": {"warmth": ' + value + "}}")
    assert (error["code"], error["field"]) == ("invalid_value", "answers.warmth")
    assert error["message"].startswith(
        'Question 5 ("You can feel warmth and kindness from your therapist.") needs a whole number '
        "from 1 (Never) to 5 (Always), not "
    )


def test_internal_error_still_answers_json(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(bridge, "score", broken)
    error = error_of(request())
    assert (error["code"], error["field"]) == ("internal_error", None)
    assert "a bug" not in error["message"]


def test_every_error_code_is_covered_by_a_test() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    assert all(f'"{code}"' in source for code in ERROR_CODES)


def test_replies_are_ascii_json() -> None:
    # Escaped non-ASCII keeps lone surrogates from an odd request safe to hand back to JavaScript.
    reply = score_json(request({"\udc80": 1}))
    assert reply.isascii()
    assert json.loads(reply)["error"]["code"] == "unknown_item"


def test_about_json_is_kept() -> None:
    assert json.loads(bridge.about_json())["package"] == "alliance-check"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_questionnaires_are_listed(lang: str) -> None:
    reply = json.loads(questionnaires_json(lang))
    assert reply["ok"] is True
    listed = reply["result"]["questionnaires"]
    assert [q["id"] for q in listed] == ["alliance", "check-in", "first-sessions"]
    assert {q["id"]: q["items"] for q in listed} == {"alliance": 15, "check-in": 3, "first-sessions": 10}
    assert set(listed[0]) == {"id", "version", "lang", "title", "intro", "time_frame", "items", "languages"}
    assert [q["title"] for q in listed] == [load_questionnaire(q["id"], lang).title for q in listed]
    assert all(q["lang"] == lang and q["languages"] == LANGUAGES for q in listed)


@pytest.mark.parametrize(("lang", "code"), [("xx", "unknown_language"), (3, "invalid_request")])
def test_questionnaires_in_an_unknown_language(lang: object, code: str) -> None:
    reply = json.loads(questionnaires_json(lang))  # type: ignore[arg-type]
    assert (reply["ok"], reply["error"]["code"], reply["error"]["field"]) == (False, code, "lang")
