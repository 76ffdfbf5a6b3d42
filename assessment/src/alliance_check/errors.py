"""The package's exceptions: bad data, an unknown questionnaire, bad answers.

Each carries the parts a caller needs separately (a code, the field) as well as
a message in plain words, so the bridge can pass them on without parsing text.
"""


class QuestionnaireError(ValueError):
    """A questionnaire's data file is malformed; the message names the file and the field."""

    def __init__(self, file: str, field: str, problem: str) -> None:
        self.file = file
        self.field = field
        self.problem = problem
        super().__init__(f"{file}: {field}: {problem}" if field else f"{file}: {problem}")


class _RequestError(Exception):
    """A request the package cannot answer: a ``code`` for programs, the request ``field`` at fault, a ``message``."""

    def __init__(self, code: str, field: str, message: str) -> None:
        self.code = code
        self.field = field
        self.message = message
        super().__init__(message)


class QuestionnaireNotFoundError(_RequestError, LookupError):
    """No questionnaire with that id, or not in that language.

    ``code`` is ``unknown_questionnaire`` or ``unknown_language``; ``field`` is
    the request field at fault (``questionnaire`` or ``lang``).
    """


class AnswerError(_RequestError, ValueError):
    """Answers that cannot be scored.

    ``code`` is ``unknown_item``, ``invalid_value`` or ``invalid_request``;
    ``field`` points at the answer (``answers.<item id>``) or is ``answers``.
    """
