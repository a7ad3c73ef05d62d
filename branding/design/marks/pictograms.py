"""Symbols drawn from the icon set: the icon a kit chose for a concept, recoloured to the palette's inks, its strokes
set to the mark's weight, and composed in the 100 x 100 symbol box: bare, held in a solid shape, knocked out of one
(negative space), or stacked over the initials.

The icon is always one filled path (outline.py), so it takes any ink, scales to any size and can be cut out of a
shape with a boolean difference instead of being painted over it in the paper colour.
"""

from __future__ import annotations

import math
import random
from typing import Literal

from branding.design.marks.inks import Inks
from branding.design.marks.shapes import Symbol
from branding.design.marks.text import _n
from branding.design.marks.typesetting import Face, set_line
from branding.design.symbols.choose import KitSymbol
from branding.design.symbols.outline import DEFAULT_WEIGHT, Box, IconOutline, cut_out, outline_icon

# The stroke of an outline icon as a share of the drawing's larger side: a regular (400) mark draws it at 9.5%, each
# 100 of weight adds 0.8%, so a bold brand gets a bold symbol, a line icon holds its own beside bold lettering, and the
# thinnest line still covers two pixels of a 24-pixel favicon symbol.
STROKE_SHARE = 0.095
STROKE_STEP = 0.008
GRID_WEIGHTS = (1.5, 3.5)  # Tabler grid units: thinner breaks up small, thicker fills the icon's own gaps


HELD_BOOST = 1.2  # an icon held in a shape is drawn at about 60% of the mark: its lines get a fifth more to keep up


def stroke_share(weight: int) -> float:
    return STROKE_SHARE + (min(max(weight, 300), 900) - 400) / 100 * STROKE_STEP


def icon_outline(symbol: KitSymbol, *, box: Box, weight: int, boost: float = 1.0) -> IconOutline | None:
    """The chosen icon as one filled path in `box`: the solid variant when the set has one, else the outline with its
    strokes widened to the mark's weight (the same share of the drawing whatever the icon's own proportions, times
    `boost` for an icon drawn small inside a shape)."""
    library, name = symbol.library, symbol.choice.icon
    first = outline_icon(library, name, box=box)
    if first is None or first.style == 'filled':
        return first
    x_min, y_min, x_max, y_max = first.bounds
    grid = stroke_share(weight) * boost * max(x_max - x_min, y_max - y_min) / first.scale
    grid = min(max(round(grid * 4) / 4, GRID_WEIGHTS[0]), GRID_WEIGHTS[1])  # quarter units: the outline cache hits
    if grid == DEFAULT_WEIGHT:
        return first
    return outline_icon(library, name, box=box, weight=grid, prefer_filled=False) or first


# --- the shapes a symbol is held in, as paths (cubic arcs: a boolean difference needs no SVG arc commands) -----------

_KAPPA = 0.5523  # a quarter circle as one cubic Bézier


def disc_path(cx: float = 50, cy: float = 50, r: float = 50) -> str:
    k = r * _KAPPA
    return (
        f'M{_n(cx)} {_n(cy - r)}C{_n(cx + k)} {_n(cy - r)} {_n(cx + r)} {_n(cy - k)} {_n(cx + r)} {_n(cy)}'
        f'C{_n(cx + r)} {_n(cy + k)} {_n(cx + k)} {_n(cy + r)} {_n(cx)} {_n(cy + r)}'
        f'C{_n(cx - k)} {_n(cy + r)} {_n(cx - r)} {_n(cy + k)} {_n(cx - r)} {_n(cy)}'
        f'C{_n(cx - r)} {_n(cy - k)} {_n(cx - k)} {_n(cy - r)} {_n(cx)} {_n(cy - r)}Z'
    )


def tile_path(radius: float, size: float = 100) -> str:
    r, k, s = radius, radius * (1 - _KAPPA), size
    return (
        f'M{_n(r)} 0H{_n(s - r)}C{_n(s - k)} 0 {_n(s)} {_n(k)} {_n(s)} {_n(r)}V{_n(s - r)}'
        f'C{_n(s)} {_n(s - k)} {_n(s - k)} {_n(s)} {_n(s - r)} {_n(s)}H{_n(r)}'
        f'C{_n(k)} {_n(s)} 0 {_n(s - k)} 0 {_n(s - r)}'
        f'V{_n(r)}C0 {_n(k)} {_n(k)} 0 {_n(r)} 0Z'
    )


def arch_path() -> str:
    """A round-headed arch standing on the box's floor: 92 wide, the half circle's centre 46 from the top."""
    k = 46 * _KAPPA
    return f'M4 100V46C4 {_n(46 - k)} {_n(50 - k)} 0 50 0C{_n(50 + k)} 0 96 {_n(46 - k)} 96 46V100Z'


def hexagon_path(rotation: float) -> str:
    points = [
        (
            50 + 50 * math.cos(math.radians(rotation + index * 60 - 90)),
            50 + 50 * math.sin(math.radians(rotation + index * 60 - 90)),
        )
        for index in range(6)
    ]
    return 'M' + 'L'.join(f'{_n(x)} {_n(y)}' for x, y in points) + 'Z'


Holder = Literal['disc', 'tile', 'arch', 'hexagon']

