"""The offline copy's list of files, its controls, and the size the pages tell visitors."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sitebuild import BuildError, offline, snapshot

# In any language ("about 12 MB", "unos 12 MB"): a whole number of megabytes.
SIZE_CLAIM = re.compile(r"(?<![\d.,])(\d+) MB")


def on_disk(site: Path, url: str) -> Path:
    if url == "./":
        return site / "index.html"
    return site / (url + "index.html" if url.endswith("/") else url)


def test_the_copy_lists_pages_runtime_wheel_and_snapshot_and_nothing_else(built_site: Path) -> None:
    files = {entry["url"]: entry for entry in offline.offline_manifest(built_site)["files"]}
    for url in [
        "./",
        "privacy/",
        "self-check/alliance/",
        f"pyodide/{snapshot.SNAPSHOT_FILE}",
        "pyodide/pyodide.asm.wasm.xz",
        "pyodide/xz-decompress.mjs",
    ]:
        assert url in files and not files[url].get("on_demand"), url
    assert any(url.startswith("pyodide/") and url.endswith(".whl") for url in files)
    assert files["pyodide/python_stdlib.zip"]["on_demand"] is True
    assert files["pyodide/pyodide.asm.wasm"]["on_demand"] is True  # the engine reads the .xz
    assert not [url for url in files if url in {"service-worker.js", "404.html", "CNAME"} or url.endswith(".map")]
    for url, entry in files.items():
        assert on_disk(built_site, url).is_file(), url
        assert re.fullmatch(r"[0-9a-f]{64}", entry["sha256"]), url


def test_the_size_the_pages_state_is_the_size_of_the_copy(built_site: Path) -> None:
    kept = [entry for entry in offline.offline_manifest(built_site)["files"] if not entry.get("on_demand")]
    megabytes = sum(on_disk(built_site, entry["url"]).stat().st_size for entry in kept) / 1e6
    pages = [page for page in built_site.rglob("index.html") if "data-offline-copy" in page.read_text()]
    assert len(pages) >= 4, "the check pages and the privacy page offer the copy"
    for page in pages:
        claims = [int(n) for n in SIZE_CLAIM.findall(page.read_text())]
        assert claims, f"{page.relative_to(built_site)} does not say how large the copy is"
        for claim in claims:
            assert claim == pytest.approx(megabytes, rel=0.3), (
                f"{page.relative_to(built_site)} says about {claim} MB; the copy is {megabytes:.1f} MB"
            )


def test_the_controls_start_hidden_and_load_their_script() -> None:
    html = offline.expand_controls("<p>x</p>\n<!-- offline-copy: controls -->\n", lambda path: "/base/" + path)
    assert re.search(r"<button[^>]*data-offline-keep hidden>Keep an offline copy on this device</button>", html)
    assert re.search(r"<button[^>]*data-offline-remove hidden>Remove the offline copy from this device</button>", html)
    assert "<p data-offline-status></p>" in html
    assert "<noscript><p>Keeping an offline copy needs JavaScript" in html
    assert f'<script type="module" src="/base/{offline.CONTROLS_SCRIPT}"></script>' in html
    assert "offline-copy:" not in html
    assert offline.expand_controls("<p>no marker</p>", str) == "<p>no marker</p>"


def test_the_service_worker_is_a_classic_script_with_the_shared_modules_written_in(
    built_site: Path, tmp_path: Path
) -> None:
    script = (built_site / offline.SERVICE_WORKER_FILE).read_text(encoding="utf-8")
    assert offline.SHARED_PLACEHOLDER not in script
    for module in offline.SHARED_MODULES:
        for name in re.findall(r"^export (?:async )?function (\w+)", module.read_text(encoding="utf-8"), re.MULTILINE):
            assert len(re.findall(rf"^(?:async )?function {name}\(", script, re.MULTILINE)) == 1, name
    # Outside any package.json, Node reads a .js file as a classic script: an export is a syntax error.
    copy = tmp_path / "service-worker.js"
    copy.write_text(script, encoding="utf-8")
    checked = subprocess.run(["node", "--check", str(copy)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr


def test_a_shared_module_that_imports_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = tmp_path / "shared.js"
    module.write_text('import { other } from "./other.js";\nexport const name = other;\n', encoding="utf-8")
    monkeypatch.setattr(offline, "SHARED_MODULES", (module,))
    with pytest.raises(BuildError, match=r"shared\.js .*import nothing"):
        offline.service_worker_source()


def stamp_in_entry(site: Path) -> str:
    text = (site / offline.ENGINE_ENTRY).read_text(encoding="utf-8")
    [stamp] = re.findall(r'/\*__ENGINE_STAMP__\*/ "([0-9a-f]*)"', text)
    return stamp


def test_the_engines_entry_carries_the_stamp_the_service_worker_compares(built_site: Path) -> None:
    stamp = stamp_in_entry(built_site)
    assert re.fullmatch(r"[0-9a-f]{20}", stamp)
    worker = (built_site / offline.SERVICE_WORKER_FILE).read_text(encoding="utf-8")
    assert f'"engine":"{stamp}"' in worker


def test_the_stamp_changes_with_any_engine_file_and_only_then(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    for folder in ("pyodide", "assets/javascripts/selfcheck"):
        shutil.copytree(built_site / folder, site / folder)
    shutil.copy2(built_site / "assets/javascripts/hex_sha256.js", site / "assets/javascripts/hex_sha256.js")
    (site / "about").mkdir()
    (site / "about" / "index.html").write_text("<p>About</p>", encoding="utf-8")
    first = offline.stamp_engine(site)
    assert stamp_in_entry(site) == first
    (site / "about" / "index.html").write_text("<p>About, changed</p>", encoding="utf-8")
    assert offline.stamp_engine(site) == first  # a page is not the engine
    worker = site / "assets/javascripts/selfcheck/worker/main.js"
    worker.write_text(worker.read_text(encoding="utf-8") + "\n// changed\n", encoding="utf-8")
    second = offline.stamp_engine(site)
    assert second != first and stamp_in_entry(site) == second  # stamped again, in place
    (site / "pyodide" / "snapshot.json").write_text("{}", encoding="utf-8")
    third = offline.stamp_engine(site)
    assert third not in (first, second)
    shared = site / "assets/javascripts/hex_sha256.js"  # outside selfcheck/, loaded by the worker too
    shared.write_text(shared.read_text(encoding="utf-8") + "\n// changed\n", encoding="utf-8")
    assert offline.stamp_engine(site) not in (first, second, third)
