// The scoring engine: boots Pyodide from the site's own origin, installs our
// wheel (checked against the sha256 in our lock file) and answers requests by
// id. It has one job; the page never scores anything itself.
//
// Start-up, fastest first: every download starts at once (runtime, lock file,
// wheel, snapshot), and Python starts from the memory snapshot made at build
// time (scripts/sitebuild/snapshot.py) with our package already imported. If
// the snapshot cannot be used, Pyodide starts the ordinary way; it also does
// where that downloads less and the visitor's connection asks for fewer bytes
// (start_rule.js).

import { dataSection, unpack, xorWithMemoryImage } from "./snapshot_delta.js";
import { chooseStart, wantsFewerBytes } from "./start_rule.js";
import { siteRoot } from "../site_root.js";

// One runtime at the site's root serves every language's pages.
const runtimeBase = new URL("pyodide/", siteRoot);
const runtimeUrl = (name) => new URL(name, runtimeBase).href;
const PACKAGE = "alliance-check";
const LOCK_FILE = runtimeUrl("pyodide-lock.json");
const WASM = runtimeUrl("pyodide.asm.wasm");
const SNAPSHOT = runtimeUrl("snapshot.bin.gz");
const SNAPSHOT_MANIFEST = runtimeUrl("snapshot.json");
// Started from the snapshot, Python has every standard module it needs in
// memory and python_stdlib.zip off its import path, so that 2.5 MB file is
// not downloaded: Pyodide is handed an empty file at this address instead.
const NO_STDLIB = runtimeUrl("python_stdlib.not-needed.zip");

// Pyodide's loader never settles when a runtime download fails (it logs a
// warning and waits). Watching this worker's downloads lets the visitor hear
// at once that something went wrong, and which file.
let reportDownloadFailure;
const downloadFailure = new Promise((_, reject) => {
  reportDownloadFailure = reject;
});
const fetchFromNetwork = globalThis.fetch.bind(globalThis);
// Downloads started before Pyodide asks for them, handed over when it does.
const early = new Map();

globalThis.fetch = (resource, options) => {
  const url = String(resource instanceof Request ? resource.url : resource);
  if (url === NO_STDLIB) return Promise.resolve(new Response(new Uint8Array(0)));
  if (url === WASM) return Promise.resolve(runtimePlaceholder());
  const started = early.get(url);
  if (started && started.integrity === options?.integrity) {
    early.delete(url);
    return watched(url, started.response);
  }
  return watched(url, fetchFromNetwork(resource, options));
};

/** ``response``, reporting at once to the visitor if the download fails. */
async function watched(url, response) {
  const name = url.split("/").pop();
  try {
    response = await response;
  } catch (error) {
    reportDownloadFailure(new Error(`Could not download ${name} (${describe(error)}).`));
    throw error;
  }
  if (!response.ok) reportDownloadFailure(new Error(`Could not download ${name} (HTTP ${response.status}).`));
  return response;
}

function startEarly(url, integrity) {
  const response = fetchFromNetwork(url, integrity ? { integrity } : {});
  response.catch(() => {}); // reported when Pyodide asks for it
  early.set(url, { integrity, response });
}

// The runtime's WebAssembly is compiled as it downloads, alongside the
// snapshot, instead of after it. Pyodide asks for it later through fetch and
// WebAssembly.instantiateStreaming: it gets a placeholder response, which
// instantiateStreaming answers with this compiled module. Its bytes are kept
// too: the snapshot is rebuilt from them.
const [compiledRuntime, runtimeBytes] = compileKeepingBytes(watched(WASM, fetchFromNetwork(WASM)));
compiledRuntime.catch((error) => reportDownloadFailure(new Error(`Could not load pyodide.asm.wasm (${describe(error)}).`)));
runtimeBytes.catch(() => {}); // reported through compiledRuntime
const placeholders = new WeakSet();
function runtimePlaceholder() {
  const response = new Response(new Uint8Array(0), { headers: { "Content-Type": "application/wasm" } });
  placeholders.add(response);
  return response;
}
const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  if (!placeholders.has(response)) return instantiateStreaming(response, imports);
  const module = await compiledRuntime;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

