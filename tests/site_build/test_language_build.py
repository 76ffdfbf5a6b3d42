"""The site in two languages, as built: English at the root, Spanish under es/, sharing what is not words."""

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
from building import build_site
from PIL import Image

from sitebuild import PROJECT_ROOT, languages, offline
from sitebuild.build_site import SITEMAP_NS, XHTML_NS, add_sitemap_alternates

SPANISH = "es/"


def pages(site: Path) -> list[str]:
    """Every page of one language's part of the site, as its address from that part's root."""
    found = []
    for page in site.rglob("index.html"):
        relative = page.relative_to(site).as_posix()
        if relative.startswith(SPANISH) or relative.startswith("pyodide/"):
            continue
        found.append(relative.removesuffix("index.html"))
    return sorted(found)


def selector_links(html: str) -> dict[str, str]:
    return dict(
        (lang, href)
        for href, lang in re.findall(r'<a href="([^"]*)" hreflang="([^"]+)"[^>]* class="md-select__link"', html)
    )


def test_every_page_has_its_language_in_html_lang(built_site: Path) -> None:
    english, spanish = pages(built_site), pages(built_site / SPANISH)
    assert "relationship/trust-and-safety/" in english and "relationship/trust-and-safety/" in spanish
    for path in english:
        assert '<html lang="en"' in (built_site / path / "index.html").read_text(encoding="utf-8"), path
    for path in spanish:
        assert '<html lang="es"' in (built_site / SPANISH / path / "index.html").read_text(encoding="utf-8"), path


