"""Self-hosting Pyodide: the right files, a lock file that pins our wheel, clear failures."""

import hashlib
import json
import lzma
import shutil
from pathlib import Path

import pytest

from sitebuild import BuildError, runtime, wheel, xz


@pytest.fixture
def fake_wheel(tmp_path: Path) -> Path:
    path = tmp_path / "alliance_check-9.8.7-py3-none-any.whl"
    path.write_bytes(b"not really a zip, but bytes to hash")
    return path


def test_lockfile_lists_only_our_wheel_with_its_sha256(fake_wheel: Path) -> None:
    lock = runtime.build_lockfile(fake_wheel)
    assert list(lock["packages"]) == ["alliance-check"]
    entry = lock["packages"]["alliance-check"]
    assert entry["file_name"] == fake_wheel.name
    assert entry["version"] == "9.8.7"
    assert entry["sha256"] == hashlib.sha256(fake_wheel.read_bytes()).hexdigest()
    assert entry["imports"] == ["alliance_check"]
    assert lock["info"]["python"].startswith("3.14")


def test_vendor_runtime_copies_exactly_what_the_browser_needs(tmp_path: Path, fake_wheel: Path) -> None:
    target = runtime.vendor_runtime(tmp_path / "site", fake_wheel)
    shipped_xz = {f"{runtime.WASM_FILE}{xz.SUFFIX}", xz.DECODER_FILE}
    expected = {*runtime.RUNTIME_FILES, *shipped_xz, fake_wheel.name, runtime.LOCK_FILE_NAME}
    assert {p.name for p in target.iterdir()} == expected
    wasm = (runtime.PYODIDE_PACKAGE_DIR / runtime.WASM_FILE).read_bytes()
    assert lzma.decompress((target / f"{runtime.WASM_FILE}{xz.SUFFIX}").read_bytes()) == wasm
    lock = json.loads((target / runtime.LOCK_FILE_NAME).read_text())
    assert lock["packages"]["alliance-check"]["sha256"] == runtime.sha256_of(target / fake_wheel.name)


def test_missing_pyodide_names_the_command_that_fixes_it(tmp_path: Path, fake_wheel: Path) -> None:
    with pytest.raises(BuildError, match="npm ci"):
        runtime.vendor_runtime(tmp_path / "site", fake_wheel, package_dir=tmp_path / "node_modules" / "pyodide")


def test_missing_wheel_names_the_command_that_fixes_it(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="make wheel"):
        wheel.find_wheel(tmp_path)
    with pytest.raises(BuildError, match="make wheel"):
        runtime.vendor_runtime(tmp_path / "site", tmp_path / "alliance_check-0-py3-none-any.whl")


def test_pinned_pyodide_matches_package_json() -> None:
    from sitebuild import PROJECT_ROOT

    manifest = json.loads((PROJECT_ROOT / "package.json").read_text())
    assert manifest["dependencies"]["pyodide"] == runtime.pyodide_version()


def test_a_wheel_older_than_the_source_stops_the_build(tmp_path: Path) -> None:
    built = wheel.find_wheel()
    source = tmp_path / "src"
    shutil.copytree(wheel.PACKAGE_DIR / "src", source, ignore=shutil.ignore_patterns("__pycache__"))
    wheel.check_wheel_is_current(built, source)  # as `make wheel` left it
    data = source / "alliance_check" / "questionnaires" / "check-in.en.toml"
    data.write_text(data.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    with pytest.raises(
        BuildError, match=r"older than .*\(alliance_check/questionnaires/check-in\.en\.toml\)\. Run `make wheel`"
    ):
        wheel.check_wheel_is_current(built, source)
