"""The offline copy: kept only when the visitor asks, works offline, updates whole, and can be removed."""

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from offline_copy import OFFLINE_COPY_READY
from playwright.sync_api import Browser, BrowserContext, Page, Response, Worker, expect
from selfcheck_page import ENGINE_TIMEOUT_MS, SelfCheckPage

from alliance_check import load_questionnaire
from dev.serve import serve_in_background
from sitebuild import offline, snapshot

pytestmark = pytest.mark.browser

CHECK = "self-check/check-in/"
CHECK_IN = load_questionnaire("check-in", "en")
ANSWERS = {item.id: 5 for item in CHECK_IN.items}

WAITING_VERSION = """async () => {
  for (let i = 0; i < 1200; i++) {
    const registration = await navigator.serviceWorker.getRegistration();
    if (registration && registration.waiting) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}"""
CACHE_NAMES = "caches.keys()"
CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push([request.method, request.url]);
  }
  return urls;
}"""


def score_check(page: Page, site_url: str) -> None:
    page.goto(site_url + CHECK)
    check = SelfCheckPage(page, "check-in")
    check.answer(ANSWERS)
    check.submit()
    check.wait_for_result()


def keep_offline_copy(page: Page, site_url: str) -> None:
    """Score a check, then ask for the offline copy with the check page's button."""
    score_check(page, site_url)
    page.get_by_role("button", name="Keep an offline copy on this device").click()
    expect(page.locator("[data-offline-status]")).to_have_text(
        "Done. This device now keeps an offline copy of this site.", timeout=ENGINE_TIMEOUT_MS
    )
    assert page.evaluate(OFFLINE_COPY_READY), "the offline copy was not saved"


def stored_nothing(page: Page) -> bool:
    registrations = page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)")
    return registrations == 0 and page.evaluate(CACHE_NAMES) == []


def test_nothing_is_kept_unless_the_visitor_asks(page: Page, site_url: str) -> None:
    for path in ["", "relationship/trust-and-safety/", "privacy/"]:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    # Starting and scoring a check is not asking for a copy.
    score_check(page, site_url)
    expect(page.locator("[data-selfcheck-engine]")).to_have_text(re.compile("ready"))
    page.wait_for_timeout(500)
    assert stored_nothing(page)
    status = page.locator("[data-offline-status]")
    expect(status).to_have_text("This device has no offline copy of this site.")
    expect(page.get_by_role("button", name="Remove the offline copy from this device")).to_be_hidden()


def test_the_keep_button_is_reachable_by_keyboard_and_focus_follows(page: Page, site_url: str) -> None:
    page.goto(site_url + "privacy/")
    keep = page.get_by_role("button", name="Keep an offline copy on this device")
    keep.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-offline-status]")).to_have_text(
        "Done. This device now keeps an offline copy of this site.", timeout=ENGINE_TIMEOUT_MS
    )
    remove = page.get_by_role("button", name="Remove the offline copy from this device")
    expect(keep).to_be_hidden()
    expect(remove).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("[data-offline-status]")).to_have_text("Done. The offline copy is removed from this device.")
    expect(keep).to_be_focused()
    assert stored_nothing(page)


def test_after_one_visit_the_check_loads_and_scores_offline(
    context: BrowserContext, page: Page, site_url: str, traffic
) -> None:
    keep_offline_copy(page, site_url)
    page.close()
    context.set_offline(True)
    offline_page = traffic.watch(context.new_page())
    score_check(offline_page, site_url)
    expect(offline_page.locator("[data-selfcheck-engine]")).to_have_text(re.compile("ready"))
    # And another page of the site.
    offline_page.goto(site_url + "privacy/")
    expect(offline_page.get_by_role("heading", level=1)).to_contain_text("Privacy")
    context.set_offline(False)
    assert traffic.off_origin() == []
    assert traffic.errors == []


def test_the_copy_holds_only_the_sites_listed_files(page: Page, site_url: str, built_site: Path) -> None:
    keep_offline_copy(page, site_url)
    files = offline.offline_manifest(built_site)["files"]
    listed = {site_url + entry["url"].removeprefix("./") for entry in files}
    required = {site_url + entry["url"].removeprefix("./") for entry in files if not entry.get("on_demand")}
    cached = page.evaluate(CACHED_URLS)
    assert {method for method, _ in cached} == {"GET"}
    # Every listed file (the on-demand ones only if asked for), and nothing else.
    assert required <= {url for _, url in cached} <= listed
    assert not [url for _, url in cached if "?" in url or "#" in url]
    assert site_url + f"pyodide/{snapshot.SNAPSHOT_FILE}" in {url for _, url in cached}


