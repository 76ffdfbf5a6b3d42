"""Adding a language is adding files: a copy of the project gains a tiny fictional language, "xx".

The copy gets only new files (a configuration, two pages, the questionnaires'
and results' texts, the theme's words for the language, the interface words if
the project has a catalogue) and a practice file that lists the language; no
line of code changes. It must build, with the language under xx/, the
selector leading there, and the one runtime at the root. Slow: it builds the
wheel, the start-up snapshot and the site of the copy.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild import PROJECT_ROOT

CODE = "xx"
CONFIG = f"""\
INHERIT: mkdocs.yml
docs_dir: docs-{CODE}
theme:
  language: {CODE}
plugins:
  - search
extra:
  language_name: Xxian
nav:
  - Xx home: index.md
  - Xx check: self-check/check-in.md
"""
PAGES = {
    "index.md": "---\ndescription: Xx words for the home page.\n---\n\n# Xx home\n\nXx words.\n",
    "self-check/check-in.md": (
        "---\ndescription: Xx words for the check.\n---\n\n# Xx check\n\n<!-- self-check: check-in -->\n"
    ),
}
PRACTICE = f"name: Xx Practice\nlanguages: [en, {CODE}]\n"
# Material's words for a language it does not know (it knows French, Spanish and 60 more): the
# language's code for <html lang>, English words standing in for the rest.
THEME_WORDS = (
    '{%- import "partials/languages/en.html" as en -%}\n'
    f'{{% macro t(key) %}}{{{{ {{"language": "{CODE}"}}.get(key) or en.t(key) }}}}{{% endmacro %}}\n'
)


def project_copy(root: Path) -> Path:
    """The project's tracked files (as they are in the working tree), with node_modules shared."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout
    for name in filter(None, listed.split("\0")):
        source = PROJECT_ROOT / name
        if source.is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)
    (root / "node_modules").symlink_to(PROJECT_ROOT / "node_modules")
    return root


def add_language(root: Path) -> None:
    """Only new files: what PUBLISHING.md says a new language needs."""
    (root / f"mkdocs.{CODE}.yml").write_text(CONFIG, encoding="utf-8")
    for path, text in PAGES.items():
        (root / f"docs-{CODE}" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / f"docs-{CODE}" / path).write_text(text, encoding="utf-8")
    package = root / "assessment" / "src" / "alliance_check"
    for english in [*package.glob("questionnaires/*.en.toml"), *package.glob("wording/*.en.toml")]:
        shutil.copy2(english, english.with_name(english.name.replace(".en.toml", f".{CODE}.toml")))
    (root / "overrides" / "partials" / "languages").mkdir(parents=True, exist_ok=True)
    (root / "overrides" / "partials" / "languages" / f"{CODE}.html").write_text(THEME_WORDS, encoding="utf-8")
    words = root / "overrides" / "words" / "en.toml"
    if words.is_file():
        shutil.copy2(words, words.with_name(f"{CODE}.toml"))
    (root / "practice.yml").write_text(PRACTICE, encoding="utf-8")


def run(root: Path, *module: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root / "scripts"), "SITE_URL": "http://127.0.0.1:8000/sub/"}
    env.pop("PRACTICE_FILE", None)
    return subprocess.run([sys.executable, "-m", *module], cwd=root, capture_output=True, text=True, env=env)


def test_a_new_language_is_only_new_files(tmp_path: Path) -> None:
    root = project_copy(tmp_path / "project")
    add_language(root)
    assert run(root, "sitebuild.wheel").returncode == 0
    completed = run(root, "sitebuild.build_site", "--site-dir", str(tmp_path / "site"))
    assert completed.returncode == 0, completed.stderr[-3000:]
    site = tmp_path / "site"
    check = (site / CODE / "self-check" / "check-in" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{CODE}"' in check
    assert 'data-selfcheck="check-in"' in check
    # The selector leads from the English check to the same page in xx, and from any other page to xx's home.
    english_check = (site / "self-check" / "check-in" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="../../{CODE}/self-check/check-in/" hreflang="{CODE}"' in english_check
    privacy = (site / "privacy" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="../{CODE}/" hreflang="{CODE}" lang="{CODE}" class="md-select__link">' in privacy
    assert "Xxian" in privacy
    # One runtime, at the root, which the xx pages' scripts find one folder up.
    assert (site / "pyodide" / "snapshot.bin.xz").is_file() and not (site / CODE / "pyodide").exists()
    assert "../../../" in (site / CODE / "assets" / "javascripts" / "site_root.js").read_text(encoding="utf-8")
    assert f'"url":"{CODE}/self-check/check-in/"' in (site / "service-worker.js").read_text(encoding="utf-8")
