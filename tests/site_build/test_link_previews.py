"""Link previews: Open Graph and Twitter tags on every page, and their build-time cards."""

import html as html_lib
import io
import re
from pathlib import Path

import pytest
from PIL import Image

from sitebuild import social_card
from sitebuild.link_preview import short_address

REQUIRED_TAGS = [
    ("property", "og:type"),
    ("property", "og:site_name"),
    ("property", "og:title"),
    ("property", "og:description"),
    ("property", "og:url"),
    ("property", "og:locale"),
    ("property", "og:image"),
    ("property", "og:image:width"),
    ("property", "og:image:height"),
    ("property", "og:image:alt"),
    ("name", "twitter:card"),
    ("name", "twitter:title"),
    ("name", "twitter:description"),
    ("name", "twitter:image"),
]
ABSOLUTE = ("og:url", "og:image", "twitter:image")
META = re.compile(r'<meta (property|name)="([^"]+)" content="([^"]*)"')


def meta_tags(page: Path) -> dict[tuple[str, str], str]:
    text = page.read_text(encoding="utf-8")
    return {(kind, key): html_lib.unescape(value) for kind, key, value in META.findall(text)}


def content_pages(site: Path) -> list[Path]:
    pages = sorted(p for p in site.rglob("index.html") if p.relative_to(site).parts[0] != "assets")
    assert len(pages) > 20
    return pages


def test_every_page_has_complete_absolute_link_preview_tags(built_site: Path, site_url: str) -> None:
    for page in content_pages(built_site):
        tags = meta_tags(page)
        missing = [key for key in REQUIRED_TAGS if not tags.get(key)]
        assert missing == [], f"{page}: missing {missing}"
        for key in ABSOLUTE:
            value = tags.get(("property", key)) or tags.get(("name", key))
            assert value.startswith(site_url), f"{page}: {key} = {value}"
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page.read_text(encoding="utf-8"))
        assert canonical and tags[("property", "og:url")] == canonical[1], page
        expected_url = site_url + page.parent.relative_to(built_site).as_posix() + "/"
        assert tags[("property", "og:url")] == expected_url.replace("/./", "/"), page
        assert tags[("name", "twitter:card")] == "summary_large_image"
        assert tags[("property", "og:locale")] == ("es" if page.relative_to(built_site).parts[0] == "es" else "en")
        # Same words as the search engines' description: no program values.
        description = tags[("property", "og:description")]
        assert description == tags[("name", "twitter:description")]
        assert not re.search(r"\b(None|null|undefined|NaN)\b|\{\w+\}", description), page


def test_every_card_exists_is_a_small_1200_by_630_png_and_follows_the_title(built_site: Path, site_url: str) -> None:
    cards: dict[str, bytes] = {}
    for page in content_pages(built_site):
        tags = meta_tags(page)
        image_url = tags[("property", "og:image")]
        card = built_site / image_url.removeprefix(site_url)
        assert card.is_file(), f"{page}: {image_url}"
        data = card.read_bytes()
        assert len(data) < 200_000, card
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "PNG"
            assert image.size == (1200, 630)
        assert (tags[("property", "og:image:width")], tags[("property", "og:image:height")]) == ("1200", "630")
        cards[tags[("property", "og:title")]] = data
    # Pages with different titles get different cards.
    titles = list(cards)
    assert len({cards[title] for title in titles}) == len(titles)


CARD = social_card.Card(
    title="Trust and safety",
    practice_name="Riverside Counselling Collective",
    address="therapy.riverside-counselling.example",
    background="#4051b5",
    accent="#8a2b5c",
)


def test_a_card_changes_when_the_title_changes() -> None:
    retitled = social_card.Card(**{**CARD.__dict__, "title": "Trust and safety in therapy"})
    assert social_card.draw(CARD) != social_card.draw(retitled)
    assert social_card.cache_key(CARD) != social_card.cache_key(retitled)
    assert social_card.cache_key(CARD) == social_card.cache_key(social_card.Card(**CARD.__dict__))


def test_a_rebuild_reuses_cached_cards_and_draws_changed_ones(tmp_path: Path) -> None:
    site = tmp_path / "site"
    cards = {"assets/social/a.png": CARD}
    first = social_card.write_cards(site, cards, tmp_path / "cache")
    again = social_card.write_cards(site, cards, tmp_path / "cache")
    assert (first.drawn, first.reused) == (1, 0)
    assert (again.drawn, again.reused) == (0, 1)
    changed = {"assets/social/a.png": social_card.Card(**{**CARD.__dict__, "practice_name": "Harbour Therapy"})}
    assert social_card.write_cards(site, changed, tmp_path / "cache").drawn == 1


@pytest.mark.parametrize(
    "title",
    [
        "A",
        "When things feel off: strains and repair in the relationship with your therapist, and what you can do next "
        "about them, step by step, together",
        "Pneumonoultramicroscopicsilicovolcanoconiosisandotherverylongwordswithoutanyspacesatall",
    ],
)
@pytest.mark.parametrize("background", ["#4051b5", "#ffec3d", "#000000", "#ffffff"])
def test_any_title_and_colour_makes_a_valid_card(title: str, background: str) -> None:
    card = social_card.Card(**{**CARD.__dict__, "title": title, "background": background})
    data = social_card.draw(card)
    assert len(data) < social_card.MAX_BYTES
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (social_card.WIDTH, social_card.HEIGHT)
        # The text is drawn in the colour that reads better on the background.
        ink = social_card.ink_for(background)
        colours = {f"#{r:02x}{g:02x}{b:02x}" for _, (r, g, b) in image.convert("RGB").getcolors(1 << 16)}
        assert ink in colours


def test_a_missing_font_stops_the_build_and_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(social_card, "FONT_PACKAGE", "no_such_font_package")
    with pytest.raises(social_card.CardFontError, match=r"font-source-sans-pro.*make deps"):
        social_card.font_file("bold")


def test_short_address_is_written_as_on_paper() -> None:
    assert short_address("https://therapy.example.org/") == "therapy.example.org"
    assert short_address("http://127.0.0.1:8000/practice-site/handouts/motivation/") == (
        "127.0.0.1:8000/practice-site/handouts/motivation"
    )


def test_the_cache_keeps_only_the_most_recently_used_cards(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cards = {f"assets/social/{n}.png": social_card.Card(**{**CARD.__dict__, "title": f"Page {n}"}) for n in range(3)}
    social_card.write_cards(tmp_path / "site", cards, cache)
    assert len(list(cache.glob("*.png"))) == 3
    social_card.prune(cache, keep=2)
    assert len(list(cache.glob("*.png"))) == 2
    # A pruned card is simply drawn again.
    assert social_card.write_cards(tmp_path / "site", cards, cache).drawn == 1
