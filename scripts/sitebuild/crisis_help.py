"""Crisis help shown on every site: emergency numbers and the default crisis lines.

A practice can set its own emergency number(s) in ``practice.yml``
(``emergency_numbers``); they replace the defaults everywhere crisis help is
shown (the home page's box, Get help now, results, paper versions). Its own
crisis lines come first; the directories always stay, so a local list can never
leave a visitor with fewer ways to get help.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

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

    @property
    def tel_uri(self) -> str:
        return f"tel:{self.number}"


@dataclass(frozen=True)
class DefaultLine:
    """A crisis line every build lists (the same fields as a practice's own lines, plus a text number)."""

    name: str
    description: str | None = None
    phone: str | None = None
    text: str | None = None
    sms: str | None = None
    url: str | None = None
    hours: str | None = None

    @property
    def phone_uri(self) -> str | None:
        return f"tel:{re.sub(r'[^0-9+]', '', self.phone)}" if self.phone else None

    @property
    def sms_uri(self) -> str | None:
        return f"sms:{self.sms}" if self.sms else None


DEFAULT_EMERGENCY_NUMBERS = (
    EmergencyNumber("112", "the European Union and many other countries"),
    EmergencyNumber("911", "the United States and Canada"),
    EmergencyNumber("999", "the United Kingdom"),
    EmergencyNumber("000", "Australia"),
    EmergencyNumber("111", "New Zealand"),
)

# Named lines for the regions the site already names, listed when a practice lists none of its own.
DEFAULT_NAMED_LINES = (
    DefaultLine(
        name="988 Suicide & Crisis Lifeline (US)",
        description="Free, confidential support for anyone in distress.",
        phone="988",
        text="988",
        sms="988",
        url="https://988lifeline.org/",
        hours="Any time, day or night",
    ),
    DefaultLine(
        name="9-8-8 Suicide Crisis Helpline (Canada)",
        description="Free, confidential support for anyone thinking about suicide.",
        phone="988",
        text="988",
        sms="988",
        url="https://988.ca/",
        hours="Any time, day or night",
    ),
    DefaultLine(
        name="Samaritans (UK and Ireland)",
        description="Someone to talk to, whatever you are going through.",
        phone="116 123",
        url="https://www.samaritans.org/",
        hours="Any time, day or night",
    ),
)

# Always listed, last: they cover the countries no line above does.
DIRECTORIES = (
    DefaultLine(
        name="Find a Helpline",
        description="Free, confidential crisis lines in many countries, by phone, text or chat.",
        url="https://findahelpline.com/",
    ),
    DefaultLine(
        name="Befrienders Worldwide",
        description="Emotional support centres around the world, if the directory above has nothing near you.",
        url="https://befrienders.org/",
    ),
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
