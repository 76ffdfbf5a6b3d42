"""MkDocs hooks: a thin adapter over the plain functions in ``sitebuild``."""

import logging
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
    identity,
    kept_results,
    languages,
    link_preview,
    offline,
    palette,
    posters,
    practice_pages,
    print_address,
    review,
    runtime,
    sharing_kit,
    snapshot,
    social_card,
    templates,
    theme_markup,
    wheel,
    words,
)
from sitebuild.practice import PRACTICE_FILE, load_practice, published_url  # noqa: E402

PRACTICE_CSS = "assets/stylesheets/practice.css"
log = logging.getLogger("mkdocs.hooks.sharing")
# Each page's link-preview card (site path -> card), gathered while pages render, drawn after.
_cards: dict[str, social_card.Card] = {}


def on_config(config):
    _run_step(runtime.pyodide_version)
    # The forms are rendered from the package's source; the browser scores with the wheel: they must agree.
    _run_step(wheel.check_wheel_is_current, _run_step(wheel.find_wheel))
    # The practice's settings (practice.yml, or the file named by PRACTICE_FILE) shape the site.
    practice_file = Path(os.environ.get("PRACTICE_FILE", PRACTICE_FILE))
    # This configuration's language (mkdocs.yml's, or mkdocs.es.yml's...): the practice's words in it.
    language = config["theme"]["language"]
    practice = _run_step(load_practice, practice_file, None, language)
    _run_step(forms.check_language, language, practice_file.name)
    sites = _set_language_site(config, practice)
    # The logo and team photos live once, in the root language's docs folder (docs/), for every language.
    config["extra"]["pictures_dir"] = sites[0].docs_dir
    practice = _run_step(load_practice, practice_file, sites[0].docs_dir, language)
    config["site_name"] = practice.name
    config["site_description"] = practice.description
    # Every interface word in the site's language (overrides/words/<lang>.toml), checked against the other
    # languages', read afresh at each build (mkdocs serve builds again after an edit).
    words.load_catalogues.cache_clear()
    _run_step(templates.use_language, config["theme"]["language"])
    # The headings' permanent link is named in the site's language (the toc extension's own word is English).
    if "toc" in config["mdx_configs"]:
        config["mdx_configs"]["toc"]["permalink_title"] = templates.current_words().page.permalink
    if practice.logo:
        config["theme"]["logo"] = practice.logo
    # The browser and home-screen icons: the practice's logo, or its monogram (made in on_files).
    config["theme"]["favicon"] = identity.favicon_path(practice)
    config["extra"]["practice"] = practice
    config["extra_css"].append(PRACTICE_CSS)
    _cards.clear()
    # A hidden section's pages are not built; links to them become plain text (see on_page_markdown).
    # The sections' titles in this language's navigation are interface words ([sections]).
    titles = templates.current_words().section("sections")
    config["extra"]["hidden_pages"] = practice_pages.hidden_pages(config["nav"] or [], practice, titles)
    if config["nav"]:
        config["nav"] = practice_pages.visible_nav(config["nav"], practice, titles)
        # The practice's own pages (docs/practice/) and team page, without editing mkdocs.yml.
        group = practice_pages.practice_nav(practice, Path(config["docs_dir"]))
        config["nav"] = practice_pages.with_practice_nav(config["nav"], group)
    return config


def _set_language_site(config, practice) -> list[languages.LanguageSite]:
    """Place this language's pages in the site: at its root (the first language) or under ``<code>/``.

    Each language is built by its own configuration (see sitebuild/languages.py);
    SITE_URL is the whole site's root, and the runtime, snapshot and offline copy
    live there once, built with the root's language.
    """
    language = config["theme"]["language"]
    folder = languages.folder_of(language, practice.languages)
    root_url = published_url(config["site_url"], practice.domain) or ""
    config["site_url"] = root_url + folder if root_url else config["site_url"]
    config["extra"]["language_folder"] = folder
    config["extra"]["is_site_root"] = folder == ""
    config["extra"]["other_languages"] = []
    # Text shared by several pages comes from this language's docs folder (docs-es/_snippets/...).
    snippets = config["mdx_configs"].get("pymdownx.snippets")
    if snippets is not None:
        snippets["base_path"] = [str(Path(config["docs_dir"]) / "_snippets")]
    config_file = Path(config["config_file_path"])
    sites = _run_step(languages.language_sites, practice.languages, languages.base_config_of(config_file))
    # The references are shared: this language's if it has its own, else the root language's.
    own = Path(config["docs_dir"]) / citations.REFERENCES_FILE
    config["extra"]["references_file"] = own if own.is_file() else sites[0].docs_dir / citations.REFERENCES_FILE
    if len(sites) < 2:
        return sites
    # Material's language selector and hreflang links; partials/alternate.html makes the selector's
    # links lead to the same page in each language (alternates_for). No origin in them: the theme
    # fetches each link's sitemap, which must stay on the origin the visitor is on (a preview, or the
    # github.io address before a domain takes over); the sitemaps give search engines full addresses.
    # Relative, like every other link of the site, so they work under any subpath.
    config["extra"]["alternate"] = [
        {
            "name": site.name,
            "link": _relative(languages.folder_of(site.code, practice.languages), folder),
            "lang": site.code,
        }
        for site in sites
    ]
    config["extra"]["other_languages"] = [(site, languages.folder_of(site.code, practice.languages)) for site in sites]
    return sites


