"""Marks seen as pixels: where the ink of an SVG lies, and how thin its strokes and gaps are at a given size.

Pure measurement over resvg renders (the same renderer as the PNG exports), with Pillow for the pixel work. Features
are measured by morphological opening on a supersampled coverage mask: a stroke survives opening with a square of
side k only where it is at least k pixels wide, so the widest k that keeps nearly all of the ink is the width the thin
parts of the mark have.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import resvg_py
from PIL import Image, ImageChops, ImageFilter
from PIL.Image import ImagePointHandler

INK = '#000000'  # what a measured drawing paints its ink in
CUT = '#ff0000'  # and what it cuts away (the knocked-out parts)
SUPERSAMPLE = 4  # coverage is measured at 4 x 4 subpixels per device pixel: a quarter-pixel step
MAX_STEPS = 6  # widths are measured up to (2 * 6 + 1) / 4 = 3.25 device pixels; wider reads as 'at least that'
KEEP_INK = 0.9  # the thin parts: what the widest opening that keeps 90 % of the ink removes
KEEP_GAP = 0.95  # gaps are a smaller share of the box than open ground, so less of them may close


@dataclass(kw_only=True, slots=True, frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def view_box(self) -> str:
        return f'{_n(self.x)} {_n(self.y)} {_n(self.width)} {_n(self.height)}'

    def padded(self, pad: float) -> Box:
        return Box(x=self.x - pad, y=self.y - pad, width=self.width + 2 * pad, height=self.height + 2 * pad)

    def square(self, side: float) -> Box:
        """A square of `side` centred on this box."""
        return Box(x=self.x + self.width / 2 - side / 2, y=self.y + self.height / 2 - side / 2, width=side, height=side)


def _n(value: float) -> str:
    return f'{value:.2f}'.rstrip('0').rstrip('.')


def _render(svg: str, width: int, height: int, background: str | None) -> Image.Image:
    png = bytes(
        resvg_py.svg_to_bytes(
            svg_string=svg, width=width, height=height, background=background, skip_system_fonts='<text' not in svg
        )
    )
    with Image.open(io.BytesIO(png)) as image:
        rgba = image.convert('RGBA')
    if rgba.size != (width, height):  # resvg keeps the aspect ratio: put the render on a canvas of the asked size
        canvas = Image.new('RGBA', (width, height), background or (0, 0, 0, 0))
        canvas.paste(rgba, (0, 0))
        rgba = canvas
    return rgba


@lru_cache(maxsize=256)
def coverage(svg: str, width: int, height: int) -> Image.Image:
    """The alpha channel of `svg` rendered at exactly `width` x `height` pixels (mode L: 0 clear, 255 covered)."""
    return _render(svg, width, height, None).getchannel('A')


@lru_cache(maxsize=128)  # a kit's concepts and its seeds' kits try the same initials again
def ink_and_cut(svg: str, width: int, height: int) -> tuple[Image.Image, Image.Image]:
    """What `svg`, painted in INK with its cut-away parts painted in CUT, covers at `width` x `height` pixels: the
    ink, and the ink and the cut parts together (mode L, 255 covered). One plain render on white, no mask: black
    is dark in every channel, red only in green."""
    rgb = _render(svg, width, height, '#ffffff')
    return ImageChops.invert(rgb.getchannel('R')), ImageChops.invert(rgb.getchannel('G'))


def ink_box(svg: str, *, view: Box, scale: float) -> Box | None:
    """The box (in the SVG's user units) around every pixel `svg` covers, rendered at `scale` pixels a unit; `view`
    must be the SVG's viewBox. None for an SVG that draws nothing."""
    width, height = max(round(view.width * scale), 1), max(round(view.height * scale), 1)
    found = coverage(svg, width, height).getbbox()
    if found is None:
        return None
    left, top, right, bottom = found
    return Box(
        x=view.x + left / scale, y=view.y + top / scale, width=(right - left) / scale, height=(bottom - top) / scale
    )


def _count(mask: Image.Image) -> int:
    return mask.histogram()[255]


class _Threshold(ImagePointHandler):
    """A grey mask to black and white by a fixed table. Image.point rebuilds a list table for every call (a Python
    loop of 256 rounds), which cost more than the box blurs the openings are made of."""

    def __init__(self, keep: Callable[[int], bool]) -> None:
        self.table = [255 if keep(value) else 0 for value in range(256)]

    def point(self, im: Image.Image) -> Image.Image:
        return im._new(im.im.point(self.table, None))


_ALL = _Threshold(lambda value: value == 255)
_ANY = _Threshold(lambda value: value > 0)
_HALF = _Threshold(lambda value: value >= 128)


def _erode(mask: Image.Image, radius: int) -> Image.Image:
    """Pixels whose whole (2r+1)-square is set: a box average of 255 (a box filter costs the same at any radius)."""
    return mask.filter(ImageFilter.BoxBlur(radius)).point(_ALL)


def _dilate(mask: Image.Image, radius: int) -> Image.Image:
    """Pixels with any set pixel in their (2r+1)-square (one set pixel of 289 still averages above 0.5)."""
    return mask.filter(ImageFilter.BoxBlur(radius)).point(_ANY)


def _thin_width(mask: Image.Image, keep: float, supersample: int) -> float:
    """The width in device pixels the thin parts of the shapes in the binary `mask` have (see the module doc): the
    widest opening that keeps `keep` of the set pixels, found by halving (what an opening keeps only shrinks as it
    widens)."""
    found = mask.getbbox()
    if found is None:
        return (2 * MAX_STEPS + 1) / supersample
    # Opened on the ink's box and a clear pixel around it, a fraction of the pixels: outside the ink an opening stays
    # clear, and the box blur repeats the edge pixels, which on a cut edge are clear, as the full mask is there
    left, top, right, bottom = found
    width, height = mask.size
    mask = mask.crop((max(left - 1, 0), max(top - 1, 0), min(right + 1, width), min(bottom + 1, height)))
    total = _count(mask)
    passed, failed = 0, MAX_STEPS + 1
    while failed - passed > 1:
        radius = (passed + failed) // 2
        opened = ImageChops.darker(_dilate(_erode(mask, radius), radius), mask)
        if _count(opened) >= keep * total:
            passed = radius
        else:
            failed = radius
    return (2 * passed + 1) / supersample


@dataclass(kw_only=True, slots=True, frozen=True)
class Features:
    stroke_px: float  # the thin strokes, in device pixels
    gap_px: float  # the narrow gaps cut into the ink, in device pixels (the widest measured when nothing is cut)
    fill: float  # the larger side of the ink's box over the canvas side, 0-1

    @property
    def smallest_px(self) -> float:
        return min(self.stroke_px, self.gap_px)


def _measure(covered: Image.Image, solid: Image.Image | None, *, side: int, supersample: int) -> Features:
    widest = (2 * MAX_STEPS + 1) / supersample
    ink = covered.point(_HALF)
    box = ink.getbbox()
    if box is None:
        return Features(stroke_px=0.0, gap_px=widest, fill=0.0)
    left, top, right, bottom = box
    gaps = None
    if solid is not None:
        # what the drawing covers uncut and does not cover cut; the silhouette's own edge is left out, where ink and
        # cut meet the ground in one antialiased pixel
        filled = solid.point(_HALF)
        gaps = ImageChops.darker(ImageChops.subtract(filled, ink), _erode(filled, 1))
    return Features(
        stroke_px=_thin_width(ink, KEEP_INK, supersample),
        gap_px=widest if gaps is None else _thin_width(gaps, KEEP_GAP, supersample),
        fill=max(right - left, bottom - top) / (side * supersample),
    )


def features(
    svg: str,
    *,
    width: int,
    height: int,
    smaller: tuple[int, ...] = (),
    supersample: int = SUPERSAMPLE,
    gaps: bool = True,
) -> list[Features]:
    """How `svg` (painted in INK, its cut-away parts in CUT) holds up drawn `width` x `height` device pixels, and
    `smaller` times smaller again (halving the supersampled coverage is rendering smaller): its thin strokes, the
    gaps cut into it (unless `gaps` is False) and how much of the canvas it fills. Measured on coverage, so colour
    detail does not count: measure a one-colour version."""
    ink, solid = ink_and_cut(svg, width * supersample, height * supersample)
    whole = solid if gaps else None
    found = [_measure(ink, whole, side=max(width, height), supersample=supersample)]
    for factor in smaller:
        side = max(width, height) // factor
        reduced = whole.reduce(factor) if whole is not None else None
        found.append(_measure(ink.reduce(factor), reduced, side=side, supersample=supersample))
    return found
