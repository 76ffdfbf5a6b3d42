"""The practice's settings: validated with clear errors, then applied to the site."""

import colorsys
import re
from pathlib import Path

import pytest
import yaml
from building import run_build

from sitebuild import PROJECT_ROOT, BuildError, forms, palette, practice_pages, words
from sitebuild.crisis_help import DEFAULT_EMERGENCY_NUMBERS, DEFAULT_NAMED_LINES, DIRECTORIES
from sitebuild.practice import PracticeConfigError, load_practice, parse_practice, published_url

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


# Each wrong setting, and what the error must say (the line, the key, and what is allowed).
INVALID = [
    ("name", ..., r"practice\.yml: name: is required"),
    ("name", "  ", r"practice\.yml, line \d+: name: is required"),
    ("nmae", "Typo", r"practice\.yml, line \d+: nmae: unknown setting \(did you mean 'name'\?\)"),
    ("contact.emial", "a@b.org", r"contact\.emial: unknown setting \(did you mean 'email'\?\)"),
    ("contact.email", "not-an-address", r"contact\.email: 'not-an-address' is not an email address"),
    ("contact.email", "mailto:a@b.org", r"contact\.email: write the address alone, without 'mailto:' .*: a@b\.org"),
    ("contact.phone", "call us!", r"contact\.phone: 'call us!' is not a phone number"),
    ("contact.phone", "tel:+1 902 555 0143", r"contact\.phone: write the number alone, without 'tel:' .*: \+1 902"),
    (
        "contact.booking_url",
        "www.example.org/book",
        r"contact\.booking_url: .* is not a web address starting with https://",
    ),
    ("contact.booking_url", "http://example.org/book", r"contact\.booking_url: .* starting with https://"),
    ("contact.booking_url", "https://trusted.org@evil.example/", r"booking_url: .* has a name before '@'"),
    ("colours.primary", "#12345", r"colours\.primary: '#12345' is not a colour"),
    ("colours.primary", "sky", r"colours\.primary: 'sky' is not a colour: use hex .* or one of: red"),
    (
        "colours.primary",
        "#e0457b",
        r"colours\.primary: '#e0457b' has a contrast of 4\.0:1 with white text and 4\.4:1 with near-black text; "
        r"WCAG AA needs 4\.5:1 for the text on the header and the main buttons\. The nearest shade of the same "
        r"colour that works is '#[0-9a-f]{6}'",
    ),
    ("colours.accent", "#e92063", r"colours\.accent: '#e92063' has a contrast of .* text on buttons you point at"),
    ("crisis_lines.0.phone", "help", r"crisis_lines\[0\]\.phone: 'help' is not a phone number"),
    (
        "crisis_lines.0",
        {"name": "Line", "hours": "Any time"},
        r"line \d+: crisis_lines\[0\]: a crisis line needs at least one way",
    ),
    ("crisis_lines.1.url", "ftp://x", r"crisis_lines\[1\]\.url: 'ftp://x' is not a web address"),
    ("crisis_lines.0.hour", "Any time", r"crisis_lines\[0\]\.hour: unknown setting \(did you mean 'hours'\?\)"),
    ("crisis_lines", {"name": "x"}, r"crisis_lines: must be a list"),
    ("sections.for_therapist", False, r"sections\.for_therapist: unknown setting \(did you mean 'for_therapists'\?\)"),
    ("sections.in_therapy", "no", r"sections\.in_therapy: 'no' must be true .* or false"),
    ("domain", "https://therapy.example.org", r"domain: 'https://therapy\.example\.org' is not a domain name"),
    ("languages", ["en", "English"], r"languages: 'English' is not a language code"),
    ("logo", "images/missing.svg", r"logo: 'images/missing\.svg' is not a file in docs/"),
    # A file setting stays inside docs/ and is an image (never another site, never a file elsewhere).
    ("logo", "/etc/hostname", r"logo: '/etc/hostname' must be a path inside docs/"),
    ("logo", "../practice.yml", r"logo: '\.\./practice\.yml' must stay inside docs/"),
    ("logo", "//host/logo.png", r"logo: '//host/logo\.png' must be a path inside docs/"),
    ("logo", "https://example.org/logo.png", r"logo: 'https://example\.org/logo\.png' must be a path inside docs/"),
    ("logo", "index.md", r"logo: 'index\.md' must be an image"),
    # The theme prints some settings into its HTML as they are: no markup, no quote that ends an attribute.
    ("name", "<b>Open Door</b>", r"name: '<b>Open Door</b>' cannot contain <, > or \""),
    ("region", 'The "North"', r"region: 'The \"North\"' cannot contain <, > or \""),
    ("contact.booking_url", "https://x.org/`onclick", r"contact\.booking_url: 'https://x\.org/`onclick' is not a web"),
    # Text that reads differently from what it is, or that would not fit.
    ("name", "Open\u202eDoor", r"name: contains an invisible control character \(U\+202E\)"),
    ("region", "North\x07", r"region: contains an invisible control character \(U\+0007\)"),
    ("name", "N" * 100_000, r"name: is 100,000 characters long; the limit is 80"),
    ("contact.address", "A" * 201, r"contact\.address: is 201 characters long; the limit is 200"),
    ("short_name", "S" * 25, r"short_name: is 25 characters long; the limit is 24"),
    # The team: each person validated like the rest.
    ("team", [{"pronouns": "she/her"}], r"line \d+: team\[0\]\.name: is required"),
    ("team", [{"name": "A", "accepting_new_clients": "yes"}], r"team\[0\]\.accepting_new_clients: 'yes' must be true"),
    ("team", [{"name": "A", "photo": "../secret.png"}], r"team\[0\]\.photo: '\.\./secret\.png' must stay inside docs/"),
    (
        "team",
        [{"name": "A", "photo": "images/none.png"}],
        r"team\[0\]\.photo: 'images/none\.png' is not a file in docs/",
    ),
    ("team", [{"name": "A", "bio": "B" * 601}], r"team\[0\]\.bio: is 601 characters long; the limit is 600"),
    ("team", [{"name": "A", "languages": {"en": 1}}], r"team\[0\]\.languages: must be a list"),
    ("team", [{"name": "A", "role": "x"}], r"team\[0\]\.role: unknown setting"),
    ("team", {"name": "A"}, r"team: must be a list"),
    # YAML reads unquoted numbers as numbers: a leading + or 0 would be lost.
    ("contact.phone", 441632960123, r"contact\.phone: 441632960123 must be text: put it in quotes"),
    ("crisis_lines.0.phone", 988, r"crisis_lines\[0\]\.phone: 988 must be text: put it in quotes"),
]


