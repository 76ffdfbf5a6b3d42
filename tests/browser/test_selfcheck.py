"""The self-check as a visitor uses it, in Chromium, scored by the real wheel in Pyodide."""

import math
import random
import re

import pytest
from playwright.sync_api import BrowserContext, Page, Playwright, expect
from selfcheck_page import ENGINE_TIMEOUT_MS, HeldRequests, SelfCheckPage

from alliance_check import load_questionnaire, result_to_dict, score
from alliance_check.report import MAX_FLAGGED_SHOWN
from alliance_check.wording import fill, result_words
from dev.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

pytestmark = pytest.mark.browser

ALLIANCE = load_questionnaire("alliance", "en")
CHECK_IN = load_questionnaire("check-in", "en")


def whole(value: float) -> int:
    """Rounding half up, as the page displays numbers."""
    return math.floor(value + 0.5)


def expected_scores(rows: list[dict], not_scored: str = "Not scored") -> dict[str, str]:
    return {row["id"]: (str(whole(row["pomp"])) if row["pomp"] is not None else not_scored) for row in rows}


def answer_sets() -> dict[str, dict[str, int]]:
    items = ALLIANCE.items
    low, high = items[0].scale.min, items[0].scale.max
    rng = random.Random(20261126)
    by_dimension: dict[str, list[str]] = {}
    for item in items:
        by_dimension.setdefault(item.dimension, []).append(item.id)
    first_dimension = ALLIANCE.dimensions[0].id
    return {
        "all-lowest": {item.id: low for item in items},
        "all-highest": {item.id: high for item in items},
        "random": {item.id: rng.randint(low, high) for item in items},
        # One area with too few answers: that area and the overall are not scored.
        "skipped": {
            item.id: rng.randint(low, high)
            for item in items
            if not (item.dimension == first_dimension and item.id != by_dimension[first_dimension][0])
        },
    }


@pytest.mark.parametrize("name", sorted(answer_sets()))
@pytest.mark.parametrize("lang", ["en", "es"])
def test_numbers_shown_equal_the_package_on_cpython(page: Page, site_url: str, traffic, lang: str, name: str) -> None:
    answers = answer_sets()[name]
    expected = result_to_dict(score(load_questionnaire("alliance", lang), answers))
    said = result_words(lang)
    not_scored = said["chart"]["not_scored"]
    page.goto(site_url + ("" if lang == "en" else f"{lang}/") + "self-check/alliance/")
    check = SelfCheckPage(page, "alliance", lang)
    check.answer(answers)
    check.submit()
    check.wait_for_result()
    assert check.shown_scores("dimensions") == expected_scores(expected["dimensions"], not_scored)
    if expected.get("bordin"):
        assert check.shown_scores("bordin") == expected_scores(expected["bordin"], not_scored)
    assert check.shown_flagged_ids() == [item["id"] for item in expected["flagged_items"]][:MAX_FLAGGED_SHOWN]
    overall = check.result.locator(".selfcheck-result__overall")
    if expected["overall"]["pomp"] is None:
        expect(overall).to_have_text(expected["not_scored"]["overall"])
    else:
        expect(overall).to_contain_text(fill(said["out_of_100"], value=whole(expected["overall"]["pomp"])))
        expect(overall).to_contain_text(expected["overall"]["band"]["title"])
    assert traffic.off_origin() == []
    assert traffic.errors == []


def test_keyboard_only_from_first_question_to_result(page: Page, site_url: str) -> None:
    page.goto(site_url + "self-check/alliance/")
    check = SelfCheckPage(page, "alliance")
    for _ in range(300):  # Tab through the header and navigation to the first question
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-selfcheck-form] input[type=radio]')"):
            break
    else:
        pytest.fail("Tab never reached the first question")
    for index in range(len(ALLIANCE.items)):
        page.keyboard.press("Space")  # choose the focused (first) answer
        for _ in range(index % 3):
            page.keyboard.press("ArrowRight")  # move along the scale; arrows also choose
        page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("See my result")
    page.keyboard.press("Enter")
    check.wait_for_result()
    expect(check.result.locator(".selfcheck-result__heading")).to_be_focused()
    low = ALLIANCE.items[0].scale.min
    expected = {item.id: low + index % 3 for index, item in enumerate(ALLIANCE.items)}
    check.result.get_by_role("button", name="Change my answers").click()
    assert check.checked_answers() == expected


