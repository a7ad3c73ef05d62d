"""Picked colours and fonts: a base colour typed or picked for a palette role, a catalogue family for a font role.
The section is then completed as any palette or type system is: scales, themes, contrast fixes and colour-vision
checks re-derived from the new bases (every AA guarantee holds, and a colour the fixes had to move says so in the
palette's adjustments), the pairing rationale rewritten for the new faces."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from branding.design.color import normalize_hex
from branding.design.font_files import FontLibrary
from branding.design.typography import find_font
from branding.models import ColorPalette, CompanyProfile, Typography
from branding.sections.palette import complete_palette
from branding.sections.typography import complete_typography

PaletteRole = Literal['primary', 'secondary', 'accent', 'neutral']
FontRole = Literal['heading', 'body', 'accent']
ROLES: tuple[PaletteRole, ...] = ('primary', 'secondary', 'accent', 'neutral')
FONT_ROLES: tuple[FontRole, ...] = ('heading', 'body', 'accent')


@dataclass(kw_only=True, slots=True, frozen=True)
class PickContext:
    """What completing a picked section needs: the kit's profile and the installed fonts."""

    profile: CompanyProfile
    fonts: FontLibrary


def colour_problem(text: str) -> str | None:
    try:
        normalize_hex(text)
    except ValueError:
        return 'Not a colour: give a hex code such as #0a7f5a, or a CSS colour'
    return None


def family_problem(name: str) -> str | None:
    return None if find_font(name) is not None else 'Not in the open-licence font catalogue'


def picked_palette(palette: ColorPalette, picks: Mapping[PaletteRole, str], context: PickContext) -> ColorPalette:
    """The palette with the picked base colours, completed (texts written again for the new colours)."""
    bases = {role: normalize_hex(picks[role]) if role in picks else str(getattr(palette, role)) for role in ROLES}
    return complete_palette(
        bases['primary'], bases['secondary'], bases['accent'], bases['neutral'], profile=context.profile
    )


def picked_typography(typography: Typography, picks: Mapping[FontRole, str], context: PickContext) -> Typography:
    """The type system with the picked families, completed and its pairing explained again."""
    families = {role: picks.get(role, getattr(typography, f'{role}_font')) for role in FONT_ROLES}
    return complete_typography(
        families['heading'], families['body'], families['accent'], profile=context.profile, fonts=context.fonts
    )