def _build_fails_with(tmp_path: Path, text: str, message: str) -> None:
    practice_file = tmp_path / "practice.yml"
    practice_file.write_text(text, encoding="utf-8")
    completed = run_build(tmp_path / "site", "http://127.0.0.1:8000/", practice_file)
    assert completed.returncode != 0, "the build should have failed"
    assert re.search(message, completed.stderr), completed.stderr[-2000:]
    assert "Traceback" not in completed.stderr


@pytest.mark.parametrize(("path", "value", "message"), INVALID, ids=[f"{p}={v!r:.40}" for p, v, _ in INVALID])
def test_invalid_setting_fails_a_real_build_naming_the_line_and_key(
    tmp_path: Path, path: str, value: object, message: str
) -> None:
    _build_fails_with(tmp_path, yaml.safe_dump(with_change(path, value), allow_unicode=True), message)


TEMPLATE = (PROJECT_ROOT / "practice.yml").read_text(encoding="utf-8")


def mistake(original: str, typed: str, message: str, *lines_after: int) -> tuple[str, str, str]:
    """A typed mistake; each ``{}`` in ``message`` is a line of the template, given as how many lines it
    comes after the line where ``original`` starts (so the messages follow edits to the template)."""
    start = TEMPLATE[: TEMPLATE.index(original)].count("\n") + 1
    return original, typed, message.format(*(start + after for after in lines_after))