def test_progress_counts_answers_and_is_a_polite_status(page: Page, site_url: str) -> None:
    page.goto(site_url + "self-check/alliance/")
    check = SelfCheckPage(page, "alliance")
    progress = check.root.locator("[data-selfcheck-progress]")
    assert progress.get_attribute("role") == "status"
    total = len(ALLIANCE.items)
    expect(progress).to_have_text(f"0 of {total} answered")
    check.answer({item.id: item.scale.max for item in ALLIANCE.items[:7]})
    expect(progress).to_have_text(f"7 of {total} answered")


def test_engine_starts_on_first_interaction_not_on_load(page: Page, site_url: str, traffic) -> None:
    page.goto(site_url + "self-check/alliance/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert not [url for url in traffic.requests if "/pyodide/" in url or "/selfcheck/worker/" in url]
    with page.expect_request(re.compile(r"/selfcheck/worker/main\.js$")):
        SelfCheckPage(page, "alliance").choice(ALLIANCE.items[0].id, 3).check()
    expect(page.locator("[data-selfcheck-engine]")).to_have_text(re.compile("ready"), timeout=ENGINE_TIMEOUT_MS)


def test_no_other_page_fetches_pyodide(page: Page, site_url: str, traffic) -> None:
    for path in ["", "relationship/trust-and-safety/", "self-check/", "privacy/", "self-check/paper/alliance/"]:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert not [url for url in traffic.requests if "/pyodide/" in url or "/selfcheck/worker/" in url]
    assert traffic.off_origin() == []


def test_nothing_is_stored_on_the_device(context: BrowserContext, page: Page, site_url: str) -> None:
    page.goto(site_url + "self-check/alliance/")
    check = SelfCheckPage(page, "alliance")
    check.answer({item.id: item.scale.min + 1 for item in ALLIANCE.items})
    check.submit()
    check.wait_for_result()
    page.locator(".md-header label[title^='Switch to']:visible").click()  # the theme's palette toggle too
    assert context.cookies() == []
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("sessionStorage.length") == 0
    assert page.evaluate("indexedDB.databases().then(dbs => dbs.length)") == 0


def test_engine_failure_keeps_answers_and_retry_recovers(
    context: BrowserContext, page: Page, site_url: str, traffic
) -> None:
    context.route(re.compile(r"pyodide\.asm\.wasm\.xz$"), lambda route: route.abort())
    page.goto(site_url + "self-check/alliance/")
    check = SelfCheckPage(page, "alliance")
    answers = {item.id: item.scale.max for item in ALLIANCE.items[:5]}
    check.answer(answers)
    check.submit()
    expect(check.problem).to_contain_text("could not start", timeout=ENGINE_TIMEOUT_MS)
    expect(check.problem).to_contain_text("Your answers are still here")
    expect(check.problem.get_by_role("link", name=re.compile("paper version"))).to_be_visible()
    assert check.checked_answers() == answers
    context.unroute(re.compile(r"pyodide\.asm\.wasm\.xz$"))
    traffic.errors.clear()  # the aborted download was reported, as it should be
    check.problem.get_by_role("button", name="Try again").click()
    check.wait_for_result()
    assert traffic.errors == []


def test_change_answers_and_clear_everything(page: Page, site_url: str) -> None:
    page.goto(site_url + "self-check/check-in/")
    check_in = load_questionnaire("check-in", "en")
    check = SelfCheckPage(page, "check-in")
    answers = {item.id: 4 for item in check_in.items}
    check.answer(answers)
    check.submit()
    check.wait_for_result()
    expect(check.form).to_be_hidden()
    check.result.get_by_role("button", name="Change my answers").click()
    expect(check.form).to_be_visible()
    expect(check.result).to_be_hidden()
    assert check.checked_answers() == answers
    check.submit()
    check.wait_for_result()
    check.result.get_by_role("button", name="Clear everything").click()
    assert check.checked_answers() == {}
    expect(check.result).to_be_hidden()
    expect(check.root.locator("[data-selfcheck-progress]")).to_have_text(f"0 of {len(check_in.items)} answered")


def test_check_works_after_instant_navigation(page: Page, site_url: str, traffic) -> None:
    page.goto(site_url + "self-check/")
    page.wait_for_load_state("networkidle")  # the theme intercepts links once it has read the sitemap
    page.evaluate("window.__sameDocument = true")
    page.locator("article").get_by_role("link", name="Quick check-in").click()
    expect(page).to_have_url(site_url + "self-check/check-in/")
    assert page.evaluate("window.__sameDocument === true"), "the link caused a full page load"
    check = SelfCheckPage(page, "check-in")
    check.answer({item.id: 5 for item in load_questionnaire("check-in", "en").items})
    check.submit()
    check.wait_for_result()
    # Back to another check: the same worker serves it, without a second download.
    page.go_back()
    page.locator("article").get_by_role("link", name="First sessions check").click()
    first = load_questionnaire("first-sessions", "en")
    check = SelfCheckPage(page, "first-sessions")
    check.answer({item.id: item.scale.max for item in first.items})
    check.submit()
    check.wait_for_result()
    assert page.evaluate("window.__sameDocument === true")
    assert sum(url.endswith("pyodide.asm.wasm.xz") for url in traffic.requests) == 1
    assert traffic.errors == []


COUNT_SCORE_REQUESTS = """
const postMessage = Worker.prototype.postMessage;
window.__scoreRequests = 0;
Worker.prototype.postMessage = function (message, ...rest) {
  if (message && message.method === "score") window.__scoreRequests += 1;
  return postMessage.call(this, message, ...rest);
};
"""


def test_a_double_click_sends_one_request(context: BrowserContext, page: Page, site_url: str, traffic) -> None:
    context.add_init_script(COUNT_SCORE_REQUESTS)
    runtime = HeldRequests(context, re.compile(r"pyodide\.asm\.wasm\.xz$"))  # so the first request is still waiting
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    check.answer({item.id: 3 for item in CHECK_IN.items})
    check.submit_button.dblclick()
    expect(check.engine_status).to_have_text(re.compile("Almost there"))
    runtime.release(page)
    check.wait_for_result()
    expect(check.result.locator(".selfcheck-result__answers li")).to_have_count(len(CHECK_IN.items))
    assert page.evaluate("window.__scoreRequests") == 1
    assert traffic.errors == []


def test_printed_answers_are_those_scored(context: BrowserContext, page: Page, site_url: str) -> None:
    runtime = HeldRequests(context, re.compile(r"pyodide\.asm\.wasm\.xz$"))
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    first = CHECK_IN.items[0]
    check.answer({item.id: 4 for item in CHECK_IN.items})
    check.submit()
    expect(check.engine_status).to_have_text(re.compile("Almost there"))
    check.answer({first.id: 2})  # changed while the result is on its way
    runtime.release(page)
    check.wait_for_result()
    expected = result_to_dict(score(CHECK_IN, {item.id: 4 for item in CHECK_IN.items}))
    assert check.shown_scores() == expected_scores(expected["dimensions"])
    expect(check.result.locator(".selfcheck-result__answers li").first).to_contain_text(
        f"{first.text} — {first.scale.labels[4]}"
    )


def record_text_changes(page: Page, selector: str) -> None:
    page.locator(selector).evaluate(
        """node => {
          window.__changes = [];
          new MutationObserver(() => window.__changes.push(node.textContent))
            .observe(node, { childList: true, characterData: true, subtree: true });
        }"""
    )


def test_progress_is_rewritten_only_when_the_count_changes(page: Page, site_url: str) -> None:
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    total = len(CHECK_IN.items)
    record_text_changes(page, '[data-selfcheck="check-in"] [data-selfcheck-progress]')
    first = CHECK_IN.items[0]
    check.answer({first.id: 3})
    expect(check.progress).to_have_text(f"1 of {total} answered")
    check.answer({first.id: 4})  # another answer to the same question: still one answered
    check.answer({CHECK_IN.items[1].id: 4})
    expect(check.progress).to_have_text(f"2 of {total} answered")
    assert page.evaluate("window.__changes") == [f"1 of {total} answered", f"2 of {total} answered"]


def test_no_waiting_message_when_the_engine_is_ready(page: Page, site_url: str) -> None:
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    check.answer({item.id: 5 for item in CHECK_IN.items})
    expect(check.engine_status).to_have_text(re.compile("ready"), timeout=ENGINE_TIMEOUT_MS)
    record_text_changes(page, '[data-selfcheck="check-in"] [data-selfcheck-engine]')
    check.submit()
    check.wait_for_result()
    assert page.evaluate("window.__changes") == []


def test_going_back_to_the_page_does_not_bring_answers_back(page: Page, site_url: str) -> None:
    # A page loaded again from history: the browser would fill in the form as it was.
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    check.answer({item.id: 3 for item in CHECK_IN.items})
    page.goto(site_url + "privacy/")
    page.go_back()
    expect(check.root).to_have_attribute("data-wired", "true")
    assert page.evaluate("performance.getEntriesByType('navigation')[0].type") == "back_forward"
    assert check.checked_answers() == {}
    expect(check.progress).to_have_text(f"0 of {len(CHECK_IN.items)} answered")


def test_the_back_forward_cache_does_not_bring_answers_or_result_back(
    playwright: Playwright, site_url: str, traffic
) -> None:
    # Playwright turns the back/forward cache off by default; visitors' browsers have it on.
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, ignore_default_args=["--disable-back-forward-cache"]
    )
    try:
        context = browser.new_context()  # no request interception, which would keep pages out of the cache
        context.on("request", lambda request: traffic.requests.append(request.url))
        page = traffic.watch(context.new_page())
        page.goto(site_url + "self-check/check-in/")
        check = SelfCheckPage(page, "check-in")
        check.answer({item.id: 4 for item in CHECK_IN.items})
        check.submit()
        check.wait_for_result()
        page.evaluate("window.__samePage = true")
        page.goto(site_url + "privacy/")  # a full page load, as for a link to another site
        page.go_back(wait_until="commit")
        expect(page).to_have_url(site_url + "self-check/check-in/")
        assert page.evaluate("window.__samePage === true"), "the page was loaded again, not taken from the cache"
        expect(check.result).to_be_hidden()
        expect(check.form).to_be_visible()
        assert check.checked_answers() == {}
        expect(check.progress).to_have_text(f"0 of {len(CHECK_IN.items)} answered")
        assert traffic.off_origin() == []
        assert traffic.errors == []
    finally:
        browser.close()


