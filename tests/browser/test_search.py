"""The site's search: its index is downloaded only when the visitor goes to search, then search works at once."""

import re

from playwright.sync_api import Browser, Page, expect

INDEX = re.compile(r"/search/search_index\.json$")


def index_requests(traffic) -> list[str]:
    return [url for url in traffic.requests if INDEX.search(url)]


def test_reading_pages_never_downloads_the_search_index(page: Page, site_url: str, traffic) -> None:
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator("article").get_by_role("link", name=re.compile("trust", re.IGNORECASE)).first.click()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__sameDocument === true"), "the link was followed by instant navigation"
    assert index_requests(traffic) == []


def test_the_search_shortcut_downloads_the_index_once_and_finds_pages(page: Page, site_url: str, traffic) -> None:
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")  # the theme's search shortcut focuses the box
    page.keyboard.type("trust")
    expect(page.locator(".md-search-result__list li").first).to_be_visible()
    assert len(index_requests(traffic)) == 1


def test_a_tap_on_the_phones_search_button_downloads_the_index_and_finds_pages(
    browser: Browser, site_url: str, traffic
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + "es/")
    page.wait_for_load_state("networkidle")
    assert index_requests(traffic) == []
    page.locator("label[for='__search']").first.tap()
    page.locator(".md-search__input").fill("confianza")
    expect(page.locator(".md-search-result__list li").first).to_be_visible()
    assert [url for url in index_requests(traffic)] == [site_url + "es/search/search_index.json"]
    context.close()
