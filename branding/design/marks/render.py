"""A logo concept's artwork: the style's layout drawn from the brief, wrapped in a self-contained SVG document."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from branding.design.font_files import FontLibrary
from branding.design.marks.brief import Brief, make_brief
from branding.design.marks.emblems import draw_emblem
from branding.design.marks.inks import Inks
from branding.design.marks.layout import HEIGHT, WIDTH, Drawing
from branding.design.marks.logo_files import LogoFiles, logo_files, with_inks
from branding.design.marks.symbol_marks import draw_abstract, draw_combination, draw_lettermark, draw_pictorial
from branding.design.marks.text import _attr
from branding.design.marks.typesetting import WEIGHT_NAMES
from branding.design.marks.wordmarks import draw_wordmark
from branding.design.symbols.choose import KitSymbol
from branding.models import ColorPalette, CompanyProfile, LogoStyle, Typography
from branding.seeding import rng_for

_COLOR_ATTRIBUTE = re.compile(r'(?:fill|stroke)="(#[0-9a-f]{6})"')


@dataclass(kw_only=True, slots=True, frozen=True)
class Mark:
    svg: str
    colors: tuple[str, ...]
    composition: str  # what is drawn, in a designer's words, for the concept's description
    typeface: str  # e.g. 'Inter Bold', or the css family when the name fell back to live text
    outlined: bool  # False when some profile text had to stay live <text> (font missing or no glyphs)
    files: LogoFiles  # the colourways and the icon, and how legible they are small


DRAWERS: dict[LogoStyle, Callable[[Brief, random.Random, int], Drawing]] = {
    LogoStyle.WORDMARK: draw_wordmark,
    LogoStyle.LETTERMARK: draw_lettermark,
    LogoStyle.EMBLEM: draw_emblem,
    LogoStyle.ABSTRACT: draw_abstract,
    LogoStyle.COMBINATION: draw_combination,
    LogoStyle.PICTORIAL: draw_pictorial,
}


def svg_document(*, name: str, style: LogoStyle, body: str, paper: str) -> str:
    label = f'{name} logo, {style.value} concept'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{_attr(label)}"><title>{escape(label)}</title>'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{paper}"/>{body}</svg>'
    )


def render_mark(
    style: LogoStyle,
    profile: CompanyProfile,
    palette: ColorPalette,
    typography: Typography,
    *,
    fonts: FontLibrary,
    seed: int,
    variant: int = 0,
    symbol: KitSymbol | None = None,
) -> Mark:
    """One logo concept's artwork, its lettering outlined from the files in `fonts` (live text when they are not
    installed). The same inputs give the same SVG; `variant` moves a repeated style on to another composition. `symbol`
    is the icon the kit chose for this concept (styles that draw no symbol ignore it; None: a hand-drawn symbol)."""
    brief = make_brief(profile, palette, typography, fonts, symbol)
    # The composition is a turn of a wheel fixed by profile, seed and style, so a style repeated in one kit moves on
    # to the next composition; the details (angles, proportions) vary with the variant too.
    turn = rng_for(profile, seed, f'logos:{style.value}').randrange(720720) + variant

    def draw(inks: Inks) -> Drawing:  # the same draws each time: the same composition in other inks
        return DRAWERS[style](with_inks(brief, inks), rng_for(profile, seed, f'logos:{style.value}:{variant}'), turn)

    drawing = draw(brief.inks)
    svg = svg_document(name=brief.name, style=style, body=drawing.body, paper=brief.inks.paper)
    colors = tuple(dict.fromkeys(_COLOR_ATTRIBUTE.findall(svg)))
    typeface = (
        f'{brief.face.family} {WEIGHT_NAMES.get(drawing.weight, "")}'.strip()
        if drawing.outlined
        else brief.face.css_stack
    )
    files = logo_files(name=brief.name, style=style.value, brief=brief, palette=palette, draw=draw, primary=drawing)
    return Mark(
        svg=svg,
        colors=colors,
        composition=drawing.composition,
        typeface=typeface,
        outlined=drawing.outlined,
        files=files,
    )
