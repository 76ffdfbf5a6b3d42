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
from urllib.parse import urlsplit

import yaml

from sitebuild import PROJECT_ROOT, BuildError, crisis_help, palette, strict_yaml, words, yaml_mistakes
from sitebuild.review import PRACTICE_FIELDS, PracticeReview, ReviewError, parse_practice_review

PRACTICE_FILE = PROJECT_ROOT / "practice.yml"

# Audience sections a practice can hide; their titles in each language's navigation are
# interface words ([sections] in overrides/words/). A hidden section's pages leave the site.
# "In therapy" has no pages of its own (the self-checks' results link to the relationship
# pages): it hides its part of the home page.
SECTIONS = ("thinking_about_therapy", "in_therapy", "for_therapists", "handouts")

# Addresses go into double-quoted HTML attributes, so " and angle brackets are never part of one.
_EMAIL = re.compile(r"^[^@\s\"<>`]+@[^@\s\"<>`]+\.[^@\s\"<>`]+$")
# A number as people write it, with an optional extension at the end ("ext. 2").
_PHONE = re.compile(
    r"^(?:\+|\()?[0-9][0-9 ()./-]*?(?:[ ,]*(?:ext\.?|extension|x)[ ]*(?P<extension>[0-9]{1,6}))?$", re.I
)
_URL = re.compile(r"^https?://[^\s/$.?#\"<>`][^\s\"<>`]*$", re.IGNORECASE)
# No setting holds markup: the theme prints the name and description into its HTML as they are.
_MARKUP = re.compile(r"[<>\"]")
# Control characters and the bidirectional overrides that can make text read differently from what it is.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Longest text each setting may hold (a name must fit a header; a description, a search result).
TEXT_LIMITS = {
    "bio": 600,
    "credentials": 120,
    "pronouns": 30,
    "name": 80,
    "short_name": 24,
    "description": 300,
    "region": 80,
    "address": 200,
    "email": 254,
    "phone": 40,
    "text": 80,
    "hours": 80,
    "language": 20,
    "domain": 253,
}
DEFAULT_TEXT_LIMIT = 300
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
TOP_LEVEL = (
    "name",
    "short_name",
    "description",
    "languages",
    "language",
    "region",
    "logo",
    "colours",
    "contact",
    "crisis_lines",
    "emergency_numbers",
    "sections",
    "domain",
    "team",
    "review",
)
# Settings that live in a group: a key found at the top level was probably dedented by mistake.
GROUPS = {
    "colours": ("primary", "accent"),
    "contact": ("email", "phone", "address", "booking_url"),
    "sections": tuple(SECTIONS),
    "review": PRACTICE_FIELDS,
}
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
# Settings that are words: each may be given once (for every language) or per language,
# as a mapping such as {en: "Someone to talk to", es: "Alguien con quien hablar"}.
WORD_SETTINGS = frozenset(
    {"name", "short_name", "description", "region", "address", "pronouns", "credentials", "bio", "hours", "text"}
)
# Words inside a list (a team member's languages, written in the site's language).
WORD_LISTS = frozenset({"languages"})


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
    """A ``tel:`` link for a phone number as people write it.

    A national "(0)" after the country code is dropped; an extension becomes RFC 3966's ``;ext=``.
    """
    if not phone:
        return None
    match = _PHONE.match(phone)
    extension = match["extension"] if match else None
    number = phone[: match.start("extension")] if extension else phone
    number = re.sub(r"(ext\.?|extension|x)\s*$", "", number.strip(" ,"), flags=re.I)
    uri = "tel:" + re.sub(r"[^0-9+]", "", number.replace("(0)", ""))
    return f"{uri};ext={extension}" if extension else uri


@dataclass(frozen=True)
class TeamMember:
    name: str
    pronouns: str | None = None
    credentials: str | None = None
    bio: str | None = None
    languages: tuple[str, ...] = ()
    photo: str | None = None
    accepting_new_clients: bool | None = None


DEFAULT_COLOURS = palette.Colours(primary="#1d5c57", accent="#6a2c91")


