// The scoring engine's worker: boots Pyodide from the site's own origin,
// from the start-up snapshot with our package in it, or the ordinary way,
// installing our wheel (checked against the sha256 in our lock file), and
// answers the page's requests by id. It has one job; the page never scores
// anything itself. What goes wrong is sent as a code (and the file at fault),
// which the page words in its own language (downloads.js, problemOf).
// Started by engine.js from a blob: loader, which also starts every module
// the worker imports, so none is requested with a Referer; so importing any
// of them does nothing, and all starts here, with start().
//
// The files, by job: files.js (addresses), downloads.js (watching them),
// patched_fetch.js (what Pyodide's loader is handed), start.js (start-up),
// snapshot_checks.js (the snapshot's checks), warm_up.js.

import { downloadFailure, problem, problemOf } from "./downloads.js";
import { start, startReport } from "./start.js";

const methods = {
  about: (bridge) => bridge.about_json(),
  score: (bridge, request) => bridge.score_json(request),
  history: (bridge, request) => bridge.history_json(request),
};

const bridgeReady = Promise.race([start(), downloadFailure]);
bridgeReady.then(
  () => postMessage({ type: "status", state: "ready", start: startReport }),
  (error) => postMessage({ type: "status", state: "failed", problem: problemOf(error, "start_failed") }),
);

addEventListener("message", async ({ data: { id, method, params } }) => {
  try {
    const bridge = await bridgeReady;
    const call = methods[method];
    if (!call) throw problem("request_failed", null, `unknown method ${method}`);
    postMessage({ id, ok: true, value: call(bridge, params) });
  } catch (error) {
    postMessage({ id, ok: false, problem: problemOf(error, "request_failed") });
  }
});
