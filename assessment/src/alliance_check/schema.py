"""The shape of a loaded questionnaire: frozen dataclasses and nothing else.

A :class:`Questionnaire` is always in one language: its structure (ids, scale,
keying, bands) comes from ``<id>.toml`` and its words from ``<id>.<lang>.toml``.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Scale:
    """The answer scale shared by a questionnaire's items: whole numbers from ``min`` to ``max``."""

    min: int
    max: int
    # value -> label, for the labelled points only (every point on short scales, at least the ends on long ones)
    labels: Mapping[int, str] = field(hash=False)

    @property
    def points(self) -> range:
        return range(self.min, self.max + 1)


@dataclass(frozen=True)
class Item:
    """One statement the visitor rates."""

    id: str
    text: str
    dimension: str
    bordin: str | None
    reverse: bool
    # The answers (as given, before reverse keying) that bring the safety note:
    # empty for an item that is not about feeling safe, judged or respected.
    safety_answers: frozenset[int]
    scale: Scale

    @property
    def safety(self) -> bool:
        """True for an item about feeling safe, judged or respected (it has answers that bring the safety note)."""
        return bool(self.safety_answers)


@dataclass(frozen=True)
class Dimension:
    """One part of the relationship a questionnaire measures, with the words to interpret it."""

    id: str
    title: str
    meaning: str
    lower_can_reflect: str
    conversation_starters: tuple[str, ...]
    page: str


@dataclass(frozen=True)
class BordinComponent:
    """One of Bordin's three parts of the working alliance (bond, goals, tasks)."""

    id: str
    title: str
    meaning: str


@dataclass(frozen=True)
class Band:
    """A range of the POMP scale (0-100), from ``min_pomp`` up to the next band's start."""

    id: str
    min_pomp: float
    title: str
    text: str


@dataclass(frozen=True)
class Note:
    """A short text with the site page that says more."""

    text: str
    page: str


@dataclass(frozen=True)
class Notes:
    """The texts every result can carry.

    ``part_not_scored`` and ``overall_not_scored`` are templates: the first may use
    ``{title}``, ``{answered}``, ``{total}`` and ``{needed}``; the second ``{scored}``
    and ``{total}``.
    """

    safety: Note
    repair: Note
    talking: Note
    part_not_scored: str
    overall_not_scored: str


@dataclass(frozen=True)
class HistoryWords:
    """The sentences a history shows for an area, in one language.

    ``since_last`` and ``since_first`` map ``higher``, ``same`` and ``lower`` to a sentence.
    """

    first: str
    not_scored: str
    flag: str
    since_last: Mapping[str, str] = field(hash=False)
    since_first: Mapping[str, str] = field(hash=False)


@dataclass(frozen=True)
class HistorySettings:
    """How kept results are compared over time (see :mod:`alliance_check.history`).

    ``recent``: how many earlier results make the visitor's recent level;
    ``drop``: POMP points below that level that flag an area;
    ``steady``: changes smaller than this many POMP points read as about the same.
    """

    recent: int
    drop: int | float
    steady: int | float
    words: HistoryWords


@dataclass(frozen=True)
class Questionnaire:
    """A questionnaire in one language, validated on load."""

    id: str
    version: str
    lang: str
    title: str
    intro: str
    time_frame: str
    scale: Scale
    dimensions: tuple[Dimension, ...]
    bordin: tuple[BordinComponent, ...]
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    notes: Notes
    history: HistorySettings

    def item(self, item_id: str) -> Item:
        """The item with this id (``KeyError`` if there is none)."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def dimension(self, dimension_id: str) -> Dimension:
        """The dimension with this id (``KeyError`` if there is none)."""
        for dimension in self.dimensions:
            if dimension.id == dimension_id:
                return dimension
        raise KeyError(dimension_id)
