"""A painting's trace made the concept's mark: the logo files (full colour, reversed, one-colour black and white, a
square icon) drawn from the traced shapes as the engine draws them from its own compositions, and measured small the
same way. Whatever reads the concept's files (the logo pack, favicons and app icons, the brand board and mockups, the
share page, the brand book) then shows the traced painting.

The trace is read back through the tracer's own path pattern: only paths with checked numbers and palette colours
reach a file, whatever the stored SVG says. The paper the painting was made on is knocked out, as the engine knocks
out its cut lines, so every file is transparent."""

from __future__ import annotations

import re

from branding.design.color import ensure_contrast, relative_luminance
from branding.design.marks.logo_files import (
    ICON_SIZES,
    LOCKUP_WIDTH,
    MIN_FEATURE_PX,
    MIN_FILL,
    MIN_LOCKUP_FEATURE_PX,
    MONO_GROUND,
    LogoFiles,
    measured,
)
from branding.design.marks.raster import Box, Features, features, ink_box
from branding.design.marks.variants import (
    ICON_CONTENT,
    PAINT,
    STUDIO_DARK,
    dark_background,
    document,
    knocked_out,
    lockup_box,
)
from branding.images.kit_paintings import PAPER
from branding.images.trace import checked_paths
from branding.models import BrandKit, ColorPalette, IconSizeCheck, LogoConcept, LogoLegibility, LogoVariants

REVERSED_CONTRAST = 4.5  # every traced ink against the dark background, as the engine's reversed inks
_VIEW_BOX = re.compile(r'viewBox="0 0 (\d{1,4}) (\d{1,4})"')
ICON_SOURCE = 'the painting traced to vectors'


class NoTrace(ValueError):
    """The concept has no traced painting to make its mark."""


def uses_trace(concept: LogoConcept) -> bool:
    """Is the concept's mark its painting's trace (its tile is the trace itself)?"""
    return bool(concept.traced_svg) and concept.svg == concept.traced_svg


def traceable(concept: LogoConcept) -> bool:
    """Has the concept a traced painting with shapes to make its mark of?"""
    return bool(concept.traced_svg and checked_paths(concept.traced_svg))


def _body(traced_svg: str) -> tuple[str, Box]:
    size = _VIEW_BOX.search(traced_svg)
    paths = checked_paths(traced_svg)
    if size is None or not paths:
        raise NoTrace('the trace holds no shapes')
    return paths, Box(x=0, y=0, width=float(size[1]), height=float(size[2]))


def _recoloured(body: str, colour: dict[str, str]) -> str:
    return PAINT.sub(lambda match: f'{match.group(1)}="{colour.get(match.group(2).lower(), match.group(2))}"', body)


def _lifted(ink: str, background: str) -> str:
    try:
        return ensure_contrast(ink, background, REVERSED_CONTRAST)[0]
    except ValueError:
        return '#ffffff'


def _colourways(body: str, backgrounds: tuple[str, ...]) -> dict[str, tuple[str, str | None]]:
    """Each file's body (the paper still in it, to be knocked out) and its one colour, by variant name."""
    inks = {match.group(2).lower() for match in PAINT.finditer(body)} - {PAPER}
    lightest = max(backgrounds, key=relative_luminance)
    return {
        'primary': (body, None),
        'reversed': (_recoloured(body, {ink: _lifted(ink, lightest) for ink in inks}), None),
        'mono_dark': (body, '#000000'),
        'mono_light': (body, '#ffffff'),
    }


def _size_check(size: int, found: Features) -> IconSizeCheck:
    return IconSizeCheck(
        size_px=size,
        stroke_px=found.stroke_px,
        gap_px=found.gap_px,
        smallest_feature_px=found.smallest_px,
        fill=round(found.fill, 3),
        passes=found.smallest_px >= MIN_FEATURE_PX[size] and found.fill >= MIN_FILL,
    )


def _legibility(one_colour: str, *, icon: Box, lockup: Box) -> LogoLegibility:
    largest = max(ICON_SIZES)
    smaller = tuple(largest // size for size in ICON_SIZES if size != largest)
    found = features(measured(one_colour, ground=MONO_GROUND, box=icon), width=largest, height=largest, smaller=smaller)
    by_size = dict(zip((largest, *(size for size in ICON_SIZES if size != largest)), found, strict=True))
    checks = [_size_check(size, by_size[size]) for size in ICON_SIZES]
    height = max(round(LOCKUP_WIDTH * lockup.height / lockup.width), 1)
    line = features(
        measured(one_colour, ground=MONO_GROUND, box=lockup), width=LOCKUP_WIDTH, height=height, supersample=2
    )[0]
    return LogoLegibility(
        icon=checks,
        lockup_width_px=LOCKUP_WIDTH,
        lockup_smallest_feature_px=line.smallest_px,
        lockup_passes=line.smallest_px >= MIN_LOCKUP_FEATURE_PX,
        passes=all(check.passes for check in checks),
        icon_source=ICON_SOURCE,
    )


def trace_files(traced_svg: str, *, palette: ColorPalette | None, name: str) -> LogoFiles:
    """Every logo file of the traced painting, and how legible it is small; NoTrace when it holds no shapes."""
    body, tile = _body(traced_svg)
    backgrounds = tuple(dict.fromkeys((dark_background(palette), STUDIO_DARK))) if palette else (STUDIO_DARK,)
    cut = knocked_out(body, ground=PAPER, one_colour=None, region=tile)
    box = lockup_box(cut, tile=tile)
    found = ink_box(document(cut, box=tile, label='ink'), view=tile, scale=1.0) or tile
    icon_box = found.padded(1).square(max(found.width, found.height, 1.0) / ICON_CONTENT)
    labels = {
        'primary': f'{name} logo, traced from its painting',
        'reversed': f'{name} logo, traced from its painting, reversed for dark backgrounds',
        'mono_dark': f'{name} logo, traced from its painting, one colour black',
        'mono_light': f'{name} logo, traced from its painting, one colour white',
    }
    files = {
        way: document(knocked_out(drawn, ground=PAPER, one_colour=one, region=box), box=box, label=labels[way])
        for way, (drawn, one) in _colourways(body, backgrounds).items()
    }
    files['icon'] = document(
        knocked_out(body, ground=PAPER, one_colour=None, region=icon_box), box=icon_box, label=f'{name} icon'
    )
    mono = PAINT.sub(
        lambda match: f'{match.group(1)}="{MONO_GROUND if match.group(2).lower() == PAPER else "#000000"}"', body
    )
    return LogoFiles(
        variants=LogoVariants.model_validate(files),
        legibility=_legibility(mono, icon=icon_box, lockup=box),
        dark_background=backgrounds[0],
    )


def with_trace_as_mark(kit: BrandKit, index: int) -> LogoConcept:
    """Concept `index` of the kit with its painting's trace as its mark and files; NoTrace when it has none."""
    concept = kit.logos[index]
    if not concept.traced_svg:
        raise NoTrace(f'logo concept {index + 1} has no traced painting')
    files = trace_files(concept.traced_svg, palette=kit.color_palette, name=kit.company_name or 'Brand')
    return concept.model_copy(
        update={
            'svg': concept.traced_svg,
            'variants': files.variants,
            'legibility': files.legibility,
            'dark_background': files.dark_background,
        }
    )
