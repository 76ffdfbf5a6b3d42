"""Benchmark the built site in headless Chromium: bytes, requests and times a visitor meets.

    .venv/bin/python scripts/bench/site.py [--runs 5] [--output build/bench/site.json]

Builds the site, serves it on 127.0.0.1 with gzip (as GitHub Pages and most
static hosts compress text and WebAssembly; zip, wheel and ``.gz`` files are
sent as they are) and drives Debian's Chromium through Playwright with the
browser tests' arguments. Every figure is measured ``--runs`` times, each run
in a new browser profile unless it is a repeat visit; the table shows the
median and the range. Bytes are what the server sent (headers and compressed
bodies), so files served from the browser's caches count as nothing.

Engine ready on a first and a repeat visit is also timed on Chrome's
emulated network of a phone on good 4G (9 Mbit/s down, 60 ms latency), where
the offline copy's saving shows; on 127.0.0.1 downloads cost almost nothing.
On that network the first visit is measured twice, with the bytes each
downloads: the start from the snapshot, and the ordinary start (the snapshot
withheld, as the worker starts where the connection asks for fewer bytes and
the ordinary start downloads less). The worker reports how its start went;
the table shows the repeat visit's split of CPU time: decompressing the
snapshot (from the offline copy), rebuilding it from its delta, restoring it.

In the same run, the floor: a bare page generated into a temporary folder
(never shipped) that only calls ``loadPyodide()`` in a module worker, served
by the same server from a copy of the pinned npm package's files.

A benchmark, not a test: the figures depend on the machine and its load.
"""

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from sitebuild import PROJECT_ROOT, runtime
from sitebuild.chromium import CHROMIUM_ARGS, CHROMIUM_PATH, missing_chromium
from sitebuild.serve import SiteRequestHandler, make_server
from sitebuild.strict_build import run_strict_build

sys.path.insert(0, str(PROJECT_ROOT / "assessment" / "src"))
from alliance_check import load_questionnaire

SITE_PREFIX = "/site/"
FLOOR_PREFIX = "/floor/"
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

# Targets from issues 7 and 19 (ratios are against the floor or the cold start, measured in the same run).
TARGETS = {
    "engine_ready_cold_vs_floor": 0.30,
    "submit_to_result_human_ms": 100,
    "engine_ready_warm_vs_cold": 0.6,
    "check_page_after_scoring_bytes": 6_500_000,
    "engine_ready_cold_phone_ms": 6_000,
    "content_page_bytes": 150_000,
}

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

FLOOR_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide</title></head>
<body><p id="state">starting</p>
<script type="module">
const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => { document.getElementById("state").textContent = data.state; };
</script></body></html>
"""
FLOOR_WORKER = """import { loadPyodide } from "./pyodide.mjs";
loadPyodide().then(
  () => postMessage({ type: "status", state: "ready" }),
  (error) => postMessage({ type: "status", state: "failed", error: String(error) }),
);
"""
FLOOR_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


@dataclass
class Transfer:
    """What the server sent, per request, since the last reset."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: list[tuple[str, int]] = field(default_factory=list)

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.requests.append((path, size))

    def totals(self) -> dict:
        with self.lock:
            requests = list(self.requests)
        return {
            "bytes": sum(size for _, size in requests),
            "requests": len(requests),
            "pyodide_bytes": sum(size for path, size in requests if "/pyodide/" in path),
            "files": sorted({path.split("?", 1)[0] for path, _ in requests}),
        }


class _CountingWriter:
    def __init__(self, raw, count: Callable[[int], None]) -> None:
        self._raw, self._count = raw, count

    def write(self, data) -> int:
        written = self._raw.write(data)
        self._count(len(data))
        return written

    def __getattr__(self, name: str):
        return getattr(self._raw, name)


