// Runs Python check functions inside real Pyodide under Node, offline.
//
//   node run_checks.mjs <lock-dir> <checks-dir> <module>
//
// Pyodide boots from the pinned npm package and installs our wheel through the
// lock file in <lock-dir> (the same kind of lock file the site ships, so the
// wheel's sha256 is checked). <checks-dir> is mounted at /checks; every
// `check_*` function of <module> runs and the results print as one JSON line.
import { loadPyodide } from "pyodide";
import path from "node:path";

const [lockDir, checksDir, moduleName] = process.argv.slice(2).map((arg, i) => (i < 2 ? path.resolve(arg) : arg));

const pyodide = await loadPyodide({
  lockFileURL: path.join(lockDir, "pyodide-lock.json"),
  packageBaseUrl: lockDir + path.sep,
  packages: ["alliance-check"],
  stdout: (line) => process.stderr.write(line + "\n"),
});
pyodide.FS.mkdirTree("/checks");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: checksDir }, "/checks");

const results = pyodide.runPython(`
import importlib, json, sys, traceback
sys.path.insert(0, "/checks")
module = importlib.import_module(${JSON.stringify(moduleName)})
results = []
for name in sorted(n for n in dir(module) if n.startswith("check_")):
    try:
        getattr(module, name)()
        results.append({"name": name, "ok": True})
    except Exception:
        results.append({"name": name, "ok": False, "error": traceback.format_exc()})
json.dumps({"python": sys.version, "results": results})
`);
console.log(results);
