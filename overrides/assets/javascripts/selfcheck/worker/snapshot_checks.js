// The checks a start-up snapshot must pass before Python starts from it: made
// for this runtime and wheel, its bytes those its manifest names, rebuilt
// against the very WebAssembly it was made against. Free of side effects, so
// the tests run these same functions (tests/pyodide/run_snapshot.mjs under
// Node, tests/browser/test_startup.py in the browser).

import { hexSha256 } from "../../hex_sha256.js";
import { dataSection, unpack, xorWithMemoryImage } from "../snapshot_delta.js";
import { streamBytes } from "../stream_bytes.js";

const FORMAT = 3;

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

/**
 * The snapshot's packed delta, decompressed as it downloads by ``decompress``
 * (a stream of the compressed file -> a promise of a stream of what it holds),
 * once its compressed bytes matched the manifest.
 */
export async function decompressChecked(response, manifest, decompress) {
  const [compressed, unpacking] = response.body.tee();
  const [compressedBytes, packed] = await Promise.all([
    new Response(compressed).arrayBuffer(),
    decompress(unpacking).then((stream) => streamBytes(stream, manifest.packed_bytes)),
  ]);
  if ((await hexSha256(compressedBytes)) !== manifest.compressed_sha256) {
    throw new Error("its sha256 does not match its manifest");
  }
  return packed;
}

/**
 * The snapshot from its packed delta and the runtime's WebAssembly. The
 * segments must be those it was made against (their sha256 is in the
 * manifest).
 */
export async function rebuildSnapshot(packed, wasm, manifest) {
  const section = dataSection(wasm);
  if ((await hexSha256(section)) !== manifest.delta_against.data_section_sha256) {
    throw new Error("it was made against another pyodide.asm.wasm");
  }
  const delta = unpack(packed);
  if (delta.byteLength !== manifest.bytes) throw new Error("its size does not match its manifest");
  return xorWithMemoryImage(delta, section);
}
