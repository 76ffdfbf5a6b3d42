"""Interface words: one catalogue per language, the same words in each, and every word asked for exists."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import Markup, escape

from alliance_check import list_languages
from sitebuild import PROJECT_ROOT, BuildError, forms, offline, templates, words

SCRIPTS = PROJECT_ROOT / "overrides" / "assets" / "javascripts"
TEMPLATES = PROJECT_ROOT / "overrides"
# word("section.key") and hasWord("section.key"); `section.${code}` for words chosen by a code.
SCRIPT_KEY = re.compile(r'\b(?:word|hasWord)\(\s*"(?P<key>[a-z_.]+)"')
SCRIPT_KEY_PREFIX = re.compile(r"\b(?:word|hasWord)\(\s*`(?P<key>[a-z_.]+)\.\$\{")
SCRIPT_KEY_OTHER = re.compile(r"\b(?:word|hasWord)\((?!\s*[\"`])")
TEMPLATE_KEY = re.compile(r"\bwords\.(?P<key>[a-z0-9_]+(?:\.[a-z0-9_]+)+)")


def words_dir(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "words"
    folder.mkdir()
    for lang, text in files.items():
        (folder / f"{lang}.toml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def _fresh_catalogues():
    """Each test reads its own folders afresh; the site's words are left as the build sets them."""
    words.load_catalogues.cache_clear()
    yield
    words.load_catalogues.cache_clear()
    templates.use_language(templates.DEFAULT_LANGUAGE)


def test_the_site_has_english_and_spanish_and_they_agree() -> None:
    catalogues = words.load_catalogues()
    assert {"en", "es"} <= set(catalogues)
    assert words.languages() == sorted(path.stem for path in words.WORDS_DIR.glob("*.toml"))


def test_a_language_is_a_file(tmp_path: Path) -> None:
    folder = words_dir(tmp_path, en='[page]\nabout = "About"\n', xx='[page]\nabout = "Abaut"\n')
    assert words.languages(folder) == ["en", "xx"]
    assert words.catalogue("xx", folder).page.about == "Abaut"


def test_a_missing_word_names_the_file_and_the_word(tmp_path: Path) -> None:
    folder = words_dir(
        tmp_path,
        en='[page]\nabout = "About"\nprivacy = "Privacy"\n',
        xx='[page]\nabout = "Abaut"\n',
    )
    with pytest.raises(BuildError) as raised:
        words.catalogue("en", folder)
    assert "xx.toml has no word page.privacy, which en.toml has" in str(raised.value)


def test_an_extra_word_is_named_too(tmp_path: Path) -> None:
    folder = words_dir(tmp_path, en='[page]\nabout = "About"\n', xx='[page]\nabout = "Abaut"\nextra = "Ekstra"\n')
    with pytest.raises(BuildError) as raised:
        words.catalogue("xx", folder)
    assert "en.toml has no word page.extra, which xx.toml has" in str(raised.value)


def test_placeholders_must_match_across_languages(tmp_path: Path) -> None:
    folder = words_dir(
        tmp_path,
        en='[history]\nremoved = "The result from {when} is deleted."\n',
        xx='[history]\nremoved = "Det resultat fra {wen} er slettet."\n',
    )
    with pytest.raises(BuildError) as raised:
        words.catalogue("en", folder)
    message = str(raised.value)
    assert "xx.toml: the word history.removed has the placeholders {wen}" in message
    assert "in en.toml it has {when}" in message


def test_plural_forms_are_checked_together(tmp_path: Path) -> None:
    folder = words_dir(
        tmp_path,
        en='[h]\nn = { one = "1 result", other = "{count} results" }\n',
        xx='[h]\nn = { one = "1 resultat", other = "resultater" }\n',
    )
    with pytest.raises(BuildError, match=r"xx\.toml: the word h\.n has the placeholders none"):
        words.catalogue("en", folder)


@pytest.mark.parametrize("value", ['""', '"   "', "3", '["a"]'])
def test_every_word_is_text(tmp_path: Path, value: str) -> None:
    folder = words_dir(tmp_path, en=f"[page]\nabout = {value}\n")
    with pytest.raises(BuildError, match=r"en\.toml: the word page\.about must be a text that is not empty"):
        words.catalogue("en", folder)


def test_a_language_without_words_is_named(tmp_path: Path) -> None:
    folder = words_dir(tmp_path, en='[page]\nabout = "About"\n')
    with pytest.raises(BuildError, match=r"no interface words for the site's language 'fr'.*fr\.toml"):
        words.catalogue("fr", folder)


