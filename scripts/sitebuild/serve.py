"""A small static server for the built site, optionally under a subpath.

GitHub Pages serves a project site under ``/<repo>/``; serving the same way
locally proves every URL is relative. MIME types are set explicitly because
browsers refuse module scripts and streaming WebAssembly served with the wrong
type, and Python's defaults vary by version.
"""

import argparse
import contextlib
import http.server
import sys
import threading
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
}


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    prefix = "/"
    site_dir = "."

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, directory=self.site_dir, **kwargs)

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


def make_server(site_dir: Path, prefix: str = "/", host: str = "127.0.0.1", port: int = 0) -> SiteServer:
    """A server for ``site_dir`` under ``prefix`` (port 0 picks a free port)."""
    handler = type("Handler", (SiteRequestHandler,), {"prefix": normalise_prefix(prefix), "site_dir": str(site_dir)})
    return SiteServer((host, port), handler)


def serve_in_background(site_dir: Path, prefix: str = "/") -> tuple[SiteServer, str]:
    """Start a server on a free port in a daemon thread; return it and the site's root URL."""
    server = make_server(site_dir, prefix)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.url


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the built site.")
    parser.add_argument("--dir", type=Path, default=PROJECT_ROOT / "site")
    parser.add_argument("--prefix", default="/")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = make_server(args.dir, args.prefix, port=args.port)
    print(f"Serving {args.dir} at {server.url} (Ctrl+C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
