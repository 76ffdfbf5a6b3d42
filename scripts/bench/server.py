"""The benchmark's server: counts every byte it sends.

The built site under SITE_PREFIX (with gzip, as static hosts send it) and the
floor page under FLOOR_PREFIX (bench/floor.py).
"""

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dev.serve import SiteRequestHandler, make_server

SITE_PREFIX = "/site/"
FLOOR_PREFIX = "/floor/"


@dataclass
class Transfer:
    """What the server sent, per request, since the last reset."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: list[tuple[str, int]] = field(default_factory=list)

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.requests.append((path, size))

    def totals(self) -> dict:
        with self.lock:
            requests = list(self.requests)
        return {
            "bytes": sum(size for _, size in requests),
            "requests": len(requests),
            "pyodide_bytes": sum(size for path, size in requests if "/pyodide/" in path),
            "files": sorted({path.split("?", 1)[0] for path, _ in requests}),
        }


class _CountingWriter:
    def __init__(self, raw, count: Callable[[int], None]) -> None:
        self._raw, self._count = raw, count

    def write(self, data) -> int:
        written = self._raw.write(data)
        self._count(len(data))
        return written

    def __getattr__(self, name: str):
        return getattr(self._raw, name)


def make_handler(transfer: Transfer, floor_dir: Path) -> type[SiteRequestHandler]:
    class BenchHandler(SiteRequestHandler):
        def setup(self) -> None:
            super().setup()
            self._sent = 0
            self.wfile = _CountingWriter(self.wfile, self._add)

        def _add(self, size: int) -> None:
            self._sent += size

        def handle_one_request(self) -> None:
            self._sent = 0
            super().handle_one_request()
            if getattr(self, "path", None) and self._sent:
                transfer.add(self.path, self._sent)

        def translate_path(self, path: str) -> str:
            if path.startswith(FLOOR_PREFIX):
                return str(floor_dir / path[len(FLOOR_PREFIX) :].split("?", 1)[0])
            return super().translate_path(path)

    return BenchHandler


@contextlib.contextmanager
def served(site_dir: Path, floor_dir: Path, transfer: Transfer) -> Iterator[str]:
    handler = make_handler(transfer, floor_dir)
    server = make_server(site_dir, SITE_PREFIX, gzip=True, handler_base=handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.url
    finally:
        server.shutdown()
