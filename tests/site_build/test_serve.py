"""The local server compresses as static hosts do; the benchmark and audit scripts load."""

import gzip
import importlib.util
import lzma
import threading
import urllib.request
from pathlib import Path

import pytest

from dev.serve import make_server
from sitebuild import PROJECT_ROOT


@pytest.fixture
def gzip_server(tmp_path: Path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>hello</p>" * 200)
    (tmp_path / "runtime.wasm").write_bytes(b"\0asm" + bytes(4000))
    (tmp_path / "snapshot.bin.xz").write_bytes(lzma.compress(b"x" * 4000))
    server = make_server(tmp_path, "/site/", gzip=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.url
    server.shutdown()


def fetch(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""


def test_text_and_webassembly_are_gzipped_when_accepted(gzip_server: str) -> None:
    status, headers, body = fetch(gzip_server + "page/", **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == b"<p>hello</p>" * 200
    _, headers, body = fetch(gzip_server + "runtime.wasm", **{"Accept-Encoding": "gzip, br"})
    assert headers["Content-Type"] == "application/wasm" and headers["Content-Encoding"] == "gzip"
    _, headers, body = fetch(gzip_server + "page/")
    assert "Content-Encoding" not in headers and body == b"<p>hello</p>" * 200


def test_compressed_files_are_sent_as_they_are(gzip_server: str) -> None:
    _, headers, body = fetch(gzip_server + "snapshot.bin.xz", **{"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in headers
    assert lzma.decompress(body) == b"x" * 4000


def test_unchanged_files_answer_not_modified(gzip_server: str) -> None:
    _, headers, _ = fetch(gzip_server + "page/", **{"Accept-Encoding": "gzip"})
    status, _, body = fetch(
        gzip_server + "page/", **{"Accept-Encoding": "gzip", "If-Modified-Since": headers["Last-Modified"]}
    )
    assert (status, body) == (304, b"")


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_and_the_audit_load_and_summarise_runs() -> None:
    pytest.importorskip("playwright")
    load(PROJECT_ROOT / "scripts" / "bench" / "site.py", "bench_site")
    load(PROJECT_ROOT / "scripts" / "audit" / "lighthouse.py", "audit_lighthouse")
    from bench import report

    # A failed run (None) is left out of the median, not counted as zero.
    assert report.summary([300.0, None, 100.0, 200.0]) == {
        "median": 200.0,
        "min": 100.0,
        "max": 300.0,
        "runs": [300.0, 100.0, 200.0],
    }
    assert report.summary([None]) is None
