"""The result and the scales as people see them: position on a phone, paper pages, crisis links, contrast."""

import re

import pytest
from playwright.sync_api import Browser, Page
from selfcheck_page import SelfCheckPage

from alliance_check import list_questionnaires, load_questionnaire

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# About two screens of a 390 px phone: the first thing to say must be within them.
FIRST_STARTER_WITHIN_PX = 1700
# One page for the short checks, at most two for the relationship check (15 questions).
SUMMARY_PAGES = {"check-in": 1, "first-sessions": 1, "alliance": 2}


def lowest_answers(qid: str) -> dict[str, int]:
    questionnaire = load_questionnaire(qid)
    low, high = questionnaire.scale.min, questionnaire.scale.max
    return {item.id: high if item.reverse else low for item in questionnaire.items}


def show_result(page: Page, site_url: str, qid: str, answers: dict[str, int]) -> SelfCheckPage:
    page.goto(f"{site_url}self-check/{qid}/")
    check = SelfCheckPage(page, qid)
    check.answer(answers)
    check.submit()
    check.wait_for_result()
    return check


def pdf_pages(pdf: bytes) -> int:
    """Pages in a PDF Chromium wrote (its page tree's /Count; Skia writes one page tree)."""
    counts = [int(count) for count in re.findall(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", pdf, re.DOTALL)]
    assert counts, "no page tree found in the PDF"
    return max(counts)


@pytest.mark.parametrize("qid", list_questionnaires())
def test_first_conversation_starter_is_within_two_phone_screens(browser: Browser, site_url: str, qid: str) -> None:
    context = browser.new_context(viewport=PHONE)
    check = show_result(context.new_page(), site_url, qid, lowest_answers(qid))
    distance = check.result.evaluate(
        """result => result.querySelector("[data-starter]").getBoundingClientRect().top
                    - result.querySelector("h2").getBoundingClientRect().top"""
    )
    assert 0 < distance <= FIRST_STARTER_WITHIN_PX, distance
    context.close()


@pytest.mark.parametrize("qid", list_questionnaires())
def test_the_summary_fits_its_pages_on_a4_and_letter(browser: Browser, site_url: str, qid: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    check = show_result(page, site_url, qid, lowest_answers(qid))
    page.emulate_media(media="print")
    page.evaluate("document.documentElement.classList.add('selfcheck-print-summary')")
    for paper in ("A4", "Letter"):
        assert pdf_pages(page.pdf(format=paper)) <= SUMMARY_PAGES[qid], (qid, paper)
    assert check.result.locator(".selfcheck-summary").is_visible()
    context.close()


def test_unticked_sentences_are_left_out_of_the_summary(page: Page, site_url: str) -> None:
    check = show_result(page, site_url, "check-in", lowest_answers("check-in"))
    boxes = check.result.locator("[data-starter]")
    assert boxes.count() > 1 and all(boxes.nth(i).is_checked() for i in range(boxes.count()))
    dropped = boxes.first.get_attribute("value")
    boxes.first.uncheck()
    page.emulate_media(media="print")
    page.evaluate("document.documentElement.classList.add('selfcheck-print-summary')")
    summary = check.result.locator(".selfcheck-summary").inner_text()
    assert dropped not in summary
    assert boxes.nth(1).get_attribute("value") in summary


def test_links_in_a_result_say_that_coming_back_clears_it(page: Page, site_url: str) -> None:
    check = show_result(page, site_url, "check-in", lowest_answers("check-in"))
    notice = check.result.locator(".selfcheck-result__leaving")
    assert "cleared when you come back" in notice.inner_text()
    # Every "Read more" link follows the notice and opens in the same tab.
    read_more = check.result.get_by_role("link", name=re.compile("^Read more"))
    assert read_more.count() > 0
    for i in range(read_more.count()):
        assert read_more.nth(i).get_attribute("target") is None


@pytest.mark.parametrize("path", ["get-help-now/", ""])
def test_emergency_numbers_are_tel_links_in_a_body_size_danger_box(browser: Browser, site_url: str, path: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + path)
    box = page.locator(".admonition.danger.crisis-box").first
    hrefs = box.locator("a[href^='tel:']").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert hrefs == ["tel:112", "tel:911", "tel:999", "tel:000", "tel:111"]
    body_size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset > p')).fontSize)")
    box_size = box.locator("p").nth(1).evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    assert box_size >= body_size
    context.close()


def test_help_page_lists_named_lines_with_phone_and_text_links(page: Page, site_url: str) -> None:
    page.goto(site_url + "get-help-now/")
    lines = page.locator("ul.crisis-lines")
    assert lines.locator("a[href='tel:988']").count() >= 1
    assert lines.locator("a[href='sms:988']").count() >= 1
    assert lines.locator("a[href='tel:116123']").count() == 1
    text = page.locator("article").inner_text()
    for expected in (
        "already hurt yourself or taken an overdose",
        "Feelings like this can pass",
        "NHS 111",
        "Befrienders Worldwide",
    ):
        assert expected in text


@pytest.mark.parametrize("width", [390, 1280])
def test_five_word_scales_keep_their_order(browser: Browser, site_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + "self-check/alliance/")
    boxes = (
        page.locator("fieldset[data-item]")
        .first.locator("label.selfcheck__choice")
        .evaluate_all(
            "labels => labels.map(label => { const r = label.getBoundingClientRect(); return [r.left, r.top]; })"
        )
    )
    rows = {round(top) for _, top in boxes}
    columns = {round(left) for left, _ in boxes}
    assert len(rows) == 1 or len(columns) == 1, boxes  # one row or one column, never 2-2-1
    context.close()


CONTRAST = """
([node, against]) => {
  const canvas = document.createElement("canvas").getContext("2d");
  const rgb = (colour) => {
    canvas.fillStyle = colour;
    canvas.fillRect(0, 0, 1, 1);
    return [...canvas.getImageData(0, 0, 1, 1).data].slice(0, 3);
  };
  const channel = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const luminance = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const a = luminance(rgb(node)), b = luminance(rgb(against));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
"""


def contrast(page: Page, colour: str, against: str) -> float:
    return page.evaluate(CONTRAST, [colour, against])


def page_background(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_a_chosen_answer_stands_out_in_both_palettes(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for qid, value in (("check-in", 4), ("alliance", 3)):
        page.goto(f"{site_url}self-check/{qid}/")
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        SelfCheckPage(page, qid).choice(load_questionnaire(qid).items[0].id, value).check()
        chosen = page.locator("label.selfcheck__choice:has(input:checked)")
        fill = chosen.evaluate("label => getComputedStyle(label).backgroundColor")
        assert contrast(page, fill, page_background(page)) >= 3, (qid, scheme, fill)
    context.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_chart_bars_and_labels_read_on_a_phone(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    check = show_result(page, site_url, "alliance", {item.id: 4 for item in load_questionnaire("alliance").items})
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    chart = check.result.locator("svg.selfcheck-chart")
    heights = chart.locator("text").evaluate_all("texts => texts.map(t => t.getBoundingClientRect().height)")
    # The font size in the SVG's units, times the scale the SVG is drawn at.
    font_px = chart.locator("text").first.evaluate(
        """t => parseFloat(getComputedStyle(t).fontSize)
               * t.ownerSVGElement.getBoundingClientRect().width / t.ownerSVGElement.viewBox.baseVal.width"""
    )
    assert font_px >= 12, font_px
    assert min(heights) > 0
    bar = chart.locator(".selfcheck-chart__bar").first.evaluate("bar => getComputedStyle(bar).fill")
    assert contrast(page, bar, page_background(page)) >= 3, (scheme, bar)
    context.close()
