// Make Pyodide's start-up memory snapshot, with our package imported and every
// questionnaire loaded, for the worker to start from. Called by snapshot.py:
//
//   node make_snapshot.mjs <pyodide.mjs> <lock-dir> <output-file>
//
// <lock-dir> holds our wheel and the lock file the site ships. Writes the
// snapshot as its difference from the runtime's initial memory image, its
// zero pages left out (snapshot_delta.js, which the worker uses to rebuild
// it), and prints one
// JSON line describing it. Pyodide checks at load time that the snapshot was
// made by the same build of its runtime.
import { createHash } from "node:crypto";
import path from "node:path";
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { dataSection, pack, xorWithMemoryImage } from "../../overrides/assets/javascripts/selfcheck/snapshot_delta.js";

const [pyodideModule, lockDir, output] = process.argv.slice(2);
const { loadPyodide, version } = await import(pathToFileURL(path.resolve(pyodideModule)).href);

const pyodide = await loadPyodide({
  _makeSnapshot: true,
  lockFileURL: path.join(lockDir, "pyodide-lock.json"),
  packageBaseUrl: path.resolve(lockDir) + path.sep,
  // Installed the way the browser installs it, so everything that path imports
  // (importlib.metadata, for one) is in the snapshot too.
  packages: ["alliance-check"],
  // A fixed hash seed makes the snapshot the same at every build (one snapshot
  // serves every visitor, so its seed was never theirs alone anyway).
  env: { PYTHONHASHSEED: "0" },
});
// Which packages the loader has installed is JavaScript state, which a
// snapshot cannot hold, so the record starts empty. A start from the snapshot
// does not install the wheel again (its files live in the file system,
// outside the snapshot): everything a visit reaches is read below, once.
for (const name of Object.keys(pyodide.loadedPackages)) delete pyodide.loadedPackages[name];

const report = JSON.parse(
  pyodide.runPython(`
import gc, importlib, json, sys, zipimport

import alliance_check.bridge as bridge
from alliance_check import list_languages, list_questionnaires, load_questionnaire

# Everything a visit can reach, so nothing is imported or read after start-up:
# every questionnaire in every language (each loads that language's result
# words too, so one snapshot serves every language of the site), the about
# call, the lists, and each kind of refusal the bridge gives.
languages = sorted({lang for qid in list_questionnaires() for lang in list_languages(qid)})
for qid in list_questionnaires():
    for lang in list_languages(qid):
        load_questionnaire(qid, lang)
bridge.about_json()
for lang in languages:
    bridge.questionnaires_json(lang)
item = load_questionnaire("alliance", "en").items[0].id
for request in (
    "{}",
    "not json",
    "[1]",
    "[" * 100,
    "x" * (bridge.MAX_REQUEST_BYTES + 1),
    json.dumps({"questionnaire": "no-such-check", "lang": "en", "answers": {}}),
    json.dumps({"questionnaire": "alliance", "lang": "xx", "answers": {}}),
    json.dumps({"questionnaire": "alliance", "lang": "en", "answers": {"no-such-item": 1}}),
    json.dumps({"questionnaire": "alliance", "lang": "en", "answers": {item: 99}}),
    json.dumps({"questionnaire": "alliance", "lang": "en", "answers": {item: True}}),
    json.dumps({"questionnaire": "alliance", "lang": "en", "answers": {item: 1.5}}),
):
    bridge.score_json(request)
importlib.invalidate_caches()

# The worker starts from this snapshot without python_stdlib.zip (2.5 MB it
# need not download): the archive leaves the import path, so a module that
# was not imported above fails plainly (ModuleNotFoundError) instead of being
# read from a file that is not there.
sys.path[:] = [entry for entry in sys.path if not entry.endswith(".zip")]
for entry in [entry for entry in sys.path_importer_cache if entry.endswith(".zip")]:
    del sys.path_importer_cache[entry]
zipimport._zip_directory_cache.clear()

# What only a developer reading a traceback needs leaves the standard
# library's code: line tables and docstrings (about a tenth of the compressed
# snapshot). Our package keeps its own, so its errors still name their line.
import types

def _without_line_table(code):
    inner = tuple(_without_line_table(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=b"", co_consts=inner)

for function in [f for f in gc.get_objects() if isinstance(f, types.FunctionType)]:
    if not (function.__module__ or "").startswith("alliance_check"):
        function.__code__ = _without_line_table(function.__code__)
        function.__doc__ = None
for name, module in list(sys.modules.items()):
    if not name.startswith("alliance_check"):
        module.__doc__ = None
del function, name, module
gc.collect()
json.dumps({"modules": len(sys.modules), "python": sys.version.split()[0]})
`),
);

zeroFreeMemory(pyodide._module);
const snapshot = pyodide.makeMemorySnapshot();
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
const snapshotSha256 = sha256(snapshot);
const section = dataSection(await readFile(path.join(path.dirname(pyodideModule), "pyodide.asm.wasm")));
await writeFile(output, pack(xorWithMemoryImage(snapshot, section)));
console.log(
  JSON.stringify({
    ...report,
    pyodide: version,
    bytes: snapshot.length,
    sha256: snapshotSha256,
    memory_image_sha256: sha256(section),
  }),
);

// Memory that was freed still holds old bytes, which compress badly. Taking
// every free block the allocator has, zeroing it and giving it back, without
// growing the memory, makes the compressed snapshot about a sixth smaller.
function zeroFreeMemory(module) {
  const blocks = [];
  for (let size = 1 << 21; size >= 16; size >>= 1) {
    while (module._sbrk(0) + size + 65536 <= module.HEAP8.length) {
      const pointer = module._malloc(size);
      if (!pointer) break;
      blocks.push([pointer, size]);
    }
  }
  for (const [pointer, size] of blocks) module.HEAP8.fill(0, pointer, pointer + size);
  for (const [pointer] of blocks) module._free(pointer);
  module.HEAP8.fill(0, module._sbrk(0), module.HEAP8.length);
}
