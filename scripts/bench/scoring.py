"""Benchmark the self-check package: scoring on CPython and in Pyodide, and start-up in Pyodide.

    .venv/bin/python scripts/bench/scoring.py [--runs 2000] [--boots 5]

Prints the median time of one ``score()`` (and of one ``score_json()``, which
adds parsing, validation and the JSON reply), and of one ``history_json()`` over
200 kept results (the trend a visitor with years of check-ins would ask for), on
this CPython and inside Pyodide under Node; the time Pyodide takes to import the
package and load every questionnaire in every language; and the slowest answer
``score_json()`` gives on CPython to crafted requests just under the 64 KiB size
limit. Targets: scoring <= 1 ms; import + load <= 100 ms in Pyodide; worst
request <= 50 ms. Needs the wheel (``make wheel``) and ``node_modules``
(``npm ci``). A benchmark, not a test: the figures depend on the machine.
"""

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitebuild import PROJECT_ROOT, runtime, wheel

sys.path.insert(0, str(PROJECT_ROOT / "assessment" / "src"))

QUESTIONNAIRE = "alliance"
HISTORY_RESULTS = 200
SCORE_TARGET_MS = 1.0
STARTUP_TARGET_MS = 100.0
WORST_REQUEST_TARGET_MS = 50.0

# The same Python runs on CPython and in Pyodide. Times are per call, in seconds.
TIMING_CODE = """
import json, statistics, time

def bench(runs):
    from alliance_check import load_questionnaire, score
    from alliance_check.bridge import history_json, score_json

    questionnaire = load_questionnaire(QUESTIONNAIRE)
    scale = questionnaire.scale
    # Every item answered, with varied values, so every rule runs.
    answers = {item.id: scale.min + i % (scale.max - scale.min + 1) for i, item in enumerate(questionnaire.items)}
    request = json.dumps({"questionnaire": QUESTIONNAIRE, "lang": "en", "answers": answers})
    assert json.loads(score_json(request))["ok"]
    items = questionnaire.items
    kept = [
        {
            "taken": f"2026-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}T18:{n % 60:02d}",
            "version": questionnaire.version,
            "answers": {item.id: scale.min + (n + i) % (scale.max - scale.min + 1) for i, item in enumerate(items)},
        }
        for n in range(HISTORY_RESULTS)
    ]
    history_request = json.dumps({"questionnaire": QUESTIONNAIRE, "lang": "en", "results": kept})
    assert json.loads(history_json(history_request))["ok"]

    def median_of(call):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    return {
        "score": median_of(lambda: score(questionnaire, answers)),
        "score_json": median_of(lambda: score_json(request)),
        "history_json": median_of_few(lambda: history_json(history_request)),
    }

def median_of_few(call):
    times = []
    for _ in range(20):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
"""

# Phases in the order the package meets them; their sum is "import + load".
STARTUP_CODE = """
import json, time
phases = {}
start = time.perf_counter()
import tomllib  # the one standard module the package needs that Pyodide has not imported at boot
phases["import tomllib"] = time.perf_counter() - start
mark = time.perf_counter()
import alliance_check.bridge
from alliance_check import list_languages, list_questionnaires, load_questionnaire
phases["import the package"] = time.perf_counter() - mark
mark = time.perf_counter()
loaded = [load_questionnaire(qid, lang) for qid in list_questionnaires() for lang in list_languages(qid)]
phases["load every questionnaire"] = time.perf_counter() - mark
assert len(loaded) >= 3
phases["total"] = time.perf_counter() - start
json.dumps({name: seconds * 1000 for name, seconds in phases.items()})
"""


NODE_SCRIPT = """
import { loadPyodide } from %(pyodide)s;
const [lockDir, runs, boots] = [%(lock_dir)s, %(runs)d, %(boots)d];
// loadPyodide fills in the options object it is given, so each start-up gets a new one.
const options = () => ({
  lockFileURL: lockDir + "/pyodide-lock.json",
  packageBaseUrl: lockDir + "/",
  packages: ["alliance-check"],
});
const startup = [];
const bootTimes = [];
let last;
for (let i = 0; i < boots; i++) {
  const begin = performance.now();
  last = await loadPyodide(options());
  bootTimes.push(performance.now() - begin);
  // Import and load run in a fresh interpreter each time; the wheel is installed, not yet imported.
  startup.push(JSON.parse(last.runPython(%(startup)s)));
}
last.globals.set("QUESTIONNAIRE", %(questionnaire)s);
last.globals.set("HISTORY_RESULTS", %(history_results)d);
last.runPython(%(timing)s);
const measured = last.runPython(`import json, sys; json.dumps({**bench(${runs}), "python": sys.version.split()[0]})`);
const times = JSON.parse(measured);
console.log(JSON.stringify({ ...times, startup_ms: startup, boot_ms: bootTimes, node: process.version }));
"""


def bench_cpython(runs: int) -> dict[str, float]:
    namespace: dict = {"QUESTIONNAIRE": QUESTIONNAIRE}
    namespace["HISTORY_RESULTS"] = HISTORY_RESULTS
    exec(TIMING_CODE, namespace)
    return namespace["bench"](runs)


