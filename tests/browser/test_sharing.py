"""The sharing kit in Chromium: QR codes that scan, posters and handouts that print on one page, a share button."""

import io
import re
from urllib.parse import urlsplit

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from alliance_check import list_questionnaires
from sitebuild import PROJECT_ROOT, print_address
from sitebuild.link_preview import short_address

pytestmark = pytest.mark.browser

CHECKS = list_questionnaires()
HANDOUTS = [
    f"handouts/{source.stem}/"
    for source in sorted((PROJECT_ROOT / "docs" / "handouts").glob("*.md"))
    if print_address.is_printed(f"handouts/{source.name}")
]
PRINTED = [*HANDOUTS, *(f"self-check/paper/{check}/" for check in CHECKS)]
PAPER_SIZES = ["A4", "Letter"]


def decoded(code: Locator) -> list[str]:
    """What a phone camera reads from the QR code on screen."""
    with Image.open(io.BytesIO(code.screenshot())) as shot:
        return [result.text for result in zxingcpp.read_barcodes(shot)]


def pages_in(pdf: bytes) -> int:
    """The number of pages in a PDF that Chromium wrote (each page is one /Type /Page object)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@pytest.mark.parametrize("path", PRINTED)
def test_printed_pages_carry_a_qr_code_to_their_own_address(page: Page, site_url: str, path: str) -> None:
    page.set_viewport_size({"width": 800, "height": 1100})
    page.goto(site_url + path)
    page.emulate_media(media="print")
    block = page.locator(".print-address")
    expect(block).to_be_visible()
    assert decoded(block.locator("svg")) == [site_url + path]
    expect(block).to_contain_text(short_address(site_url + path))
    footer = page.locator(".print-footer")
    expect(footer).to_be_visible()
    expect(footer).to_contain_text(short_address(site_url))
    # On screen, neither shows.
    page.emulate_media(media="screen")
    expect(block).to_be_hidden()
    expect(footer).to_be_hidden()


@pytest.mark.parametrize("check", CHECKS)
def test_each_poster_scans_to_its_check_and_prints_on_one_page_of_each_size(
    page: Page, site_url: str, check: str
) -> None:
    page.goto(site_url + f"self-check/poster/{check}/")
    assert decoded(page.locator(".poster__code svg")) == [site_url + f"self-check/{check}/"]
    for size in PAPER_SIZES:
        assert pages_in(page.pdf(format=size)) == 1, size
    # Printed at the size a browser's print dialog uses, the code still scans.
    page.emulate_media(media="print")
    expect(page.locator(".poster-intro")).to_be_hidden()
    assert decoded(page.locator(".poster__code svg")) == [site_url + f"self-check/{check}/"]


@pytest.mark.parametrize("path", HANDOUTS)
def test_each_handout_prints_on_one_page_of_each_size(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    for size in PAPER_SIZES:
        assert pages_in(page.pdf(format=size)) == 1, size


def test_the_therapists_page_links_each_poster_and_gives_messages_with_the_sites_addresses(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "for-therapists/")
    posters = page.locator(".sharing-posters a")
    expect(posters).to_have_count(len(CHECKS))
    for index in range(len(CHECKS)):
        assert posters.nth(index).evaluate("a => a.href").startswith(site_url + "self-check/poster/")
    messages = page.locator(".client-message__text")
    expect(messages.first).to_contain_text(site_url)
    expect(page.locator(".client-messages")).to_contain_text(site_url + "self-check/check-in/")
    expect(page.locator(".client-messages")).to_contain_text(site_url + "self-check/first-sessions/")


@pytest.fixture
def clipboard_context(context: BrowserContext, site_url: str) -> BrowserContext:
    parts = urlsplit(site_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=f"{parts.scheme}://{parts.netloc}")
    return context


def requests_since(traffic, before: int) -> list[str]:
    """Requests made after a point, less the site's icon, which the browser fetches on its own schedule."""
    return [url for url in traffic.requests[before:] if not re.search(r"/(favicon|apple-touch-icon)[^/]*$", url)]