def test_a_template_asking_for_an_unknown_word_stops() -> None:
    with pytest.raises(BuildError, match=r"en\.toml has no word selfcheck\.no_such_word"):
        _ = words.catalogue("en").selfcheck.no_such_word


def test_fill_escapes_the_word_and_its_values_but_keeps_markup() -> None:
    link = Markup('<a href="x">here</a>')
    assert words.fill("Go {link} & <b>{name}</b>", link=link, name="<i>") == (
        'Go <a href="x">here</a> &amp; &lt;b&gt;&lt;i&gt;&lt;/b&gt;'
    )
    assert words.fill_text("{name} & co", name="<i>") == "<i> & co"
    plural = {"one": "{count} question", "other": "{count} questions"}
    assert [words.fill(plural, count=n) for n in (1, 2, 0)] == ["1 question", "2 questions", "0 questions"]
    with pytest.raises(BuildError, match=r"needs a value for \{when\}"):
        words.fill("Deleted on {when}")


def test_script_words_cannot_close_their_block(tmp_path: Path) -> None:
    hostile = "</script><script>alert(1)</script><!--"
    sections = "".join(f'[{name}]\nword = "{hostile}"\n' for name in words.SCRIPT_SECTIONS)
    folder = words_dir(tmp_path, en=sections)
    block = words.script_words(words.catalogue("en", folder))
    assert "<" not in block
    assert json.loads(block)["offline"]["word"] == hostile


def test_every_word_a_script_asks_for_exists_in_every_language() -> None:
    asked: set[str] = set()
    prefixes: set[str] = set()
    for script in SCRIPTS.rglob("*.js"):
        text = script.read_text(encoding="utf-8")
        asked |= {match["key"] for match in SCRIPT_KEY.finditer(text)}
        prefixes |= {match["key"] for match in SCRIPT_KEY_PREFIX.finditer(text)}
        # Every key is written out, so that this test sees it.
        calls = text.replace("export function word(", "").replace("function hasWord(", "")
        assert not SCRIPT_KEY_OTHER.search(calls), script
    assert len(asked) > 90 and {"offline.saving", "history.kept_count", "share.copied"} <= asked
    assert prefixes == {"scoring.errors", "scoring.problems", "history.file_problems"}
    for lang in words.languages():
        flat = _flat(words.load_catalogues()[lang])
        missing = sorted(key for key in asked if key not in flat)
        assert not missing, f"{lang}.toml lacks words the scripts use: {missing}"
        for prefix in prefixes:
            assert any(key.startswith(prefix + ".") for key in flat), prefix
        assert all(key.split(".")[0] in words.SCRIPT_SECTIONS for key in asked | prefixes)


# A problem the scoring engine or its worker reports, by code: { code: "too_slow" } or problem("download_failed", …).
PROBLEM_CODE = re.compile(
    r'\bcode: "(?P<code>[a-z_]+)"|\bproblem\(\s*"(?P<made>[a-z_]+)"|problemOf\([^,]+, "(?P<fallback>[a-z_]+)"\)'
)


def test_every_problem_the_engine_reports_has_words_in_every_language() -> None:
    """The engine and its worker send codes, never sentences; the page words each from scoring.problems."""
    engine = [SCRIPTS / "selfcheck" / "engine.js", *(SCRIPTS / "selfcheck" / "worker").glob("*.js")]
    codes = {
        next(code for code in match.groups() if code)
        for script in engine
        for match in PROBLEM_CODE.finditer(script.read_text(encoding="utf-8"))
    }
    assert {"too_slow", "stopped_answering", "download_failed", "start_failed", "request_failed"} <= codes
    for lang in words.languages():
        problems = words.load_catalogues()[lang]["scoring"]["problems"]
        assert not sorted(codes - set(problems)), f"{lang}.toml lacks scoring.problems words"
    for script in engine:  # no sentence for the visitor is made in the engine: an Error's words are the code's
        assert not re.search(r"new Error\(\s*[`\"][A-Z]", script.read_text(encoding="utf-8")), script


def test_every_word_a_template_asks_for_exists() -> None:
    asked = {
        match["key"]
        for template in TEMPLATES.rglob("*.html")
        for match in TEMPLATE_KEY.finditer(template.read_text(encoding="utf-8"))
    }
    assert len(asked) > 100
    for lang in words.languages():
        flat = _flat(words.load_catalogues()[lang])
        assert not sorted(key for key in asked if key not in flat)


