"""The engine gives up plainly when it cannot be trusted or stops answering: a wheel that is not the
one the lock pins, or a request that runs too long. The visitor gets the failure path (Try again)."""

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from selfcheck_page import ENGINE_TIMEOUT_MS, SelfCheckPage

from alliance_check import load_questionnaire
from sitebuild import wheel

pytestmark = pytest.mark.browser

CHECK_IN = load_questionnaire("check-in", "en")
WORKER = re.compile(r"/selfcheck/worker/main\.js$")
WHEEL = re.compile(r"/alliance_check-[^/]*\.whl$")
# The engine gives a stuck request this long (engine.js), and the test a little more.
REQUEST_TIMEOUT_MS = 10_000


def expect_try_again(check: SelfCheckPage, *texts: str) -> None:
    for text in texts:
        expect(check.problem).to_contain_text(text, timeout=ENGINE_TIMEOUT_MS)
    expect(check.problem).to_contain_text("Your answers are still here")
    expect(check.problem.get_by_role("button", name="Try again")).to_be_visible()
    expect(check.result).to_be_hidden()


@pytest.mark.provokes("console error")
def test_a_wheel_that_does_not_match_the_lock_stops_the_engine(context: BrowserContext, page: Page, site_url: str):
    genuine = wheel.find_wheel().read_bytes()
    tampered = genuine[:-100] + bytes(b ^ 0xFF for b in genuine[-100:])  # the lock file is left as built
    # Only the ordinary start installs the wheel (a snapshot start has the package in its checked
    # memory), so the snapshot is withheld.
    context.route(re.compile(r"/pyodide/snapshot\.bin\.xz$"), lambda route: route.fulfill(status=404, body=""))
    context.route(WHEEL, lambda route: route.fulfill(body=tampered, content_type="application/zip"))
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    answers = {item.id: 4 for item in CHECK_IN.items}
    check.answer(answers)
    check.submit()
    expect_try_again(check, "could not start")
    assert check.checked_answers() == answers
    assert page.evaluate("document.querySelector('[data-selfcheck-engine]').textContent") == ""


def test_a_request_that_runs_too_long_fails_and_try_again_starts_a_new_worker(
    context: BrowserContext, page: Page, site_url: str, traffic
) -> None:
    # A worker that says it is ready, then never answers (as the old nesting check did on crafted input).
    silent = 'postMessage({ type: "status", state: "ready" }); addEventListener("message", () => {});'
    context.route(
        WORKER,
        lambda route: route.fulfill(body=silent, content_type="text/javascript", headers={"Cache-Control": "no-store"}),
    )
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    answers = {item.id: 4 for item in CHECK_IN.items}
    check.answer(answers)
    expect(check.engine_status).to_have_text(re.compile("ready"))
    check.submit()
    expect(check.problem).to_contain_text("stopped answering", timeout=REQUEST_TIMEOUT_MS + 5_000)
    expect_try_again(check)
    assert check.checked_answers() == answers
    workers = lambda: sum(bool(WORKER.search(url)) for url in traffic.requests)  # noqa: E731
    assert workers() == 1
    context.unroute(WORKER)
    # The new worker gets the request at once, before its script has loaded: it is held, not lost.
    check.problem.get_by_role("button", name="Try again").click()
    check.wait_for_result()
    assert workers() == 2