def test_a_repeat_visit_downloads_no_runtime(context: BrowserContext, page: Page, site_url: str, traffic) -> None:
    keep_offline_copy(page, site_url)
    page.close()
    from_server: list[str] = []
    context.on("response", lambda response: response.from_service_worker or from_server.append(response.url))
    fetched_by_the_copy = len(traffic.service_worker_requests)
    score_check(traffic.watch(context.new_page()), site_url)
    # The page and every runtime file came from the offline copy: neither the
    # page nor the service worker (on a file missing from the copy) asked the server.
    assert [url for url in from_server if url.startswith(site_url) and "service-worker.js" not in url] == []
    assert traffic.service_worker_requests[fetched_by_the_copy:] == []
    assert traffic.errors == []


def test_keeping_again_after_removing_on_a_page_the_copy_served_saves_it_again(
    page: Page, site_url: str, traffic
) -> None:
    keep_offline_copy(page, site_url)
    page.reload()  # now a page the copy serves, which keeps the registration alive after a removal
    assert page.evaluate("Boolean(navigator.serviceWorker.controller)")
    page.get_by_role("button", name="Remove the offline copy from this device").click()
    expect(page.locator("[data-offline-status]")).to_have_text("Done. The offline copy is removed from this device.")
    assert page.evaluate(CACHE_NAMES) == []
    page.get_by_role("button", name="Keep an offline copy on this device").click()
    expect(page.locator("[data-offline-status]")).to_have_text(
        "Done. This device now keeps an offline copy of this site.", timeout=ENGINE_TIMEOUT_MS
    )
    cached = {url for _, url in page.evaluate(CACHED_URLS)}
    assert site_url + f"pyodide/{snapshot.SNAPSHOT_FILE}" in cached
    assert traffic.errors == []


def test_the_privacy_page_removes_the_copy_after_instant_navigation(page: Page, site_url: str, traffic) -> None:
    keep_offline_copy(page, site_url)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav a[href$='privacy/']").first.click()
    expect(page).to_have_url(site_url + "privacy/")
    assert page.evaluate("window.__sameDocument === true"), "the link caused a full page load"
    status = page.locator("[data-offline-status]")
    expect(status).to_have_text("This device keeps an offline copy of this site.")
    page.get_by_role("button", name="Remove the offline copy from this device").click()
    expect(status).to_have_text("Done. The offline copy is removed from this device.")
    assert stored_nothing(page)
    page.reload()
    expect(page.locator("[data-offline-status]")).to_have_text("This device has no offline copy of this site.")
    expect(page.get_by_role("button", name="Keep an offline copy on this device")).to_be_visible()
    assert traffic.errors == []


def test_offline_controls_left_by_instant_navigation_are_let_go(page: Page, site_url: str) -> None:
    page.goto(site_url + "self-check/")
    page.wait_for_load_state("networkidle")
    without_controls = document_listeners(page, "visibilitychange")  # the theme's own, if any
    page.evaluate("window.__sameDocument = true")
    for name in ["Relationship check", "Quick check-in"]:
        page.locator("article").get_by_role("link", name=name).click()
        expect(page.locator("[data-offline-status]")).to_have_attribute("role", "status")
        page.go_back()
    page.locator("article").get_by_role("link", name="First sessions check").click()
    expect(page.locator("[data-offline-status]")).to_have_attribute("role", "status")
    assert page.evaluate("window.__sameDocument === true"), "a link caused a full page load"
    # Only the open page's controls may still listen.
    assert document_listeners(page, "visibilitychange") == without_controls + 1


