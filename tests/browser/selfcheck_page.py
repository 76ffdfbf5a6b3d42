"""Driving a self-check page as a visitor would, for the browser tests."""

from collections.abc import Mapping

from playwright.sync_api import Locator, Page, expect

ENGINE_TIMEOUT_MS = 90_000


class SelfCheckPage:
    def __init__(self, page: Page, questionnaire_id: str) -> None:
        self.page = page
        self.id = questionnaire_id
        self.root = page.locator(f'[data-selfcheck="{questionnaire_id}"]')
        self.form = self.root.locator("[data-selfcheck-form]")
        self.result = self.root.locator("[data-selfcheck-result]")
        self.problem = self.root.locator("[data-selfcheck-problem]")

    def choice(self, item_id: str, value: int) -> Locator:
        return self.form.locator(f'input[name="{self.id}.{item_id}"][value="{value}"]')

    def answer(self, answers: Mapping[str, int]) -> None:
        for item_id, value in answers.items():
            self.choice(item_id, value).check()

    def submit(self) -> None:
        self.root.get_by_role("button", name="See my result").click()

    def wait_for_result(self) -> None:
        expect(self.result.get_by_role("heading", name="Your result")).to_be_visible(timeout=ENGINE_TIMEOUT_MS)

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
        rows = self.result.locator(f'table[data-table="{table}"] tbody tr')
        return {
            rows.nth(i).get_attribute("data-row"): rows.nth(i).locator("td[data-pomp]").inner_text().strip()
            for i in range(rows.count())
        }

    def shown_flagged_ids(self) -> list[str]:
        flagged = self.result.locator("[data-flagged]")
        return [flagged.nth(i).get_attribute("data-flagged") for i in range(flagged.count())]