def make_handler(transfer: Transfer, floor_dir: Path) -> type[SiteRequestHandler]:
    class BenchHandler(SiteRequestHandler):
        def setup(self) -> None:
            super().setup()
            self._sent = 0
            self.wfile = _CountingWriter(self.wfile, self._add)

        def _add(self, size: int) -> None:
            self._sent += size

        def handle_one_request(self) -> None:
            self._sent = 0
            super().handle_one_request()
            if getattr(self, "path", None) and self._sent:
                transfer.add(self.path, self._sent)

        def translate_path(self, path: str) -> str:
            if path.startswith(FLOOR_PREFIX):
                return str(floor_dir / path[len(FLOOR_PREFIX) :].split("?", 1)[0])
            return super().translate_path(path)

    return BenchHandler


@contextlib.contextmanager
def served(site_dir: Path, floor_dir: Path, transfer: Transfer) -> Iterator[str]:
    handler = make_handler(transfer, floor_dir)
    server = make_server(site_dir, SITE_PREFIX, gzip=True, handler_base=handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.url
    finally:
        server.shutdown()


def build(site_dir: Path, site_url: str) -> float:
    started = time.perf_counter()
    completed = run_strict_build(site_dir, site_url)
    if completed.returncode != 0:
        raise SystemExit("mkdocs build failed:\n" + completed.stderr[-3000:])
    return time.perf_counter() - started


def write_floor(floor_dir: Path) -> None:
    for name in FLOOR_FILES:
        shutil.copy2(runtime.PYODIDE_PACKAGE_DIR / name, floor_dir / name)
    (floor_dir / "index.html").write_text(FLOOR_PAGE, encoding="utf-8")
    (floor_dir / "worker.js").write_text(FLOOR_WORKER, encoding="utf-8")


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
        context.route("**/pyodide/snapshot.bin.gz", lambda route: route.abort())
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


def summary(values: list[float | None]) -> dict | None:
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": values}


def run(runs: int, output: Path, keep_site: bool) -> dict:
    transfer = Transfer()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        floor_dir = Path(temporary) / "floor"
        floor_dir.mkdir()
        write_floor(floor_dir)
        site_dir = (PROJECT_ROOT / "build" / "bench" / "site") if keep_site else Path(temporary) / "site"
        shutil.rmtree(site_dir, ignore_errors=True)
        site_dir.mkdir(parents=True)
        with served(site_dir, floor_dir, transfer) as site_url:
            floor_url = site_url.replace(SITE_PREFIX, FLOOR_PREFIX)
            build_seconds = build(site_dir, site_url)
            print(f"Built in {build_seconds:.1f} s; serving {site_url} (gzip) and the floor at {floor_url}")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
                bench = Bench(browser, site_url, floor_url, transfer)
                weights: dict[str, list[dict]] = {"home": [], "content": [], "check_before_interaction": []}
                cold: list[dict] = []
                floor: list[float] = []
                human: list[dict] = []
                phone: list[dict] = []
                ordinary: list[dict] = []
                for number in range(1, runs + 1):
                    weights["home"].append(bench.page_weight(HOME))
                    weights["content"].append(bench.page_weight(CONTENT))
                    weights["check_before_interaction"].append(bench.page_weight(CHECK))
                    # Cold start and floor alternate, so both meet the same load.
                    floor.append(bench.floor())
                    cold.append(bench.first_click())
                    human.append(bench.human_pace_then_repeat())
                    phone.append(bench.phone_network_then_repeat())
                    ordinary.append(bench.phone_network_ordinary_start())
                    print(
                        f"  run {number}/{runs}: floor {floor[-1]:.0f} ms, cold {cold[-1]['engine_ready_ms']:.0f} ms, "
                        f"warm {human[-1].get('engine_ready_warm_ms', float('nan')):.0f} ms; phone network: "
                        f"cold {phone[-1]['engine_ready_cold_ms']:.0f} ms, "
                        f"warm {phone[-1]['engine_ready_repeat_ms']:.0f} ms, "
                        f"ordinary start {ordinary[-1]['engine_ready_ms']:.0f} ms"
                    )
                browser.close()
    results = collect(weights, cold, floor, human, phone, ordinary)
    results["meta"] = {
        "runs": runs,
        "seconds": round(time.perf_counter() - started),
        "build_seconds": round(build_seconds, 1),
        "chromium": subprocess.run([CHROMIUM_PATH, "--version"], capture_output=True, text=True).stdout.strip(),
        "pyodide": runtime.pyodide_version(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "compression": "gzip level 6 for text, JSON and WebAssembly; zip, wheel and .gz sent as they are",
        "commit": git_commit(),
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return results


def git_commit() -> str:
    completed = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False)
    return completed.stdout.strip()


def collect(
    weights: dict, cold: list[dict], floor: list[float], human: list[dict], phone: list[dict], ordinary: list[dict]
) -> dict:
    def of(rows: list[dict], *keys: str) -> dict | None:
        values = []
        for row in rows:
            for key in keys[:-1]:
                row = row.get(key, {}) if row else {}
            values.append(row.get(keys[-1]) if row else None)
        return summary(values)

    results: dict = {"pages": {}}
    for name, rows in weights.items():
        results["pages"][name] = {
            "bytes": of(rows, "bytes"),
            "requests": of(rows, "requests"),
            "pyodide_bytes": of(rows, "pyodide_bytes"),
            "files": rows[-1]["files"],
        }
    check = weights["check_before_interaction"]
    results["pages"]["check_after_scoring"] = {
        "bytes": of(human, "after_scoring", "bytes"),
        "requests": of(human, "after_scoring", "requests"),
        "pyodide_bytes": of(human, "after_scoring", "pyodide_bytes"),
        "files": human[-1]["after_scoring"]["files"],
    }
    results["pages"]["check_after_scoring_with_offline_copy"] = {
        "bytes": of(human, "after_scoring_with_offline_copy", "bytes"),
        "requests": of(human, "after_scoring_with_offline_copy", "requests"),
    }
    results["pages"]["repeat_visit"] = {
        "bytes": of(human, "repeat_visit", "bytes"),
        "requests": of(human, "repeat_visit", "requests"),
    }
    results["times_ms"] = {
        "check_first_paint": of(check, "first_paint_ms"),
        "check_form_usable": of(check, "form_usable_ms"),
        "floor_bare_pyodide_ready": summary(floor),
        "engine_ready_cold": of(cold, "engine_ready_ms"),
        "engine_ready_while_answering": of(human, "engine_ready_during_answers_ms"),
        "submit_to_result_human_pace": of(human, "submit_to_result_human_ms"),
        "submit_to_result_after_first_click": of(cold, "submit_to_result_ms"),
        "engine_ready_warm_repeat_visit": of(human, "engine_ready_warm_ms"),
        "engine_ready_offline_repeat_visit": of(human, "engine_ready_offline_ms"),
        "submit_to_result_offline": of(human, "submit_to_result_offline_ms"),
        "engine_ready_cold_phone_network": of(phone, "engine_ready_cold_ms"),
        "engine_ready_repeat_visit_phone_network": of(phone, "engine_ready_repeat_ms"),
    }
    results["phone_network_starts"] = {
        "snapshot": {
            "bytes": of(phone, "cold", "bytes"),
            "engine_ready_ms": of(phone, "engine_ready_cold_ms"),
            "how": [row.get("cold_start", {}).get("start") for row in phone],
        },
        "ordinary": {
            "bytes": of(ordinary, "transfer", "bytes"),
            "engine_ready_ms": of(ordinary, "engine_ready_ms"),
            "how": [row.get("start", {}).get("start") for row in ordinary],
        },
    }
    results["repeat_visit_cpu_ms"] = {
        part: of(human, "repeat_start", part) for part in ("decompress_ms", "rebuild_ms", "restore_ms")
    }
    results["repeat_visit_cpu_ms_phone_network"] = {
        part: of(phone, "repeat_start", part) for part in ("decompress_ms", "rebuild_ms", "restore_ms")
    }
    results["phone_network"] = PHONE_NETWORK
    results["offline"] = {
        "offline_copy_registered": [row.get("offline_copy") for row in human],
        "errors": [row["offline_error"] for row in human if "offline_error" in row],
    }
    return results


def ratio(a: dict | None, b: dict | None) -> float | None:
    return a["median"] / b["median"] if a and b and b["median"] else None


def report(results: dict) -> str:
    lines = []
    runs = results["meta"]["runs"]
    lines.append(f"Site benchmark: {runs} runs each, median [min-max]; {results['meta']['chromium']}")
    lines.append(f"Bytes are what the server sent ({results['meta']['compression']}).")
    lines.append("")
    lines.append(f"{'Page':42} {'transferred':>26} {'requests':>14} {'Pyodide bytes':>14}")

    def kb(entry: dict | None) -> str:
        if not entry:
            return "-"
        return f"{entry['median'] / 1000:,.1f} kB [{entry['min'] / 1000:,.0f}-{entry['max'] / 1000:,.0f}]"

    def count(entry: dict | None) -> str:
        return f"{entry['median']:.0f} [{entry['min']:.0f}-{entry['max']:.0f}]" if entry else "-"

    labels = {
        "home": "Home page",
        "content": "Content page",
        "check_before_interaction": "Check page, before any interaction",
        "check_after_scoring": "Check page, after scoring",
        "check_after_scoring_with_offline_copy": "  ... and the offline copy, when asked for",
        "repeat_visit": "Repeat visit, with the offline copy (engine)",
    }
    for key, label in labels.items():
        entry = results["pages"][key]
        pyodide = kb(entry.get("pyodide_bytes")) if "pyodide_bytes" in entry else ""
        lines.append(f"{label:42} {kb(entry['bytes']):>26} {count(entry['requests']):>14} {pyodide:>14}")
    lines.append("")
    lines.append(f"{'Time (ms)':42} {'median':>8} {'range':>17}")
    times = {
        "check_first_paint": "Check page: first paint",
        "check_form_usable": "Check page: form usable (script wired)",
        "floor_bare_pyodide_ready": "Floor: bare loadPyodide() in a worker",
        "engine_ready_cold": "Engine ready, cold (worker start -> ready)",
        "engine_ready_while_answering": "Engine ready, cold, while answering",
        "submit_to_result_human_pace": "Submit -> result, human pace (1.5 s/item)",
        "submit_to_result_after_first_click": "Submit -> result, right after first click",
        "engine_ready_warm_repeat_visit": "Engine ready, repeat visit (offline copy)",
        "engine_ready_offline_repeat_visit": "Engine ready, repeat visit offline",
        "submit_to_result_offline": "Submit -> result, offline (right away)",
        "engine_ready_cold_phone_network": "Engine ready, cold, phone network",
        "engine_ready_repeat_visit_phone_network": "Engine ready, repeat visit, phone network",
    }
    for key, label in times.items():
        entry = results["times_ms"].get(key)  # older reports lack the phone network
        shown = f"{entry['median']:8.0f} {entry['min']:8.0f}-{entry['max']:<8.0f}" if entry else f"{'n/a':>8}"
        lines.append(f"{label:42} {shown}")
    lines.append("")
    starts = results.get("phone_network_starts")  # older reports lack them
    if starts:
        lines.append(f"{'First check on the phone network':42} {'transferred':>26} {'engine ready (ms)':>24}")
        for key, label in (("snapshot", "Start from the snapshot"), ("ordinary", "Ordinary start (no snapshot)")):
            ready = starts[key]["engine_ready_ms"]
            shown = f"{ready['median']:8.0f} {ready['min']:7.0f}-{ready['max']:<7.0f}" if ready else "n/a"
            lines.append(f"{label:42} {kb(starts[key]['bytes']):>26} {shown:>24}")
        lines.append("")
    for key, label in (
        ("repeat_visit_cpu_ms", "Repeat visit, CPU split (ms)"),
        ("repeat_visit_cpu_ms_phone_network", "  ... on the phone network"),
    ):
        split = results.get(key)
        if split:
            parts = ", ".join(
                f"{part.removesuffix('_ms')} {entry['median']:.0f} [{entry['min']:.0f}-{entry['max']:.0f}]"
                for part, entry in split.items()
                if entry
            )
            lines.append(f"{label:42} {parts}")
    lines.append("")
    times = results["times_ms"]
    cold_vs_floor = ratio(times["engine_ready_cold"], times["floor_bare_pyodide_ready"])
    warm_vs_cold = ratio(times["engine_ready_warm_repeat_visit"], times["engine_ready_cold"])
    warm_vs_cold_phone = ratio(
        times.get("engine_ready_repeat_visit_phone_network"), times.get("engine_ready_cold_phone_network")
    )
    before_interaction = ("home", "content", "check_before_interaction")
    checks = [
        ("Engine ready cold / floor", cold_vs_floor, TARGETS["engine_ready_cold_vs_floor"], "{:.2f}x"),
        ("Engine ready warm / cold", warm_vs_cold, TARGETS["engine_ready_warm_vs_cold"], "{:.2f}x"),
        ("  ... on the phone network", warm_vs_cold_phone, TARGETS["engine_ready_warm_vs_cold"], "{:.2f}x"),
        (
            "Submit -> result at human pace (ms)",
            (results["times_ms"]["submit_to_result_human_pace"] or {}).get("median"),
            TARGETS["submit_to_result_human_ms"],
            "{:.0f}",
        ),
        (
            "Check page after scoring (MB)",
            (results["pages"]["check_after_scoring"]["bytes"] or {}).get("median", 0) / 1e6,
            TARGETS["check_page_after_scoring_bytes"] / 1e6,
            "{:.2f}",
        ),
        (
            "Engine ready cold, phone network (ms)",
            (times.get("engine_ready_cold_phone_network") or {}).get("median"),
            TARGETS["engine_ready_cold_phone_ms"],
            "{:.0f}",
        ),
        (
            "Content page (kB)",
            (results["pages"]["content"]["bytes"] or {}).get("median", 0) / 1e3,
            TARGETS["content_page_bytes"] / 1e3,
            "{:.1f}",
        ),
        (
            "Pyodide bytes before interaction",
            max((results["pages"][p]["pyodide_bytes"] or {"max": 0})["max"] for p in before_interaction),
            0,
            "{:.0f}",
        ),
    ]  # fmt: skip
    lines.append("Targets (issues 7 and 19):")
    for label, value, target, form in checks:
        verdict = "n/a" if value is None else ("met" if value <= target else "MISSED")
        shown = "n/a" if value is None else form.format(value)
        lines.append(f"  {label:40} {shown:>10}  target <= {form.format(target)}: {verdict}")
    offline = results["offline"]
    lines.append(f"  Offline copy registered after a check: {offline['offline_copy_registered']}")
    if offline["errors"]:
        lines.append(f"  Offline repeat visit failed: {offline['errors'][0]}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5, at least 5 for a report)")
    parser.add_argument("--output", type=Path, default=PROJECT_ROOT / "build" / "bench" / "site.json")
    parser.add_argument("--keep-site", action="store_true", help="build into build/bench/site instead of a temp dir")
    parser.add_argument("--report", type=Path, help="only print the table of an earlier JSON file")
    args = parser.parse_args()
    if args.report:
        print(report(json.loads(args.report.read_text(encoding="utf-8"))))
        return
    if problem := missing_chromium():
        raise SystemExit(problem)
    results = run(args.runs, args.output, args.keep_site)
    print()
    print(report(results))
    print(f"\nWritten to {args.output} in {results['meta']['seconds']} s.")


if __name__ == "__main__":
    main()
