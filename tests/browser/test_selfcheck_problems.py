"""When scoring goes wrong: the visitor always gets a plain message, their answers, Try again and the paper version."""

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from selfcheck_page import ENGINE_TIMEOUT_MS, HeldRequests, SelfCheckPage, fake_worker

from alliance_check import load_questionnaire
from sitebuild import words

pytestmark = pytest.mark.browser

ALLIANCE = load_questionnaire("alliance", "en")
CHECK_IN = load_questionnaire("check-in", "en")
WASM = re.compile(r"pyodide\.asm\.wasm\.xz$")
WORKER = re.compile(r"/selfcheck/worker/main\.js$")


def expect_failure_offered(check: SelfCheckPage, *texts: str, engine_works: bool = False) -> None:
    """The alert says what went wrong and offers Try again and the paper version.

    The status line stays quiet, unless the engine works (the answers were the problem).
    """
    for text in texts:
        expect(check.problem).to_contain_text(text, timeout=ENGINE_TIMEOUT_MS)
    expect(check.problem).to_contain_text("Your answers are still here")
    expect(check.problem.get_by_role("button", name="Try again")).to_be_visible()
    expect(check.problem.get_by_role("link", name=re.compile("paper version"))).to_be_visible()
    if not engine_works:
        expect(check.engine_status).to_have_text("")  # the alert says it once, not twice
    assert "reload" not in check.problem.inner_text().lower()  # reloading would lose the answers


@pytest.mark.parametrize(
    "reply",
    [
        '{ id: data.id, ok: false, error: "The engine broke." }',
        '{ id: data.id, ok: true, value: "this is not JSON" }',
        "{ id: data.id, ok: true, value: JSON.stringify({ ok: true, result: { overall: null } }) }",
        "{ id: data.id, ok: true, value: JSON.stringify({ ok: false }) }",
    ],
    ids=["worker-refuses", "not-json", "result-missing-fields", "error-missing-fields"],
)
def test_a_failed_request_is_shown_with_try_again(
    context: BrowserContext, page: Page, site_url: str, traffic, reply: str
) -> None:
    fake_worker(context, reply)
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    answers = {item.id: 3 for item in CHECK_IN.items}
    check.answer(answers)
    expect(check.engine_status).to_have_text(re.compile("ready"))
    check.submit()
    expect_failure_offered(check, "Something went wrong while working out your result")
    assert check.checked_answers() == answers
    expect(check.result).to_be_hidden()
    assert traffic.errors == []


def test_a_stalled_engine_start_gives_up_after_three_minutes(
    context: BrowserContext, page: Page, site_url: str
) -> None:
    HeldRequests(context, WASM)  # the runtime's download never finishes
    page.clock.install()  # the page's timers, moved on by the test instead of waited for
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    answers = {item.id: 4 for item in CHECK_IN.items}
    check.answer(answers)
    check.submit()
    expect(check.engine_status).to_have_text(re.compile("Almost there"))
    page.clock.fast_forward("02:58")
    page.wait_for_timeout(500)  # time enough for a failure to show, were it due
    expect(check.problem).to_be_hidden()
    page.clock.fast_forward("00:03")
    expect_failure_offered(check, "could not start", "took more than three minutes")
    assert check.checked_answers() == answers


@pytest.mark.provokes("console error")
@pytest.mark.parametrize(
    ("serve", "said"),
    [
        ({"status": 404, "body": ""}, "could not be downloaded (xz-decompress.mjs)"),
        ({"status": 200, "content_type": "text/javascript", "body": "this is not a script ("}, "could not be loaded"),
    ],
    ids=["missing", "broken"],
)
def test_a_decoder_that_cannot_run_is_said_at_once(
    context: BrowserContext, page: Page, site_url: str, serve: dict, said: str
) -> None:
    context.route(re.compile(r"/pyodide/xz-decompress\.mjs$"), lambda route: route.fulfill(**serve))
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    answers = {item.id: 4 for item in CHECK_IN.items}
    check.answer(answers)
    check.submit()
    # Said within seconds, not after the three-minute limit.
    expect(check.problem).to_contain_text(said, timeout=20_000)
    expect_failure_offered(check, "could not start")
    assert check.checked_answers() == answers


def test_try_again_keeps_focus_on_the_check(context: BrowserContext, page: Page, site_url: str) -> None:
    context.route(WASM, lambda route: route.abort())
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    check.answer({item.id: 5 for item in CHECK_IN.items})
    check.submit()
    expect_failure_offered(check, "could not start")
    check.problem.get_by_role("button", name="Try again").click()
    expect(check.submit_button).to_be_focused()
    expect_failure_offered(check, "could not start")  # still failing, and focus stays
    expect(check.submit_button).to_be_focused()


