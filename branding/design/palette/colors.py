"""A palette's colours from its four bases: each mode's theme, the role scales, and the checks that they pass."""

from __future__ import annotations

from dataclasses import dataclass, replace

from branding.design.color import Oklch, tonal_scale
from branding.design.palette.bases import BASE_ROLES, Bases
from branding.design.palette.roles import role_filter, sector_shades, settle_roles
from branding.design.palette.themes import MODES, Mode, contrast_checks, hold_on_ground, mode_ground, mode_theme, note
from branding.design.palette.vision import REPORTED_DEFICIENCIES, separate_accent_for_cvd, vision_check
from branding.models import ColorVisionCheck, ContrastCheck, ThemeColors


@dataclass(kw_only=True, slots=True)
class PaletteColors:
    bases: Bases  # as given, but for an accent moved to stay distinguishable from the primary
    scales: dict[str, dict[str, str]]  # role -> step (50..950) -> hex
    themes: dict[Mode, ThemeColors]
    contrast: list[ContrastCheck]  # every recommended pair, light mode first
    color_vision: list[ColorVisionCheck]
    adjustments: list[str]  # every colour the engine moved, and why


def derive_colors(
    bases: Bases, *, sector_accents: tuple[Oklch, ...] = (), allow_yellow_greens: bool = False
) -> PaletteColors:
    """Themes whose every recommended pair passes WCAG 2.x AA, scales, and colour-vision checks, from four bases.

    First the brand roles are settled: no disliked dark yellow-green unless `allow_yellow_greens`, secondary and
    accent apart from each other and the primary (an accent that must move tries the sector's call-to-action
    colours, `sector_accents`, first).
    """
    adjustments: list[str] = []
    bases = settle_roles(
        bases, sector_accents=sector_accents, allow_yellow_greens=allow_yellow_greens, adjustments=adjustments
    )
    grounds = {mode: mode_ground(bases.neutral, mode, adjustments) for mode in MODES}
    mode_primaries = {mode: hold_on_ground(bases.primary, grounds[mode]) for mode in MODES}
    for mode in MODES:
        note(adjustments, before=bases.primary, after=mode_primaries[mode], role='primary', mode=mode, use='large')
    acceptable = role_filter(bases, allow_yellow_greens=allow_yellow_greens)('accent')
    preferred = tuple(sector_shades(sector_accents))
    accent = separate_accent_for_cvd(
        bases, mode_primaries, grounds, adjustments, acceptable=acceptable, preferred=preferred
    )
    bases = replace(bases, accent=accent)
    themes = {
        mode: mode_theme(
            bases,
            grounds[mode],
            primary=mode_primaries[mode],
            dark_label=grounds['light'].text,
            mode=mode,
            adjustments=adjustments,
        )
        for mode in MODES
    }
    return PaletteColors(
        bases=bases,
        scales={role: tonal_scale(getattr(bases, role)) for role in BASE_ROLES},
        themes=themes,
        contrast=[check for mode in MODES for check in contrast_checks(themes[mode], mode)],
        color_vision=[vision_check(bases.primary, bases.accent, deficiency) for deficiency in REPORTED_DEFICIENCIES],
        adjustments=adjustments,
    )
