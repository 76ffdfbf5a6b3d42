// The scoring engine: boots Pyodide from the site's own origin, installs our
// wheel (checked against the sha256 in our lock file) and answers requests by
// id. It has one job; the page never scores anything itself.

const runtimeBase = new URL("../../../pyodide/", import.meta.url);

let engine = null;

async function boot() {
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtimeBase).href);
  const pyodide = await loadPyodide({
    indexURL: runtimeBase.href,
    lockFileURL: new URL("pyodide-lock.json", runtimeBase).href,
    packageBaseUrl: runtimeBase.href,
    // Listed here so the wheel downloads while the runtime starts up.
    packages: ["alliance-check"],
  });
  const bridge = pyodide.pyimport("alliance_check.bridge");
  return { pyodide, bridge };
}

const methods = {
  about: (bridge) => bridge.about_json(),
};

async function answer({ id, method, params }) {
  try {
    const { bridge } = await engine;
    const call = methods[method];
    if (!call) throw new Error(`Unknown method: ${method}`);
    postMessage({ id, ok: true, value: call(bridge, params) });
  } catch (error) {
    postMessage({ id, ok: false, error: String(error && error.message ? error.message : error) });
  }
}

engine = boot();
engine.then(
  () => postMessage({ type: "status", state: "ready" }),
  (error) => postMessage({ type: "status", state: "failed", error: String(error && error.message ? error.message : error) }),
);

addEventListener("message", (event) => answer(event.data));
