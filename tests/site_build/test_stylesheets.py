"""Our stylesheets are well formed: a lost brace silently swallows every rule after it."""

import re
from pathlib import Path

import pytest

from sitebuild import PROJECT_ROOT

STYLESHEETS = sorted((PROJECT_ROOT / "overrides" / "assets" / "stylesheets").glob("*.css"))
# Comments and strings may hold braces that are not part of the structure.
_NOT_STRUCTURE = re.compile(r"/\*.*?\*/|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'", re.S)


def unbalanced_line(css: str) -> int | None:
    """The line where a closing brace has no opening one, or the last line if a block is never closed."""
    depth = 0
    for number, line in enumerate(_NOT_STRUCTURE.sub(lambda m: "\n" * m[0].count("\n"), css).split("\n"), 1):
        for char in line:
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth < 0:
                return number
    return None if depth == 0 else css.count("\n") + 1


def test_there_are_stylesheets() -> None:
    assert STYLESHEETS


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_every_block_is_closed(path: Path) -> None:
    assert unbalanced_line(path.read_text(encoding="utf-8")) is None, path.name


def test_the_check_finds_a_block_left_open() -> None:
    assert unbalanced_line("@media print {\n  a { color: red; }\n/* } */\nb { color: blue; }\n") == 5
    assert unbalanced_line('a { content: "}"; }\n') is None
