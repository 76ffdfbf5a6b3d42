"""axe-core (from npm, pinned) finds no violation, WCAG 2.2 rules included."""

import json

import pytest
from playwright.sync_api import Page
from selfcheck_page import SelfCheckPage

from alliance_check import load_questionnaire
from sitebuild import PROJECT_ROOT

pytestmark = pytest.mark.browser

AXE_SOURCE = (PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page: Page) -> list[dict]:
    # Evaluated through the DevTools protocol, so the page's CSP stays as it is.
    page.evaluate(AXE_SOURCE + "\n;0")
    options = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    return page.evaluate(
        f"""async () => {{
          const results = await axe.run(document, {options});
          return results.violations.map(v => ({{
            id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
          }}));
        }}"""
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_check_page_before_answering(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + "self-check/alliance/")
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_check_page_with_a_result(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + "self-check/alliance/")
    check = SelfCheckPage(page, "alliance")
    items = load_questionnaire("alliance", "en").items
    # Low answers on some items, so flagged answers and conversation starters show too.
    check.answer(
        {item.id: (item.scale.min if index % 4 == 0 else item.scale.max - 1) for index, item in enumerate(items)}
    )
    check.submit()
    check.wait_for_result()
    assert axe_violations(page) == []


# The next test visits every page as a desktop in light mode; these pages again as a phone in dark mode.
@pytest.mark.parametrize("path", ["", "self-check/", "self-check/paper/alliance/", "get-help-now/", "privacy/"])
def test_pages_on_a_phone_in_dark_mode(page: Page, site_url: str, path: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + path)
    assert axe_violations(page) == []


def test_every_page_of_the_site(page: Page, site_url: str, built_site) -> None:
    paths = sorted(str(p.parent.relative_to(built_site)) for p in built_site.rglob("index.html"))
    assert len(paths) > 20
    found = {}
    for path in paths:
        page.goto(site_url + ("" if path == "." else path + "/"))
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}