def test_two_checks_on_one_page_share_no_id(context: BrowserContext, page: Page, site_url: str, traffic) -> None:
    # No page has two checks yet; this one gets the quick check-in's section added to it.
    page.goto(site_url + "self-check/check-in/")
    section = page.locator('[data-selfcheck="check-in"]').evaluate("node => node.outerHTML")
    section = section.replace(' data-wired="true"', "")

    def with_second_check(route) -> None:
        html = route.fetch().text()
        assert html.count("</article>") == 1
        route.fulfill(body=html.replace("</article>", section + "</article>"), content_type="text/html")

    context.route(site_url + "self-check/alliance/", with_second_check)
    page.goto(site_url + "self-check/alliance/")
    # Low answers to a safety question in both, so both results carry the safety note.
    for questionnaire in (ALLIANCE, CHECK_IN):
        check = SelfCheckPage(page, questionnaire.id)
        safety = next(item for item in questionnaire.items if item.safety and not item.reverse)
        lowest_on = {
            item.id: (item.scale.min if item.id == safety.id else item.scale.max) for item in questionnaire.items
        }
        check.answer(lowest_on)
        check.submit()
        check.wait_for_result()
        expect(check.result.locator(".selfcheck-result__safety")).to_be_visible()
        # Items have their own prefix, so an item called "heading" could not take the check's title id.
        fieldset_ids = check.form.locator("fieldset[data-item]").evaluate_all("nodes => nodes.map(n => n.id)")
        assert fieldset_ids == [f"{questionnaire.id}-item-{item.id}" for item in questionnaire.items]
    ids = page.locator("[id]").evaluate_all("nodes => nodes.map(n => n.id)")
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
    assert traffic.errors == []


