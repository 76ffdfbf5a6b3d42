// Starts Pyodide from the built site's start-up snapshot under Node, the way
// the site's worker does, with the worker's own checks
// (selfcheck/worker/snapshot_checks.js): made for this runtime and wheel,
// its compressed bytes those its manifest names, rebuilt from its packed delta
// and the runtime's data segments (snapshot_delta.js), then checked whole here
// too; no python_stdlib.zip (an empty file in its place), and, as in the
// worker, our wheel not installed again: everything a visit reaches is in the
// snapshot's memory, so no file of the package is read. Then replays every
// scoring and history vector through the bridge.
//
//   node run_snapshot.mjs <site-pyodide-dir> <vectors.json> <history-vectors.json> <empty-file>
//
// The snapshot is decompressed with the xz decoder the site ships (its
// pyodide/xz-decompress.mjs, as the build wrote it).
//
// Prints one JSON line: the replies' digests, modules imported after start-up,
// and what about_json and questionnaires_json answered.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadPyodide, version } from "pyodide";
import {
  checkMadeFor,
  decompressChecked,
  rebuildSnapshot,
} from "../../overrides/assets/javascripts/selfcheck/worker/snapshot_checks.js";

const [runtimeDir, vectorsFile, historyVectorsFile, emptyFile] = process.argv.slice(2).map((arg) => path.resolve(arg));
const sha256 = (data) => createHash("sha256").update(data).digest("hex");

const manifest = JSON.parse(readFileSync(path.join(runtimeDir, "snapshot.json"), "utf8"));
const lock = JSON.parse(readFileSync(path.join(runtimeDir, "pyodide-lock.json"), "utf8"));
checkMadeFor(manifest, version, lock.packages["alliance-check"].sha256);
const { XzReadableStream } = await import(pathToFileURL(path.join(runtimeDir, "xz-decompress.mjs")).href);
const decompress = async (stream) => new XzReadableStream(stream);
const download = new Response(readFileSync(path.join(runtimeDir, manifest.file_name)));
const packed = await decompressChecked(download, manifest, decompress);
const wasmDownload = new Response(readFileSync(path.join(runtimeDir, `${manifest.delta_against.file_name}.xz`)));
const wasm = await new Response(await decompress(wasmDownload.body)).arrayBuffer();
if (sha256(new Uint8Array(wasm)) !== sha256(readFileSync(path.join(runtimeDir, manifest.delta_against.file_name)))) {
  throw new Error("the WebAssembly decompressed from its .xz is not pyodide.asm.wasm");
}
const snapshot = await rebuildSnapshot(packed, wasm, manifest);
if (sha256(snapshot) !== manifest.sha256) throw new Error("the rebuilt snapshot does not match its manifest");

const pyodide = await loadPyodide({
  _loadSnapshot: snapshot,
  stdLibURL: emptyFile,
  lockFileURL: path.join(runtimeDir, "pyodide-lock.json"),
  packageBaseUrl: runtimeDir + path.sep,
});
const packageFiles = pyodide.runPython(
  "import sys, os; [p for p in sys.path if os.path.isdir(os.path.join(p, 'alliance_check'))]",
).toJs();
const modulesAtStart = new Set(pyodide.runPython("import sys; list(sys.modules)").toJs());
const bridge = pyodide.pyimport("alliance_check.bridge");
const text = (spec) => (typeof spec === "string" ? spec : spec.map(([part, times]) => part.repeat(times)).join(""));
const vectors = JSON.parse(readFileSync(vectorsFile, "utf8")).vectors;
const replay = (call, vector) => {
  const reply = call(text(vector.request));
  return { name: vector.name, ok: sha256(reply) === vector.reply_sha256, reply: reply.slice(0, 300) };
};
const replies = vectors.map((vector) => replay(bridge.score_json, vector));
const historyVectors = JSON.parse(readFileSync(historyVectorsFile, "utf8")).vectors;
const historyReplies = historyVectors.map((vector) => replay(bridge.history_json, vector));
const about = JSON.parse(bridge.about_json());
const listed = JSON.parse(bridge.questionnaires_json());
const imported = pyodide.runPython("import sys; list(sys.modules)").toJs().filter((name) => !modulesAtStart.has(name));
const stdlibOnPath = pyodide.runPython("import sys; [p for p in sys.path if p.endswith('.zip')]").toJs();
console.log(
  JSON.stringify({ replies, historyReplies, about, listed, imported, stdlibOnPath, packageFiles, python: about.python }),
);
