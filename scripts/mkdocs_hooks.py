"""MkDocs hooks: a thin adapter over the plain functions in ``sitebuild``."""

import os
import sys
from pathlib import Path

_SCRIPTS = Path(__file__).resolve().parent
for _path in (_SCRIPTS, _SCRIPTS.parent / "assessment" / "src"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from sitebuild import (  # noqa: E402
    BuildError,
    citations,
    csp,
    forms,
    glossary,
    kept_results,
    offline,
    palette,
    practice_pages,
    runtime,
    snapshot,
    validity,
    wheel,
)
from sitebuild.practice import PRACTICE_FILE, load_practice  # noqa: E402

PRACTICE_CSS = "assets/stylesheets/practice.css"


def on_config(config):
    _built(runtime.pyodide_version)
    # The forms are rendered from the package's source; the browser scores with the wheel: they must agree.
    _built(wheel.check_wheel_is_current, _built(wheel.find_wheel))
    # The practice's settings (practice.yml, or the file named by PRACTICE_FILE) shape the site.
    practice_file = Path(os.environ.get("PRACTICE_FILE", PRACTICE_FILE))
    practice = _built(load_practice, practice_file, Path(config["docs_dir"]))
    _built(forms.check_language, practice.language, practice_file.name)
    config["site_name"] = practice.name
    config["site_description"] = practice.description
    config["theme"]["language"] = practice.language
    if practice.logo:
        config["theme"]["logo"] = practice.logo
    config["extra"]["practice"] = practice
    config["extra_css"].append(PRACTICE_CSS)
    if config["nav"]:
        config["nav"] = practice_pages.visible_nav(config["nav"], practice)
    return config


def on_files(files, config):
    # A paper version of each questionnaire, generated from its data.
    lang = config["theme"]["language"]
    for questionnaire_id in forms.questionnaire_ids():
        content = _built(forms.paper_page_markdown, questionnaire_id, lang)
        files.append(File.generated(config, forms.paper_source_path(questionnaire_id), content=content))
    colours = palette.stylesheet(config["extra"]["practice"].colours)
    files.append(File.generated(config, PRACTICE_CSS, content=colours))
    return files


def on_page_content(html: str, page, config, files) -> str:
    def url(path: str) -> str:
        return get_relative_url(path, page.url)

    practice = config["extra"]["practice"]
    where = page.file.src_uri
    html = _built(practice_pages.expand, html, practice, where)
    html = _built(offline.expand_controls, html, url)
    html = _built(kept_results.expand_markers, html, url, config["theme"]["language"], where)
    return _built(forms.expand_markers, html, config["theme"]["language"], url, where, practice)


def _built(step, *args):
    """Run a build step, turning its error into MkDocs' own (a clear, fatal message)."""
    try:
        return step(*args)
    except BuildError as error:
        raise PluginError(str(error)) from error


def on_post_page(output: str, page, config) -> str:
    return csp.fill_policy(validity.fix_theme_markup(output))


def on_post_template(output: str, template_name: str, config) -> str:
    # Static templates such as 404.html are pages too.
    return csp.fill_policy(validity.fix_theme_markup(output))


def on_post_build(config) -> None:
    site_dir = Path(config["site_dir"])
    _built(runtime.vendor_runtime, site_dir, _built(wheel.find_wheel))
    _built(snapshot.vendor_snapshot, site_dir, _built(wheel.find_wheel))
    _built(kept_results.vendor_qr_code, site_dir)
    # GitHub Pages serves a custom domain named in a CNAME file at the site's root.
    domain = config["extra"]["practice"].domain
    if domain:
        (site_dir / "CNAME").write_text(domain + "\n", encoding="utf-8")
    # Last: the offline copy's service worker lists every built file.
    _built(offline.write_service_worker, site_dir)


def on_page_markdown(markdown: str, page, config, files) -> str:
    # Glossary terms become tooltips (the first use of each focusable); citations
    # become linked author-year text plus the page's own reference list; the
    # "reviewed" front matter becomes a visible line. An unknown key stops the build.
    docs_dir = Path(config["docs_dir"])
    try:
        if page.meta.get("explain_terms", True):
            markdown = glossary.mark_terms(markdown, glossary.load_terms(docs_dir / glossary.GLOSSARY_FILE))
        return citations.render_page(
            markdown,
            page=page.file.src_uri,
            references=lambda: citations.load_references(docs_dir / citations.REFERENCES_FILE),
            reviewed=page.meta.get("reviewed"),
        )
    except BuildError as error:
        raise PluginError(str(error)) from error
