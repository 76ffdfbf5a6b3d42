"""Link-preview images ("social cards"): one 1200 by 630 PNG per page, drawn at build time.

A card shows the page's title, the practice's name and its web address on the
practice's colours. Pillow draws it with Source Sans Pro from the PyPI package
``font-source-sans-pro`` (SIL Open Font License), pinned in requirements.txt, so
the build needs no network and no system font.

Cards are cached by content in ``build/social-cards/``: the file name is a hash
of everything that shapes the image (the card's text and colours, this module,
the font and Pillow's version), so a rebuild with no change copies the cached
files instead of drawing them again, and any change draws a new one.
"""

import hashlib
import importlib.util
import io
import json
import os
import tempfile
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

from sitebuild import PROJECT_ROOT, BuildError, palette

WIDTH, HEIGHT = 1200, 630
MAX_BYTES = 200_000
CACHE_DIR = PROJECT_ROOT / "build" / "social-cards"
MAX_CACHED = 500  # cards (about 20 KB each) kept in the cache
SITE_FOLDER = "assets/social"

FONT_PACKAGE = "font_source_sans_pro"
FONT_DISTRIBUTION = "font-source-sans-pro"
FONT_FILES = {"bold": "SourceSansPro-Bold.ttf", "semibold": "SourceSansPro-Semibold.ttf"}

# Layout, in pixels.
MARGIN = 80
BAND = 24  # the accent colour's band along the left edge
TITLE_TOP = 96
TITLE_SIZES = range(92, 47, -4)  # the largest size at which the title fits is used
TITLE_MAX_LINES = 4
LINE_SPACING = 1.12
NAME_SIZE = 44
ADDRESS_SIZE = 32
DARK_INK = "#111111"
# Antialiased text on a flat colour needs few shades between background and ink.
SHADES = 32


class CardFontError(BuildError):
    """The card font is not installed."""


@dataclass(frozen=True)
class Card:
    """Everything a card shows."""

    title: str
    practice_name: str
    address: str  # the site's address in short form, such as therapy.example.org
    background: str  # "#rrggbb"
    accent: str


@dataclass
class CardStats:
    drawn: int = 0
    reused: int = 0
    seconds: float = 0.0


def site_path(page_url: str) -> str:
    """Where a page's card goes in the site: ``handouts/motivation/`` -> ``assets/social/handouts/motivation.png``."""
    stem = page_url.strip("/").removesuffix(".html") or "index"
    return f"{SITE_FOLDER}/{stem}.png"


def font_file(style: str) -> Path:
    """The card font's file, or a build error saying how to install it."""
    spec = importlib.util.find_spec(FONT_PACKAGE)
    folders = list(spec.submodule_search_locations or []) if spec else []
    path = Path(folders[0]) / "files" / FONT_FILES[style] if folders else None
    if path is None or not path.is_file():
        raise CardFontError(
            f"Link-preview cards need the font package {FONT_DISTRIBUTION} (Source Sans Pro), which is not "
            f"installed in this Python. Install the build's requirements: `make deps`, or "
            f"`pip install -r requirements.txt`."
        )
    return path


@cache
def _font(style: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_file(style)), size)


