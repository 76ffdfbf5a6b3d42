"""The JSON bridge the browser's worker calls: strings in, strings out, never an exception.

``score_json`` answers ``{"ok": true, "result": {...}}`` or
``{"ok": false, "error": {"code": ..., "message": ..., "field": ...}}``. The
error codes are listed in :data:`ERROR_CODES`; messages say what is wrong in
plain words, and nothing about browsers or pages: the page words errors for
its visitors from the code and the field.
"""

import itertools
import json
import re
from typing import Any

from alliance_check.about import about
from alliance_check.errors import AnswerError, QuestionnaireNotFoundError
from alliance_check.history import HistoryError, KeptResult, history
from alliance_check.interpretation import result_to_dict
from alliance_check.loading import list_languages, list_questionnaires, load_questionnaire
from alliance_check.scoring import score

MAX_REQUEST_BYTES = 64 * 1024
# A history request carries every kept result of one check: 500 results of the
# longest check are about 250 KiB. More than that is refused, not slowly scored.
MAX_HISTORY_BYTES = 512 * 1024
MAX_HISTORY_RESULTS = 500
# A real request nests two deep. Deeper input is refused before parsing: in
# Pyodide, tens of thousands of nested brackets overflow the JavaScript stack
# and kill the interpreter instead of raising RecursionError.
MAX_NESTING = 32
REQUEST_FIELDS = ("questionnaire", "lang", "answers")
HISTORY_FIELDS = ("questionnaire", "lang", "results")
KEPT_RESULT_FIELDS = ("taken", "version", "answers")
DEFAULT_LANG = "en"
ERROR_CODES = (
    "invalid_json",
    "invalid_request",
    "too_large",
    "unknown_questionnaire",
    "unknown_language",
    "unknown_item",
    "invalid_value",
    "internal_error",
)
# A JSON string, or an unclosed one up to the end of the text. The possessive
# quantifiers never give back what they matched, so the scan never returns to
# an earlier quote: linear time on any text (the usual pattern without them is
# quadratic on an unclosed string of escaped quotes).
_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"?', re.DOTALL)
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]++")
_BRACKET_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class _Failure(Exception):
    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


def about_json() -> str:
    return json.dumps(about())


def score_json(request: str) -> str:
    """Score a JSON request such as ``{"questionnaire": "alliance", "lang": "en", "answers": {"<item id>": 4}}``."""
    try:
        qid, lang, answers = _parse_request(request)
        questionnaire = load_questionnaire(qid, lang)
        return _success(result_to_dict(score(questionnaire, answers)))
    except _Failure as failure:
        return _error(failure.code, failure.message, failure.field)
    except (QuestionnaireNotFoundError, AnswerError) as error:
        return _error(error.code, error.message, error.field)
    except Exception:
        # A bug or broken packaged data: the visitor still gets a JSON answer.
        return _error("internal_error", "Something went wrong while scoring your answers.", None)


def questionnaires_json(lang: str = DEFAULT_LANG) -> str:
    """The questionnaires available in ``lang``: id, version, title, intro, time frame, item count, languages."""
    try:
        if not isinstance(lang, str):
            raise _Failure("invalid_request", "The language must be text, such as 'en'.", "lang")
        listed = []
        for qid in list_questionnaires():
            if lang not in list_languages(qid):
                continue
            questionnaire = load_questionnaire(qid, lang)
            listed.append(
                {
                    "id": questionnaire.id,
                    "version": questionnaire.version,
                    "lang": questionnaire.lang,
                    "title": questionnaire.title,
                    "intro": questionnaire.intro,
                    "time_frame": questionnaire.time_frame,
                    "items": len(questionnaire.items),
                    "languages": list_languages(qid),
                }
            )
        if not listed:
            raise _Failure("unknown_language", f"No self-check is available in the language {lang[:40]!r}.", "lang")
        return _success({"questionnaires": listed})
    except _Failure as failure:
        return _error(failure.code, failure.message, failure.field)
    except Exception:
        return _error("internal_error", "Something went wrong while listing the self-checks.", None)


def history_json(request: str) -> str:
    """The trend over kept results of one check.

    The request is ``{"questionnaire": "check-in", "lang": "en", "results": [{"taken":
    "2026-03-01T18:30", "version": "1.0.0", "answers": {...}}, ...]}`` with at most
    :data:`MAX_HISTORY_RESULTS` results; the answer is shaped like ``score_json``'s,
    with the same error codes (``field`` names the result, e.g. ``results[2].answers.goals``).
    """
    try:
        qid, lang, kept = _parse_history_request(request)
        questionnaire = load_questionnaire(qid, lang)
        return _success(history(questionnaire, kept))
    except _Failure as failure:
        return _error(failure.code, failure.message, failure.field)
    except (QuestionnaireNotFoundError, HistoryError) as error:
        return _error(error.code, error.message, error.field)
    except Exception:
        return _error("internal_error", "Something went wrong while comparing your results.", None)


