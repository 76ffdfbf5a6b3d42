// Reading the engine's xz-compressed downloads (the runtime's WebAssembly and
// the start-up snapshot: scripts/sitebuild/xz.py) as they arrive. Browsers
// decode only gzip and deflate themselves; the decoder is xz-decompress, which
// the build puts beside the runtime (one request, started by the blob: loader).

import { XZ_DECODER } from "./files.js";

/** A stream of what the .xz file ``compressed`` (a ReadableStream) holds; errors if it is damaged. */
export async function decompressXz(compressed) {
  const { XzReadableStream } = await import(XZ_DECODER);
  return new XzReadableStream(compressed);
}
