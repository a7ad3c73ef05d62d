"""Colour vision: primary and accent told apart under simulated colour-vision deficiencies, the accent moved if not."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from branding.design.color import Deficiency, delta_e_ok, ensure_contrast, from_oklch, simulate_cvd, to_oklch
from branding.design.palette.bases import Bases
from branding.design.palette.themes import GROUND_LIGHTNESS, MODES, Ground, Mode, hold_on_ground
from branding.models import ColorVisionCheck

# ΔE_OK between simulated primary and accent below which they count as confusable. One just-noticeable difference is
# about 0.02 in OKLab (the JND CSS Color 4 uses for gamut mapping); roles must be told apart at a glance, in small
# areas and on poor screens, not side by side under good light, so we ask for five JNDs.
CVD_MIN_DELTA_E = 0.1
MAX_ACCENT_LIGHTNESS = 0.88  # lighter accents are pastels that the light theme darkens into mud
ENFORCED_DEFICIENCIES: tuple[Deficiency, ...] = ('protanopia', 'deuteranopia')  # 8% of men; tritanopia is rare
REPORTED_DEFICIENCIES: tuple[Deficiency, ...] = ('protanopia', 'deuteranopia', 'tritanopia')


def cvd_distance(primary: str, accent: str, deficiencies: tuple[Deficiency, ...] = ENFORCED_DEFICIENCIES) -> float:
    return min(
        delta_e_ok(simulate_cvd(primary, deficiency), simulate_cvd(accent, deficiency)) for deficiency in deficiencies
    )


def held_cvd_distance(primary: str, accent: str) -> float:
    """`cvd_distance` as the base colours and as each mode will show them once held to 3:1 on an untinted ground:
    a quick estimate, before the neutral and its grounds are settled, of what `separate_accent_for_cvd` checks."""
    distance = cvd_distance(primary, accent)
    for mode in MODES:
        ground = from_oklch(GROUND_LIGHTNESS[mode]['background'], 0.0, 0.0)
        held_primary, _ = ensure_contrast(primary, ground, 3.0)
        held_accent, _ = ensure_contrast(accent, ground, 3.0)
        distance = min(distance, cvd_distance(held_primary, held_accent))
    return distance


def vision_check(primary: str, accent: str, deficiency: Deficiency) -> ColorVisionCheck:
    simulated_primary, simulated_accent = simulate_cvd(primary, deficiency), simulate_cvd(accent, deficiency)
    distance = delta_e_ok(simulated_primary, simulated_accent)
    return ColorVisionCheck(
        deficiency=deficiency,
        primary=simulated_primary,
        accent=simulated_accent,
        delta_e_ok=round(distance, 3),
        distinguishable=distance >= CVD_MIN_DELTA_E,
    )


def separate_accent_for_cvd(
    bases: Bases,
    mode_primaries: dict[Mode, str],
    grounds: dict[Mode, Ground],
    adjustments: list[str],
    *,
    acceptable: Callable[[str], bool] = lambda _: True,
    preferred: tuple[str, ...] = (),
) -> str:
    """The accent, moved (lightness first, then hue) until it is distinguishable from the primary under protanopia
    and deuteranopia: as a base colour and as each mode will show it after its contrast fixes. Only `acceptable`
    colours are tried (apart from the other brand roles, not disliked), the `preferred` ones (the sector's
    call-to-action colours) first."""

    def separation(accent: str) -> float:
        distance = cvd_distance(bases.primary, accent)
        if distance < CVD_MIN_DELTA_E:
            return distance  # the cheap check already fails; skip the per-mode work
        for mode in MODES:
            mode_accent = hold_on_ground(accent, grounds[mode])
            distance = min(distance, cvd_distance(mode_primaries[mode], mode_accent))
        return distance

    original = bases.accent
    if separation(original) >= CVD_MIN_DELTA_E:
        return original
    best, best_separation = original, separation(original)
    candidates = (*preferred, *_accent_candidates(original, to_oklch(bases.primary)[0]))
    for candidate in filter(acceptable, candidates):
        candidate_separation = separation(candidate)
        if candidate_separation >= CVD_MIN_DELTA_E:
            best, best_separation = candidate, candidate_separation
            break
        if candidate_separation > best_separation:
            best, best_separation = candidate, candidate_separation
    if best_separation >= CVD_MIN_DELTA_E:
        adjustments.append(
            f'accent moved from {original} to {best} so it stays distinguishable from the primary under protanopia '
            f'and deuteranopia (simulated ΔE_OK {best_separation:.2f}, threshold {CVD_MIN_DELTA_E})'
        )
    else:
        adjustments.append(
            f'accent moved from {original} to {best}, the most distinct option found, yet under protanopia or '
            f'deuteranopia it stays close to the primary (ΔE_OK {best_separation:.2f}); pair it with a label or icon'
        )
    return best


def _accent_candidates(accent: str, primary_lightness: float) -> Iterator[str]:
    lightness, chroma, hue = to_oklch(accent)
    away = 1 if lightness >= primary_lightness else -1
    tried = {accent}
    # lightness first, the least visible change; then hue at the same lightness; then hue at lightnesses spread over
    # the range, with enough chroma for hue to count (an achromatic accent has no hue to turn)
    proposals = [(lightness + direction * step, chroma, hue) for step in (0.1, 0.2, 0.3) for direction in (away, -away)]
    colourful = max(chroma, 0.12)
    turns = (0, 40, -40, 80, -80, 120, -120, 180)
    proposals += [(lightness, colourful, hue + turn) for turn in turns]
    proposals += [(target, colourful, hue + turn) for target in (0.8, 0.35, 0.65, 0.5) for turn in turns]
    for candidate_lightness, candidate_chroma, candidate_hue in proposals:
        if 0.2 <= candidate_lightness <= MAX_ACCENT_LIGHTNESS:
            candidate = from_oklch(candidate_lightness, candidate_chroma, candidate_hue)
            if candidate not in tried:
                tried.add(candidate)
                yield candidate
