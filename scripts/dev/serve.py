"""A small static server for the built site, optionally under a subpath.

GitHub Pages serves a project site under ``/<repo>/``; serving the same way
locally proves every URL is relative. MIME types are set explicitly because
browsers refuse module scripts and streaming WebAssembly served with the wrong
type, and Python's defaults vary by version.

With ``gzip=True`` (``--gzip``) text and WebAssembly are sent gzip-compressed
to browsers that accept it, as static hosts such as GitHub Pages do, so the
benchmark measures the bytes a visitor really downloads. Files that are
already compressed (zip, wheel, ``.gz``, ``.xz``) are sent as they are.
"""

import argparse
import contextlib
import email.utils
import gzip
import http.server
import io
import os
import sys
import threading
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from sitebuild import PROJECT_ROOT

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".webmanifest": "application/manifest+json",
    ".gz": "application/gzip",
    ".xz": "application/x-xz",
}
COMPRESSIBLE_TYPES = ("text/", "application/javascript", "application/json", "application/wasm", "application/xml",
                      "application/manifest+json", "image/svg+xml")  # fmt: skip


@lru_cache(maxsize=256)
def _gzipped(path: str, mtime_ns: int, size: int) -> bytes:
    # Keyed by modification time and size, so a rebuilt file is compressed anew.
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    prefix = "/"
    site_dir = "."
    gzip = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, directory=self.site_dir, **kwargs)

    def send_head(self):
        compressed = self._compressed_file()
        if compressed is None:
            return super().send_head()
        body, content_type, modified = compressed
        since = self.headers.get("If-Modified-Since")
        if since and "If-None-Match" not in self.headers:
            with contextlib.suppress(TypeError, ValueError, IndexError, OverflowError):
                if int(modified) <= email.utils.parsedate_to_datetime(since).timestamp():
                    self.send_response(http.HTTPStatus.NOT_MODIFIED)
                    self.send_header("Vary", "Accept-Encoding")
                    self.end_headers()
                    return None
        self.send_response(http.HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(modified)))
        self.end_headers()
        return io.BytesIO(body)

    def _compressed_file(self) -> tuple[bytes, str, float] | None:
        """The gzipped file this request asks for, when it should be compressed."""
        if not self.gzip or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return None
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return None  # the parent class redirects to the address with a slash
            path = os.path.join(path, "index.html")
        content_type = self.guess_type(path)
        if not content_type.startswith(COMPRESSIBLE_TYPES):
            return None
        try:
            status = os.stat(path)
        except OSError:
            return None
        return _gzipped(path, status.st_mtime_ns, status.st_size), content_type, status.st_mtime

    def translate_path(self, path: str) -> str:
        # Anything outside the prefix maps to a path that does not exist (404).
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A browser that cancels a download (navigation, test teardown) is not an error.
        if not isinstance(sys.exception(), ConnectionError):
            super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{self.RequestHandlerClass.prefix}"


def normalise_prefix(prefix: str) -> str:
    return "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"


def make_server(
    site_dir: Path,
    prefix: str = "/",
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    gzip: bool = False,
    handler_base: type[SiteRequestHandler] = SiteRequestHandler,
) -> SiteServer:
    """A server for ``site_dir`` under ``prefix`` (port 0 picks a free port)."""
    settings = {"prefix": normalise_prefix(prefix), "site_dir": str(site_dir), "gzip": gzip}
    handler = type("Handler", (handler_base,), settings)
    return SiteServer((host, port), handler)


def serve_in_background(site_dir: Path, prefix: str = "/", *, gzip: bool = False) -> tuple[SiteServer, str]:
    """Start a server on a free port in a daemon thread; return it and the site's root URL."""
    server = make_server(site_dir, prefix, gzip=gzip)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.url


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the built site.")
    parser.add_argument("--dir", type=Path, default=PROJECT_ROOT / "site")
    parser.add_argument("--prefix", default="/")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--gzip", action="store_true", help="compress text and WebAssembly, as most static hosts do")
    args = parser.parse_args()
    server = make_server(args.dir, args.prefix, port=args.port, gzip=args.gzip)
    print(f"Serving {args.dir} at {server.url} (Ctrl+C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