# Where the icon sits in each shape: the largest square the shape holds with an even margin (an arch's is lower,
# under its round head; a hexagon's a little smaller, between its slanted sides).
INNER: dict[Holder, Box] = {
    'disc': Box(x=19, y=19, width=62, height=62),
    'tile': Box(x=18, y=18, width=64, height=64),
    'arch': Box(x=22, y=28, width=56, height=56),
    'hexagon': Box(x=22, y=22, width=56, height=56),
}
HOLDER_NAMES: dict[Holder, str] = {
    'disc': 'a solid disc',
    'tile': 'a rounded tile',
    'arch': 'an arch',
    'hexagon': 'a hexagon',
}


def _holder_path(holder: Holder, rng: random.Random) -> str:
    if holder == 'disc':
        return disc_path()
    if holder == 'tile':
        return tile_path(rng.uniform(18, 26))
    if holder == 'arch':
        return arch_path()
    return hexagon_path(rng.choice((0, 30)))


def _path(d: str, fill: str) -> str:
    return f'<path fill="{fill}" d="{d}"/>'


# --- compositions ------------------------------------------------------------------------------------------------


def bare_symbol(symbol: KitSymbol, inks: Inks, weight: int) -> Symbol | None:
    """The icon alone, in the brand ink, filling the box."""
    icon = icon_outline(symbol, box=Box(x=4, y=4, width=92, height=92), weight=weight)
    if icon is None:
        return None
    return Symbol(body=_path(icon.d, inks.brand), phrase=symbol.choice.label)


def held_symbol(symbol: KitSymbol, inks: Inks, weight: int, holder: Holder, rng: random.Random) -> Symbol | None:
    """The icon in the paper's ink (the brand's own text colour on it) on a solid shape in the brand ink."""
    icon = icon_outline(symbol, box=INNER[holder], weight=weight, boost=HELD_BOOST)
    if icon is None:
        return None
    # one shape, one ink and the icon: an accent sill under an arch read as a stripe of an unrelated colour
    return Symbol(
        body=_path(_holder_path(holder, rng), inks.brand) + _path(icon.d, inks.on_brand),
        phrase=f'{symbol.choice.label} in {HOLDER_NAMES[holder]}',
    )


def cut_symbol(symbol: KitSymbol, inks: Inks, weight: int, holder: Holder, rng: random.Random) -> Symbol | None:
    """Negative space: the icon cut out of a solid shape, so whatever the mark stands on shows through it."""
    icon = icon_outline(symbol, box=INNER[holder], weight=weight, boost=HELD_BOOST)
    if icon is None:
        return None
    cut = cut_out(_holder_path(holder, rng), icon.d)
    if cut is None:
        return None
    return Symbol(
        body=_path(cut, inks.brand),
        phrase=f'{symbol.choice.label} cut out of {HOLDER_NAMES[holder]} as negative space',
    )


def symbol_over_initials(
    symbol: KitSymbol, letters: str, face: Face, *, inks: Inks, weight: int, rng: random.Random
) -> Symbol | None:
    """Monogram and symbol on one rounded tile: the icon above, the initials beneath, both in the paper's ink."""
    icon = icon_outline(symbol, box=Box(x=27, y=10, width=46, height=46), weight=weight, boost=HELD_BOOST)
    if icon is None:
        return None
    line = set_line(letters, face, weight=weight, tracking=0.04)
    x_min, y_min, x_max, y_max = line.ink_box_em()
    size = min(20 / max(y_max - y_min, 0.3), 64 / max(x_max - x_min, 0.3))
    text = line.place_centered(cx=50, cy=73, size=size, fill=inks.on_brand)
    return Symbol(
        body=_path(tile_path(rng.uniform(16, 24)), inks.brand) + _path(icon.d, inks.on_brand) + text,
        phrase=f'{symbol.choice.label} over the initials "{letters}" on a rounded tile',
        outlined=line.outlined,
    )


Composition = Literal['bare', 'disc', 'tile', 'arch', 'hexagon', 'cut-disc', 'cut-tile']

_HELD: dict[Composition, Holder] = {'disc': 'disc', 'tile': 'tile', 'arch': 'arch', 'hexagon': 'hexagon'}
_CUT: dict[Composition, Holder] = {'cut-disc': 'disc', 'cut-tile': 'tile'}


def _compose(composition: Composition, symbol: KitSymbol, inks: Inks, weight: int, rng: random.Random) -> Symbol | None:
    if composition in _CUT:
        return cut_symbol(symbol, inks, weight, _CUT[composition], rng)
    if composition in _HELD:
        return held_symbol(symbol, inks, weight, _HELD[composition], rng)
    return bare_symbol(symbol, inks, weight)


def pictogram(
    symbol: KitSymbol, inks: Inks, *, weight: int, composition: Composition, rng: random.Random
) -> Symbol | None:
    """The chosen icon in `composition`; a cut-out skia cannot resolve is held in the shape instead. None only when
    the icon cannot be drawn at all (the caller falls back to a hand-drawn symbol)."""
    drawn = _compose(composition, symbol, inks, weight, rng)
    if drawn is None and composition in _CUT:
        drawn = held_symbol(symbol, inks, weight, _CUT[composition], rng)
    return drawn
