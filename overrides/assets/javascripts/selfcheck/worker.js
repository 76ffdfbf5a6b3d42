// The scoring engine: boots Pyodide from the site's own origin, installs our
// wheel (checked against the sha256 in our lock file) and answers requests by
// id. It has one job; the page never scores anything itself.

const runtimeBase = new URL("../../../pyodide/", import.meta.url);

// Pyodide's loader never settles when a runtime download fails (it logs a
// warning and waits). Watching this worker's downloads lets the visitor hear
// at once that something went wrong, and which file.
let reportDownloadFailure;
const downloadFailure = new Promise((_, reject) => {
  reportDownloadFailure = reject;
});
const fetchFromNetwork = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (resource, options) => {
  const name = String(resource instanceof Request ? resource.url : resource).split("/").pop();
  let response;
  try {
    response = await fetchFromNetwork(resource, options);
  } catch (error) {
    reportDownloadFailure(new Error(`Could not download ${name} (${describe(error)}).`));
    throw error;
  }
  if (!response.ok) reportDownloadFailure(new Error(`Could not download ${name} (HTTP ${response.status}).`));
  return response;
};

async function boot() {
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtimeBase).href);
  const pyodide = await loadPyodide({
    indexURL: runtimeBase.href,
    lockFileURL: new URL("pyodide-lock.json", runtimeBase).href,
    packageBaseUrl: runtimeBase.href,
    // Listed here so the wheel downloads while the runtime starts up.
    packages: ["alliance-check"],
  });
  return pyodide.pyimport("alliance_check.bridge");
}

const methods = {
  about: (bridge) => bridge.about_json(),
  score: (bridge, request) => bridge.score_json(request),
};

const bridgeReady = Promise.race([boot(), downloadFailure]);
bridgeReady.then(
  () => postMessage({ type: "status", state: "ready" }),
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
