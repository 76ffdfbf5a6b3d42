"""Glossary terms explained where they appear, reachable by keyboard and touch.

``docs/_data/glossary.yml`` maps each term (in any case) to a short meaning.
:func:`mark_terms` wraps every use of a term in a page's prose in
``<abbr title="meaning">``, which the theme's ``content.tooltips`` shows as a
tooltip on hover or focus. An ``abbr`` cannot take focus by itself, so the first
use of each term on a page also gets ``tabindex="0"``: tabbing to it (or tapping
it) opens the meaning, and later uses add no more tab stops.

Python-Markdown's own ``abbr`` extension cannot do this (its elements are created
after every hook and cannot be made focusable), hence this small text step.
Headings, links, code, HTML lines and citations are left alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from sitebuild import BuildError, strict_yaml

#: Where the definitions live, relative to the docs folder (not published).
GLOSSARY_FILE = Path("_data") / "glossary.yml"

# Spans of a line where a term must not be marked, matched before any term.
_PROTECTED = (
    r"(?P<ticks>`+).+?(?P=ticks)"  # inline code
    r"|\[@[^\]]*\]"  # citation
    r"|!?\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?"  # link or image, with attributes
    r"|\[[^\]]*\]\[[^\]]*\]"  # reference link
    r"|<[^>]+>"  # inline HTML tag or autolink
)
# Whole lines left alone: headings, HTML blocks and admonition or details titles.
_SKIPPED_LINE = re.compile(r"^\s*(#|<|!!!|\?\?\?)")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


class GlossaryError(BuildError):
    """The glossary file cannot be read or is not a mapping of terms to meanings."""


def parse_terms(data: object, source: str = str(GLOSSARY_FILE)) -> dict[str, str]:
    if not isinstance(data, Mapping) or not data:
        raise GlossaryError(f"{source}: expected a mapping of terms to short meanings")
    terms = {}
    for term, meaning in data.items():
        if not isinstance(term, str) or not term.strip() or not isinstance(meaning, str) or not meaning.strip():
            raise GlossaryError(f"{source}: {term!r} needs a non-empty term and a non-empty meaning")
        terms[term.strip()] = " ".join(meaning.split())
    return terms


def load_terms(path: Path) -> dict[str, str]:
    """Term (as spelled in the pages) -> short meaning; none when the site has no glossary file."""
    if not path.exists():
        return {}
    try:
        data = strict_yaml.load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GlossaryError(f"cannot read the glossary {path}: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise GlossaryError(f"{path}: not valid YAML: {error}") from error
    return parse_terms(data, str(path))


def _term_pattern(terms: Mapping[str, str]) -> re.Pattern[str]:
    # Longest first, so "therapeutic alliance" wins over "alliance". Case is ignored,
    # so a term that starts a sentence is explained too.
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"{_PROTECTED}|(?P<term>\b(?:{alternatives})\b)", re.IGNORECASE)


def term_html(term: str, meaning: str, focusable: bool) -> str:
    tabindex = ' tabindex="0"' if focusable else ""
    return f'<abbr title="{html.escape(meaning)}"{tabindex}>{html.escape(term, quote=False)}</abbr>'


def mark_terms(markdown: str, terms: Mapping[str, str]) -> str:
    """Wrap each prose use of a term in ``abbr``, the first one focusable; change nothing else."""
    if not terms:
        return markdown
    pattern = _term_pattern(terms)
    meanings = {term.casefold(): meaning for term, meaning in terms.items()}
    seen: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        term = match["term"]
        if term is None:  # a protected span: code, a link, a citation, HTML
            return match[0]
        key = term.casefold()
        first = key not in seen
        seen.add(key)
        return term_html(term, meanings[key], focusable=first)

    fence: str | None = None
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = None
        elif opening:
            fence = opening[1]
        elif not _SKIPPED_LINE.match(line):
            lines[index] = pattern.sub(replace, line)
    return "\n".join(lines)
