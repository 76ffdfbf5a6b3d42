"""Exact scoring: answers in, a :class:`Result` out.

The rules, so that any independent implementation agrees:

- an answer is a whole number on the item's scale (``bool``, ``float``, text and
  ``None`` are rejected);
- item score = answer, or ``min + max - answer`` for a reverse-keyed item;
- a dimension's score is the mean of its answered item scores, given only when
  at least half its items (rounded up) are answered; otherwise it is ``None``;
- the overall score is the mean of the dimension scores, given only when every
  dimension has one; Bordin components follow the dimension rule over the items
  tagged with them;
- POMP = ``100 * (score - min) / (max - min)``; the band is the last one whose
  ``min_pomp`` the POMP reaches;
- flagged items: every answered item with POMP <= 50, lowest first, ties in
  questionnaire order;
- the safety note is needed when any answer is one of its item's
  ``safety_answers`` (data in the questionnaire file: only clearly low answers
  about feeling safe, judged or respected, and always the worst ones).

Means and POMP values are kept as exact ratios of integers and rounded once to
the nearest float (Python's int / int is correctly rounded), so results do not
depend on the order of additions, and band edges are compared exactly.
(Integers rather than ``fractions.Fraction``: importing ``fractions`` pulls in
``decimal``, which costs about 0.1 s when the page starts Pyodide.)
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from alliance_check.errors import AnswerError
from alliance_check.schema import Band, Item, Questionnaire, Scale

FLAG_AT_OR_BELOW_POMP = 50

# An exact rational number as (numerator, denominator), denominator > 0.
Ratio = tuple[int, int]


def answers_needed(total: int) -> int:
    """How many of a part's ``total`` items must be answered for it to be scored: half, rounded up."""
    return (total + 1) // 2


@dataclass(frozen=True)
class ItemScore:
    """An answered item: the answer given, its score after keying, and that score's POMP."""

    item: Item
    answer: int
    score: int
    pomp: float


@dataclass(frozen=True)
class PartScore:
    """A dimension or a Bordin component; ``score``, ``pomp`` and ``band`` are ``None`` when not scored."""

    id: str
    score: float | None
    pomp: float | None
    band: Band | None
    answered: int
    total: int

    @property
    def needed(self) -> int:
        """How many answers this part needs to be scored (:func:`answers_needed`)."""
        return answers_needed(self.total)

    @property
    def scored(self) -> bool:
        return self.score is not None


@dataclass(frozen=True)
class OverallScore:
    """The mean of the dimension scores, when all ``total`` dimensions are scored (``scored`` of them are)."""

    score: float | None
    pomp: float | None
    band: Band | None
    scored: int
    total: int


@dataclass(frozen=True)
class Result:
    """Everything a set of answers says, before it is put into words."""

    questionnaire: Questionnaire
    items: tuple[ItemScore, ...]
    dimensions: tuple[PartScore, ...]
    bordin: tuple[PartScore, ...]
    overall: OverallScore
    flagged: tuple[ItemScore, ...]
    unanswered: tuple[str, ...]

    @property
    def safety_answers(self) -> tuple[ItemScore, ...]:
        """The answers that bring the safety note, in questionnaire order."""
        return tuple(answered for answered in self.items if answered.answer in answered.item.safety_answers)

    @property
    def needs_safety_note(self) -> bool:
        """True when any answer is one its item marks as bringing the safety note."""
        return bool(self.safety_answers)


def score(questionnaire: Questionnaire, answers: Mapping[str, object]) -> Result:
    """Score ``answers`` (item id -> whole number) for ``questionnaire``.

    Unanswered items are simply absent. Raises :class:`AnswerError` with code
    ``invalid_request`` (not a mapping), ``unknown_item`` or ``invalid_value``.
    """
    values = _checked(questionnaire, answers)
    scale = questionnaire.scale
    items = tuple(_item_score(item, values[item.id]) for item in questionnaire.items if item.id in values)
    by_id = {answered.item.id: answered for answered in items}

    exact_dimensions: list[Ratio | None] = []
    dimensions = []
    for dimension in questionnaire.dimensions:
        members = [item for item in questionnaire.items if item.dimension == dimension.id]
        part, exact = _part(dimension.id, members, by_id, scale, questionnaire.bands)
        dimensions.append(part)
        exact_dimensions.append(exact)

    bordin = []
    for component in questionnaire.bordin:
        members = [item for item in questionnaire.items if item.bordin == component.id]
        bordin.append(_part(component.id, members, by_id, scale, questionnaire.bands)[0])

    scored = [exact for exact in exact_dimensions if exact is not None]
    if len(scored) == len(exact_dimensions):
        mean = _mean_of_ratios(scored)
        pomp = _pomp(mean, scale)
        overall = OverallScore(_float(mean), _float(pomp), _band(pomp, questionnaire.bands), len(scored), len(scored))
    else:
        overall = OverallScore(None, None, None, len(scored), len(exact_dimensions))

    order = {item.id: index for index, item in enumerate(questionnaire.items)}
    flagged = sorted(
        (answered for answered in items if 100 * (answered.score - scale.min) <= FLAG_AT_OR_BELOW_POMP * _span(scale)),
        key=lambda answered: (answered.score - scale.min, order[answered.item.id]),
    )
    unanswered = tuple(item.id for item in questionnaire.items if item.id not in values)
    return Result(questionnaire, items, tuple(dimensions), tuple(bordin), overall, tuple(flagged), unanswered)


