"""The practice's colours: parsed, checked for WCAG AA contrast, turned into CSS.

Colours may be given as hex (``#1d5c57``) or as a theme palette name
(``indigo``). The primary colour carries white header and button text and is
the link colour on light pages, so it needs 4.5:1 against white; the accent
colour (hover, focus) likewise. For the dark palette, lighter shades of both
are derived until they reach 4.5:1 against the dark background.
"""

import re
from dataclasses import dataclass

WHITE = "#ffffff"
# The theme's dark ("slate") background: hsl(232, 15%, 14%).
SLATE_BACKGROUND = "#1e2029"
AA_TEXT = 4.5
# Derived shades aim a little above AA, as browsers blend and round colours.
DERIVED_TARGET = 5.0

# The theme's palette names and their primary shades (mkdocs-material 9.8).
PALETTE_NAMES = {
    "red": "#ef5552",
    "pink": "#e92063",
    "purple": "#ab47bd",
    "deep-purple": "#7e56c2",
    "indigo": "#4051b5",
    "blue": "#2094f3",
    "light-blue": "#02a6f2",
    "cyan": "#00bdd6",
    "teal": "#009485",
    "green": "#4cae4f",
    "light-green": "#8bc34b",
    "lime": "#cbdc38",
    "yellow": "#ffec3d",
    "amber": "#ffc105",
    "orange": "#ffa724",
    "deep-orange": "#ff6e42",
    "brown": "#795649",
    "grey": "#757575",
    "blue-grey": "#546d78",
}

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


class ColourError(ValueError):
    """A colour that is not a colour, or that fails contrast; the message says what to do."""


@dataclass(frozen=True)
class Colours:
    primary: str
    accent: str


def parse_colour(value: object) -> str:
    """A colour as lower-case ``#rrggbb`` from hex or a palette name."""
    if not isinstance(value, str):
        raise ColourError(f"{value!r} is not a colour: use hex such as '#1d5c57' or a palette name such as 'indigo'")
    text = value.strip().lower()
    if text in PALETTE_NAMES:
        return PALETTE_NAMES[text]
    if not _HEX.match(text):
        names = ", ".join(PALETTE_NAMES)
        raise ColourError(f"'{value}' is not a colour: use hex such as '#1d5c57' or one of: {names}")
    if len(text) == 4:
        text = "#" + "".join(c * 2 for c in text[1:])
    return text


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _hex(channels: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in channels)


def luminance(colour: str) -> float:
    """WCAG relative luminance."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(colour: str, toward: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0 to 1) of the way toward ``toward``."""
    return _hex(tuple(c + (t - c) * amount for c, t in zip(_channels(colour), _channels(toward), strict=True)))


def shade_with_contrast(colour: str, background: str, toward: str, ratio: float = AA_TEXT) -> str:
    """The nearest shade of ``colour`` (moving toward ``toward``) with ``ratio`` against ``background``."""
    for step in range(101):
        candidate = mix(colour, toward, step / 100)
        if contrast(candidate, background) >= ratio:
            return candidate
    return toward


def check_contrast(colour: str) -> None:
    """Fail with a suggestion when white text on ``colour`` (or ``colour`` on white) is below AA."""
    ratio = contrast(colour, WHITE)
    if ratio < AA_TEXT:
        suggestion = shade_with_contrast(colour, WHITE, "#000000")
        raise ColourError(
            f"'{colour}' has a contrast of {ratio:.1f}:1 with white, and WCAG AA needs {AA_TEXT}:1 "
            f"(it is used for white header text and for links on white pages). "
            f"Choose a darker colour, for example '{suggestion}'"
        )


def stylesheet(colours: Colours) -> str:
    """CSS for the theme's ``custom`` palette slots, light and dark."""
    primary, accent = colours.primary, colours.accent
    dark_link = shade_with_contrast(primary, SLATE_BACKGROUND, WHITE, DERIVED_TARGET)
    dark_accent = shade_with_contrast(accent, SLATE_BACKGROUND, WHITE, DERIVED_TARGET)
    return (
        "/* Generated from practice.yml at build time: the practice's colours. */\n"
        '[data-md-color-primary="custom"] {\n'
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--light: {mix(primary, WHITE, 0.15)};\n"
        f"  --md-primary-fg-color--dark: {mix(primary, '#000000', 0.25)};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        "  --md-primary-bg-color--light: #ffffffb3;\n"
        "}\n"
        '[data-md-color-accent="custom"] {\n'
        f"  --md-accent-fg-color: {accent};\n"
        f"  --md-accent-fg-color--transparent: {accent}1a;\n"
        "  --md-accent-bg-color: #ffffff;\n"
        "  --md-accent-bg-color--light: #ffffffb3;\n"
        "}\n"
        '[data-md-color-scheme="slate"][data-md-color-primary="custom"] {\n'
        f"  --md-typeset-a-color: {dark_link};\n"
        "}\n"
        '[data-md-color-scheme="slate"][data-md-color-accent="custom"] {\n'
        f"  --md-accent-fg-color: {dark_accent};\n"
        f"  --md-accent-fg-color--transparent: {dark_accent}1a;\n"
        "}\n"
    )
