"""Every built page is valid HTML, by the Nu HTML Checker (npm vnu-jar, pinned; needs Java)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sitebuild import PROJECT_ROOT, theme_markup

VNU_JAR = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_has_no_error(built_site: Path) -> None:
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is needed for the Nu HTML Checker: `apt-get install default-jre-headless`.")
    assert VNU_JAR.is_file(), "vnu-jar is missing: run `npm ci`."
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    completed = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(completed.stderr or completed.stdout)["messages"]
    errors = [
        f"{Path(m.get('url', '')).relative_to(built_site.resolve()) if m.get('url') else '?'}:"
        f"{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors[:40])


def test_theme_toggles_lose_only_their_invalid_attributes() -> None:
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="search" autocomplete="off">'
        '<label class="md-nav__link" for="__nav_2" tabindex="">x</label><a tabindex="0">y</a>'
    )
    assert theme_markup.fix_theme_markup(html) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input type="search" autocomplete="off">'
        '<label class="md-nav__link" for="__nav_2">x</label><a tabindex="0">y</a>'
    )
