"""The practice's own browser icon and home-screen icon, made at build time with no network.

From the practice's logo when it has one; otherwise a monogram (its initials)
in its primary colour, with the text colour the palette chose for it. The
favicon is SVG (sharp at every size); the touch icon is a 180 px PNG, the
size phones use for a home-screen shortcut. Pillow draws the PNG with its own
bundled font, so the build needs no system fonts either.
"""

import html
import io
import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from sitebuild import palette
from sitebuild.practice import Practice

FAVICON = "assets/images/practice-icon.svg"
FAVICON_PNG = "assets/images/practice-icon.png"
TOUCH_ICON = "assets/images/practice-touch-icon.png"
TOUCH_SIZE = 180
# Words a monogram skips: "The Harbour Centre for Therapy" is HC.
_SMALL_WORDS = {"the", "and", "of", "for", "a", "an", "&", "de", "la", "le", "el", "y", "et", "und"}


def initials(name: str) -> str:
    """One or two letters that stand for the practice."""
    words = [word for word in re.findall(r"[^\W_]+", name) if word.lower() not in _SMALL_WORDS]
    letters = "".join(word[0] for word in words[:2]).upper()
    return letters or name.strip()[:1].upper() or "?"


def monogram_svg(practice: Practice) -> str:
    background = practice.colours.primary
    text = palette.text_colour(background)
    letters = html.escape(initials(practice.name))
    size = 40 if len(letters) == 1 else 30
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" rx="14" fill="{background}"/>'
        f'<text x="32" y="32" dy=".35em" text-anchor="middle" fill="{text}" '
        f'font-family="system-ui, sans-serif" font-weight="700" font-size="{size}">{letters}</text>'
        "</svg>\n"
    )


def monogram_png(practice: Practice, size: int = TOUCH_SIZE) -> bytes:
    # Phones round the corners themselves: the touch icon is a full square.
    image = Image.new("RGB", (size, size), practice.colours.primary)
    draw = ImageDraw.Draw(image)
    letters = initials(practice.name)
    font = ImageFont.load_default(size=size * (0.55 if len(letters) == 1 else 0.42))
    draw.text((size / 2, size / 2), letters, fill=palette.text_colour(practice.colours.primary), font=font, anchor="mm")
    return _png(image)


def logo_png(logo: Path, practice: Practice, size: int = TOUCH_SIZE) -> bytes:
    """A raster logo, fitted with a margin onto a square of the page's background."""
    with Image.open(logo) as source:
        source = source.convert("RGBA")
        source.thumbnail((round(size * 0.8), round(size * 0.8)))
        square = Image.new("RGBA", (size, size), palette.WHITE)
        square.alpha_composite(source, ((size - source.width) // 2, (size - source.height) // 2))
    return _png(square.convert("RGB"))


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def favicon_path(practice: Practice) -> str:
    """Where the favicon is: SVG for a monogram or an SVG logo, PNG for a raster logo."""
    return FAVICON_PNG if practice.logo and not practice.logo.lower().endswith(".svg") else FAVICON


def icons(practice: Practice, docs_dir: Path) -> dict[str, bytes]:
    """The icon files to add to the site, by path: from the logo when there is one, else a monogram.

    An SVG logo is its own favicon; its touch icon is the monogram, as drawing SVG
    into a PNG would need a renderer the build does not have.
    """
    logo = docs_dir / practice.logo if practice.logo else None
    if logo is None:
        return {FAVICON: monogram_svg(practice).encode(), TOUCH_ICON: monogram_png(practice)}
    if logo.suffix.lower() == ".svg":
        return {FAVICON: logo.read_bytes(), TOUCH_ICON: monogram_png(practice)}
    return {FAVICON_PNG: logo_png(logo, practice, 64), TOUCH_ICON: logo_png(logo, practice)}
