"""Monogram symbols: the initials set in a disc, tile, ring, hexagon or arch, or on a shield crest."""

from __future__ import annotations

import math
import random
from typing import Literal

from branding.design.marks.icon_symbols import SHIELD
from branding.design.marks.inks import Inks
from branding.design.marks.shapes import Symbol, _arc_path, _stroke
from branding.design.marks.text import _GRAPHEME, _n
from branding.design.marks.typesetting import Face, set_line


def _polygon(sides: int, radius: float, rotation: float, cx: float = 50, cy: float = 50) -> str:
    points = []
    for index in range(sides):
        angle = math.radians(rotation + index * 360 / sides - 90)
        points.append(f'{_n(cx + radius * math.cos(angle))},{_n(cy + radius * math.sin(angle))}')
    return ' '.join(points)


MonogramShape = Literal['disc', 'tile', 'ring', 'hexagon', 'arch']
MONOGRAM_SHAPES: tuple[MonogramShape, ...] = ('disc', 'tile', 'ring', 'hexagon', 'arch')


def monogram_symbol(
    letters: str,
    face: Face,
    *,
    weight: int,
    inks: Inks,
    rng: random.Random,
    shape: MonogramShape,
    plain: bool = False,
) -> Symbol:
    """The initials in a shape; `plain` leaves out the accent flourish, for when the shape sits inside a bigger mark."""
    filled = shape != 'ring'
    letter_color = inks.on_brand if filled else inks.brand
    flourish = ''
    full_stop = False
    center_y = 50.0
    if shape == 'disc':
        holder = f'<circle cx="50" cy="50" r="50" fill="{inks.brand}"/>'
        angle = math.radians(rng.uniform(-60, 30) - 45)
        flourish = (
            f'<circle cx="{_n(50 + 50 * math.cos(angle))}" cy="{_n(50 + 50 * math.sin(angle))}" r="9" '
            f'fill="{inks.spark}"/>'
        )
        area, phrase = 60.0, 'a solid disc with a satellite dot'
    elif shape == 'tile':
        holder = f'<rect width="100" height="100" rx="{_n(rng.uniform(16, 30))}" fill="{inks.brand}"/>'
        full_stop = True
        area, phrase = 56.0, 'a rounded tile, the letters closed by an accent full stop'
    elif shape == 'ring':
        holder = f'<circle cx="50" cy="50" r="45" {_stroke(inks.brand, 7)}/>'
        flourish = f'<path d="{_arc_path(45, rng.uniform(0, 360), rng.uniform(50, 80))}" {_stroke(inks.spark, 7)}/>'
        area, phrase = 52.0, 'an open ring with one arc picked out in the accent'
    elif shape == 'hexagon':
        rotation = rng.choice((0, 30))
        holder = (
            f'<polygon points="{_polygon(6, 46, rotation)}" fill="{inks.brand}" stroke="{inks.brand}" '
            f'stroke-width="8" stroke-linejoin="round"/>'
        )
        flourish = f'<polygon points="{_polygon(6, 38, rotation)}" {_stroke(inks.spark, 2.5)}/>'
        area, phrase = 50.0, 'a hexagon with an inner accent keyline'
    else:
        holder = f'<path d="M4 100V46A46 46 0 0 1 96 46V100Z" fill="{inks.brand}"/>'
        sill = rng.uniform(10, 15)
        flourish = f'<rect x="4" y="{_n(100 - sill)}" width="92" height="{_n(sill)}" fill="{inks.spark}"/>'
        area, phrase, center_y = 56.0, 'an arch standing on an accent sill', 54.0
    if plain:
        flourish, full_stop, phrase = '', False, phrase.split(',')[0].split(' with ')[0]
    graphemes = len(_GRAPHEME.findall(letters))
    line = set_line(letters, face, weight=weight, tracking=-0.02 if graphemes > 1 else 0.0)
    x_min, y_min, x_max, y_max = line.ink_box_em()
    ink_width, ink_height = max(x_max - x_min, 0.3), max(y_max - y_min, 0.3)
    size = min(area * (0.78 if graphemes > 1 else 0.9) / ink_height, area / ink_width)
    if not (full_stop and line.outlined):
        text = line.place_centered(cx=50, cy=center_y, size=size, fill=letter_color)
        return Symbol(body=f'{holder}{flourish}{text}', phrase=phrase, outlined=line.outlined)
    radius = max(size * 0.075, 3.2)
    gap = size * 0.05
    shift = (gap + radius * 2) / 2  # centre the letters and their full stop as one
    left = 50 - shift - (x_min + x_max) / 2 * size
    baseline = center_y - (y_min + y_max) / 2 * size
    dot = (
        f'<circle cx="{_n(left + x_max * size + gap + radius)}" cy="{_n(baseline - radius)}" r="{_n(radius)}" '
        f'fill="{inks.spark}"/>'
    )
    text = line.place(left=left, baseline=baseline, size=size, fill=letter_color)
    return Symbol(body=f'{holder}{text}{dot}', phrase=phrase, outlined=line.outlined)


def _shield_symbol(letters: str, face: Face, weight: int, inks: Inks) -> Symbol:
    line = set_line(letters, face, weight=weight, tracking=-0.02)
    x_min, y_min, x_max, y_max = line.ink_box_em()  # the ink, so a CJK or Arabic letter fits as a capital does
    size = min(40 / max(y_max - y_min, 0.3), 52 / max(x_max - x_min, 0.3))
    return Symbol(
        body=f'<path d="{SHIELD}" fill="{inks.brand}"/><path d="M22 24L50 14.5L78 24" {_stroke(inks.spark, 4)}/>'
        f'{line.place_centered(cx=50, cy=50, size=size, fill=inks.on_brand)}',
        phrase='a shield crest holding the initials under an accent chevron',
        outlined=line.outlined,
    )
