"""Benchmark the built site in headless Chromium: bytes, requests and times a visitor meets.

    .venv/bin/python scripts/bench/site.py [--runs 5] [--output build/bench/site.json]

Builds the site, serves it on 127.0.0.1 with gzip (as GitHub Pages and most
static hosts compress text and WebAssembly; zip, wheel and ``.xz`` files are
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
import json
import os
import platform
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.floor import write_floor
from bench.report import collect, report
from bench.runner import CHECK, CONTENT, HOME, Bench
from bench.server import FLOOR_PREFIX, SITE_PREFIX, Transfer, served
from dev.chromium import CHROMIUM_ARGS, CHROMIUM_PATH, missing_chromium
from dev.strict_build import run_strict_build
from sitebuild import PROJECT_ROOT, runtime


def build(site_dir: Path, site_url: str) -> float:
    started = time.perf_counter()
    completed = run_strict_build(site_dir, site_url)
    if completed.returncode != 0:
        raise SystemExit("mkdocs build failed:\n" + completed.stderr[-3000:])
    return time.perf_counter() - started


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
        "compression": "gzip level 6 for text, JSON and WebAssembly; zip, wheel and .xz sent as they are",
        "commit": git_commit(),
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return results


def git_commit() -> str:
    completed = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False)
    return completed.stdout.strip()


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