@cache
def _design_digest() -> str:
    """What shapes every card apart from its text: this module, the fonts and Pillow."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for style in sorted(FONT_FILES):
        digest.update(font_file(style).read_bytes())
    digest.update(PIL.__version__.encode())
    return digest.hexdigest()


def cache_key(card: Card) -> str:
    text = json.dumps(asdict(card), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{_design_digest()}\n{text}".encode()).hexdigest()[:32]


def ink_for(background: str) -> str:
    """White or near-black, whichever reads better on ``background``."""
    on_white = palette.contrast(background, palette.WHITE)
    return palette.WHITE if on_white >= palette.contrast(background, DARK_INK) else DARK_INK


def draw(card: Card) -> bytes:
    """The card as PNG bytes.

    The words are drawn once as coverage (0 to 255) and mapped to shades
    between the background and the ink: a small palette image, made without
    the cost of quantizing a full-colour one.
    """
    coverage = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(coverage)
    left = BAND + MARGIN
    width = WIDTH - left - MARGIN
    footer_top = HEIGHT - MARGIN - ADDRESS_SIZE - 16 - NAME_SIZE
    font, lines = _fit_title(card.title, width, footer_top - 40 - TITLE_TOP)
    y = TITLE_TOP
    for line in lines:
        pen.text((left, y), line, font=font, fill=255)
        y += round(font.size * LINE_SPACING)
    pen.rectangle((left, footer_top - 28, left + 120, footer_top - 22), fill=255)
    name_font = _font("semibold", NAME_SIZE)
    pen.text((left, footer_top), _ellipsized(card.practice_name, name_font, width), font=name_font, fill=255)
    address_font = _font("semibold", ADDRESS_SIZE)
    address = _ellipsized(card.address, address_font, width)
    pen.text((left, footer_top + NAME_SIZE + 16), address, font=address_font, fill=255)

    shades = SHADES - 1
    image = coverage.point(lambda value: round(value * shades / 255))
    image = image.convert("P")
    ink = ink_for(card.background)
    palette = [palette_rgb(_mixed(card.background, ink, level / shades)) for level in range(SHADES)]
    palette.append(palette_rgb(card.accent))
    image.putpalette([channel for colour in palette for channel in colour])
    ImageDraw.Draw(image).rectangle((0, 0, BAND - 1, HEIGHT), fill=SHADES)  # the accent band
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def palette_rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _mixed(background: str, ink: str, amount: float) -> str:
    return palette.mix(background, ink, amount)


def _fit_title(title: str, width: int, height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest font size at which the title fits the box, and its lines; cut with … if it never does."""
    for size in TITLE_SIZES:
        font = _font("bold", size)
        lines = _wrapped(title, font, width)
        if len(lines) <= TITLE_MAX_LINES and len(lines) * size * LINE_SPACING <= height:
            return font, lines
    lines = _wrapped(title, font, width)[:TITLE_MAX_LINES]
    lines[-1] = _ellipsized(lines[-1] + " …", font, width)
    return font, lines


def _wrapped(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.extend(_broken(word, font, width))
    return lines or [""]


def _broken(word: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """A word too long for one line, broken into pieces that fit."""
    pieces = [""]
    for char in word:
        if pieces[-1] and font.getlength(pieces[-1] + char) > width:
            pieces.append("")
        pieces[-1] += char
    return pieces


def _ellipsized(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    if font.getlength(text) <= width:
        return text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def card_png(card: Card, cache_dir: Path = CACHE_DIR) -> tuple[bytes, bool]:
    """The card's PNG and whether it was drawn now (False: it came from the cache)."""
    cached = cache_dir / f"{cache_key(card)}.png"
    try:
        png = cached.read_bytes()
        os.utime(cached)  # recently used: kept when the cache is pruned
        return png, False
    except FileNotFoundError:
        pass  # not drawn yet, or pruned meanwhile by another build
    png = draw(card)
    if len(png) > MAX_BYTES:
        raise BuildError(f"The link-preview card for '{card.title}' is {len(png)} bytes (limit {MAX_BYTES}).")
    _write_atomically(cached, png)
    return png, True


def _write_atomically(path: Path, data: bytes) -> None:
    """Write so that a build running at the same time never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
        handle.write(data)
    os.replace(handle.name, path)


def write_cards(site_dir: Path, cards: Mapping[str, Card], cache_dir: Path = CACHE_DIR) -> CardStats:
    """Write each card (site path -> card) into the site, drawing only those not cached."""
    stats = CardStats()
    started = time.perf_counter()
    for path, card in cards.items():
        png, drawn = card_png(card, cache_dir)
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png)
        if drawn:
            stats.drawn += 1
        else:
            stats.reused += 1
    prune(cache_dir)
    stats.seconds = time.perf_counter() - started
    return stats


def prune(cache_dir: Path, keep: int = MAX_CACHED) -> None:
    """Keep only the most recently used cards, so builds for many addresses (tests) do not fill the disk."""
    entries = sorted(cache_dir.glob("*.png"), key=_last_used, reverse=True)
    for entry in entries[keep:]:
        entry.unlink(missing_ok=True)


def _last_used(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0
