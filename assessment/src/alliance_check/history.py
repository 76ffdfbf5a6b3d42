"""Trends over a visitor's own kept results of one check: what changed, and what is worth talking about.

The rules, so that any independent implementation agrees:

- every kept result is scored again with the current questionnaire (a result
  kept under another version is re-scored when its answers still fit, and
  marked ``rescored``; otherwise scoring fails and says which result);
- results are put in time order by their local date and time (``taken``,
  ``YYYY-MM-DDTHH:MM`` with optional seconds); results taken at the same minute
  are ordered by their answers, so the order they are given in never matters;
- for each area (dimension), the *latest* value is its POMP in the latest
  result; when that result does not score the area, the area has no change;
- *since last time* compares the latest value with the area's previous scored
  value, *since the first* with its first scored value; a change of at least
  ``steady`` POMP points either way is "higher" or "lower", anything smaller
  "about the same";
- an area is *flagged* when its latest value is at least ``drop`` POMP points
  below the mean of its up to ``recent`` previous scored values (the visitor's
  own recent level); a single result has no trend and no flag.

``recent``, ``drop`` and ``steady`` are data in each questionnaire's structure
file (``[history]``), and every sentence comes from its language file. Values are
compared as exact ratios of integers, so thresholds hold exactly at their edges.
"""

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from alliance_check.errors import AnswerError
from alliance_check.interpretation import questionnaire_identity
from alliance_check.report import whole
from alliance_check.schema import HistorySettings, HistoryWords, Questionnaire
from alliance_check.scoring import Result, score

# Local date and time, as the page writes it: no time zone, so it reads as the visitor saw it.
TAKEN_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?")
MAX_VERSION_LENGTH = 32

# An exact rational number as (numerator, denominator), denominator > 0.
Ratio = tuple[int, int]


class HistoryError(ValueError):
    """A kept result that cannot be part of a history; ``code`` and ``field`` as in :class:`AnswerError`."""

    def __init__(self, code: str, field: str, message: str) -> None:
        self.code = code
        self.field = field
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class KeptResult:
    """One result as the visitor kept it: when, under which version, and the answers."""

    taken: str
    version: str
    answers: Mapping[str, object]


def history(questionnaire: Questionnaire, kept: Sequence[KeptResult]) -> dict[str, Any]:
    """The trend of ``kept`` results of ``questionnaire``, as JSON-ready data (see the package README).

    Raises :class:`HistoryError` naming the result at fault (``results[<n>]...``)
    when a result has a bad date or version, or answers that do not fit.
    """
    scored = [_scored(questionnaire, number, entry) for number, entry in enumerate(kept)]
    scored.sort(key=lambda entry: (entry.kept.taken, entry.order_key))
    settings = questionnaire.history
    words = settings.words
    areas = []
    for dimension in questionnaire.dimensions:
        values = [entry.pomp[dimension.id] for entry in scored]
        areas.append(_area(dimension.id, dimension.title, values, settings, words))
    return {
        "questionnaire": questionnaire_identity(questionnaire),
        "thresholds": {"recent": settings.recent, "drop": settings.drop, "steady": settings.steady},
        "results": [
            {
                "index": entry.index,
                "taken": entry.kept.taken,
                "version": entry.kept.version,
                "rescored": entry.kept.version != questionnaire.version,
            }
            for entry in scored
        ],
        "areas": areas,
        "flagged": [area["id"] for area in areas if area["flagged"]],
        "repair_note": {"text": questionnaire.notes.repair.text, "page": questionnaire.notes.repair.page},
    }


@dataclass(frozen=True)
class _Scored:
    index: int
    kept: KeptResult
    order_key: str
    pomp: dict[str, Ratio | None]


