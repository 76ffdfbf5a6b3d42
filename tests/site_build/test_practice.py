"""The practice's settings: validated with clear errors, then applied to the site."""

from pathlib import Path

import pytest
import yaml
from building import run_build

from sitebuild import PROJECT_ROOT, palette, practice_pages
from sitebuild.crisis_help import DEFAULT_NAMED_LINES, DIRECTORIES
from sitebuild.practice import PracticeConfigError, load_practice, parse_practice

EXAMPLE = PROJECT_ROOT / "examples" / "riverside" / "practice.yml"
DOCS = PROJECT_ROOT / "docs"


def example_settings() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def with_change(path: str, value: object) -> dict:
    """The example settings with one dotted setting set (or removed, for ...)."""
    settings = example_settings()
    *parents, last = path.split(".")
    target = settings
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target.setdefault(part, {})
    if value is ...:
        del target[last]
    elif isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return settings


# Each wrong setting, and what the error must say (the key, and what is allowed).
INVALID = [
    ("name", ..., r"practice\.yml: name: is required"),
    ("name", "  ", r"practice\.yml: name: is required"),
    ("nmae", "Typo", r"practice\.yml: nmae: unknown setting \(did you mean 'name'\?\)"),
    ("contact.emial", "a@b.org", r"contact\.emial: unknown setting \(did you mean 'email'\?\)"),
    ("contact.email", "not-an-address", r"contact\.email: 'not-an-address' is not an email address"),
    ("contact.phone", "call us!", r"contact\.phone: 'call us!' is not a phone number"),
    (
        "contact.booking_url",
        "www.example.org/book",
        r"contact\.booking_url: .* is not a web address starting with https://",
    ),
    ("colours.primary", "#12345", r"colours\.primary: '#12345' is not a colour"),
    ("colours.primary", "sky", r"colours\.primary: 'sky' is not a colour: use hex .* or one of: red"),
    ("colours.primary", "yellow", r"colours\.primary: '#ffec3d' has a contrast of 1\.\d:1 with white.*for example '#"),
    ("colours.accent", "#ffcc00", r"colours\.accent: '#ffcc00' has a contrast of"),
    ("crisis_lines.0.phone", "help", r"crisis_lines\[0\]\.phone: 'help' is not a phone number"),
    (
        "crisis_lines.0",
        {"name": "Line", "hours": "Any time"},
        r"crisis_lines\[0\]: a crisis line needs at least one way",
    ),
    ("crisis_lines.1.url", "ftp://x", r"crisis_lines\[1\]\.url: 'ftp://x' is not a web address"),
    ("crisis_lines.0.hour", "Any time", r"crisis_lines\[0\]\.hour: unknown setting \(did you mean 'hours'\?\)"),
    ("crisis_lines", {"name": "x"}, r"crisis_lines: must be a list"),
    ("sections.for_therapist", False, r"sections\.for_therapist: unknown setting \(did you mean 'for_therapists'\?\)"),
    ("sections.in_therapy", "no", r"sections\.in_therapy: 'no' must be true .* or false"),
    ("domain", "https://therapy.example.org", r"domain: 'https://therapy\.example\.org' is not a domain name"),
    ("language", "English", r"language: 'English' is not a language code"),
    ("logo", "images/missing.svg", r"logo: 'images/missing\.svg' is not a file in docs/"),
    # The theme prints some settings into its HTML as they are: no markup, no quote that ends an attribute.
    ("name", "<b>Open Door</b>", r"name: '<b>Open Door</b>' cannot contain <, > or \""),
    ("region", 'The "North"', r"region: 'The \"North\"' cannot contain <, > or \""),
    ("contact.booking_url", "https://x.org/`onclick", r"contact\.booking_url: 'https://x\.org/`onclick' is not a web"),
    # YAML reads unquoted numbers as numbers: a leading + or 0 would be lost.
    ("contact.phone", 441632960123, r"contact\.phone: 441632960123 must be text: put it in quotes"),
    ("crisis_lines.0.phone", 988, r"crisis_lines\[0\]\.phone: 988 must be text: put it in quotes"),
]


@pytest.mark.parametrize(("path", "value", "message"), INVALID, ids=[f"{p}={v!r}" for p, v, _ in INVALID])
def test_invalid_setting_names_the_key(path: str, value: object, message: str) -> None:
    with pytest.raises(PracticeConfigError, match=message):
        parse_practice(with_change(path, value), "practice.yml", DOCS)


def test_the_example_practice_is_valid() -> None:
    practice = load_practice(EXAMPLE, DOCS)
    assert practice.name == "Riverside Counselling Collective"
    assert practice.colours.primary == palette.PALETTE_NAMES["indigo"]
    assert practice.contact.phone_uri == "tel:+441632960123"
    assert practice.hidden_sections == ["for_therapists"]
    assert practice.domain == "therapy.riverside-counselling.example"


