"""Choosing base colours offline: the primary from the profile's colour intent, the others by a hue harmony."""

from __future__ import annotations

import random

from branding.design.color import from_oklch, hue_cusp, to_oklch
from branding.design.palette.bases import Bases
from branding.design.palette.vision import CVD_MIN_DELTA_E, cvd_distance
from branding.design.psychology import ColorIntent, shift_temperature

# Harmonies as (secondary, accent) hue offsets in OKLCH degrees: options with different characters, not optima.
HARMONIES: dict[str, tuple[float, float]] = {
    'analogous': (30.0, 60.0),
    'complementary': (15.0, 180.0),
    'split-complementary': (150.0, 210.0),
    'triadic': (120.0, 240.0),
}
VIVID_CHROMA = 0.16  # intents at or above this OKLCH chroma are about colourfulness first
HUE_JITTER = 10.0  # degrees either side of the family's centre: a seed changes the shade, not the family
ACCENT_LIGHTNESS = 0.66  # light enough to stand out on dark backgrounds, dark enough for 3:1 on white in most hues
NEUTRAL_TINT = 0.015  # OKLCH chroma of the neutral: greys tinted toward the primary read as part of the brand


def choose_bases(intent: ColorIntent, rng: random.Random) -> tuple[Bases, str]:
    """Four base colours for `intent` and the name of the harmony that placed the secondary and the accent."""
    if intent.hue_options:
        hue = rng.choice(intent.hue_options) + rng.uniform(-HUE_JITTER, HUE_JITTER)
    else:
        hue = rng.uniform(0, 360)  # nothing matched: any hue is as justified as another
    hue = shift_temperature(hue, intent.temperature_shift)
    chroma = intent.chroma * rng.uniform(0.9, 1.1)
    lightness = _clamp(_vivid_lightness(intent.lightness, chroma, hue) + rng.uniform(-0.03, 0.03), 0.3, 0.8)
    primary = from_oklch(lightness, chroma, hue)
    harmony = rng.choice(list(HARMONIES))
    secondary_turn, accent_turn = HARMONIES[harmony]
    secondary_lightness = _clamp(lightness + rng.choice((-1, 1)) * rng.uniform(0.06, 0.14), 0.3, 0.8)
    if intent.accent_hue_options:
        accent_hue = rng.choice(intent.accent_hue_options) + rng.uniform(-5, 5)
        accent = from_oklch(0.72 + rng.uniform(-0.03, 0.03), 0.12, accent_hue)
    else:
        accent_chroma = max(chroma, 0.12) * 1.15
        accent_lightness = ACCENT_LIGHTNESS + rng.uniform(-0.04, 0.04)
        accent = from_oklch(accent_lightness, accent_chroma, hue + accent_turn)
        if cvd_distance(primary, accent) < CVD_MIN_DELTA_E:
            # the mirror image is the same harmony and often clears the red-green confusion axis
            accent = from_oklch(accent_lightness, accent_chroma, hue - accent_turn)
    bases = Bases(
        primary=primary,
        secondary=from_oklch(secondary_lightness, chroma * 0.75, hue + secondary_turn),
        accent=accent,
        neutral=from_oklch(0.55, NEUTRAL_TINT, hue),
    )
    return bases, harmony


def _vivid_lightness(lightness: float, chroma: float, hue: float) -> float:
    """For a vivid intent that sRGB cannot show at `lightness`, the nearest lightness toward the hue's cusp that can.

    A vivid yellow only exists light and a vivid blue fairly dark; at the wrong lightness 'vivid' comes out muddy.
    Calmer intents keep their lightness and give up chroma instead, so a deep finance blue stays deep.
    """
    if chroma < VIVID_CHROMA or _shown_chroma(lightness, chroma, hue) >= 0.9 * chroma:
        return lightness
    cusp_lightness = hue_cusp(hue)[0]
    if _shown_chroma(cusp_lightness, chroma, hue) < 0.9 * chroma:
        return cusp_lightness  # even the cusp falls short: take the most colourful lightness there is
    short, enough = lightness, cusp_lightness
    for _ in range(6):
        middle = (short + enough) / 2
        if _shown_chroma(middle, chroma, hue) >= 0.9 * chroma:
            enough = middle
        else:
            short = middle
    return enough


def _shown_chroma(lightness: float, chroma: float, hue: float) -> float:
    return to_oklch(from_oklch(lightness, chroma, hue))[1]


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)