def _relative(target: str, start: str) -> str:
    """``target`` as a link from ``start`` (both folders from the site's root, such as "es/relationship/")."""
    link = get_relative_url(target, start)
    is_folder = target == "" or target.endswith("/")
    return link + "/" if is_folder and not link.endswith("/") else link


def _alternates_for(page, config) -> dict[str, str]:
    """Language code -> a link from this page to itself in that language (or to that language's home page)."""
    here = config["extra"]["language_folder"] + page.url
    alternates = {}
    for site, folder in config["extra"]["other_languages"]:
        same_page = page.file.generated_by or (site.docs_dir / page.file.src_uri).is_file()
        alternates[site.code] = _relative(folder + (page.url if same_page else ""), here)
    return alternates


# The glossary's terms and the pages' recorded reviews, read once per build (mkdocs serve builds again after an edit).
_glossary_terms: dict[str, str] = {}
_reviews: dict[str, review.RecordedReview] = {}
_practice_reviews: dict[str, review.RecordedReview] = {}


def on_pre_build(config) -> None:
    global _glossary_terms, _reviews, _practice_reviews
    docs_dir = Path(config["docs_dir"])
    _glossary_terms = _run_step(glossary.load_terms, docs_dir / glossary.GLOSSARY_FILE)
    _reviews = _run_step(review.load_reviews, docs_dir / review.REVIEWS_FILE)
    _practice_reviews = _run_step(review.load_reviews, docs_dir / review.PRACTICE_REVIEWS_FILE)


def on_env(env, config, files):
    # The theme's templates (main.html, the header and footer) read the same words as the build's partials.
    site_words = _run_step(words.catalogue, config["theme"]["language"])
    env.globals["words"] = site_words
    # Another language's words, for the one page every language shares (404.html).
    env.globals["words_in"] = words.catalogue
    env.filters["fill"] = words.fill
    env.globals["site_words_json"] = _run_step(words.script_words, site_words)
    return env


def on_files(files, config):
    # The words catalogues sit among the theme's files, which MkDocs would publish as they are.
    for catalogue in [file for file in files if words.is_catalogue(file.abs_src_path)]:
        files.remove(catalogue)
    for src_uri in config["extra"]["hidden_pages"]:
        hidden = files.get_file_from_path(src_uri)
        if hidden is not None:
            files.remove(hidden)
    # A paper version of each questionnaire, generated from its data.
    lang = config["theme"]["language"]
    for questionnaire_id in forms.questionnaire_ids():
        content = _run_step(forms.paper_page_markdown, questionnaire_id, lang)
        files.append(File.generated(config, forms.paper_source_path(questionnaire_id), content=content))
        # And a waiting-room poster that leads to the check.
        content = _run_step(posters.poster_page_markdown, questionnaire_id, lang)
        files.append(File.generated(config, posters.poster_source_path(questionnaire_id), content=content))
    practice = config["extra"]["practice"]
    colours = palette.stylesheet(practice.colours)
    files.append(File.generated(config, PRACTICE_CSS, content=colours))
    # The page scripts and the worker find the shared runtime at the site's root from here.
    if not config["extra"]["is_site_root"]:
        shipped = files.get_file_from_path(languages.SITE_ROOT_MODULE)
        if shipped is not None:
            files.remove(shipped)
        content = languages.site_root_module(config["extra"]["language_folder"])
        files.append(File.generated(config, languages.SITE_ROOT_MODULE, content=content))
    if practice.team and files.get_file_from_path(practice_pages.TEAM_PAGE) is None:
        files.append(File.generated(config, practice_pages.TEAM_PAGE, content=practice_pages.team_page_markdown()))
    pictures_dir = Path(config["extra"]["pictures_dir"])
    for path, content in identity.icons(practice, pictures_dir).items():
        files.append(File.generated(config, path, content=content))
    # Another language's pages show the same logo and photos, from the root language's folder.
    for picture in filter(None, [practice.logo, *(member.photo for member in practice.team)]):
        if files.get_file_from_path(picture) is None:
            files.append(File(picture, str(pictures_dir), config["site_dir"], config["use_directory_urls"]))
    return files


def on_page_content(html: str, page, config, files) -> str:
    def url(path: str) -> str:
        return get_relative_url(path, page.url)

    practice = config["extra"]["practice"]
    page_source = page.file.src_uri
    html = _run_step(practice_pages.expand, html, practice, page_source, url)
    html = _run_step(review.expand, html, practice.review, practice.name, page_source)
    html = _run_step(offline.expand_controls, html, url)
    lang = config["theme"]["language"]
    site_url = _site_url(config)
    html = _run_step(posters.expand_markers, html, lang, practice, site_url, page_source)
    html = _run_step(sharing_kit.expand_markers, html, lang, practice, url, site_url, page_source)
    address = page.canonical_url or site_url + page.url
    html = _run_step(print_address.add_print_address, html, page_source, address, site_url, practice)
    html = _run_step(kept_results.expand_markers, html, url, lang, page_source)
    return _run_step(forms.expand_markers, html, lang, url, page_source, practice)