def test_no_script_keeps_a_table_of_words() -> None:
    assert not (SCRIPTS / "selfcheck" / "messages.js").exists()
    assert not (SCRIPTS / "history" / "words.js").exists()
    for script in SCRIPTS.rglob("*.js"):
        text = script.read_text(encoding="utf-8")
        assert not re.search(r"const (?:words|messages) = \{", text), script


def test_the_check_and_its_controls_speak_the_build_language() -> None:
    url = lambda path: "/" + path  # noqa: E731
    questionnaire = forms.load_for_page("alliance", "en", "test")
    templates.use_language("es")
    form = forms.render_form(questionnaire, url)
    paper = forms.render_paper(questionnaire, url)
    controls = offline.expand_controls("<!-- offline-copy: controls -->", url)
    assert "Ver mi resultado" in form and "Periodo:" in form and "See my result" not in form
    assert "Clave de calificación" in paper and "Scoring key" not in paper
    assert "Guardar una copia sin conexión en este dispositivo" in controls and "Keep an offline" not in controls
    templates.use_language("en")
    assert "See my result" in forms.render_form(questionnaire, url)


def test_the_catalogues_are_not_published(built_site: Path) -> None:
    assert not list(built_site.rglob("*.toml"))


def test_every_page_carries_the_script_words_outside_its_content(built_site: Path) -> None:
    english = words.script_words(words.catalogue("en"))
    for page in (built_site / "index.html", built_site / "self-check" / "alliance" / "index.html"):
        html = page.read_text(encoding="utf-8")
        block = re.search(r'<script type="application/json" id="site-words">(.*?)</script>', html, re.DOTALL)
        assert block and block[1] == english
        # Instant navigation re-creates the scripts inside the container as scripts to run.
        assert html.index('data-md-component="container"') < html.index("</main>") < block.start()


def _flat(table: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in table.items():
        if isinstance(value, dict) and set(value) != words.PLURAL_FORMS:
            keys |= _flat(value, f"{prefix}{key}.")
        else:
            keys.add(f"{prefix}{key}")
    return keys


def test_copying_english_adds_a_language(tmp_path: Path) -> None:
    folder = tmp_path / "words"
    shutil.copytree(words.WORDS_DIR, folder)
    shutil.copy(folder / "en.toml", folder / "xx.toml")
    assert "xx" in words.languages(folder)
    assert words.catalogue("xx", folder).selfcheck.submit == "See my result"


@pytest.mark.skipif(
    "es" not in list_languages("alliance"), reason="the package has no Spanish questionnaire text to build with"
)
def test_a_build_in_spanish_shows_spanish_interface_words(tmp_path: Path) -> None:
    # The project's configuration, and a Spanish one beside it; the pages themselves may stay English here.
    base = tmp_path / "mkdocs.yml"
    base.write_text(
        f"INHERIT: {PROJECT_ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {PROJECT_ROOT / 'docs'}\n"
        "site_url: http://127.0.0.1:8000/\n"
        f"hooks: [{PROJECT_ROOT / 'scripts' / 'mkdocs_hooks.py'}]\n"
        f"theme: {{name: material, custom_dir: {PROJECT_ROOT / 'overrides'}}}\n",
        encoding="utf-8",
    )
    config = tmp_path / "mkdocs.es.yml"
    config.write_text("INHERIT: mkdocs.yml\ntheme: {language: es}\n", encoding="utf-8")
    site = tmp_path / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)]
    completed = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    spanish, english = words.catalogue("es"), words.catalogue("en")
    check = (site / "self-check" / "alliance" / "index.html").read_text(encoding="utf-8")
    paper = (site / "self-check" / "paper" / "alliance" / "index.html").read_text(encoding="utf-8")
    for word, html in [
        (spanish.selfcheck.submit, check),  # the form
        (spanish.selfcheck.time_frame, check),
        (spanish.offline.keep, check),  # the offline controls
        (spanish.history.heading, check),  # kept results
        (spanish.paper.scoring_key, paper),  # the paper version
        (spanish.paper.instructions, paper),
        (spanish.page.get_help, check),  # the header and footer
    ]:
        assert html_text(word) in html, word
    for word in (english.selfcheck.submit, english.offline.keep, english.paper.scoring_key, english.page.not_advice):
        assert html_text(word) not in check + paper, word
    block = re.search(r'<script type="application/json" id="site-words">(.*?)</script>', check, re.DOTALL)
    assert block and json.loads(block[1])["offline"]["saving"] == spanish.offline.saving


def html_text(word: object) -> str:
    return str(escape(word))
