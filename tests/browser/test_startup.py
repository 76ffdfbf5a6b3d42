"""How the engine starts: from the snapshot, with one download per file, and the ordinary way when it must."""

import json
import re

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect
from selfcheck_page import ENGINE_TIMEOUT_MS, SelfCheckPage

from alliance_check import load_questionnaire

pytestmark = pytest.mark.browser

CHECK_IN = load_questionnaire("check-in", "en")


def score(page: Page, site_url: str) -> None:
    page.goto(site_url + "self-check/check-in/")
    check = SelfCheckPage(page, "check-in")
    check.answer({item.id: 3 for item in CHECK_IN.items})
    check.submit()
    check.wait_for_result()
    expect(page.locator("[data-selfcheck-engine]")).to_have_text(re.compile("ready"), timeout=ENGINE_TIMEOUT_MS)


def worker_warnings(page: Page) -> list[str]:
    warnings: list[str] = []
    page.on("worker", lambda worker: worker.on("console", lambda m: m.type == "warning" and warnings.append(m.text)))
    return warnings


def runtime_requests(traffic) -> list[str]:
    return [url.rsplit("/", 1)[1] for url in traffic.requests if "/pyodide/" in url]


def test_the_engine_starts_from_the_snapshot_with_each_file_downloaded_once(page: Page, site_url: str, traffic) -> None:
    warnings = worker_warnings(page)
    score(page, site_url)
    files = runtime_requests(traffic)
    for name in (
        "pyodide.mjs",
        "pyodide.asm.mjs",
        "pyodide.asm.wasm.xz",
        "xz-decompress.mjs",
        "snapshot.json",
        "snapshot.bin.xz",
    ):
        assert files.count(name) == 1, (name, files)
    assert "pyodide.asm.wasm" not in files, "the WebAssembly comes xz-compressed only"
    assert files.count("pyodide-lock.json") == 1  # ours, small; never Pyodide's full lock file
    assert not [name for name in files if name.endswith(".whl")], "the snapshot start does not install the wheel"
    assert "python_stdlib.zip" not in files, "the snapshot needs no standard library download"
    assert warnings == []
    assert traffic.errors == []


def test_a_snapshot_for_another_wheel_is_refused_and_the_engine_starts_anyway(
    context: BrowserContext, page: Page, site_url: str, traffic
) -> None:
    def other_wheel(route: Route) -> None:
        manifest = route.fetch().json()
        manifest["wheel"]["sha256"] = "0" * 64
        route.fulfill(status=200, content_type="application/json", body=json.dumps(manifest))

    context.route(re.compile(r"/pyodide/snapshot\.json$"), other_wheel)
    warnings = worker_warnings(page)
    score(page, site_url)
    assert any("without the start-up snapshot" in w and "wheel sha256 " + "0" * 64 in w for w in warnings), warnings
    assert "python_stdlib.zip" in runtime_requests(traffic)  # the ordinary start
    assert traffic.errors == []


def test_a_missing_snapshot_falls_back_to_the_ordinary_start(
    context: BrowserContext, page: Page, site_url: str, traffic
) -> None:
    context.route(re.compile(r"/pyodide/snapshot\.bin\.xz$"), lambda route: route.fulfill(status=404, body=""))
    warnings = worker_warnings(page)
    score(page, site_url)
    assert any("without the start-up snapshot" in w for w in warnings), warnings
    assert "python_stdlib.zip" in runtime_requests(traffic)
    # The 404 shows as a failed resource load in the console; nothing else may.
    assert [e for e in traffic.errors if "404" not in e] == []


