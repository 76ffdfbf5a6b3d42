"""A practice's short name of the longest kind (24 characters) shows in full in a phone's header."""

from collections.abc import Iterator

import pytest
import yaml
from building import SUBPATH, build_site
from header_name import PHONE_WIDTHS, assert_shown_in_full
from playwright.sync_api import Browser

from dev.serve import serve_in_background
from sitebuild import PROJECT_ROOT
from sitebuild.practice import TEXT_LIMITS

pytestmark = pytest.mark.browser

SHORT = "Harbourlight Counselling"


@pytest.fixture(scope="module")
def harbourlight(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("harbourlight")
    settings = yaml.safe_load((PROJECT_ROOT / "practice.yml").read_text(encoding="utf-8"))
    settings.update(name="Harbourlight Counselling Centre of Halifax", short_name=SHORT)
    (root / "practice.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    server, url = serve_in_background(root / "site", SUBPATH)
    build_site(root / "site", url, root / "practice.yml")
    yield url
    server.shutdown()


@pytest.fixture
def site_url(harbourlight: str) -> str:
    return harbourlight


def test_the_name_is_as_long_as_a_short_name_may_be() -> None:
    assert len(SHORT) == TEXT_LIMITS["short_name"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_a_24_character_short_name_shows_in_full_on_a_phone(
    browser: Browser, site_url: str, width: int, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 740}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url)
    assert_shown_in_full(page, SHORT)
    context.close()


def test_nothing_spills_sideways_at_320_px(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    context.close()