def crafted_requests() -> dict[str, str]:
    """Requests built to be slow to check, each just under the size limit (the bridge refuses larger ones)."""
    from alliance_check.bridge import MAX_REQUEST_BYTES

    room = MAX_REQUEST_BYTES - 64

    def filled(start: str, unit: str, end: str = "") -> str:
        return start + unit * ((room - len(start) - len(end)) // len(unit)) + end

    return {
        "unclosed string of escaped quotes": filled('{"questionnaire": "', '\\"'),
        "string of escaped backslashes": filled('{"questionnaire": "', "\\\\", '"}'),
        "brackets just under the depth limit": filled('{"answers": [', "[" * 30 + "]" * 30 + ",", "[]]}"),
        "brackets past the depth limit": filled("", "["),
        "many empty arrays": filled('{"answers": [', "[],", "[]]}"),
        "many unknown answers": '{"questionnaire": "alliance", "answers": {'
        + ",".join(f'"q{n}": 1' for n in range(room // 12))[: room - 60].rsplit(",", 1)[0]
        + "}}",
    }


def bench_worst_request(runs: int = 11) -> tuple[str, float]:
    """The crafted request ``score_json()`` answers most slowly on CPython, and its median time in seconds."""
    from alliance_check.bridge import MAX_REQUEST_BYTES, score_json

    times = {}
    for name, request in crafted_requests().items():
        assert len(request.encode()) <= MAX_REQUEST_BYTES, name
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            score_json(request)
            samples.append(time.perf_counter() - start)
        times[name] = statistics.median(samples)
    worst = max(times, key=times.__getitem__)
    return worst, times[worst]


def bench_pyodide(runs: int, boots: int) -> dict:
    built = wheel.find_wheel()
    with tempfile.TemporaryDirectory() as temporary:
        lock_dir = Path(temporary)
        shutil.copy2(built, lock_dir / built.name)
        lock = runtime.build_lockfile(built)
        (lock_dir / runtime.LOCK_FILE_NAME).write_text(json.dumps(lock), encoding="utf-8")
        script = lock_dir / "bench.mjs"
        script.write_text(
            NODE_SCRIPT
            % {
                "pyodide": json.dumps((runtime.PYODIDE_PACKAGE_DIR / "pyodide.mjs").as_uri()),
                "lock_dir": json.dumps(str(lock_dir)),
                "runs": runs,
                "boots": boots,
                "startup": json.dumps(STARTUP_CODE),
                "questionnaire": json.dumps(QUESTIONNAIRE),
                "history_results": HISTORY_RESULTS,
                "timing": json.dumps(TIMING_CODE),
            },
            encoding="utf-8",
        )
        completed = subprocess.run(["node", str(script)], capture_output=True, text=True, check=False, timeout=600)
    if completed.returncode != 0:
        raise SystemExit("node failed:\n" + "\n".join(line[:300] for line in completed.stderr.splitlines()[-20:]))
    return json.loads(completed.stdout.strip().splitlines()[-1])


def verdict(value: float, target: float) -> str:
    return "within target" if value <= target else "OVER TARGET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=2000, help="timed calls per figure (default 2000)")
    parser.add_argument("--boots", type=int, default=5, help="fresh Pyodide start-ups to time (default 5)")
    args = parser.parse_args()

    started = time.perf_counter()
    cpython = bench_cpython(args.runs)
    worst_request, worst_seconds = bench_worst_request()
    pyodide = bench_pyodide(args.runs, args.boots)
    startup = statistics.median(phases["total"] for phases in pyodide["startup_ms"])

    print(f"Scoring '{QUESTIONNAIRE}' with every item answered, median of {args.runs} calls:")
    for label, times in (
        (f"CPython {platform.python_version()}", cpython),
        (f"Pyodide {runtime.pyodide_version()} (Python {pyodide['python']}, Node {pyodide['node']})", pyodide),
    ):
        score_ms, json_ms = times["score"] * 1000, times["score_json"] * 1000
        print(f"  {label}")
        print(
            f"    score():      {score_ms:8.3f} ms  ({verdict(score_ms, SCORE_TARGET_MS)}: <= {SCORE_TARGET_MS:g} ms)"
        )
        print(f"    score_json(): {json_ms:8.3f} ms")
        print(
            f"    history_json() over {HISTORY_RESULTS} results: {times['history_json'] * 1000:8.1f} ms (median of 20)"
        )
    shown = ", ".join(f"{phases['total']:.0f}" for phases in pyodide["startup_ms"])
    print(f"Pyodide: import the package and load every questionnaire, median of {args.boots} fresh start-ups:")
    print(f"  {startup:.1f} ms  ({verdict(startup, STARTUP_TARGET_MS)}: <= {STARTUP_TARGET_MS:g} ms; each: {shown})")
    for phase in [name for name in pyodide["startup_ms"][0] if name != "total"]:
        print(f"    {phase + ':':26} {statistics.median(p[phase] for p in pyodide['startup_ms']):6.1f} ms (median)")
    print(f"  (for scale: booting Pyodide itself took {statistics.median(pyodide['boot_ms']):.0f} ms, median)")
    worst_ms = worst_seconds * 1000
    print(f"Slowest crafted request (64 KiB) on CPython {platform.python_version()}, median of 11 calls:")
    print(
        f"  {worst_ms:.1f} ms  ({verdict(worst_ms, WORST_REQUEST_TARGET_MS)}: <= {WORST_REQUEST_TARGET_MS:g} ms;"
        f" {worst_request})"
    )
    print(f"Done in {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    main()
