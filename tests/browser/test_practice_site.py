"""A practice's own site, built from the example settings and served under a subpath."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from building import SUBPATH, build_site
from playwright.sync_api import Page, expect
from selfcheck_page import SelfCheckPage

from alliance_check import load_questionnaire
from dev.serve import serve_in_background
from sitebuild import PROJECT_ROOT

pytestmark = pytest.mark.browser

EXAMPLE = PROJECT_ROOT / "examples" / "riverside" / "practice.yml"
NAME = "Riverside Counselling Collective"
EMAIL = "hello@riverside-counselling.example"


@pytest.fixture(scope="module")
def practice_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site_dir = tmp_path_factory.mktemp("riverside") / "site"
    server, url = serve_in_background(site_dir, SUBPATH)
    build_site(site_dir, url, EXAMPLE)
    yield url
    server.shutdown()


@pytest.fixture
def site_url(practice_url: str) -> str:
    """The traffic recorder's origin follows this site."""
    return practice_url


def test_name_and_contact_appear_in_header_footer_title_and_meta(page: Page, practice_url: str) -> None:
    page.goto(practice_url)
    expect(page).to_have_title(re.compile(NAME))
    expect(page.locator(".md-header")).to_contain_text(NAME)
    footer = page.locator(".md-footer")
    expect(footer).to_contain_text(NAME)
    expect(footer.get_by_role("link", name=EMAIL)).to_have_attribute("href", f"mailto:{EMAIL}")
    expect(footer.get_by_role("link", name="Book an appointment")).to_be_visible()
    description = page.locator('meta[name="description"]').get_attribute("content")
    assert description
    page.goto(practice_url + "privacy/")
    expect(page).to_have_title(re.compile(f"Privacy - {NAME}"))


def test_home_page_invites_contact_and_hides_the_therapists_section(page: Page, practice_url: str) -> None:
    page.goto(practice_url)
    article = page.locator("article")
    expect(article.get_by_role("heading", name=f"Talk to {NAME}")).to_be_visible()
    # On the first screen, and again with the other ways to get in touch.
    first_screen = article.get_by_role("link", name="Book an appointment", exact=True)
    expect(first_screen).to_have_attribute("href", "https://riverside-counselling.example/book")
    expect(first_screen).to_be_in_viewport()
    expect(article.get_by_role("link", name=f"Book an appointment with {NAME}")).to_have_attribute(
        "href", "https://riverside-counselling.example/book"
    )
    expect(article.get_by_role("heading", name="If you are a therapist or run a practice")).to_have_count(0)
    expect(page.locator(".md-nav--primary")).not_to_contain_text("For therapists")
    expect(page.locator(".md-nav--primary")).to_contain_text("The relationship")


def test_help_page_lists_the_practices_crisis_lines(page: Page, practice_url: str) -> None:
    page.goto(practice_url + "get-help-now/")
    lines = page.locator("article .crisis-lines")
    expect(lines).to_contain_text("Riverton Crisis Line")
    expect(lines.get_by_role("link", name="01632 960 999")).to_have_attribute("href", "tel:01632960999")
    expect(lines).to_contain_text("Text: CALM to 60123")


def test_result_offers_the_practices_contact_and_crisis_lines(page: Page, practice_url: str, traffic) -> None:
    page.goto(practice_url + "self-check/alliance/")
    check = SelfCheckPage(page, "alliance")
    items = load_questionnaire("alliance", "en").items
    safety_item = next(item for item in items if item.safety and not item.reverse)
    check.answer({item.id: (item.scale.min if item.id == safety_item.id else item.scale.max) for item in items})
    check.submit()
    check.wait_for_result()
    expect(check.result.locator(".selfcheck-result__contact")).to_contain_text(f"You can also contact {NAME}")
    expect(check.result.get_by_role("link", name=EMAIL)).to_be_visible()
    # The safety note keeps the emergency numbers; the practice's crisis lines follow, first in their list.
    expect(check.result.locator(".selfcheck-result__safety a[href^='tel:']").first).to_be_visible()
    expect(check.result.locator(".selfcheck-result__crisis li").first).to_contain_text("Riverton Crisis Line")
    assert traffic.off_origin() == []
    assert traffic.errors == []


def test_every_page_loads_with_no_request_elsewhere(page: Page, practice_url: str, traffic, tmp_path: Path) -> None:
    # Each language's site has its own sitemap: English at the root, Spanish under es/.
    locations = []
    for language_root in ("", "es/"):
        page.goto(practice_url + language_root + "sitemap.xml")
        found = re.findall(r"<loc>([^<]+)</loc>", page.content())
        assert len(found) > 20, language_root
        locations += found
    for location in locations:
        response = page.goto(location)
        assert response and response.ok, location
        expect(page.locator("h1")).to_have_count(1)
    assert traffic.off_origin() == []
    assert traffic.errors == []
