"""Dark yellow-greens, the colours people like least, kept out of palettes unless the brief asks for them.

Palmer and Schloss's ecological valence study found dark yellows and olives the least preferred colours; Material Color
Utilities' DislikeAnalyzer encodes it in HCT as hue 90-111, chroma above 16 and tone below 65. Its hue band stops short
of the dark chartreuses (HCT hue 115-125, e.g. #829502, #809907) that made kits look olive, so the engine's band runs to
130; `material_disliked` keeps the analyzer's own band for comparison.
"""

from __future__ import annotations

from branding.design.color import from_oklch, to_hct, to_oklch

MATERIAL_DISLIKED_HUES = (90.0, 111.0)
DISLIKED_HUES = (90.0, 130.0)
DISLIKED_MIN_CHROMA = 16.0  # HCT chroma above which the colour reads as a colour, not a tinted grey
DISLIKED_MAX_TONE = 65.0  # HCT tone (CIELAB L*) below which a yellow-green turns olive
HUE_MARGIN = 4.0  # degrees (HCT) a moved colour lands beyond the band, so lightness changes later cannot pull it back
MAX_TURN = 60  # OKLCH degrees searched either way; the band is about 40 degrees wide


def is_disliked(hex_color: str, hues: tuple[float, float] = DISLIKED_HUES) -> bool:
    """Whether `hex_color` is a dark yellow-green: rounded HCT hue in `hues`, chroma above 16, tone below 65 (the
    analyzer rounds each before comparing)."""
    hue, chroma, tone = to_hct(hex_color)
    return hues[0] <= round(hue) <= hues[1] and round(chroma) > DISLIKED_MIN_CHROMA and round(tone) < DISLIKED_MAX_TONE


def material_disliked(hex_color: str) -> bool:
    """Material Color Utilities' DislikeAnalyzer.isDisliked, band and all."""
    return is_disliked(hex_color, MATERIAL_DISLIKED_HUES)


def in_disliked_band(hex_color: str) -> bool:
    """A yellow-green of any tone: disliked now, or once darkened for contrast on a light background."""
    hue, chroma, _ = to_hct(hex_color)
    return DISLIKED_HUES[0] <= round(hue) <= DISLIKED_HUES[1] and round(chroma) > DISLIKED_MIN_CHROMA


def undisliked(hex_color: str, *, any_tone: bool = False) -> str:
    """`hex_color` unchanged, or turned in OKLCH hue (lightness and chroma kept) just out of the disliked band, to
    a green or an amber, whichever is the smaller turn; kept clear by HUE_MARGIN so that darkening or lightening it
    for contrast later leaves it clear too. With `any_tone`, light yellow-greens are turned as well (for a colour the
    engine will darken)."""
    if not (in_disliked_band(hex_color) if any_tone else is_disliked(hex_color)):
        return hex_color
    lightness, chroma, hue = to_oklch(hex_color)
    for turn in range(2, MAX_TURN + 1, 2):
        for direction in (1, -1) if _nearer_green(hex_color) else (-1, 1):
            candidate = from_oklch(lightness, chroma, hue + direction * turn)
            if _clear(candidate):
                return candidate
    return from_oklch(lightness, chroma, hue + MAX_TURN)  # not reached: 60 degrees always clear the band


def _nearer_green(hex_color: str) -> bool:
    hue = to_hct(hex_color)[0]
    return DISLIKED_HUES[1] - hue < hue - DISLIKED_HUES[0]


def _clear(hex_color: str) -> bool:
    hue, chroma, _ = to_hct(hex_color)
    return (
        round(chroma) <= DISLIKED_MIN_CHROMA
        or not DISLIKED_HUES[0] - HUE_MARGIN <= hue <= DISLIKED_HUES[1] + HUE_MARGIN
    )
