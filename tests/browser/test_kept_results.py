"""Kept results in Chromium: nothing stored by default, a history over three dates, delete, erase, keyboard, axe."""

import datetime as dt
import json
import re

import pytest
from playwright.sync_api import Page, expect
from selfcheck_page import ENGINE_TIMEOUT_MS, SelfCheckPage
from test_accessibility import axe_violations

pytestmark = pytest.mark.browser

CHECK = "self-check/check-in/"
GOOD = {"respect": 4, "focus": 5, "worth": 4}
DROP = {"respect": 4, "focus": 3, "worth": 4}

# Everything a page of this origin could have stored.
STORED = """async () => ({
  local: Object.keys(localStorage),
  session: Object.keys(sessionStorage),
  databases: (await indexedDB.databases()).map((database) => database.name),
  caches: await caches.keys(),
})"""
NOTHING = {"local": [], "session": [], "databases": [], "caches": []}


def on(page: Page, day: int, hour: int = 18) -> None:
    """The page's clock reads this date (timers keep running, so the engine still starts)."""
    page.clock.set_fixed_time(dt.datetime(2026, 3, day, hour, 5))


def check_in(page: Page, answers: dict[str, int]) -> SelfCheckPage:
    check = SelfCheckPage(page, "check-in")
    if check.result.is_visible():
        check.result.get_by_role("button", name="Change my answers").click()
    check.answer(answers)
    check.submit()
    check.wait_for_result()
    return check


def panel(page: Page):
    return page.locator('[data-history="check-in"]')


def keep_three_check_ins(page: Page, site_url: str) -> None:
    """Day 1 kept with the standing choice; days 8 and 15 are then kept on their own; day 15 drops."""
    on(page, 1)
    page.goto(site_url + CHECK)
    check = check_in(page, GOOD)
    page.get_by_label("Keep my results on this device from now on").check()
    page.get_by_role("button", name="Keep this result on this device").click()
    expect(page.get_by_text("Kept on this device. Your history is below.")).to_be_focused()
    on(page, 8)
    check_in(page, GOOD)
    expect(check.result.get_by_text("Kept on this device, as you chose.")).to_be_visible()
    on(page, 15, 9)
    check_in(page, DROP)
    expect(panel(page).locator("[data-kept]")).to_have_count(3)


def test_the_default_run_stores_nothing(page: Page, site_url: str) -> None:
    page.goto(site_url + CHECK)
    check_in(page, GOOD)
    expect(page.get_by_role("button", name="Keep this result on this device")).to_be_visible()
    page.wait_for_timeout(300)
    assert page.evaluate(STORED) == NOTHING
    expect(panel(page)).to_contain_text("No results are kept on this device.")
    expect(panel(page)).to_contain_text("Anyone who uses this device and this browser profile could see it.")