def test_after_a_failure_only_the_visitor_starts_the_engine_again(
    context: BrowserContext, page: Page, site_url: str, traffic
) -> None:
    context.route(WASM, lambda route: route.abort())
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    first, second = CHECK_IN.items[:2]
    check.answer({first.id: 3})
    expect_failure_offered(check, "could not start")
    context.unroute(WASM)
    workers = lambda: sum(bool(WORKER.search(url)) for url in traffic.requests)  # noqa: E731
    assert workers() == 1
    check.answer({second.id: 3})
    page.wait_for_timeout(500)  # time enough to start a worker, were it going to
    assert workers() == 1
    expect(check.problem).to_contain_text("could not start")
    check.problem.get_by_role("button", name="Try again").click()
    expect(check.engine_status).to_have_text(re.compile("ready"), timeout=ENGINE_TIMEOUT_MS)
    expect(check.problem).to_be_hidden()
    assert workers() == 2


def test_a_failure_is_not_shown_in_a_check_not_yet_used(context: BrowserContext, page: Page, site_url: str) -> None:
    context.route(WASM, lambda route: route.abort())
    page.goto(site_url + "self-check/")
    page.wait_for_load_state("networkidle")  # the theme intercepts links once it has read the sitemap
    page.evaluate("window.__sameDocument = true")
    page.locator("article").get_by_role("link", name="Relationship check").click()
    alliance = SelfCheckPage(page, "alliance")
    alliance.answer({ALLIANCE.items[0].id: 2})
    expect_failure_offered(alliance, "could not start")
    page.go_back()
    page.locator("article").get_by_role("link", name="Quick check-in").click()
    check_in = SelfCheckPage(page, "check-in")
    expect(check_in.root).to_have_attribute("data-wired", "true")
    assert page.evaluate("window.__sameDocument === true"), "a link caused a full page load"
    expect(check_in.problem).to_be_hidden()
    expect(check_in.engine_status).to_have_text("")


def tamper_value(page: Page, item_id: str) -> None:
    """The highest answer of an item sends a value off the scale."""
    page.locator(f'fieldset[data-item="{item_id}"] input').last.evaluate("input => { input.value = '99'; }")


def tamper_item(page: Page, item_id: str) -> None:
    """The item is sent under an id the questionnaire does not have."""
    page.locator(f'fieldset[data-item="{item_id}"]').evaluate("fieldset => { fieldset.dataset.item = 'no-such'; }")


@pytest.mark.parametrize(
    ("tamper", "words"),
    [(tamper_value, "not one of the choices"), (tamper_item, "a question this check does not have")],
    ids=["invalid_value", "unknown_item"],
)
def test_a_scoring_error_names_the_question_and_keeps_the_answers(
    page: Page, site_url: str, traffic, tamper, words: str
) -> None:
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    item = CHECK_IN.items[2]
    target = check.form.locator(f'input[name="check-in.{item.id}"]').last
    tamper(page, item.id)
    check.answer({other.id: 4 for other in CHECK_IN.items if other.id != item.id})
    target.check()
    check.submit()
    expect_failure_offered(
        check, "We could not work out your result", words, "Please look at question 3", engine_works=True
    )
    expect(target).to_be_focused()
    assert target.is_checked()
    expect(check.result).to_be_hidden()
    assert traffic.errors == []


def test_a_failure_on_a_spanish_page_is_said_in_spanish(context: BrowserContext, page: Page, site_url: str) -> None:
    """The worker sends a code and the file at fault, never a sentence: the page words it in its language."""
    context.route(WASM, lambda route: route.abort())
    page.goto(site_url + "es/self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    spanish = words.catalogue("es").scoring
    check.answer({item.id: 5 for item in CHECK_IN.items})
    check.root.get_by_role("button", name=words.catalogue("es").selfcheck.submit).click()
    download = words.fill_text(spanish.problems.download_failed, file="pyodide.asm.wasm.xz")
    expect(check.problem).to_contain_text(words.fill_text(spanish.reason, detail=download), timeout=ENGINE_TIMEOUT_MS)
    expect(check.problem).to_contain_text(spanish.kept)
    expect(check.problem.get_by_role("button", name=spanish.retry)).to_be_visible()
    assert "Could not" not in check.problem.inner_text()
