"""Choosing base colours offline: the primary from the profile's colour intent, the others by a hue harmony."""

from __future__ import annotations

import random
from dataclasses import replace

from branding.design.color import Oklch, from_oklch, hue_cusp, to_oklch
from branding.design.palette.bases import Bases
from branding.design.palette.dislike import undisliked
from branding.design.palette.roles import SECTOR_ACCENT_LIGHTNESS, SECTOR_LIGHTNESS_STEPS, role_filter
from branding.design.palette.vision import CVD_MIN_DELTA_E, cvd_distance, held_cvd_distance
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
ACCENT_HUE_JITTER = 5.0  # degrees: a sector's call-to-action colour keeps its name across seeds
# held_cvd_distance estimates on untinted grounds; a margin keeps a choice that passes there passing on the kit's own
CVD_MARGIN = 0.01
NEUTRAL_TINT = 0.015  # OKLCH chroma of the neutral: greys tinted toward the primary read as part of the brand


def choose_bases(intent: ColorIntent, rng: random.Random) -> tuple[Bases, str]:
    """Four base colours for `intent` and the name of the harmony that placed the secondary (and the accent, when the
    sector names no call-to-action colour that fits)."""
    if intent.hue_options:
        hue = rng.choice(intent.hue_options) + rng.uniform(-HUE_JITTER, HUE_JITTER)
    else:
        hue = rng.uniform(0, 360)  # nothing matched: any hue is as justified as another
    hue = shift_temperature(hue, intent.temperature_shift)
    chroma = intent.chroma * rng.uniform(0.9, 1.1)
    lightness = _clamp(_vivid_lightness(intent.lightness, chroma, hue) + rng.uniform(-0.03, 0.03), 0.3, 0.8)
    primary = from_oklch(lightness, chroma, hue)
    if not intent.yellow_greens_requested:
        primary = undisliked(primary, any_tone=True)
    harmony = rng.choice(list(HARMONIES))
    secondary_turn, accent_turn = HARMONIES[harmony]
    secondary_lightness = _clamp(lightness + rng.choice((-1, 1)) * rng.uniform(0.06, 0.14), 0.3, 0.8)
    # the harmony's mirror image places the secondary as well when the first blocks every call-to-action colour
    secondaries = [from_oklch(secondary_lightness, chroma * 0.75, hue + sign * secondary_turn) for sign in (1, -1)]
    neutral = from_oklch(0.55, NEUTRAL_TINT, hue)
    bases, accent = _with_sector_accent(primary, secondaries, neutral, intent, _sector_candidates(intent, rng))
    if accent is None:
        accent_chroma = max(chroma, 0.12) * 1.15
        accent_lightness = ACCENT_LIGHTNESS + rng.uniform(-0.04, 0.04)
        accent = from_oklch(accent_lightness, accent_chroma, hue + accent_turn)
        if cvd_distance(primary, accent) < CVD_MIN_DELTA_E:
            # the mirror image is the same harmony and often clears the red-green confusion axis
            accent = from_oklch(accent_lightness, accent_chroma, hue - accent_turn)
    return replace(bases, accent=accent), harmony


def sector_accents(intent: ColorIntent) -> tuple[Oklch, ...]:
    """The sector's call-to-action colours in OKLCH."""
    return tuple(
        (option.lightness or SECTOR_ACCENT_LIGHTNESS, option.chroma, option.hue) for option in intent.accent_options
    )


def _sector_candidates(intent: ColorIntent, rng: random.Random) -> list[str]:
    """The sector's call-to-action colours in a seeded order, each shifted a little in lightness and hue; then the
    same colours lighter and darker (a lighter or deeper shade of the sector's colour is still that colour)."""
    options = list(intent.accent_options)
    rng.shuffle(options)
    shift = rng.uniform(-0.03, 0.03)
    hues = [option.hue + rng.uniform(-ACCENT_HUE_JITTER, ACCENT_HUE_JITTER) for option in options]
    return [
        from_oklch((option.lightness or SECTOR_ACCENT_LIGHTNESS) + shift + step, option.chroma, hue)
        for step in SECTOR_LIGHTNESS_STEPS
        for option, hue in zip(options, hues, strict=True)
    ]


def _with_sector_accent(
    primary: str, secondaries: list[str], neutral: str, intent: ColorIntent, candidates: list[str]
) -> tuple[Bases, str | None]:
    """Bases with the first secondary and sector accent that go together: the accent apart from primary and
    secondary, not disliked, and told apart from the primary under red-green deficiencies; failing that, only apart.
    The accent is None when no candidate is apart from any secondary (the harmony then places it)."""
    for readable_only in (True, False):
        for secondary in secondaries:
            bases = Bases(primary=primary, secondary=secondary, accent=primary, neutral=neutral)
            acceptable = role_filter(bases, allow_yellow_greens=intent.yellow_greens_requested)('accent')
            for candidate in candidates:
                if acceptable(candidate) and (
                    not readable_only or held_cvd_distance(primary, candidate) >= CVD_MIN_DELTA_E + CVD_MARGIN
                ):
                    return replace(bases, accent=candidate), candidate
    return Bases(primary=primary, secondary=secondaries[0], accent=primary, neutral=neutral), None


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
