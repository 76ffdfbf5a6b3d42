"""The floor: a bare page that only calls ``loadPyodide()`` in a module worker.

Generated into a temporary folder (never shipped), beside a copy of the pinned
npm package's files, and served by the benchmark's server under FLOOR_PREFIX.
"""

import shutil
from pathlib import Path

from sitebuild import runtime

FLOOR_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide</title></head>
<body><p id="state">starting</p>
<script type="module">
const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => { document.getElementById("state").textContent = data.state; };
</script></body></html>
"""
FLOOR_WORKER = """import { loadPyodide } from "./pyodide.mjs";
loadPyodide().then(
  () => postMessage({ type: "status", state: "ready" }),
  (error) => postMessage({ type: "status", state: "failed", error: String(error) }),
);
"""
FLOOR_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


def write_floor(floor_dir: Path) -> None:
    for name in FLOOR_FILES:
        shutil.copy2(runtime.PYODIDE_PACKAGE_DIR / name, floor_dir / name)
    (floor_dir / "index.html").write_text(FLOOR_PAGE, encoding="utf-8")
    (floor_dir / "worker.js").write_text(FLOOR_WORKER, encoding="utf-8")