def test_a_corrupted_snapshot_is_refused(context: BrowserContext, page: Page, site_url: str, traffic) -> None:
    def corrupted(route: Route) -> None:
        body = bytearray(route.fetch().body())
        body[len(body) // 2] ^= 0xFF
        route.fulfill(status=200, content_type="application/x-xz", body=bytes(body))

    context.route(re.compile(r"/pyodide/snapshot\.bin\.xz$"), corrupted)
    warnings = worker_warnings(page)
    score(page, site_url)
    # xz's own check finds the flipped byte while decoding.
    assert any("without the start-up snapshot" in w and "could not be decoded" in w for w in warnings), warnings
    assert "python_stdlib.zip" in runtime_requests(traffic)
    assert traffic.errors == []


def test_a_snapshot_other_than_its_manifest_names_is_refused(
    context: BrowserContext, page: Page, site_url: str, traffic
) -> None:
    # A whole, well-formed file that is not the one the manifest names (here: the manifest's hash is not its).
    def other_hash(route: Route) -> None:
        manifest = route.fetch().json()
        manifest["compressed_sha256"] = "0" * 64
        route.fulfill(status=200, content_type="application/json", body=json.dumps(manifest))

    context.route(re.compile(r"/pyodide/snapshot\.json$"), other_hash)
    warnings = worker_warnings(page)
    score(page, site_url)
    assert any("without the start-up snapshot" in w and "does not match its manifest" in w for w in warnings), warnings
    assert "python_stdlib.zip" in runtime_requests(traffic)
    assert traffic.errors == []


def test_a_snapshot_made_against_another_runtime_is_refused(
    context: BrowserContext, page: Page, site_url: str, traffic
) -> None:
    # The snapshot ships as its XOR against pyodide.asm.wasm's data segments; another module cannot rebuild it.
    def other_runtime(route: Route) -> None:
        manifest = route.fetch().json()
        manifest["delta_against"]["data_section_sha256"] = "1" * 64
        route.fulfill(status=200, content_type="application/json", body=json.dumps(manifest))

    context.route(re.compile(r"/pyodide/snapshot\.json$"), other_runtime)
    warnings = worker_warnings(page)
    score(page, site_url)
    assert any("made against another pyodide.asm.wasm" in w for w in warnings), warnings
    assert "python_stdlib.zip" in runtime_requests(traffic)
    assert traffic.errors == []


def slow_connection(context: BrowserContext, page: Page) -> None:
    # Round trips of 300 ms make Chromium rate the connection "3g", in the worker too.
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    slow = {"offline": False, "latency": 300, "downloadThroughput": -1, "uploadThroughput": -1}
    session.send("Network.emulateNetworkConditions", slow)


def test_a_slow_connection_gets_the_snapshot_start_which_downloads_less(
    context: BrowserContext, page: Page, site_url: str, traffic
) -> None:
    manifest = json.loads(page.request.get(site_url + "pyodide/snapshot.json").text())
    ordinary = manifest["stdlib_zip_bytes"] + manifest["wheel"]["bytes"]  # what the ordinary start adds
    assert manifest["compressed_bytes"] < ordinary, "the snapshot start is the smaller one"
    slow_connection(context, page)
    warnings = worker_warnings(page)
    score(page, site_url)
    files = runtime_requests(traffic)
    assert files.count("snapshot.bin.xz") == 1
    assert "python_stdlib.zip" not in files, files
    assert warnings == []
    assert traffic.errors == []


def test_a_slow_connection_gets_the_ordinary_start_where_that_downloads_less(
    context: BrowserContext, page: Page, site_url: str, traffic
) -> None:
    def bigger_snapshot(route: Route) -> None:
        manifest = route.fetch().json()
        manifest["compressed_bytes"] = manifest["stdlib_zip_bytes"] * 2
        route.fulfill(status=200, content_type="application/json", body=json.dumps(manifest))

    context.route(re.compile(r"/pyodide/snapshot\.json$"), bigger_snapshot)
    slow_connection(context, page)
    warnings = worker_warnings(page)
    score(page, site_url)
    files = runtime_requests(traffic)
    assert "snapshot.bin.xz" not in files, files
    assert files.count("python_stdlib.zip") == 1
    assert warnings == []
    assert traffic.errors == []


RULE_CASES = [
    # (navigator.connection, sizes, start)
    (None, {"snapshot": 4, "ordinary": 2}, "snapshot"),
    ({"effectiveType": "4g", "downlink": 9.4, "saveData": False}, {"snapshot": 4, "ordinary": 2}, "snapshot"),
    ({"effectiveType": "4g", "downlink": 1.55, "saveData": False}, {"snapshot": 4, "ordinary": 2}, "snapshot"),
    ({"effectiveType": "4g", "downlink": 9.4, "saveData": True}, {"snapshot": 4, "ordinary": 2}, "ordinary"),
    ({"effectiveType": "3g", "downlink": 9.4, "saveData": False}, {"snapshot": 4, "ordinary": 2}, "ordinary"),
    ({"effectiveType": "2g", "downlink": 0.2, "saveData": False}, {"snapshot": 4, "ordinary": 2}, "ordinary"),
    ({"effectiveType": "slow-2g", "saveData": False}, {"snapshot": 4, "ordinary": 2}, "ordinary"),
    ({"effectiveType": "4g", "downlink": 0.6, "saveData": False}, {"snapshot": 4, "ordinary": 2}, "ordinary"),
    # Saving data never makes the bigger download win.
    ({"effectiveType": "3g", "downlink": 0.4, "saveData": True}, {"snapshot": 2, "ordinary": 4}, "snapshot"),
]


def test_the_start_rule_decides_from_the_connection_and_the_sizes(page: Page, site_url: str) -> None:
    page.goto(site_url)
    chosen = page.evaluate(
        """async ([url, cases]) => {
          const { chooseStart } = await import(url);
          return cases.map(([connection, sizes]) => chooseStart(connection, sizes));
        }""",
        [site_url + "assets/javascripts/selfcheck/start_rule.js", [[c, s] for c, s, _ in RULE_CASES]],
    )
    assert chosen == [start for _, _, start in RULE_CASES]


def test_the_worker_starts_only_from_a_snapshot_made_for_this_runtime_and_wheel(page: Page, site_url: str) -> None:
    fits = {"format": 3, "pyodide": "314.0.7", "wheel": {"sha256": "a" * 64}}
    cases = [
        fits,
        {**fits, "format": 1},
        {**fits, "pyodide": "314.0.8"},
        {**fits, "wheel": {"sha256": "b" * 64}},
        {"format": 3},
    ]
    page.goto(site_url)
    outcomes = page.evaluate(
        """async ([url, cases]) => {
          const { checkMadeFor } = await import(url);
          return cases.map((manifest) => {
            try { checkMadeFor(manifest, "314.0.7", "a".repeat(64)); return "accepted"; }
            catch (error) { return error.message; }
          });
        }""",
        [site_url + "assets/javascripts/selfcheck/worker/snapshot_checks.js", cases],
    )
    assert outcomes[0] == "accepted"
    assert outcomes[1] == "its format 1 is not 3"
    assert outcomes[2].startswith("it was made for Pyodide 314.0.8 and wheel sha256 " + "a" * 64)
    assert outcomes[2].endswith("but this site runs Pyodide 314.0.7 and wheel sha256 " + "a" * 64)
    assert outcomes[3].startswith("it was made for Pyodide 314.0.7 and wheel sha256 " + "b" * 64)
    assert outcomes[4].startswith("it was made for Pyodide undefined")


def test_the_snapshot_delta_round_trips_and_refuses_a_broken_page_map(page: Page, site_url: str) -> None:
    page.goto(site_url)
    outcome = page.evaluate(
        """async (url) => {
          const { pack, unpack, xorWithMemoryImage, dataSegments } = await import(url);
          // A snapshot-shaped buffer: a 32-byte header (its length in the second word), then memory.
          const snapshot = new Uint8Array(3 * 4096 + 100);
          new DataView(snapshot.buffer).setUint32(4, 32, true);
          snapshot.set([1, 2, 3], 40);
          snapshot.set([9, 9], 2 * 4096 + 50);
          // One data segment, 3 bytes at memory offset 8 (bytes 40-42 of the snapshot).
          const section = new Uint8Array([1, 0, 0x41, 8, 0x0b, 3, 1, 2, 7]);
          const delta = xorWithMemoryImage(snapshot.slice(), section);
          const packed = pack(delta);
          const rebuilt = xorWithMemoryImage(unpack(packed), section);
          const broken = packed.slice(0, packed.length - 1);
          let refused = null;
          try { unpack(broken); } catch (error) { refused = error.message; }
          let passive = null;
          try { dataSegments(new Uint8Array([1, 1, 0])); } catch (error) { passive = error.message; }
          return {
            same: rebuilt.length === snapshot.length && rebuilt.every((byte, i) => byte === snapshot[i]),
            deltaAt40: Array.from(delta.subarray(40, 43)),
            packedBytes: packed.length,
            refused,
            passive,
          };
        }""",
        site_url + "assets/javascripts/selfcheck/snapshot_delta.js",
    )
    assert outcome["same"]
    assert outcome["deltaAt40"] == [0, 0, 4]  # what the module already holds becomes zeros
    assert outcome["packedBytes"] < 3 * 4096  # the all-zero page is left out
    assert outcome["refused"] == "its page map does not fit its pages"
    assert outcome["passive"] == "data segment 0 is not placed at a constant offset"


def test_a_read_stream_keeps_its_own_error_and_its_expected_length(page: Page, site_url: str) -> None:
    page.goto(site_url)
    outcome = page.evaluate(
        """async (url) => {
          const { streamBytes } = await import(url);
          const stream = (chunks, error) => new ReadableStream({
            start(controller) {
              for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
              if (error) controller.error(error); else controller.close();
            },
          });
          const attempt = (promise) => promise.then((b) => Array.from(new Uint8Array(b)), (e) => e.message);
          return [
            await attempt(streamBytes(stream([[1, 2], [3]]))),
            await attempt(streamBytes(stream([[1, 2], [3]]), 3)),
            await attempt(streamBytes(stream([[1, 2], [3]]), 2)),
            await attempt(streamBytes(stream([[1, 2], [3]]), 4)),
            await attempt(streamBytes(stream([[1]], new Error("the decoder did not start")))),
          ];
        }""",
        site_url + "assets/javascripts/selfcheck/stream_bytes.js",
    )
    assert outcome == [
        [1, 2, 3],
        [1, 2, 3],
        "it is longer than 2 bytes",
        "it is 3 bytes, not 4",
        "the decoder did not start",
    ]
