// The page's side of the scoring engine: one worker per visit, created on
// first use and kept across instant page changes (this module is evaluated
// once), with promise-based requests matched to responses by id.

import { siteRoot } from "../site_root.js";

const workerUrl = new URL("./worker/main.js", import.meta.url);
// The worker starts from a same-origin blob: URL that imports the real one.
// A worker loaded from its own URL runs under no policy at all on a host that
// sends no headers (a page's <meta> policy does not reach it); one created from
// a blob: URL inherits this page's policy, so the code that holds the answers
// cannot reach any other origin, and its requests carry no Referer. A module
// import names the importing script as Referer whatever the policy, except
// from a blob:, so the loader starts every module the worker imports, the
// runtime's and its own (an import started from the blob: loader first is the
// one the worker then reuses). A module missing from this list is requested
// with a Referer, which tests/browser/test_confinement.py reports. Requests
// that arrive before the real worker listens are held and handed to it in order.
const workerImports = [
  // The runtime is the one at the site's root, whatever language the page is in.
  ...["pyodide.mjs", "pyodide.asm.mjs"].map((name) => new URL(`pyodide/${name}`, siteRoot)),
  ...["../hex_sha256.js", "../site_root.js", "./snapshot_delta.js", "./start_rule.js", "./stream_bytes.js"].map(
    (name) => new URL(name, import.meta.url),
  ),
  ...["downloads.js", "files.js", "patched_fetch.js", "snapshot_checks.js", "start.js", "warm_up.js", "xz.js"].map(
    (name) => new URL(`./worker/${name}`, import.meta.url),
  ),
].map((url) => JSON.stringify(url.href));
// The stamp of this deploy's engine files, written at build time
// (scripts/sitebuild/offline.py). Where an offline copy serves the site, the
// worker shows it to the copy's service worker before loading anything, so a
// page from a later deploy than the copy's never runs the copy's engine.
const ENGINE_STAMP = /*__ENGINE_STAMP__*/ "";
const stampCheck = new URL(`./worker/main.js?offline-copy-engine=${ENGINE_STAMP}`, import.meta.url).href;
const workerSource = (servedByOfflineCopy) => `const held = [];
const hold = (event) => {
  event.stopImmediatePropagation();
  held.push(event.data);
};
addEventListener("message", hold);
${servedByOfflineCopy ? `await fetch(${JSON.stringify(stampCheck)}).catch(() => {});` : ""}
${workerImports.map((url) => `import(${url}).catch(() => {});`).join("\n")}
import(${JSON.stringify(workerUrl.href)}).then(
  () => {
    removeEventListener("message", hold);
    for (const data of held) dispatchEvent(new MessageEvent("message", { data }));
  },
  (error) => {
    postMessage({ type: "status", state: "failed", problem: { code: "engine_not_loaded", file: null, cause: String(error) } });
  },
);
`;
// A stalled download would otherwise leave the visitor waiting for ever. The
// limit is generous: a first start downloads about 5.6 MB, which takes about
// 5.3 s on 4G (make bench) and under two minutes down to 0.4 Mbit/s.
const START_TIMEOUT_MS = 180_000;
// A score takes milliseconds once the engine is ready; a request still
// unanswered after this long is stuck (the worker is replaced on Try again).
const REQUEST_TIMEOUT_MS = 10_000;

let worker = null;
let nextId = 1;
const pending = new Map();
const listeners = new Set();
let state = { name: "idle", error: null };
let startTimer = null;

function setState(name, error = null) {
  if (name !== "starting") {
    clearTimeout(startTimer);
    startTimer = null;
  }
  state = { name, error };
  if (name === "ready") for (const request of pending.values()) timeRequest(request);
  for (const listener of listeners) listener(state);
}

/** Give up on the engine if ``request`` is not answered in time once the engine is ready. */
function timeRequest(request) {
  request.timer ??= setTimeout(() => fail({ code: "stopped_answering" }), REQUEST_TIMEOUT_MS);
}

/**
 * An error carrying what went wrong as ``problem`` ({code, file}): the page words the code
 * (scoring.problems.<code> in overrides/words/), so no sentence comes from the engine.
 */
export function problemError(problem) {
  return Object.assign(new Error(problem.cause || problem.code), { problem });
}

function fail(problem = { code: "start_failed" }) {
  for (const { reject, timer } of pending.values()) {
    clearTimeout(timer);
    reject(problemError(problem));
  }
  pending.clear();
  worker?.terminate();
  worker = null;
  setState("failed", problem);
}

function onMessage(event) {
  const message = event.data;
  if (message.type === "status") {
    if (message.state === "failed") fail(message.problem);
    else setState(message.state);
    return;
  }
  const request = pending.get(message.id);
  if (!request) return;
  clearTimeout(request.timer);
  pending.delete(message.id);
  if (message.ok) request.resolve(message.value);
  else request.reject(problemError(message.problem ?? { code: "request_failed" }));
}

/** Start the engine unless it is running or starting. Safe to call any number of times. */
export function start() {
  if (worker) return;
  try {
    if (typeof WebAssembly !== "object") {
      setState("failed", { code: "no_webassembly" });
      return;
    }
    const servedByOfflineCopy = Boolean(globalThis.navigator?.serviceWorker?.controller);
    const source = URL.createObjectURL(new Blob([workerSource(servedByOfflineCopy)], { type: "text/javascript" }));
    try {
      worker = new Worker(source, { type: "module" });
    } finally {
      // The browser has read the blob's address by now; the worker keeps what it needs.
      setTimeout(() => URL.revokeObjectURL(source), 0);
    }
  } catch (error) {
    worker = null;
    setState("failed", { code: "engine_not_loaded", cause: String(error.message || error) });
    return;
  }
  worker.addEventListener("message", onMessage);
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    fail({ code: "engine_not_loaded", cause: event.message });
  });
  setState("starting");
  startTimer = setTimeout(() => fail({ code: "too_slow" }), START_TIMEOUT_MS);
}

/** Send a request to the engine (starting it if needed); resolves with its answer. */
export function request(method, params) {
  start();
  if (!worker) return Promise.reject(problemError(state.error || { code: "engine_not_loaded" }));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const entry = { resolve, reject, timer: null };
    pending.set(id, entry);
    if (state.name === "ready") timeRequest(entry);
    worker.postMessage({ id, method, params });
  });
}

/** The engine's state now: {name: "idle" | "starting" | "ready" | "failed", error}. */
export function currentState() {
  return state;
}

/** Follow the engine's state ({name, error}); called at once with the current one. Returns an unsubscribe function. */
export function onStateChange(listener) {
  listeners.add(listener);
  listener(state);
  return () => listeners.delete(listener);
}