def _checked(questionnaire: Questionnaire, answers: Mapping[str, object]) -> dict[str, int]:
    """The answers as item id -> int, or the first problem (unknown ids first, then values in item order)."""
    if not isinstance(answers, Mapping):
        raise AnswerError("invalid_request", "answers", "The answers must map each question's id to a number.")
    known = {item.id for item in questionnaire.items}
    unknown = [key for key in answers if not isinstance(key, str) or key not in known]
    if unknown:
        first = min(unknown, key=lambda key: (not isinstance(key, str), str(key)))
        shown = first if isinstance(first, str) else repr(first)
        shown = shown if len(shown) <= 40 else shown[:40] + "…"
        raise AnswerError(
            "unknown_item",
            f"answers.{shown}",
            f"There is no question {shown!r} in the self-check {questionnaire.title!r}.",
        )
    values = {}
    for number, item in enumerate(questionnaire.items, start=1):
        if item.id not in answers:
            continue
        value = answers[item.id]
        if isinstance(value, bool) or not isinstance(value, int) or not item.scale.min <= value <= item.scale.max:
            raise AnswerError("invalid_value", f"answers.{item.id}", _invalid_value_message(number, item, value))
        values[item.id] = int(value)
    return values


def _invalid_value_message(number: int, item: Item, value: object) -> str:
    scale = item.scale
    low, high = str(scale.min), str(scale.max)
    if scale.min in scale.labels and scale.max in scale.labels:
        low, high = f"{low} ({scale.labels[scale.min]})", f"{high} ({scale.labels[scale.max]})"
    given = repr(value)
    given = given if len(given) <= 40 else given[:40] + "…"
    return f'Question {number} ("{item.text}") needs a whole number from {low} to {high}, not {given}.'


def _item_score(item: Item, answer: int) -> ItemScore:
    scale = item.scale
    value = scale.min + scale.max - answer if item.reverse else answer
    return ItemScore(item, answer, value, 100 * (value - scale.min) / _span(scale))


def _part(
    part_id: str, members: Sequence[Item], answered: Mapping[str, ItemScore], scale: Scale, bands: Sequence[Band]
) -> tuple[PartScore, Ratio | None]:
    scores = [answered[item.id].score for item in members if item.id in answered]
    total = len(members)
    if not scores or len(scores) < answers_needed(total):
        return PartScore(part_id, None, None, None, len(scores), total), None
    mean = (sum(scores), len(scores))
    pomp = _pomp(mean, scale)
    return PartScore(part_id, _float(mean), _float(pomp), _band(pomp, bands), len(scores), total), mean


def _span(scale: Scale) -> int:
    return scale.max - scale.min


def _float(value: Ratio) -> float:
    return value[0] / value[1]


def _mean_of_ratios(values: Sequence[Ratio]) -> Ratio:
    common = math.lcm(*(denominator for _, denominator in values))
    return sum(numerator * (common // denominator) for numerator, denominator in values), common * len(values)


def _pomp(value: Ratio, scale: Scale) -> Ratio:
    numerator, denominator = value
    return 100 * (numerator - scale.min * denominator), denominator * _span(scale)


def _reaches(value: Ratio, threshold: float) -> bool:
    """``value >= threshold`` exactly (a float threshold is an exact binary fraction)."""
    top, bottom = threshold.as_integer_ratio()
    return value[0] * bottom >= top * value[1]


def _band(pomp: Ratio, bands: Sequence[Band]) -> Band:
    # Bands are validated to start at 0 and rise, so the first always matches.
    chosen = bands[0]
    for band in bands:
        if _reaches(pomp, band.min_pomp):
            chosen = band
    return chosen
