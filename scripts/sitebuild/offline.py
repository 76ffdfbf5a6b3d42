"""The offline copy: a service worker, written at build time, that keeps the site's own files.

Only a visitor who asks for it gets it, with the "keep an offline copy"
button that a page places with the marker ``<!-- offline-copy: controls -->``
(the check pages and the privacy page do); nothing registers it on its own.
It then keeps the pages, the theme's files, the runtime, the wheel and the
start-up snapshot, so the checks work offline and a repeat visit downloads
nothing again. It stores files of this site only, never answers or anything
sent with a request. The same controls say whether a copy is kept and remove it.

The worker's script holds the list of files with each one's sha256, and its
version is a hash of that list, so any change to any built file makes a new
script, which the browser installs in the background. A new version keeps a
file only when its bytes match the list, so a copy never mixes files of two
deploys, and it takes over when the visitor chooses "Update now" (shown once it
is saved, and only done while one page of the site is open, which then
reloads) or once no page of the old version is open; the old copy is then
deleted. A page the kept version does not list (new in a later deploy) comes
from the network with every file it asks for, never with the kept scripts.

The scoring engine's worker is a client of its own, which the service worker
cannot trace back to its page; so the engine's entry (``engine.js``) carries a
stamp of the engine's files, written here at build time, and the worker shows
it to the service worker before it loads anything. A worker whose stamp is not
the kept version's (the page came from the network, from a later deploy) gets
every file from the network: a page and the engine it runs are of one deploy.
"""

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from sitebuild import PROJECT_ROOT, BuildError, runtime, snapshot, templates

SERVICE_WORKER_FILE = "service-worker.js"
TEMPLATE = Path(__file__).with_name("service_worker.js")
MANIFEST_PLACEHOLDER = "/*__OFFLINE_MANIFEST__*/ null"
# Modules the service worker shares with the pages' scripts, so each rule has
# one home. Not every browser starts a service worker from a module, so the
# build writes their text in place of this marker, without ``export``.
ASSETS = PROJECT_ROOT / "overrides" / "assets" / "javascripts"
SHARED_MODULES = (ASSETS / "offline" / "cache_names.js", ASSETS / "hex_sha256.js")
SHARED_PLACEHOLDER = "/*__SHARED_MODULES__*/"
CONTROLS_MARKER = re.compile(r"<!--\s*offline-copy:\s*controls\s*-->")
CONTROLS_SCRIPT = "assets/javascripts/offline/controls.js"
#: The engine's entry, which carries the stamp, and the files the stamp covers: everything the
#: engine's worker may load (the runtime, wheel and snapshot, and the check's scripts, which
#: include the worker's own modules, and the SHA-256 helper it shares with the service worker;
#: a few more than it needs only makes the stamp stricter).
ENGINE_ENTRY = "assets/javascripts/selfcheck/engine.js"
ENGINE_FILES = re.compile(r"^(?:pyodide/|assets/javascripts/selfcheck/|assets/javascripts/hex_sha256\.js$)")
ENGINE_STAMP = re.compile(r'/\*__ENGINE_STAMP__\*/ "[0-9a-f]*"')
CONTROLS_TEMPLATE = "partials/offline/controls.html"

# Never kept: the worker itself, source maps, the custom-domain file, and in each
# language's folder the compressed sitemap, the 404 page, the search stemmers
# (but the language's own, below) and the link-preview cards (only other sites
# fetch those, to preview a shared link).
SKIPPED = re.compile(r"^(?:service-worker\.js|CNAME)$|\.map$")
SKIPPED_IN_LANGUAGE = re.compile(r"^(?:404\.html|sitemap\.xml\.gz|assets/javascripts/lunr/.*|assets/social/.*)$")


def language_parts(site_dir: Path) -> dict[str, set[str]]:
    """Each language's folder in the built site ("" for the root's, "es/"...) and the search stemmers it loads.

    A folder with its own sitemap is a language's part (sitebuild/build_site.py); its search
    index names the languages the theme's search worker loads stemmers for (none for English).
    """
    folders = ["", *sorted(f"{sitemap.parent.name}/" for sitemap in site_dir.glob("*/sitemap.xml"))]
    parts = {}
    for folder in folders:
        index = site_dir / folder / "search" / "search_index.json"
        languages = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"] if index.is_file() else []
        stemmers = [name for name in languages if name != "en"]
        parts[folder] = (
            {f"assets/javascripts/lunr/min/lunr.{name}.min.js" for name in ("stemmer.support", *stemmers)}
            if stemmers
            else set()
        )
    return parts


def in_language(path: str, parts: dict[str, set[str]]) -> tuple[str, str]:
    """The language folder a built file is in ("" for the root's), and its path inside that folder."""
    folder = max((folder for folder in parts if path.startswith(folder)), key=len)
    return folder, path.removeprefix(folder)


def is_skipped(path: str, parts: dict[str, set[str]]) -> bool:
    """Whether the offline copy leaves out the built file at ``path`` (from the site's root)."""
    if SKIPPED.search(path):
        return True
    folder, inside = in_language(path, parts)
    return bool(SKIPPED_IN_LANGUAGE.search(inside)) and inside not in parts[folder]


