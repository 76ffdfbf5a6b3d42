"""What the sharing kit puts into pages: print addresses, posters and the therapists' kit, from a practice's data."""

import dataclasses
import re

import pytest

from alliance_check import list_questionnaires, load_questionnaire
from sitebuild import PROJECT_ROOT, BuildError, posters, print_address, sharing_kit
from sitebuild.practice import Contact, load_practice

EXAMPLE = load_practice(PROJECT_ROOT / "examples" / "riverside" / "practice.yml", PROJECT_ROOT / "docs")
SITE_URL = "https://therapy.riverside-counselling.example/"
PROGRAM_VALUES = re.compile(r"\b(None|null|undefined|NaN)\b|\{\{|\{\w+\}")


def relative(path: str) -> str:
    return "../" + path


@pytest.mark.parametrize("source", ["handouts/motivation.md", "self-check/paper/alliance.md"])
def test_printed_pages_get_a_qr_code_the_address_and_the_practices_details(source: str) -> None:
    address = SITE_URL + source.removesuffix(".md") + "/"
    html = print_address.add_print_address("<h1>Title</h1>", source, address, SITE_URL, EXAMPLE)
    assert html.index('class="print-address"') < html.index("<h1>") < html.index('class="print-footer"')
    assert "<svg" in html and 'aria-hidden="true"' in html
    assert "therapy.riverside-counselling.example/" + source.removesuffix(".md") in html
    footer = html[html.index('class="print-footer"') :]
    for detail in ("Riverside Counselling Collective", "+44 1632 960 123", "therapy.riverside-counselling.example"):
        assert detail in footer
    assert not PROGRAM_VALUES.search(html)


@pytest.mark.parametrize("source", ["handouts/index.md", "relationship/motivation.md", "index.md"])
def test_other_pages_get_no_print_address(source: str) -> None:
    assert print_address.add_print_address("<p>x</p>", source, SITE_URL, SITE_URL, EXAMPLE) == "<p>x</p>"


def test_without_a_phone_the_footer_leaves_it_out() -> None:
    practice = dataclasses.replace(EXAMPLE, contact=Contact(email="hello@example.org"))
    html = print_address.add_print_address("", "handouts/motivation.md", SITE_URL, SITE_URL, practice)
    assert "Phone" not in html
    assert not PROGRAM_VALUES.search(html)


@pytest.mark.parametrize("check", list_questionnaires())
def test_each_poster_invites_to_its_check_with_the_promise_and_the_practice(check: str) -> None:
    questionnaire = load_questionnaire(check, "en")
    html = posters.render_poster(questionnaire, EXAMPLE, SITE_URL)
    text = re.sub(r"<[^>]+>", " ", html)
    for words in (
        "How is our work together going?",
        "A private check-in, on your own phone.",
        "Your answers never leave your phone.",
        questionnaire.title,
        f"{len(questionnaire.items)} questions",
        f"therapy.riverside-counselling.example/self-check/{check}",
        "Riverside Counselling Collective",
        "+44 1632 960 123",
        "hello@riverside-counselling.example",
    ):
        assert words in text, words
    assert not PROGRAM_VALUES.search(html)


def test_poster_pages_are_generated_for_each_check() -> None:
    for check in list_questionnaires():
        markdown = posters.poster_page_markdown(check, "en")
        assert f"<!-- self-check-poster: {check} -->" in markdown
        assert posters.poster_source_path(check) == f"self-check/poster/{check}.md"


def test_a_poster_for_an_unknown_check_names_the_page() -> None:
    with pytest.raises(BuildError, match=r"extra\.md: unknown self-check 'nope'"):
        posters.expand_markers("<!-- self-check-poster: nope -->", "en", EXAMPLE, SITE_URL, "extra.md")


def kit(markers: str, practice=EXAMPLE) -> str:
    return sharing_kit.expand_markers(markers, "en", practice, relative, SITE_URL, "for-therapists.md")


def test_messages_carry_the_sites_own_absolute_addresses() -> None:
    html = kit("<!-- sharing: messages -->")
    assert SITE_URL + "self-check/first-sessions/" in html
    assert SITE_URL + "self-check/check-in/" in html
    assert "Riverside Counselling Collective" in html
    assert not PROGRAM_VALUES.search(html)


def test_moments_follow_the_sections_the_practice_shows() -> None:
    assert "finding-a-good-fit" in kit("<!-- sharing: moments -->")
    hidden = dataclasses.replace(EXAMPLE, sections={**EXAMPLE.sections, "thinking_about_therapy": False})
    assert "finding-a-good-fit" not in kit("<!-- sharing: moments -->", hidden)


def test_posters_list_links_every_check() -> None:
    html = kit("<!-- sharing: posters -->")
    for check in list_questionnaires():
        assert f'href="../self-check/poster/{check}/"' in html


def test_an_unknown_kit_part_names_the_page_and_the_known_parts() -> None:
    with pytest.raises(BuildError, match=r"for-therapists\.md: unknown sharing part 'leaflet' \(known: moments"):
        kit("<!-- sharing: leaflet -->")


def test_on_paper_links_to_other_pages_carry_their_address() -> None:
    page = SITE_URL + "handouts/trust-and-safety/"
    html = (
        '<p>Read more: <a href="../../relationship/trust-and-safety/">Trust and safety</a>, '
        '<a href="#words">below</a>, <a href="mailto:a@b.org">mail</a>, <a href="https://x.org/">x</a>.</p>'
    )
    printed = print_address.add_print_address(html, "handouts/trust-and-safety.md", page, SITE_URL, EXAMPLE)
    assert printed.count("data-print-address=") == 1
    assert (
        '<a href="../../relationship/trust-and-safety/" '
        'data-print-address="therapy.riverside-counselling.example/relationship/trust-and-safety">'
    ) in printed
