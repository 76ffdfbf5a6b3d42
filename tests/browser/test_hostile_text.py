"""Text from data reaches the page as text, never as markup, at run time too.

The wheel is tampered with in flight (and the lock file re-pinned to it) so the
worker's result carries markup in an item's text and an area's title.
"""

import hashlib
import io
import json
import re
import zipfile

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect
from selfcheck_page import SelfCheckPage

from alliance_check import load_questionnaire
from sitebuild import runtime, wheel

pytestmark = pytest.mark.browser

HOSTILE_ITEM = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
HOSTILE_TITLE = "<b>Trust</b> and safety"
TEXT_FILE = "alliance_check/questionnaires/alliance.en.toml"


def hostile_wheel(item_id: str) -> bytes:
    source = zipfile.ZipFile(wheel.find_wheel())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == TEXT_FILE:
                text = data.decode("utf-8")
                text = re.sub(rf"(?m)^{re.escape(item_id)} = .*$", f"{item_id} = {json.dumps(HOSTILE_ITEM)}", text)
                text = text.replace('title = "Trust and safety"', f"title = {json.dumps(HOSTILE_TITLE)}", 1)
                data = text.encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def test_hostile_text_from_the_engine_is_shown_as_text(context: BrowserContext, page: Page, site_url: str) -> None:
    alliance = load_questionnaire("alliance", "en")
    first = alliance.items[0]
    tampered = hostile_wheel(first.id)

    def serve_lock(route: Route) -> None:
        lock = json.loads(route.fetch().text())
        lock["packages"][runtime.PACKAGE_NAME]["sha256"] = hashlib.sha256(tampered).hexdigest()
        route.fulfill(body=json.dumps(lock), content_type="application/json")

    context.route(re.compile(r"/pyodide-lock\.json$"), serve_lock)
    context.route(
        re.compile(r"/alliance_check-[^/]*\.whl$"),
        lambda route: route.fulfill(body=tampered, content_type="application/zip"),
    )

    page.goto(site_url + "self-check/alliance/")
    check = SelfCheckPage(page, "alliance")
    check.answer({item.id: (item.scale.min if item.id == first.id else item.scale.max) for item in alliance.items})
    check.submit()
    check.wait_for_result()

    expect(check.result.locator(f'[data-flagged="{first.id}"]')).to_contain_text(HOSTILE_ITEM)
    expect(check.result.locator(".selfcheck-chart")).to_contain_text(HOSTILE_TITLE)
    expect(check.result.locator('[data-row="trust"] th')).to_have_text(HOSTILE_TITLE)
    assert check.result.locator("img, script, b").count() == 0
    assert page.evaluate("window.__pwned === undefined")
