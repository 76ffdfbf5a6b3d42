// A stream's bytes, read whole. Response.arrayBuffer() would do, but when the
// stream fails it rejects with a bare "Failed to fetch"; read here, a failed
// stream rejects with its own error, so what went wrong (a file that could
// not be decoded, a decoder that did not start) reaches the warning and the
// visitor's message. Free of side effects (the Node tests import it).

/** All of ``stream``'s bytes (a ReadableStream of Uint8Array chunks) in one ArrayBuffer. */
export async function streamBytes(stream) {
  const reader = stream.getReader();
  const chunks = [];
  let length = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
    length += next.value.byteLength;
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}