def test_the_projects_own_practice_file_is_valid() -> None:
    practice = load_practice(PROJECT_ROOT / "practice.yml", DOCS)
    assert practice.crisis_lines == ()
    assert practice.crisis_lines_or_default == (*DEFAULT_NAMED_LINES, *DIRECTORIES)
    assert practice.contact.is_empty


def test_only_a_name_is_needed() -> None:
    practice = parse_practice({"name": "Solo Practice"}, "practice.yml")
    assert practice.description and practice.language == "en" and not practice.hidden_sections


@pytest.mark.parametrize("colour", [*palette.PALETTE_NAMES.values(), "#1d5c57", "#6a2c91"])
def test_dark_palette_shades_reach_aa_on_the_dark_background(colour: str) -> None:
    css = palette.stylesheet(palette.Colours(primary=colour, accent=colour))
    dark = [line.split(":")[1].strip(" ;") for line in css.splitlines() if "--md-typeset-a-color" in line]
    assert palette.contrast(dark[0], palette.SLATE_BACKGROUND) >= palette.AA_TEXT


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert palette.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_hidden_audiences_leave_the_nav_and_the_pages() -> None:
    practice = load_practice(EXAMPLE, DOCS)
    nav = [{"Home": "index.md"}, {"In therapy": []}, {"For therapists and practices": []}]
    assert practice_pages.visible_nav(nav, practice) == [{"Home": "index.md"}, {"In therapy": []}]
    html = (
        "<p>a</p><!-- audience: for_therapists --><p>secret</p><!-- /audience -->"
        "<!-- audience: in_therapy --><p>b</p><!-- /audience -->"
    )
    assert practice_pages.expand(html, practice, "p.md") == "<p>a</p><p>b</p>"


def test_practice_details_are_escaped() -> None:
    practice = parse_practice({"name": "Smith & O'Brien", "contact": {"address": "1 & 2 Mill Lane"}}, "practice.yml")
    html = practice_pages.expand("<!-- practice: call-to-action -->", practice, "p.md")
    assert "Talk to Smith &amp; O&#39;Brien" in html and "1 &amp; 2 Mill Lane" in html


def test_a_setting_written_twice_fails_naming_it_and_its_lines(tmp_path: Path) -> None:
    # The template's empty "domain:" left below a domain typed at the top would silently remove it.
    path = tmp_path / "practice.yml"
    path.write_text("name: Open Door\ndomain: therapy.example.org\nlanguage: en\ndomain:\n", encoding="utf-8")
    with pytest.raises(PracticeConfigError, match=r"practice\.yml: .*'domain' is set twice \(lines 2 and 4\)"):
        load_practice(path, DOCS)


@pytest.mark.parametrize(
    ("written", "dialled"),
    [("+44 (0)20 7946 0000", "tel:+442079460000"), ("(555) 123-4567", "tel:5551234567"), ("988", "tel:988")],
)
def test_phone_numbers_as_people_write_them_become_working_links(written: str, dialled: str) -> None:
    practice = parse_practice({"name": "P", "contact": {"phone": written}}, "practice.yml")
    assert practice.contact.phone_uri == dialled


def test_unknown_marker_fails_naming_the_page() -> None:
    practice = load_practice(EXAMPLE, DOCS)
    with pytest.raises(Exception, match=r"p\.md: unknown practice detail 'phone-number'"):
        practice_pages.expand("<!-- practice: phone-number -->", practice, "p.md")


def write_settings(tmp_path: Path, settings: dict) -> Path:
    path = tmp_path / "practice.yml"
    path.write_text(yaml.safe_dump(settings), encoding="utf-8")
    return path


def test_a_real_build_fails_loudly_naming_the_file_and_key(tmp_path: Path) -> None:
    practice_file = write_settings(tmp_path, with_change("contact.emial", "a@b.org"))
    completed = run_build(tmp_path / "site", "http://127.0.0.1:8000/", practice_file)
    assert completed.returncode != 0
    assert "practice.yml: contact.emial: unknown setting (did you mean 'email'?)" in completed.stderr


def test_cname_is_written_only_with_a_custom_domain(tmp_path: Path) -> None:
    with_domain = run_build(tmp_path / "with", "https://therapy.riverside-counselling.example/", EXAMPLE)
    assert with_domain.returncode == 0, with_domain.stderr
    assert (tmp_path / "with" / "CNAME").read_text() == "therapy.riverside-counselling.example\n"
    without = run_build(
        tmp_path / "without", "http://127.0.0.1:8000/", write_settings(tmp_path, with_change("domain", ...))
    )
    assert without.returncode == 0, without.stderr
    assert not (tmp_path / "without" / "CNAME").exists()


def test_a_language_without_questionnaire_text_fails_naming_the_setting(tmp_path: Path) -> None:
    practice_file = write_settings(tmp_path, with_change("language", "fr"))
    completed = run_build(tmp_path / "site", "http://127.0.0.1:8000/", practice_file)
    assert completed.returncode != 0
    assert "practice.yml: language: 'fr' has no text yet for the self-check" in completed.stderr
