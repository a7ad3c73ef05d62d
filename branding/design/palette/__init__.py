"""Palette science: four base colours chosen or given, then themes for light and dark mode that pass WCAG 2.x AA,
50-950 scales and colour-vision checks. No words here beyond the notes on what moved: the section writes the prose.
"""

from branding.design.palette.bases import BASE_ROLES, Bases
from branding.design.palette.colors import PaletteColors, derive_colors
from branding.design.palette.harmony import HARMONIES, choose_bases, sector_accents
from branding.design.palette.themes import CONTRAST_PAIRS, MODES, Mode
from branding.design.palette.vision import CVD_MIN_DELTA_E, ENFORCED_DEFICIENCIES, REPORTED_DEFICIENCIES

__all__ = [
    'BASE_ROLES',
    'CONTRAST_PAIRS',
    'CVD_MIN_DELTA_E',
    'ENFORCED_DEFICIENCIES',
    'HARMONIES',
    'MODES',
    'REPORTED_DEFICIENCIES',
    'Bases',
    'Mode',
    'PaletteColors',
    'choose_bases',
    'derive_colors',
    'sector_accents',
]
