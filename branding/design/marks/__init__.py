"""Logo marks as self-contained SVG: the name outlined in the heading font, symbols built from geometric primitives."""

from branding.design.marks.brief import icon_motif, tone_has
from branding.design.marks.inks import color_name
from branding.design.marks.render import Mark, render_mark
from branding.design.marks.text import display_name, initials
from branding.design.marks.typesetting import Face, fit_text

__all__ = [
    'Face',
    'Mark',
    'color_name',
    'display_name',
    'fit_text',
    'icon_motif',
    'initials',
    'render_mark',
    'tone_has',
]
