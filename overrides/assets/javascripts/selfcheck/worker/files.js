// Where the worker finds the runtime and our package: the site's own pyodide/
// folder at its root, whatever subpath the site is served under and whatever
// language the page is in (one runtime serves every language).

import { siteRoot } from "../../site_root.js";

export const runtimeBase = new URL("pyodide/", siteRoot);
export const runtimeUrl = (name) => new URL(name, runtimeBase).href;
export const PACKAGE = "alliance-check";
export const LOCK_FILE = runtimeUrl("pyodide-lock.json");
export const WASM = runtimeUrl("pyodide.asm.wasm");
// The two big downloads come xz-compressed (scripts/sitebuild/xz.py), read
// with the decoder the build puts beside the runtime.
export const WASM_XZ = runtimeUrl("pyodide.asm.wasm.xz");
export const SNAPSHOT = runtimeUrl("snapshot.bin.xz");
export const XZ_DECODER = runtimeUrl("xz-decompress.mjs");
export const SNAPSHOT_MANIFEST = runtimeUrl("snapshot.json");
// Started from the snapshot, Python has every standard module it needs in
// memory and python_stdlib.zip off its import path, so that 2.5 MB file is
// not downloaded: Pyodide is handed an empty file at this address instead.
export const NO_STDLIB = runtimeUrl("python_stdlib.not-needed.zip");
