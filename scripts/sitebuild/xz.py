"""The engine's two big downloads, shipped xz-compressed, and the decoder the worker reads them with.

A first check downloads the runtime's WebAssembly (``pyodide.asm.wasm``, 9.6 MB)
and the start-up snapshot (about 11 MB packed). Static hosts send the first
gzip-compressed at best (3.56 MB) and the snapshot as the build compressed it.
xz (LZMA2) makes them a quarter and a third smaller than gzip at its best
(2.64 and 2.51 MB against 3.56 and 3.83 MB): about 2.2 MB less for a visitor on
a phone plan, and a second less on 4G. Browsers decode only gzip and deflate
themselves (``DecompressionStream``), so the worker decodes xz with
xz-decompress (npm, MIT, pinned in package-lock.json; by Steve Sanderson and
Tim Perry): xz-embedded, the xz project's own small decoder, compiled to a
9 kB WebAssembly module, streaming. A well-kept decoder, not our own.

The package is a UMD script, not an ES module, and a module worker imports only
modules. The build copies it unchanged inside a function run with ``this`` set
to a holder object (where the script puts its export, as it would on
``window``) and exports the class from there.
"""

import hashlib
import json
import lzma
import shutil
from pathlib import Path

from sitebuild import PROJECT_ROOT, BuildError

SUFFIX = ".xz"
DECODER_PACKAGE_DIR = PROJECT_ROOT / "node_modules" / "xz-decompress"
DECODER_FILE = "xz-decompress.mjs"
CACHE_DIR = PROJECT_ROOT / "build" / "xz"
# Raw LZMA2 at the strongest preset. The snapshot and the WebAssembly are
# 32-bit little-endian words: lp=2 (literal position bits) lets the model see
# where in a word a byte sits; lc+lp may not exceed 4. The dictionary is sized
# to the file (it is never needed larger), since the decoder allocates it
# whole. CRC32 is the check xz-embedded always knows.
PRESET = 9 | lzma.PRESET_EXTREME
LITERAL_CONTEXT_BITS = 1
LITERAL_POSITION_BITS = 2
POSITION_BITS = 2
MIN_DICTIONARY = 1 << 20


def compress(data: bytes) -> bytes:
    """``data`` as an .xz file the worker's decoder reads."""
    filters = [
        {
            "id": lzma.FILTER_LZMA2,
            "preset": PRESET,
            "dict_size": max(len(data), MIN_DICTIONARY),
            "lc": LITERAL_CONTEXT_BITS,
            "lp": LITERAL_POSITION_BITS,
            "pb": POSITION_BITS,
        }
    ]
    return lzma.compress(data, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC32, filters=filters)


def compressed_copy(source: Path, target: Path, cache_dir: Path = CACHE_DIR) -> Path:
    """Write ``source`` xz-compressed to ``target``, from the cache if this file was compressed before.

    Compressing the 9.6 MB WebAssembly takes seconds; its sha256 (and this
    module's, which holds the settings) names the cached copy.
    """
    data = source.read_bytes()
    key = hashlib.sha256(data + Path(__file__).read_bytes()).hexdigest()
    cached = cache_dir / f"{key[:32]}{SUFFIX}"
    if not cached.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        partial.write_bytes(compress(data))
        partial.replace(cached)  # whole or not at all, if the build is interrupted
    shutil.copyfile(cached, target)
    return target


def decoder_module(package_dir: Path = DECODER_PACKAGE_DIR) -> str:
    """The pinned decoder as an ES module exporting ``XzReadableStream``."""
    manifest = package_dir / "package.json"
    source = package_dir / "dist" / "package" / "xz-decompress.min.js"
    if not source.is_file() or not manifest.is_file():
        raise BuildError(f"{source} is missing. Run `npm ci` (make deps) first.")
    script = source.read_text(encoding="utf-8")
    if '"xz-decompress"' not in script:
        raise BuildError(f"{source} no longer defines 'xz-decompress' as the build expects; see {__file__}.")
    version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    return (
        f"// xz-decompress {version} (MIT, npm), unchanged inside the function below: a UMD script,\n"
        "// run with `this` as the object it puts its export on (scripts/sitebuild/xz.py).\n"
        "const holder = {};\n"
        "(function () {\n"
        f"{script}\n"
        "}).call(holder);\n"
        'export const { XzReadableStream } = holder["xz-decompress"];\n'
    )


def vendor_decoder(target_dir: Path, package_dir: Path = DECODER_PACKAGE_DIR) -> Path:
    """Write the decoder module into ``target_dir`` (the site's runtime folder)."""
    target = target_dir / DECODER_FILE
    target.write_text(decoder_module(package_dir), encoding="utf-8")
    return target
