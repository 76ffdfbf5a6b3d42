"""Build the whole site: every language the practice lists, strict, into one folder.

    python -m sitebuild.build_site [--site-dir DIR] [--config-file FILE]

The first language is built at the root (every English address stays as it
was), each other one under ``<code>/`` (``site_url`` + ``<code>/``); see
``languages.py``. Each language is its own ``mkdocs build --strict``; the
MkDocs hook builds the shared runtime and snapshot with the root's language
only. Afterwards, this adds the ``hreflang`` alternates to every language's
sitemap and writes the offline copy's service worker over the whole site, so
it lists both languages' pages.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from sitebuild import PROJECT_ROOT, BuildError, languages, offline
from sitebuild.practice import PRACTICE_FILE, Practice, load_practice, published_url

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def practice_file_in_use(practice_file: Path | None = None) -> Path:
    return practice_file or Path(os.environ.get("PRACTICE_FILE", PRACTICE_FILE))


def site_languages(practice: Practice, config_file: Path | None = None) -> list[languages.LanguageSite]:
    """The languages to build, first the root's, each with its configuration (fails naming a missing file)."""
    base = languages.base_config_of(config_file or PROJECT_ROOT / languages.BASE_CONFIG_NAME)
    if config_file and config_file.name != languages.BASE_CONFIG_NAME:
        base = config_file
    return languages.language_sites(practice.languages, base)


def mkdocs_build(
    site_dir: Path, site_url: str, config_file: Path, practice_file: Path | None = None
) -> subprocess.CompletedProcess:
    """One language's ``mkdocs build --strict`` into ``site_dir``; ``site_url`` is the whole site's root."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    command += ["--config-file", str(config_file)]
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": site_url,
        "PYTHONPATH": str(PROJECT_ROOT / "scripts"),
    }
    if practice_file:
        env["PRACTICE_FILE"] = str(practice_file)
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, env=env, check=False)


def build_site(
    site_dir: Path, site_url: str, practice_file: Path | None = None, config_file: Path | None = None
) -> subprocess.CompletedProcess:
    """Build every language into ``site_dir``; the result of the first build that failed, else of the last.

    The root's language goes first: MkDocs empties its site folder before building.
    """
    try:
        practice = load_practice(practice_file_in_use(practice_file))
        sites = site_languages(practice, config_file)
    except BuildError as error:
        return subprocess.CompletedProcess(["build_site"], 1, "", f"ERROR - {error}\n")
    codes = tuple(site.code for site in sites)
    completed = None
    for site in sites:
        folder = languages.folder_of(site.code, codes)
        completed = mkdocs_build(site_dir / folder, site_url, site.config_file, practice_file)
        if completed.returncode != 0:
            return completed
        if folder:
            # GitHub Pages answers every missing address with the root's 404 page only.
            (site_dir / folder / "404.html").unlink(missing_ok=True)
    if len(sites) > 1:
        try:
            add_sitemap_alternates(site_dir, codes, published_url(site_url, practice.domain))
            offline.write_service_worker(site_dir)
        except BuildError as error:
            return subprocess.CompletedProcess(["build_site"], 1, completed.stdout, f"ERROR - {error}\n")
    return completed


def sitemap_pages(sitemap: Path, root: str) -> list[str]:
    """The pages a sitemap lists, as paths from ``root`` (the language's own address)."""
    tree = ET.parse(sitemap)
    locations = [loc.text or "" for loc in tree.getroot().iter(f"{{{SITEMAP_NS}}}loc")]
    return [location.removeprefix(root) for location in locations]


def add_sitemap_alternates(site_dir: Path, codes: tuple[str, ...], root_url: str) -> None:
    """Give every sitemap entry its ``hreflang`` alternates: the same page in each language that has it.

    Written as Google documents it (``xhtml:link`` in each ``url``), with ``x-default``
    the root's language. Material reads these links too, to switch languages.
    """
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    sitemaps = {code: site_dir / languages.folder_of(code, codes) / "sitemap.xml" for code in codes}
    pages = {
        code: set(sitemap_pages(path, root_url + languages.folder_of(code, codes))) for code, path in sitemaps.items()
    }
    for code, path in sitemaps.items():
        tree = ET.parse(path)
        for url in tree.getroot().iter(f"{{{SITEMAP_NS}}}url"):
            loc = url.find(f"{{{SITEMAP_NS}}}loc")
            page = (loc.text or "").removeprefix(root_url + languages.folder_of(code, codes))
            for other in codes:
                if page in pages[other]:
                    _link(url, other, root_url + languages.folder_of(other, codes) + page)
            _link(url, "x-default", root_url + page if page in pages[codes[0]] else root_url)
        ET.indent(tree)
        tree.write(path, encoding="utf-8", xml_declaration=True)
        path.with_suffix(".xml.gz").write_bytes(gzip.compress(path.read_bytes(), mtime=0))


def _link(url: ET.Element, hreflang: str, href: str) -> None:
    ET.SubElement(url, f"{{{XHTML_NS}}}link", {"rel": "alternate", "hreflang": hreflang, "href": href})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=PROJECT_ROOT / "site")
    parser.add_argument("--config-file", type=Path, default=None)
    args = parser.parse_args(argv)
    site_url = os.environ.get("SITE_URL", DEFAULT_SITE_URL)
    completed = build_site(args.site_dir.resolve(), site_url, config_file=args.config_file)
    sys.stdout.write(completed.stdout)
    sys.stderr.write(completed.stderr)
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main())
