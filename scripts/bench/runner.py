"""Drives the served site (and the floor) in Chromium and measures what a visitor meets: bytes, requests and times."""

import sys

from playwright.sync_api import Browser, BrowserContext, Page

from bench.server import Transfer
from sitebuild import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "assessment" / "src"))
from alliance_check import load_questionnaire

HOME, CONTENT, CHECK = "", "relationship/trust-and-safety/", "self-check/alliance/"
QUESTIONNAIRE = "alliance"
HUMAN_PACE_S = 1.5
# On 127.0.0.1 a download costs almost nothing, so the repeat visit is also
# timed on Chrome's emulated network of a phone on a good 4G signal, where
# a first visit meets the download the offline copy saves.
PHONE_NETWORK = {
    "offline": False,
    "latency": 60,
    "downloadThroughput": 9_000_000 / 8,
    "uploadThroughput": 1_500_000 / 8,
}
TIMEOUT_MS = 120_000

# Records, in the page, when each worker was created and when it reported each state.
# Works with any engine that speaks the site's message protocol ({type: "status", state}).
INSTRUMENT = """
(() => {
  const bench = (window.__bench = { workers: [], submitted: null, result: null, wired: null });
  const Native = window.Worker;
  if (Native) {
    window.Worker = class extends Native {
      constructor(url, options) {
        const record = { url: String(url), type: (options && options.type) || "classic", created: performance.now() };
        super(url, options);
        bench.workers.push(record);
        this.addEventListener("message", ({ data }) => {
          if (data && data.type === "status" && !(data.state in record)) record[data.state] = performance.now();
          if (data && data.type === "status" && data.start) record.start = data.start;
        });
      }
    };
  }
  addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest("[data-selfcheck-submit]")) bench.submitted = performance.now();
  }, true);
  new MutationObserver(() => {
    if (bench.wired === null && document.querySelector("[data-selfcheck][data-wired]")) bench.wired = performance.now();
    if (bench.submitted !== null && bench.result === null) {
      const heading = document.querySelector(".selfcheck-result__heading");
      if (heading && heading.offsetParent !== null) bench.result = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();
"""


def wait_until(page: Page, condition: str, timeout_ms: int = TIMEOUT_MS) -> None:
    """Poll ``condition`` (a JavaScript expression) in the page; unlike wait_for_function, allowed by the CSP."""
    met = page.evaluate(
        """async ([condition, timeout]) => {
          const test = () => condition.split(" && ").every((part) => {
            if (part === "result") return window.__bench.result !== null;
            if (part === "engine") return window.__bench.workers.some((w) => "ready" in w || "failed" in w);
            throw new Error("unknown condition " + part);
          });
          const end = performance.now() + timeout;
          while (!test()) {
            if (performance.now() > end) return false;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          return true;
        }""",
        [condition, timeout_ms],
    )
    if not met:
        raise TimeoutError(f"{condition} not met within {timeout_ms} ms")


