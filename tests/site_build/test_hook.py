"""The MkDocs hook reads shared data once per build, not once per page."""

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from sitebuild import PROJECT_ROOT, glossary


def test_the_glossary_is_read_once_per_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "docs" / glossary.GLOSSARY_FILE, docs / glossary.GLOSSARY_FILE)
    for name in ("index", "one", "two"):
        (docs / f"{name}.md").write_text(f"# {name}\n\nTalk about the therapeutic alliance.\n", encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        # The project's theme and hooks, so the other build steps see what they expect.
        f"site_name: t\ndocs_dir: {docs}\nsite_dir: {tmp_path / 'site'}\n"
        f"theme:\n  name: material\n  language: en\n  custom_dir: {PROJECT_ROOT / 'overrides'}\n"
        f"hooks:\n  - {PROJECT_ROOT / 'scripts' / 'mkdocs_hooks.py'}\n",
        encoding="utf-8",
    )
    reads = []
    load_terms = glossary.load_terms

    def counted(path: Path) -> dict[str, str]:
        reads.append(path)
        return load_terms(path)

    monkeypatch.setattr(glossary, "load_terms", counted)
    monkeypatch.chdir(PROJECT_ROOT)
    # A one-language practice: this configuration has no other language beside it.
    (tmp_path / "practice.yml").write_text("name: t\n", encoding="utf-8")
    monkeypatch.setenv("PRACTICE_FILE", str(tmp_path / "practice.yml"))
    build(load_config(str(config_file)))
    assert reads == [docs / glossary.GLOSSARY_FILE]
    # The terms were used on every page.
    for name in ("one", "two"):
        assert "<abbr" in (tmp_path / "site" / name / "index.html").read_text(encoding="utf-8")
