"""MkDocs hooks: a thin adapter over the plain functions in ``sitebuild``."""

import sys
from pathlib import Path

_SCRIPTS = Path(__file__).resolve().parent
for _path in (_SCRIPTS, _SCRIPTS.parent / "assessment" / "src"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from sitebuild import BuildError, citations, csp, forms, glossary, runtime, wheel  # noqa: E402


def on_config(config):
    try:
        runtime.pyodide_version()
        wheel.find_wheel()
    except BuildError as error:
        raise PluginError(str(error)) from error
    return config


def on_files(files, config):
    # A paper version of each questionnaire, generated from its data.
    lang = config["theme"]["language"]
    for questionnaire_id in forms.questionnaire_ids():
        content = _built(forms.paper_page_markdown, questionnaire_id, lang)
        files.append(File.generated(config, forms.paper_source_path(questionnaire_id), content=content))
    return files


def on_page_content(html: str, page, config, files) -> str:
    def url(path: str) -> str:
        return get_relative_url(path, page.url)

    return _built(forms.expand_markers, html, config["theme"]["language"], url, page.file.src_uri)


def _built(step, *args):
    """Run a build step, turning its error into MkDocs' own (a clear, fatal message)."""
    try:
        return step(*args)
    except BuildError as error:
        raise PluginError(str(error)) from error


def on_post_page(output: str, page, config) -> str:
    return csp.fill_policy(output)


def on_post_template(output: str, template_name: str, config) -> str:
    # Static templates such as 404.html are pages too.
    return csp.fill_policy(output)


def on_post_build(config) -> None:
    try:
        runtime.vendor_runtime(Path(config["site_dir"]), wheel.find_wheel())
    except BuildError as error:
        raise PluginError(str(error)) from error


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