# The common ways a person typing into the template gets YAML wrong: (what they changed, what they
# typed instead, the message naming the line to change and showing the fix).
TYPED_MISTAKES = [
    mistake(
        "  email:\n  phone:\n  address:\n  booking_url:\n",
        '  phone: "902 555 0143"\nemail: hello@example.org\n',
        r"practice\.yml, line {}: email: this setting belongs under 'contact:'\. "
        r"Indent 'email' by two spaces under 'contact:', like 'phone' above it",
        1,
    ),
    mistake(
        "  phone:\n",
        '\tphone: "902 555 0143"\n',
        r"practice\.yml, line {}: this line has a tab character\. Settings are indented with spaces only",
        0,
    ),
    mistake(
        "crisis_lines:\n#  - name: Samaritans\n",
        "crisis_lines: []\n  - name: Samaritans\n",
        r"practice\.yml, line {}: 'crisis_lines: \[\]' says the list is empty, but list entries follow on line {}\. "
        r"Remove the \[\] so that the line reads 'crisis_lines:'",
        0,
        1,
    ),
    mistake(
        "  address:\n",
        "  address: Suite 3: 12 Mill Lane\n",
        r"practice\.yml, line {}: the value of 'address' contains ': ', .* "
        r"Put the whole value in quotes: address: \"Suite 3: 12 Mill Lane\"",
        0,
    ),
    mistake(
        "  address:\n",
        "  address: 1234 Barrington Street #300, Halifax, NS\n",
        r"practice\.yml, line {}: 'address' was cut short at the # .* it would be '1234 Barrington Street'\. "
        r"If the # is part of it, put the whole value in quotes: address: \"1234 Barrington Street #300, Halifax, NS\"",
        0,
    ),
    mistake(
        '  primary: "#1d5c57"\n',
        "  primary: #0b3d5c\n",
        r"practice\.yml, line {}: 'primary' is empty: a value that starts with # is read as a note\. "
        r"Put it in quotes: primary: \"#0b3d5c\"",
        0,
    ),
    mistake(
        "  phone:\n",
        "  phone: +19025550143\n",
        r"practice\.yml, line {}: contact\.phone: \+19025550143 must be text: put it in quotes, "
        r"for example phone: \"\+19025550143\"",
        0,
    ),
    mistake(
        "  email:\n",
        "  email: mailto:hello@example.org\n",
        r"practice\.yml, line {}: contact\.email: write the address alone, without 'mailto:'",
        0,
    ),
    mistake(
        "region:\n",
        "region: 'O'Brien Street'\n",
        r"practice\.yml, line {}: a quoted value ends too early .* put it in double quotes instead: "
        r"region: \"O'Brien Street\"",
        0,
    ),
    mistake(
        "  phone:\n",
        '  phone: "902 555 0143"\n    address: 1 Main Street\n',
        r"practice\.yml, line {}: .*indented",
        1,
    ),
    mistake(
        "crisis_lines:\n#  - name: Samaritans\n",
        'crisis_lines:\n  - name: Samaritans\n  phone: "116 123"\n',
        r"practice\.yml, line {}: 'phone' is not lined up with the settings of the list entry above it",
        2,
    ),
]


@pytest.mark.parametrize(
    ("original", "typed", "message"), TYPED_MISTAKES, ids=[typed.strip()[:40] for _, typed, _ in TYPED_MISTAKES]
)
def test_a_typed_mistake_fails_a_real_build_naming_the_line_and_the_fix(
    tmp_path: Path, original: str, typed: str, message: str
) -> None:
    assert original in TEMPLATE
    _build_fails_with(tmp_path, TEMPLATE.replace(original, typed, 1), message)


def _uncommented_examples(text: str) -> list[str]:
    """The template with each block of commented-out settings uncommented as it stands (one block at a time)."""
    lines = text.split("\n")
    blocks, start = [], None
    for index, line in enumerate([*lines, ""]):
        if line.startswith("#  "):
            start = index if start is None else start
        elif start is not None:
            blocks.append((start, index))
            start = None
    return ["\n".join(lines[:a] + [line[1:] for line in lines[a:b]] + lines[b:]) for a, b in blocks]


