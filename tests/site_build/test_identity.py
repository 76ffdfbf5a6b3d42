"""The practice's identity: its icons (made at build, no network), short name, and description on every page."""

import io
from pathlib import Path

import pytest
from PIL import Image

from sitebuild import identity, palette, practice_pages
from sitebuild.practice import parse_practice


@pytest.mark.parametrize(
    ("name", "letters"),
    [
        ("Riverside Counselling Collective", "RC"),
        ("The Harbour Centre for Therapy", "HC"),
        ("Smith & O'Brien", "SO"),
        ("Ålesund terapi", "ÅT"),
        ("Solo", "S"),
    ],
)
def test_a_monogram_stands_for_the_practice(name: str, letters: str) -> None:
    assert identity.initials(name) == letters


@pytest.mark.parametrize("primary", ["#4051b5", "#fff3b0"])
def test_without_a_logo_the_icons_are_a_monogram_in_the_practices_colours(primary: str) -> None:
    practice = parse_practice({"name": "Harbour Therapy", "colours": {"primary": primary}}, "practice.yml")
    files = identity.icons(practice, Path("docs"))
    assert identity.favicon_path(practice) == identity.FAVICON
    svg = files[identity.FAVICON].decode()
    text_colour = palette.text_colour(primary)
    assert f'fill="{primary}"' in svg and f'fill="{text_colour}"' in svg and ">HT</text>" in svg
    with Image.open(io.BytesIO(files[identity.TOUCH_ICON])) as png:
        assert png.size == (identity.TOUCH_SIZE, identity.TOUCH_SIZE)
        rgb = png.convert("RGB")
        assert rgb.getpixel((2, 2)) == tuple(int(primary[i : i + 2], 16) for i in (1, 3, 5))
        colours = {colour for _, colour in rgb.getcolors(maxcolors=100_000)}
        assert tuple(int(text_colour[i : i + 2], 16) for i in (1, 3, 5)) in colours  # the letters


def test_a_raster_logo_becomes_the_icons(tmp_path: Path) -> None:
    Image.new("RGB", (300, 120), "#cc3300").save(tmp_path / "logo.png")
    practice = parse_practice({"name": "Harbour Therapy", "logo": "logo.png"}, "practice.yml", tmp_path)
    files = identity.icons(practice, tmp_path)
    assert identity.favicon_path(practice) == identity.FAVICON_PNG and set(files) == {
        identity.FAVICON_PNG,
        identity.TOUCH_ICON,
    }
    with Image.open(io.BytesIO(files[identity.TOUCH_ICON])) as png:
        assert png.size == (180, 180)
        assert png.convert("RGB").getpixel((90, 90)) == (0xCC, 0x33, 0x00)  # the logo, centred
        assert png.convert("RGB").getpixel((1, 1)) == (255, 255, 255)  # on a margin


def test_an_svg_logo_is_the_favicon(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    practice = parse_practice({"name": "Harbour Therapy", "logo": "logo.svg"}, "practice.yml", tmp_path)
    assert identity.icons(practice, tmp_path)[identity.FAVICON] == (tmp_path / "logo.svg").read_bytes()


def test_every_pages_description_names_the_practice() -> None:
    practice = parse_practice({"name": "Harbour Therapy", "region": "Halifax, NS"}, "practice.yml")
    assert practice_pages.page_description("About privacy.", practice) == (
        "About privacy. From Harbour Therapy, Halifax, NS."
    )
    assert practice_pages.page_description("Harbour Therapy's guide.", practice) == "Harbour Therapy's guide."
    assert "Harbour Therapy" in practice_pages.page_description(None, practice)


def test_the_short_name_is_the_name_unless_given() -> None:
    assert parse_practice({"name": "Harbour Therapy"}, "p.yml").short_name == "Harbour Therapy"
    given = parse_practice({"name": "Harbour Therapy Centre of Halifax", "short_name": "Harbour"}, "p.yml")
    assert given.short_name == "Harbour"
