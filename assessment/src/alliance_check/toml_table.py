"""Reading TOML files whose every mistake names the file and the field.

General helpers, in no way tied to questionnaires: :func:`read_toml` reads a
file (refusing non-UTF-8 text and invalid TOML), and :class:`TomlTable` reads
one table of it with typed getters that raise
:class:`~alliance_check.errors.QuestionnaireError` naming the file and the
field's path, e.g. ``alliance.toml: items[4].dimension: must be text``.
"""

import re
import string
import tomllib
from pathlib import Path
from typing import Any, NoReturn

from alliance_check.errors import QuestionnaireError

# Ids become form field names and HTML ids at build time, so they stay simple.
ID_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 64
# Text made only of these shows nothing: white space and zero-width characters.
_INVISIBLE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")


def is_id(value: str) -> bool:
    """Whether ``value`` is a simple id: lowercase letters, digits and single hyphens, not too long."""
    return len(value) <= MAX_ID_LENGTH and ID_PATTERN.fullmatch(value) is not None


def read_toml(entry: Path) -> dict[str, Any]:
    """The TOML file ``entry``, parsed; a file that is not UTF-8 text or not TOML fails naming it."""
    try:
        text = entry.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise QuestionnaireError(entry.name, "", f"is not UTF-8 text (byte {error.start})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise QuestionnaireError(entry.name, "", f"is not valid TOML: {error}") from None


def shown(value: str, limit: int = 40) -> str:
    """``value`` quoted for a message, cut short if long."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


class TomlTable:
    """A TOML table being read: typed getters that fail naming the file and the field."""

    def __init__(self, file: str, data: dict[Any, Any], path: str = "") -> None:
        self.file = file
        self.data = data
        self.path = path

    def where(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str | int, problem: str) -> NoReturn:
        raise QuestionnaireError(self.file, self.path if key == "" else self.where(key), problem)

    def only(self, *allowed: str) -> None:
        for key in self.data:
            if key not in allowed:
                self.fail(key, f"unknown key (expected: {', '.join(allowed)})")

    def get(self, key: str | int) -> Any:
        if key not in self.data:
            self.fail(key, "is missing")
        return self.data[key]

    def text(self, key: str | int) -> str:
        value = self.get(key)
        if not isinstance(value, str):
            self.fail(key, f"must be text, not {toml_type(value)}")
        if not _INVISIBLE.sub("", value):
            self.fail(key, "is empty")
        return value.strip()

    def identifier(self, key: str) -> str:
        value = self.text(key)
        if not is_id(value):
            rule = f"up to {MAX_ID_LENGTH} lowercase letters, digits and single hyphens"
            self.fail(key, f"{shown(value)} is not a valid id ({rule})")
        return value

    def integer(self, key: str | int) -> int:
        value = self.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"must be a whole number, not {toml_type(value)}")
        return value

    def number(self, key: str) -> int | float:
        value = self.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            self.fail(key, f"must be a number, not {toml_type(value)}")
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.fail(key, f"must be true or false, not {toml_type(value)}")
        return value

    def texts(self, key: str, at_least: int) -> tuple[str, ...]:
        value = self.get(key)
        if not isinstance(value, list):
            self.fail(key, f"must be a list of texts, not {toml_type(value)}")
        if len(value) < at_least:
            self.fail(key, f"needs at least {at_least} entries (has {len(value)})")
        items = TomlTable(self.file, dict(enumerate(value)), self.where(key))
        return tuple(items.text(i) for i in range(len(value)))

    def table(self, key: str) -> "TomlTable":
        value = self.get(key)
        if not isinstance(value, dict):
            self.fail(key, f"must be a table, not {toml_type(value)}")
        return TomlTable(self.file, value, self.where(key))

    def tables(self, key: str, *, required: bool = True) -> list["TomlTable"]:
        """An array of tables (``[[key]]``), each remembering its index for messages."""
        if key not in self.data and not required:
            return []
        value = self.get(key)
        if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
            self.fail(key, f"must be an array of tables ([[{key}]]), not {toml_type(value)}")
        if not value:
            self.fail(key, "is empty")
        return [TomlTable(self.file, entry, f"{self.where(key)}[{i}]") for i, entry in enumerate(value)]

    def keyed(self, key: str, ids: list[str], noun: str, source: str) -> "TomlTable":
        """A table keyed by the ids declared in ``source``: exactly those ids, none missing, none added."""
        table = self.table(key)
        for extra in table.data:
            if extra not in ids:
                table.fail(extra, f"{source} has no {noun} {shown(extra)}")
        for expected in ids:
            if expected not in table.data:
                table.fail("", f"missing text for {noun} {expected!r} (every {noun} in {source} needs one)")
        return table

    def template(self, key: str, fields: frozenset[str]) -> str:
        """Text with ``{placeholders}``: only the named fields, so formatting can never fail later."""
        text = self.text(key)
        try:
            used = [
                (name, spec, conversion)
                for _, name, spec, conversion in string.Formatter().parse(text)
                if name is not None
            ]
        except ValueError as error:
            self.fail(key, f"has a misplaced brace: {error}")
        for name, spec, conversion in used:
            if name not in fields:
                known = ", ".join(sorted(f"{{{field}}}" for field in fields))
                self.fail(key, f"unknown placeholder {{{name}}} (known: {known})")
            if spec or conversion:
                self.fail(key, f"placeholder {{{name}}} cannot have a format or conversion: write just {{{name}}}")
        return text


def toml_type(value: object) -> str:
    """The TOML name of ``value``'s type, for messages."""
    names = {bool: "true/false", int: "a whole number", float: "a decimal number", str: "text"}
    names |= {list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)
