"""The colour palette section.

`build_offline_palette` chooses four base colours from the profile's cited colour associations; `complete_palette`
turns any four base colours (the offline ones or an LLM's) into the kit: named roles, 50-950 scales, light and dark
themes whose every recommended pair passes WCAG 2.x AA, and colour-vision checks, noting each colour it had to move.

Contrast uses, and why:
- body (4.5:1, SC 1.4.3): text and muted text on background and surface, and the on-primary/on-secondary/on-accent
  labels on their fills, because button and badge labels are set at body size, not large text.
- large (3:1, SC 1.4.3): the primary on background and surface, for brand-coloured headings and large links.
- ui (3:1, SC 1.4.11): the accent (focus rings, icons, indicators) and the border, which is the boundary of inputs
  and controls; purely decorative dividers may be lighter (a neutral scale step) since 1.4.11 does not cover them.
The secondary is a fill colour: it is checked with its label, not as text on the background.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from branding.design.color import (
    MINIMUM_RATIO,
    Deficiency,
    contrast_ratio,
    delta_e_ok,
    ensure_contrast,
    from_oklch,
    hue_cusp,
    normalize_hex,
    simulate_cvd,
    to_oklch,
    to_rgb,
    tonal_scale,
    wcag_level,
)
from branding.design.color_names import color_name
from branding.design.psychology import (
    ColorIntent,
    Match,
    cite,
    hue_family,
    hue_family_note,
    read_color_intent,
    shift_temperature,
    source,
)
from branding.models import (
    ColorPalette,
    ColorRole,
    ColorVisionCheck,
    CompanyProfile,
    ContrastCheck,
    ContrastUse,
    ThemeColors,
)
from branding.seeding import rng_for

Mode = Literal['light', 'dark']
MODES: tuple[Mode, ...] = ('light', 'dark')
BASE_ROLES = ('primary', 'secondary', 'accent', 'neutral')

# Harmonies as (secondary, accent) hue offsets in OKLCH degrees: options with different characters, not optima.
HARMONIES: dict[str, tuple[float, float]] = {
    'analogous': (30.0, 60.0),
    'complementary': (15.0, 180.0),
    'split-complementary': (150.0, 210.0),
    'triadic': (120.0, 240.0),
}
HARMONY_DESCRIPTIONS: dict[str, str] = {
    'analogous': 'neighbours on the hue circle, 30 and 60 degrees on, for a calm and cohesive look',
    'complementary': 'the accent opposite the primary on the hue circle for the strongest hue contrast',
    'split-complementary': "secondary and accent flanking the primary's opposite, 150 and 210 degrees on",
    'triadic': 'three hues spaced evenly, 120 degrees apart, for a lively balance',
}
VIVID_CHROMA = 0.16  # intents at or above this OKLCH chroma are about colourfulness first
HUE_JITTER = 10.0  # degrees either side of the family's centre: a seed changes the shade, not the family
ACCENT_LIGHTNESS = 0.66  # light enough to stand out on dark backgrounds, dark enough for 3:1 on white in most hues
NEUTRAL_TINT = 0.015  # OKLCH chroma of the neutral: greys tinted toward the primary read as part of the brand

# ΔE_OK between simulated primary and accent below which they count as confusable. One just-noticeable difference is
# about 0.02 in OKLab (the JND CSS Color 4 uses for gamut mapping); roles must be told apart at a glance, in small
# areas and on poor screens, not side by side under good light, so we ask for five JNDs.
CVD_MIN_DELTA_E = 0.1
ENFORCED_DEFICIENCIES: tuple[Deficiency, ...] = ('protanopia', 'deuteranopia')  # 8% of men; tritanopia is rare
REPORTED_DEFICIENCIES: tuple[Deficiency, ...] = ('protanopia', 'deuteranopia', 'tritanopia')

# (foreground, background, use) for every pair the kit recommends, in both modes
CONTRAST_PAIRS: tuple[tuple[str, str, ContrastUse], ...] = (
    ('text', 'background', 'body'),
    ('text', 'surface', 'body'),
    ('muted_text', 'background', 'body'),
    ('muted_text', 'surface', 'body'),
    ('on_primary', 'primary', 'body'),
    ('on_secondary', 'secondary', 'body'),
    ('on_accent', 'accent', 'body'),
    ('primary', 'background', 'large'),
    ('primary', 'surface', 'large'),
    ('accent', 'background', 'ui'),
    ('accent', 'surface', 'ui'),
    ('border', 'background', 'ui'),
    ('border', 'surface', 'ui'),
)

# Neutral ground of each mode as OKLCH lightness; each passes its pairs for any tint up to MAX_GROUND_TINT, so only a
# hostile neutral makes the engine move them.
GROUND_LIGHTNESS: dict[Mode, dict[str, float]] = {
    'light': {'background': 0.985, 'surface': 1.0, 'text': 0.22, 'muted_text': 0.48, 'border': 0.64},
    'dark': {'background': 0.17, 'surface': 0.22, 'text': 0.96, 'muted_text': 0.76, 'border': 0.55},
}
MAX_GROUND_TINT = 0.02

ROLE_USAGE: dict[str, str] = {
    'primary': 'Brand colour: primary buttons, navigation highlights, large headings and links, the logo.',
    'secondary': 'Supporting colour: secondary buttons, tags, illustrations, charts and section backgrounds.',
    'accent': 'Used sparingly for emphasis: calls to action, highlights, badges, focus rings and icons.',
    'neutral': 'Backgrounds, surfaces, borders and text are tints and shades of this neutral.',
}


@dataclass(kw_only=True, slots=True)
class _Bases:
    primary: str
    secondary: str
    accent: str
    neutral: str


@dataclass(kw_only=True, slots=True)
class _Ground:
    background: str
    surface: str
    text: str
    muted_text: str
    border: str


def build_offline_palette(profile: CompanyProfile, seed: int) -> ColorPalette:
    """A palette from the profile's words alone, deterministic in (profile, seed)."""
    intent = read_color_intent(profile)
    rng = rng_for(profile, seed, 'palette')
    bases, harmony = _offline_bases(intent, rng)
    return _assemble(bases, intent=intent, harmony=harmony)


