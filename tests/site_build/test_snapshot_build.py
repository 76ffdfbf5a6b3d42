"""The start-up snapshot's build step: tied to its inputs, cached, and failing with the command that fixes it."""

import json
import shutil
from pathlib import Path

import pytest

from sitebuild import BuildError, runtime, snapshot, wheel


@pytest.fixture
def fake_wheel(tmp_path: Path) -> Path:
    path = tmp_path / "alliance_check-9.8.7-py3-none-any.whl"
    path.write_bytes(b"bytes to hash")
    return path


def test_key_changes_with_the_wheel(fake_wheel: Path, tmp_path: Path) -> None:
    before = snapshot.cache_key(snapshot.snapshot_inputs(fake_wheel))
    fake_wheel.write_bytes(b"other bytes")
    after = snapshot.cache_key(snapshot.snapshot_inputs(fake_wheel))
    assert before != after


def test_key_changes_with_the_runtime(fake_wheel: Path, tmp_path: Path) -> None:
    copy = tmp_path / "pyodide"
    shutil.copytree(runtime.PYODIDE_PACKAGE_DIR, copy)
    before = snapshot.cache_key(snapshot.snapshot_inputs(fake_wheel, copy))
    manifest = json.loads((copy / "package.json").read_text())
    manifest["version"] = "999.0.0"
    (copy / "package.json").write_text(json.dumps(manifest))
    assert snapshot.cache_key(snapshot.snapshot_inputs(fake_wheel, copy)) != before


def test_missing_node_names_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(snapshot.shutil, "which", lambda name: None)
    with pytest.raises(BuildError, match=r"apt-get install nodejs npm.*npm ci"):
        snapshot.vendor_snapshot(tmp_path / "site", wheel.find_wheel(), cache_dir=tmp_path / "cache")


def test_missing_node_modules_names_the_command(fake_wheel: Path, tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="npm ci"):
        snapshot.vendor_snapshot(tmp_path / "site", fake_wheel, package_dir=tmp_path / "nothing")


def test_a_cached_snapshot_is_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = wheel.find_wheel()
    key = snapshot.cache_key(snapshot.snapshot_inputs(built))
    cached = tmp_path / "cache" / key
    cached.mkdir(parents=True)
    (cached / snapshot.SNAPSHOT_FILE).write_bytes(b"cached")
    (cached / snapshot.MANIFEST_FILE).write_text("{}")
    monkeypatch.setattr(snapshot, "make_snapshot", lambda *args: pytest.fail("made again"))
    snapshot.vendor_snapshot(tmp_path / "site", built, cache_dir=tmp_path / "cache")
    assert (tmp_path / "site" / "pyodide" / snapshot.SNAPSHOT_FILE).read_bytes() == b"cached"
