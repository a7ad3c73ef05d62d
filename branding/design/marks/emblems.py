"""The emblem: a circular seal with the name arched around the initials, or a crest or badge above the name."""

from __future__ import annotations

import math
import random

from branding.design.glyphs import outline_text
from branding.design.marks.brief import Brief
from branding.design.marks.layout import CENTER_X, CENTER_Y, MARGIN, WIDTH, Drawing, _case, _name_line_case
from branding.design.marks.monogram_symbols import _shield_symbol, monogram_symbol
from branding.design.marks.pictograms import Holder, held_symbol
from branding.design.marks.shapes import Symbol, _place_symbol, _stroke
from branding.design.marks.text import _n, clean_text
from branding.design.marks.turns import _pick
from branding.design.marks.typesetting import Face, fit_text


def _arc_text(
    text: str, face: Face, weight: int, *, radius: float, cap: float, tracking: float, fill: str, bottom: bool
) -> str | None:
    """Outlined letters along a circle around the canvas centre: over the top reading clockwise, or along the
    bottom reading left to right; None when the font cannot draw every letter or the text will not fit."""
    found = face.file(weight)
    if found is None:
        return None
    glyphs = [outline_text(found[1], char) for char in text]
    if any(glyph is None for glyph in glyphs):
        return None
    outlines = [glyph for glyph in glyphs if glyph is not None]
    units = outlines[0].metrics.units_per_em if outlines else 1000
    size = cap / (outlines[0].metrics.cap_height / units) if outlines else cap
    scale = size / units
    advances = [glyph.advance_width * scale + tracking * size for glyph in outlines]
    total = sum(advances) - tracking * size
    baseline_radius = radius + cap / 2 if bottom else radius - cap / 2
    sweep = math.degrees(total / baseline_radius)
    if sweep > 150:
        return None
    parts = []
    travelled = 0.0
    for glyph, advance in zip(outlines, advances, strict=True):
        if glyph.path_data:
            middle = travelled + glyph.advance_width * scale / 2
            angle = math.degrees(middle / baseline_radius) - sweep / 2
            if bottom:
                angle = -angle
            y = CENTER_Y + baseline_radius if bottom else CENTER_Y - baseline_radius
            x = CENTER_X - glyph.advance_width * scale / 2
            parts.append(
                f'<path transform="rotate({_n(angle)} {_n(CENTER_X)} {_n(CENTER_Y)}) translate({_n(x)} {_n(y)}) '
                f'scale({scale:.5g})" d="{glyph.path_data}"/>'
            )
        travelled += advance
    return f'<g fill="{fill}">{"".join(parts)}</g>'


def draw_emblem(brief: Brief, rng: random.Random, turn: int) -> Drawing:
    inks = brief.inks
    layout = _pick(('seal', 'crest', 'hexagon'), turn)
    weight = brief.strong
    if layout == 'seal' and not brief.face.is_script:  # joined script letters cannot be spread around a circle
        seal = _draw_seal(brief, rng, weight)
        if seal is not None:
            return seal
        layout = 'crest'
    symbol_size = rng.uniform(168, 182)
    symbol, held = _badge(brief, rng, layout, weight)
    name_weight = brief.light
    mode, tracking, cap = ('as-is', 0.0, 24.0) if brief.face.is_script else ('upper', 0.18, 17.0)
    caps = _case(brief.name, _name_line_case(brief.name, brief, mode, weight=name_weight, tracking=tracking))
    block = fit_text(caps, brief.face, weight=name_weight, tracking=tracking, max_width=WIDTH - 2 * MARGIN, cap=cap)
    gap = 26.0
    total = symbol_size + gap + block.height
    top = CENTER_Y - total / 2
    body = _place_symbol(symbol, x=CENTER_X - symbol_size / 2, y=top, size=symbol_size)
    text_top = top + symbol_size + gap
    body += block.place(top=text_top, center_x=CENTER_X, fill=inks.ink)
    beneath = 'in spaced capitals' if mode == 'upper' else f'in {brief.face.family}'
    return Drawing(
        body=body,
        composition=f'{held}, the name set beneath {beneath}',
        outlined=symbol.outlined and block.outlined,
        weight=weight,
        symbol=symbol,
    )


def _badge(brief: Brief, rng: random.Random, layout: str, weight: int) -> tuple[Symbol, str]:
    """The emblem's badge and what it holds: the kit's symbol in an arch or a hexagon (a shield crest would claim
    security for any company), or without one the initials on a shield crest or in a hexagon."""
    if brief.symbol is not None:
        holder: Holder = 'arch' if layout == 'crest' else 'hexagon'
        drawn = held_symbol(brief.symbol, brief.inks, brief.weight, holder, rng)
        if drawn is not None:
            return drawn, f'a badge: {drawn.phrase}'
    if layout == 'crest':
        symbol = _shield_symbol(brief.letters, brief.face, weight, brief.inks)
        return symbol, f'a shield crest with the initials "{brief.letters}"'
    symbol = monogram_symbol(brief.letters, brief.face, weight=weight, inks=brief.inks, rng=rng, shape='hexagon')
    return symbol, f'a hexagonal badge with the initials "{brief.letters}"'


def _seal_centre(brief: Brief, rng: random.Random, weight: int) -> tuple[Symbol, str]:
    if brief.symbol is not None:
        drawn = held_symbol(brief.symbol, brief.inks, brief.weight, 'disc', rng)
        if drawn is not None:
            return drawn, f'{brief.symbol.choice.label} on a solid disc'
    symbol = monogram_symbol(
        brief.letters, brief.face, weight=weight, inks=brief.inks, rng=rng, shape='disc', plain=True
    )
    return symbol, f'the initials "{brief.letters}" on a solid disc'


def _draw_seal(brief: Brief, rng: random.Random, weight: int) -> Drawing | None:
    inks = brief.inks
    outer = 142.0
    inner = rng.uniform(88, 96)
    band = (outer + inner) / 2
    caps = brief.name.upper()
    top = _arc_text(
        caps, brief.face, brief.weight, radius=band, cap=15, tracking=0.16, fill=inks.ink, bottom=False
    ) or _arc_text(caps, brief.face, brief.weight, radius=band, cap=11, tracking=0.1, fill=inks.ink, bottom=False)
    if top is None:
        return None
    industry = clean_text(brief.industry).upper()
    bottom = _arc_text(
        industry, brief.detail_face, 400, radius=band, cap=9, tracking=0.22, fill=inks.muted, bottom=True
    )
    symbol, centre = _seal_centre(brief, rng, weight)
    disc = inner * 2 - 8
    body = (
        f'<circle cx="{_n(CENTER_X)}" cy="{_n(CENTER_Y)}" r="{_n(outer)}" {_stroke(inks.brand, 3)}/>'
        f'<circle cx="{_n(CENTER_X)}" cy="{_n(CENTER_Y)}" r="{_n(inner)}" {_stroke(inks.brand, 1.5)}/>'
        + _place_symbol(symbol, x=CENTER_X - disc / 2, y=CENTER_Y - disc / 2, size=disc)
        + top
        + (bottom or '')
    )
    for side in (-1, 1):
        body += f'<circle cx="{_n(CENTER_X + side * band)}" cy="{_n(CENTER_Y)}" r="3.5" fill="{inks.spark}"/>'
    around = 'the name arched over the top and the industry along the foot' if bottom else 'the name arched over it'
    return Drawing(
        body=body,
        composition=f'a circular seal with {centre}, {around}',
        outlined=symbol.outlined,
        weight=weight,
        symbol=symbol,
    )
