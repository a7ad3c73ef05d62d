"""What the mark layouts share: the presentation tile, the Drawing a layout returns and the letter case of the name.

Every mark is drawn on a 480 x 320 presentation tile in the kit's palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from branding.design.marks.brief import Brief
from branding.design.marks.shapes import Symbol
from branding.design.marks.typesetting import set_line

WIDTH = 480
HEIGHT = 320
CENTER_X = WIDTH / 2
CENTER_Y = HEIGHT / 2
MARGIN = 40


@dataclass(kw_only=True, slots=True, frozen=True)
class Drawing:
    body: str
    composition: str
    outlined: bool
    weight: int
    # the symbol the composition is built on (in its 100 x 100 box), for the square icon; None for a wordmark, whose
    # icon is its initials
    symbol: Symbol | None = None


def _case(text: str, mode: str) -> str:
    return text.upper() if mode == 'upper' else text.lower() if mode == 'lower' else text


def _name_line_case(name: str, brief: Brief, mode: str, *, weight: int, tracking: float) -> str:
    """The case to set the name in: the styled one when the font can draw it, else the name as written."""
    styled = _case(name, mode)
    if styled == name or set_line(styled, brief.face, weight=weight, tracking=tracking).outlined:
        return mode
    return 'as-is' if set_line(name, brief.face, weight=weight, tracking=tracking).outlined else mode