def test_the_templates_commented_examples_are_valid_when_uncommented(tmp_path: Path) -> None:
    examples = _uncommented_examples(TEMPLATE)
    assert examples, "the template has a commented example"
    for text in examples:
        path = tmp_path / "practice.yml"
        path.write_text(text, encoding="utf-8")
        practice = load_practice(path, DOCS)
        assert practice.crisis_lines or practice.team or practice.emergency_numbers != DEFAULT_EMERGENCY_NUMBERS


@pytest.mark.parametrize(
    ("written", "dialled"),
    [("+1 902 555 0143 ext. 2", "tel:+19025550143;ext=2"), ("902-555-0143 x 12", "tel:9025550143;ext=12")],
)
def test_a_phone_number_can_have_an_extension(written: str, dialled: str) -> None:
    assert parse_practice({"name": "P", "contact": {"phone": written}}, "practice.yml").contact.phone_uri == dialled


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


def _scheme_variables(css: str) -> dict[str, dict[str, str]]:
    """The stylesheet's custom properties, by selector."""
    blocks = re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL))
    return {selector.strip(): dict(re.findall(r"(--[\w-]+):\s*([^;]+);", body)) for selector, body in blocks}


BRAND_COLOURS = [
    *palette.PALETTE_NAMES.values(),
    "#1d5c57",
    "#6a2c91",
    "#fff3b0",  # pale yellow
    "#ffcc00",  # bright yellow
    "#f7c6d9",  # pale pink
    "#00ff7f",  # bright green
    "#ffffff",
    "#000000",
]


@pytest.mark.parametrize("colour", BRAND_COLOURS)
def test_any_brand_colour_gets_readable_text_in_light_and_dark(colour: str) -> None:
    variables = _scheme_variables(palette.stylesheet(palette.Colours(primary=colour, accent=colour)))
    light_primary = variables['[data-md-color-primary="custom"]']
    light_accent = variables['[data-md-color-accent="custom"]']
    dark_primary = variables['[data-md-color-scheme="slate"][data-md-color-primary="custom"]']
    dark_accent = variables['[data-md-color-scheme="slate"][data-md-color-accent="custom"]']
    # The header and buttons: the practice's own colour, unchanged, with white or near-black text on it.
    assert light_primary["--md-primary-fg-color"] == colour
    assert light_primary["--md-primary-bg-color"] in palette.TEXT_COLOURS
    assert palette.contrast(light_primary["--md-primary-bg-color"], colour) >= palette.AA_TEXT
    # Links and links you point at, on the page's background in each scheme; text on the accent.
    for link, background in (
        (light_primary["--md-typeset-a-color"], palette.WHITE),
        (light_accent["--md-accent-fg-color"], palette.WHITE),
        (dark_primary["--md-typeset-a-color"], palette.SLATE_BACKGROUND),
        (dark_accent["--md-accent-fg-color"], palette.SLATE_BACKGROUND),
    ):
        assert palette.contrast(link, background) >= palette.AA_TEXT, (link, background)
    for accents in (light_accent, dark_accent):
        assert palette.contrast(accents["--md-accent-bg-color"], accents["--md-accent-fg-color"]) >= palette.AA_TEXT


