"""The workers that see what visitors type run under the page's policy: they reach no other origin.

A <meta> policy does not apply to a worker loaded from its own URL, so the site
starts its workers from same-origin blob: URLs, which inherit it. Proved here
from inside the running workers: a request to a second local server, on
another port (another origin), fails and that server hears nothing.
"""

import http.server
import re
import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, Worker, expect
from selfcheck_page import ENGINE_TIMEOUT_MS, SelfCheckPage

from alliance_check import load_questionnaire

pytestmark = pytest.mark.browser

CHECK_IN = load_questionnaire("check-in", "en")


class Listener(http.server.ThreadingHTTPServer):
    """Another origin: records every request it receives, answers 200 with CORS open to all."""

    daemon_threads = True

    def __init__(self) -> None:
        self.heard: list[str] = []
        listener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                listener.heard.append(self.path)
                self.send_response(200)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Content-Type", "text/javascript")
                self.end_headers()
                self.wfile.write(b"export const reached = true;")

            def log_message(self, *args) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


@pytest.fixture
def other_origin() -> Iterator[Listener]:
    server = Listener()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


# Each way out, tried from inside a worker; each resolves to what happened.
ATTEMPTS = """async (base) => {
  const tried = {};
  const attempt = async (name, action) => {
    try { tried[name] = "reached: " + (await action()); } catch (error) { tried[name] = "refused: " + error; }
  };
  await attempt("fetch", async () => (await fetch(base + "fetch?answers=1")).status);
  await attempt("import", async () => (await import(base + "import.js")).reached);
  await attempt("websocket", () => new Promise((resolve, reject) => {
    const socket = new WebSocket(base.replace("http", "ws") + "socket");
    socket.onopen = () => resolve("open");
    socket.onerror = () => reject(new Error("socket error"));
  }));
  await attempt("eval", async () => eval("1 + 1"));
  return tried;
}"""


def assert_confined(worker: Worker, other_origin: Listener) -> None:
    tried = worker.evaluate(ATTEMPTS, other_origin.url)
    assert all(outcome.startswith("refused") for outcome in tried.values()), tried
    assert other_origin.heard == []


def running_workers(page: Page, count: int) -> list[Worker]:
    for _ in range(200):
        if len(page.workers) >= count:
            return list(page.workers)
        page.wait_for_timeout(100)
    pytest.fail(f"expected {count} workers, found {len(page.workers)}")


@pytest.mark.provokes("off-origin request", "console error", "CSP violation")
def test_the_scoring_worker_reaches_no_other_origin(page: Page, site_url: str, other_origin: Listener) -> None:
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    check.answer({item.id: 4 for item in CHECK_IN.items})
    expect(check.engine_status).to_have_text(re.compile("ready"), timeout=ENGINE_TIMEOUT_MS)
    scoring = [worker for worker in running_workers(page, 2) if worker.evaluate("typeof lunr") == "undefined"]
    assert len(scoring) == 1, "the scoring worker is not running"
    assert_confined(scoring[0], other_origin)
    check.submit()
    check.wait_for_result()  # still scoring after the attempts


@pytest.mark.provokes("off-origin request", "console error", "CSP violation")
def test_the_search_worker_reaches_no_other_origin(page: Page, site_url: str, other_origin: Listener) -> None:
    page.goto(site_url)
    [search] = running_workers(page, 1)
    page.keyboard.press("/")  # the theme's search shortcut
    page.keyboard.type("trust")
    expect(page.locator(".md-search-result__list li").first).to_be_visible()
    assert_confined(search, other_origin)


def test_no_request_carries_a_referer(page: Page, site_url: str) -> None:
    referers: list[str] = []
    page.context.on(
        "request",
        lambda request: referers.extend(f"{request.url} <- {r}" for r in [request.headers.get("referer")] if r),
    )
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    check.answer({item.id: 4 for item in CHECK_IN.items})
    check.submit()
    check.wait_for_result()
    page.keyboard.press("/")
    page.keyboard.type("trust")
    expect(page.locator(".md-search-result__list li").first).to_be_visible()
    assert referers == [], "\n".join(referers)
