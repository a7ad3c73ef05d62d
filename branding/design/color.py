"""Colour maths for the design engine: parsing, OKLCH, WCAG 2.x contrast, tonal scales and colour-vision simulation.

Every colour that leaves this module is a lowercase '#rrggbb' string in sRGB.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from coloraide import Color as BaseColor
from coloraide.spaces.hct import HCT
from coloraide.spaces.okhsv import Okhsv

from branding.models import ContrastLevel, ContrastUse

Rgb = tuple[int, int, int]
Oklch = tuple[float, float, float]
Deficiency = Literal['protanopia', 'deuteranopia', 'tritanopia']

# WCAG 2.x: SC 1.4.3 (4.5:1 body text, 3:1 large text), SC 1.4.6 (AAA: 7:1 body, 4.5:1 large), SC 1.4.11 (3:1 UI)
MINIMUM_RATIO: dict[ContrastUse, float] = {'body': 4.5, 'large': 3.0, 'ui': 3.0}
ENHANCED_RATIO: dict[ContrastUse, float] = {'body': 7.0, 'large': 4.5}

# Lands a moved colour a little above the threshold: other tools (browser devtools, coloraide) compute luminance with
# slightly different coefficients, and a kit that reads 4.49 in one of them looks broken.
CONTRAST_MARGIN = 0.02

# Median lightness and chroma (relative to the family's peak) of Tailwind v4's chromatic families, see
# shared/notes/design-science.md 2.1.
SCALE_STEPS: tuple[str, ...] = ('50', '100', '200', '300', '400', '500', '600', '700', '800', '900', '950')
SCALE_LIGHTNESS: tuple[float, ...] = (0.970, 0.942, 0.893, 0.810, 0.710, 0.641, 0.581, 0.510, 0.446, 0.395, 0.275)
SCALE_RELATIVE_CHROMA: tuple[float, ...] = (0.06, 0.13, 0.25, 0.45, 0.73, 0.93, 1.00, 0.92, 0.77, 0.59, 0.37)
MAX_OKLCH_CHROMA = 0.37  # nothing in sRGB goes beyond this


class Color(BaseColor):
    """coloraide's default colour class plus Okhsv, whose full saturation and value is the gamut cusp of a hue, and
    HCT (CAM16 hue and chroma, CIELAB L* tone), the space of Material Color Utilities' dislike analyzer."""


Color.register(Okhsv())
Color.register(HCT())

_CVD_FILTERS: dict[Deficiency, str] = {'protanopia': 'protan', 'deuteranopia': 'deutan', 'tritanopia': 'tritan'}
_BARE_HEX = re.compile(r'#?(?:[0-9a-f]{3}|[0-9a-f]{6})')
_CANONICAL_HEX = re.compile(r'#[0-9a-f]{6}')
_NAME_SEPARATORS = re.compile(r'[\s_-]+')
_MAX_INPUT_LENGTH = 200


def normalize_hex(text: str) -> str:
    """Any CSS colour ('#abc', 'aabbcc', 'rgb(1, 2, 3)', 'hsl(...)', 'oklch(...)', 'navy', 'Dark Blue') as '#rrggbb'.

    Colours outside sRGB are gamut-mapped into it. Raises ValueError for anything that is not one opaque colour.
    """
    if not isinstance(text, str):
        raise ValueError(f'expected a colour string, got {type(text).__name__}')
    if _CANONICAL_HEX.fullmatch(text):
        return text  # the engine passes its own output around a lot; parsing it again would dominate the run time
    cleaned = text.strip().lower()
    if not cleaned:
        raise ValueError('empty colour')
    if len(cleaned) > _MAX_INPUT_LENGTH:
        raise ValueError(f'not a colour: {text[:40]!r}... is too long')
    color = _parse(cleaned)
    if color is None:
        raise ValueError(f'not a colour: {text!r} (use #rrggbb, rgb(), hsl(), oklch() or a CSS colour name)')
    if color.alpha() < 1:
        raise ValueError(f'{text!r} is translucent; brand colours must be opaque')
    return _hex_in_gamut(color)