@dataclass(frozen=True)
class Practice:
    name: str
    description: str
    # For narrow headers and home-screen shortcuts; the name itself when not set.
    short_name: str = ""
    # The languages of the site, the first at its root; and the one these settings' words are in.
    languages: tuple[str, ...] = ("en",)
    language: str = "en"
    region: str | None = None
    logo: str | None = None
    colours: palette.Colours = DEFAULT_COLOURS
    contact: Contact = Contact()
    crisis_lines: tuple[CrisisLine, ...] = ()
    sections: Mapping[str, bool] = field(default_factory=lambda: dict.fromkeys(SECTIONS, True))
    domain: str | None = None
    review: PracticeReview = field(default_factory=PracticeReview)
    team: tuple[TeamMember, ...] = ()
    emergency_numbers: tuple[crisis_help.EmergencyNumber, ...] = crisis_help.DEFAULT_EMERGENCY_NUMBERS

    @property
    def crisis_lines_or_default(self) -> tuple[object, ...]:
        return crisis_help.lines_to_show(self.crisis_lines)

    @property
    def hidden_sections(self) -> list[str]:
        return [key for key, shown in self.sections.items() if not shown]


# Addresses of a preview on this computer: a domain in practice.yml does not replace them.
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}


def published_url(site_url: str, domain: str | None) -> str:
    """The address the site is built for: ``https://<domain>/`` when the practice has a domain.

    The deploy passes the GitHub address it knows at that moment, which stays the
    ``github.io/<repo>/`` one until the custom domain is set in GitHub's settings; the
    domain in practice.yml wins, so canonical links, the sitemap and the 404 page are
    right from the first build. A local preview keeps its own address.
    """
    if not domain or urlsplit(site_url).hostname in _LOCAL_HOSTS:
        return site_url
    return f"https://{domain}/"


def load_practice(path: Path = PRACTICE_FILE, docs_dir: Path | None = None, language: str | None = None) -> Practice:
    """Read and validate a practice file; a mistake names the line to change and shows the fix.

    Words are given in ``language`` (by default the site's first language).
    """
    where = path.name
    if not path.is_file():
        raise PracticeConfigError(f"{path}: the practice settings file is missing. Copy practice.yml from the project.")
    text = path.read_text(encoding="utf-8")
    mistake = yaml_mistakes.find_tab(text)
    if mistake is None:
        try:
            document = strict_yaml.load_document(text)
        except yaml.YAMLError as error:
            mistake = yaml_mistakes.explain_parse_error(error, text)
        else:
            mistake = yaml_mistakes.find_cut_values(document)
    if mistake is not None:
        raise PracticeConfigError(f"{where}, line {mistake.line}: {mistake.message}")
    return parse_practice(document.data, where, docs_dir, document, language)


def parse_practice(
    raw: object,
    where: str,
    docs_dir: Path | None = None,
    document: strict_yaml.Document | None = None,
    language: str | None = None,
) -> Practice:
    """Validate settings already read from YAML (a mapping) into a :class:`Practice`.

    With the ``document`` they were read from, messages name the line of each setting.
    A setting that is words is taken in ``language`` (by default the first of ``languages``).
    """
    settings = _Settings(raw, where, (), document)
    settings.only(*TOP_LEVEL)
    languages = _languages(settings)
    if language is None:
        language = languages[0]
    elif language not in languages:
        raise settings.error(
            "languages" if "languages" in settings.raw else "",
            f"the site is being built in '{language}', which is not one of its languages "
            f"({', '.join(languages)}): add it to languages:",
        )
    settings.languages, settings.language = languages, language
    logo = settings.file_in_docs("logo", docs_dir)
    domain = settings.text("domain")
    if domain is not None and not _DOMAIN.match(domain.lower()):
        raise settings.error("domain", f"'{domain}' is not a domain name such as 'therapy.example.org' (no https://)")
    name = settings.text("name", required=True)
    return Practice(
        name=name,
        short_name=settings.text("short_name") or name,
        description=settings.text("description")
        or words.fill_text(words.catalogue(language).page.default_description, practice=name),
        languages=languages,
        language=language,
        region=settings.text("region"),
        logo=logo,
        colours=_colours(settings.section("colours")),
        contact=_contact(settings.section("contact")),
        crisis_lines=tuple(_crisis_line(entry) for entry in settings.list_of_sections("crisis_lines")),
        sections=_sections(settings.section("sections")),
        domain=domain.lower() if domain else None,
        review=_review(settings.words_in_language("review", PRACTICE_FIELDS), where),
        team=tuple(_team_member(entry, docs_dir) for entry in settings.list_of_sections("team")),
        emergency_numbers=crisis_help.parse_emergency_numbers(
            settings.words_in_language("emergency_numbers", ("where",)), where
        ),
    )