def share_button(page: Page) -> Locator:
    return page.locator("[data-share-page] button")


@pytest.mark.parametrize("path", ["relationship/trust-and-safety/", "self-check/check-in/", ""])
def test_copy_link_copies_the_page_address_and_requests_nothing(
    clipboard_context: BrowserContext, page: Page, site_url: str, traffic, path: str
) -> None:
    page.goto(site_url + path + "?from=newsletter#top")
    page.wait_for_load_state("networkidle")
    button = share_button(page)
    expect(button).to_have_text("Copy link to this page")
    before = len(traffic.requests)
    button.click()
    status = page.locator("[data-share-page] [role=status]")
    expect(status).to_have_text("Link copied. You can paste it into an email or a message.")
    # The address only: no query, no fragment, nothing else.
    assert page.evaluate("navigator.clipboard.readText()") == site_url + path
    assert requests_since(traffic, before) == []
    assert traffic.errors == []


def test_the_share_button_is_reached_and_pressed_with_the_keyboard(
    clipboard_context: BrowserContext, page: Page, site_url: str
) -> None:
    page.goto(site_url + "relationship/motivation/")
    button = share_button(page)
    expect(button).to_be_visible()
    # In the tab order right after the page's content: one Shift+Tab back from the page footer's link.
    page.locator(".md-footer__link").first.focus()
    page.keyboard.press("Shift+Tab")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("[data-share-page] [role=status]")).to_contain_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "relationship/motivation/"
    page.keyboard.press("Space")
    expect(button).to_be_focused()


def test_where_the_browser_can_share_it_opens_the_share_sheet_with_the_address_only(
    context: BrowserContext, page: Page, site_url: str
) -> None:
    context.add_init_script("navigator.share = async (data) => { window.sharedData = data; };")
    page.goto(site_url + "self-check/alliance/?answers=1")
    button = share_button(page)
    expect(button).to_have_text("Share this page")
    button.click()
    page.wait_for_function("() => window.sharedData !== undefined")  # a function: no eval under the policy
    assert page.evaluate("window.sharedData") == {"url": site_url + "self-check/alliance/"}


def test_after_instant_navigation_the_button_shares_the_new_page(
    clipboard_context: BrowserContext, page: Page, site_url: str, traffic
) -> None:
    page.goto(site_url)
    page.locator(".md-content__inner a[href$='relationship/trust-and-safety/']").first.click()
    page.wait_for_url(site_url + "relationship/trust-and-safety/")
    expect(share_button(page)).to_have_count(1)
    share_button(page).click()
    expect(page.locator("[data-share-page] [role=status]")).to_contain_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "relationship/trust-and-safety/"
    assert traffic.errors == []


def test_without_scripts_no_share_button_shows(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "relationship/motivation/")
        expect(page.locator("[data-share-page]")).to_be_hidden()
    finally:
        context.close()


def test_the_share_button_is_not_printed(page: Page, site_url: str) -> None:
    page.goto(site_url + "relationship/motivation/")
    expect(share_button(page)).to_be_visible()
    page.emulate_media(media="print")
    expect(share_button(page)).to_be_hidden()


def test_copy_message_copies_the_message_with_its_address(
    clipboard_context: BrowserContext, page: Page, site_url: str, traffic
) -> None:
    page.goto(site_url + "for-therapists/")
    page.wait_for_load_state("networkidle")
    text_message = page.locator(".client-message").filter(has_text="Text message")
    before = len(traffic.requests)
    text_message.get_by_role("button", name="Copy message").click()
    expect(text_message.get_by_role("status")).to_have_text("Message copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == text_message.locator(".client-message__text").inner_text().strip()
    assert copied.endswith(site_url + "self-check/check-in/")
    email = page.locator(".client-message").first
    email.get_by_role("button", name="Copy message").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Subject: Before we meet\n")
    assert site_url in copied
    assert requests_since(traffic, before) == []
