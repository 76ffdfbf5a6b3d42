"""The Spanish site under /es/ in Chromium: the switcher, search, the check and the offline copy.

Every page here is also under the guard (tests/browser/conftest.py): no request
to another origin, no console error, no CSP violation, on the Spanish pages too.
"""

import re

import pytest
from playwright.sync_api import Page, expect
from selfcheck_page import ENGINE_TIMEOUT_MS

from alliance_check import load_questionnaire

pytestmark = pytest.mark.browser

SPANISH = "es/"
TRUST = "relationship/trust-and-safety/"
CHECK = "self-check/check-in/"
CHECK_IN = load_questionnaire("check-in", "es")
OFFLINE_COPY_READY = """async () => {
  for (let i = 0; i < 1200; i++) {
    const registration = await navigator.serviceWorker.getRegistration();
    if (registration && registration.active && !registration.installing && !registration.waiting) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}"""
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
    expect(page.locator('.md-select__link[hreflang="en"]')).to_have_attribute("href", site_url + TRUST)


def search(page: Page, words: str) -> list[str]:
    """The addresses of the search results for ``words`` on the page's site."""
    page.keyboard.press("s")
    page.locator(".md-search__input").fill(words)
    results = page.locator(".md-search-result__item a, .md-search-result__link")
    expect(results.first).to_be_visible(timeout=20_000)
    return [href for href in results.evaluate_all("links => links.map((link) => link.href)")]


def test_spanish_search_finds_spanish_pages_by_another_form_of_the_word_and_no_english_page(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + SPANISH)
    # "reparaciones" is not written on any page; "reparación" is: lunr's Spanish stemmer joins them.
    addresses = search(page, "reparaciones")
    assert addresses, "no result"
    assert all(address.startswith(site_url + SPANISH) for address in addresses), addresses
    assert any("strains-and-repair" in address for address in addresses), addresses
    # An English word finds no English page from the Spanish site.
    page.locator(".md-search__input").fill("trustworthy")
    page.wait_for_timeout(1000)
    english = page.locator(".md-search-result__item a").evaluate_all("links => links.map((link) => link.href)")
    assert not [address for address in english if not address.startswith(site_url + SPANISH)]


def test_a_spanish_check_starts_the_engine_from_the_sites_root_and_scores(
    page: Page, site_url: str, traffic
) -> None:
    page.goto(site_url + SPANISH + CHECK)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    root = page.locator('[data-selfcheck="check-in"]')
    for item in CHECK_IN.items:
        root.locator(f'input[name="check-in.{item.id}"][value="4"]').check()
    root.locator("[data-selfcheck-form] button[type=submit]").click()
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