def _languages(settings: "_Settings") -> tuple[str, ...]:
    """``languages: [en, es]`` (the first at the site's root); the older ``language: en`` means one language."""
    if "language" in settings.raw and "languages" in settings.raw:
        raise settings.error("language", "give either languages: (a list) or the older language:, not both")
    if "language" in settings.raw:
        codes = [settings.text("language") or "en"]
        key = "language"
    else:
        codes = list(settings.list_of_text("languages")) or ["en"]
        key = "languages"
    for code in codes:
        if not _LANGUAGE.match(code):
            raise settings.error(key, f"'{code}' is not a language code such as 'en', 'es' or 'pt-BR'")
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise settings.error(key, f"lists {', '.join(repeated)} more than once")
    return tuple(codes)


def _team_member(settings: "_Settings", docs_dir: Path | None) -> TeamMember:
    settings.only("name", "pronouns", "credentials", "bio", "languages", "photo", "accepting_new_clients")
    accepting = settings.raw.get("accepting_new_clients")
    if accepting is not None and not isinstance(accepting, bool):
        raise settings.error(
            "accepting_new_clients", f"{accepting!r} must be true (accepting new clients) or false (not right now)"
        )
    return TeamMember(
        name=settings.text("name", required=True),
        pronouns=settings.text("pronouns"),
        credentials=settings.text("credentials"),
        bio=settings.text("bio"),
        languages=settings.list_of_text("languages"),
        photo=settings.file_in_docs("photo", docs_dir),
        accepting_new_clients=accepting,
    )


def _review(raw: object, where: str) -> PracticeReview:
    try:
        return parse_practice_review(raw, where)
    except ReviewError as error:
        raise PracticeConfigError(str(error)) from error


def _colours(settings: "_Settings") -> palette.Colours:
    settings.only("primary", "accent")
    values = {}
    for key in ("primary", "accent"):
        raw = settings.raw.get(key, getattr(DEFAULT_COLOURS, key))
        try:
            values[key] = palette.parse_colour(raw)
            palette.check_contrast(values[key], key)
        except palette.ColourError as error:
            raise settings.error(key, str(error)) from error
    return palette.Colours(**values)


