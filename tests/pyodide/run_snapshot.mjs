// Starts Pyodide from the built site's start-up snapshot under Node, the way
// the site's worker does: snapshot checked against its manifest, rebuilt
// from its packed delta and the runtime's data segments by the worker's own code
// (snapshot_delta.js) and checked again, no
// python_stdlib.zip (an empty file in its place), our wheel installed through
// the site's lock file. Then replays every vector through the bridge.
//
//   node run_snapshot.mjs <site-pyodide-dir> <vectors.json> <empty-file>
//
// Prints one JSON line: the replies' digests, modules imported after start-up,
// and what about_json and questionnaires_json answered.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { loadPyodide, version } from "pyodide";
import { dataSection, unpack, xorWithMemoryImage } from "../../overrides/assets/javascripts/selfcheck/snapshot_delta.js";

const [runtimeDir, vectorsFile, emptyFile] = process.argv.slice(2).map((arg) => path.resolve(arg));
const sha256 = (data) => createHash("sha256").update(data).digest("hex");

const manifest = JSON.parse(readFileSync(path.join(runtimeDir, "snapshot.json"), "utf8"));
const lock = JSON.parse(readFileSync(path.join(runtimeDir, "pyodide-lock.json"), "utf8"));
const packed = readFileSync(path.join(runtimeDir, manifest.file_name));
if (sha256(packed) !== manifest.gzip_sha256) throw new Error("snapshot does not match its manifest");
if (manifest.pyodide !== version) throw new Error(`snapshot for Pyodide ${manifest.pyodide}, runtime ${version}`);
if (manifest.wheel.sha256 !== lock.packages["alliance-check"].sha256) throw new Error("snapshot for another wheel");
const section = dataSection(readFileSync(path.join(runtimeDir, manifest.delta_against.file_name)));
if (sha256(section) !== manifest.delta_against.data_section_sha256) throw new Error("delta against another runtime");
const delta = unpack(gunzipSync(packed));
const rebuiltSha256 = sha256(xorWithMemoryImage(delta, section));
if (rebuiltSha256 !== manifest.sha256) throw new Error("the rebuilt snapshot does not match its manifest");

const pyodide = await loadPyodide({
  _loadSnapshot: delta,
  stdLibURL: emptyFile,
  lockFileURL: path.join(runtimeDir, "pyodide-lock.json"),
  packageBaseUrl: runtimeDir + path.sep,
  packages: ["alliance-check"],
});
const modulesAtStart = new Set(pyodide.runPython("import sys; list(sys.modules)").toJs());
const bridge = pyodide.pyimport("alliance_check.bridge");
const text = (spec) => (typeof spec === "string" ? spec : spec.map(([part, times]) => part.repeat(times)).join(""));
const vectors = JSON.parse(readFileSync(vectorsFile, "utf8")).vectors;
const replies = vectors.map((vector) => {
  const reply = bridge.score_json(text(vector.request));
  return { name: vector.name, ok: sha256(reply) === vector.reply_sha256, reply: reply.slice(0, 300) };
});
const about = JSON.parse(bridge.about_json());
const listed = JSON.parse(bridge.questionnaires_json());
const imported = pyodide.runPython("import sys; list(sys.modules)").toJs().filter((name) => !modulesAtStart.has(name));
const stdlibOnPath = pyodide.runPython("import sys; [p for p in sys.path if p.endswith('.zip')]").toJs();
console.log(JSON.stringify({ replies, about, listed, imported, stdlibOnPath, python: about.python }));