// Everything starts now, in parallel: the loader, the runtime's module and
// WebAssembly (above), our lock file, then the wheel it pins, and the snapshot.
const pyodideModule = import(runtimeUrl("pyodide.mjs"));
import(runtimeUrl("pyodide.asm.mjs")).catch(() => {}); // the loader imports the same module later
const lockFile = fetch(LOCK_FILE).then((response) => response.json());
lockFile.then(
  (lock) => {
    const wheel = lock.packages[PACKAGE];
    startEarly(runtimeUrl(wheel.file_name), integrityOf(wheel.sha256));
  },
  () => {},
);
// How the start went, sent with the "ready" status (the benchmark reads it).
const startReport = { start: "ordinary" };
const snapshot = wantsFewerBytes(globalThis.navigator?.connection) ? loadSnapshotIfSmaller() : loadSnapshot();
snapshot.catch(() => {});

/** The subresource-integrity value for a hex sha256, as Pyodide's loader writes it. */
function integrityOf(hex) {
  const bytes = hex.match(/../g).map((pair) => parseInt(pair, 16));
  return `sha256-${btoa(String.fromCharCode(...bytes))}`;
}

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** [compiled module, its bytes] from one download of the runtime's WebAssembly. */
function compileKeepingBytes(download) {
  const branches = download.then((response) => {
    const [compiling, keeping] = response.body.tee();
    const headers = { "Content-Type": "application/wasm" };
    return [new Response(compiling, { headers }), new Response(keeping).arrayBuffer()];
  });
  return [WebAssembly.compileStreaming(branches.then(([response]) => response)), branches.then(([, bytes]) => bytes)];
}

/**
 * Where the connection asks for fewer bytes: the snapshot's bytes if starting
 * from it downloads less than the ordinary start, else null (start the
 * ordinary way). The manifest, which gives both sizes, comes first.
 */
async function loadSnapshotIfSmaller() {
  const manifest = await (await ok(fetchFromNetwork(SNAPSHOT_MANIFEST))).json();
  const sizes = { snapshot: manifest.gzip_bytes, ordinary: manifest.stdlib_zip_bytes };
  startReport.chosen = chooseStart(globalThis.navigator?.connection, sizes);
  if (startReport.chosen === "ordinary") return null;
  return loadSnapshot(Promise.resolve(manifest));
}

/** The snapshot's bytes, rebuilt and checked against its manifest, the lock file and the runtime's version. */
async function loadSnapshot(manifestDownload = null) {
  if (typeof DecompressionStream !== "function") throw new Error("this browser cannot decompress it");
  const download = ok(fetchFromNetwork(SNAPSHOT)); // at once, not after the manifest
  download.catch(() => {});
  const manifest = await (manifestDownload || (await ok(fetchFromNetwork(SNAPSHOT_MANIFEST))).json());
  if (manifest.format !== 2) throw new Error(`its format ${manifest.format} is not 2`);
  const response = await download;
  const [lock, { version }] = await Promise.all([lockFile, pyodideModule]);
  const wheelHash = lock.packages[PACKAGE].sha256;
  if (manifest.pyodide !== version || manifest.wheel.sha256 !== wheelHash) {
    throw new Error(
      `it was made for Pyodide ${manifest.pyodide} and wheel sha256 ${manifest.wheel.sha256}, ` +
        `but this site runs Pyodide ${version} and wheel sha256 ${wheelHash}`,
    );
  }
  // Timed for the benchmark. Decompressing runs as the bytes arrive, so on a
  // first visit it includes the download; from the offline copy, hardly any.
  const responded = performance.now();
  const { packed, checked } = await decompressChecked(response, manifest);
  startReport.decompress_ms = performance.now() - responded;
  const wasm = await runtimeBytes;
  const rebuilding = performance.now();
  const bytes = await rebuildSnapshot(packed, wasm, manifest, checked);
  startReport.rebuild_ms = performance.now() - rebuilding;
  return bytes;
}

