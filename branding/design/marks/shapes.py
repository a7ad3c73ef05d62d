"""The 100 x 100 symbol box: the Symbol record, the primitives symbols share, and placing a symbol on the tile.

Symbols are drawn in a 100 x 100 box and scaled into place, so a symbol can serve a lettermark, a combination lockup or
an emblem alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from branding.design.marks.text import _n


@dataclass(kw_only=True, slots=True, frozen=True)
class Symbol:
    body: str  # in the 100 x 100 box
    phrase: str
    outlined: bool = True


def _stroke(color: str, width: float) -> str:
    return f'fill="none" stroke="{color}" stroke-width="{_n(width)}" stroke-linecap="round" stroke-linejoin="round"'


def _rotated(body: str, degrees: float) -> str:
    return f'<g transform="rotate({_n(degrees)} 50 50)">{body}</g>' if abs(degrees) > 0.01 else body


def _arc_path(radius: float, start: float, sweep: float) -> str:
    a, b = math.radians(start), math.radians(start + sweep)
    x1, y1 = 50 + radius * math.cos(a), 50 + radius * math.sin(a)
    x2, y2 = 50 + radius * math.cos(b), 50 + radius * math.sin(b)
    large = 1 if sweep > 180 else 0
    return f'M{_n(x1)} {_n(y1)}A{_n(radius)} {_n(radius)} 0 {large} 1 {_n(x2)} {_n(y2)}'


def _place_symbol(symbol: Symbol, *, x: float, y: float, size: float) -> str:
    return f'<g transform="translate({_n(x)} {_n(y)}) scale({_n(size / 100)})">{symbol.body}</g>'