# Kept only if the browser asks for them: the standard library archive is
# needed only when the start-up snapshot cannot be used, and the engine reads
# the runtime's WebAssembly from its xz-compressed copy, never the plain file.
ON_DEMAND = re.compile(r"^pyodide/(?:python_stdlib\.zip|pyodide\.asm\.wasm)$")


def page_address(path: str) -> str:
    """The address a page is visited at, relative to the site's root (``about/index.html`` -> ``about/``)."""
    if path == "index.html":
        return "./"
    return path.removesuffix("index.html") if path.endswith("/index.html") else path


def service_worker_source() -> str:
    """The service worker's script, with the shared modules written in; only its file list is left to fill."""
    template = TEMPLATE.read_text(encoding="utf-8")
    if SHARED_PLACEHOLDER not in template:
        raise BuildError(f"{TEMPLATE} has lost its placeholder {SHARED_PLACEHOLDER!r}.")
    shared = "\n".join(_as_classic_script(module) for module in SHARED_MODULES)
    return template.replace(SHARED_PLACEHOLDER, shared, 1)


def _as_classic_script(module: Path) -> str:
    """``module``'s text without ``export``: its functions and constants, for a classic script."""
    text = module.read_text(encoding="utf-8")
    if re.search(r"^\s*import\b|^export\s*(?:\{|\*|default\b)", text, re.MULTILINE):
        raise BuildError(
            f"{module} is written into the service worker, so it can only export declarations "
            "(export function, export const) and import nothing."
        )
    return re.sub(r"^export\s+", "", text, flags=re.MULTILINE)


def _built_files(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """Every built file, in a stable order, with its path relative to the site."""
    for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        yield file.relative_to(site_dir).as_posix(), file


def offline_manifest(site_dir: Path) -> dict:
    """Every file the offline copy keeps, with its sha256, and the version they make together."""
    parts = language_parts(site_dir)
    files = []
    for path, file in _built_files(site_dir):
        if is_skipped(path, parts):
            continue
        entry = {"url": page_address(path), "sha256": runtime.sha256_of(file)}
        if ON_DEMAND.search(path):
            entry["on_demand"] = True
        files.append(entry)
    if not any(entry["url"] == f"pyodide/{snapshot.SNAPSHOT_FILE}" for entry in files):
        raise BuildError(f"The offline copy needs pyodide/{snapshot.SNAPSHOT_FILE}; build the runtime first.")
    listing = "\n".join(f"{entry['url']} {entry['sha256']}" for entry in files)
    logic = hashlib.sha256(service_worker_source().encode()).hexdigest()
    version = hashlib.sha256(f"{logic}\n{listing}".encode()).hexdigest()[:20]
    return {"version": version, "files": files}


def stamp_engine(site_dir: Path) -> str:
    """Write the stamp of the engine's files into its entry (``engine.js``) and return it.

    Stamping again (a build's files changed after it) replaces the stamp. Every language's
    pages have their own copy of the page scripts: one stamp covers all of them, with the
    one runtime at the root, and goes into each language's entry.
    """
    parts = language_parts(site_dir)
    entries = [folder + ENGINE_ENTRY for folder in parts]
    digest = hashlib.sha256()
    for path, file in _built_files(site_dir):
        if ENGINE_FILES.search(in_language(path, parts)[1]) and path not in entries:
            digest.update(f"{path} {runtime.sha256_of(file)}\n".encode())
    stamp = digest.hexdigest()[:20]
    for name in entries:
        entry = site_dir / name
        text = entry.read_text(encoding="utf-8")
        if not ENGINE_STAMP.search(text):
            raise BuildError(f'{name} has lost its stamp placeholder /*__ENGINE_STAMP__*/ "".')
        entry.write_text(ENGINE_STAMP.sub(f'/*__ENGINE_STAMP__*/ "{stamp}"', text, count=1), encoding="utf-8")
    return stamp


def write_service_worker(site_dir: Path) -> dict:
    """Stamp the engine, then write the service worker at the site's root, listing every language's built files.

    Call it last."""
    engine = stamp_engine(site_dir)
    manifest = {**offline_manifest(site_dir), "engine": engine}
    template = service_worker_source()
    if MANIFEST_PLACEHOLDER not in template:
        raise BuildError(f"{TEMPLATE} has lost its placeholder {MANIFEST_PLACEHOLDER!r}.")
    script = template.replace(MANIFEST_PLACEHOLDER, json.dumps(manifest, separators=(",", ":")), 1)
    (site_dir / SERVICE_WORKER_FILE).write_text(script, encoding="utf-8")
    return manifest


def expand_controls(html: str, url: Callable[[str], str]) -> str:
    """Replace the controls marker with the keep and remove buttons, their status line and their script."""
    if not CONTROLS_MARKER.search(html):
        return html
    controls = templates.render(CONTROLS_TEMPLATE, script_url=url(CONTROLS_SCRIPT)).strip()
    return CONTROLS_MARKER.sub(lambda _: controls, html, count=1)
