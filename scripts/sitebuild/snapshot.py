"""Pyodide's start-up memory snapshot, made in Node at build time and shipped xz-compressed.

Starting Python in the browser takes seconds; most of it is Python setting
itself up and importing modules. ``make_snapshot.mjs`` starts Pyodide once in
Node, installs our wheel as the browser does, imports the package, loads every
questionnaire and saves the memory. The worker starts from that memory instead
(``loadPyodide({_loadSnapshot})``), which skips all of it, and no longer needs
``python_stdlib.zip``: every standard module the package uses is already
imported in the snapshot.

A snapshot only fits the exact runtime and wheel it was made with. Pyodide
refuses one from another build of its runtime; our manifest (``snapshot.json``)
names the Pyodide version and the wheel's sha256, which the worker compares
with the runtime it loaded and the lock file before using the snapshot, plus
the sha256 of the compressed file. Snapshots are cached under ``build/snapshot/`` by a
key over all of these, so one is made again exactly when any input changes.

The snapshot is about 31 MB in memory. Its first 3.8 MB are mostly the
WebAssembly module's data segments, which the browser downloads anyway with
``pyodide.asm.wasm``; the snapshot is stored as its XOR against them
(``snapshot_delta.js``, shared by the maker and the worker), so those bytes
become zeros; then only the pages that are not all zeros are kept, with a
map of their places (about 11 of the 31 MB), so the worker decompresses a
third of the bytes. It is shipped xz-compressed (``xz.py``: a third smaller
than gzip at its best), since static hosts do not all compress unknown files
and none uses xz; the worker decompresses it as it downloads, puts the pages
in place, and XORs the data segments back in from the module it downloaded,
once their sha256 is the one the snapshot was made against.
"""

import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from sitebuild import PROJECT_ROOT, BuildError, runtime, xz

SNAPSHOT_FILE = f"snapshot.bin{xz.SUFFIX}"
MANIFEST_FILE = "snapshot.json"
# Format 3: the snapshot XORed against the runtime's initial memory image, zero pages left
# out, xz-compressed (format 2 was the same, gzip-compressed).
# The worker starts only from this format (selfcheck/worker/snapshot_checks.js).
FORMAT = 3
MAKER = Path(__file__).with_name("make_snapshot.mjs")
DELTA = PROJECT_ROOT / "overrides" / "assets" / "javascripts" / "selfcheck" / "snapshot_delta.js"
CACHE_DIR = PROJECT_ROOT / "build" / "snapshot"
NODE_MISSING = (
    "Node.js is needed to make Pyodide's start-up snapshot, and `node` is not on the PATH. "
    "Install Node.js 20 or later (Debian: `apt-get install nodejs npm`), then run `npm ci` (or `make build`)."
)


def snapshot_inputs(wheel: Path, package_dir: Path = runtime.PYODIDE_PACKAGE_DIR) -> dict:
    """Everything a snapshot depends on; any change means a new snapshot."""
    version = runtime.check_inputs(wheel, package_dir)
    return {
        "format": FORMAT,
        "pyodide": version,
        "runtime_sha256": {name: runtime.sha256_of(package_dir / name) for name in runtime.RUNTIME_FILES},
        "wheel": {"file_name": wheel.name, "sha256": runtime.sha256_of(wheel), "bytes": wheel.stat().st_size},
        "maker_sha256": runtime.sha256_of(MAKER),
        "delta_sha256": runtime.sha256_of(DELTA),
        "compression_sha256": runtime.sha256_of(Path(xz.__file__)),
    }


def cache_key(inputs: dict) -> str:
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode("utf-8")).hexdigest()[:32]


def vendor_snapshot(
    site_dir: Path,
    wheel: Path,
    package_dir: Path = runtime.PYODIDE_PACKAGE_DIR,
    cache_dir: Path = CACHE_DIR,
) -> dict:
    """Put the snapshot for ``wheel`` and its manifest into ``site_dir/pyodide``, making it if needed."""
    inputs = snapshot_inputs(wheel, package_dir)
    cached = cache_dir / cache_key(inputs)
    if not (cached / MANIFEST_FILE).is_file():
        make_snapshot(wheel, cached, package_dir, inputs)
    target = site_dir / runtime.SITE_RUNTIME_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in (SNAPSHOT_FILE, MANIFEST_FILE):
        shutil.copy2(cached / name, target / name)
    return json.loads((target / MANIFEST_FILE).read_text(encoding="utf-8"))


def make_snapshot(wheel: Path, destination: Path, package_dir: Path, inputs: dict) -> dict:
    """Run the maker in Node and write the compressed snapshot and its manifest into ``destination``."""
    node = shutil.which("node")
    if node is None:
        raise BuildError(NODE_MISSING)
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=destination.parent) as temporary:
        work = Path(temporary)
        lock_dir = work / "packages"
        lock_dir.mkdir()
        shutil.copy2(wheel, lock_dir / wheel.name)
        lock = runtime.build_lockfile(wheel, package_dir)
        (lock_dir / runtime.LOCK_FILE_NAME).write_text(json.dumps(lock), encoding="utf-8")
        raw_file = work / "snapshot.bin"
        command = [node, str(MAKER), str(package_dir / "pyodide.mjs"), str(lock_dir), str(raw_file)]
        completed = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
        if completed.returncode != 0:
            detail = "\n".join(line[:300] for line in completed.stderr.splitlines()[-15:])
            raise BuildError(f"Making the start-up snapshot failed (`{' '.join(command)}`):\n{detail}")
        made = json.loads(completed.stdout.strip().splitlines()[-1])
        raw = raw_file.read_bytes()
        packed = xz.compress(raw)
        manifest = {
            "format": FORMAT,
            "pyodide": inputs["pyodide"],
            "python": made["python"],
            "wheel": inputs["wheel"],
            "file_name": SNAPSHOT_FILE,
            "bytes": made["bytes"],
            # Of the snapshot as rebuilt; the shipped file is its delta (``compressed_sha256``).
            "sha256": made["sha256"],
            "delta_against": {"file_name": "pyodide.asm.wasm", "data_section_sha256": made["memory_image_sha256"]},
            "packed_bytes": len(raw),
            "compressed_bytes": len(packed),
            "compressed_sha256": hashlib.sha256(packed).hexdigest(),
            # What the ordinary start downloads instead (sent as it is), with the wheel, for start_rule.js.
            "stdlib_zip_bytes": (package_dir / "python_stdlib.zip").stat().st_size,
            "modules": made["modules"],
            "needs_stdlib_zip": False,
        }
        ready = work / "ready"
        ready.mkdir()
        (ready / SNAPSHOT_FILE).write_bytes(packed)
        (ready / MANIFEST_FILE).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
        # Renamed into place whole, so an interrupted build never leaves half a cache entry;
        # if another build made the same snapshot meanwhile, its copy is kept.
        try:
            ready.rename(destination)
        except OSError:
            if not (destination / MANIFEST_FILE).is_file():
                raise
    return manifest
