// Reading the engine's xz-compressed downloads (the runtime's WebAssembly and
// the start-up snapshot: scripts/sitebuild/xz.py) as they arrive. Browsers
// decode only gzip and deflate themselves; the decoder is xz-decompress, which
// the build puts beside the runtime.
//
// xz takes about 0.2 s of a core to decode each of the two files. Each is
// decoded in a worker of its own (the decoder's text, fetched once, and a
// few lines that hand the decoded stream back), so the two decode at once,
// on other cores, while this worker compiles the WebAssembly and loads
// Pyodide. Made from blob: URLs, those workers run under this worker's policy,
// and their requests carry no Referer. Where a worker cannot start workers,
// the decoding happens here.

import { fetchFromNetwork, ok } from "./downloads.js";
import { XZ_DECODER } from "./files.js";

// What a decoder worker runs after the decoder's own text: decode the one
// stream it is sent and send back the decoded one.
const HAND_BACK = `
addEventListener("message", ({ data: compressed }) => {
  const decoded = new Response(new XzReadableStream(compressed)).body;
  postMessage(decoded, [decoded]);
}, { once: true });
`;

let decoderText = null;

/** The decoder's text, downloaded once. */
function decoder() {
  decoderText ??= ok(fetchFromNetwork(XZ_DECODER)).then((response) => response.text());
  return decoderText;
}

/** A module script's blob: URL, for ``text``. */
function moduleUrl(text) {
  return URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
}

/** A stream of what the .xz file ``compressed`` (a ReadableStream) holds; it errors if the file is damaged. */
export async function decompressXz(compressed) {
  const text = await decoder();
  if (typeof Worker !== "function") {
    const { XzReadableStream } = await import(moduleUrl(text));
    return new XzReadableStream(compressed);
  }
  return decodeInWorker(text, compressed);
}

/** ``compressed`` decoded in a worker of its own, which ends once the stream has been read or has failed. */
function decodeInWorker(text, compressed) {
  const url = moduleUrl(text + HAND_BACK);
  const worker = new Worker(url, { type: "module" });
  setTimeout(() => URL.revokeObjectURL(url), 0);
  const decoded = new Promise((resolve, reject) => {
    worker.addEventListener("message", ({ data }) => resolve(data), { once: true });
    worker.addEventListener("error", () => reject(new Error("the xz decoder did not start")), { once: true });
  });
  worker.postMessage(compressed, [compressed]);
  const { readable, writable } = new TransformStream();
  decoded
    .then((stream) => stream.pipeTo(writable))
    .catch((error) => writable.abort(error).catch(() => {}))
    .finally(() => worker.terminate());
  return readable;
}
