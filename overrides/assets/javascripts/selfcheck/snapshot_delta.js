// The start-up snapshot is shipped as its difference from the memory the
// browser already has: Pyodide's WebAssembly module carries its initial memory
// image (its data segments, about 3.3 MB), which a snapshot holds again,
// nearly unchanged, at the same offsets. The build stores the snapshot with
// those bytes XORed against the segments (mostly zeros, which compress to
// almost nothing); the worker XORs them back with the module it downloaded.
// XOR is its own inverse, so one function both makes and rebuilds it.
//
// More than half of that is then zeros, in whole pages. Only the pages that
// are not all zeros are shipped, with a map of where they go (pack/unpack):
// a new buffer is zeros already, and decompressing a third of the bytes is a
// third of the work (the compressed file also shrinks by about 1%).
//
// A snapshot is Pyodide's header (its length in the second 32-bit word) and
// then the WebAssembly memory from address 0. Used by the worker in the
// browser and by the build (scripts/sitebuild/make_snapshot.mjs) in Node.

const DATA_SECTION = 11;
const PAGE = 4096;
// Packed: [PACKED_MAGIC, page size, snapshot bytes, number of runs], one
// [first page, pages] pair per run of non-zero pages, then those pages.
const PACKED_MAGIC = 0x31706e73; // "snp1"

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

/** ``bytes`` (a snapshot or its delta) as its non-zero pages and their places. */
export function pack(bytes) {
  const pageCount = Math.ceil(bytes.length / PAGE);
  const runs = [];
  let dataBytes = 0;
  for (let page = 0; page < pageCount; page++) {
    const start = page * PAGE;
    const end = Math.min(start + PAGE, bytes.length);
    let zero = true;
    for (let i = start; i < end; i++) {
      if (bytes[i] !== 0) {
        zero = false;
        break;
      }
    }
    if (zero) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === page) last[1]++;
    else runs.push([page, 1]);
    dataBytes += end - start;
  }
  const headerWords = 4 + 2 * runs.length;
  const packed = new Uint8Array(headerWords * 4 + dataBytes);
  const header = new DataView(packed.buffer);
  [PACKED_MAGIC, PAGE, bytes.length, runs.length].forEach((word, i) => header.setUint32(i * 4, word, true));
  let at = headerWords * 4;
  runs.forEach(([first, count], i) => {
    header.setUint32(16 + i * 8, first, true);
    header.setUint32(20 + i * 8, count, true);
    const piece = bytes.subarray(first * PAGE, Math.min((first + count) * PAGE, bytes.length));
    packed.set(piece, at);
    at += piece.length;
  });
  return packed;
}

/** The bytes ``pack`` was given, from its output. */
export function unpack(packed) {
  const bytes = packed instanceof Uint8Array ? packed : new Uint8Array(packed);
  const header = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 16 || header.getUint32(0, true) !== PACKED_MAGIC || header.getUint32(4, true) !== PAGE) {
    throw new Error("it is not a packed snapshot");
  }
  const length = header.getUint32(8, true);
  const runCount = header.getUint32(12, true);
  const unpacked = new Uint8Array(length);
  let at = 16 + runCount * 8;
  for (let i = 0; i < runCount; i++) {
    const start = header.getUint32(16 + i * 8, true) * PAGE;
    const end = Math.min(start + header.getUint32(20 + i * 8, true) * PAGE, length);
    if (end <= start || at + end - start > bytes.length) throw new Error("its page map does not fit its pages");
    unpacked.set(bytes.subarray(at, at + end - start), start);
    at += end - start;
  }
  if (at !== bytes.length) throw new Error("its page map does not fit its pages");
  return unpacked;
}
