"""The common mistakes people make in a YAML settings file, explained in plain words.

The parser's own messages ("mapping values are not allowed here", "expected
<block end>, but found '?'") name its internals and often the line after the
mistake. Each function here recognises one kind of mistake, names the line the
person must change, says what is wrong and shows the fixed line.

Two mistakes parse without error and quietly change a value, so they are
found by comparing the text with what was parsed: a ``#`` that starts a note
and cuts off the rest of a value, and a colour whose ``#`` made it empty.
"""

import re
from dataclasses import dataclass

import yaml

from sitebuild.strict_yaml import Document

_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[A-Za-z_][A-Za-z0-9_]*):(?:\s|$)(?P<value>.*)$")


@dataclass(frozen=True)
class Mistake:
    line: int
    message: str


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _quoted(value: str) -> str:
    """``value`` in the quotes that keep it whole."""
    return f"'{value}'" if '"' in value else f'"{value}"'


def find_tab(text: str) -> Mistake | None:
    """A tab before or between settings: YAML indents with spaces only."""
    for number, line in enumerate(_lines(text), start=1):
        code = line.split(" #")[0] if not line.lstrip().startswith("#") else ""
        if "\t" in code:
            fixed = line.replace("\t", "  ")
            return Mistake(
                number,
                "this line has a tab character. Settings are indented with spaces only: "
                f"replace the tab with spaces, like this: {fixed.strip()!r} indented with "
                f"{len(fixed) - len(fixed.lstrip())} spaces",
            )
    return None


def explain_parse_error(error: yaml.YAMLError, text: str) -> Mistake:
    """A plain-words account of a parse error, naming the line to change."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    lines = _lines(text)
    number = mark.line + 1 if mark else 1
    line = lines[number - 1] if 0 < number <= len(lines) else ""
    above = _setting_above(lines, number)

    if "is set twice" in problem:
        return Mistake(number, problem)
    if "mapping values are not allowed" in problem:
        return _colon_or_indent(line, number, mark.column if mark else 0, above)
    if "<block sequence start>" in problem or "found '-'" in problem:
        if above and above[1].rstrip().endswith(": []"):
            key = _KEY_LINE.match(above[1])
            return Mistake(
                above[0],
                f"'{above[1].strip()}' says the list is empty, but list entries follow on line {number}. "
                f"Remove the [] so that the line reads '{key['key'] if key else ''}:'",
            )
        return Mistake(
            number,
            "a list entry ('- ') is here, where a setting was expected. List entries belong under a "
            "setting that holds a list, such as 'crisis_lines:', indented by two spaces",
        )
    if "found '?'" in problem and above:
        key = _KEY_LINE.match(line)
        name = key["key"] if key else line.strip()
        return Mistake(
            number,
            f"'{name}' is not lined up with the settings of the list entry above it. Indent it so that it starts "
            f"in the same column as the entry's first setting (after '- '), or start a new entry with '- '",
        )
    if "<block mapping start>" in problem and above:
        return Mistake(
            number,
            f"this line is indented differently from line {above[0]} above it, in the same group. Settings in one "
            f"group start in the same column: indent with two spaces per level",
        )
    if "found '<scalar>'" in problem or "while scanning a quoted scalar" in str(error):
        key = _KEY_LINE.match(line)
        value = key["value"].strip() if key else ""
        inside = value[1:-1] if value.endswith("'") else value[1:]
        example = f'{key["key"]}: "{inside}"' if key and value.startswith("'") else 'name: "O\'Brien Therapy"'
        return Mistake(
            number,
            "a quoted value ends too early or never ends. A value in single quotes cannot contain an apostrophe: "
            f"put it in double quotes instead: {example}",
        )
    return Mistake(
        number,
        "this line cannot be read as a setting. Check that it is written 'setting: value', indented with spaces "
        "like the lines around it, and put any value containing ': ' or ' #' in double quotes",
    )


def _setting_above(lines: list[str], number: int) -> tuple[int, str] | None:
    """The nearest line above ``number`` that holds a setting (not blank, not a note)."""
    for index in range(number - 2, -1, -1):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index + 1, lines[index]
    return None


def _colon_or_indent(line: str, number: int, column: int, above: tuple[int, str] | None) -> Mistake:
    key = _KEY_LINE.match(line)
    if key and column > key.end("key"):
        value = key["value"].strip()
        return Mistake(
            number,
            f"the value of '{key['key']}' contains ': ', which YAML reads as the start of another setting. "
            f"Put the whole value in quotes: {key['key']}: {_quoted(value)}",
        )
    name = key["key"] if key else line.strip()
    if above:
        above_key = _KEY_LINE.match(above[1])
        if above_key and above_key["value"].strip():
            return Mistake(
                number,
                f"'{name}' is indented further than '{above_key['key']}' on line {above[0]}, so it reads as part of "
                f"that value. Line it up with '{above_key['key']}' (same number of spaces)",
            )
    return Mistake(
        number,
        f"'{name}' is indented in a way that does not fit the lines above: line it up with the setting it "
        f"belongs beside (two spaces per level)",
    )


def find_cut_values(document: Document) -> Mistake | None:
    """A value that a ``#`` cut short (or emptied), found by comparing each line with what was parsed."""
    lines = _lines(document.text)
    for path, entry in document.entries.items():
        node = entry.node
        if not isinstance(node, yaml.ScalarNode) or node.style is not None or not isinstance(path[-1], str):
            continue
        key = path[-1]
        if node.value == "":
            # "primary: #0b3d5c": the colour became a note and the value is empty.
            key_line = lines[entry.line - 1]
            after_colon = key_line.split(":", 1)[1] if ":" in key_line else ""
            empty_with_hash = re.match(r"^\s*#(\S.*)$", after_colon)
            if empty_with_hash:
                typed = "#" + empty_with_hash[1].rstrip()
                return Mistake(
                    entry.line,
                    f"'{key}' is empty: a value that starts with # is read as a note. "
                    f"Put it in quotes: {key}: {_quoted(typed)}",
                )
            continue
        end_line = lines[node.end_mark.line]
        rest = end_line[node.end_mark.column :]
        comment = re.match(r"^\s+#(.*)$", rest)
        if comment:
            typed = (document.source(path) or node.value) + rest.rstrip()
            typed = re.sub(r"\s+", " ", typed).strip()
            return Mistake(
                node.end_mark.line + 1,
                f"'{key}' was cut short at the # (YAML reads ' #' as the start of a note), so it would be "
                f"{node.value!r}. If the # is part of it, put the whole value in quotes: {key}: {_quoted(typed)}. "
                "If it is a note, move the note to a line of its own",
            )
    return None
