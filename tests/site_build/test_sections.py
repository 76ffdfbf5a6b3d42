"""A section a practice turns off is gone: no page, menu entry, link, heading, sitemap or search entry."""

from pathlib import Path

import pytest
import yaml
from building import run_build
from site_crawl import broken_links, search_locations, sitemap_pages

from sitebuild import PROJECT_ROOT, words
from sitebuild.practice import SECTIONS

EXAMPLE = PROJECT_ROOT / "examples" / "riverside" / "practice.yml"
SITE_URL = "http://127.0.0.1:8000/practice-site/"

# The built folder of each section's pages, and the home page heading that leads to it.
SECTION_PAGES = {
    "thinking_about_therapy": ("thinking-about-therapy/", "If you are thinking about therapy"),
    "in_therapy": (None, "If you are in therapy now"),
    "for_therapists": ("for-therapists/", "If you are a therapist or run a practice"),
    "handouts": ("handouts/", "Handouts to print"),
}


@pytest.fixture(scope="module", params=list(SECTIONS))
def site_without(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    section = request.param
    settings = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    settings["sections"] = {key: key != section for key in SECTIONS}
    folder = tmp_path_factory.mktemp(f"without-{section}")
    practice_file = folder / "practice.yml"
    practice_file.write_text(yaml.safe_dump(settings), encoding="utf-8")
    completed = run_build(folder / "site", SITE_URL, practice_file)
    assert completed.returncode == 0, completed.stderr
    return section, folder / "site"


def test_every_section_is_described() -> None:
    assert set(SECTION_PAGES) == set(SECTIONS)


def test_a_hidden_sections_pages_are_not_built_listed_or_indexed(site_without: tuple[str, Path]) -> None:
    section, site = site_without
    folder, _ = SECTION_PAGES[section]
    if folder is None:
        return
    assert not (site / folder).exists()
    assert not [path for path in sitemap_pages(site) if path.startswith(f"/practice-site/{folder}")]
    assert not [location for location in search_locations(site) if location.startswith(folder)]
    # In Spanish too (mkdocs.es.yml names the section by its Spanish title).
    assert (site / "es").is_dir() and not (site / "es" / folder).exists()
    assert not [location for location in search_locations(site / "es") if location.startswith(folder)]
    for other, (other_folder, _) in SECTION_PAGES.items():
        if other != section and other_folder:
            assert list((site / other_folder).rglob("index.html")), f"{other} should still be there"


def test_no_link_or_table_of_contents_leads_to_a_missing_page(site_without: tuple[str, Path]) -> None:
    _, site = site_without
    assert broken_links(site) == []


def test_the_home_page_and_menu_leave_out_the_hidden_section(site_without: tuple[str, Path]) -> None:
    section, site = site_without
    home = (site / "index.html").read_text(encoding="utf-8")
    _, heading = SECTION_PAGES[section]
    assert heading not in home  # neither the heading nor its entry in the table of contents
    for other, (_, other_heading) in SECTION_PAGES.items():
        if other != section:
            assert other_heading in home
    if section != "in_therapy":
        title = words.catalogue("en").section("sections")[section]
        assert f">{title}" not in _navigation(home)
        assert title not in _navigation((site / "privacy" / "index.html").read_text())


def _navigation(html: str) -> str:
    """The site's menu (the primary sidebar), as HTML."""
    start = html.index("md-sidebar--primary")
    return html[start : html.index("md-sidebar--secondary", start)]


def test_the_staff_guide_is_not_part_of_the_site(site_without: tuple[str, Path]) -> None:
    _, site = site_without
    assert not (site / "practices").exists() and not (site / "PUBLISHING").exists()
    assert not [location for location in search_locations(site) if "publish" in location.lower()]
