"""Abstract symbols: petals, arcs, a pinwheel, a grid or a horizon, patterned from the letters of the name."""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Callable

from branding.design.marks.inks import Inks
from branding.design.marks.shapes import Symbol, _arc_path, _rotated, _stroke
from branding.design.marks.text import _n
from branding.design.marks.turns import _pick


def _letters_seed(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.casefold().encode()).digest()[:8], 'big')


def _abstract_petals(inks: Inks, name: str, rng: random.Random) -> tuple[str, str]:
    # Each petal is outlined in the paper colour so overlaps read as layers, not as a muddy blend.
    letters = [char for char in name if char.isalnum()] or ['x']
    count = 3 + len(letters) % 4
    base = rng.uniform(0, 360 / count)
    rx, ry = rng.uniform(12, 16), rng.uniform(25, 29)
    colors = (inks.brand, inks.support, inks.spark)
    petals = ''.join(
        f'<ellipse cx="50" cy="{_n(50 - ry * 0.62)}" rx="{_n(rx)}" ry="{_n(ry)}" fill="{colors[index % 3]}" '
        f'stroke="{inks.paper}" stroke-width="2.5" transform="rotate({_n(base + index * 360 / count)} 50 50)"/>'
        for index in range(count)
    )
    return petals, f'{count} overlapping petals turning around a shared centre, their number taken from the name'


def _abstract_arcs(inks: Inks, name: str, rng: random.Random) -> tuple[str, str]:
    start = (_letters_seed(name) % 8) * 45 + rng.uniform(-10, 10)
    step = rng.uniform(24, 40)  # small steps keep the arcs reading as one gesture, not as a face
    sweep = rng.uniform(220, 260)
    arcs = ''.join(
        f'<path d="{_arc_path(radius, start + index * step, sweep)}" {_stroke(color, 9)}/>'
        for index, (radius, color) in enumerate(((42, inks.brand), (29, inks.support), (16, inks.spark)))
    )
    return arcs, 'three concentric arcs, each turned a step further, like a signal gathering'


def _abstract_pinwheel(inks: Inks, name: str, rng: random.Random) -> tuple[str, str]:
    gap = rng.uniform(2.5, 5)
    lead = _letters_seed(name) % 4
    colors = [inks.brand, inks.support, inks.brand, inks.support]
    colors[lead] = inks.spark
    corner = 48 - gap
    radius = corner - 6
    blade = f'M6 {_n(corner)}H{_n(corner)}A{_n(radius)} {_n(radius)} 0 0 0 6 {_n(corner - radius)}Z'
    if rng.random() < 0.5:
        blade = f'M{_n(corner)} {_n(corner)}H6A{_n(radius)} {_n(radius)} 0 0 1 {_n(corner)} {_n(corner - radius)}Z'
    body = ''.join(
        f'<path d="{blade}" fill="{color}" transform="rotate({90 * index} 50 50)"/>'
        for index, color in enumerate(colors)
    )
    return _rotated(body, rng.choice((0, 45)) + rng.uniform(-4, 4)), 'four quarter-circle blades set as a pinwheel'


def _abstract_grid(inks: Inks, name: str, rng: random.Random) -> tuple[str, str]:
    bits = _letters_seed(name) ^ rng.getrandbits(64)
    cells = 5
    half = (cells + 1) // 2
    pitch = 84 / cells
    on = {(row, col) for row in range(cells) for col in range(half) if (bits >> (row * half + col)) & 1}
    on |= {(2, 2), (1, 1), (3, 1)}  # a spine so no name ever gets an empty or shapeless grid
    mirrored = on | {(row, cells - 1 - col) for row, col in on}
    spark_cell = sorted(mirrored)[bits % len(mirrored)]
    radius = pitch * rng.uniform(0.36, 0.46)
    square = rng.random() < 0.5
    shapes = []
    for row, col in sorted(mirrored):
        cx, cy = 8 + pitch * (col + 0.5), 8 + pitch * (row + 0.5)
        color = inks.spark if (row, col) == spark_cell else inks.brand
        if square:
            side = radius * 2
            shapes.append(
                f'<rect x="{_n(cx - radius)}" y="{_n(cy - radius)}" width="{_n(side)}" height="{_n(side)}" '
                f'rx="{_n(radius * 0.35)}" fill="{color}"/>'
            )
        else:
            shapes.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(radius)}" fill="{color}"/>')
    kind = 'rounded squares' if square else 'dots'
    return ''.join(shapes), f'a mirrored grid of {kind} patterned from the letters of the name'


def _stripe(y1: float, y2: float, radius: float = 42) -> str:
    w1, w2 = (math.sqrt(max(radius**2 - (y - 50) ** 2, 0)) for y in (y1, y2))
    return (
        f'M{_n(50 - w1)} {_n(y1)}H{_n(50 + w1)}A{_n(radius)} {_n(radius)} 0 0 1 {_n(50 + w2)} {_n(y2)}'
        f'H{_n(50 - w2)}A{_n(radius)} {_n(radius)} 0 0 1 {_n(50 - w1)} {_n(y1)}Z'
    )


def _abstract_horizon(inks: Inks, name: str, rng: random.Random) -> tuple[str, str]:
    split = rng.uniform(46, 54)
    bands = 3 + _letters_seed(name) % 2
    stripes = []
    y = split
    thickness = (92 - split) / (bands * 1.7)
    for index in range(bands):
        gap = 2.2 + index * 1.4
        top = y + gap
        bottom = min(top + thickness * (1 - index * 0.12), 92)
        if bottom - top > 1:
            stripes.append(_stripe(top, bottom))
        y = bottom
    body = f'<path d="{_stripe(8, split)}" fill="{inks.brand}"/><path d="{"".join(stripes)}" fill="{inks.spark}"/>'
    return _rotated(body, rng.choice((0, 0, 0, -20, 20))), 'a disc cut into a solid crown and a horizon of stripes'


ABSTRACTS: tuple[Callable[[Inks, str, random.Random], tuple[str, str]], ...] = (
    _abstract_petals,
    _abstract_arcs,
    _abstract_pinwheel,
    _abstract_grid,
    _abstract_horizon,
)


def abstract_symbol(inks: Inks, name: str, rng: random.Random, turn: int) -> Symbol:
    maker = _pick(ABSTRACTS, turn)
    body, phrase = maker(inks, name, rng)
    return Symbol(body=body, phrase=phrase)
