// What Pyodide's loader gets when it asks for a file. Downloads started
// before it asks (startEarly) are handed over when it does; the standard
// library archive a snapshot start does not need is an empty file; and the
// runtime's WebAssembly, compiled while it downloads, comes through a
// placeholder response that the patched WebAssembly.instantiateStreaming
// answers with the compiled module. The WebAssembly is downloaded
// xz-compressed and compiled as it is decoded. Nothing happens until the worker calls
// patchLoaderRequests (the page's loader imports this module ahead).

import { describe, fetchFromNetwork, ok, problem, reportDownloadFailure, watched } from "./downloads.js";
import { streamBytes } from "../stream_bytes.js";
import { NO_STDLIB, WASM, WASM_XZ } from "./files.js";
import { decompressXz, loadDecoder } from "./xz.js";

const early = new Map();
const placeholders = new WeakSet();

/**
 * Patch fetch and WebAssembly.instantiateStreaming for Pyodide's loader and
 * start compiling the runtime's WebAssembly now, alongside the snapshot,
 * instead of after it. Returns a promise of the WebAssembly's bytes (the
 * snapshot is rebuilt from them).
 */
export function patchLoaderRequests() {
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
  loadDecoder();
  const [compiledRuntime, runtimeBytes] = compileKeepingBytes(ok(watched(WASM_XZ, fetchFromNetwork(WASM_XZ))));
  // Compiling says only that its input failed; the bytes' own reading says why,
  // and an error that names its file (the download, the decoder) is told as it is.
  compiledRuntime.catch(async (error) => {
    const cause = await runtimeBytes.then(
      () => error,
      (reason) => reason,
    );
    const named = typeof cause?.code === "string";
    reportDownloadFailure(named ? cause : problem("download_failed", "pyodide.asm.wasm.xz", describe(cause)));
  });
  runtimeBytes.catch(() => {}); // reported through compiledRuntime
  const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const response = await source;
    if (!placeholders.has(response)) return instantiateStreaming(response, imports);
    const module = await compiledRuntime;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
  return runtimeBytes;
}

/** Start downloading ``url`` now; Pyodide gets this download when it asks with the same integrity. */
export function startEarly(url, integrity) {
  const response = fetchFromNetwork(url, integrity ? { integrity } : {});
  response.catch(() => {}); // reported when Pyodide asks for it
  early.set(url, { integrity, response });
}

function runtimePlaceholder() {
  const response = new Response(new Uint8Array(0), { headers: { "Content-Type": "application/wasm" } });
  placeholders.add(response);
  return response;
}

/** [compiled module, its bytes] from one download of the runtime's WebAssembly, xz-compressed. */
function compileKeepingBytes(download) {
  const branches = download.then(async (response) => {
    const [compiling, keeping] = (await decompressXz(response.body)).tee();
    const headers = { "Content-Type": "application/wasm" };
    return [new Response(compiling, { headers }), streamBytes(keeping)];
  });
  return [WebAssembly.compileStreaming(branches.then(([response]) => response)), branches.then(([, bytes]) => bytes)];
}
