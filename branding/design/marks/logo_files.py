"""A concept's logo files and how legible they are: the lockup in four colourways and the icon, measured small.

The icon is measured at 16 and 32 px and the lockup at 120 px wide, on their one-colour black files (colour detail
does not count at those sizes). An icon whose symbol fails is redrawn as the heavy initial in a tile, and kept as drawn
only when the initial fails too and does no better.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from branding.design.marks.brief import Brief
from branding.design.marks.inks import Inks
from branding.design.marks.layout import HEIGHT, WIDTH, Drawing
from branding.design.marks.raster import SUPERSAMPLE, Box, Features, features
from branding.design.marks.shapes import Symbol
from branding.design.marks.text import _GRAPHEME
from branding.design.marks.variants import (
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
MIN_FEATURE_PX = {16: 0.75, 32: 1.25}
MIN_FILL = 0.6  # an icon whose symbol spans less of the square reads as a speck in a browser tab
MIN_LOCKUP_FEATURE_PX = 0.75
HEAVY = 900

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


def _mono_features(
    body: str, box: Box, *, width: int, height: int, smaller: tuple[int, ...] = (), supersample: int = SUPERSAMPLE
) -> list[Features]:
    """`body`, drawn in the black one-colour inks, measured at `width` x `height` pixels (and `smaller` times
    smaller)."""
    mono = document(knocked_out(body, ground='#ffffff', one_colour='#000000', region=box), box=box, label='mono')
    solid = None
    if 'mask=' in mono:  # what is cut away is measured as gaps: against the drawing with nothing cut
        solid = document(knocked_out(body, ground='#fffffe', one_colour='#000000', region=box), box=box, label='solid')
    return features(mono, silhouette=solid, width=width, height=height, smaller=smaller, supersample=supersample)


def _measure_icon(icon: _Icon) -> tuple[Box, list[IconSizeCheck]]:
    box = symbol_box(icon.symbols['primary'])
    largest = max(ICON_SIZES)
    found = _mono_features(
        icon.symbols['mono_dark'].body,
        box,
        width=largest,
        height=largest,
        smaller=tuple(largest // size for size in ICON_SIZES if size != largest),
    )
    by_size = dict(zip((largest, *(size for size in ICON_SIZES if size != largest)), found, strict=True))
    return box, [_size_check(size, by_size[size]) for size in ICON_SIZES]


def _score(checks: list[IconSizeCheck]) -> tuple[bool, float]:
    return all(check.passes for check in checks), min(check.smallest_feature_px for check in checks)


def _choose_icon(
    brief: Brief, ways: tuple[Colourway, ...], drawings: dict[str, Drawing]
) -> tuple[_Icon, Box, list[IconSizeCheck]]:
    """The icon as drawn when it passes; else the first redraw that passes (the initials heavy and plain in a tile,
    then the first initial alone), or the best of them all when none does."""

    def initials(inks: Inks, weight: int, *, first_only: bool) -> Symbol:
        return initial_symbol(brief.letters, brief.face, weight=weight, inks=inks, first_only=first_only)

    candidates = [
        _Icon(
            symbols={
                way.name: drawings[way.name].symbol or initials(way.inks, brief.strong, first_only=True) for way in ways
            },
            source='the symbol as drawn'
            if drawings['primary'].symbol
            else 'the initial, as the wordmark has no symbol',
        )
    ]
    if len(_GRAPHEME.findall(brief.letters)) > 1:
        candidates.append(
            _Icon(
                symbols={way.name: initials(way.inks, HEAVY, first_only=False) for way in ways},
                source='redrawn as the initials, heavy, in a tile: the symbol as drawn blurs at favicon sizes',
            )
        )
    candidates.append(
        _Icon(
            symbols={way.name: initials(way.inks, HEAVY, first_only=True) for way in ways},
            source='redrawn as the first initial, heavy, in a tile: the symbol as drawn blurs at favicon sizes',
        )
    )
    measured = []
    for candidate in candidates:
        box, checks = _measure_icon(candidate)
        measured.append((_score(checks), candidate, box, checks))
        if measured[-1][0][0]:
            break
    _, icon, box, checks = max(measured, key=lambda entry: entry[0])  # the first that passes, else the best
    return icon, box, checks


def logo_files(
    *, name: str, style: str, brief: Brief, palette: ColorPalette, draw: Draw, primary: Drawing
) -> LogoFiles:
    """Every file of one concept, its colourways drawn by `draw` (the composition with other inks); `primary` is the
    composition as drawn for the tile."""
    ways = colourways(palette, brief.inks)
    drawings = {way.name: primary if way.name == 'primary' else draw(way.inks) for way in ways}
    box = lockup_box(knocked_out(primary.body, ground=brief.inks.paper, one_colour=None, region=TILE), tile=TILE)
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
        for way in ways
    }
    icon, icon_box, checks = _choose_icon(brief, ways, drawings)
    files['icon'] = document(
        knocked_out(icon.symbols['primary'].body, ground=brief.inks.paper, one_colour=None, region=icon_box),
        box=icon_box,
        label=f'{name} icon',
    )
    height = max(round(LOCKUP_WIDTH * box.height / box.width), 1)
    lockup = _mono_features(drawings['mono_dark'].body, box, width=LOCKUP_WIDTH, height=height, supersample=2)[0]
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