/** {packed, checked}: the snapshot's packed delta, decompressed, and whether its compressed bytes matched the manifest. */
async function decompressChecked(response, manifest) {
  // A host that decodes the .gz on the way (Content-Encoding: gzip) hands over the delta itself.
  if (/gzip/i.test(response.headers.get("Content-Encoding") || "")) {
    return { packed: await response.arrayBuffer(), checked: false };
  }
  const [packed, unpacking] = response.body.tee();
  const [packedBytes, bytes] = await Promise.all([
    new Response(packed).arrayBuffer(),
    new Response(unpacking.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer(),
  ]);
  if ((await sha256(packedBytes)) !== manifest.gzip_sha256) {
    throw new Error("its sha256 does not match its manifest");
  }
  return { packed: bytes, checked: true };
}

/**
 * The snapshot from its packed delta and the runtime's WebAssembly. The
 * segments must be those it was made against (their sha256 is in the
 * manifest); a host-decoded delta, not checked compressed, is checked whole
 * once rebuilt.
 */
async function rebuildSnapshot(packed, wasm, manifest, checked) {
  const section = dataSection(wasm);
  if ((await sha256(section)) !== manifest.delta_against.data_section_sha256) {
    throw new Error("it was made against another pyodide.asm.wasm");
  }
  const delta = unpack(packed);
  if (delta.byteLength !== manifest.bytes) throw new Error("its size does not match its manifest");
  const bytes = xorWithMemoryImage(delta, section);
  if (!checked && (await sha256(bytes)) !== manifest.sha256) {
    throw new Error("its sha256 does not match its manifest");
  }
  return bytes;
}

async function ok(responsePromise) {
  const response = await responsePromise;
  if (!response.ok) throw new Error(`${response.url.split("/").pop()} answered HTTP ${response.status}`);
  return response;
}

async function boot() {
  const { loadPyodide } = await pyodideModule;
  const options = () => ({
    indexURL: runtimeBase.href,
    // Our lock file, fetched once above; never the full upstream one.
    lockFileContents: lockFile,
    packageBaseUrl: runtimeBase.href,
    // The wheel's files are installed at start-up in both cases (the snapshot
    // holds Python's memory, not its file system).
    packages: [PACKAGE],
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
      const pyodide = await loadPyodide({ ...options(), _loadSnapshot: memory, stdLibURL: NO_STDLIB });
      const bridge = pyodide.pyimport("alliance_check.bridge");
      JSON.parse(bridge.about_json()); // proves the restored interpreter answers
      Object.assign(startReport, { start: "snapshot", restore_ms: performance.now() - restoring });
      // Restored code has not run yet in this browser, so the WebAssembly
      // engine has not optimised it: practice scores while the visitor reads
      // and answers (about 10-50 ms each here) make the first real one quick.
      setTimeout(() => warmUp(pyodide, 10), 0);
      return bridge;
    } catch (error) {
      console.warn(`The start-up snapshot did not start (${describe(error)}); starting Python the ordinary way.`);
    }
  }
  const pyodide = await loadPyodide(options());
  return pyodide.pyimport("alliance_check.bridge");
}

// Scores every questionnaire once, with made-up answers, and discards the replies.
const WARM_UP = `
import json
from alliance_check import list_languages, list_questionnaires, load_questionnaire
from alliance_check.bridge import score_json
for qid in list_questionnaires():
    for lang in list_languages(qid):
        items = load_questionnaire(qid, lang).items
        answers = {i.id: i.scale.min + n % (i.scale.max - i.scale.min + 1) for n, i in enumerate(items)}
        score_json(json.dumps({"questionnaire": qid, "lang": lang, "answers": answers}))
`;

function warmUp(pyodide, times) {
  try {
    pyodide.runPython(WARM_UP);
  } catch (error) {
    console.warn(`Warming up the engine failed: ${describe(error)}`);
    return;
  }
  // One pass per task, with room between, so a real request waits for one pass at most.
  if (times > 1) setTimeout(() => warmUp(pyodide, times - 1), 50);
}

const methods = {
  about: (bridge) => bridge.about_json(),
  score: (bridge, request) => bridge.score_json(request),
  history: (bridge, request) => bridge.history_json(request),
};

const bridgeReady = Promise.race([boot(), downloadFailure]);
bridgeReady.then(
  () => postMessage({ type: "status", state: "ready", start: startReport }),
  (error) => postMessage({ type: "status", state: "failed", error: describe(error) }),
);

function describe(error) {
  return String(error && error.message ? error.message : error);
}

addEventListener("message", async ({ data: { id, method, params } }) => {
  try {
    const bridge = await bridgeReady;
    const call = methods[method];
    if (!call) throw new Error(`Unknown method: ${method}`);
    postMessage({ id, ok: true, value: call(bridge, params) });
  } catch (error) {
    postMessage({ id, ok: false, error: describe(error) });
  }
});
