"""Forms and paper versions rendered at build time from questionnaire data."""

import re
from dataclasses import replace
from html.parser import HTMLParser
from types import MappingProxyType

import pytest
from mkdocs.utils.meta import get_data

from alliance_check import Scale, list_questionnaires, load_questionnaire, score
from sitebuild import BuildError, forms
from sitebuild.practice import parse_practice

HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=1">'


def url(path: str) -> str:
    return "../../" + path


class Elements(HTMLParser):
    """Counts start tags, to see what a browser would build from the markup."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.tags


@pytest.mark.parametrize("questionnaire_id", list_questionnaires())
def test_form_has_a_fieldset_and_real_radios_for_every_item(questionnaire_id: str) -> None:
    questionnaire = load_questionnaire(questionnaire_id, "en")
    tags = parse(forms.render_form(questionnaire, url))
    fieldsets = [attrs["data-item"] for tag, attrs in tags if tag == "fieldset"]
    assert fieldsets == [item.id for item in questionnaire.items]
    assert sum(tag == "legend" for tag, _ in tags) == len(questionnaire.items)
    for item in questionnaire.items:
        values = [
            attrs["value"]
            for tag, attrs in tags
            if tag == "input" and attrs.get("name") == f"{questionnaire_id}.{item.id}"
        ]
        assert values == [str(v) for v in item.scale.points]
        assert all(attrs["type"] == "radio" for tag, attrs in tags if tag == "input")


def test_form_shows_the_words_of_the_scale() -> None:
    questionnaire = load_questionnaire("alliance", "en")
    html = forms.render_form(questionnaire, url)
    for label in questionnaire.scale.labels.values():
        assert f">{label}<" in html


def test_form_intro_says_what_a_visitor_needs_first() -> None:
    html = forms.render_form(load_questionnaire("alliance", "en"), url)
    assert "not a diagnosis" in html
    assert "stay on this device" in html
    assert 'href="../../get-help-now/"' in html
    assert 'href="../../self-check/paper/alliance/"' in html


def test_questionnaire_text_is_escaped() -> None:
    questionnaire = load_questionnaire("alliance", "en")
    hostile_item = replace(questionnaire.items[0], text=HOSTILE)
    hostile = replace(questionnaire, title=HOSTILE, intro=HOSTILE, items=(hostile_item, *questionnaire.items[1:]))
    for html in (forms.render_form(hostile, url), forms.render_paper(hostile, url)):
        assert not [tag for tag, _ in parse(html) if tag in ("script", "img")]
        assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html


@pytest.mark.parametrize("questionnaire_id", list_questionnaires())
def test_paper_key_lists_every_item_once_and_marks_reverse_keyed_ones(questionnaire_id: str) -> None:
    questionnaire = load_questionnaire(questionnaire_id, "en")
    html = forms.render_paper(questionnaire, url)
    cells = re.findall(r"<td data-key-items>([^<]*)</td>", html)
    assert len(cells) == len(questionnaire.dimensions)
    entries = [entry.strip() for cell in cells for entry in cell.split(",")]
    assert sorted(int(entry.split()[0]) for entry in entries) == list(range(1, len(questionnaire.items) + 1))
    reverse = {i for i, item in enumerate(questionnaire.items, 1) if item.reverse}
    assert {int(entry.split()[0]) for entry in entries if entry.endswith("(R)")} == reverse


@pytest.mark.parametrize("questionnaire_id", list_questionnaires())
def test_paper_key_asks_for_as_many_answers_as_the_package_needs(questionnaire_id: str) -> None:
    questionnaire = load_questionnaire(questionnaire_id, "en")
    html = forms.render_paper(questionnaire, url)
    shown = [int(n) for n in re.findall(r"<td data-key-items>[^<]*</td>\s*<td>(\d+)</td>", html)]
    assert len(shown) == len(questionnaire.dimensions)
    high = questionnaire.scale.max

    def scored_with(dimension_id: str, count: int) -> bool:
        members = [item.id for item in questionnaire.items if item.dimension == dimension_id]
        parts = score(questionnaire, dict.fromkeys(members[:count], high)).dimensions
        return next(part for part in parts if part.id == dimension_id).scored

    for dimension, needed in zip(questionnaire.dimensions, shown, strict=True):
        assert scored_with(dimension.id, needed), f"{dimension.id}: {needed} answers should be enough"
        assert not scored_with(dimension.id, needed - 1), f"{dimension.id}: {needed - 1} answers should not be"


def test_paper_key_explains_the_conversion_for_the_scale() -> None:
    # No shipped check uses a 0-10 scale any more: the same check, rescaled, stands in for one.
    check_in = load_questionnaire("check-in", "en")
    ten = Scale(0, 10, MappingProxyType({0: "Not at all", 10: "Completely"}))
    rescaled = replace(check_in, scale=ten, items=tuple(replace(item, scale=ten) for item in check_in.items))
    html = forms.render_paper(rescaled, url)
    assert "multiply the area score by 10" in html
    assert "subtract 0" not in html
    html = forms.render_paper(load_questionnaire("alliance", "en"), url)
    assert "subtract 1, then multiply by 25" in html


@pytest.mark.parametrize("questionnaire_id", ["alliance", "check-in", "first-sessions"])
def test_paper_key_describes_only_what_the_check_has(questionnaire_id: str) -> None:
    questionnaire = load_questionnaire(questionnaire_id, "en")
    html = forms.render_paper(questionnaire, url)
    questions = html[: html.index("Scoring key")]
    assert "(R)" not in questions, "scoring marks belong in the key only"
    reverse = [str(n) for n, item in enumerate(questionnaire.items, 1) if item.reverse]
    if reverse:
        assert "worded the other way round" in html and "minus your answer" in html
    else:
        assert "other way round" not in html and "minus your answer" not in html


def test_paper_version_carries_the_safety_note_and_crisis_lines() -> None:
    practice = parse_practice({"name": "A"}, "practice.yml")
    questionnaire = load_questionnaire("alliance", "en")
    html = forms.render_paper(questionnaire, url, practice)
    assert questionnaire.notes.safety.text in html
    assert 'href="tel:112"' in html and 'href="tel:988"' in html
    assert "Befrienders Worldwide" in html


def test_bands_cover_zero_to_one_hundred_highest_first() -> None:
    rows = forms.band_rows(load_questionnaire("alliance", "en"))
    assert rows[0]["range"].endswith("to 100")
    assert rows[-1]["range"].startswith("0 to")


def test_unknown_check_in_a_marker_fails_naming_page_and_known_ids() -> None:
    with pytest.raises(BuildError, match=r"some/page\.md: unknown self-check 'aliance' \(known: .*alliance"):
        forms.expand_markers("<!-- self-check: aliance -->", "en", url, "some/page.md")


def test_markers_expand_and_other_html_is_untouched() -> None:
    html = forms.expand_markers("<p>before</p>\n<!-- self-check: check-in -->\n<p>after</p>", "en", url, "p.md")
    assert html.startswith("<p>before</p>") and html.endswith("<p>after</p>")
    assert 'data-selfcheck="check-in"' in html


@pytest.mark.parametrize("questionnaire_id", list_questionnaires())
def test_each_paper_page_has_front_matter_that_mkdocs_reads(questionnaire_id: str) -> None:
    title = load_questionnaire(questionnaire_id, "en").title
    body, meta = get_data(forms.paper_page_markdown(questionnaire_id, "en"))
    assert meta == {
        "description": f"A printable paper version of the self-check “{title}”, with a scoring key.",
        "search": {"exclude": True},
    }
    assert body.startswith(f"# Paper version: {forms.markdown_text(title)}\n")
