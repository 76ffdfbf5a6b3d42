"""The practice's colours: parsed, checked for WCAG AA contrast, turned into CSS.

Colours may be given as hex (``#1d5c57``) or as a theme palette name
(``indigo``). Any brand colour can be used: each colour is the background of
the header or of buttons, and the text on it is white or near-black, whichever
reads better. A colour is refused only when neither reaches WCAG AA (4.5:1),
and then the message suggests the nearest shade of the same hue that does.

Where a colour is used as text on the page (links, and links you point at), a
shade of the same hue is derived that reaches AA on the page's background, in
the light and in the dark scheme: a pale yellow stays yellow in the header and
becomes a deep yellow-brown for links, not a muddy grey.
"""

import colorsys
import re
from dataclasses import dataclass

WHITE = "#ffffff"
# The dark text used on pale colours: near-black rather than pure black, softer to read.
NEAR_BLACK = "#1a1a1a"
TEXT_COLOURS = (WHITE, NEAR_BLACK)
# The theme's dark ("slate") background: hsl(232, 15%, 14%).
SLATE_BACKGROUND = "#1e2029"
AA_TEXT = 4.5
# Derived shades aim a little above AA, as browsers blend and round colours.
DERIVED_TARGET = 5.0

# The theme's palette names and their primary shades (mkdocs-material 9.8). Pink's own
# shade (#e92063) reaches 4.3:1 with white and 4.0:1 with near-black, so the name means
# the nearest shade of the same pink that carries white text at AA (every offered name passes).
PALETTE_NAMES = {
    "red": "#ef5552",
    "pink": "#e6175c",
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


def text_colour(background: str) -> str:
    """White or near-black: whichever reads better on ``background``."""
    return max(TEXT_COLOURS, key=lambda text: contrast(text, background))


def _hls(colour: str) -> tuple[float, float, float]:
    return colorsys.rgb_to_hls(*(c / 255 for c in _channels(colour)))


def _from_hls(hue: float, lightness: float, saturation: float) -> str:
    return _hex(tuple(c * 255 for c in colorsys.hls_to_rgb(hue, lightness, saturation)))


def _shades(colour: str, direction: int) -> list[str]:
    """Shades of ``colour``'s hue and saturation, one lightness step (0.5%) at a time darker (-1) or lighter (+1)."""
    hue, lightness, saturation = _hls(colour)
    steps = round((lightness if direction < 0 else 1 - lightness) * 200)
    return [_from_hls(hue, lightness + direction * step / 200, saturation) for step in range(1, steps + 1)]


def readable_on(colour: str, background: str, ratio: float = DERIVED_TARGET) -> str:
    """``colour`` itself if it reaches ``ratio`` on ``background``, else the nearest shade of its hue that does."""
    if contrast(colour, background) >= ratio:
        return colour
    # Text on a light background is made darker; on a dark background, lighter.
    direction = -1 if text_colour(background) == NEAR_BLACK else 1
    return next((shade for shade in _shades(colour, direction) if contrast(shade, background) >= ratio), NEAR_BLACK)


def _carries_text(colour: str) -> bool:
    return contrast(text_colour(colour), colour) >= AA_TEXT


def nearest_carrying_text(colour: str) -> str:
    """The nearest shade of ``colour``'s hue (darker or lighter) on which white or near-black text reaches AA."""
    darker = next((shade for shade in _shades(colour, -1) if _carries_text(shade)), None)
    lighter = next((shade for shade in _shades(colour, +1) if _carries_text(shade)), None)
    candidates = [shade for shade in (darker, lighter) if shade]
    return min(candidates, key=lambda shade: abs(_hls(shade)[1] - _hls(colour)[1]))


# What each colour is the background of, for the message when no text reads well on it.
ROLES = {
    "primary": "the header and the main buttons",
    "accent": "buttons you point at",
}


def check_contrast(colour: str, role: str = "primary") -> None:
    """Fail, suggesting the nearest passing shade of the same hue, when neither text colour reaches AA on ``colour``."""
    if _carries_text(colour):
        return
    suggestion = nearest_carrying_text(colour)
    raise ColourError(
        f"'{colour}' has a contrast of {contrast(WHITE, colour):.1f}:1 with white text and "
        f"{contrast(NEAR_BLACK, colour):.1f}:1 with near-black text; WCAG AA needs {AA_TEXT}:1 for the text on "
        f"{ROLES.get(role, 'it')}. The nearest shade of the same colour that works is '{suggestion}' "
        f"({'white' if text_colour(suggestion) == WHITE else 'near-black'} text): use it, or a shade further "
        "from the middle"
    )


@dataclass(frozen=True)
class Scheme:
    """The colours of one scheme (light or dark), each text colour checked against its background."""

    primary: str
    on_primary: str
    link: str
    accent: str
    on_accent: str


def scheme(colours: Colours, page_background: str) -> Scheme:
    accent = readable_on(colours.accent, page_background)
    return Scheme(
        primary=colours.primary,
        on_primary=text_colour(colours.primary),
        link=readable_on(colours.primary, page_background),
        accent=accent,
        on_accent=text_colour(accent),
    )


def stylesheet(colours: Colours) -> str:
    """CSS for the theme's ``custom`` palette slots, light and dark."""
    light, dark = scheme(colours, WHITE), scheme(colours, SLATE_BACKGROUND)
    primary = colours.primary
    return (
        "/* Generated from practice.yml at build time: the practice's colours. */\n"
        '[data-md-color-primary="custom"] {\n'
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--light: {mix(primary, WHITE, 0.15)};\n"
        f"  --md-primary-fg-color--dark: {mix(primary, '#000000', 0.25)};\n"
        f"  --md-primary-bg-color: {light.on_primary};\n"
        f"  --md-primary-bg-color--light: {light.on_primary}b3;\n"
        f"  --md-typeset-a-color: {light.link};\n"
        "}\n"
        '[data-md-color-accent="custom"] {\n'
        f"  --md-accent-fg-color: {light.accent};\n"
        f"  --md-accent-fg-color--transparent: {light.accent}1a;\n"
        f"  --md-accent-bg-color: {light.on_accent};\n"
        f"  --md-accent-bg-color--light: {light.on_accent}b3;\n"
        "}\n"
        '[data-md-color-scheme="slate"][data-md-color-primary="custom"] {\n'
        f"  --md-typeset-a-color: {dark.link};\n"
        "}\n"
        '[data-md-color-scheme="slate"][data-md-color-accent="custom"] {\n'
        f"  --md-accent-fg-color: {dark.accent};\n"
        f"  --md-accent-fg-color--transparent: {dark.accent}1a;\n"
        f"  --md-accent-bg-color: {dark.on_accent};\n"
        f"  --md-accent-bg-color--light: {dark.on_accent}b3;\n"
        "}\n"
    )