def test_three_check_ins_on_three_dates_show_three_points_the_changes_and_a_flag(page: Page, site_url: str) -> None:
    keep_three_check_ins(page, site_url)
    history = panel(page)
    focus_area = history.locator('[data-area="focus"]')
    expect(focus_area.locator("[data-point], [data-flagged-point]")).to_have_count(3)
    expect(focus_area.locator("[data-flagged-point]")).to_have_count(1)
    expect(focus_area.locator("h4 .history__badge")).to_have_text("Worth talking about")
    expect(focus_area.locator("[data-latest]")).to_have_text("Latest: 50 out of 100")
    texts = focus_area.locator(".history__texts li")
    expect(texts.nth(0)).to_have_text("Lower than last time.")
    expect(texts.nth(1)).to_have_text("Lower than your first kept check-in.")
    expect(focus_area.locator("[data-history-flag]")).to_contain_text("it is worth talking about")
    steady = history.locator('[data-area="respect"]')
    expect(steady.locator("[data-flagged-point]")).to_have_count(0)
    expect(steady.locator(".history__texts li").first).to_have_text("About the same as last time.")
    # The table says the same as the charts, one row per date, oldest first.
    rows = history.locator(".history-table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0).locator("th")).to_contain_text("Mar 1, 2026")
    expect(rows.nth(2).locator('td[data-area="focus"]')).to_have_text("50")
    expect(rows.nth(0).locator('td[data-area="focus"]')).to_have_text("100")
    expect(history.get_by_role("link", name="Read about strains and repair")).to_be_visible()
    # The dated list, newest first.
    expect(history.locator("[data-kept] time").first).to_have_attribute("datetime", "2026-03-15T09:05")
    stored = page.evaluate("JSON.parse(localStorage.getItem('alliance-check:kept-results'))")
    assert stored["keepAlways"] is True and len(stored["results"]) == 3
    assert set(stored["results"][0]) == {"id", "check", "version", "lang", "taken", "answers"}
    assert stored["results"][0]["answers"] == GOOD and stored["results"][0]["taken"] == "2026-03-01T18:05"


def test_the_result_shows_and_prints_the_trend_of_the_last_results(page: Page, site_url: str) -> None:
    keep_three_check_ins(page, site_url)
    trend = SelfCheckPage(page, "check-in").result.locator("[data-history-trend]")
    expect(trend.get_by_role("heading", name="Compared with your kept results")).to_be_visible(
        timeout=ENGINE_TIMEOUT_MS
    )
    focus_area = trend.locator('tr[data-area="focus"] td')
    expect(focus_area).to_contain_text("Lower than last time.")
    expect(focus_area).to_contain_text("it is worth talking about")
    expect(trend.locator("figure").first.locator("[data-point], [data-flagged-point]")).to_have_count(3)
    # The one-page summary for a session carries the change in words too.
    summary_trend = SelfCheckPage(page, "check-in").result.locator(".selfcheck-summary .history-trend__table")
    expect(summary_trend.locator('tr[data-area="focus"] td')).to_contain_text("Lower than last time.")
    page.emulate_media(media="print")
    expect(trend).to_be_visible()
    expect(page.locator("[data-history-keep]").first).to_be_hidden()
    expect(page.locator("[data-handoff]")).to_be_hidden()


def test_delete_one_result_and_the_history_follows(page: Page, site_url: str) -> None:
    keep_three_check_ins(page, site_url)
    history = panel(page)
    history.get_by_role("button", name="Delete the result from Mar 15, 2026, 9:05 AM").click()
    expect(history.locator("[data-kept]")).to_have_count(2)
    expect(history.locator("[data-history-status]")).to_have_text("The result from Mar 15, 2026, 9:05 AM is deleted.")
    focus_area = history.locator('[data-area="focus"]')
    expect(focus_area.locator("[data-point]")).to_have_count(2, timeout=ENGINE_TIMEOUT_MS)
    expect(focus_area.locator("[data-flagged-point]")).to_have_count(0)
    expect(page.locator(":focus")).to_have_class("history__delete")


def test_erase_leaves_no_trace(page: Page, site_url: str) -> None:
    keep_three_check_ins(page, site_url)
    assert page.evaluate(STORED)["local"] == ["alliance-check:kept-results"]
    panel(page).get_by_role("button", name="Erase all my saved results").click()
    expect(panel(page).locator("[data-history-status]")).to_have_text("Erased. No results are kept on this device.")
    expect(panel(page)).to_contain_text("No results are kept on this device.")
    assert page.evaluate(STORED) == NOTHING
    # The standing choice went too: the next result is only offered, not kept.
    check_in(page, GOOD)
    expect(page.get_by_role("button", name="Keep this result on this device")).to_be_visible()
    assert page.evaluate(STORED) == NOTHING


def test_the_privacy_page_erases_what_a_check_page_kept(page: Page, site_url: str) -> None:
    page.goto(site_url + CHECK)
    check_in(page, GOOD)
    page.get_by_role("button", name="Keep this result on this device").click()
    page.goto(site_url + "privacy/")
    status = page.locator("[data-history-erase-only] [data-history-status]")
    expect(status).to_have_text("1 result is kept on this device.")
    page.get_by_role("button", name="Erase all my saved results").click()
    expect(status).to_have_text("Erased. No results are kept on this device.")
    assert page.evaluate(STORED) == NOTHING


def test_kept_results_show_after_a_reload_without_starting_the_engine_until_asked(page: Page, site_url: str) -> None:
    keep_three_check_ins(page, site_url)
    page.reload()
    history = panel(page)
    expect(history.locator("[data-kept]")).to_have_count(3)
    expect(page.locator("[data-selfcheck-engine]")).to_have_text("")
    history.get_by_role("button", name="Show how my results changed").click()
    expect(history.locator('[data-area="focus"] [data-flagged-point]')).to_have_count(1, timeout=ENGINE_TIMEOUT_MS)


def test_every_control_works_from_the_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + CHECK)
    check_in(page, GOOD)
    keep = page.get_by_role("button", name="Keep this result on this device")
    always = page.get_by_label("Keep my results on this device from now on")
    for target in (always, keep):
        for _ in range(80):
            if target.evaluate("(node) => node === document.activeElement"):
                break
            page.keyboard.press("Tab")
        expect(target).to_be_focused()
        page.keyboard.press("Space" if target == always else "Enter")
    expect(page.get_by_text("Kept on this device. Your history is below.")).to_be_focused()
    stored = page.evaluate("JSON.parse(localStorage.getItem('alliance-check:kept-results'))")
    assert stored["keepAlways"] is True and len(stored["results"]) == 1
    delete = panel(page).locator(".history__delete")
    for _ in range(80):
        if delete.evaluate("(node) => node === document.activeElement"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(panel(page).locator("[data-kept]")).to_have_count(0)
    erase = panel(page).get_by_role("button", name="Erase all my saved results")
    expect(erase).to_be_focused()  # no result left to move to: focus lands on the next control
    page.keyboard.press("Enter")
    assert page.evaluate(STORED) == NOTHING


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_with_history_shown(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    keep_three_check_ins(page, site_url)
    expect(panel(page).locator("[data-flagged-point]")).to_have_count(1)
    expect(page.locator("[data-history-trend] table")).to_be_visible(timeout=ENGINE_TIMEOUT_MS)
    page.get_by_role("button", name="Show this result on another device").click()
    page.get_by_role("button", name="Show the code and link").click()
    expect(page.locator("[data-handoff-code] svg")).to_be_visible()
    assert axe_violations(page) == []


# Results as files: saved, compared in a fresh browser, never uploaded; hostile files change nothing.


def compare_with(page: Page, files) -> None:
    panel(page).get_by_label("Compare with saved results").set_input_files(files)


def test_a_saved_file_shows_the_same_history_in_a_fresh_browser(page: Page, site_url: str, browser, tmp_path) -> None:
    keep_three_check_ins(page, site_url)
    with page.expect_download() as download:
        panel(page).get_by_role("button", name="Save my kept results to a file").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("check-in-results-") and saved.suffix == ".json"
    kept_table = panel(page).locator("[data-history-changes] .history-table").first.inner_text()

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        requests: list[str] = []
        other.on("request", lambda request: requests.append(request.method + " " + request.url))
        other.goto(site_url + CHECK)
        compare_with(other, saved)
        compared = panel(other).locator("[data-history-compared]")
        expect(compared.locator('[data-area="focus"] [data-flagged-point]')).to_have_count(1, timeout=ENGINE_TIMEOUT_MS)
        assert compared.locator(".history-table").inner_text() == kept_table
        expect(compared).to_contain_text("They are not kept on this device.")
        assert other.evaluate(STORED) == NOTHING
        assert not [line for line in requests if line.startswith(("POST", "PUT"))]
        compared.get_by_role("button", name="Keep these results on this device").click()
        expect(panel(other).locator("[data-kept]")).to_have_count(3)
    finally:
        fresh.close()


def test_one_result_saved_to_a_file_without_keeping_anything(page: Page, site_url: str, tmp_path) -> None:
    page.goto(site_url + CHECK)
    check_in(page, GOOD)
    with page.expect_download() as download:
        page.get_by_role("button", name="Save this result to a file").click()
    saved = tmp_path / "one.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "alliance-check-results" and data["format_version"] == 1
    assert [set(result) for result in data["results"]] == [{"check", "version", "lang", "taken", "answers"}]
    assert data["results"][0]["answers"] == GOOD and data["results"][0]["check"] == "check-in"
    assert page.evaluate(STORED) == NOTHING


def results_file(results: object, **fields: object) -> dict:
    body = {"format": "alliance-check-results", "format_version": 1, "results": results, **fields}
    return {"name": "results.json", "mimeType": "application/json", "buffer": json.dumps(body).encode()}


def a_result(**fields: object) -> dict:
    return {
        "check": "check-in",
        "version": "1.0.0",
        "lang": "en",
        "taken": "2026-03-01T18:05",
        "answers": GOOD,
    } | fields


HOSTILE = {
    "not JSON": ({"name": "a.json", "mimeType": "application/json", "buffer": b"{not json"}, "not a results file"),
    "wrong types": (results_file([a_result(answers={"focus": "4"})]), "damaged"),
    "taken not a date": (results_file([a_result(taken=12)]), "damaged"),
    "results not a list": (results_file({"0": a_result()}), "holds no results"),
    "huge": (
        {"name": "big.json", "mimeType": "application/json", "buffer": b" " * (600 * 1024) + b"{}"},
        "too large",
    ),
    "deep": (
        {"name": "deep.json", "mimeType": "application/json", "buffer": b"[" * 200_000 + b"]" * 200_000},
        "not a results file",
    ),
    "deep but small": (
        {"name": "deep.json", "mimeType": "application/json", "buffer": b"[" * 100_000},
        "not a results",
    ),
    "another check": (results_file([a_result(check="alliance")]), "a different check"),
    "too many": (results_file([a_result()] * 501), "more results than"),
    "a newer format": (results_file([a_result()], format_version=2), "newer version of this site"),
    "prototype keys": (results_file([a_result(answers={"__proto__": 1})]), "damaged"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_gets_a_plain_message_and_changes_nothing(page: Page, site_url: str, name: str) -> None:
    page.goto(site_url + CHECK)
    check_in(page, GOOD)
    page.get_by_role("button", name="Keep this result on this device").click()
    before = page.evaluate("localStorage.getItem('alliance-check:kept-results')")
    payload, message = HOSTILE[name]
    compare_with(page, payload)
    alert = panel(page).locator("[data-history-compared] [role=alert]")
    expect(alert).to_contain_text("These files were not used, and nothing was changed")
    expect(alert).to_contain_text(message)
    expect(panel(page).locator("[data-history-compared] [data-history-changes]")).to_have_count(0)
    assert page.evaluate("localStorage.getItem('alliance-check:kept-results')") == before
    expect(panel(page).locator("[data-kept]")).to_have_count(1)


def test_a_file_from_an_older_version_is_rescored_or_explained(page: Page, site_url: str) -> None:
    page.goto(site_url + CHECK)
    older = [
        a_result(version="0.9.0", taken="2026-02-01T18:00"),
        a_result(version="0.8.0", taken="2026-02-02T18:00", answers={"mood": 3}),
        a_result(taken="2026-02-03T18:00"),
    ]
    compare_with(page, results_file(older))
    compared = panel(page).locator("[data-history-compared]")
    expect(compared.locator('[data-area="focus"] [data-point]')).to_have_count(2, timeout=ENGINE_TIMEOUT_MS)
    expect(compared).to_contain_text("made with an older version of this check whose questions have changed")
    expect(compared).to_contain_text("Kept with version 0.9.0 of this check, scored with the current one.")
    assert page.evaluate(STORED) == NOTHING


# Handing a result to another device in the address's fragment.


def decoded_qr_code(page: Page) -> str:
    """Decode the QR code drawn on the page, from its SVG's modules, with zxing-cpp."""
    import zxingcpp

    box = page.locator("[data-handoff-code] svg")
    size = int(box.get_attribute("viewBox").split()[2])
    modules = {
        tuple(map(int, found)) for found in re.findall(r"M(\d+),(\d+)h1v1h-1z", box.locator("path").get_attribute("d"))
    }
    scale = 4
    pixels = bytes(
        0 if (column // scale, row // scale) in modules else 255
        for row in range(size * scale)
        for column in range(size * scale)
    )
    found = zxingcpp.read_barcodes(memoryview(pixels).cast("B", (size * scale, size * scale)))
    assert len(found) == 1, found
    return found[0].text


def test_the_handoff_link_opens_the_same_result_in_a_fresh_browser(page: Page, site_url: str, browser) -> None:
    page.goto(site_url + CHECK)
    check = check_in(page, DROP)
    shown = check.shown_scores()
    page.get_by_role("button", name="Show this result on another device").click()
    warning = page.locator("[data-handoff-warning]")
    expect(warning).to_contain_text("anyone with the link or the code can see them")
    expect(page.locator("[data-handoff-code]")).to_have_count(0)  # nothing shown before the warning is read
    show = page.get_by_role("button", name="Show the code and link")
    expect(show).to_be_focused()
    page.keyboard.press("Enter")
    code = page.get_by_role("img", name="QR code that opens this result on another device")
    expect(code).to_be_visible()
    link = page.get_by_label("Link to this result").input_value()
    assert link.startswith(site_url + CHECK + "#handoff=1&") and "focus:3" in link
    assert decoded_qr_code(page) == link
    assert page.evaluate(STORED) == NOTHING

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        requests: list[str] = []
        other.on("request", lambda request: requests.append(request.url + " " + (request.post_data or "")))
        other.goto(link)
        received = SelfCheckPage(other, "check-in")
        received.wait_for_result()
        assert received.shown_scores() == shown
        expect(other.locator("[data-history-received]")).to_contain_text("opened from a link")
        assert "#" not in other.url and other.evaluate("location.hash") == ""
        carrying = [url for url in requests if re.search(r"focus(:|%3A)|answers=|#", url)]
        assert not carrying, carrying
        assert other.evaluate(STORED) == NOTHING
    finally:
        fresh.close()


def test_a_handoff_link_for_another_check_fills_nothing(page: Page, site_url: str) -> None:
    page.goto(site_url + CHECK + "#handoff=1&check=alliance&version=1.0.0&answers=warmth:5")
    expect(panel(page).locator("[data-history-status]")).to_have_text(
        "This link is for a different check. Nothing was filled in."
    )
    assert page.evaluate("location.hash") == ""
    expect(page.locator("[data-selfcheck-form] input:checked")).to_have_count(0)
