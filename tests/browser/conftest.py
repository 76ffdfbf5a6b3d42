"""Drive Debian's Chromium against the built site (see tests/conftest.py)."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from sitebuild.chromium import CHROMIUM_ARGS, CHROMIUM_PATH, missing_chromium

# Report CSP violations (and uncaught errors in workers) as console errors.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
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

    def off_origin(self) -> list[str]:
        return [
            url
            for url in self.requests + self.service_worker_requests
            if not url.startswith(("data:", "blob:")) and origin_of(url) != self.origin
        ]

    def watch(self, page: Page) -> Page:
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on(
            "worker", lambda worker: worker.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        )
        return page


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def traffic(site_url: str) -> Traffic:
    return Traffic(origin=origin_of(site_url))


@pytest.fixture
def context(browser: Browser, traffic: Traffic) -> Iterator[BrowserContext]:
    context = browser.new_context()
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    # Record every request, workers' included; anything off-origin is also blocked.
    context.on(
        "request",
        lambda request: (traffic.service_worker_requests if request.service_worker else traffic.requests).append(
            request.url
        ),
    )
    context.route(
        lambda url: origin_of(url) != traffic.origin and not url.startswith(("data:", "blob:")),
        lambda route: route.abort(),
    )
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext, traffic: Traffic) -> Page:
    return traffic.watch(context.new_page())