def document_listeners(page: Page, event: str) -> int:
    """How many listeners for ``event`` the document has (Chromium's DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    document = cdp.send("Runtime.evaluate", {"expression": "document"})["result"]["objectId"]
    listeners = cdp.send("DOMDebugger.getEventListeners", {"objectId": document})["listeners"]
    cdp.detach()
    return sum(listener["type"] == event for listener in listeners)


# An update from one build to another, on a server whose files are swapped in place.


@pytest.fixture
def deployed(built_site: Path, tmp_path: Path, traffic) -> Iterator[tuple[Path, str]]:
    """A copy of the built site, served from a folder the test can redeploy into (the traffic guard follows it)."""
    folder = tmp_path / "deployed"
    shutil.copytree(built_site, folder)
    server, url = serve_in_background(folder, "/practice-site/")
    traffic.origin = url.removesuffix("/practice-site/")
    yield folder, url
    server.shutdown()


def next_build(site: Path, tmp_path: Path) -> Path:
    """Build B: the same site with a changed check page and snapshot manifest, and its own service worker."""
    build = tmp_path / "build-b"
    shutil.copytree(site, build)
    page = build / CHECK / "index.html"
    page.write_text(page.read_text().replace("</h1>", " (build B)</h1>", 1))
    manifest = build / "pyodide" / snapshot.MANIFEST_FILE
    data = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**data, "deploy": "B"}, indent=1, sort_keys=True))
    offline.write_service_worker(build)
    return build


def deploy(build: Path, folder: Path, only: list[str] | None = None) -> None:
    for path in only or [str(p.relative_to(build)) for p in build.rglob("*") if p.is_file()]:
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(build / path, folder / path)


def test_a_save_that_fails_keeps_nothing_and_says_so(browser: Browser, deployed: tuple[Path, str]) -> None:
    folder, url = deployed
    # A file that no longer matches the list, as when a deploy is half done.
    (folder / "privacy" / "index.html").write_text("<p>changed</p>", encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url + CHECK)
        keep = page.get_by_role("button", name="Keep an offline copy on this device")
        keep.click()
        expect(page.locator("[data-offline-status]")).to_have_text(
            "The copy could not be saved. The self-checks still work while you are online.",
            timeout=ENGINE_TIMEOUT_MS,
        )
        expect(keep).to_be_visible()
        assert stored_nothing(page)
    finally:
        context.close()


def snapshot_manifest(page: Page) -> dict:
    return page.evaluate("fetch('../../pyodide/snapshot.json').then(r => r.json())")


def test_an_update_never_mixes_two_builds(
    browser: Browser, deployed: tuple[Path, str], built_site: Path, tmp_path: Path
) -> None:
    folder, url = deployed
    context = browser.new_context()
    try:
        first = context.new_page()
        keep_offline_copy(first, url)
        [version_a] = first.evaluate(CACHE_NAMES)

        # Half a deploy (the new service worker, the old files): the new version is refused whole.
        build_b = next_build(built_site, tmp_path)
        deploy(build_b, folder, only=[offline.SERVICE_WORKER_FILE])
        first.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update()).catch(() => null)")
        assert first.evaluate(OFFLINE_COPY_READY)
        assert first.evaluate(CACHE_NAMES) == [version_a]

        # The whole deploy: while a page of build A is open, everything it loads is A's.
        deploy(build_b, folder)
        first.reload()
        expect(first.get_by_role("heading", level=1)).not_to_contain_text("build B")
        assert "deploy" not in snapshot_manifest(first)
        first.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        assert first.evaluate(WAITING_VERSION), "build B was not installed"
        first.close()

        # Once no page of A is open, B takes over, whole, and A's copy is deleted.
        for _ in range(50):
            page = context.new_page()
            page.goto(url + CHECK)
            if "build B" in page.get_by_role("heading", level=1).inner_text():
                break
            page.wait_for_timeout(200)
            page.close()
        else:
            pytest.fail("build B never took over")
        assert snapshot_manifest(page)["deploy"] == "B"
        check = SelfCheckPage(page, "check-in")
        check.answer(ANSWERS)
        check.submit()
        check.wait_for_result()
        expect(page.locator("[data-selfcheck-engine]")).to_have_text(re.compile("ready"), timeout=ENGINE_TIMEOUT_MS)
        [version_b] = page.evaluate(CACHE_NAMES)
        assert version_b != version_a
    finally:
        context.close()


# Two deploys served in turn: a visitor with A's copy sees A, whole, until they choose B.

NEW_IN_B = "privacy-b/"
DEPLOY_MARK = "window.__deploy"


def build_with_new_page(site: Path, tmp_path: Path) -> Path:
    """Build B: as next_build, with a page A does not have and a script that marks the pages it runs in."""
    build = tmp_path / "build-b"
    shutil.copytree(site, build)
    page = build / CHECK / "index.html"
    page.write_text(page.read_text().replace("</h1>", " (build B)</h1>", 1))
    shutil.copytree(build / "privacy", build / NEW_IN_B)
    script = build / "assets" / "javascripts" / "instant_navigation.js"
    script.write_text(script.read_text() + f'\n{DEPLOY_MARK} = "B";\n')
    offline.write_service_worker(build)
    return build


def deploy_mark(page: Page) -> str | None:
    # A locator, not wait_for_function with an expression: polling an expression evaluates text,
    # which the page's policy (no 'unsafe-eval') refuses when the first look finds nothing.
    page.locator("[data-wired]").first.wait_for(state="attached")
    return page.evaluate(DEPLOY_MARK)


def test_update_now_when_a_newer_deploy_is_ready(
    browser: Browser, deployed: tuple[Path, str], built_site: Path, tmp_path: Path
) -> None:
    folder, url = deployed
    context = browser.new_context()
    try:
        page = context.new_page()
        keep_offline_copy(page, url)
        [version_a] = page.evaluate(CACHE_NAMES)
        deploy(build_with_new_page(built_site, tmp_path), folder)

        # B is found and saved in the background; the visitor still sees A, whole.
        page.reload()
        assert page.evaluate(WAITING_VERSION), "build B was not installed"
        page.reload()
        expect(page.get_by_role("heading", level=1)).not_to_contain_text("build B")
        assert deploy_mark(page) is None
        status = page.locator("[data-offline-status]")
        expect(status).to_have_text(re.compile("A newer version of this site is ready"))
        update = page.get_by_role("button", name="Update now")
        expect(update).to_be_visible()

        # Update now: B takes over and the page reloads from it, whole.
        update.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("build B", timeout=ENGINE_TIMEOUT_MS)
        assert deploy_mark(page) == "B"
        expect(page.get_by_role("button", name="Update now")).to_be_hidden()
        assert page.evaluate(OFFLINE_COPY_READY)
        [version_b] = page.evaluate(CACHE_NAMES)
        assert version_b != version_a
    finally:
        context.close()


def test_a_page_new_in_the_next_deploy_never_runs_the_kept_copys_scripts(
    browser: Browser, deployed: tuple[Path, str], built_site: Path, tmp_path: Path
) -> None:
    folder, url = deployed
    context = browser.new_context()
    try:
        page = context.new_page()
        keep_offline_copy(page, url)
        deploy(build_with_new_page(built_site, tmp_path), folder)
        page.goto(url + NEW_IN_B)  # not in A's copy: from the network, with B's scripts
        assert deploy_mark(page) == "B"
        page.goto(url + CHECK)  # in A's copy: A's page with A's scripts
        expect(page.get_by_role("heading", level=1)).not_to_contain_text("build B")
        assert deploy_mark(page) is None
    finally:
        context.close()


# A check page new in the next deploy: its engine is that deploy's too, never the kept copy's.

NEW_CHECK_IN_B = "self-check/check-in-b/"
ENGINE_MARK = "globalThis.__engineDeploy ?? null"


def build_with_new_check_page(site: Path, tmp_path: Path) -> Path:
    """Build B: a check page A does not have, and an engine whose worker marks itself as B's."""
    build = tmp_path / "build-b"
    shutil.copytree(site, build)
    shutil.copytree(build / CHECK, build / NEW_CHECK_IN_B)
    worker = build / "assets" / "javascripts" / "selfcheck" / "worker" / "main.js"
    worker.write_text(worker.read_text() + '\nglobalThis.__engineDeploy = "B";\n')
    offline.write_service_worker(build)  # stamps B's engine too
    return build


