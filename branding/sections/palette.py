"""The colour palette section.

`build_offline_palette` chooses four base colours from the profile's cited colour associations; `complete_palette`
turns any four base colours (the offline ones or an LLM's) into the kit: named roles, 50-950 scales, light and dark
themes whose every recommended pair passes WCAG 2.x AA, and colour-vision checks, noting each colour it had to move.
The colour science is in branding.design.palette; the words are in palette_prose.
"""

from __future__ import annotations

from branding.design.color import normalize_hex, to_oklch, to_rgb
from branding.design.color_names import color_name
from branding.design.palette import BASE_ROLES, Bases, choose_bases, derive_colors, sector_accents
from branding.design.psychology import ColorIntent, foreign_colors, read_color_intent
from branding.models import ColorPalette, ColorRole, CompanyProfile
from branding.sections import palette_prose
from branding.sections.palette_phrases import palette_phrases
from branding.seeding import rng_for


def build_offline_palette(profile: CompanyProfile, seed: int) -> ColorPalette:
    """A palette from the profile's words alone, deterministic in (profile, seed)."""
    intent = read_color_intent(profile)
    rng = rng_for(profile, seed, 'palette')
    bases, harmony = choose_bases(intent, rng)
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
    bases = Bases(
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


def _assemble(
    bases: Bases,
    *,
    intent: ColorIntent,
    harmony: str | None,
    psychology: dict[str, str] | None = None,
    usage_guidelines: str | None = None,
    rationale: str | None = None,
) -> ColorPalette:
    colors = derive_colors(
        bases, sector_accents=sector_accents(intent), allow_yellow_greens=intent.yellow_greens_requested
    )
    bases = colors.bases
    palette = ColorPalette(
        primary=bases.primary,
        secondary=bases.secondary,
        accent=bases.accent,
        neutral=bases.neutral,
        psychology={},
        usage_guidelines='',
        roles=[_role(role, getattr(bases, role)) for role in BASE_ROLES],
        scales=colors.scales,
        light=colors.themes['light'],
        dark=colors.themes['dark'],
        contrast=colors.contrast,
        color_vision=colors.color_vision,
        adjustments=colors.adjustments,
    )
    # a language model's texts are kept only where they name colours the palette holds ('jewel-tone purple' for a
    # green palette is a contradiction, and the engine's own words replace it)
    families = palette_prose.palette_families(palette)
    names = tuple(role.name for role in palette.roles)

    def consistent(text: str | None) -> str | None:
        return text if text and not foreign_colors(text, families, ignore=names) else None

    given = {role: text for role, text in (psychology or {}).items() if consistent(text)}
    palette.psychology = {**palette_prose.psychology_notes(palette, intent, harmony), **given}
    palette.usage_guidelines = consistent(usage_guidelines) or palette_prose.usage_guidelines(palette)
    palette.rationale = consistent(rationale) or palette_prose.rationale(palette, intent, harmony)
    return palette


def _role(role: str, hex_color: str) -> ColorRole:
    lightness, chroma, hue = to_oklch(hex_color)
    return ColorRole(
        role=role,
        name=color_name(hex_color),
        hex=hex_color,
        rgb=to_rgb(hex_color),
        oklch=(round(lightness, 3), round(chroma, 3), round(hue, 1)),
        usage=palette_phrases().role_usage[role],
    )