def _parse(cleaned: str) -> Color | None:
    if _BARE_HEX.fullmatch(cleaned):
        cleaned = cleaned if cleaned.startswith('#') else f'#{cleaned}'
    # LLMs write CSS names as prose ('Dark Slate Blue', 'dark-slate-blue'); CSS spells them run together
    for candidate in (cleaned, _NAME_SEPARATORS.sub('', cleaned)):
        try:
            color = Color(candidate)
        except (ValueError, TypeError, IndexError):
            continue
        if not any(math.isinf(value) for value in color.coords(nans=False)):
            return color
    return None


def _hex_in_gamut(color: Color) -> str:
    srgb = color.convert('srgb')
    if not srgb.in_gamut(tolerance=0.0005):
        srgb.fit(method='raytrace')  # keeps OKLCH lightness and hue, gives up chroma
    red, green, blue = (_channel_byte(value) for value in srgb.coords(nans=False))
    return f'#{red:02x}{green:02x}{blue:02x}'


def _channel_byte(value: float) -> int:
    if math.isnan(value):
        return 0
    return round(min(max(value, 0.0), 1.0) * 255)


def to_rgb(hex_color: str) -> Rgb:
    digits = normalize_hex(hex_color)
    return int(digits[1:3], 16), int(digits[3:5], 16), int(digits[5:7], 16)


@lru_cache(maxsize=8192)
def to_oklch(hex_color: str) -> Oklch:
    """(lightness 0-1, chroma, hue in degrees); achromatic colours get hue 0."""
    lightness, chroma, hue = Color(normalize_hex(hex_color)).convert('oklch').coords(nans=False)
    return lightness, chroma, 0.0 if math.isnan(hue) else hue % 360


@lru_cache(maxsize=8192)
def to_oklab(hex_color: str) -> tuple[float, float, float]:
    lightness, a, b = Color(normalize_hex(hex_color)).convert('oklab').coords(nans=False)
    return lightness, a, b


@lru_cache(maxsize=8192)
def to_hct(hex_color: str) -> tuple[float, float, float]:
    """(hue in degrees, chroma, tone 0-100) in HCT, as Material Color Utilities reads colours."""
    hue, chroma, tone = Color(normalize_hex(hex_color)).convert('hct').coords(nans=False)
    return (0.0 if math.isnan(hue) else hue % 360), chroma, tone


@lru_cache(maxsize=16384)
def from_oklch(lightness: float, chroma: float, hue: float) -> str:
    """The sRGB colour nearest to oklch(lightness chroma hue), reducing chroma where sRGB cannot show it."""
    lightness = min(max(lightness, 0.0), 1.0)
    chroma = min(max(chroma, 0.0), MAX_OKLCH_CHROMA)
    return _hex_in_gamut(Color('oklch', [lightness, chroma, hue % 360]))


@lru_cache(maxsize=512)
def hue_cusp(hue: float) -> tuple[float, float]:
    """(lightness, chroma) of about the most colourful sRGB colour of an OKLCH hue: Okhsv at full saturation and
    value, which approximates the cusp to within a few hundredths (least closely for blue)."""
    lightness, chroma, _ = Color('okhsv', [hue % 360, 1.0, 1.0]).convert('oklch').coords(nans=False)
    return lightness, chroma


@lru_cache(maxsize=16384)
def relative_luminance(hex_color: str) -> float:
    """WCAG 2.x relative luminance, written out because the normative coefficients differ from coloraide's matrix."""
    red, green, blue = (_linear_channel(byte / 255) for byte in to_rgb(hex_color))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _linear_channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def contrast_ratio(foreground: str, background: str) -> float:
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def most_readable(background: str, candidates: Sequence[str]) -> str:
    """The candidate with the highest contrast on `background`; on a tie, the earlier one."""
    return max(candidates, key=lambda color: contrast_ratio(color, background))