def _hue(colour: str) -> float:
    return colorsys.rgb_to_hls(*(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0]


def test_a_pale_colours_link_shade_keeps_its_hue() -> None:
    # Mixing with black turned a pale yellow into a muddy khaki; the link shade stays yellow.
    link = palette.readable_on("#fff3b0", palette.WHITE)
    assert palette.contrast(link, palette.WHITE) >= palette.AA_TEXT
    assert _hue(link) == pytest.approx(_hue("#fff3b0"), abs=0.01)
    assert colorsys.rgb_to_hls(*(int(link[i : i + 2], 16) / 255 for i in (1, 3, 5)))[2] > 0.9


@pytest.mark.parametrize("colour", ["#e0457b", "#e92063", "#ef5552", "#009485", "#777777", "#3c9d5d"])
def test_a_refused_colours_suggestion_passes_and_keeps_its_hue(colour: str) -> None:
    try:
        palette.check_contrast(colour)
    except palette.ColourError:
        suggestion = palette.nearest_carrying_text(colour)
        palette.check_contrast(suggestion)
        assert _hue(suggestion) == pytest.approx(_hue(colour), abs=0.01)
        message = re.escape(f"The nearest shade of the same colour that works is '{suggestion}'")
        with pytest.raises(palette.ColourError, match=message):
            palette.check_contrast(colour)
    else:
        assert max(palette.contrast(text, colour) for text in palette.TEXT_COLOURS) >= palette.AA_TEXT


def test_every_offered_palette_name_passes() -> None:
    for name, colour in palette.PALETTE_NAMES.items():
        palette.check_contrast(palette.parse_colour(name))
        assert palette.parse_colour(name) == colour


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert palette.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_hidden_audiences_leave_the_nav_and_the_pages() -> None:
    practice = load_practice(EXAMPLE, DOCS)
    nav = [{"Home": "index.md"}, {"The relationship": []}, {"For therapists": "for-therapists.md"}]
    titles = words.catalogue("en").section("sections")
    assert practice_pages.visible_nav(nav, practice, titles) == [{"Home": "index.md"}, {"The relationship": []}]
    assert practice_pages.hidden_pages(nav, practice, titles) == {"for-therapists.md"}
    markdown = "See [for therapists](../for-therapists.md#share) or [privacy](../privacy.md)."
    assert practice_pages.unlink_pages(markdown, "relationship/index.md", {"for-therapists.md"}) == (
        "See for therapists or [privacy](../privacy.md)."
    )
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
    with pytest.raises(PracticeConfigError, match=r"practice\.yml, line 4: 'domain' is set twice \(lines 2 and 4\)"):
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


def test_a_domain_gives_the_right_address_from_the_first_build(tmp_path: Path) -> None:
    # The deploy passes the github.io address until the domain is set in GitHub's settings.
    site = tmp_path / "with"
    with_domain = run_build(site, "https://harbour.github.io/therapy-guide/", EXAMPLE)
    assert with_domain.returncode == 0, with_domain.stderr
    address = "https://therapy.riverside-counselling.example/"
    assert (site / "CNAME").read_text() == "therapy.riverside-counselling.example\n"
    assert f'<link rel="canonical" href="{address}">' in (site / "index.html").read_text()
    assert f'<link rel="canonical" href="{address}privacy/">' in (site / "privacy" / "index.html").read_text()
    sitemap = (site / "sitemap.xml").read_text()
    assert f"<loc>{address}</loc>" in sitemap and "github.io" not in sitemap
    not_found = (site / "404.html").read_text()
    assert 'href="/assets/stylesheets/' in not_found and "therapy-guide" not in not_found


def test_without_a_domain_the_address_given_is_kept_and_no_cname_written(tmp_path: Path) -> None:
    site = tmp_path / "without"
    without = run_build(
        site, "https://harbour.github.io/therapy-guide/", write_settings(tmp_path, with_change("domain", ...))
    )
    assert without.returncode == 0, without.stderr
    assert not (site / "CNAME").exists()
    assert '<link rel="canonical" href="https://harbour.github.io/therapy-guide/">' in (site / "index.html").read_text()
    assert 'href="/therapy-guide/assets/stylesheets/' in (site / "404.html").read_text()


@pytest.mark.parametrize(
    ("site_url", "domain", "built_for"),
    [
        ("https://harbour.github.io/therapy-guide/", "therapy.example.org", "https://therapy.example.org/"),
        ("http://127.0.0.1:8000/", "therapy.example.org", "http://127.0.0.1:8000/"),
        ("http://localhost:8000/sub/", "therapy.example.org", "http://localhost:8000/sub/"),
        ("https://harbour.github.io/therapy-guide/", None, "https://harbour.github.io/therapy-guide/"),
    ],
)
def test_a_local_preview_keeps_its_address(site_url: str, domain: str | None, built_for: str) -> None:
    assert published_url(site_url, domain) == built_for


def test_a_language_without_its_configuration_fails_naming_the_file_to_add(tmp_path: Path) -> None:
    practice_file = write_settings(tmp_path, with_change("languages", ["en", "es", "fr"]))
    completed = run_build(tmp_path / "site", "http://127.0.0.1:8000/", practice_file)
    assert completed.returncode != 0
    # The language has no configuration yet: the message names the file to add and what goes in it.
    assert "practice.yml: languages: lists 'fr', but there is no " in completed.stderr
    assert "mkdocs.fr.yml to build it" in completed.stderr


def test_a_language_without_questionnaire_text_fails_naming_the_setting() -> None:
    with pytest.raises(BuildError, match=r"practice\.yml: languages: 'fr' has no text yet for the self-check"):
        forms.check_language("fr", "practice.yml")


# Languages: the site's list, and words given once or per language.

TWO_LANGUAGES = """\
name:
  en: Harbour Therapy
  es: Terapia Harbour
languages: [en, es]
crisis_lines:
  - name: 988 Lifeline
    phone: "988"
    hours: {en: Any time, es: A cualquier hora}
    description:
      en: Someone to talk to.
"""


def test_words_are_taken_in_the_language_being_built(tmp_path: Path) -> None:
    path = tmp_path / "practice.yml"
    path.write_text(TWO_LANGUAGES.replace("      en: Someone to talk to.\n", "      en: Talk.\n      es: Hable.\n"))
    english, spanish = load_practice(path, language="en"), load_practice(path, language="es")
    assert english.languages == spanish.languages == ("en", "es")
    assert (english.name, spanish.name) == ("Harbour Therapy", "Terapia Harbour")
    assert (english.crisis_lines[0].hours, spanish.crisis_lines[0].hours) == ("Any time", "A cualquier hora")
    assert (english.crisis_lines[0].description, spanish.crisis_lines[0].description) == ("Talk.", "Hable.")
    # A setting given once serves every language.
    assert english.crisis_lines[0].name == spanish.crisis_lines[0].name == "988 Lifeline"
    # Without a language, the first one's words.
    assert load_practice(path).language == "en"


def test_a_missing_translation_names_the_file_the_setting_and_the_language(tmp_path: Path) -> None:
    path = tmp_path / "practice.yml"
    path.write_text(TWO_LANGUAGES)
    assert load_practice(path, language="en").crisis_lines[0].description == "Someone to talk to."
    with pytest.raises(
        PracticeConfigError,
        match=r"practice\.yml, line 9: crisis_lines\[0\]\.description: has no text in 'es', one of the site's "
        r"languages \(en, es\): add 'es: …' under it, or give one text for every language",
    ):
        load_practice(path, language="es")


def test_a_translation_into_a_language_the_site_does_not_have_is_named(tmp_path: Path) -> None:
    path = tmp_path / "practice.yml"
    path.write_text(TWO_LANGUAGES.replace("es: Terapia Harbour", "fr: Thérapie Harbour"))
    with pytest.raises(PracticeConfigError, match=r"practice\.yml, line 3: name\.fr: 'fr' is not one of the site's"):
        load_practice(path, language="en")


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"name": "P", "languages": ["en", "en"]}, r"languages: lists en more than once"),
        ({"name": "P", "languages": ["English"]}, r"languages: 'English' is not a language code"),
        ({"name": "P", "language": "en", "languages": ["en"]}, r"language: give either languages: .* not both"),
    ],
)
def test_the_languages_setting_is_checked(settings: dict, message: str) -> None:
    with pytest.raises(PracticeConfigError, match=message):
        parse_practice(settings, "practice.yml")


def test_building_a_language_the_practice_does_not_list_is_refused() -> None:
    with pytest.raises(PracticeConfigError, match=r"being built in 'es', which is not one of its languages \(en\)"):
        parse_practice({"name": "P", "languages": ["en"]}, "practice.yml", language="es")


def test_the_older_language_setting_means_one_language() -> None:
    assert parse_practice({"name": "P", "language": "es"}, "practice.yml").languages == ("es",)
    assert parse_practice({"name": "P"}, "practice.yml").languages == ("en",)
