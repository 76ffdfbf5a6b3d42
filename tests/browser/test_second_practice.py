"""A second practice, defined only here: pale primary colour, custom domain, a team of three, two pages
of its own and one section off. Built with its own docs folder, served under a subpath and crawled in
Chromium: every page loads, no broken internal link, no off-origin request, the practice's name in every
title and description, the team page present, the section gone."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from building import SUBPATH, build_site
from PIL import Image
from playwright.sync_api import Page, expect
from site_crawl import broken_links, search_locations, sitemap_pages

from dev.serve import serve_in_background
from sitebuild import PROJECT_ROOT, palette

pytestmark = pytest.mark.browser

NAME = "Harbour Light Counselling Centre of Halifax"
SHORT = "Harbour Light"
PALE = "#fff3b0"
SETTINGS = {
    "name": NAME,
    "short_name": SHORT,
    "region": "Halifax, Nova Scotia",
    "colours": {"primary": PALE, "accent": "#ffcc00"},
    "contact": {"phone": "+1 902 555 0143 ext. 2", "address": "1234 Barrington Street #300, Halifax"},
    "sections": {"handouts": False},
    "domain": "therapy.harbourlight.example",
    "team": [
        {
            "name": "Amira Haddad",
            "pronouns": "she/her",
            "credentials": "MSW, RSW",
            "bio": "Amira works with adults and couples.",
            "languages": ["English", "Arabic"],
            "photo": "practice/images/amira.png",
            "accepting_new_clients": True,
        },
        {"name": "Jean-Luc Arsenault", "pronouns": "he/him", "languages": "English, French"},
        {"name": "Sam Whitehead", "credentials": "Registered Psychologist", "accepting_new_clients": False},
    ],
}
OWN_PAGES = {
    "practice/fees.md": "---\ndescription: What sessions cost.\n---\n\n# Fees and insurance\n\nSessions cost $150.\n",
    "practice/getting-here.md": "# Getting here\n\nWe are on the third floor. See [our team](team.md).\n",
}


@pytest.fixture(scope="module")
def second_practice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    root = tmp_path_factory.mktemp("harbour")
    docs = root / "docs"
    shutil.copytree(PROJECT_ROOT / "docs", docs)
    for path, text in OWN_PAGES.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    (docs / "practice" / "images").mkdir()
    _write_png(docs / "practice" / "images" / "amira.png")
    (root / "practice.yml").write_text(yaml.safe_dump(SETTINGS, allow_unicode=True), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {PROJECT_ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        f"hooks:\n  - {PROJECT_ROOT / 'scripts' / 'mkdocs_hooks.py'}\n"
        f"theme:\n  custom_dir: {PROJECT_ROOT / 'overrides'}\n",
        encoding="utf-8",
    )
    site = root / "site"
    server, url = serve_in_background(site, SUBPATH)
    build_site(site, url, root / "practice.yml", config)
    yield site, url
    server.shutdown()


def _write_png(path: Path) -> None:
    Image.new("RGB", (240, 240), "#336699").save(path)


@pytest.fixture
def site_url(second_practice: tuple[Path, str]) -> str:
    return second_practice[1]


def pages_of(site: Path) -> list[str]:
    return sorted(
        page.relative_to(site).parent.as_posix() + "/"
        for page in site.rglob("index.html")
        if page.relative_to(site).parts[0] not in ("pyodide", "assets")
    )


def test_the_built_site_has_no_broken_link_and_no_hidden_section(second_practice: tuple[Path, str]) -> None:
    site, _ = second_practice
    assert broken_links(site) == []
    assert not (site / "handouts").exists()
    assert not [path for path in sitemap_pages(site) if "handouts" in path]
    assert not [location for location in search_locations(site) if location.startswith("handouts")]
    # The address is the practice's domain, not the preview's, in the sitemap.
    assert all(path.startswith("/") for path in sitemap_pages(site))
    assert (site / "CNAME").read_text() == "therapy.harbourlight.example\n"


def test_every_page_loads_names_the_practice_and_asks_nothing_of_another_site(
    page: Page, second_practice: tuple[Path, str], traffic
) -> None:
    site, url = second_practice
    paths = [path.removeprefix("./") for path in pages_of(site)]
    assert "practice/team/" in paths and "practice/fees/" in paths and "practice/getting-here/" in paths
    for path in paths:
        response = page.goto(url + ("" if path == "./" else path))
        assert response and response.ok, path
        assert NAME in page.title(), path
        description = page.locator('meta[name="description"]').get_attribute("content") or ""
        assert NAME in description, (path, description)
    assert traffic.off_origin() == []
    assert traffic.errors == []


def test_the_team_page_and_own_pages_are_in_the_menu_under_the_practice(
    page: Page, second_practice: tuple[Path, str]
) -> None:
    _, url = second_practice
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url)
    menu = page.locator(".md-nav--primary")
    for title in ("Our team", "Fees and insurance", "Getting here"):
        expect(menu.get_by_role("link", name=title, exact=True)).to_have_count(1)
    expect(menu).not_to_contain_text("Handouts")
    page.get_by_role("link", name="Meet our team").click()
    expect(page.get_by_role("heading", name="Our team", level=1)).to_be_visible()
    for person in ("Amira Haddad", "Jean-Luc Arsenault", "Sam Whitehead"):
        expect(page.get_by_role("heading", name=person, level=2)).to_be_visible()
    expect(page.locator("article")).to_contain_text("Languages: English, French")
    expect(page.locator("article")).to_contain_text("Accepting new clients")
    expect(page.locator("article")).to_contain_text("Not accepting new clients right now")
    photo = page.locator(".practice-team__photo")
    expect(photo).to_have_count(1)
    assert photo.evaluate("image => image.complete && image.naturalWidth > 0")


def test_a_pale_brand_colour_gets_dark_header_text_and_the_short_name_on_a_phone(
    page: Page, second_practice: tuple[Path, str]
) -> None:
    _, url = second_practice
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url)
    header = page.locator(".md-header")
    background = header.evaluate("element => getComputedStyle(element).backgroundColor")
    colour = header.evaluate("element => getComputedStyle(element).color")
    assert background == "rgb(255, 243, 176)"
    assert colour == "rgb(26, 26, 26)"
    assert palette.contrast(PALE, palette.NEAR_BLACK) >= palette.AA_TEXT
    title = page.locator(".md-header__topic").first
    expect(title.locator(".practice-name--short")).to_be_visible()
    expect(title.locator(".practice-name--short")).to_have_text(SHORT)
    expect(title.locator(".practice-name--full")).to_be_hidden()
    # The first screen names the practice and its region and offers the call to action.
    lead = page.locator(".practice-welcome__lead")
    expect(lead).to_have_text(f"{NAME}, Halifax, Nova Scotia")
    expect(lead).to_be_in_viewport()
    call = page.get_by_role("link", name="Call +1 902 555 0143 ext. 2")
    expect(call).to_have_attribute("href", "tel:+19025550143;ext=2")
    expect(call).to_be_in_viewport()
