"""What the privacy page promises, tried as a visitor and as another website would."""

import http.server
import re
import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect
from selfcheck_page import SelfCheckPage

from alliance_check import load_questionnaire

pytestmark = pytest.mark.browser

CHECK_IN = load_questionnaire("check-in", "en")
ALLIANCE = load_questionnaire("alliance", "en")


@pytest.fixture
def framing_site(site_url: str) -> Iterator[str]:
    """Another origin whose page shows the check page in a frame."""
    frame = f'<iframe src="{site_url}self-check/check-in/" width="800" height="900"></iframe>'
    page = f"<!doctype html><title>Another site</title>{frame}"

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page.encode())

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.provokes("off-origin request")  # the framing page itself
def test_a_check_framed_by_another_site_does_not_run(page: Page, site_url: str, framing_site: str, traffic) -> None:
    page.goto(framing_site)
    frame = page.frame_locator("iframe")
    note = frame.locator("[data-selfcheck-framed]")
    expect(note).to_contain_text("shown inside another website")
    link = note.get_by_role("link", name="Open the check on its own page")
    expect(link).to_have_attribute("href", site_url + "self-check/check-in/")
    expect(link).to_have_attribute("target", "_blank")
    expect(frame.locator("[data-selfcheck-form]")).to_be_hidden()
    page.wait_for_timeout(500)
    assert not [url for url in traffic.requests if "/selfcheck/worker/" in url or "/pyodide/" in url]
    # Opened on its own, the check runs.
    with page.context.expect_page() as opened:
        link.click()
    check = SelfCheckPage(opened.value, "check-in")
    check.answer({item.id: 5 for item in CHECK_IN.items})
    check.submit()
    check.wait_for_result()
    assert [url for url in traffic.off_origin(traffic.all_requests)] == [framing_site]


@pytest.mark.parametrize("value", ["lowest", "highest"])
def test_no_link_or_address_the_site_makes_carries_answers(page: Page, site_url: str, value: str) -> None:
    page.goto(site_url + "self-check/alliance/")
    check = SelfCheckPage(page, "alliance")
    scale = ALLIANCE.scale
    check.answer({item.id: scale.min if value == "lowest" else scale.max for item in ALLIANCE.items})
    check.submit()
    check.wait_for_result()
    assert page.url == site_url + "self-check/alliance/"
    hrefs = page.locator("a[href]").evaluate_all("links => links.map((link) => link.href)")
    result_links = check.result.locator("a[href]").evaluate_all("links => links.map((link) => link.href)")
    assert result_links, "the result links to nothing"
    for href in hrefs:
        parts = urlsplit(href)
        assert not parts.query, href
        assert re.fullmatch(r"[A-Za-z0-9_.:-]*", parts.fragment), href
