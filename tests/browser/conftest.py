"""Drive Debian's Chromium against the built site (see tests/conftest.py).

Every browser test is guarded: it fails if any page or worker it drove made a
request to another origin, logged a console error, threw an uncaught error or
met a Content-Security-Policy violation. A test that provokes one on purpose
declares it with ``@pytest.mark.provokes("console error", ...)`` (the kinds
are in ``GUARDED``) and asserts what it expects itself.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from dev.chromium import CHROMIUM_ARGS, CHROMIUM_PATH, missing_chromium

# Report CSP violations (and uncaught errors in workers) as console errors.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
});
"""
GUARDED = ("off-origin request", "console error", "page error", "CSP violation")


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def session_browser(playwright: Playwright) -> Iterator[Browser]:
    if problem := missing_chromium():
        pytest.fail(problem)
    browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class Traffic:
    """What a browser context asked for and complained about."""

    origin: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # The offline copy's downloads (its service worker's), kept apart from the pages' and their workers'.
    service_worker_requests: list[str] = field(default_factory=list)
    # Everything, for the guard: tests may clear the lists above once they have checked them.
    all_requests: list[str] = field(default_factory=list)
    all_errors: list[str] = field(default_factory=list)
    _watched: list[Page] = field(default_factory=list)

    def off_origin(self, requests: list[str] | None = None) -> list[str]:
        return [
            url
            for url in (self.requests + self.service_worker_requests if requests is None else requests)
            if not url.startswith(("data:", "blob:")) and origin_of(url) != self.origin
        ]

    def error(self, text: str) -> None:
        self.errors.append(text)
        self.all_errors.append(text)

    def watch(self, page: Page) -> Page:
        if any(page is watched for watched in self._watched):
            return page
        self._watched.append(page)
        page.on("console", lambda message: message.type == "error" and self.error(message.text))
        page.on("pageerror", lambda error: self.error(f"page error: {error}"))
        page.on("worker", lambda worker: worker.on("console", lambda m: m.type == "error" and self.error(m.text)))
        return page

    def record(self, context: BrowserContext) -> BrowserContext:
        """Record every request of ``context``, its workers' included, and watch each of its pages."""

        def on_request(request) -> None:
            (self.service_worker_requests if request.service_worker else self.requests).append(request.url)
            self.all_requests.append(request.url)

        context.on("request", on_request)
        context.on("page", self.watch)
        return context


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture(autouse=True)
def traffic(site_url: str, request: pytest.FixtureRequest) -> Iterator[Traffic]:
    """What the test's browser contexts did; afterwards, the guard (every browser test has it)."""
    recorded = Traffic(origin=origin_of(site_url))
    yield recorded
    guard(recorded, provoked(request))


def provoked(request: pytest.FixtureRequest) -> set[str]:
    kinds = {kind for marker in request.node.iter_markers("provokes") for kind in marker.args}
    if unknown := kinds - set(GUARDED):
        pytest.fail(f"unknown kinds in @pytest.mark.provokes: {sorted(unknown)} (known: {', '.join(GUARDED)})")
    return kinds


class GuardedBrowser:
    """The session's browser, whose every new context is recorded and, unless the test says, kept on its origin."""

    def __init__(self, browser: Browser, traffic: Traffic, block_off_origin: bool) -> None:
        self._browser = browser
        self._traffic = traffic
        self._block = block_off_origin

    def new_context(self, *, block_off_origin: bool = True, **options) -> BrowserContext:
        """A new context; ``block_off_origin=False`` leaves requests unrouted (routing keeps pages out of the
        back-forward cache), while the guard still fails the test on any off-origin request."""
        context = self._traffic.record(self._browser.new_context(**options))
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        if self._block and block_off_origin:
            context.route(
                lambda url: origin_of(url) != self._traffic.origin and not url.startswith(("data:", "blob:")),
                lambda route: route.abort(),
            )
        return context

    def __getattr__(self, name: str):
        return getattr(self._browser, name)


@pytest.fixture
def browser(session_browser: Browser, traffic: Traffic, request: pytest.FixtureRequest) -> Iterator[GuardedBrowser]:
    yield GuardedBrowser(session_browser, traffic, "off-origin request" not in provoked(request))


def guard(traffic: Traffic, allowed: set[str]) -> None:
    """Fail a browser test that met anything in GUARDED it did not declare."""
    problems = []
    if "off-origin request" not in allowed:
        problems += [f"off-origin request: {url}" for url in traffic.off_origin(traffic.all_requests)]
    for text in traffic.all_errors:
        kind = (
            "CSP violation"
            if "CSP violation" in text or "Content Security Policy" in text
            else "page error"
            if text.startswith("page error:")
            else "console error"
        )
        if kind not in allowed:
            problems.append(f"{kind}: {text}")
    if problems:
        pytest.fail("The browser met what the test did not declare:\n  " + "\n  ".join(problems[:20]), pytrace=False)


@pytest.fixture
def context(browser: GuardedBrowser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
