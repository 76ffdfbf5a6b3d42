"""The site's start-up snapshot, restored under Node as the worker restores it: no stdlib zip, same replies."""

import json
import subprocess
from pathlib import Path

import pytest

from sitebuild import runtime, snapshot

pytestmark = pytest.mark.pyodide

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def restored(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    empty = tmp_path_factory.mktemp("no-stdlib") / "python_stdlib.zip"
    empty.write_bytes(b"")
    runtime_dir = built_site / runtime.SITE_RUNTIME_DIR
    completed = subprocess.run(
        [
            "node",
            str(HERE / "run_snapshot.mjs"),
            str(runtime_dir),
            str(HERE / "vectors.json"),
            str(HERE / "history_vectors.json"),
            str(empty),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_every_vector_gives_cpythons_exact_reply_without_the_stdlib_zip(restored: dict) -> None:
    differing = [reply for reply in restored["replies"] if not reply["ok"]]
    assert differing == []
    assert len(restored["replies"]) == len(json.loads((HERE / "vectors.json").read_text())["vectors"])


def test_every_history_vector_gives_cpythons_exact_reply_without_the_packages_files(restored: dict) -> None:
    # The worker does not install the wheel again after a snapshot start: nothing may read its files.
    assert restored["packageFiles"] == [], "the package's files were installed; this run must do without them"
    differing = [reply for reply in restored["historyReplies"] if not reply["ok"]]
    assert differing == []
    assert len(restored["historyReplies"]) == len(json.loads((HERE / "history_vectors.json").read_text())["vectors"])


def test_nothing_is_imported_after_start_up(restored: dict) -> None:
    # Anything imported later would need python_stdlib.zip, which the worker does not download.
    assert restored["imported"] == []
    assert restored["stdlibOnPath"] == []


def test_the_restored_interpreter_describes_itself_and_lists_the_checks(restored: dict) -> None:
    assert restored["about"]["platform"] == "emscripten"
    assert restored["python"].startswith("3.14")
    assert restored["listed"]["ok"]
    assert {entry["id"] for entry in restored["listed"]["result"]["questionnaires"]} >= {"alliance", "check-in"}


def test_manifest_ties_the_snapshot_to_this_runtime_and_wheel(built_site: Path) -> None:
    runtime_dir = built_site / runtime.SITE_RUNTIME_DIR
    manifest = json.loads((runtime_dir / snapshot.MANIFEST_FILE).read_text())
    # That it fits this runtime and wheel, the worker's own check says in the restore above.
    assert runtime.sha256_of(runtime_dir / snapshot.SNAPSHOT_FILE) == manifest["compressed_sha256"]
    assert manifest["needs_stdlib_zip"] is False
    # The start rule compares what each start adds: the snapshot against the standard library it spares.
    assert manifest["stdlib_zip_bytes"] == (runtime_dir / "python_stdlib.zip").stat().st_size
    assert manifest["wheel"]["bytes"] == (runtime_dir / manifest["wheel"]["file_name"]).stat().st_size
    assert manifest["delta_against"]["file_name"] == "pyodide.asm.wasm"
    # Shipped without its pages of zeros: what is decompressed is well under the snapshot's size.
    assert manifest["packed_bytes"] < manifest["bytes"] / 2
