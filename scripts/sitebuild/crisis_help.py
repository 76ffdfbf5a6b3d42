"""Crisis help shown on every site: emergency numbers and the default crisis lines.

A practice can set its own emergency number(s) in ``practice.yml``
(``emergency_numbers``); they replace the defaults everywhere crisis help is
shown (the home page's box, Get help now, results, paper versions). Its own
crisis lines come first; the directories always stay, so a local list can never
leave a visitor with fewer ways to get help.

The defaults' words (where a number works, what a line offers, when) are in the
interface words of each language (``[crisis]`` in ``overrides/words/<lang>.toml``):
each default names its entry there, and ``in_language`` fills them in for the
site's language. A practice's own entries are shown as it wrote them.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sitebuild import BuildError

# Emergency numbers are short: 000, 112, 911, 999, 1122...
_EMERGENCY_NUMBER = re.compile(r"^[0-9]{2,6}$")
_MARKUP = re.compile(r"[<>\"]")


class EmergencyNumberError(BuildError):
    """The practice's emergency numbers setting is wrong; the message names the file and the entry."""


@dataclass(frozen=True)
class EmergencyNumber:
    number: str
    where: str | None = None
    # A default's entry in the interface words ([crisis] <words>_where), which says where it works.
    words: str | None = None

    @property
    def tel_uri(self) -> str:
        return f"tel:{self.number}"


@dataclass(frozen=True)
class DefaultLine:
    """A crisis line every build lists (the same fields as a practice's own lines, plus a text number)."""

    name: str = ""
    description: str | None = None
    phone: str | None = None
    text: str | None = None
    sms: str | None = None
    url: str | None = None
    hours: str | None = None
    # The entry in the interface words ([crisis] <words>_name, _description, and _hours for a line with a phone).
    words: str | None = None

    @property
    def phone_uri(self) -> str | None:
        return f"tel:{re.sub(r'[^0-9+]', '', self.phone)}" if self.phone else None

    @property
    def sms_uri(self) -> str | None:
        return f"sms:{self.sms}" if self.sms else None


DEFAULT_EMERGENCY_NUMBERS = (
    EmergencyNumber("112", words="eu"),
    EmergencyNumber("911", words="us_ca"),
    EmergencyNumber("999", words="uk"),
    EmergencyNumber("000", words="au"),
    EmergencyNumber("111", words="nz"),
)

# Named lines for the regions the site already names, listed when a practice lists none of its own.
DEFAULT_NAMED_LINES = (
    DefaultLine(words="lifeline_us", phone="988", text="988", sms="988", url="https://988lifeline.org/"),
    DefaultLine(words="lifeline_ca", phone="988", text="988", sms="988", url="https://988.ca/"),
    DefaultLine(words="samaritans", phone="116 123", url="https://www.samaritans.org/"),
)

# Always listed, last: they cover the countries no line above does.
DIRECTORIES = (
    DefaultLine(words="find_a_helpline", url="https://findahelpline.com/"),
    DefaultLine(words="befrienders", url="https://befrienders.org/"),
)


def in_language(entries: Sequence[object], crisis_words: object) -> tuple[object, ...]:
    """``entries`` with each default's words from ``crisis_words`` (a language's ``[crisis]``); others as given."""
    return tuple(_in_language(entry, crisis_words) for entry in entries)


def _in_language(entry: object, crisis_words: object) -> object:
    key = getattr(entry, "words", None)
    if key is None:
        return entry
    if isinstance(entry, EmergencyNumber):
        return replace(entry, where=getattr(crisis_words, f"{key}_where"))
    return replace(
        entry,
        name=getattr(crisis_words, f"{key}_name"),
        description=getattr(crisis_words, f"{key}_description"),
        hours=getattr(crisis_words, f"{key}_hours") if entry.phone else None,
    )


def lines_to_show(own: Sequence[object]) -> tuple[object, ...]:
    """The practice's own lines first; the named defaults only when it has none; the directories always."""
    return (*own, *(() if own else DEFAULT_NAMED_LINES), *DIRECTORIES)


def parse_emergency_numbers(raw: object, settings_file: str) -> tuple[EmergencyNumber, ...]:
    """Validate ``emergency_numbers`` from the practice file: a list of ``{number, where}`` (``where`` optional)."""
    key = "emergency_numbers"
    if raw is None or raw == []:
        return DEFAULT_EMERGENCY_NUMBERS
    if not isinstance(raw, list):
        raise EmergencyNumberError(f"{settings_file}: {key}: must be a list (each entry starting with '- number:')")
    numbers = []
    for index, entry in enumerate(raw):
        at = f"{settings_file}: {key}[{index}]"
        if not isinstance(entry, dict):
            raise EmergencyNumberError(f'{at}: must be a setting such as number: "999" (with where: optional)')
        unknown = sorted(str(name) for name in entry if name not in ("number", "where"))
        if unknown:
            raise EmergencyNumberError(f"{at}.{unknown[0]}: unknown setting (allowed: number, where)")
        number = entry.get("number")
        if not isinstance(number, str):
            shown = "missing" if number is None else f"{number!r}, not in quotes"
            raise EmergencyNumberError(
                f'{at}.number: is {shown}; write the number in quotes, for example number: "999"'
            )
        if not _EMERGENCY_NUMBER.match(number.strip()):
            raise EmergencyNumberError(f"{at}.number: '{number}' is not an emergency number: use 2 to 6 digits only")
        place = entry.get("where")
        if place is not None and (not isinstance(place, str) or not place.strip() or _MARKUP.search(place)):
            raise EmergencyNumberError(
                f"{at}.where: must be plain text naming where the number works, such as 'the UK'"
            )
        numbers.append(EmergencyNumber(number.strip(), place.strip() if place else None))
    return tuple(numbers)