def wcag_level(ratio: float, use: ContrastUse) -> ContrastLevel:
    """The strongest WCAG 2.x level the pair meets for its use.

    body: 'AAA' >= 7, 'AA' >= 4.5, 'AA Large' >= 3 (would pass only if the text were large), else 'Fail'.
    large: 'AAA' >= 4.5, 'AA' >= 3, else 'Fail'.
    ui (SC 1.4.11 has no AAA): 'AA' >= 3, else 'Fail'.
    """
    enhanced = ENHANCED_RATIO.get(use)
    if enhanced is not None and ratio >= enhanced:
        return 'AAA'
    if ratio >= MINIMUM_RATIO[use]:
        return 'AA'
    if use == 'body' and ratio >= MINIMUM_RATIO['large']:
        return 'AA Large'
    return 'Fail'


def tonal_scale(hex_color: str) -> dict[str, str]:
    """Steps 50-950 in OKLCH along the Tailwind-derived curve; the seed itself sits at the step nearest its lightness.

    Hue is kept. The seed's chroma is read as a point on the relative-chroma curve, so a muted seed gives a muted
    scale and a vivid one a vivid scale; each step is then reduced to what sRGB can show at its lightness.
    """
    return dict(_tonal_scale(normalize_hex(hex_color)))  # a fresh dict: callers may change theirs, not the cache


@lru_cache(maxsize=1024)
def _tonal_scale(seed: str) -> tuple[tuple[str, str], ...]:
    lightness, chroma, hue = to_oklch(seed)
    anchor = min(range(len(SCALE_STEPS)), key=lambda index: abs(SCALE_LIGHTNESS[index] - lightness))
    # a very light or very dark seed sits where the curve's chroma is small; reading it there literally would blow
    # its chroma up several-fold in the middle steps
    peak_chroma = chroma / max(SCALE_RELATIVE_CHROMA[anchor], 0.5)
    scale = {
        step: from_oklch(
            step_lightness, min(peak_chroma * relative_chroma, _step_chroma_limit(step_lightness, hue)), hue
        )
        for step, step_lightness, relative_chroma in zip(
            SCALE_STEPS, SCALE_LIGHTNESS, SCALE_RELATIVE_CHROMA, strict=True
        )
    }
    scale[SCALE_STEPS[anchor]] = seed
    return tuple(scale.items())


def _step_chroma_limit(lightness: float, hue: float) -> float:
    # a little inside sRGB's edge at the whole-degree hue, so most steps convert without a gamut-mapping search; the
    # limits are cached per whole degree and step, which a server fills within its first few hundred palettes
    return 0.99 * _max_chroma(lightness, round(hue) % 360)


@lru_cache(maxsize=4096)
def _max_chroma(lightness: float, whole_hue: int) -> float:
    return to_oklch(from_oklch(lightness, MAX_OKLCH_CHROMA, whole_hue))[1]


@lru_cache(maxsize=4096)
def ensure_contrast(foreground: str, background: str, minimum: float) -> tuple[str, bool]:
    """`foreground` moved in OKLCH lightness, away from `background`, just far enough to reach `minimum`.

    Returns (colour, changed). Hue and chroma are kept where sRGB allows. When the minimum cannot be reached moving
    away from the background, the other direction is tried; when neither reaches it, raises ValueError.
    """
    foreground, background = normalize_hex(foreground), normalize_hex(background)
    if contrast_ratio(foreground, background) >= minimum:
        return foreground, False
    target = minimum + CONTRAST_MARGIN
    darken_first = relative_luminance(background) >= relative_luminance(foreground)
    for darken in (darken_first, not darken_first):
        moved = _move_lightness_until(foreground, background, target, darken=darken)
        if moved is not None:
            return moved, True
    raise ValueError(f'no colour of the hue of {foreground} reaches {minimum}:1 on {background}')


