"""The Spanish site under /es/ in Chromium: the switcher, search, the check and the offline copy.

Every page here is also under the guard (tests/browser/conftest.py): no request
to another origin, no console error, no CSP violation, on the Spanish pages too.
"""

import re
import tomllib

import pytest
import yaml
from conftest import GuardedBrowser
from header_name import PHONE_WIDTHS, assert_shown_in_full
from offline_copy import OFFLINE_COPY_READY
from playwright.sync_api import Page, expect
from selfcheck_page import ENGINE_TIMEOUT_MS

from alliance_check import load_questionnaire
from sitebuild import PROJECT_ROOT

pytestmark = pytest.mark.browser

SPANISH = "es/"
TRUST = "relationship/trust-and-safety/"
CHECK = "self-check/check-in/"
CHECK_IN = load_questionnaire("check-in", "es")
SHORT_NAMES = yaml.safe_load((PROJECT_ROOT / "practice.yml").read_text(encoding="utf-8"))["short_name"]
SPANISH_WORDS = tomllib.loads((PROJECT_ROOT / "overrides" / "words" / "es.toml").read_text(encoding="utf-8"))
# A mark on the window: it survives instant navigation (same document) and not a full page load.
MARK_WINDOW = "window.__sameDocument = true"
SAME_WINDOW = "window.__sameDocument === true"


def switch_language(page: Page, code: str) -> None:
    """Open the header's language selector and choose ``code``, as a visitor would."""
    page.locator(".md-header .md-select > button").hover()
    page.locator(f'.md-select__link[hreflang="{code}"]').click()


def test_the_switcher_leads_to_the_same_page_in_the_other_language_and_back(page: Page, site_url: str) -> None:
    page.goto(site_url + TRUST)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.evaluate(MARK_WINDOW)
    switch_language(page, "es")
    expect(page).to_have_url(site_url + SPANISH + TRUST)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Confianza y seguridad"))
    # A full page load: instant navigation never swaps a page of the other language into this one.
    assert not page.evaluate(SAME_WINDOW)
    page.evaluate(MARK_WINDOW)
    switch_language(page, "en")
    expect(page).to_have_url(site_url + TRUST)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Trust and safety"))
    assert not page.evaluate(SAME_WINDOW)


def test_instant_navigation_keeps_working_within_spanish(page: Page, site_url: str) -> None:
    page.goto(site_url + SPANISH)
    page.wait_for_load_state("networkidle")
    page.evaluate(MARK_WINDOW)
    page.locator(f'.md-nav a[href$="{TRUST}"]').first.click()
    expect(page).to_have_url(site_url + SPANISH + TRUST)
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Confianza y seguridad"))
    assert page.evaluate(SAME_WINDOW), "the Spanish page was not loaded by instant navigation"
    # And the selector, after an instant page change, still leads to this page in English.
    english = page.locator('.md-select__link[hreflang="en"]').evaluate("link => link.href")
    assert english == site_url + TRUST


def search(page: Page, words: str) -> list[str]:
    """The pages (addresses without a fragment) the site's search lists for ``words``, typed as a visitor does."""
    page.keyboard.press("/")  # the theme's search shortcut
    page.locator(".md-search__input").fill("")
    page.keyboard.type(words)
    expect(page.locator(".md-search-result__meta")).not_to_have_text(re.compile(r"^\s*$"), timeout=20_000)
    page.wait_for_timeout(500)
    links = page.locator(".md-search-result__list li a").evaluate_all("links => links.map((link) => link.href)")
    return sorted({link.split("#")[0] for link in links})


# Measured with Material 9.8.1: lunr's Spanish stemmer runs on the pages' words when the index is built,
# but Material adds a trailing wildcard to every query term, and lunr runs no pipeline (so no stemmer) on
# a wildcard term. A query therefore finds a word by its own form or a beginning of the indexed stem
# ("confiar", "reparación", "reparar"), not by another inflection ("reparaciones", "reparando").
def test_spanish_search_finds_spanish_pages_and_no_english_page(page: Page, site_url: str) -> None:
    page.goto(site_url + SPANISH)
    for word, expected in (("confianza", TRUST), ("reparar", "relationship/strains-and-repair/")):
        found = search(page, word)
        assert site_url + SPANISH + expected in found, (word, found)
        assert all(address.startswith(site_url + SPANISH) for address in found), (word, found)
    # Words of the English pages find no English page from the Spanish site.
    for word in ("relationship", "therapist"):
        assert not [address for address in search(page, word) if not address.startswith(site_url + SPANISH)]


