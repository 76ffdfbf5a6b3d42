"""Every language says what English says: the same keys, fields, figures and links, and no English left over.

The languages are the ones found on disk (``languages.py``), so a new language's
files are checked as soon as they are added.
"""

import json
import re
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from languages import LANGUAGES, OTHER_LANGUAGES, in_language

from alliance_check import QuestionnaireError, list_questionnaires, load_questionnaire, loading, result_to_dict, score
from alliance_check.bridge import history_json
from alliance_check.toml_table import ID_PATTERN
from alliance_check.wording import DEFAULT_LANG, PACKAGED, result_words
from sitebuild import PROJECT_ROOT

QUESTIONNAIRES = loading.PACKAGED
FIGURE = re.compile(r"\d+(?:[.,]\d+)*|\.\d+")
FIELD = re.compile(r"\{[a-z_]+\}")
# Words a language must not use for the reader. Spanish: "usted", never "tú"; and no word about the
# reader that changes with gender (a reader is "a salvo", never "seguro" or "segura").
READER_ADJECTIVE_STEMS_ES = (
    *("segur", "cómod", "list", "cansad", "preparad", "escuchad", "juzgad", "respetad", "comprendid"),
    *("agotad", "dispuest", "bienvenid", "sincer", "honest", "tranquil", "motivad", "confundid"),
)
READER_ADJECTIVES_ES = [stem + ending for stem in READER_ADJECTIVE_STEMS_ES for ending in ("o", "a", "os", "as")]
AVOIDED_WORDS = {"en": (), "es": ("tú", "tu", "tus", "te", "ti", "contigo", "vos", *READER_ADJECTIVES_ES)}


def flattened(value: object, where: str = "") -> Iterator[tuple[str, str]]:
    """Every text in a TOML file as (key path, text)."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from flattened(inner, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from flattened(inner, f"{where}[{index}]")
    elif isinstance(value, str):
        yield where, value


def texts_of(path: Path) -> dict[str, str]:
    return dict(flattened(tomllib.loads(path.read_text(encoding="utf-8"))))


def word_files(lang: str) -> list[Path]:
    """The files holding ``lang``'s words: one per questionnaire, and the result words."""
    return [QUESTIONNAIRES / f"{qid}.{lang}.toml" for qid in list_questionnaires()] + [PACKAGED / f"result.{lang}.toml"]


def pairs(lang: str) -> Iterator[tuple[str, str, str]]:
    """(file and key, English text, text in ``lang``) for every key the two files share."""
    for translated in word_files(lang):
        english = translated.with_name(translated.name.replace(f".{lang}.", f".{DEFAULT_LANG}."))
        ours, theirs = texts_of(english), texts_of(translated)
        for key in ours.keys() & theirs.keys():
            yield f"{translated.name}: {key}", ours[key], theirs[key]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_every_check_and_the_result_words(lang: str) -> None:
    for path in word_files(lang):
        assert path.is_file(), f"{path.name} is missing: copy the English file and translate it"
    for qid in list_questionnaires():
        assert load_questionnaire(qid, lang).lang == lang
    assert result_words(lang).keys() == result_words(DEFAULT_LANG).keys()


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_templates_have_the_same_fields_as_in_english(lang: str) -> None:
    for where, english, translated in pairs(lang):
        assert sorted(FIELD.findall(translated)) == sorted(FIELD.findall(english)), where


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_figures_and_citations_stay_exactly_as_in_english(lang: str) -> None:
    """A cited figure is copied as published ("r = .29"), and no number is lost or added."""
    for where, english, translated in pairs(lang):
        assert sorted(FIGURE.findall(translated)) == sorted(FIGURE.findall(english)), where
        if "r = ." in english:
            assert re.findall(r"r = \.\d+", translated) == re.findall(r"r = \.\d+", english), where


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_reader_is_addressed_one_way_whoever_they_are(lang: str) -> None:
    avoided = in_language(AVOIDED_WORDS, lang)
    pattern = re.compile(rf"\b(?:{'|'.join(avoided)})\b", re.IGNORECASE) if avoided else None
    for path in word_files(lang):
        for key, text in texts_of(path).items():
            assert pattern is None or not pattern.search(text), f"{path.name}: {key}: {text}"


