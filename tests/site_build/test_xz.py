"""The engine's xz downloads: what the build compresses, the shipped decoder reads back, and damage is refused."""

import hashlib
import json
import lzma
import random
import subprocess
from pathlib import Path

import pytest

from sitebuild import BuildError, xz

# Decodes each file named on the command line with the decoder module the
# build writes, as the worker does, and prints the sha256 of each result, or
# the error it gave.
DECODE = """
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [decoder, ...files] = process.argv.slice(1);
const { XzReadableStream } = await import(pathToFileURL(decoder).href);
const results = [];
for (const file of files) {
  try {
    const stream = new XzReadableStream(new Blob([readFileSync(file)]).stream());
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    results.push({ sha256: createHash("sha256").update(bytes).digest("hex"), length: bytes.length });
  } catch (error) {
    results.push({ error: String(error) });
  }
}
console.log(JSON.stringify(results));
"""


def decode_in_node(decoder: Path, *files: Path) -> list[dict]:
    completed = subprocess.run(
        ["node", "--input-type=module", "-e", DECODE, str(decoder), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    return json.loads(completed.stdout)


def snapshot_like(size: int) -> bytes:
    """Little-endian words, runs of zeros and repeats: the shape of a memory snapshot."""
    rng = random.Random(7)
    words = [rng.choice([0, 0, 0, rng.getrandbits(32), rng.getrandbits(12)]) for _ in range(size // 4)]
    return b"".join(word.to_bytes(4, "little") for word in words)


def test_what_the_build_compresses_the_shipped_decoder_reads_back(tmp_path: Path) -> None:
    data = snapshot_like(3 << 20)
    (tmp_path / "data.xz").write_bytes(xz.compress(data))
    decoder = xz.vendor_decoder(tmp_path)
    [result] = decode_in_node(decoder, tmp_path / "data.xz")
    assert result == {"sha256": hashlib.sha256(data).hexdigest(), "length": len(data)}
    assert lzma.decompress((tmp_path / "data.xz").read_bytes()) == data


def test_a_damaged_or_cut_file_is_an_error_never_other_bytes(tmp_path: Path) -> None:
    compressed = xz.compress(snapshot_like(1 << 20))
    damaged = bytearray(compressed)
    damaged[len(damaged) // 2] ^= 0xFF
    (tmp_path / "damaged.xz").write_bytes(bytes(damaged))
    (tmp_path / "cut.xz").write_bytes(compressed[: len(compressed) // 2])
    (tmp_path / "not-xz.xz").write_bytes(b"<html>404</html>")
    results = decode_in_node(
        xz.vendor_decoder(tmp_path), *(tmp_path / n for n in ("damaged.xz", "cut.xz", "not-xz.xz"))
    )
    assert all("error" in result for result in results), results


def test_a_compressed_copy_is_cached_by_content(tmp_path: Path) -> None:
    source = tmp_path / "runtime.wasm"
    source.write_bytes(b"\0asm" + snapshot_like(1 << 16))
    first = xz.compressed_copy(source, tmp_path / "a.xz", cache_dir=tmp_path / "cache")
    assert lzma.decompress(first.read_bytes()) == source.read_bytes()
    assert len(list((tmp_path / "cache").iterdir())) == 1
    xz.compressed_copy(source, tmp_path / "b.xz", cache_dir=tmp_path / "cache")
    assert len(list((tmp_path / "cache").iterdir())) == 1
    source.write_bytes(b"\0asm" + bytes(100))
    changed = xz.compressed_copy(source, tmp_path / "c.xz", cache_dir=tmp_path / "cache")
    assert lzma.decompress(changed.read_bytes()) == source.read_bytes()
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_without_the_decoder_package_the_build_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match=r"npm ci"):
        xz.decoder_module(tmp_path / "no-such-package")
