"""The benchmark's figures: medians and ranges of every run, checked against the targets, as a table."""

import statistics

from bench.runner import PHONE_NETWORK

# Targets from issues 7 and 19 (ratios are against the floor or the cold start, measured in the same run).
TARGETS = {
    "engine_ready_cold_vs_floor": 0.30,
    "submit_to_result_human_ms": 100,
    "engine_ready_warm_vs_cold": 0.6,
    "check_page_after_scoring_bytes": 6_500_000,
    "engine_ready_cold_phone_ms": 6_000,
    "content_page_bytes": 150_000,
}


def summary(values: list[float | None]) -> dict | None:
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": values}


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