def test_a_spanish_check_starts_the_engine_from_the_sites_root_and_scores(page: Page, site_url: str, traffic) -> None:
    page.goto(site_url + SPANISH + CHECK)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    root = page.locator('[data-selfcheck="check-in"]')
    for item in CHECK_IN.items:
        root.locator(f'input[name="check-in.{item.id}"][value="4"]').check()
    root.locator("[data-selfcheck-submit]").click()
    result = root.locator("[data-selfcheck-result]")
    expect(result.get_by_role("heading", level=2).first).to_be_visible(timeout=ENGINE_TIMEOUT_MS)
    runtime = [url for url in traffic.requests if "/pyodide/" in url]
    assert runtime, "the engine downloaded nothing"
    # One runtime for the whole site: never a copy under /es/.
    assert all(url.startswith(site_url + "pyodide/") for url in runtime), runtime
    # The result is in Spanish: its words come from the package's Spanish texts.
    assert result.inner_text().strip()
    expect(result).to_contain_text(re.compile("terapeuta|relación|sesión", re.IGNORECASE))


def test_the_offline_copy_kept_from_a_spanish_page_serves_the_spanish_pages_offline(page: Page, site_url: str) -> None:
    page.goto(site_url + SPANISH + "privacy/")
    page.locator("[data-offline-keep]").click()
    expect(page.locator("[data-offline-remove]")).to_be_visible(timeout=ENGINE_TIMEOUT_MS)
    assert page.evaluate(OFFLINE_COPY_READY), "the offline copy was not saved"
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.scope)")
    assert scope == site_url, "the copy is not the whole site's"
    page.context.set_offline(True)
    try:
        page.goto(site_url + SPANISH + TRUST)
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Confianza y seguridad"))
        page.goto(site_url + TRUST)
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Trust and safety"))
    finally:
        page.context.set_offline(False)
    page.goto(site_url + SPANISH + "privacy/")
    page.locator("[data-offline-remove]").click()
    expect(page.locator("[data-offline-keep]")).to_be_visible()


def test_the_selector_works_by_keyboard_and_names_each_language_in_its_own(page: Page, site_url: str) -> None:
    page.goto(site_url + SPANISH + TRUST)
    page.get_by_role("button", name="Seleccionar idioma").focus()
    page.keyboard.press("Tab")
    english = page.locator('.md-select__link[hreflang="en"]')
    expect(english).to_be_focused()
    expect(english).to_be_visible()
    # A screen reader says each name in its own language; the page's own language is the current one.
    expect(english).to_have_attribute("lang", "en")
    expect(english).not_to_have_attribute("aria-current", re.compile(".*"))
    expect(page.locator('.md-select__link[hreflang="es"]')).to_have_attribute("aria-current", "page")
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + TRUST)
    expect(page.locator('.md-select__link[hreflang="en"]')).to_have_attribute("aria-current", "page")


@pytest.mark.parametrize("width", PHONE_WIDTHS)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_short_name_shows_in_full_beside_the_language_selector(
    browser: GuardedBrowser, site_url: str, lang: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    page.goto(site_url + ("" if lang == "en" else f"{lang}/"))
    expect(page.locator(".md-header .md-select > button")).to_be_visible()
    assert_shown_in_full(page, SHORT_NAMES[lang])
    context.close()


def test_the_compare_files_button_speaks_the_pages_language(page: Page, site_url: str) -> None:
    """The browser's own file button would say "Choose Files" in the browser's language: the label is the button."""
    page.goto(site_url + SPANISH + CHECK)
    label = page.locator(".history__picker label")
    expect(label).to_have_text(SPANISH_WORDS["history"]["compare"])
    expect(label).to_be_visible()
    box = page.locator(".history__picker input[type=file]").bounding_box()
    assert box is not None and box["width"] <= 1 and box["height"] <= 1, box
    assert label.bounding_box()["height"] >= 24  # WCAG 2.2 target size
    with page.expect_file_chooser():
        label.click()
    with page.expect_file_chooser():
        page.get_by_label(SPANISH_WORDS["history"]["compare"]).focus()
        page.keyboard.press("Enter")
