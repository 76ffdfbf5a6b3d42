"""Driving a self-check page as a visitor would, for the browser tests."""

import re
import tomllib
from collections.abc import Mapping
from functools import cache

from playwright.sync_api import BrowserContext, Locator, Page, Route, expect

from sitebuild import PROJECT_ROOT

ENGINE_TIMEOUT_MS = 90_000
RESULT_WORDS = PROJECT_ROOT / "assessment" / "src" / "alliance_check" / "wording"
INTERFACE_WORDS = PROJECT_ROOT / "overrides" / "words"


@cache
def words(lang: str) -> dict[str, str]:
    """The labels a visitor uses to drive a check, in ``lang``, from the same files the site shows."""
    interface = tomllib.loads((INTERFACE_WORDS / f"{lang}.toml").read_text(encoding="utf-8"))
    result = tomllib.loads((RESULT_WORDS / f"result.{lang}.toml").read_text(encoding="utf-8"))
    return {
        "submit": interface["selfcheck"]["submit"],
        "result_heading": result["heading"],
        "clear": result["actions"]["clear"],
    }


class SelfCheckPage:
    def __init__(self, page: Page, questionnaire_id: str, lang: str = "en") -> None:
        self.page = page
        self.id = questionnaire_id
        self.words = words(lang)
        self.root = page.locator(f'[data-selfcheck="{questionnaire_id}"]')
        self.form = self.root.locator("[data-selfcheck-form]")
        self.result = self.root.locator("[data-selfcheck-result]")
        self.problem = self.root.locator("[data-selfcheck-problem]")
        self.progress = self.root.locator("[data-selfcheck-progress]")
        self.engine_status = self.root.locator("[data-selfcheck-engine]")
        self.submit_button = self.root.get_by_role("button", name=self.words["submit"])

    def choice(self, item_id: str, value: int) -> Locator:
        return self.form.locator(f'input[name="{self.id}.{item_id}"][value="{value}"]')

    def answer(self, answers: Mapping[str, int]) -> None:
        for item_id, value in answers.items():
            self.choice(item_id, value).check()

    def submit(self) -> None:
        self.submit_button.click()

    def wait_for_result(self) -> None:
        heading = self.result.get_by_role("heading", name=self.words["result_heading"])
        expect(heading).to_be_visible(timeout=ENGINE_TIMEOUT_MS)

    def clear(self) -> None:
        self.result.get_by_role("button", name=self.words["clear"]).click()

    def checked_answers(self) -> dict[str, int]:
        checked = self.form.locator("input[type=radio]:checked")
        return {
            name.split(".", 1)[1]: int(value)
            for name, value in (
                (checked.nth(i).get_attribute("name"), checked.nth(i).get_attribute("value"))
                for i in range(checked.count())
            )
        }

    def shown_scores(self, table: str = "dimensions") -> dict[str, str]:
        # The scores table sits behind "The same scores as a table": open it, as a visitor would.
        self.result.locator(f'details:has(table[data-table="{table}"]) > summary').evaluate_all(
            "summaries => summaries.forEach(summary => { if (!summary.parentElement.open) summary.click(); })"
        )
        rows = self.result.locator(f'table[data-table="{table}"] tbody tr')
        return {
            rows.nth(i).get_attribute("data-row"): rows.nth(i).locator("td[data-pomp]").inner_text().strip()
            for i in range(rows.count())
        }

    def shown_flagged_ids(self) -> list[str]:
        flagged = self.result.locator("[data-flagged]")
        return [flagged.nth(i).get_attribute("data-flagged") for i in range(flagged.count())]


def fake_worker(context: BrowserContext, reply: str) -> None:
    """Serve, instead of the engine's worker, one that is ready at once and answers every request with ``reply``.

    ``reply`` is a JavaScript expression for the response message, given the request as ``data``.
    """
    script = f"""
postMessage({{ type: "status", state: "ready" }});
addEventListener("message", ({{ data }}) => postMessage({reply}));
"""
    context.route(
        re.compile(r"/selfcheck/worker/main\.js$"),
        lambda route: route.fulfill(body=script, content_type="text/javascript"),
    )


class HeldRequests:
    """Requests matching ``pattern`` wait, unanswered, until released (a stalled download)."""

    def __init__(self, context: BrowserContext, pattern: re.Pattern[str]) -> None:
        self.context = context
        self.pattern = pattern
        self.routes: list[Route] = []
        context.route(pattern, self.hold)

    def hold(self, route: Route) -> None:
        self.routes.append(route)

    def release(self, page: Page) -> None:
        """Let the held requests, and any later ones, through."""
        for _ in range(100):  # the handler runs when Playwright next hears from the browser
            if self.routes:
                break
            page.wait_for_timeout(50)
        assert self.routes, f"nothing matching {self.pattern.pattern} was requested"
        self.context.unroute(self.pattern, self.hold)
        for route in self.routes:
            route.continue_()
