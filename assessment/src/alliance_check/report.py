"""What a result says, in the order a person reads it: the rules, in one place.

The page only displays this. The rules:

- the safety note, when it applies, comes first; then the overall finding in
  words that fit an overall score (``wording``'s ``overall_bands``);
- "worth talking about first": the (up to) two lowest areas *below the top band*
  ("A strength"), lowest first, each with why a lower score can happen and the
  sentences a person could say. When no scored area is below the top band, the
  result says what is working and offers sentences about what helps instead;
- the (up to five lowest) answers worth a closer look, each shown as the person saw it (for 0-10,
  the number and its label where it has one);
- per-area results with each band's text once (not once per area), then the
  chart with its table, then the bond/goals/tasks view only where a part has
  more than one question (otherwise it repeats the same numbers);
- closing notes (the repair note only when something is below the top band),
  the rights note with every result, and the reminder that this is not a diagnosis.

Numbers shown as text are whole numbers, rounded half up; bars keep exact values.
"""

import math
from collections.abc import Mapping
from typing import Any

from alliance_check.schema import Band, Note, Questionnaire
from alliance_check.scoring import ItemScore, PartScore, Result
from alliance_check.wording import fill, result_words

MAX_AREAS_TO_TALK_ABOUT = 2
# More than this many low answers says little more than the areas already do; the rest stay in "Your answers".
MAX_FLAGGED_SHOWN = 5


def build_report(result: Result, safety_note: Note | None) -> dict[str, Any]:
    """The result as the page shows it: every text filled, nothing left for the page to word."""
    questionnaire = result.questionnaire
    words = result_words(questionnaire.lang)
    below = _below_top_band(result)
    return {
        "heading": words["heading"],
        "safety": _safety(words, safety_note),
        "overall": _overall(result, words),
        "talk_about": _talk_about(questionnaire, below, words),
        "strengths": None if below else _strengths(result, words),
        "flagged": _flagged(result, words),
        "areas": _areas(result, words),
        "chart": _chart(result.dimensions, questionnaire, words),
        "bordin": _bordin(result, words),
        "notes": _notes(questionnaire, bool(below), words),
        "rights": {
            "heading": words["rights"]["heading"],
            "text": words["rights"]["text"],
            "links": [dict(link) for link in words["rights"]["links"]],
        },
        "not_diagnosis": words["not_diagnosis"],
        "words": {key: dict(words[key]) for key in ("answers", "leaving", "actions", "summary")},
    }


def whole(value: float) -> int:
    """A score as people read it: a whole number, halves rounded up (as the paper key says)."""
    return math.floor(value + 0.5)


def answer_text(flagged: ItemScore, words: Mapping[str, Any]) -> str:
    """An answer as the question showed it: its label on a fully labelled scale, else the number (and label)."""
    scale = flagged.item.scale
    label = scale.labels.get(flagged.answer)
    if len(scale.labels) == len(scale.points):
        return label if label is not None else str(flagged.answer)
    if label is None:
        return str(flagged.answer)
    return fill(words["flagged"]["number_with_label"], value=flagged.answer, label=label)


def _top_band(questionnaire: Questionnaire) -> Band:
    return max(questionnaire.bands, key=lambda band: band.min_pomp)


def _below_top_band(result: Result) -> list[PartScore]:
    top = _top_band(result.questionnaire)
    scored = [part for part in result.dimensions if part.pomp is not None and part.band != top]
    order = {part.id: index for index, part in enumerate(result.dimensions)}
    return sorted(scored, key=lambda part: (part.pomp, order[part.id]))


def _score_text(words: Mapping[str, Any], pomp: float) -> str:
    return fill(words["out_of_100"], value=whole(pomp))


def _safety(words: Mapping[str, Any], note: Note | None) -> dict[str, Any] | None:
    if note is None:
        return None
    return {"heading": words["safety"]["heading"], "text": note.text, "link": _link(words["safety"]["link"], note.page)}


def _overall(result: Result, words: Mapping[str, Any]) -> dict[str, Any]:
    overall = result.overall
    if overall.pomp is None or overall.band is None:
        notes = result.questionnaire.notes
        return {"text": notes.overall_not_scored.format(scored=overall.scored, total=overall.total)}
    return {
        "label": words["overall_label"],
        "title": overall.band.title,
        "score_text": _score_text(words, overall.pomp),
        "text": words["overall_bands"].get(overall.band.id, overall.band.text),
    }


def _talk_about(
    questionnaire: Questionnaire, below: list[PartScore], words: Mapping[str, Any]
) -> dict[str, Any] | None:
    if not below:
        return None
    talk = words["talk_about"]
    areas = []
    for part in below[:MAX_AREAS_TO_TALK_ABOUT]:
        dimension = questionnaire.dimension(part.id)
        area = dimension.title.lower()
        areas.append(
            {
                "id": part.id,
                "heading": fill(talk["area_heading"], area=area),
                "reason": dimension.lower_can_reflect,
                "starters": list(dimension.conversation_starters),
                "link": _link(fill(talk["read_more"], area=area), dimension.page),
            }
        )
    return {"heading": talk["heading"], "choose": talk["choose"], "areas": areas}