def strings(value: object, key: str = "") -> Iterator[str]:
    """Every text a reply can show, without ids and page addresses (the same in every language)."""
    if isinstance(value, dict):
        for inner_key, inner in value.items():
            if inner_key not in {"id", "page", "band", "direction", "lang", "version", "taken"}:
                yield from strings(inner, inner_key)
    elif isinstance(value, list):
        for inner in value:
            yield from strings(inner, key)
    elif isinstance(value, str) and re.search(r"[^\W\d_]{2}", value) and not ID_PATTERN.fullmatch(value):
        yield value


def answer_patterns(qid: str) -> dict[str, dict[str, int]]:
    questionnaire = load_questionnaire(qid)
    low, high = questionnaire.scale.min, questionnaire.scale.max
    items = questionnaire.items
    return {
        "lowest": {item.id: low for item in items},
        "highest": {item.id: high for item in items},
        "mixed": {item.id: low + index % (high - low + 1) for index, item in enumerate(items)},
        "partial": {item.id: high for item in items[::3]},
    }


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
@pytest.mark.parametrize("qid", list_questionnaires())
def test_a_result_in_another_language_has_no_english_text(qid: str, lang: str) -> None:
    for pattern, answers in answer_patterns(qid).items():
        english = set(strings(result_to_dict(score(load_questionnaire(qid), answers))))
        translated = set(strings(result_to_dict(score(load_questionnaire(qid, lang), answers))))
        assert translated, pattern
        assert not translated & english, (pattern, sorted(translated & english))


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
@pytest.mark.parametrize("qid", list_questionnaires())
def test_a_history_in_another_language_has_no_english_text(qid: str, lang: str) -> None:
    questionnaire = load_questionnaire(qid)
    low, high = questionnaire.scale.min, questionnaire.scale.max
    kept = [
        {"taken": f"2026-05-0{day}T18:00", "version": questionnaire.version, "answers": answers}
        for day, answers in enumerate(({item.id: high for item in questionnaire.items},) * 2, start=1)
    ] + [{"taken": "2026-05-03T18:00", "version": questionnaire.version, "answers": {questionnaire.items[0].id: low}}]

    def reply(in_lang: str) -> dict[str, Any]:
        answer = json.loads(history_json(json.dumps({"questionnaire": qid, "lang": in_lang, "results": kept})))
        assert answer["ok"] is True, answer
        return answer["result"]

    english, translated = set(strings(reply(DEFAULT_LANG))), set(strings(reply(lang)))
    assert translated and not translated & english, sorted(translated & english)


def docs_of(lang: str) -> Path:
    """The folder of ``lang``'s pages: ``docs_dir`` of ``mkdocs.<lang>.yml``, else ``docs`` or ``docs-<lang>``."""
    config = PROJECT_ROOT / f"mkdocs.{lang}.yml"
    if config.is_file() and (found := re.search(r"^docs_dir:\s*(\S+)", config.read_text(encoding="utf-8"), re.M)):
        return PROJECT_ROOT / found.group(1)
    return PROJECT_ROOT / ("docs" if lang == DEFAULT_LANG else f"docs-{lang}")