def on_page_context(context, page, config, nav):
    # Link previews: the page's Open Graph and Twitter tags, and its card, drawn after the build.
    practice = config["extra"]["practice"]
    site_url = _site_url(config)
    context["link_preview"] = link_preview.preview_for(page, practice, site_url, config["site_description"])
    context["page_alternates"] = _alternates_for(page, config)
    _cards[social_card.site_path(page.url)] = link_preview.page_card(page, practice, site_url)
    return context


def _site_url(config) -> str:
    """The site's final address; MkDocs ends it with "/". A bare config without one still builds."""
    return config["site_url"] or ""


def _run_step(step, *args):
    """Run a build step, turning its error into MkDocs' own (a clear, fatal message)."""
    try:
        return step(*args)
    except BuildError as error:
        raise PluginError(str(error)) from error


def on_post_page(output: str, page, config) -> str:
    # A page that would run script the site does not know stops the build, naming the file to fix.
    html = theme_markup.fix_theme_markup(output)
    return _run_step(csp.fill_policy, html, page.url or "the home page", _source_of(page, config))


def _source_of(page, config) -> str:
    """The file a person edits to change ``page``, as they would name it."""
    if page.file.generated_by:
        if page.file.src_uri in {forms.paper_source_path(qid) for qid in forms.questionnaire_ids()}:
            return f"the self-check data behind {page.file.src_uri} (assessment/src/alliance_check/questionnaires/)"
        return f"{page.file.src_uri}, generated by the build"
    docs_dir = os.path.relpath(config["docs_dir"], Path(config["config_file_path"]).parent)
    return Path(docs_dir, page.file.src_uri).as_posix()


def on_post_template(output: str, template_name: str, config) -> str:
    # Static templates such as 404.html are pages too.
    return _run_step(
        csp.fill_policy, theme_markup.fix_theme_markup(output), template_name, f"the template {template_name}"
    )


def on_post_build(config) -> None:
    site_dir = Path(config["site_dir"])
    stats = _run_step(social_card.write_cards, site_dir, _cards)
    log.info(f"Link-preview cards: {stats.drawn} drawn, {stats.reused} from the cache, in {stats.seconds:.2f} s")
    _run_step(kept_results.vendor_qr_code, site_dir)
    if not config["extra"]["is_site_root"]:
        # The runtime, the snapshot and the offline copy are the root's, shared by every language
        # (sitebuild/build_site.py writes the service worker once every language is built).
        return
    _run_step(runtime.vendor_runtime, site_dir, _run_step(wheel.find_wheel))
    _run_step(snapshot.vendor_snapshot, site_dir, _run_step(wheel.find_wheel))
    # GitHub Pages serves a custom domain named in a CNAME file at the site's root.
    domain = config["extra"]["practice"].domain
    if domain:
        (site_dir / "CNAME").write_text(domain + "\n", encoding="utf-8")
    # Last: the offline copy's service worker lists every built file.
    _run_step(offline.write_service_worker, site_dir)


def _page_review(page) -> review.PageReview | None:
    """A written page's review line (generated pages have none): its recorded review, or when it changed."""
    review.refuse_front_matter(page.meta, page.file.src_uri)
    if page.file.generated_by or not page.file.abs_src_path:
        return None
    source = Path(page.file.abs_src_path)
    return review.page_review(
        page.file.content_string, page.file.src_uri, _reviews, lambda: review.last_changed(source), _practice_reviews
    )


def on_page_markdown(markdown: str, page, config, files) -> str:
    # Glossary terms become tooltips (the first use of each focusable); citations
    # become linked author-year text plus the page's own reference list; the
    # recorded review (or when the page changed since) becomes a visible line.
    # An unknown citation key or a review date typed into front matter stops the build.
    practice = config["extra"]["practice"]
    try:
        # Before rendering, so that no table of contents or link keeps a hidden section.
        markdown = practice_pages.drop_hidden_audiences(markdown, practice, page.file.src_uri)
        markdown = practice_pages.unlink_pages(markdown, page.file.src_uri, config["extra"]["hidden_pages"])
        # Search results and link previews name the practice.
        page.meta["description"] = practice_pages.page_description(page.meta.get("description"), practice)
        if page.meta.get("explain_terms", True):
            markdown = glossary.mark_terms(markdown, _glossary_terms)
        return citations.render_page(
            markdown,
            page=page.file.src_uri,
            references=lambda: citations.load_references(config["extra"]["references_file"]),
            review=_page_review(page),
        )
    except BuildError as error:
        raise PluginError(str(error)) from error