def test_the_language_selector_leads_to_the_same_page_both_ways(built_site: Path, site_url: str) -> None:
    english, spanish = set(pages(built_site)), set(pages(built_site / SPANISH))
    assert english == spanish, "every page has its translation"
    for path in sorted(english):
        for folder in ("", SPANISH):
            address = site_url + folder + path
            html = (built_site / folder / path / "index.html").read_text(encoding="utf-8")
            # Relative links, like every other of the site (the theme fetches each language's sitemap
            # from them, so they must never name another origin).
            links = selector_links(html)
            assert not [link for link in links.values() if link.startswith(("/", "http"))], links
            resolved = {lang: urljoin(address, link) for lang, link in links.items()}
            assert resolved == {"en": site_url + path, "es": site_url + SPANISH + path}, folder + path
            # The same links for the script that keeps the selector in step under instant navigation.
            data = json.loads(re.search(r"data-alternates='([^']*)'", html)[1])
            assert {lang: urljoin(address, link) for lang, link in data.items()} == resolved
            # The theme's head links name each language's home page.
            head = dict(
                (lang, href)
                for href, lang in re.findall(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">', html)
            )
            assert {lang: urljoin(address, href) for lang, href in head.items()} == {
                "en": site_url,
                "es": site_url + SPANISH,
            }


def test_the_sitemaps_give_each_page_its_hreflang_alternates(built_site: Path, site_url: str) -> None:
    for folder in ("", SPANISH):
        root = ET.parse(built_site / folder / "sitemap.xml").getroot()
        entries = root.findall(f"{{{SITEMAP_NS}}}url")
        assert len(entries) == len(pages(built_site / folder))
        for entry in entries:
            page = entry.find(f"{{{SITEMAP_NS}}}loc").text.removeprefix(site_url + folder)
            links = {
                link.get("hreflang"): link.get("href")
                for link in entry.findall(f"{{{XHTML_NS}}}link")
                if link.get("rel") == "alternate"
            }
            assert links == {"en": site_url + page, "es": site_url + SPANISH + page, "x-default": site_url + page}


def test_a_page_only_one_language_has_gets_no_alternate_but_its_own(tmp_path: Path) -> None:
    sitemap = '<?xml version="1.0"?><urlset xmlns="{ns}">{urls}</urlset>'
    url = "<url><loc>https://example.org/{0}</loc></url>"
    english = "".join(url.format(page) for page in ("", "only-english/"))
    (tmp_path / "es").mkdir()
    (tmp_path / "sitemap.xml").write_text(sitemap.format(ns=SITEMAP_NS, urls=english))
    (tmp_path / "es" / "sitemap.xml").write_text(sitemap.format(ns=SITEMAP_NS, urls=url.format("es/")))
    add_sitemap_alternates(tmp_path, ("en", "es"), "https://example.org/")
    root = ET.parse(tmp_path / "sitemap.xml").getroot()
    only = next(entry for entry in root if entry.find(f"{{{SITEMAP_NS}}}loc").text.endswith("only-english/"))
    assert {link.get("hreflang") for link in only.findall(f"{{{XHTML_NS}}}link")} == {"en", "x-default"}
    assert (tmp_path / "sitemap.xml.gz").is_file()


def test_one_runtime_one_snapshot_one_service_worker_at_the_root(built_site: Path) -> None:
    assert (built_site / "pyodide" / "snapshot.bin.xz").is_file()
    assert not (built_site / SPANISH / "pyodide").exists()
    assert not (built_site / SPANISH / offline.SERVICE_WORKER_FILE).exists()
    # The Spanish pages' scripts find the root one folder further up than the English ones'.
    root_module = (built_site / SPANISH / languages.SITE_ROOT_MODULE).read_text(encoding="utf-8")
    assert 'new URL("../../../", import.meta.url)' in root_module
    assert 'new URL("../../", import.meta.url)' in (built_site / languages.SITE_ROOT_MODULE).read_text()


def test_the_offline_copy_lists_both_languages_and_the_spanish_stemmer_only(built_site: Path) -> None:
    worker = (built_site / offline.SERVICE_WORKER_FILE).read_text(encoding="utf-8")
    manifest = offline.offline_manifest(built_site)
    assert f"{manifest['version']}" in worker, "the service worker lists both languages' files"
    urls = {entry["url"] for entry in manifest["files"]}
    assert {"./", SPANISH, SPANISH + "self-check/alliance/", "self-check/alliance/"} <= urls
    stemmers = sorted(url for url in urls if "/lunr/" in url)
    assert stemmers == [
        "es/assets/javascripts/lunr/min/lunr.es.min.js",
        "es/assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    ]
    assert not [url for url in urls if url.endswith(("404.html", "sitemap.xml.gz"))]


def test_the_spanish_search_index_holds_spanish_pages_only(built_site: Path) -> None:
    index = json.loads((built_site / SPANISH / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["es"]
    titles = {doc["title"] for doc in index["docs"] if "#" not in doc["location"]}
    assert "Confianza y seguridad" in titles and "Trust and safety" not in titles


@pytest.mark.parametrize("name", ["mkdocs.yml", "mkdocs.es.yml"])
def test_each_configuration_names_its_language_for_the_selector(name: str) -> None:
    site = languages.language_site("en" if name == "mkdocs.yml" else "es", PROJECT_ROOT / "mkdocs.yml")
    assert site.config_file.name == name
    assert site.name in {"English", "Español"}


def test_the_logo_and_team_photos_live_once_and_show_in_every_language(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT_ROOT / "docs", docs)
    (docs / "images").mkdir()
    Image.new("RGB", (64, 64), "#336699").save(docs / "images" / "logo.png")
    Image.new("RGB", (64, 64), "#996633").save(docs / "images" / "sam.png")
    # The practice's own configurations beside its practice.yml, each inheriting the project's.
    for name, docs_dir, language in (("mkdocs.yml", docs, "en"), ("mkdocs.es.yml", PROJECT_ROOT / "docs-es", "es")):
        (tmp_path / name).write_text(
            f"INHERIT: {PROJECT_ROOT / name}\ndocs_dir: {docs_dir}\n"
            f"hooks: [{PROJECT_ROOT / 'scripts' / 'mkdocs_hooks.py'}]\n"
            f"theme: {{name: material, custom_dir: {PROJECT_ROOT / 'overrides'}, language: {language}}}\n",
            encoding="utf-8",
        )
    practice = tmp_path / "practice.yml"
    practice.write_text(
        "name: {en: Harbour Therapy, es: Terapia Harbour}\nlanguages: [en, es]\nlogo: images/logo.png\n"
        "team:\n  - name: Sam Lee\n    photo: images/sam.png\n    bio: {en: Sam listens., es: Sam escucha.}\n",
        encoding="utf-8",
    )
    site = build_site(tmp_path / "site", "http://127.0.0.1:8000/", practice, tmp_path / "mkdocs.yml")
    for folder in ("", SPANISH):
        assert (site / folder / "images" / "logo.png").is_file(), folder
        assert (site / folder / "images" / "sam.png").is_file(), folder
    team = (site / SPANISH / "practice" / "team" / "index.html").read_text(encoding="utf-8")
    assert "Sam escucha." in team and "Terapia Harbour" in team
    assert 'src="../../images/sam.png"' in team