def _strengths(result: Result, words: Mapping[str, Any]) -> dict[str, Any] | None:
    if not any(part.pomp is not None for part in result.dimensions):
        return None
    strengths = words["strengths"]
    return {
        "heading": strengths["heading"],
        "text": strengths["text"] if all(part.scored for part in result.dimensions) else strengths["text_answered"],
        "starters_heading": strengths["starters_heading"],
        "choose": words["talk_about"]["choose"],
        "starters": list(strengths["starters"]),
    }


def _flagged(result: Result, words: Mapping[str, Any]) -> dict[str, Any] | None:
    if not result.flagged:
        return None
    flagged = words["flagged"]
    hidden = len(result.flagged) - MAX_FLAGGED_SHOWN
    return {
        "heading": flagged["heading"],
        "intro": flagged["intro"],
        "items": [
            {
                "id": item.item.id,
                "text": item.item.text,
                "answer": fill(flagged["answer"], answer=answer_text(item, words)),
            }
            for item in result.flagged[:MAX_FLAGGED_SHOWN]
        ],
        "more": fill(flagged["more"], count=hidden) if hidden > 0 else None,
    }


def _areas(result: Result, words: Mapping[str, Any]) -> dict[str, Any]:
    questionnaire = result.questionnaire
    not_scored = {
        part.id: questionnaire.notes.part_not_scored.format(
            title=questionnaire.dimension(part.id).title, answered=part.answered, total=part.total, needed=part.needed
        )
        for part in result.dimensions
        if not part.scored
    }
    items = []
    for part in result.dimensions:
        dimension = questionnaire.dimension(part.id)
        scored = part.pomp is not None and part.band is not None
        items.append(
            {
                "id": part.id,
                "title": dimension.title,
                "score_text": _score_text(words, part.pomp) if part.pomp is not None else None,
                "band": part.band.title if scored and part.band else None,
                "meaning": dimension.meaning,
                # Counted only when some of its questions were skipped.
                "detail": not_scored.get(part.id)
                or (
                    None
                    if part.answered == part.total
                    else fill(words["answered"], answered=part.answered, total=part.total)
                ),
            }
        )
    shown = {part.band.id for part in result.dimensions if part.band is not None}
    bands = [
        {"id": band.id, "title": band.title, "text": band.text}
        for band in sorted(questionnaire.bands, key=lambda band: band.min_pomp)
        if band.id in shown
    ]
    return {
        "heading": words["areas"]["heading"],
        "items": items,
        "bands_heading": words["areas"]["bands_heading"],
        "bands": bands,
    }


def _rows(parts: tuple[PartScore, ...], titles: Mapping[str, str], words: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "id": part.id,
            "title": titles[part.id],
            "pomp": part.pomp,
            "band": part.band.id if part.band else None,
            "score": str(whole(part.pomp)) if part.pomp is not None else words["chart"]["not_scored"],
            "answered": f"{part.answered} / {part.total}",
        }
        for part in parts
    ]


def _table_words(words: Mapping[str, Any], caption: str) -> dict[str, Any]:
    chart = words["chart"]
    return {"caption": caption, "columns": [chart["column_area"], chart["column_score"], chart["column_answered"]]}


def _chart(parts: tuple[PartScore, ...], questionnaire: Questionnaire, words: Mapping[str, Any]) -> dict[str, Any]:
    titles = {dimension.id: dimension.title for dimension in questionnaire.dimensions}
    chart = words["chart"]
    return {
        "title": chart["title"],
        "description": chart["description"],
        "as_table": chart["as_table"],
        "rows": _rows(parts, titles, words),
        "table": _table_words(words, chart["caption"]),
    }


def _bordin(result: Result, words: Mapping[str, Any]) -> dict[str, Any] | None:
    """The bond/goals/tasks view, only where it adds something: some part has more than one question."""
    if not result.bordin or all(part.total <= 1 for part in result.bordin):
        return None
    titles = {component.id: component.title for component in result.questionnaire.bordin}
    bordin = words["bordin"]
    return {
        "heading": bordin["heading"],
        "intro": bordin["intro"],
        "rows": _rows(result.bordin, titles, words),
        "table": _table_words(words, bordin["heading"]),
    }


def _notes(questionnaire: Questionnaire, something_below: bool, words: Mapping[str, Any]) -> list[dict[str, Any]]:
    notes = questionnaire.notes
    labels = words["notes"]
    shown = [{"text": notes.talking.text, "link": _link(labels["talking_link"], notes.talking.page)}]
    if something_below:
        shown.append({"text": notes.repair.text, "link": _link(labels["repair_link"], notes.repair.page)})
    return shown


def _link(label: str, page: str) -> dict[str, str]:
    return {"label": label, "page": page}
