"""Mobile first: the check works at 320 px and at 200% zoom, with targets of at least 24 px."""

import pytest
import yaml
from header_name import assert_shown_in_full
from playwright.sync_api import Browser, Page
from selfcheck_page import SelfCheckPage

from alliance_check import load_questionnaire
from sitebuild import PROJECT_ROOT

pytestmark = pytest.mark.browser

MIN_TARGET_PX = 24


def overflow_px(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("questionnaire_id", ["alliance", "check-in"])
def test_no_sideways_scrolling_at_320_px(browser: Browser, site_url: str, questionnaire_id: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + f"self-check/{questionnaire_id}/")
    assert overflow_px(page) <= 0
    context.close()


def test_200_percent_zoom_reflows_without_sideways_scrolling(browser: Browser, site_url: str) -> None:
    # 200% zoom of a 1280 px window lays out like a 640 px one at twice the size.
    context = browser.new_context(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    page = context.new_page()
    page.goto(site_url + "self-check/check-in/")
    assert overflow_px(page) <= 0
    context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_every_answer_target_is_at_least_24_px(browser: Browser, site_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for questionnaire_id in ["alliance", "check-in"]:
        page.goto(site_url + f"self-check/{questionnaire_id}/")
        sizes = page.locator("[data-selfcheck-form] label.selfcheck__choice").evaluate_all(
            "labels => labels.map(l => { const r = l.getBoundingClientRect(); return [r.width, r.height]; })"
        )
        assert sizes, questionnaire_id
        assert min(min(w, h) for w, h in sizes) >= MIN_TARGET_PX
    context.close()


def test_answers_can_be_chosen_by_tapping_the_words(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    item = load_questionnaire("check-in", "en").items[0]
    page.locator(f'fieldset[data-item="{item.id}"] label', has_text=item.scale.labels[item.scale.max]).first.tap()
    assert check.checked_answers() == {item.id: item.scale.max}
    context.close()


def test_the_templates_short_name_shows_in_full_on_a_phone(browser: Browser, site_url: str) -> None:
    """The practice.yml a new practice starts from has a short name that fits, not "Your the…"."""
    short_names = yaml.safe_load((PROJECT_ROOT / "practice.yml").read_text(encoding="utf-8"))["short_name"]
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    for lang, short_name in short_names.items():  # given per language: English at the root
        page.goto(site_url + ("" if lang == "en" else f"{lang}/"))
        assert_shown_in_full(page, short_name)
    context.close()
