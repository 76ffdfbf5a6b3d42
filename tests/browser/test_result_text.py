"""What a visitor reads in a result, compared with reviewed golden files.

For each check and several answer patterns, the result's text exactly as
Chromium shows it (``innerText`` of the result region), the same region in the
print view, and the one-page summary are compared with the files in
``tests/browser/golden/`` (English, the site's root) and
``tests/browser/golden/es/`` (Spanish, under ``/es/``). A changed wording
shows up as a diff in review.

To write the golden files again after an intended change, run::

    UPDATE_GOLDEN=1 PYTHONPATH=scripts .venv/bin/python -m pytest tests/browser/test_result_text.py

then read the diff (``git diff tests/browser/golden``) before committing it.
"""

import os
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import GuardedBrowser, Traffic, guard, origin_of
from playwright.sync_api import Browser, Page
from selfcheck_page import SelfCheckPage

from alliance_check import Questionnaire, list_questionnaires, load_questionnaire

pytestmark = pytest.mark.browser

GOLDEN = Path(__file__).with_name("golden")
# Each language's pages, under the site's address, and its golden files.
LANGUAGES = {"en": "", "es": "es/"}


def golden_dir(lang: str) -> Path:
    return GOLDEN if lang == "en" else GOLDEN / lang


UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
# A fixed moment, so the dated lines read the same on every run.
FIXED_NOW = "2026-03-14T10:00:00"
# Program values that must never reach a person: JS and Python empties, unfilled templates.
PROGRAM_VALUES = re.compile(r"\b(?:null|undefined|NaN)\b|\bNone\b(?! of)|\[object|\{[A-Za-z_][A-Za-z0-9_]*\}")


def answer_patterns(questionnaire: Questionnaire) -> dict[str, dict[str, int]]:
    """Lowest, highest, alternating, random and half skipped; for 0-10, every value at least once."""
    items = questionnaire.items
    low, high = questionnaire.scale.min, questionnaire.scale.max
    rng = random.Random(f"golden-{questionnaire.id}")

    def keyed(value_for_positive: int, item) -> int:
        return low + high - value_for_positive if item.reverse else value_for_positive

    patterns = {
        "lowest": {item.id: keyed(low, item) for item in items},
        "highest": {item.id: keyed(high, item) for item in items},
        "alternating": {item.id: keyed(low if index % 2 else high, item) for index, item in enumerate(items)},
        "random": {item.id: rng.randint(low, high) for item in items},
        "half-skipped": {item.id: rng.randint(low, high) for index, item in enumerate(items) if index % 2 == 0},
    }
    points = list(questionnaire.scale.points)
    if len(points) > len(items):
        # Every value of the scale shown at least once, across as many answer sets as it takes.
        for start in range(0, len(points), len(items)):
            values = (points[start:] + points)[: len(items)]
            patterns[f"values-from-{points[start]}"] = {
                item.id: value for item, value in zip(items, values, strict=True)
            }
    return patterns


CASES = [
    (lang, qid, name)
    for lang in LANGUAGES
    for qid in list_questionnaires()
    for name in answer_patterns(load_questionnaire(qid))
]


@pytest.fixture(scope="module")
def read_texts(session_browser: Browser, site_url: str) -> Iterator[dict[tuple[str, str, str], dict[str, str]]]:
    """Every case's screen, print and summary text, from one page per check and language (Pyodide starts
    once per page).

    Read once for the module, so it has a guard of its own, the same as every browser test's.
    """
    traffic = Traffic(origin=origin_of(site_url))
    context = GuardedBrowser(session_browser, traffic, block_off_origin=True).new_context(
        viewport={"width": 390, "height": 844}
    )
    texts: dict[tuple[str, str, str], dict[str, str]] = {}
    for lang, prefix in LANGUAGES.items():
        for qid in list_questionnaires():
            page = context.new_page()
            page.clock.set_fixed_time(FIXED_NOW)
            page.goto(f"{site_url}{prefix}self-check/{qid}/")
            check = SelfCheckPage(page, qid, lang)
            for name, answers in answer_patterns(load_questionnaire(qid)).items():
                check.answer(answers)
                check.submit()
                check.wait_for_result()
                texts[(lang, qid, name)] = visible_texts(page, check)
                check.clear()
            page.close()
    context.close()
    guard(traffic, allowed=set())
    yield texts


def visible_texts(page: Page, check: SelfCheckPage) -> dict[str, str]:
    screen = check.result.inner_text()
    page.emulate_media(media="print")
    printed = check.result.inner_text()
    page.evaluate("document.documentElement.classList.add('selfcheck-print-summary')")
    summary = check.result.inner_text()
    page.evaluate("document.documentElement.classList.remove('selfcheck-print-summary')")
    page.emulate_media(media="screen")
    return {"result": screen, "print": printed, "summary": summary}


def compare(path: Path, text: str) -> None:
    text = text.rstrip() + "\n"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
        return
    assert path.is_file(), f"{path.name} is missing: run with UPDATE_GOLDEN=1 and review the new file"
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.name} changed: run with UPDATE_GOLDEN=1 and review the diff"
    )


@pytest.mark.parametrize(("lang", "qid", "name"), CASES)
def test_result_text_matches_golden(read_texts, lang: str, qid: str, name: str) -> None:
    for view, text in read_texts[(lang, qid, name)].items():
        compare(golden_dir(lang) / f"{qid}.{name}.{view}.txt", text)


@pytest.mark.parametrize(("lang", "qid", "name"), CASES)
def test_no_program_value_in_result_print_or_summary(read_texts, lang: str, qid: str, name: str) -> None:
    for view, text in read_texts[(lang, qid, name)].items():
        found = PROGRAM_VALUES.findall(text)
        assert not found, f"{lang} {qid} {name} {view}: {found}"


@pytest.mark.parametrize(
    ("lang", "sentences", "dated"),
    [
        ("en", "What I would like to say", "Made on March 14, 2026"),
        ("es", "Lo que me gustaría decir", "Hecho el 14 de marzo de 2026"),
    ],
)
def test_summary_and_print_are_dated(read_texts, lang: str, sentences: str, dated: str) -> None:
    lowest = read_texts[(lang, "alliance", "lowest")]
    assert sentences in lowest["summary"]
    assert dated in lowest["summary"]
    assert dated in lowest["print"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("qid", list_questionnaires())
def test_no_program_value_on_the_paper_version(page: Page, site_url: str, lang: str, qid: str) -> None:
    page.goto(f"{site_url}{LANGUAGES[lang]}self-check/paper/{qid}/")
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        text = page.locator("article").inner_text()
        assert not PROGRAM_VALUES.findall(text), (qid, media)


def test_every_golden_file_belongs_to_a_case() -> None:
    expected = {
        golden_dir(lang) / f"{qid}.{name}.{view}.txt"
        for lang, qid, name in CASES
        for view in ("result", "print", "summary")
    }
    found = {path for lang in LANGUAGES for path in golden_dir(lang).glob("*.txt")}
    stale = sorted(str(path.relative_to(GOLDEN)) for path in found - expected)
    assert not stale, f"golden files with no case (remove them): {stale}"
