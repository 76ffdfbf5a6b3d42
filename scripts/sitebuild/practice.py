"""The practice's settings: one file, ``practice.yml``, validated at build time.

A practice edits only this file. Every mistake stops the build with a message
that names the file and the setting and says what is allowed; an unknown
setting gets a "did you mean" suggestion, so a typo never silently does nothing.
"""

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitebuild import PROJECT_ROOT, BuildError, crisis_help, palette, strict_yaml

PRACTICE_FILE = PROJECT_ROOT / "practice.yml"

# Audience sections a practice can hide, and the titles they have in the navigation.
SECTIONS = {
    "thinking_about_therapy": "Thinking about therapy",
    "in_therapy": "In therapy",
    "for_therapists": "For therapists and practices",
}

# Addresses go into double-quoted HTML attributes, so " and angle brackets are never part of one.
_EMAIL = re.compile(r"^[^@\s\"<>`]+@[^@\s\"<>`]+\.[^@\s\"<>`]+$")
_PHONE = re.compile(r"^(?:\+|\()?[0-9][0-9 ()./-]*$")
_URL = re.compile(r"^https?://[^\s/$.?#\"<>`][^\s\"<>`]*$", re.IGNORECASE)
# No setting holds markup: the theme prints the name and description into its HTML as they are.
_MARKUP = re.compile(r"[<>\"]")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


class PracticeConfigError(BuildError):
    """A setting in the practice file is wrong; the message names it."""


@dataclass(frozen=True)
class Contact:
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    booking_url: str | None = None

    @property
    def is_empty(self) -> bool:
        return not any((self.email, self.phone, self.address, self.booking_url))

    @property
    def phone_uri(self) -> str | None:
        return tel_uri(self.phone)


@dataclass(frozen=True)
class CrisisLine:
    name: str
    description: str | None = None
    phone: str | None = None
    text: str | None = None
    url: str | None = None
    hours: str | None = None

    @property
    def phone_uri(self) -> str | None:
        return tel_uri(self.phone)


def tel_uri(phone: str | None) -> str | None:
    """A ``tel:`` link for a phone number as people write it (a national "(0)" after the country code is dropped)."""
    return "tel:" + re.sub(r"[^0-9+]", "", phone.replace("(0)", "")) if phone else None


DEFAULT_COLOURS = palette.Colours(primary="#1d5c57", accent="#6a2c91")


@dataclass(frozen=True)
class Practice:
    name: str
    description: str
    language: str = "en"
    region: str | None = None
    logo: str | None = None
    colours: palette.Colours = DEFAULT_COLOURS
    contact: Contact = Contact()
    crisis_lines: tuple[CrisisLine, ...] = ()
    sections: Mapping[str, bool] = field(default_factory=lambda: dict.fromkeys(SECTIONS, True))
    domain: str | None = None
    emergency_numbers: tuple[crisis_help.EmergencyNumber, ...] = crisis_help.DEFAULT_EMERGENCY_NUMBERS

    @property
    def crisis_lines_or_default(self) -> tuple[object, ...]:
        return crisis_help.lines_to_show(self.crisis_lines)

    @property
    def hidden_sections(self) -> list[str]:
        return [key for key, shown in self.sections.items() if not shown]


def load_practice(path: Path = PRACTICE_FILE, docs_dir: Path | None = None) -> Practice:
    """Read and validate a practice file."""
    where = path.name
    if not path.is_file():
        raise PracticeConfigError(f"{path}: the practice settings file is missing. Copy practice.yml from the project.")
    try:
        raw = strict_yaml.load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise PracticeConfigError(f"{where}: not valid YAML ({error})") from error
    return parse_practice(raw, where, docs_dir)


def parse_practice(raw: object, where: str, docs_dir: Path | None = None) -> Practice:
    """Validate settings already read from YAML (a mapping) into a :class:`Practice`."""
    settings = _Settings(raw, where, "")
    settings.only(
        "name",
        "description",
        "language",
        "region",
        "logo",
        "colours",
        "contact",
        "crisis_lines",
        "emergency_numbers",
        "sections",
        "domain",
    )
    logo = settings.text("logo")
    if logo and docs_dir is not None and not (docs_dir / logo).is_file():
        raise settings.error(
            "logo", f"'{logo}' is not a file in {docs_dir.name}/ (put the image there and give its path)"
        )
    language = settings.text("language") or "en"
    if not _LANGUAGE.match(language):
        raise settings.error("language", f"'{language}' is not a language code such as 'en' or 'pt-BR'")
    domain = settings.text("domain")
    if domain is not None and not _DOMAIN.match(domain.lower()):
        raise settings.error("domain", f"'{domain}' is not a domain name such as 'therapy.example.org' (no https://)")
    return Practice(
        name=settings.text("name", required=True),
        description=settings.text("description")
        or f"How the relationship with your therapist matters, from {settings.text('name')}.",
        language=language,
        region=settings.text("region"),
        logo=logo,
        colours=_colours(settings.section("colours")),
        contact=_contact(settings.section("contact")),
        crisis_lines=tuple(_crisis_line(entry) for entry in settings.list_of_sections("crisis_lines")),
        sections=_sections(settings.section("sections")),
        domain=domain.lower() if domain else None,
        emergency_numbers=crisis_help.parse_emergency_numbers(settings.raw.get("emergency_numbers"), where),
    )