def complete_palette(
    primary: str,
    secondary: str,
    accent: str,
    neutral: str,
    *,
    profile: CompanyProfile,
    psychology: dict[str, str] | None = None,
    usage_guidelines: str | None = None,
    rationale: str | None = None,
) -> ColorPalette:
    """The full kit from four base colours in any format `normalize_hex` reads (ValueError if one is not a colour).

    Given texts are kept; roles missing from `psychology`, and any text not given, are written from the profile.
    """
    bases = _Bases(
        primary=normalize_hex(primary),
        secondary=normalize_hex(secondary),
        accent=normalize_hex(accent),
        neutral=normalize_hex(neutral),
    )
    return _assemble(
        bases,
        intent=read_color_intent(profile),
        harmony=None,
        psychology=psychology,
        usage_guidelines=usage_guidelines,
        rationale=rationale,
    )


# --- offline choice --------------------------------------------------------------------------------------------------


def _offline_bases(intent: ColorIntent, rng: random.Random) -> tuple[_Bases, str]:
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
        if _cvd_distance(primary, accent) < CVD_MIN_DELTA_E:
            # the mirror image is the same harmony and often clears the red-green confusion axis
            accent = from_oklch(accent_lightness, accent_chroma, hue - accent_turn)
    bases = _Bases(
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


# --- the kit ---------------------------------------------------------------------------------------------------------


def _assemble(
    bases: _Bases,
    *,
    intent: ColorIntent,
    harmony: str | None,
    psychology: dict[str, str] | None = None,
    usage_guidelines: str | None = None,
    rationale: str | None = None,
) -> ColorPalette:
    adjustments: list[str] = []
    grounds = {mode: _ground(bases.neutral, mode, adjustments) for mode in MODES}
    mode_primaries = {mode: _hold_on_ground(bases.primary, grounds[mode]) for mode in MODES}
    for mode in MODES:
        _note(adjustments, before=bases.primary, after=mode_primaries[mode], role='primary', mode=mode, use='large')
    bases = replace(bases, accent=_separate_accent_for_cvd(bases, mode_primaries, grounds, adjustments))
    themes = {
        mode: _theme(
            bases,
            grounds[mode],
            primary=mode_primaries[mode],
            dark_label=grounds['light'].text,
            mode=mode,
            adjustments=adjustments,
        )
        for mode in MODES
    }
    palette = ColorPalette(
        primary=bases.primary,
        secondary=bases.secondary,
        accent=bases.accent,
        neutral=bases.neutral,
        psychology={},
        usage_guidelines='',
        roles=[_role(role, getattr(bases, role)) for role in BASE_ROLES],
        scales={role: tonal_scale(getattr(bases, role)) for role in BASE_ROLES},
        light=themes['light'],
        dark=themes['dark'],
        contrast=[check for mode in MODES for check in _contrast_checks(themes[mode], mode)],
        color_vision=[_vision_check(bases.primary, bases.accent, deficiency) for deficiency in REPORTED_DEFICIENCIES],
        adjustments=adjustments,
    )
    palette.psychology = {**_psychology(palette, intent, harmony), **(psychology or {})}
    palette.usage_guidelines = usage_guidelines or _usage_guidelines(palette)
    palette.rationale = rationale or _rationale(palette, intent, harmony)
    return palette


def _ground(neutral: str, mode: Mode, adjustments: list[str]) -> _Ground:
    _, chroma, hue = to_oklch(neutral)
    tint = min(chroma, MAX_GROUND_TINT)
    lightness = GROUND_LIGHTNESS[mode]
    background = from_oklch(lightness['background'], tint * 0.4, hue)
    surface = from_oklch(lightness['surface'], tint * 0.4, hue)
    ground = _Ground(background=background, surface=surface, text='', muted_text='', border='')
    ground_uses: tuple[tuple[str, ContrastUse], ...] = (('text', 'body'), ('muted_text', 'body'), ('border', 'ui'))
    for role, use in ground_uses:
        proposed = from_oklch(lightness[role], tint, hue)
        held = _hold_on_ground(proposed, ground, MINIMUM_RATIO[use])
        _note(adjustments, before=proposed, after=held, role=role, mode=mode, use=use)
        setattr(ground, role, held)
    return ground


def _theme(
    bases: _Bases, ground: _Ground, *, primary: str, dark_label: str, mode: Mode, adjustments: list[str]
) -> ThemeColors:
    accent = _hold_on_ground(bases.accent, ground)
    _note(adjustments, before=bases.accent, after=accent, role='accent', mode=mode, use='ui')
    labels = {
        f'on_{role}': _label_for(fill, dark_label, f'on_{role}', mode, adjustments)
        for role, fill in (('primary', primary), ('secondary', bases.secondary), ('accent', accent))
    }
    return ThemeColors(
        background=ground.background,
        surface=ground.surface,
        text=ground.text,
        muted_text=ground.muted_text,
        border=ground.border,
        primary=primary,
        secondary=bases.secondary,
        accent=accent,
        **labels,
    )


def _hold_on_ground(color: str, ground: _Ground, minimum: float = 3.0) -> str:
    """`color` moved, if it must, to reach `minimum` on both the background and the surface of the mode.

    Both grounds lie on the same side (light in light mode, dark in dark mode), so moving away from the second never
    undoes the first."""
    held = color
    for backdrop in (ground.background, ground.surface):
        held, _ = ensure_contrast(held, backdrop, minimum)
    return held


def _label_for(fill: str, dark_label: str, role: str, mode: Mode, adjustments: list[str]) -> str:
    """White or the dark text colour, whichever reads better on `fill`; black when neither reaches 4.5:1 (white or
    black always does, as the larger of their two ratios is at least 4.58)."""
    minimum = MINIMUM_RATIO['body']
    preferred = sorted(('#ffffff', dark_label), key=lambda label: -contrast_ratio(label, fill))
    for label in (*preferred, '#000000'):
        if contrast_ratio(label, fill) >= minimum:
            return label
    held, _ = ensure_contrast(preferred[0], fill, minimum)
    _note(
        adjustments,
        before=preferred[0],
        after=held,
        role=role,
        mode=mode,
        use='body',
        backdrop=role.removeprefix('on_'),
    )
    return held


def _note(
    adjustments: list[str],
    *,
    before: str,
    after: str,
    role: str,
    mode: Mode,
    use: ContrastUse,
    backdrop: str = 'background and surface',
) -> None:
    if before == after:
        return
    direction = 'darkened' if to_oklch(after)[0] < to_oklch(before)[0] else 'lightened'
    adjustments.append(
        f'{role.replace("_", " ")} {direction} from {before} to {after} in {mode} mode to reach '
        f'{MINIMUM_RATIO[use]:g}:1 ({use}) on the {backdrop}'
    )


def _contrast_checks(theme: ThemeColors, mode: Mode) -> list[ContrastCheck]:
    checks = []
    for foreground_role, background_role, use in CONTRAST_PAIRS:
        foreground, background = getattr(theme, foreground_role), getattr(theme, background_role)
        ratio = contrast_ratio(foreground, background)
        checks.append(
            ContrastCheck(
                mode=mode,
                use=use,
                foreground_role=foreground_role,
                background_role=background_role,
                foreground=foreground,
                background=background,
                ratio=round(ratio, 2),
                level=wcag_level(ratio, use),
            )
        )
    return checks


# --- colour vision ---------------------------------------------------------------------------------------------------


def _cvd_distance(primary: str, accent: str, deficiencies: tuple[Deficiency, ...] = ENFORCED_DEFICIENCIES) -> float:
    return min(
        delta_e_ok(simulate_cvd(primary, deficiency), simulate_cvd(accent, deficiency)) for deficiency in deficiencies
    )


def _vision_check(primary: str, accent: str, deficiency: Deficiency) -> ColorVisionCheck:
    simulated_primary, simulated_accent = simulate_cvd(primary, deficiency), simulate_cvd(accent, deficiency)
    distance = delta_e_ok(simulated_primary, simulated_accent)
    return ColorVisionCheck(
        deficiency=deficiency,
        primary=simulated_primary,
        accent=simulated_accent,
        delta_e_ok=round(distance, 3),
        distinguishable=distance >= CVD_MIN_DELTA_E,
    )


def _separate_accent_for_cvd(
    bases: _Bases, mode_primaries: dict[Mode, str], grounds: dict[Mode, _Ground], adjustments: list[str]
) -> str:
    """The accent, moved (lightness first, then hue) until it is distinguishable from the primary under protanopia
    and deuteranopia: as a base colour and as each mode will show it after its contrast fixes."""

    def separation(accent: str) -> float:
        distance = _cvd_distance(bases.primary, accent)
        if distance < CVD_MIN_DELTA_E:
            return distance  # the cheap check already fails; skip the per-mode work
        for mode in MODES:
            mode_accent = _hold_on_ground(accent, grounds[mode])
            distance = min(distance, _cvd_distance(mode_primaries[mode], mode_accent))
        return distance

    original = bases.accent
    if separation(original) >= CVD_MIN_DELTA_E:
        return original
    best, best_separation = original, separation(original)
    for candidate in _accent_candidates(original, to_oklch(bases.primary)[0]):
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
        if 0.2 <= candidate_lightness <= 0.95:
            candidate = from_oklch(candidate_lightness, candidate_chroma, candidate_hue)
            if candidate not in tried:
                tried.add(candidate)
                yield candidate


# --- words -----------------------------------------------------------------------------------------------------------


def _role(role: str, hex_color: str) -> ColorRole:
    lightness, chroma, hue = to_oklch(hex_color)
    return ColorRole(
        role=role,
        name=color_name(hex_color),
        hex=hex_color,
        rgb=to_rgb(hex_color),
        oklch=(round(lightness, 3), round(chroma, 3), round(hue, 1)),
        usage=ROLE_USAGE[role],
    )


def _family(hex_color: str) -> str:
    return hue_family(*to_oklch(hex_color))


def _hue_distance(first: float, second: float) -> float:
    return abs((first - second + 180) % 360 - 180)


def _explaining(match: Match | None, hex_color: str, hues: tuple[float, ...]) -> Match | None:
    """`match` if it explains `hex_color` (its hue lies near one the association proposes), else None: an LLM's
    colours may ignore the associations, and then citing them would be false."""
    if match is None or _family(hex_color) == 'neutral':
        return None
    hue = to_oklch(hex_color)[2]
    return match if any(_hue_distance(hue, proposed) <= 35 for proposed in hues) else None


def _psychology(palette: ColorPalette, intent: ColorIntent, harmony: str | None) -> dict[str, str]:
    explained = {
        'primary': _explaining(intent.hue_match, palette.primary, intent.hue_options),
        'accent': _explaining(intent.accent_match, palette.accent, intent.accent_hue_options),
    }
    texts = {}
    for role in BASE_ROLES:
        hex_color = getattr(palette, role)
        family = _family(hex_color)
        match = explained.get(role)
        reason = (
            f"chosen for the profile's {match.evidence()}: {match.association.cited()}"
            if match
            else hue_family_note(family).cited()
        )
        texts[role] = f'{color_name(hex_color)} ({family}): {reason}.'
    if harmony:
        texts['secondary'] += (
            f' It partners the primary in {_with_article(harmony)} harmony ({HARMONY_DESCRIPTIONS[harmony]}).'
        )
    texts['accent'] += ' Kept to small areas so it marks what matters.'
    texts['neutral'] += ' Tinted toward the brand so greys belong to the palette.'
    return texts


def _usage_guidelines(palette: ColorPalette) -> str:
    names = {role.role: role.name for role in palette.roles}
    return (
        f'Start from a 60-30-10 split: about 60% neutral ({names["neutral"]} tints for backgrounds and surfaces, '
        f'its darkest shades for text), 30% brand colour ({names["primary"]} for navigation, headers and primary '
        f'buttons; {names["secondary"]} for secondary buttons, tags and illustrations) and 10% accent '
        f'({names["accent"]}) for calls to action, highlights and focus states. Set body text in the text and muted '
        f'text colours; use primary and accent as text only at large sizes (checked at 3:1), and put labels on '
        f'coloured fills in the matching on-colour (checked at 4.5:1). In dark mode use the dark theme, whose brand '
        f'colours are lighter where contrast needs it. Never let colour alone carry meaning: pair it with a label or '
        f'an icon.'
    )


def _rationale(palette: ColorPalette, intent: ColorIntent, harmony: str | None) -> str:
    """Offline palettes (with a `harmony`) explain their choices; given colours are read against the profile."""
    lightness, chroma, hue = to_oklch(palette.primary)
    family = _family(palette.primary)
    opening = (
        f'The primary is {_with_article(family)} ({palette.primary}, OKLCH {lightness:.2f} {chroma:.3f} {hue:.0f}°)'
    )
    match = _explaining(intent.hue_match, palette.primary, intent.hue_options)
    if match:
        opening += f", chosen for the profile's {match.evidence()}: {match.association.cited()}."
    elif harmony and not intent.hue_options:
        opening += (
            ': no industry, tone or value word matched the association table, so the seed picked the hue and it '
            'carries no claim.'
        )
    else:
        opening += f': {hue_family_note(family).cited()}.'
    sentences = [opening, _character_sentence(lightness, chroma, intent, offline=harmony is not None)]
    if harmony:
        sentences.append(
            f'Secondary and accent follow {_with_article(harmony)} harmony ({HARMONY_DESCRIPTIONS[harmony]}), one '
            f'option among several rather than an optimum: people rate similar hues as more harmonious yet prefer '
            f'figures that contrast with their ground ({source("schloss-palmer-2011").short}); another seed picks '
            f'another.'
        )
    accent_match = _explaining(intent.accent_match, palette.accent, intent.accent_hue_options)
    if accent_match:
        sentences.append(
            f"The accent follows the profile's {accent_match.evidence()}: {accent_match.association.association}."
        )
    sentences.append(_accessibility_sentence(palette))
    sentences.append(
        'Colour associations are averages that shift with culture and context '
        f'({cite((source("jonauskaite-2020"), source("elliot-maier-2014")))}): a starting point to test with the '
        'audience, not a prediction.'
    )
    return ' '.join(sentences)


def _character_sentence(lightness: float, chroma: float, intent: ColorIntent, *, offline: bool) -> str:
    depth, strength = _depth(lightness), _strength(chroma)
    drivers = [
        match.evidence()
        for match in intent.matches
        if match.association.chroma is not None or match.association.lightness is not None
    ][:3]
    if not offline:
        wanted = (_depth(intent.lightness), _strength(intent.chroma))
        verdict = 'match' if (depth, strength) == wanted else 'differ from'
        because = f"{verdict} the {wanted[0]}, {wanted[1]} colour the profile's words suggest"
    else:
        because = (
            f'follow the {"; the ".join(drivers)}' if drivers else 'are a middle course, as no word asked otherwise'
        )
    return (
        f"Its {depth} lightness and {strength} chroma {because}; saturation and lightness shift a brand's "
        f'personality as much as hue ({source("labrecque-milne-2012").short}).'
    )


def _depth(lightness: float) -> str:
    return 'deep' if lightness < 0.47 else 'bright' if lightness > 0.6 else 'mid'


def _strength(chroma: float) -> str:
    return 'muted' if chroma < 0.09 else 'vivid' if chroma > 0.17 else 'moderate'


def _accessibility_sentence(palette: ColorPalette) -> str:
    passing = sum(check.level != 'Fail' for check in palette.contrast)
    contrast = (
        f'All {passing} recommended pairs meet'
        if passing == len(palette.contrast)
        else f'{passing} of {len(palette.contrast)} recommended pairs meet'
    )
    enforced = [check for check in palette.color_vision if check.deficiency in ENFORCED_DEFICIENCIES]
    vision = (
        'primary and accent stay distinguishable under simulated protanopia and deuteranopia'
        if all(check.distinguishable for check in enforced)
        else 'under simulated protanopia or deuteranopia primary and accent come close, so pair them with labels'
    )
    moved = len(palette.adjustments)
    fixes = (
        f'{moved} change{"s were" if moved != 1 else " was"} needed (see adjustments)' if moved else 'no colour moved'
    )
    return f'{contrast} WCAG 2.x AA for their use in light and dark mode and {vision}; {fixes}.'


def _with_article(word: str) -> str:
    return f'{"an" if word[0] in "aeiou" else "a"} {word}'


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)
