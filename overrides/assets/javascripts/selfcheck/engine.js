// The page's side of the scoring engine: one worker per visit, created on
// first use and kept across instant page changes (this module is evaluated
// once), with promise-based requests matched to responses by id.

import { messages } from "./messages.js";

const workerUrl = new URL("./worker.js", import.meta.url);
// A stalled download would otherwise leave the visitor waiting for ever. The
// limit is generous: a first start downloads about 9.6 MB, which takes about
// 9 s on 4G (make bench) and under three minutes down to 0.5 Mbit/s.
const START_TIMEOUT_MS = 180_000;

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
  for (const listener of listeners) listener(state);
}

function fail(message) {
  for (const { reject } of pending.values()) reject(new Error(message));
  pending.clear();
  worker?.terminate();
  worker = null;
  setState("failed", message);
}

function onMessage(event) {
  const message = event.data;
  if (message.type === "status") {
    if (message.state === "failed") fail(message.error);
    else setState(message.state);
    return;
  }
  const request = pending.get(message.id);
  if (!request) return;
  pending.delete(message.id);
  if (message.ok) request.resolve(message.value);
  else request.reject(new Error(message.error));
}

/** Start the engine unless it is running or starting. Safe to call any number of times. */
export function start() {
  if (worker) return;
  try {
    if (typeof WebAssembly !== "object") throw new Error("This browser cannot run WebAssembly.");
    worker = new Worker(workerUrl, { type: "module" });
  } catch (error) {
    worker = null;
    setState("failed", String(error.message || error));
    return;
  }
  worker.addEventListener("message", onMessage);
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    fail(event.message || "The scoring engine could not be loaded.");
  });
  setState("starting");
  startTimer = setTimeout(() => fail(messages.failure.tooSlow), START_TIMEOUT_MS);
}

/** Send a request to the engine (starting it if needed); resolves with its answer. */
export function request(method, params) {
  start();
  if (!worker) return Promise.reject(new Error(state.error || "The scoring engine is not available."));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
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