def test_a_check_left_by_instant_navigation_is_let_go(page: Page, site_url: str) -> None:
    page.goto(site_url + "self-check/")
    page.wait_for_load_state("networkidle")  # the theme intercepts links once it has read the sitemap
    page.evaluate("window.__sameDocument = true")
    page.locator("article").get_by_role("link", name="Relationship check").click()
    left = SelfCheckPage(page, "alliance")
    expect(left.root).to_have_attribute("data-wired", "true")
    # Held on to, so the test can see whether the engine still writes to the check once it is gone.
    left.engine_status.evaluate("node => { window.__leftStatus = node; }")
    page.go_back()
    page.locator("article").get_by_role("link", name="Quick check-in").click()
    check_in = SelfCheckPage(page, "check-in")
    expect(check_in.root).to_have_attribute("data-wired", "true")
    assert page.evaluate("window.__sameDocument === true"), "a link caused a full page load"
    assert page.evaluate("window.__leftStatus.isConnected") is False
    check_in.answer({CHECK_IN.items[0].id: 5})  # starts the engine
    expect(check_in.engine_status).to_have_text(re.compile("ready"), timeout=ENGINE_TIMEOUT_MS)
    assert page.evaluate("window.__leftStatus.textContent") == ""  # the left check no longer follows the engine
