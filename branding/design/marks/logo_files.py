"""A concept's logo files and how legible they are: the lockup in four colourways and the icon, measured small.

The icon is measured at 16 and 32 px and the lockup at 120 px wide, on their one-colour black files (colour detail
does not count at those sizes). An icon whose symbol fails is redrawn as the heavy initial in a tile, and kept as drawn
only when the initial fails too and does no better.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from branding.design.marks.brief import Brief
from branding.design.marks.inks import Inks
from branding.design.marks.layout import HEIGHT, WIDTH, Drawing
from branding.design.marks.raster import CUT, INK, Box, Features, features
from branding.design.marks.shapes import Symbol
from branding.design.marks.text import _GRAPHEME
from branding.design.marks.typesetting import Face
from branding.design.marks.variants import (
    OPACITY,
    PAINT,
    Colourway,
    colourways,
    dark_background,
    document,
    initial_symbol,
    knocked_out,
    lockup_box,
    symbol_box,
)
from branding.models import ColorPalette, IconSizeCheck, LogoLegibility, LogoVariants

TILE = Box(x=0, y=0, width=WIDTH, height=HEIGHT)
ICON_SIZES = (16, 32)
LOCKUP_WIDTH = 120
# A feature narrower than this many device pixels blurs into its neighbours (a stroke into grey, a gap closes up).
MIN_FEATURE_PX = {16: 0.75, 32: 1.0}
MIN_FILL = 0.6  # an icon whose symbol spans less of the square reads as a speck in a browser tab
MIN_LOCKUP_FEATURE_PX = 0.75
HEAVY = 900
MONO_GROUND = '#ffffff'  # what the black one-colour drawing paints its cut-away parts in (Inks.one_colour)

Draw = Callable[[Inks], Drawing]


@dataclass(kw_only=True, slots=True, frozen=True)
class LogoFiles:
    variants: LogoVariants
    legibility: LogoLegibility
    dark_background: str


@dataclass(kw_only=True, slots=True, frozen=True)
class _Icon:
    symbols: dict[str, Symbol]  # by colourway
    source: str


def _size_check(size: int, found: Features) -> IconSizeCheck:
    smallest = found.smallest_px
    return IconSizeCheck(
        size_px=size,
        stroke_px=found.stroke_px,
        gap_px=found.gap_px,
        smallest_feature_px=smallest,
        fill=round(found.fill, 3),
        passes=smallest >= MIN_FEATURE_PX[size] and found.fill >= MIN_FILL,
    )


def measured(body: str, *, ground: str, box: Box) -> str:
    """`body` as the measures read it: every ink INK, what it paints in `ground` (its cut-away parts) CUT."""

    def paint(match: re.Match[str]) -> str:
        return f'{match.group(1)}="{CUT if match.group(2).lower() == ground else INK}"'

    return document(OPACITY.sub('', PAINT.sub(paint, body)), box=box, label='measured')


def _measure_icon(icon: _Icon) -> tuple[Box, list[IconSizeCheck]]:
    box = symbol_box(icon.symbols['primary'])
    largest = max(ICON_SIZES)
    found = features(
        measured(icon.symbols['mono_dark'].body, ground=MONO_GROUND, box=box),
        width=largest,
        height=largest,
        smaller=tuple(largest // size for size in ICON_SIZES if size != largest),
    )
    by_size = dict(zip((largest, *(size for size in ICON_SIZES if size != largest)), found, strict=True))
    return box, [_size_check(size, by_size[size]) for size in ICON_SIZES]


def _score(checks: list[IconSizeCheck]) -> tuple[bool, float]:
    return all(check.passes for check in checks), min(check.smallest_feature_px for check in checks)


@dataclass(kw_only=True, slots=True, frozen=True)
class _Candidate:
    """An icon to try, made only when tried: its symbol in the inks of a colourway (by name)."""

    make: Callable[[str], Symbol]
    source: str


def _candidates(brief: Brief, ways: dict[str, Colourway], drawings: dict[str, Drawing]) -> Iterator[_Candidate]:
    """The icon as drawn, then the redraws, boldest and simplest last: the initials heavy and plain in a tile, the
    first initial alone, and that initial in the body face (a display or script face's hairlines may not survive)."""

    def initials(face: Face, weight: int, *, first_only: bool) -> Callable[[str], Symbol]:
        return lambda way: initial_symbol(
            brief.letters, face, weight=weight, inks=ways[way].inks, first_only=first_only
        )

    drawn = {name: drawing.symbol for name, drawing in drawings.items() if drawing.symbol is not None}
    if {'primary', 'mono_dark'} <= set(drawn):
        yield _Candidate(make=drawn.__getitem__, source='the symbol as drawn')
        redrawn = 'the symbol as drawn blurs at favicon sizes'
    else:
        yield _Candidate(
            make=initials(brief.face, brief.strong, first_only=True),
            source='the initial, as the wordmark has no symbol',
        )
        redrawn = "the wordmark has no symbol, and its initial in the name's weight blurs at favicon sizes"
    if len(_GRAPHEME.findall(brief.letters)) > 1:
        yield _Candidate(
            make=initials(brief.face, HEAVY, first_only=False),
            source=f'redrawn as the initials, heavy, in a tile: {redrawn}',
        )
    yield _Candidate(
        make=initials(brief.face, HEAVY, first_only=True),
        source=f'redrawn as the first initial, heavy, in a tile: {redrawn}',
    )
    if brief.detail_face.family != brief.face.family:
        yield _Candidate(
            make=initials(brief.detail_face, HEAVY, first_only=True),
            source=f'redrawn as the first initial in {brief.detail_face.family}, heavy, in a tile: {redrawn}',
        )


def _choose_icon(
    brief: Brief, ways: dict[str, Colourway], drawings: dict[str, Drawing]
) -> tuple[_Icon, Box, list[IconSizeCheck]]:
    """The first candidate icon that passes, or the best of them all when none does."""
    measured = []
    for candidate in _candidates(brief, ways, drawings):
        icon = _Icon(symbols={name: candidate.make(name) for name in ('primary', 'mono_dark')}, source=candidate.source)
        box, checks = _measure_icon(icon)
        measured.append((_score(checks), icon, box, checks))
        if measured[-1][0][0]:
            break
    _, icon, box, checks = max(measured, key=lambda entry: entry[0])  # the first that passes, else the best
    return icon, box, checks


def _one_colour_swapped(drawing: Drawing) -> Drawing | None:
    """The black one-colour drawing in white (ink and ground swapped), when black and white are all it paints."""
    painted = {match.group(2).lower() for match in PAINT.finditer(drawing.body)}
    if not painted <= {'#000000', '#ffffff'}:
        return None
    swap = {'#000000': '#ffffff', '#ffffff': '#000000'}
    body = PAINT.sub(lambda match: f'{match.group(1)}="{swap[match.group(2).lower()]}"', drawing.body)
    return replace(drawing, body=body, symbol=None)


def _drawings(primary: Drawing, ways: dict[str, Colourway], draw: Draw) -> dict[str, Drawing]:
    drawings = {'primary': primary, 'reversed': draw(ways['reversed'].inks), 'mono_dark': draw(ways['mono_dark'].inks)}
    # the same composition in white is the black one with the two swapped: no need to draw it again
    drawings['mono_light'] = _one_colour_swapped(drawings['mono_dark']) or draw(ways['mono_light'].inks)
    return drawings


def logo_files(
    *, name: str, style: str, brief: Brief, palette: ColorPalette, draw: Draw, primary: Drawing
) -> LogoFiles:
    """Every file of one concept, its colourways drawn by `draw` (the composition with other inks); `primary` is the
    composition as drawn for the tile."""
    ways = {way.name: way for way in colourways(palette, brief.inks)}
    drawings = _drawings(primary, ways, draw)
    box = lockup_box(primary.body, tile=TILE)
    labels = {
        'primary': f'{name} logo, {style}',
        'reversed': f'{name} logo, {style}, reversed for dark backgrounds',
        'mono_dark': f'{name} logo, {style}, one colour black',
        'mono_light': f'{name} logo, {style}, one colour white',
    }
    files = {
        way.name: document(
            knocked_out(drawings[way.name].body, ground=way.inks.paper, one_colour=way.one_colour, region=box),
            box=box,
            label=labels[way.name],
        )
        for way in ways.values()
    }
    icon, icon_box, checks = _choose_icon(brief, ways, drawings)
    files['icon'] = document(
        knocked_out(icon.symbols['primary'].body, ground=brief.inks.paper, one_colour=None, region=icon_box),
        box=icon_box,
        label=f'{name} icon',
    )
    height = max(round(LOCKUP_WIDTH * box.height / box.width), 1)
    # the lockup's thin strokes (its lettering and lines) on the one-colour file; what its symbol cuts away is the
    # icon's to measure
    lockup = features(
        measured(drawings['mono_dark'].body, ground=MONO_GROUND, box=box),
        width=LOCKUP_WIDTH,
        height=height,
        supersample=2,
        gaps=False,
    )[0]
    legibility = LogoLegibility(
        icon=checks,
        lockup_width_px=LOCKUP_WIDTH,
        lockup_smallest_feature_px=lockup.smallest_px,
        lockup_passes=lockup.smallest_px >= MIN_LOCKUP_FEATURE_PX,
        passes=all(check.passes for check in checks),
        icon_source=icon.source,
    )
    return LogoFiles(
        variants=LogoVariants.model_validate(files),
        legibility=legibility,
        dark_background=dark_background(palette),
    )


def with_inks(brief: Brief, inks: Inks) -> Brief:
    return replace(brief, inks=inks)
