// Reading the engine's xz-compressed downloads (the runtime's WebAssembly and
// the start-up snapshot: scripts/sitebuild/xz.py) as they arrive. Browsers
// decode only gzip and deflate themselves; the decoder is xz-decompress, which
// the build puts beside the runtime.
//
// xz takes about 0.2 s of a core to decode each of the two files. Each is
// decoded in a worker of its own (the decoder's text, downloaded once, and a
// few lines that pass the bytes), so the two decode at once, on other cores,
// while this worker compiles the WebAssembly and loads Pyodide. Made from
// blob: URLs, those workers run under this worker's policy, and their
// requests carry no Referer. The bytes go to and fro as chunks in messages,
// not as a transferred stream, which Safari cannot send. (Every browser that
// runs module workers lets them start workers: Chrome, Firefox 114, Safari 15.5.)

import { fetchFromNetwork, ok, problem, watched } from "./downloads.js";
import { XZ_DECODER } from "./files.js";

// What a decoder worker runs after the decoder's own text: the compressed
// file comes as {chunk} messages and a {done}; the decoded bytes go back the
// same way, or an {error}, saying whether the file is at fault: xz-embedded's
// codes 5-8 (not xz, unknown options, damaged, cut short) and a read past the
// end are the file's; anything else (the decoder's WebAssembly refused, out
// of memory: codes 3 and 4) is the decoder's.
const PASS_BYTES = `
const compressed = new ReadableStream({
  start(controller) {
    addEventListener("message", ({ data }) => {
      if (data.chunk) controller.enqueue(new Uint8Array(data.chunk));
      else if (data.done) controller.close();
    });
  },
});
(async () => {
  try {
    const reader = new XzReadableStream(compressed).getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const bytes = next.value;
      const chunk = bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
      postMessage({ chunk }, [chunk]);
    }
    postMessage({ done: true });
  } catch (error) {
    const message = String(error && error.message ? error.message : error);
    const ofTheFile = /error code [5-8]$/.test(message) || error instanceof TypeError;
    postMessage({ error: message, ofTheFile });
  }
})();
`;

let decoderText = null;

/** The decoder's text, downloaded once; called early, so it is there when the first file arrives. */
export function loadDecoder() {
  decoderText ??= ok(watched(XZ_DECODER, fetchFromNetwork(XZ_DECODER))).then((response) => response.text());
  decoderText.catch(() => {}); // reported by watched, and to whoever waits for it
  return decoderText;
}

/**
 * A stream of what the .xz file ``compressed`` (a ReadableStream) holds. It
 * errors if the file is damaged, or, naming the decoder, if the decoder fails.
 */
export async function decompressXz(compressed) {
  return decodeInWorker(await loadDecoder(), compressed);
}

/** ``compressed`` decoded in a worker of its own, which ends once the file is decoded or has failed. */
function decodeInWorker(decoder, compressed) {
  const url = URL.createObjectURL(new Blob([decoder, PASS_BYTES], { type: "text/javascript" }));
  const worker = new Worker(url, { type: "module" });
  setTimeout(() => URL.revokeObjectURL(url), 0);
  const reader = compressed.getReader();
  const failed = (cause) => problem("engine_not_loaded", XZ_DECODER.split("/").pop(), cause);
  return new ReadableStream({
    start(controller) {
      let ended = false;
      const end = (error) => {
        if (ended) return;
        ended = true;
        worker.terminate();
        reader.cancel().catch(() => {});
        if (error) controller.error(error);
        else controller.close();
      };
      worker.addEventListener("message", ({ data }) => {
        if (data.chunk) controller.enqueue(new Uint8Array(data.chunk));
        else if (data.done) end();
        else if (data.ofTheFile) end(new Error(`the file could not be decoded: ${data.error}`));
        else end(failed(data.error));
      });
      worker.addEventListener("error", (event) => {
        event.preventDefault(); // the engine falls back or reports it; no unhandled error
        end(failed("the decoder did not start"));
      });
      worker.addEventListener("messageerror", () => end(failed("a decoded chunk could not be received")));
      sendCompressed(reader, worker).catch((error) => end(error));
    },
    cancel() {
      worker.terminate();
      return reader.cancel();
    },
  });
}

/** Send every chunk of the compressed file to ``worker``, then {done}. */
async function sendCompressed(reader, worker) {
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    const chunk = next.value.slice().buffer; // a buffer of its own, given away
    worker.postMessage({ chunk }, [chunk]);
  }
  worker.postMessage({ done: true });
}
