// A stream's bytes, read whole. Response.arrayBuffer() would do, but when the
// stream fails it rejects with a bare "Failed to fetch"; read here, a failed
// stream rejects with its own error, so what went wrong (a file that could
// not be decoded, a decoder that did not start) reaches the warning and the
// visitor's message. Free of side effects (the Node tests import it).

/**
 * All of ``stream``'s bytes (a ReadableStream of Uint8Array chunks) in one
 * ArrayBuffer. Given the ``length`` it must have, the bytes go straight into
 * one buffer of that size (no second copy of a large file), and any other
 * length is an error.
 */
export async function streamBytes(stream, length = null) {
  const reader = stream.getReader();
  const chunks = [];
  let bytes = length === null ? null : new Uint8Array(length);
  let offset = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    if (bytes) {
      if (offset + next.value.byteLength > length) throw new Error(`it is longer than ${length} bytes`);
      bytes.set(next.value, offset);
    } else {
      chunks.push(next.value);
    }
    offset += next.value.byteLength;
  }
  if (bytes) {
    if (offset !== length) throw new Error(`it is ${offset} bytes, not ${length}`);
    return bytes.buffer;
  }
  bytes = new Uint8Array(offset);
  offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}