def scoring_worker(page: Page) -> Worker:
    """The running scoring worker of ``page`` (the theme's search worker has lunr)."""
    for _ in range(200):
        scoring = [worker for worker in page.workers if worker.evaluate("typeof lunr") == "undefined"]
        if scoring:
            return scoring[0]
        page.wait_for_timeout(100)
    pytest.fail("the scoring worker is not running")


def engine_files_served(page: Page, visit: str) -> dict[str, bool]:
    """Score the check at ``visit``; each engine file the worker loaded -> whether the kept copy served it."""
    responses: list[Response] = []

    def heard(response: Response) -> None:
        responses.append(response)

    page.on("response", heard)
    page.goto(visit)
    check = SelfCheckPage(page, "check-in")
    check.answer(ANSWERS)
    check.submit()
    check.wait_for_result()
    page.remove_listener("response", heard)
    engine = (
        "/pyodide/",
        "/selfcheck/worker/",
        "/selfcheck/snapshot_delta.js",
        "/selfcheck/start_rule.js",
        "/hex_sha256.js",
    )
    return {
        response.url: response.from_service_worker
        for response in responses
        if any(part in response.url for part in engine) and "offline-copy-engine" not in response.url
    }


def test_a_check_page_new_in_the_next_deploy_runs_that_deploys_engine(
    browser: Browser, deployed: tuple[Path, str], built_site: Path, tmp_path: Path
) -> None:
    """What this proves: with A's copy kept, a page only B has comes from the network and so does every
    file its scoring engine loads (none from the kept copy; B's own worker runs and scores); a page
    in A's copy still runs A's engine, from the copy. Before the engine carried its stamp, the new
    page's worker got A's engine files from the copy (its requests are the worker's, not the page's)."""
    folder, url = deployed
    context = browser.new_context()
    try:
        page = context.new_page()
        keep_offline_copy(page, url)
        deploy(build_with_new_check_page(built_site, tmp_path), folder)

        served = engine_files_served(page, url + NEW_CHECK_IN_B)
        assert served, "the engine loaded no files"
        assert not any(served.values()), f"from A's copy: {[u for u, kept in served.items() if kept]}"
        assert scoring_worker(page).evaluate(ENGINE_MARK) == "B"

        served = engine_files_served(page, url + CHECK)
        assert served and all(served.values()), f"not from A's copy: {[u for u, kept in served.items() if not kept]}"
        assert scoring_worker(page).evaluate(ENGINE_MARK) is None
    finally:
        context.close()
