// The start-up snapshot is shipped as its difference from the memory the
// browser already has: Pyodide's WebAssembly module carries its initial memory
// image (its data segments, about 3.3 MB), which a snapshot holds again,
// nearly unchanged, at the same offsets. The build stores the snapshot with
// those bytes XORed against the segments (mostly zeros, which compress to
// almost nothing); the worker XORs them back with the module it downloaded.
// XOR is its own inverse, so one function both makes and rebuilds it.
//
// A snapshot is Pyodide's header (its length in the second 32-bit word) and
// then the WebAssembly memory from address 0. Used by the worker in the
// browser and by the build (scripts/sitebuild/make_snapshot.mjs) in Node.

const DATA_SECTION = 11;

function readUnsigned(bytes, position) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[position++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, position];
}

/** The WebAssembly module's data section, as a view of ``wasm`` (bytes), or an error if it has none. */
export function dataSection(wasm) {
  const bytes = wasm instanceof Uint8Array ? wasm : new Uint8Array(wasm);
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error("the runtime's WebAssembly is not a WebAssembly module");
  }
  let position = 8;
  while (position < bytes.length) {
    const id = bytes[position];
    const [size, start] = readUnsigned(bytes, position + 1);
    if (id === DATA_SECTION) return bytes.subarray(start, start + size);
    position = start + size;
  }
  throw new Error("the runtime's WebAssembly has no data section");
}

/**
 * Each data segment as [memory offset, bytes]. Only active segments placed by
 * a constant offset in memory 0 (what Emscripten writes) are understood; any
 * other kind is an error, never a wrong rebuild.
 */
export function dataSegments(section) {
  const segments = [];
  let [count, position] = readUnsigned(section, 0);
  for (let index = 0; index < count; index++) {
    const [flags, afterFlags] = readUnsigned(section, position);
    if (flags !== 0 || section[afterFlags] !== 0x41) {
      throw new Error(`data segment ${index} is not placed at a constant offset`);
    }
    let offset = 0;
    let shift = 0;
    let byte;
    position = afterFlags + 1;
    do {
      byte = section[position++];
      offset |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    offset >>>= 0; // i32.const is signed; memory offsets are read unsigned
    if (section[position++] !== 0x0b) throw new Error(`data segment ${index} has an unexpected offset expression`);
    const [length, start] = readUnsigned(section, position);
    segments.push([offset, section.subarray(start, start + length)]);
    position = start + length;
  }
  return segments;
}

/** XOR the memory part of ``snapshot`` (bytes, changed in place) with the module's data segments. */
export function xorWithMemoryImage(snapshot, section) {
  const bytes = snapshot instanceof Uint8Array ? snapshot : new Uint8Array(snapshot);
  const memoryStart = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  for (const [offset, segment] of dataSegments(section)) {
    const at = memoryStart + offset;
    if (at + segment.length > bytes.length) throw new Error("a data segment lies outside the snapshot");
    const target = bytes.subarray(at, at + segment.length);
    for (let i = 0; i < segment.length; i++) target[i] ^= segment[i];
  }
  return bytes;
}
