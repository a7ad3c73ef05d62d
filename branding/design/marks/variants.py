"""The logo files a brand needs, drawn from one composition: full colour, reversed, one-colour black and white, and a
square icon.

Each colourway is the same composition drawn again with other inks (the same random draws give the same geometry).
Whatever a composition paints in its paper colour (cut lines, the initials reversed out of a disc) is knocked out with
a mask, so every file is transparent and shows whatever it is put on through its counters, as a printer's one-colour
artwork does. Lockups are cropped to their ink with clear space around it; the icon is the composition's symbol (or,
for a wordmark, its initials) centred in a square with a safe margin.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from branding.design.color import relative_luminance
from branding.design.marks.inks import Inks
from branding.design.marks.monogram_symbols import monogram_symbol
from branding.design.marks.raster import Box, ink_box
from branding.design.marks.shapes import Symbol
from branding.design.marks.text import _GRAPHEME, _attr
from branding.design.marks.typesetting import Face
from branding.models import ColorPalette

STUDIO_DARK = '#111827'  # the studio's dark tile (components/cards/logos_card.DARK_TILE), where reversed marks show too
DARKEST_BACKGROUND = 0.06  # relative luminance: a 'dark' theme lighter than this is no dark background for a mark
ICON_CONTENT = 0.8  # the icon's symbol spans at most 80 % of its square: the safe area app icons and avatars crop to
LOCKUP_SCALE = 0.25  # pixels a unit the lockup's ink is found at: four-unit precision, well inside the clear space
SYMBOL_BOX = Box(x=0, y=0, width=100, height=100)
SYMBOL_SCALE = 0.5  # pixels a unit a symbol's ink is found at: two-unit precision, inside the icon's safe margin

# fill or stroke at a word's start: the look-behinds come after the first letter, so the regex engine skips ahead to
# an f or an s instead of trying every position of a long outline's path data (three times faster than a leading \b)
PAINT = re.compile(r'(f(?<=\bf)ill|s(?<=\bs)troke)="(#[0-9a-fA-F]{6})"')
OPACITY = re.compile(r'\s(?:fill-|stroke-)?opacity="[^"]*"')


@dataclass(kw_only=True, slots=True, frozen=True)
class Colourway:
    name: str  # the variant's key: primary, reversed, mono_dark, mono_light
    inks: Inks
    one_colour: str | None = None  # every painted ink becomes this colour


def dark_background(palette: ColorPalette) -> str:
    """The background a reversed mark is drawn for: the kit's dark theme, or the studio's dark tile when the kit has
    none dark enough."""
    dark = palette.dark
    return dark.background if dark and relative_luminance(dark.background) <= DARKEST_BACKGROUND else STUDIO_DARK


def colourways(palette: ColorPalette, light: Inks) -> tuple[Colourway, ...]:
    backgrounds = tuple(dict.fromkeys((dark_background(palette), STUDIO_DARK)))
    return (
        Colourway(name='primary', inks=light),
        Colourway(name='reversed', inks=Inks.reversed_from(palette, backgrounds)),
        Colourway(name='mono_dark', inks=Inks.one_colour('#000000', '#ffffff'), one_colour='#000000'),
        Colourway(name='mono_light', inks=Inks.one_colour('#ffffff', '#000000'), one_colour='#ffffff'),
    )


def _mask_id(body: str) -> str:
    return 'knockout-' + hashlib.sha1(body.encode(), usedforsecurity=False).hexdigest()[:10]


def knocked_out(body: str, *, ground: str, one_colour: str | None, region: Box) -> str:
    """`body` with what it paints in `ground` cut away (a luminance mask of the same drawing: ground black, every other
    ink white, so the last paint over a point decides), and every other ink turned `one_colour` when given."""
    ground = ground.lower()
    used = {match.group(2).lower() for match in PAINT.finditer(body)}

    def paint(match: re.Match[str]) -> str:
        color = match.group(2).lower()
        return f'{match.group(1)}="{"none" if color == ground else one_colour or color}"'

    painted = PAINT.sub(paint, body)
    if ground not in used:
        return painted

    def cut(match: re.Match[str]) -> str:
        return f'{match.group(1)}="{"#000000" if match.group(2).lower() == ground else "#ffffff"}"'

    mask_id = _mask_id(body)
    stencil = OPACITY.sub('', PAINT.sub(cut, body))
    return (
        f'<defs><mask id="{mask_id}" maskUnits="userSpaceOnUse" x="{region.x:g}" y="{region.y:g}" '
        f'width="{region.width:g}" height="{region.height:g}"><g fill="#ffffff">{stencil}</g></mask></defs>'
        f'<g mask="url(#{mask_id})">{painted}</g>'
    )


def document(content: str, *, box: Box, label: str) -> str:
    """A self-contained SVG showing `box` of `content`, `box` units wide at 1:1."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box.view_box}" width="{box.width:.0f}" '
        f'height="{box.height:.0f}" role="img" aria-label="{_attr(label)}"><title>{escape(label)}</title>'
        f'{content}</svg>'
    )


def clear_space(ink: Box) -> float:
    """The margin a lockup keeps on every side: a tenth of its length, or a fifth of its height if that is more."""
    return max(0.1 * max(ink.width, ink.height), 0.2 * min(ink.width, ink.height))


def lockup_box(body: str, *, tile: Box) -> Box:
    """The part of the tile a lockup's file shows: its ink with clear space (the whole tile when nothing shows)."""
    found = ink_box(document(body, box=tile, label='ink'), view=tile, scale=LOCKUP_SCALE)
    if found is None:
        return tile
    return found.padded(clear_space(found) + 1 / LOCKUP_SCALE)


def symbol_box(symbol: Symbol) -> Box:
    """The square the icon shows: the symbol's ink centred, spanning ICON_CONTENT of it."""
    found = ink_box(document(symbol.body, box=SYMBOL_BOX, label='ink'), view=SYMBOL_BOX, scale=SYMBOL_SCALE)
    if found is None:
        return SYMBOL_BOX
    return found.padded(1 / SYMBOL_SCALE).square(max(found.width, found.height, 1.0) / ICON_CONTENT)


def initial_symbol(letters: str, face: Face, *, weight: int, inks: Inks, first_only: bool) -> Symbol:
    """The initials (or the first alone) in a solid rounded tile, without flourish: the icon of a wordmark, and the
    redrawn icon of a mark whose own symbol does not survive favicon sizes."""
    if first_only:
        letters = next(iter(_GRAPHEME.findall(letters)), letters) or '?'
    return monogram_symbol(letters, face, weight=weight, inks=inks, rng=random.Random(0), shape='tile', plain=True)
