"""The walking skeleton in a real browser: Python answers from a worker, privately."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ENGINE_TIMEOUT_MS = 90_000


def test_python_answers_from_the_worker_under_a_subpath(page: Page, site_url: str, traffic) -> None:
    page.goto(site_url + "self-check/")
    page.get_by_role("button", name="Start private scoring").click()
    output = page.locator("[data-engine-output]")
    expect(output).to_have_text(re.compile(r"on Python 3\.14\.\d+ \(emscripten\)"), timeout=ENGINE_TIMEOUT_MS)
    assert any(url.endswith(".whl") for url in traffic.requests), "the wheel was not fetched"
    assert traffic.off_origin() == []
    assert traffic.errors == []


def test_check_page_works_after_instant_navigation(page: Page, site_url: str, traffic) -> None:
    page.goto(site_url)
    page.wait_for_load_state("networkidle")  # the theme intercepts links once it has read the sitemap
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Self-check").first.click()
    expect(page).to_have_url(site_url + "self-check/")
    assert page.evaluate("window.__sameDocument === true"), "the link caused a full page load"
    page.get_by_role("button", name="Start private scoring").click()
    expect(page.locator("[data-engine-output]")).to_have_text(re.compile("Python 3.14"), timeout=ENGINE_TIMEOUT_MS)
    assert traffic.errors == []


def test_pages_without_a_check_fetch_no_part_of_pyodide(page: Page, site_url: str, traffic) -> None:
    page.goto(site_url)
    page.goto(site_url + "self-check/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in traffic.requests if "/pyodide/" in url or url.endswith("worker.js")]
    assert traffic.off_origin() == []