def page_source(lang: str, page: str) -> str:
    """The Markdown of a site-relative page address (``in-therapy/talking-with-your-therapist/``) in ``lang``."""
    folder = docs_of(lang)
    for path in (folder / f"{page.rstrip('/')}.md", folder / page / "index.md"):
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise AssertionError(f"{page} has no page in {folder.name}/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_link_in_a_result_lands_on_a_page_and_heading_in_its_language(lang: str) -> None:
    """The pages of every language sit at the same paths and keep the English heading ids, so links stay the same."""
    links = [link["page"] for link in result_words(lang)["rights"]["links"]]
    for qid in list_questionnaires():
        questionnaire = load_questionnaire(qid, lang)
        notes = questionnaire.notes
        links += [dimension.page for dimension in questionnaire.dimensions]
        links += [notes.safety.page, notes.repair.page, notes.talking.page]
    for link in links:
        page, _, anchor = link.partition("#")
        source = page_source(lang, page)
        if anchor:
            assert re.search(rf"^#+ .*\{{\s*#{re.escape(anchor)}\s*\}}\s*$", source, re.M), f"{link} in {lang}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_safety_note_names_the_crisis_page_as_the_page_calls_itself(lang: str) -> None:
    words = result_words(lang)
    title = re.search(r"^# (.+)$", page_source(lang, "get-help-now/"), re.M)
    assert title and words["safety"]["link"] == title.group(1)
    for qid in list_questionnaires():
        assert title.group(1) in load_questionnaire(qid, lang).notes.safety.text, qid


# The result words' own checks, on a copy of the packaged files.


@pytest.fixture
def words_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the packaged result words that the package reads instead, for the test to break."""
    for path in PACKAGED.glob("result.*.toml"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr("alliance_check.wording.PACKAGED", tmp_path)
    result_words.cache_clear()
    yield tmp_path
    result_words.cache_clear()


def edit(folder: Path, lang: str, old: str, new: str) -> None:
    path = folder / f"result.{lang}.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_a_missing_result_key_names_the_file_and_the_key(words_folder: Path, lang: str) -> None:
    text = (words_folder / f"result.{lang}.toml").read_text(encoding="utf-8")
    caption = re.search(r"^caption = .*\n", text, re.MULTILINE)
    assert caption
    edit(words_folder, lang, caption.group(0), "")
    with pytest.raises(QuestionnaireError) as caught:
        result_words(lang)
    assert str(caught.value) == f"result.{lang}.toml: chart.caption: is missing (result.en.toml has it: translate it)"


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_a_key_english_does_not_have_is_refused(words_folder: Path, lang: str) -> None:
    edit(words_folder, lang, "[chart]\n", '[chart]\nsubtitle = "…"\n')
    with pytest.raises(
        QuestionnaireError, match=rf"^result\.{lang}\.toml: chart\.subtitle: is not a key of result\.en"
    ):
        result_words(lang)


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_a_template_that_drops_a_field_is_refused(words_folder: Path, lang: str) -> None:
    """A translated score line without {value} would show no number at all."""
    edit(words_folder, lang, "{value}", "")
    with pytest.raises(QuestionnaireError) as caught:
        result_words(lang)
    assert str(caught.value) == f"result.{lang}.toml: out_of_100: must use the same fields as result.en.toml: {{value}}"


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_a_link_keeps_its_page_and_anchor(words_folder: Path, lang: str) -> None:
    edit(words_folder, lang, "#where-to-complain", "#donde-presentar-una-queja")
    with pytest.raises(QuestionnaireError, match=rf"^result\.{lang}\.toml: rights\.links\[1\]\.page: must be"):
        result_words(lang)


def test_a_language_without_result_words_fails_when_its_checks_load(words_folder: Path) -> None:
    """The site's build loads each check in its language, so a missing file stops the build, not a visitor."""
    lang = OTHER_LANGUAGES[0] if OTHER_LANGUAGES else pytest.skip("only English is on disk")
    (words_folder / f"result.{lang}.toml").unlink()
    loading._load_packaged.cache_clear()
    try:
        with pytest.raises(QuestionnaireError, match=rf"^result\.{lang}\.toml: is missing: every language"):
            load_questionnaire("alliance", lang)
    finally:
        loading._load_packaged.cache_clear()