def _move_lightness_until(foreground: str, background: str, target: float, *, darken: bool) -> str | None:
    lightness, chroma, hue = to_oklch(foreground)
    extreme = 0.0 if darken else 1.0
    if contrast_ratio(from_oklch(extreme, chroma, hue), background) < target:
        return None
    # bisection, as luminance rises with OKLCH lightness at fixed hue and chroma; only passing lightnesses are kept, so
    # the result passes even where gamut mapping bends that curve. 10 halvings leave a step of 0.001, below seeing.
    passing, failing = extreme, lightness
    for _ in range(10):
        middle = (passing + failing) / 2
        if contrast_ratio(from_oklch(middle, chroma, hue), background) >= target:
            passing = middle
        else:
            failing = middle
    return from_oklch(passing, chroma, hue)


@lru_cache(maxsize=4096)
def simulate_cvd(hex_color: str, deficiency: Deficiency) -> str:
    """How `hex_color` looks with a full (dichromatic) deficiency: coloraide's Viénot 1999 filter for protanopia and
    deuteranopia, Brettel 1997 for tritanopia."""
    if deficiency not in _CVD_FILTERS:
        raise ValueError(f'unknown colour-vision deficiency {deficiency!r}')
    return _hex_in_gamut(Color(normalize_hex(hex_color)).filter(_CVD_FILTERS[deficiency]))


def delta_e_ok(first: str, second: str) -> float:
    """Euclidean distance in OKLab (coloraide's 'ok' delta E); about 0.02 is one just-noticeable difference."""
    return math.dist(to_oklab(first), to_oklab(second))


# APCA 0.0.98G-4g (apca-w3 0.1.9) constants, from the published formula (Myndex/apca-w3). Advisory only: WCAG 2.x
# stays the pass/fail rule, and the APCA licence reserves the name for correct, current implementations, which the
# reference pairs in tests/unit/test_color.py check this one against.
_APCA_EXPONENT = 2.4
_APCA_COEFFICIENTS = (0.2126729, 0.7151522, 0.0721750)
_APCA_NORMAL_BACKGROUND, _APCA_NORMAL_TEXT = 0.56, 0.57  # dark text on a light background
_APCA_REVERSE_BACKGROUND, _APCA_REVERSE_TEXT = 0.65, 0.62  # light text on a dark background
_APCA_BLACK_THRESHOLD, _APCA_BLACK_CLAMP = 0.022, 1.414
_APCA_SCALE = 1.14
_APCA_LOW_OFFSET = 0.027
_APCA_LOW_CLIP = 0.1
_APCA_DELTA_Y_MIN = 0.0005


def _apca_luminance(hex_color: str) -> float:
    coefficients = zip(to_rgb(hex_color), _APCA_COEFFICIENTS, strict=True)
    luminance = float(sum((byte / 255) ** _APCA_EXPONENT * coefficient for byte, coefficient in coefficients))
    if luminance > _APCA_BLACK_THRESHOLD:
        return luminance
    return luminance + float((_APCA_BLACK_THRESHOLD - luminance) ** _APCA_BLACK_CLAMP)


@lru_cache(maxsize=8192)
def apca_contrast(text: str, background: str) -> float:
    """APCA lightness contrast Lc of `text` on `background` (0.0.98G-4g): positive for dark text on a light
    background, negative for light on dark; about 75 suits body text, 60 other text, 45 headlines, 30 is a floor."""
    text_luminance, background_luminance = _apca_luminance(text), _apca_luminance(background)
    if abs(background_luminance - text_luminance) < _APCA_DELTA_Y_MIN:
        return 0.0
    if background_luminance > text_luminance:
        contrast = (background_luminance**_APCA_NORMAL_BACKGROUND - text_luminance**_APCA_NORMAL_TEXT) * _APCA_SCALE
        return 0.0 if contrast < _APCA_LOW_CLIP else (contrast - _APCA_LOW_OFFSET) * 100
    contrast = (background_luminance**_APCA_REVERSE_BACKGROUND - text_luminance**_APCA_REVERSE_TEXT) * _APCA_SCALE
    return 0.0 if contrast > -_APCA_LOW_CLIP else (contrast + _APCA_LOW_OFFSET) * 100