def _colours(settings: "_Settings") -> palette.Colours:
    settings.only("primary", "accent")
    values = {}
    for key in ("primary", "accent"):
        raw = settings.raw.get(key, getattr(DEFAULT_COLOURS, key))
        try:
            values[key] = palette.parse_colour(raw)
            palette.check_contrast(values[key])
        except palette.ColourError as error:
            raise settings.error(key, str(error)) from error
    return palette.Colours(**values)


def _contact(settings: "_Settings") -> Contact:
    settings.only("email", "phone", "address", "booking_url")
    email = settings.text("email")
    if email and not _EMAIL.match(email):
        raise settings.error("email", f"'{email}' is not an email address such as 'hello@example.org'")
    return Contact(
        email=email,
        phone=settings.phone("phone"),
        address=settings.text("address"),
        booking_url=settings.url("booking_url"),
    )


def _crisis_line(settings: "_Settings") -> CrisisLine:
    settings.only("name", "description", "phone", "text", "url", "hours")
    line = CrisisLine(
        name=settings.text("name", required=True),
        description=settings.text("description"),
        phone=settings.phone("phone"),
        text=settings.text("text"),
        url=settings.url("url"),
        hours=settings.text("hours"),
    )
    if not (line.phone or line.text or line.url):
        raise settings.error("", "a crisis line needs at least one way to reach it: phone, text or url")
    return line


def _sections(settings: "_Settings") -> dict[str, bool]:
    settings.only(*SECTIONS)
    shown = {}
    for key in SECTIONS:
        value = settings.raw.get(key, True)
        if not isinstance(value, bool):
            raise settings.error(key, f"{value!r} must be true (show the section) or false (hide it)")
        shown[key] = value
    return shown


class _Settings:
    """One mapping of the practice file, with its dotted path for error messages."""

    def __init__(self, raw: object, where: str, path: str) -> None:
        self.where = where
        self.path = path
        if raw is None:
            raw = {}
        if not isinstance(raw, Mapping):
            raise PracticeConfigError(f"{where}: {path or 'the file'} must be a set of 'key: value' settings")
        self.raw = raw

    def key_path(self, key: str) -> str:
        return ".".join(part for part in (self.path, key) if part)

    def error(self, key: str, problem: str) -> PracticeConfigError:
        field_path = self.key_path(key)
        return PracticeConfigError(
            f"{self.where}: {field_path}: {problem}" if field_path else f"{self.where}: {problem}"
        )

    def only(self, *allowed: str) -> None:
        for key in self.raw:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (allowed: {', '.join(allowed)})"
                raise self.error(str(key), f"unknown setting{hint}")

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.raw.get(key)
        if value is None:
            if required:
                raise self.error(key, "is required")
            return None
        if not isinstance(value, str):
            # YAML reads 0123 as a number in base 8 and drops a leading +, so numbers must be quoted.
            raise self.error(key, f'{value!r} must be text: put it in quotes, for example {key}: "{value}"')
        if _MARKUP.search(value):
            raise self.error(key, f"{value!r} cannot contain <, > or \" (use ' or “ ” for quotes)")
        text = value.strip()
        if not text:
            if required:
                raise self.error(key, "is required and cannot be empty")
            return None
        return text

    def url(self, key: str) -> str | None:
        value = self.text(key)
        if value is not None and not _URL.match(value):
            raise self.error(key, f"'{value}' is not a web address starting with https://")
        return value

    def phone(self, key: str) -> str | None:
        value = self.text(key)
        if value is not None and (not _PHONE.match(value) or sum(c.isdigit() for c in value) < 3):
            raise self.error(key, f"'{value}' is not a phone number: use digits, spaces and an optional leading +")
        return value

    def section(self, key: str) -> "_Settings":
        return _Settings(self.raw.get(key), self.where, self.key_path(key))

    def list_of_sections(self, key: str) -> list["_Settings"]:
        value = self.raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, "must be a list (each entry starting with '- ')")
        return [_Settings(entry, self.where, f"{self.key_path(key)}[{index}]") for index, entry in enumerate(value)]
