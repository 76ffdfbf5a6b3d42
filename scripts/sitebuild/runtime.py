"""Self-host the Pyodide runtime and our wheel inside the built site.

Only the files the browser needs are copied, and a small lock file replaces
Pyodide's full upstream one: it lists our wheel alone, with its sha256, so the
browser checks the wheel's integrity and fetches nothing it does not need.
The worker downloads the WebAssembly xz-compressed (``pyodide.asm.wasm.xz``,
with the decoder beside it: ``xz.py``); the plain file stays for anyone else.
"""

import hashlib
import json
import shutil
from pathlib import Path

from sitebuild import PROJECT_ROOT, BuildError, xz

PYODIDE_PACKAGE_DIR = PROJECT_ROOT / "node_modules" / "pyodide"
WASM_FILE = "pyodide.asm.wasm"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", WASM_FILE, "python_stdlib.zip")
SITE_RUNTIME_DIR = "pyodide"
LOCK_FILE_NAME = "pyodide-lock.json"
PACKAGE_NAME = "alliance-check"
IMPORT_NAME = "alliance_check"


def pyodide_version(package_dir: Path = PYODIDE_PACKAGE_DIR) -> str:
    """The pinned npm package's version, or fail saying how to install it."""
    manifest = package_dir / "package.json"
    if not manifest.is_file():
        raise BuildError(f"Pyodide is not installed ({package_dir} is missing). Run `npm ci` (or `make build`).")
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


def check_inputs(wheel: Path, package_dir: Path = PYODIDE_PACKAGE_DIR) -> str:
    """The pinned Pyodide's version, once its runtime files and ``wheel`` are all there; else fail with the fix."""
    version = pyodide_version(package_dir)
    missing = [name for name in RUNTIME_FILES if not (package_dir / name).is_file()]
    if missing:
        raise BuildError(f"Pyodide files missing in {package_dir}: {', '.join(missing)}. Run `npm ci`.")
    if not wheel.is_file():
        raise BuildError(f"Wheel {wheel} is missing. Run `make wheel`.")
    return version


def vendor_runtime(site_dir: Path, wheel: Path, package_dir: Path = PYODIDE_PACKAGE_DIR) -> Path:
    """Copy the runtime files and ``wheel`` into ``site_dir/pyodide`` and write its lock file."""
    check_inputs(wheel, package_dir)
    target = site_dir / SITE_RUNTIME_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(package_dir / name, target / name)
    xz.compressed_copy(package_dir / WASM_FILE, target / f"{WASM_FILE}{xz.SUFFIX}")
    xz.vendor_decoder(target)
    shutil.copy2(wheel, target / wheel.name)
    lock = build_lockfile(wheel, package_dir)
    (target / LOCK_FILE_NAME).write_text(json.dumps(lock, indent=1, sort_keys=True), encoding="utf-8")
    return target


def build_lockfile(wheel: Path, package_dir: Path = PYODIDE_PACKAGE_DIR) -> dict:
    """A lock file in Pyodide's format that lists only our wheel."""
    upstream = json.loads((package_dir / LOCK_FILE_NAME).read_text(encoding="utf-8"))
    version = wheel.name.split("-")[1]
    return {
        "info": upstream["info"],
        "packages": {
            PACKAGE_NAME: {
                "name": PACKAGE_NAME,
                "version": version,
                "file_name": wheel.name,
                "install_dir": "site",
                "sha256": sha256_of(wheel),
                "package_type": "package",
                "imports": [IMPORT_NAME],
                "depends": [],
                "unvendored_tests": False,
            }
        },
    }


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