def _contact(settings: "_Settings") -> Contact:
    settings.only("email", "phone", "address", "booking_url")
    return Contact(
        email=settings.email("email"),
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
    """One mapping of the practice file, with its path (for messages) and where it was written."""

    def __init__(
        self, raw: object, where: str, keys: tuple[str | int, ...], document: strict_yaml.Document | None = None
    ) -> None:
        self.where = where
        self.keys = keys
        self.document = document
        # Set once the languages are known (see parse_practice); words are then taken in ``language``.
        self.languages: tuple[str, ...] = ()
        self.language: str | None = None
        if raw is None:
            raw = {}
        if not isinstance(raw, Mapping):
            raise self.error("", "must be a set of 'key: value' settings, each on its own line")
        self.raw = raw

    @property
    def path(self) -> str:
        return _dotted(self.keys)

    def key_path(self, key: str) -> str:
        return _dotted((*self.keys, key) if key else self.keys)

    def line(self, key: str) -> int | None:
        if self.document is None:
            return None
        return self.document.line((*self.keys, key) if key else self.keys)

    def error(self, key: str, problem: str) -> PracticeConfigError:
        field_path = self.key_path(key)
        # A missing setting is named at the line of the group it belongs in.
        line = self.line(key) or (self.line("") if self.keys else None)
        where = f"{self.where}, line {line}" if line else self.where
        return PracticeConfigError(f"{where}: {field_path}: {problem}" if field_path else f"{where}: {problem}")

    def only(self, *allowed: str) -> None:
        for key in self.raw:
            if key in allowed:
                continue
            misplaced = self._belongs_under(str(key))
            if misplaced:
                raise self.error(str(key), misplaced)
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (allowed: {', '.join(allowed)})"
            raise self.error(str(key), f"unknown setting{hint}")

    def _belongs_under(self, key: str) -> str | None:
        """For a top-level key that belongs in a group (``email`` under ``contact:``): how to indent it."""
        if self.keys:
            return None
        group = next((name for name, keys in GROUPS.items() if key in keys), None)
        if group is None:
            return None
        line = self.line(key) or 0
        above = [
            path[-1]
            for path, entry in (self.document.entries.items() if self.document else ())
            if len(path) == 2 and path[0] == group and entry.line < line
        ]
        like = f", like '{above[-1]}' above it" if above else ""
        return f"this setting belongs under '{group}:'. Indent '{key}' by two spaces under '{group}:'{like}"

    def _typed(self, key: str, value: object) -> str:
        """What the person typed for ``key`` (YAML turns +19025550143 into a number and drops the +)."""
        typed = self.document.source((*self.keys, key)) if self.document else None
        return typed.strip() if typed else str(value)

    def _child(self, raw: object, keys: tuple[str | int, ...]) -> "_Settings":
        child = _Settings(raw, self.where, keys, self.document)
        child.languages, child.language = self.languages, self.language
        return child

    def value(self, key: str | int, words: bool | None = None) -> object:
        """The setting's value; for words given per language, the text in the site's language."""
        value = self.raw.get(key)
        is_words = words if words is not None else key in WORD_SETTINGS or (key in WORD_LISTS and bool(self.keys))
        if not (is_words and isinstance(value, Mapping) and self.language):
            return value
        per_language = self._child(value, (*self.keys, key))
        for code in value:
            if code not in self.languages:
                raise per_language.error(
                    str(code), f"'{code}' is not one of the site's languages ({', '.join(self.languages)})"
                )
        if self.language not in value:
            raise self.error(
                str(key),
                f"has no text in '{self.language}', one of the site's languages ({', '.join(self.languages)}): "
                f"add '{self.language}: …' under it, or give one text for every language",
            )
        return value[self.language]

    def words_in_language(self, key: str, fields: tuple[str, ...]) -> object:
        """The raw value of ``key`` (a mapping, or a list of them), its word ``fields`` in the site's language."""
        raw = self.raw.get(key)

        def resolved(entry: object, keys: tuple[str | int, ...]) -> object:
            if not isinstance(entry, Mapping):
                return entry
            settings = self._child(entry, keys)
            return {name: settings.value(name, words=name in fields) for name in entry}

        if isinstance(raw, list):
            return [resolved(entry, (key, index)) for index, entry in enumerate(raw)]
        return resolved(raw, (key,))

    def text(self, key: str | int, required: bool = False) -> str | None:
        value = self.value(key)
        if value is None:
            if required:
                raise self.error(key, "is required")
            return None
        if not isinstance(value, str):
            # YAML reads 0123 as a number in base 8 and drops a leading +, so numbers must be quoted.
            typed = self._typed(key, value)
            raise self.error(key, f'{typed} must be text: put it in quotes, for example {key}: "{typed}"')
        if _MARKUP.search(value):
            raise self.error(key, f"{value!r} cannot contain <, > or \" (use ' or “ ” for quotes)")
        hidden = _CONTROL.search(value)
        if hidden:
            raise self.error(
                key,
                f"contains an invisible control character (U+{ord(hidden[0]):04X}) at position {hidden.start() + 1}: "
                "type the text again without it",
            )
        text = " ".join(value.split())
        limit = TEXT_LIMITS.get(key, DEFAULT_TEXT_LIMIT)
        if len(text) > limit:
            raise self.error(key, f"is {len(text):,} characters long; the limit is {limit}: shorten it")
        if not text:
            if required:
                raise self.error(key, "is required and cannot be empty")
            return None
        return text

    def url(self, key: str) -> str | None:
        value = self.text(key)
        if value is None:
            return None
        parts = urlsplit(value) if _URL.match(value) else None
        if parts is None or parts.scheme.lower() != "https" or not parts.hostname:
            raise self.error(key, f"'{value}' is not a web address starting with https://")
        if "@" in parts.netloc:
            raise self.error(
                key, f"'{value}' has a name before '@' in its address, which can hide where it leads: remove it"
            )
        return value

    def email(self, key: str) -> str | None:
        value = self.text(key)
        if value is None:
            return None
        if value.lower().startswith("mailto:"):
            raise self.error(key, f"write the address alone, without 'mailto:' (the site adds it): {value[7:]}")
        if not _EMAIL.match(value):
            raise self.error(key, f"'{value}' is not an email address such as 'hello@example.org'")
        return value

    def phone(self, key: str) -> str | None:
        value = self.text(key)
        if value is None:
            return None
        if value.lower().startswith("tel:"):
            raise self.error(key, f"write the number alone, without 'tel:' (the site adds it): {value[4:].strip()}")
        if not _PHONE.match(value) or sum(c.isdigit() for c in value) < 3:
            raise self.error(
                key,
                f"'{value}' is not a phone number: use digits, spaces and an optional leading +, "
                "and an extension as 'ext. 2' at the end",
            )
        return value

    def file_in_docs(self, key: str, docs_dir: Path | None) -> str | None:
        """A path to a file inside ``docs/``, as the site will serve it (never outside, never another site)."""
        value = self.text(key)
        if value is None:
            return None
        if re.match(r"^[a-z][a-z0-9+.-]*:", value, re.IGNORECASE) or value.startswith(("/", "\\")):
            raise self.error(
                key, f"'{value}' must be a path inside docs/, such as 'images/logo.svg' (not an address or a full path)"
            )
        if ".." in re.split(r"[/\\]", value) or "\\" in value:
            raise self.error(
                key, f"'{value}' must stay inside docs/: use a path such as 'images/logo.svg', without '..'"
            )
        if not value.lower().endswith(IMAGE_SUFFIXES):
            raise self.error(key, f"'{value}' must be an image: {', '.join(IMAGE_SUFFIXES)}")
        if docs_dir is not None:
            file = (docs_dir / value).resolve()
            if not file.is_file() or not file.is_relative_to(docs_dir.resolve()):
                raise self.error(
                    key, f"'{value}' is not a file in {docs_dir.name}/ (put the image there and give its path)"
                )
        return value

    def list_of_text(self, key: str) -> tuple[str, ...]:
        """A list of short texts, written as a YAML list or on one line separated by commas."""
        value = self.value(key)
        if value is None:
            return ()
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list):
            raise self.error(key, "must be a list, such as: English, French")
        entries = self._child(dict(enumerate(items)), (*self.keys, key))
        return tuple(text for index in range(len(items)) if (text := entries.text(index)))

    def section(self, key: str) -> "_Settings":
        return self._child(self.raw.get(key), (*self.keys, key))

    def list_of_sections(self, key: str) -> list["_Settings"]:
        value = self.raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, "must be a list (each entry starting with '- ')")
        return [self._child(entry, (*self.keys, key, index)) for index, entry in enumerate(value)]


def _dotted(keys: tuple[str | int, ...]) -> str:
    """``("crisis_lines", 0, "phone")`` as people read it: ``crisis_lines[0].phone``."""
    text = ""
    for key in keys:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else key)
    return text
