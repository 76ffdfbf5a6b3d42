"""A :class:`Result` put into words: the plain dictionary the bridge sends as JSON.

Every word comes from the questionnaire's data in its language; this module
only decides which texts belong to a result. Numbers stay unrounded.
"""

from typing import Any

from alliance_check.report import answer_text, build_report
from alliance_check.schema import Band, Note, Questionnaire
from alliance_check.scoring import ItemScore, PartScore, Result
from alliance_check.wording import result_words


def questionnaire_identity(questionnaire: Questionnaire) -> dict[str, str]:
    """Which check, version and language a reply speaks of (results and histories alike)."""
    return {
        "id": questionnaire.id,
        "version": questionnaire.version,
        "lang": questionnaire.lang,
        "title": questionnaire.title,
    }


def result_to_dict(result: Result) -> dict[str, Any]:
    """The result as JSON-ready data (see the package README for its shape)."""
    questionnaire = result.questionnaire
    notes = questionnaire.notes
    overall = result.overall
    safety_note = notes.safety if result.needs_safety_note else None
    return {
        "questionnaire": questionnaire_identity(questionnaire),
        "scale": {"min": questionnaire.scale.min, "max": questionnaire.scale.max},
        "overall": {
            "score": overall.score,
            "pomp": overall.pomp,
            "band": _band(overall.band),
            "scored": overall.scored,
            "total": overall.total,
        },
        "dimensions": [_dimension(questionnaire, part) for part in result.dimensions],
        "bordin": [_bordin(questionnaire, part) for part in result.bordin],
        "flagged_items": [_flagged(questionnaire, flagged) for flagged in result.flagged],
        "not_scored": _not_scored(result),
        "unanswered": list(result.unanswered),
        "safety_note": _note(safety_note) if safety_note else None,
        "repair_note": _note(notes.repair),
        "talking_note": _note(notes.talking),
        # The result in reading order, fully worded: what the page shows (see alliance_check.report).
        "report": build_report(result, safety_note),
    }


def _band(band: Band | None) -> dict[str, str] | None:
    return None if band is None else {"id": band.id, "title": band.title, "text": band.text}


def _note(note: Note) -> dict[str, str]:
    return {"text": note.text, "page": note.page}


def _numbers(part: PartScore) -> dict[str, Any]:
    return {
        "score": part.score,
        "pomp": part.pomp,
        "band": _band(part.band),
        "answered": part.answered,
        "total": part.total,
        "needed": part.needed,
    }


def _dimension(questionnaire: Questionnaire, part: PartScore) -> dict[str, Any]:
    dimension = questionnaire.dimension(part.id)
    return {
        "id": part.id,
        "title": dimension.title,
        **_numbers(part),
        "meaning": dimension.meaning,
        "lower_can_reflect": dimension.lower_can_reflect,
        "conversation_starters": list(dimension.conversation_starters),
        "page": dimension.page,
    }


def _bordin(questionnaire: Questionnaire, part: PartScore) -> dict[str, Any]:
    component = next(component for component in questionnaire.bordin if component.id == part.id)
    return {"id": part.id, "title": component.title, **_numbers(part), "meaning": component.meaning}


def _flagged(questionnaire: Questionnaire, flagged: ItemScore) -> dict[str, Any]:
    item = flagged.item
    return {
        "id": item.id,
        "text": item.text,
        "dimension": item.dimension,
        "dimension_title": questionnaire.dimension(item.dimension).title,
        "answer": flagged.answer,
        "answer_label": item.scale.labels.get(flagged.answer),
        "answer_text": answer_text(flagged, result_words(questionnaire.lang)),
        "reverse": item.reverse,
        "safety": item.safety,
        "score": flagged.score,
        "pomp": flagged.pomp,
    }


def _not_scored(result: Result) -> dict[str, Any]:
    """Why a part or the overall score is missing, in the questionnaire's words."""
    questionnaire = result.questionnaire
    template = questionnaire.notes.part_not_scored
    titles = {dimension.id: dimension.title for dimension in questionnaire.dimensions}
    titles_bordin = {component.id: component.title for component in questionnaire.bordin}

    def explained(part: PartScore, title: str) -> dict[str, Any]:
        text = template.format(title=title, answered=part.answered, total=part.total, needed=part.needed)
        return {
            "id": part.id,
            "title": title,
            "answered": part.answered,
            "total": part.total,
            "needed": part.needed,
            "text": text,
        }

    overall = result.overall
    return {
        "overall": None
        if overall.score is not None
        else questionnaire.notes.overall_not_scored.format(scored=overall.scored, total=overall.total),
        "dimensions": [explained(part, titles[part.id]) for part in result.dimensions if not part.scored],
        "bordin": [explained(part, titles_bordin[part.id]) for part in result.bordin if not part.scored],
    }
