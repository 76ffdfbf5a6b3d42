"""The built site, read as files: self-contained and locked down."""

import re
from pathlib import Path

import pytest
from building import SUBPATH

from sitebuild import csp, runtime

ASSET_ATTRIBUTE = re.compile(
    r"<(?P<tag>script|link|img|source|iframe|video|audio|object|embed)\b[^>]*?\b(?:src|href|srcset)\s*=\s*[\"']?(?P<url>[^\"'\s>]+)",
    re.IGNORECASE,
)
PLAIN_LINK_RELS = re.compile(r"""\brel\s*=\s*["']?(canonical|alternate|prev|next)\b""", re.IGNORECASE)


def html_pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert pages, f"no pages in {site}"
    return pages


def test_no_page_loads_anything_from_another_origin(built_site: Path) -> None:
    offenders = []
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        for match in ASSET_ATTRIBUTE.finditer(html):
            tag_text = html[match.start() : html.index(">", match.start())]
            if match["tag"].lower() == "link" and PLAIN_LINK_RELS.search(tag_text):
                continue  # metadata links, never fetched by the browser
            if re.match(r"(https?:)?//", match["url"]):
                offenders.append(f"{page.relative_to(built_site)}: {match['url']}")
    assert offenders == []


def test_no_stylesheet_reaches_for_remote_fonts_or_images(built_site: Path) -> None:
    for sheet in built_site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*[\"']?(https?:)?//", text), sheet
        assert "@import" not in text or not re.search(r"@import\s+url\(\s*[\"']?https?:", text), sheet


@pytest.mark.parametrize(
    "directive",
    ["default-src 'self'", "worker-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'"],
)
def test_every_page_carries_the_policy(built_site: Path, directive: str) -> None:
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        assert policy, f"{page} has no policy"
        assert directive in policy[1]
        assert "'unsafe-eval'" not in policy[1] and "'unsafe-inline'" not in policy[1]
        assert csp.HASHES_PLACEHOLDER not in html
        assert all(h in policy[1] for h in csp.inline_script_hashes(html)), page


def test_site_ships_the_runtime_and_our_wheel(built_site: Path) -> None:
    shipped = {p.name for p in (built_site / runtime.SITE_RUNTIME_DIR).iterdir()}
    assert set(runtime.RUNTIME_FILES) <= shipped
    assert any(name.startswith("alliance_check-") and name.endswith(".whl") for name in shipped)
    # The full upstream lock file (about 120 KB) is replaced by ours.
    assert (built_site / runtime.SITE_RUNTIME_DIR / runtime.LOCK_FILE_NAME).stat().st_size < 5_000


def test_every_page_has_the_crisis_link_in_its_header(built_site: Path) -> None:
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        header = re.search(r"<header\b.*?</header>", html, re.DOTALL)
        assert header, page
        link = re.search(r'<a href="([^"]*)" class="md-header__button crisis-link">', header[0])
        assert link, f"{page.relative_to(built_site)} has no crisis link in its header"
        # 404.html links from the site's root path, as it is served at any address.
        href = link[1]
        target = built_site / href.removeprefix(SUBPATH) if href.startswith("/") else page.parent / href
        # To the page in the page's own language (Spanish pages are under es/).
        folder = "es" if page.relative_to(built_site).parts[0] == "es" else ""
        assert target.resolve() == (built_site / folder / "get-help-now").resolve(), (page, href)
        if not folder:
            assert "Get help now" in header[0]