def _scored(questionnaire: Questionnaire, index: int, entry: KeptResult) -> _Scored:
    where = f"results[{index}]"
    number = index + 1
    if not isinstance(entry.taken, str) or not _valid_taken(entry.taken):
        raise HistoryError(
            "invalid_value",
            f"{where}.taken",
            f"Result {number} has no readable date: expected a local date and time like 2026-03-01T18:30.",
        )
    version = entry.version
    if not isinstance(version, str) or not version or len(version) > MAX_VERSION_LENGTH:
        raise HistoryError("invalid_value", f"{where}.version", f"Result {number} does not say which version it is.")
    try:
        result = score(questionnaire, entry.answers)
    except AnswerError as error:
        older = "" if version == questionnaire.version else f" It was kept with version {version} of this check."
        raise HistoryError(error.code, f"{where}.{error.field}", f"Result {number}: {error.message}{older}") from None
    order_key = json.dumps(sorted(entry.answers.items())) + version
    return _Scored(index, entry, order_key, _exact_pomps(questionnaire, result))


def _valid_taken(taken: str) -> bool:
    if not TAKEN_PATTERN.fullmatch(taken):
        return False
    try:
        datetime.fromisoformat(taken)
    except ValueError:
        return False
    return True


def _exact_pomps(questionnaire: Questionnaire, result: Result) -> dict[str, Ratio | None]:
    """Each dimension's POMP as an exact ratio (``None`` when not scored), from the item scores."""
    scale = questionnaire.scale
    span = scale.max - scale.min
    pomps: dict[str, Ratio | None] = {}
    for part in result.dimensions:
        if not part.scored:
            pomps[part.id] = None
            continue
        scores = [answered.score for answered in result.items if answered.item.dimension == part.id]
        pomps[part.id] = (100 * (sum(scores) - scale.min * len(scores)), len(scores) * span)
    return pomps


def _area(
    area_id: str, title: str, values: list[Ratio | None], settings: HistorySettings, words: HistoryWords
) -> dict[str, Any]:
    latest = values[-1] if values else None
    earlier = [value for value in values[:-1] if value is not None]
    area: dict[str, Any] = {
        "id": area_id,
        "title": title,
        "points": [None if value is None else _float(value) for value in values],
        "latest": None if latest is None else _float(latest),
        # The same scores as people read them (whole numbers, halves up, as everywhere else).
        "shown": [None if value is None else whole(_float(value)) for value in values],
        "latest_shown": None if latest is None else whole(_float(latest)),
        "since_last": None,
        "since_first": None,
        "recent_level": None,
        "flagged": False,
        "texts": [],
    }
    if latest is None:
        area["texts"] = [words.not_scored]
        return area
    if not earlier:
        area["texts"] = [words.first]
        return area
    since_last = _change(latest, earlier[-1], settings.steady, words.since_last)
    since_first = _change(latest, earlier[0], settings.steady, words.since_first)
    level = _mean(earlier[-settings.recent :])
    flagged = _at_least(_minus(level, latest), settings.drop)
    area |= {
        "since_last": since_last,
        "since_first": since_first,
        "recent_level": _float(level),
        "flagged": flagged,
        "texts": [since_last["text"], since_first["text"]] + ([words.flag] if flagged else []),
    }
    if len(earlier) == 1:  # the first result is also the last one: say it once
        area["texts"] = area["texts"][:1] + area["texts"][2:]
    return area


def _change(latest: Ratio, before: Ratio, steady: int | float, texts: Mapping[str, str]) -> dict[str, Any]:
    change = _minus(latest, before)
    if _at_least(change, steady):
        direction = "higher"
    elif _at_least(_negated(change), steady):
        direction = "lower"
    else:
        direction = "same"
    return {"change": _float(change), "direction": direction, "text": texts[direction]}


def _float(value: Ratio) -> float:
    return value[0] / value[1]


def _minus(a: Ratio, b: Ratio) -> Ratio:
    return a[0] * b[1] - b[0] * a[1], a[1] * b[1]


def _negated(value: Ratio) -> Ratio:
    return -value[0], value[1]


def _mean(values: Sequence[Ratio]) -> Ratio:
    numerator, denominator = 0, 1
    for top, bottom in values:
        numerator, denominator = numerator * bottom + top * denominator, denominator * bottom
    return numerator, denominator * len(values)


def _at_least(value: Ratio, threshold: int | float) -> bool:
    """``value >= threshold`` exactly (a float threshold is an exact binary fraction)."""
    top, bottom = threshold.as_integer_ratio()
    return value[0] * bottom >= top * value[1]
