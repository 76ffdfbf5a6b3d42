"""Questionnaires as data and exact scoring for the alliance self-check.

The package knows nothing about browsers: the site renders forms from the same
data at build time, and the page's worker calls :mod:`alliance_check.bridge`.

>>> from alliance_check import load_questionnaire, result_to_dict, score
>>> check_in = load_questionnaire("check-in")
>>> result = score(check_in, {"respect": 5, "focus": 4, "worth": 4})
>>> result.overall.pomp
83.33333333333333
>>> result_to_dict(result)["overall"]["band"]["id"]
'strength'
"""

from alliance_check.about import about
from alliance_check.errors import AnswerError, QuestionnaireError, QuestionnaireNotFoundError
from alliance_check.history import HistoryError, KeptResult, history
from alliance_check.interpretation import result_to_dict
from alliance_check.loading import list_languages, list_questionnaires, load_questionnaire, load_questionnaire_file
from alliance_check.schema import (
    Band,
    BordinComponent,
    Dimension,
    HistorySettings,
    HistoryWords,
    Item,
    Note,
    Notes,
    Questionnaire,
    Scale,
)
from alliance_check.scoring import ItemScore, OverallScore, PartScore, Result, answers_needed, score

__version__ = "0.1.0"

__all__ = [
    "AnswerError",
    "Band",
    "BordinComponent",
    "Dimension",
    "HistoryError",
    "HistorySettings",
    "HistoryWords",
    "Item",
    "ItemScore",
    "KeptResult",
    "Note",
    "Notes",
    "OverallScore",
    "PartScore",
    "Questionnaire",
    "QuestionnaireError",
    "QuestionnaireNotFoundError",
    "Result",
    "Scale",
    "__version__",
    "about",
    "answers_needed",
    "history",
    "list_languages",
    "list_questionnaires",
    "load_questionnaire",
    "load_questionnaire_file",
    "result_to_dict",
    "score",
]
