// Starting Python, fastest first: every download starts at once (runtime,
// lock file, snapshot), and Python starts from the memory snapshot made at
// build time (scripts/sitebuild/snapshot.py) with our package already imported
// and everything it reads already read, so its wheel is not installed again.
// If the snapshot cannot be used, Pyodide starts the ordinary way, with the wheel;
// it also does where that downloads less and the visitor's connection asks
// for fewer bytes (start_rule.js).

import { chooseStart, wantsFewerBytes } from "../start_rule.js";
import { describe, fetchFromNetwork, ok } from "./downloads.js";
import { LOCK_FILE, NO_STDLIB, PACKAGE, SNAPSHOT, SNAPSHOT_MANIFEST, runtimeBase, runtimeUrl } from "./files.js";
import { patchLoaderRequests, startEarly } from "./patched_fetch.js";
import { checkMadeFor, decompressChecked, rebuildSnapshot } from "./snapshot_checks.js";
import { decompressXz } from "./xz.js";
import { warmUp } from "./warm_up.js";

/** How the start went, sent with the "ready" status (the benchmark reads it). */
export const startReport = { start: "ordinary" };

/** Start every download at once, then Python; resolves with our package's bridge module. */
export function start() {
  // In parallel: the runtime's WebAssembly (compiled as it arrives), the
  // loader and the runtime's module, our lock file, and the snapshot.
  const runtimeBytes = patchLoaderRequests();
  const pyodideModule = import(runtimeUrl("pyodide.mjs"));
  import(runtimeUrl("pyodide.asm.mjs")).catch(() => {}); // the loader imports the same module later
  const lockFile = fetch(LOCK_FILE).then((response) => response.json());
  const downloads = { pyodideModule, lockFile, runtimeBytes };
  const snapshot = wantsFewerBytes(globalThis.navigator?.connection)
    ? loadSnapshotIfSmaller(downloads)
    : loadSnapshot(downloads);
  snapshot.catch(() => {});
  return boot(downloads, snapshot);
}

/** Start downloading the wheel the lock file pins, for an ordinary start known from the outset. */
function startWheelDownload(lockFile) {
  lockFile.then(
    (lock) => {
      const wheel = lock.packages[PACKAGE];
      startEarly(runtimeUrl(wheel.file_name), integrityOf(wheel.sha256));
    },
    () => {},
  );
}

/** The subresource-integrity value for a hex sha256, as Pyodide's loader writes it. */
function integrityOf(hex) {
  const bytes = hex.match(/../g).map((pair) => parseInt(pair, 16));
  return `sha256-${btoa(String.fromCharCode(...bytes))}`;
}

/**
 * Where the connection asks for fewer bytes: the snapshot's bytes if starting
 * from it downloads less than the ordinary start, else null (start the
 * ordinary way). The manifest, which gives both sizes, comes first.
 */
async function loadSnapshotIfSmaller(downloads) {
  const manifest = await (await ok(fetchFromNetwork(SNAPSHOT_MANIFEST))).json();
  const sizes = { snapshot: manifest.compressed_bytes, ordinary: manifest.stdlib_zip_bytes + manifest.wheel.bytes };
  startReport.chosen = chooseStart(globalThis.navigator?.connection, sizes);
  if (startReport.chosen === "ordinary") {
    startWheelDownload(downloads.lockFile);
    return null;
  }
  return loadSnapshot(downloads, Promise.resolve(manifest));
}

/** The snapshot's bytes, rebuilt and checked against its manifest, the lock file and the runtime's version. */
async function loadSnapshot({ pyodideModule, lockFile, runtimeBytes }, manifestDownload = null) {
  const download = ok(fetchFromNetwork(SNAPSHOT)); // at once, not after the manifest
  download.catch(() => {});
  const manifest = await (manifestDownload || (await ok(fetchFromNetwork(SNAPSHOT_MANIFEST))).json());
  const response = await download;
  const [lock, { version }] = await Promise.all([lockFile, pyodideModule]);
  checkMadeFor(manifest, version, lock.packages[PACKAGE].sha256);
  // Timed for the benchmark. Decompressing runs as the bytes arrive, so on a
  // first visit it includes the download; from the offline copy, hardly any.
  const responded = performance.now();
  const packed = await decompressChecked(response, manifest, decompressXz);
  startReport.decompress_ms = performance.now() - responded;
  const wasm = await runtimeBytes;
  const rebuilding = performance.now();
  const bytes = await rebuildSnapshot(packed, wasm, manifest);
  startReport.rebuild_ms = performance.now() - rebuilding;
  return bytes;
}

/** Start Python (from ``snapshot`` if it passed its checks) with our package; resolves with its bridge module. */
async function boot({ pyodideModule, lockFile }, snapshot) {
  const { loadPyodide } = await pyodideModule;
  const options = () => ({
    indexURL: runtimeBase.href,
    // Our lock file, fetched once at the start; never the full upstream one.
    lockFileContents: lockFile,
    packageBaseUrl: runtimeBase.href,
  });
  let memory = null;
  try {
    memory = await snapshot;
  } catch (error) {
    console.warn(`Starting Python without the start-up snapshot: ${describe(error)}.`);
  }
  if (memory) {
    try {
      const restoring = performance.now();
      // Not the wheel: nothing reads its files after the snapshot's start
      // (tests/pyodide/run_snapshot.mjs replays every request without them).
      const pyodide = await loadPyodide({ ...options(), _loadSnapshot: memory, stdLibURL: NO_STDLIB });
      const bridge = pyodide.pyimport("alliance_check.bridge");
      JSON.parse(bridge.about_json()); // proves the restored interpreter answers
      Object.assign(startReport, { start: "snapshot", restore_ms: performance.now() - restoring });
      warmUp(pyodide, 10);
      return bridge;
    } catch (error) {
      console.warn(`The start-up snapshot did not start (${describe(error)}); starting Python the ordinary way.`);
    }
  }
  // The ordinary start installs the wheel (the browser checks its hash).
  const pyodide = await loadPyodide({ ...options(), packages: [PACKAGE] });
  return pyodide.pyimport("alliance_check.bridge");
}
