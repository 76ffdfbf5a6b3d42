"""The site's languages: one MkDocs configuration per language, one site.

We follow Material for MkDocs' own way of making a site in several languages:
one configuration per language (``mkdocs.es.yml`` inherits ``mkdocs.yml`` with
``INHERIT`` and sets ``docs_dir``, ``theme.language``, the navigation's titles
and search's language), built one after the other into one folder, with the
theme's language selector (``extra.alternate``) between them. The other
candidate, the ``mkdocs-static-i18n`` plugin, documents that its language
switcher does not work with ``navigation.instant``, which we keep.

The practice lists its languages in ``practice.yml`` (``languages: [en, es]``).
The first is built at the site's root, so no English address changes; each
other one under ``<code>/``. Everything that is not words is shared and lives at
the root once: the Pyodide runtime, its snapshot (which holds every language's
texts), the offline copy's service worker. A language's configuration is found
by its name: ``mkdocs.<code>.yml`` beside the base ``mkdocs.yml``, or the base
file itself when it declares that language, so adding a language is adding
files (see PUBLISHING.md).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from sitebuild import BuildError

BASE_CONFIG_NAME = "mkdocs.yml"
DEFAULT_DOCS_DIR = "docs"


@dataclass(frozen=True)
class LanguageSite:
    """One language's part of the site."""

    code: str
    config_file: Path
    docs_dir: Path
    # The language's name in itself ("Español"), for the language selector.
    name: str


_INHERIT = re.compile(r"^INHERIT:\s*(?P<path>.+?)\s*$", re.MULTILINE)


def config_file_for(code: str, base_config: Path) -> Path:
    """The MkDocs configuration that builds ``code``: ``mkdocs.<code>.yml`` beside ``base_config``, else the base.

    A base that inherits another (a practice's own ``mkdocs.yml`` inheriting the project's) also
    finds the languages beside the one it inherits.
    """
    own = base_config.with_name(f"mkdocs.{code}.yml")
    if own.is_file():
        return own
    inherited = _inherited(base_config)
    if inherited is not None and inherited.name == BASE_CONFIG_NAME:
        found = config_file_for(code, inherited)
        if found != inherited:
            return found
    return base_config


def _inherited(config_file: Path) -> Path | None:
    try:
        match = _INHERIT.search(config_file.read_text(encoding="utf-8"))
    except OSError:
        return None
    if match is None:
        return None
    path = Path(match["path"].strip("'\""))
    return path if path.is_absolute() else config_file.parent / path


def read_config(config_file: Path) -> dict:
    """The configuration as MkDocs reads it (``INHERIT`` merged, ``!ENV`` resolved), not validated."""
    try:
        with config_file.open("rb") as stream:
            return yaml_load(stream, get_yaml_loader()) or {}
    except OSError as error:
        raise BuildError(f"cannot read {config_file}: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise BuildError(f"{config_file}: not valid YAML: {error}") from error


def language_site(code: str, base_config: Path) -> LanguageSite:
    """Where ``code``'s pages and configuration are; fails naming the file a new language needs."""
    config_file = config_file_for(code, base_config)
    config = read_config(config_file)
    declared = (config.get("theme") or {}).get("language", "en")
    if declared != code:
        raise BuildError(
            f"practice.yml: languages: lists '{code}', but there is no {config_file.with_name(f'mkdocs.{code}.yml')} "
            f"to build it ({config_file.name} builds '{declared}'). Add mkdocs.{code}.yml with "
            f"'INHERIT: {BASE_CONFIG_NAME}', 'docs_dir: docs-{code}' and 'theme: {{language: {code}}}' "
            '(PUBLISHING.md, "Add a language").'
        )
    docs_dir = config_file.parent / config.get("docs_dir", DEFAULT_DOCS_DIR)
    name = (config.get("extra") or {}).get("language_name") or code
    return LanguageSite(code=code, config_file=config_file, docs_dir=Path(os.path.normpath(docs_dir)), name=name)


def language_sites(codes: tuple[str, ...], base_config: Path) -> list[LanguageSite]:
    return [language_site(code, base_config) for code in codes]


def folder_of(code: str, codes: tuple[str, ...]) -> str:
    """Where a language's pages live, relative to the site's root: "" for the first, ``"es/"`` for the others."""
    return "" if code == codes[0] else f"{code}/"


def base_config_of(config_file: Path) -> Path:
    """The base configuration that language configurations sit beside (``mkdocs.es.yml`` -> ``mkdocs.yml``)."""
    return config_file.with_name(BASE_CONFIG_NAME)


#: The module that tells the page scripts and the worker where the site's root is.
SITE_ROOT_MODULE = "assets/javascripts/site_root.js"


def site_root_module(folder: str) -> str:
    """``site_root.js`` for a language whose pages live in ``folder`` ("" or ``"es/"``) under the site's root."""
    up = "../" * (SITE_ROOT_MODULE.count("/") + folder.count("/"))
    return (
        "// The site's root, shared by every language (written by scripts/sitebuild/languages.py\n"
        f"// for the pages under /{folder}): see overrides/assets/javascripts/site_root.js.\n"
        f'export const siteRoot = new URL("{up}", import.meta.url);\n'
    )
