"""Checks run inside Pyodide (Python 3.14 on WebAssembly) by run_checks.mjs."""

import json
import sys


def check_runs_on_webassembly() -> None:
    assert sys.platform == "emscripten", sys.platform
    assert sys.version_info >= (3, 14), sys.version


def check_package_imports_from_the_wheel() -> None:
    import alliance_check

    assert "site-packages" in alliance_check.__file__, alliance_check.__file__


def check_bridge_about_reports_this_interpreter() -> None:
    from alliance_check import __version__, bridge

    about = json.loads(bridge.about_json())
    assert about["version"] == __version__
    assert about["platform"] == "emscripten"
    assert about["python"].startswith("3.14"), about