class Bench:
    def __init__(self, browser: Browser, site_url: str, floor_url: str, transfer: Transfer) -> None:
        self.browser, self.site_url, self.floor_url, self.transfer = browser, site_url, floor_url, transfer
        self.items = [item.id for item in load_questionnaire(QUESTIONNAIRE, "en").items]
        self.scale_min = load_questionnaire(QUESTIONNAIRE, "en").items[0].scale.min

    def context(self) -> BrowserContext:
        context = self.browser.new_context()
        context.add_init_script(INSTRUMENT)
        return context

    def open(self, context: BrowserContext, path: str) -> Page:
        page = context.new_page()
        page.goto(self.site_url + path, wait_until="load")
        return page

    def choice(self, page: Page, index: int):
        item = self.items[index]
        value = self.scale_min + index % 3
        return page.locator(f'input[name="{QUESTIONNAIRE}.{item}"][value="{value}"]')

    @staticmethod
    def bench_state(page: Page) -> dict:
        return page.evaluate("JSON.parse(JSON.stringify(window.__bench))")

    def engine_worker(self, page: Page) -> dict:
        # The engine's is the one module worker (it starts from a blob: URL, as the search worker does).
        return next(w for w in self.bench_state(page)["workers"] if w["type"] == "module")

    def wait_engine(self, page: Page) -> dict:
        wait_until(page, "engine")
        worker = self.engine_worker(page)
        if "ready" not in worker:
            raise RuntimeError(f"the engine failed: {worker}")
        return worker

    def engine_ready_after_first_answer(self, page: Page) -> float:
        """Answer the first question (which starts the engine); milliseconds from the worker's start to ready."""
        self.choice(page, 0).check()
        worker = self.wait_engine(page)
        return worker["ready"] - worker["created"]

    def submit_and_wait(self, page: Page) -> float:
        page.locator("[data-selfcheck-submit]").click()
        wait_until(page, "result")
        state = self.bench_state(page)
        return state["result"] - state["submitted"]

    @staticmethod
    def keep_offline_copy(page: Page) -> bool:
        """Ask for the offline copy (older sites keep it without asking) and wait until it is saved."""
        keep = page.locator("[data-offline-keep]")
        if keep.count():
            keep.click()
        return page.evaluate(
            """async () => {
              if (!navigator.serviceWorker) return false;
              for (let i = 0; i < 600; i++) {
                const registration = await navigator.serviceWorker.getRegistration();
                if (registration && registration.active && !registration.installing && !registration.waiting)
                  return true;
                if (!registration && i > 20) return false;
                await new Promise((resolve) => setTimeout(resolve, 100));
              }
              return false;
            }"""
        )

    def page_weight(self, path: str) -> dict:
        context = self.context()
        self.transfer.reset()
        page = self.open(context, path)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        totals = self.transfer.totals()
        paint = page.evaluate(
            "(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: null}).startTime"
        )
        totals.update(first_paint_ms=paint, form_usable_ms=self.bench_state(page)["wired"])
        context.close()
        return totals

    def floor(self) -> float:
        context = self.context()
        page = context.new_page()
        page.goto(self.floor_url, wait_until="load")
        wait_until(page, "engine")
        worker = self.bench_state(page)["workers"][0]
        context.close()
        if "ready" not in worker:
            raise RuntimeError(f"bare Pyodide failed: {worker}")
        return worker["ready"] - worker["created"]

    def first_click(self) -> dict:
        """Cold start: the visitor chooses one answer and submits at once."""
        context = self.context()
        self.transfer.reset()
        page = self.open(context, CHECK)
        self.choice(page, 0).check()
        submit_to_result = self.submit_and_wait(page)
        worker = self.wait_engine(page)
        context.close()
        return {"engine_ready_ms": worker["ready"] - worker["created"], "submit_to_result_ms": submit_to_result}

    def open_on_phone_network(self, context: BrowserContext, path: str) -> Page:
        page = context.new_page()
        session = context.new_cdp_session(page)  # the emulation covers the page's worker too
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", PHONE_NETWORK)
        page.goto(self.site_url + path, wait_until="load")
        return page

    def phone_network_then_repeat(self) -> dict:
        """Engine ready on the emulated phone network: first visit, then a repeat visit with the offline copy."""
        context = self.context()
        self.transfer.reset()
        page = self.open_on_phone_network(context, CHECK)
        figures = {"engine_ready_cold_ms": self.engine_ready_after_first_answer(page)}
        figures["cold"] = self.transfer.totals()
        figures["cold_start"] = self.start_report(page)
        figures["offline_copy"] = self.keep_offline_copy(page)
        page.close()
        page = self.open_on_phone_network(context, CHECK)
        figures["engine_ready_repeat_ms"] = self.engine_ready_after_first_answer(page)
        figures["repeat_start"] = self.start_report(page)
        context.close()
        return figures

    def phone_network_ordinary_start(self) -> dict:
        """A first visit on the emulated phone network when the engine starts the ordinary way (no snapshot)."""
        context = self.context()
        context.route("**/pyodide/snapshot.bin.xz", lambda route: route.abort())
        self.transfer.reset()
        page = self.open_on_phone_network(context, CHECK)
        figures = {"engine_ready_ms": self.engine_ready_after_first_answer(page)}
        figures["transfer"] = self.transfer.totals()
        figures["start"] = self.start_report(page)
        context.close()
        return figures

    def start_report(self, page: Page) -> dict:
        """How the engine says it started: {start, decompress_ms, rebuild_ms, restore_ms}."""
        return self.engine_worker(page).get("start") or {}

    def human_pace_then_repeat(self) -> dict:
        """Answer every item at a human pace and submit; then come back (same profile), online and offline."""
        figures: dict = {}
        context = self.context()
        self.transfer.reset()
        page = self.open(context, CHECK)
        for index in range(len(self.items)):
            self.choice(page, index).check()
            page.wait_for_timeout(HUMAN_PACE_S * 1000)
        worker = self.wait_engine(page)
        figures["engine_ready_during_answers_ms"] = worker["ready"] - worker["created"]
        figures["submit_to_result_human_ms"] = self.submit_and_wait(page)
        figures["after_scoring"] = self.transfer.totals()
        figures["offline_copy"] = self.keep_offline_copy(page)
        page.wait_for_timeout(300)
        figures["after_scoring_with_offline_copy"] = self.transfer.totals()
        page.close()

        # Repeat visit, same profile: a new page, as when the visitor comes back.
        self.transfer.reset()
        page = self.open(context, CHECK)
        figures["engine_ready_warm_ms"] = self.engine_ready_after_first_answer(page)
        figures["repeat_visit"] = self.transfer.totals()
        figures["repeat_start"] = self.start_report(page)
        page.close()

        # And offline.
        context.set_offline(True)
        try:
            page = self.open(context, CHECK)
            figures["engine_ready_offline_ms"] = self.engine_ready_after_first_answer(page)
            figures["submit_to_result_offline_ms"] = self.submit_and_wait(page)
        except Exception as error:  # the site before the offline copy cannot load offline
            figures["offline_error"] = str(error).splitlines()[0][:200]
        finally:
            context.set_offline(False)
            context.close()
        return figures