def _parse_request(request: object) -> tuple[str, str, dict[str, Any]]:
    data = _parsed_object(request, MAX_REQUEST_BYTES, "The answers sent are too large to score (over 64 KiB).")
    _only_fields(data, REQUEST_FIELDS)
    qid, lang = _questionnaire_and_lang(data)
    if "answers" not in data:
        raise _Failure("invalid_request", "The request has no answers to score.", "answers")
    answers = data["answers"]
    if not isinstance(answers, dict):
        raise _Failure("invalid_request", "The answers must map each question's id to a number.", "answers")
    return qid, lang, answers


def _parse_history_request(request: object) -> tuple[str, str, list[KeptResult]]:
    data = _parsed_object(request, MAX_HISTORY_BYTES, "The results sent are too large to compare (over 512 KiB).")
    _only_fields(data, HISTORY_FIELDS)
    qid, lang = _questionnaire_and_lang(data)
    results = data.get("results")
    if not isinstance(results, list):
        raise _Failure("invalid_request", "The request must list the results to compare.", "results")
    if len(results) > MAX_HISTORY_RESULTS:
        raise _Failure(
            "too_large",
            f"{len(results)} results are more than can be compared at once (at most {MAX_HISTORY_RESULTS}).",
            "results",
        )
    kept = []
    for index, entry in enumerate(results):
        where = f"results[{index}]"
        if not isinstance(entry, dict):
            raise _Failure("invalid_request", f"Result {index + 1} is not a result with a date and answers.", where)
        for key in KEPT_RESULT_FIELDS:
            if key not in entry:
                raise _Failure("invalid_request", f"Result {index + 1} has no {key!r}.", f"{where}.{key}")
        for key in entry:
            if key not in KEPT_RESULT_FIELDS:
                raise _Failure(
                    "invalid_request",
                    f"Result {index + 1} has an unexpected field {key[:40]!r}; "
                    f"expected only {', '.join(KEPT_RESULT_FIELDS)}.",
                    f"{where}.{key[:40]}",
                )
        if not isinstance(entry["answers"], dict):
            raise _Failure(
                "invalid_request",
                f"Result {index + 1}: the answers must map each question's id to a number.",
                f"{where}.answers",
            )
        kept.append(KeptResult(entry["taken"], entry["version"], entry["answers"]))
    return qid, lang, kept


def _parsed_object(request: object, limit: int, too_large: str) -> dict[str, Any]:
    """The request's JSON object, refused early when it is too large or nested too deeply."""
    if not isinstance(request, str):
        raise _Failure("invalid_request", "The answers must be sent as JSON text.")
    # Each character is at least one byte, so the cheap length test settles most cases.
    if len(request) > limit or len(request.encode("utf-8", "surrogatepass")) > limit:
        raise _Failure("too_large", too_large)
    too_deep = _Failure("invalid_json", "The answers could not be read: they are nested too deeply.")
    if _nesting_exceeds(request, MAX_NESTING):
        raise too_deep
    try:
        data = json.loads(request, object_pairs_hook=_object_without_duplicates, parse_constant=_no_constants)
    except _Failure:
        raise
    except RecursionError:
        raise too_deep from None
    except ValueError as error:
        raise _Failure("invalid_json", f"The answers could not be read ({_reason(error)}).") from None
    if not isinstance(data, dict):
        raise _Failure("invalid_request", "The request must be a JSON object with 'questionnaire' and 'answers'.")
    return data


def _only_fields(data: dict[str, Any], fields: tuple[str, ...]) -> None:
    for key in data:
        if key not in fields:
            raise _Failure(
                "invalid_request",
                f"The request has an unexpected field {key[:40]!r}; expected only {', '.join(fields)}.",
                key[:40],
            )


def _questionnaire_and_lang(data: dict[str, Any]) -> tuple[str, str]:
    if "questionnaire" not in data:
        raise _Failure("invalid_request", "The request does not say which self-check to score.", "questionnaire")
    qid = data["questionnaire"]
    if not isinstance(qid, str):
        raise _Failure("invalid_request", "The self-check must be named by its id, as text.", "questionnaire")
    lang = data.get("lang", DEFAULT_LANG)
    if not isinstance(lang, str):
        raise _Failure("invalid_request", "The language must be text, such as 'en'.", "lang")
    return qid, lang


def _nesting_exceeds(text: str, limit: int) -> bool:
    """Whether brackets outside JSON strings nest deeper than ``limit``, in time linear in the text's length.

    Each step runs in C (regular expressions without backtracking, then a
    running sum), so even 64 KiB of brackets takes a few milliseconds.
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    brackets = _NOT_A_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(itertools.accumulate(map(_BRACKET_STEP.__getitem__, brackets)), default=0) > limit


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A repeated key would silently keep only the last value; two answers to one question is an error.
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _Failure(
                "invalid_request", f"{key[:40]!r} appears more than once; give each answer only once.", key[:40]
            )
        data[key] = value
    return data


def _no_constants(name: str) -> None:
    raise _Failure("invalid_json", f"The answers could not be read ({name} is not a number in JSON).")


def _reason(error: ValueError) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg.lower()} at character {error.pos}"
    return "a number is too long"


def _success(result: dict[str, Any]) -> str:
    return json.dumps({"ok": True, "result": result}, allow_nan=False)


def _error(code: str, message: str, field: str | None) -> str:
    return json.dumps({"ok": False, "error": {"code": code, "message": message, "field": field}})
