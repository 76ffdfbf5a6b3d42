"""Content-Security-Policy for each built page, and the check that no page runs script it should not.

The theme and the site emit a few small inline scripts, and one of them
differs per page (it holds the page's relative base URL). Each page's policy
lists the hashes of exactly those inline scripts, so the template writes a
placeholder that this module fills in.

An inline script is allowed because of what it is, not because it is there:
its text must be one of the known scripts, read from the templates that emit
them (``KNOWN_INLINE_SCRIPTS``), with any template value limited to a plain
URL path. Anything else that would run script — another inline ``<script>``,
an ``on…=`` event attribute, a ``javascript:`` URL — stops the build, naming
the page and the file it came from. A ``<script>`` line in a docs page would
otherwise be hashed into that page's policy and run.

The same goes for data blocks: only the known ones (``KNOWN_DATA_BLOCKS``, by
id, of type ``application/json``, holding valid JSON, each once) may be on a page. Any
other inline ``<script>``, whatever its type, stops the build too: the theme's
instant navigation re-creates the scripts in a page's content as plain
scripts, so a data block there would become a script to run.
"""

import base64
import hashlib
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import material

from sitebuild import PROJECT_ROOT, BuildError

HASHES_PLACEHOLDER = "__INLINE_SCRIPT_HASHES__"

_THEME_DIR = Path(material.__file__).parent / "templates"
# The templates whose inline scripts the site's pages may run: the site's own
# storage helpers (which keep choices in memory only), and the theme's palette
# and content-tab scripts. Another theme script (announcement bar, cookie
# consent, outdated-version banner) stops the build until it is added here.
KNOWN_INLINE_SCRIPTS = (
    PROJECT_ROOT / "overrides" / "partials" / "javascripts" / "base.html",
    _THEME_DIR / "partials" / "javascripts" / "palette.html",
    _THEME_DIR / "partials" / "javascripts" / "content.html",
)
# What a template value inside a known script may become: a URL path, no quote, no escape.
_TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_URL_PATH = r"[A-Za-z0-9._~/-]*"
_TEMPLATE_SCRIPT = re.compile(r"<script>(?P<body>.*?)</script>", re.DOTALL)

_EXECUTABLE_TYPES = {"", "text/javascript", "module", "application/javascript"}
# The data blocks a page may hold, by id: the theme's settings, and the words the page scripts show
# (main.html, sitebuild/words.py). Both sit outside the content that instant navigation replaces.
KNOWN_DATA_BLOCKS = {"__config", "site-words"}
_DATA_TYPE = "application/json"
# Attributes whose value the browser treats as a URL it may navigate to or load.
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite"}
# Browsers ignore ASCII whitespace and control characters before a URL's scheme, and inside it.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]+")


class _Scripts(HTMLParser):
    """What a page holds that could run script: inline scripts' texts, and other problems found."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inline: list[str] = []
        self.data_blocks: list[tuple[str, str]] = []  # (id, text)
        self.problems: list[str] = []
        self._in_inline_script = False
        self._in_data_block = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"an event attribute {name}= on <{tag}> ({_shown(value or '')})")
            elif name in _URL_ATTRIBUTES and _is_javascript_url(value or ""):
                self.problems.append(f"a javascript: URL in {name}= on <{tag}> ({_shown(value or '')})")
        if tag == "iframe" and "srcdoc" in named:
            self.problems.append("an <iframe srcdoc=…>, whose content is a page of its own")
        if tag == "script" and "src" not in named:
            kind = (named.get("type") or "").strip().lower()
            self._in_inline_script = kind in _EXECUTABLE_TYPES
            self._in_data_block = not self._in_inline_script
            if self._in_inline_script:
                self.inline.append("")
            elif kind == _DATA_TYPE and named.get("id") in KNOWN_DATA_BLOCKS:
                self.data_blocks.append((named["id"] or "", ""))
            else:
                block = f"an inline <script type={kind!r}> with id={named.get('id')!r}"
                self.problems.append(f"{block}, not a known data block")
                self._in_data_block = False

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_inline_script = self._in_data_block = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_inline_script = self._in_data_block = False

    def handle_data(self, data: str) -> None:
        if self._in_inline_script:
            self.inline[-1] += data
        elif self._in_data_block:
            block_id, text = self.data_blocks[-1]
            self.data_blocks[-1] = (block_id, text + data)

    def close(self) -> None:
        super().close()
        seen: set[str] = set()
        for block_id, text in self.data_blocks:
            # The template writes each once, outside the content; another (from a page's text) would be in it.
            if block_id in seen:
                self.problems.append(f"a second data block <script id={block_id!r}> ({_shown(text)})")
            seen.add(block_id)
            try:
                json.loads(text)
            except ValueError:
                self.problems.append(f"a data block <script id={block_id!r}> that is not valid JSON ({_shown(text)})")


def _is_javascript_url(value: str) -> bool:
    return _IGNORED_IN_SCHEME.sub("", value).lower().startswith(("javascript:", "vbscript:"))


def _shown(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@cache
def _known_patterns() -> tuple[re.Pattern[str], ...]:
    """Each known inline script as a pattern: its text, with any template value as a URL path."""
    patterns = []
    for template in KNOWN_INLINE_SCRIPTS:
        bodies = _TEMPLATE_SCRIPT.findall(template.read_text(encoding="utf-8"))
        if not bodies:
            raise BuildError(f"{template} no longer holds the inline script the site's policy allows from it.")
        for body in bodies:
            parts = _TEMPLATE_VALUE.split(body)
            patterns.append(re.compile(_URL_PATH.join(re.escape(part) for part in parts)))
    return tuple(patterns)


def is_known_inline_script(body: str) -> bool:
    """Whether ``body`` is one of the inline scripts the theme and the site are known to emit."""
    return any(pattern.fullmatch(body) for pattern in _known_patterns())


def _hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(html: str, page: str = "this page", source: str = "its source") -> list[str]:
    """CSP source expressions (``'sha256-…'``) for the page's inline scripts, each a known one.

    Raises BuildError naming ``page`` and ``source`` if the page holds any
    other inline script, event attribute or ``javascript:`` URL.
    """
    found = _Scripts()
    found.feed(html)
    found.close()
    problems = list(found.problems)
    problems += [f"an inline <script> ({_shown(body)})" for body in found.inline if not is_known_inline_script(body)]
    if problems:
        listed = "".join(f"\n  - {problem}" for problem in problems)
        raise BuildError(
            f"{page} (from {source}) holds script the site does not run:{listed}\n"
            "Pages run only the site's own script files, so that no answer can leave the visitor's device. "
            "Remove it from the source file; to show code as text, put it in a code block."
        )
    hashes: list[str] = []
    for body in found.inline:
        if (source_expression := _hash(body)) not in hashes:
            hashes.append(source_expression)
    return hashes


def fill_policy(html: str, page: str = "this page", source: str = "its source") -> str:
    """Check the page's scripts, and replace the placeholder in its policy with its inline scripts' hashes.

    A page (a document with ``<html``) without the placeholder has lost its
    policy, and stops the build.
    """
    hashes = inline_script_hashes(html, page, source)
    if HASHES_PLACEHOLDER not in html:
        if re.search(r"<html\b", html, re.IGNORECASE):
            raise BuildError(f"{page} (from {source}) has no Content-Security-Policy: it must extend main.html.")
        return html
    return html.replace(HASHES_PLACEHOLDER, " ".join(hashes), 1)
