"""Author-year citations from one shared reference list, and where the page's review line goes.

A page cites a work with ``[@key]`` or several with ``[@key1; @key2]``; the keys
live in ``docs/_data/references.yml``. :func:`render_page` turns each citation
into linked author-year text and appends a "References" section that lists only
the works that page cites. It also places the page's "Last reviewed" line
(see :mod:`sitebuild.review`) before that list. Citations inside code are left alone.

The functions are plain so that the MkDocs hook and the tests call the same code.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitebuild import BuildError, strict_yaml, templates
from sitebuild.review import PageReview, review_line

#: Where the shared list lives, relative to the docs folder (not published).
REFERENCES_FILE = Path("_data") / "references.yml"

#: The id of the generated section and the prefix of each entry's id.
REFERENCES_HEADING_ID = "references"
ENTRY_ID_PREFIX = "ref-"

_KEY = r"[A-Za-z][\w:-]*"
# One pass over the text: fenced code and inline code are matched first so that a
# citation-like string inside them is never replaced.
_TOKENS = re.compile(
    rf"""
    (?P<fence>^(?P<fence_mark>`{{3,}}|~{{3,}})[^\n]*\n.*?^(?P=fence_mark)[ \t]*$)
    | (?P<code>(?P<ticks>`+).+?(?P=ticks))
    | (?P<cite>\[(?P<keys>@{_KEY}(?:[ \t]*;[ \t]*@{_KEY})*)\](?!\())
    """,
    re.MULTILINE | re.DOTALL | re.VERBOSE,
)
_REQUIRED_FIELDS = ("authors", "year", "title", "journal", "volume", "pages")
# A bare DOI as Crossref recommends matching modern ones: "10.", 4-9 digits, "/", a suffix without spaces.
_DOI = re.compile(r"10\.\d{4,9}/[-._;()/:A-Za-z0-9]+")


class CitationError(BuildError):
    """A citation or the reference list is wrong; the message names the page or entry."""


@dataclass(frozen=True)
class Reference:
    """One journal article in the shared list."""

    key: str
    authors: tuple[str, ...]  # "Family, I. I." each, in the article's order
    year: int
    title: str
    journal: str
    volume: int
    pages: str
    issue: str | None = None
    doi: str | None = None

    @property
    def family_names(self) -> list[str]:
        return [author.split(",")[0].strip() for author in self.authors]

    @property
    def label(self) -> str:
        """The in-text form: "Bordin, 1979", "Norcross & Lambert, 2018", "Flückiger et al., 2018"."""
        names = self.family_names
        if len(names) == 1:
            who = names[0]
        elif len(names) == 2:
            who = f"{names[0]} & {names[1]}"
        else:
            who = f"{names[0]} et al."
        return f"{who}, {self.year}"

    @property
    def anchor(self) -> str:
        return ENTRY_ID_PREFIX + self.key

    def sort_key(self) -> tuple[str, int, str]:
        return (self.family_names[0].casefold(), self.year, self.title.casefold())


def parse_references(data: object, source: str = str(REFERENCES_FILE)) -> dict[str, Reference]:
    """Check and convert the YAML mapping of key -> fields into references."""
    if not isinstance(data, Mapping) or not data:
        raise CitationError(f"{source}: expected a mapping of citation keys to references")
    references = {}
    for key, fields in data.items():
        if not isinstance(key, str) or not re.fullmatch(_KEY, key):
            raise CitationError(f"{source}: {key!r} is not a valid citation key (letters, digits, _ : -)")
        if not isinstance(fields, Mapping):
            raise CitationError(f"{source}: entry {key!r} must be a mapping of fields")
        missing = [name for name in _REQUIRED_FIELDS if not fields.get(name)]
        if missing:
            raise CitationError(f"{source}: entry {key!r} is missing {', '.join(missing)}")
        unknown = set(fields) - {*_REQUIRED_FIELDS, "issue", "doi"}
        if unknown:
            raise CitationError(f"{source}: entry {key!r} has unknown fields {', '.join(sorted(unknown))}")
        authors = fields["authors"]
        if not isinstance(authors, list) or not all(isinstance(a, str) and "," in a for a in authors):
            raise CitationError(f"{source}: entry {key!r}: authors must be a list of 'Family, I.' strings")
        doi = fields.get("doi")
        if doi is not None and not _DOI.fullmatch(str(doi)):
            raise CitationError(f"{source}: entry {key!r}: doi {doi!r} is not a bare DOI such as 10.1037/abc")
        references[key] = Reference(
            key=key,
            authors=tuple(authors),
            year=_whole_number(fields, "year", f"{source}: entry {key!r}"),
            title=str(fields["title"]),
            journal=str(fields["journal"]),
            volume=_whole_number(fields, "volume", f"{source}: entry {key!r}"),
            pages=str(fields["pages"]),
            # Text, since combined issues such as "2-3" exist.
            issue=str(fields["issue"]) if fields.get("issue") is not None else None,
            doi=str(doi) if doi is not None else None,
        )
    return references


def _whole_number(fields: dict, name: str, entry_at: str) -> int:
    value = fields[name]
    if isinstance(value, bool) or not isinstance(value, int):
        raise CitationError(f"{entry_at}: {name} {value!r} must be a whole number such as 2018")
    return value


def load_references(path: Path) -> dict[str, Reference]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CitationError(f"cannot read the reference list {path}: {error.strerror}") from error
    try:
        data = strict_yaml.load(text)
    except yaml.YAMLError as error:
        raise CitationError(f"{path}: not valid YAML: {error}") from error
    return parse_references(data, str(path))


def cited_keys(markdown: str) -> list[str]:
    """Every key the text cites, once each, in order of first citation (code excluded)."""
    keys: list[str] = []
    for match in _TOKENS.finditer(markdown):
        if match["cite"]:
            keys += [k for k in _split_keys(match["keys"]) if k not in keys]
    return keys


def _split_keys(group: str) -> list[str]:
    return [part.strip().lstrip("@") for part in group.split(";")]


def format_citation(references: Mapping[str, Reference], keys: list[str]) -> str:
    """Inline HTML for one bracketed citation: "(Bordin, 1979; Horvath et al., 2011)"."""
    links = "; ".join(f'<a href="#{references[k].anchor}">{html.escape(references[k].label)}</a>' for k in keys)
    return f'<span class="citation">({links})</span>'


def format_entry(reference: Reference) -> str:
    """One reference in APA style, as inline HTML."""
    names = list(reference.authors)
    authors = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
    issue = f"({html.escape(reference.issue)})" if reference.issue is not None else ""
    pages = reference.pages.replace("-", "\N{EN DASH}")
    text = (
        f"{html.escape(authors)} ({reference.year}). {html.escape(reference.title)}. "
        f"<em>{html.escape(reference.journal)}</em>, <em>{reference.volume}</em>{issue}, {html.escape(pages)}."
    )
    if reference.doi:
        url = "https://doi.org/" + reference.doi
        text += f' <a href="{html.escape(url)}">doi:{html.escape(reference.doi)}</a>'
    return text


def references_section(references: Mapping[str, Reference], keys: list[str]) -> str:
    """The Markdown heading and HTML list appended to a page that cites something."""
    entries = sorted((references[k] for k in keys), key=Reference.sort_key)
    items = "\n".join(f'<li id="{r.anchor}">{format_entry(r)}</li>' for r in entries)
    heading = templates.current_words().page.references
    return f'## {heading} {{#{REFERENCES_HEADING_ID}}}\n\n<ul class="references">\n{items}\n</ul>\n'


def render_page(
    markdown: str,
    page: str,
    references: Callable[[], Mapping[str, Reference]],
    review: PageReview | None = None,
) -> str:
    """The page's Markdown with citations linked, its review line and its reference list.

    ``references`` is called only when the page cites something, so pages without
    citations build even where there is no reference list. An unknown key raises
    :class:`CitationError` naming the page and the key.
    """
    keys = cited_keys(markdown)
    known = references() if keys else {}
    unknown = [k for k in keys if k not in known]
    if unknown:
        listed = ", ".join(f"'{k}'" for k in unknown)
        raise CitationError(f"{page}: unknown citation key {listed} (not in docs/{REFERENCES_FILE.as_posix()})")

    def replace(match: re.Match[str]) -> str:
        if match["cite"]:
            return format_citation(known, _split_keys(match["keys"]))
        return match[0]

    body = _TOKENS.sub(replace, markdown).rstrip("\n") + "\n"
    if review is not None:
        body += "\n" + review_line(review)
    if keys:
        body += "\n" + references_section(known, keys)
    return body
