// The checks a start-up snapshot must pass before Python starts from it: made
// for this runtime and wheel, its bytes those its manifest names, rebuilt
// against the very WebAssembly it was made against. Free of side effects, so
// the tests run these same functions (tests/pyodide/run_snapshot.mjs under
// Node, tests/browser/test_startup.py in the browser).

import { hexSha256 } from "../../hex_sha256.js";
import { dataSection, unpack, xorWithMemoryImage } from "../snapshot_delta.js";

const FORMAT = 2;

/** Throws unless ``manifest`` is for this snapshot format, Pyodide ``version`` and wheel sha256 ``wheelHash``. */
export function checkMadeFor(manifest, version, wheelHash) {
  if (manifest.format !== FORMAT) throw new Error(`its format ${manifest.format} is not ${FORMAT}`);
  if (manifest.pyodide !== version || manifest.wheel?.sha256 !== wheelHash) {
    throw new Error(
      `it was made for Pyodide ${manifest.pyodide} and wheel sha256 ${manifest.wheel?.sha256}, ` +
        `but this site runs Pyodide ${version} and wheel sha256 ${wheelHash}`,
    );
  }
}

/** {packed, checked}: the snapshot's packed delta, decompressed, and whether its compressed bytes matched the manifest. */
export async function decompressChecked(response, manifest) {
  // A host that decodes the .gz on the way (Content-Encoding: gzip) hands over the delta itself.
  if (/gzip/i.test(response.headers.get("Content-Encoding") || "")) {
    return { packed: await response.arrayBuffer(), checked: false };
  }
  const [packed, unpacking] = response.body.tee();
  const [packedBytes, bytes] = await Promise.all([
    new Response(packed).arrayBuffer(),
    new Response(unpacking.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer(),
  ]);
  if ((await hexSha256(packedBytes)) !== manifest.gzip_sha256) {
    throw new Error("its sha256 does not match its manifest");
  }
  return { packed: bytes, checked: true };
}

/**
 * The snapshot from its packed delta and the runtime's WebAssembly. The
 * segments must be those it was made against (their sha256 is in the
 * manifest); a host-decoded delta, not checked compressed, is checked whole
 * once rebuilt.
 */
export async function rebuildSnapshot(packed, wasm, manifest, checked) {
  const section = dataSection(wasm);
  if ((await hexSha256(section)) !== manifest.delta_against.data_section_sha256) {
    throw new Error("it was made against another pyodide.asm.wasm");
  }
  const delta = unpack(packed);
  if (delta.byteLength !== manifest.bytes) throw new Error("its size does not match its manifest");
  const bytes = xorWithMemoryImage(delta, section);
  if (!checked && (await hexSha256(bytes)) !== manifest.sha256) {
    throw new Error("its sha256 does not match its manifest");
  }
  return bytes;
}
