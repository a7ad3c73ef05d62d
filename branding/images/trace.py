"""A painting traced to vectors in the kit's palette: quantise, trace with vtracer, keep the largest shapes, and
rebuild the SVG from checked numbers only (no text, no scripts, no external references can come through)."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

import vtracer
from PIL import Image

from branding.design.color import to_rgb

TRACE_SIDE = 256  # traced at this size: a logo's shapes survive it, and tracing stays well under a second
MAX_PATHS = 48

# a path as vtracer writes it and as a trace keeps it: read back through this pattern only
TRACED_PATH = re.compile(r'<path d="([^"]*)" fill="([^"]*)" transform="([^"]*)"\s*/>')
_D = re.compile(r'[MLCQZmlcqz0-9 .,eE+-]+')
_FILL = re.compile(r'#[0-9A-Fa-f]{6}')
_TRANSLATE = re.compile(r'translate\((-?[0-9.]+),\s*(-?[0-9.]+)\)')
_NUMBER = re.compile(r'-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?')


@dataclass(kw_only=True, slots=True, frozen=True)
class _Shape:
    d: str
    fill: str
    dx: float
    dy: float
    area: float


def quantised(png: bytes, palette: Sequence[str], side: int = TRACE_SIDE) -> Image.Image:
    """The painting at `side` px in the palette's colours only (nearest colour, no dithering)."""
    with Image.open(io.BytesIO(png)) as image:
        rgb = image.convert('RGB').resize((side, side), Image.Resampling.LANCZOS)
    colours = [to_rgb(colour) for colour in dict.fromkeys(palette)] or [(0, 0, 0), (255, 255, 255)]
    flat = [channel for colour in colours for channel in colour]
    flat += flat[:3] * (256 - len(colours))
    swatch = Image.new('P', (1, 1))
    swatch.putpalette(flat)
    return rgb.quantize(palette=swatch, dither=Image.Dither.NONE).convert('RGB')


def _nearest(fill: str, inks: Sequence[str]) -> str:
    """The palette colour closest to `fill`: the tracer averages a cluster's pixels, the trace keeps the kit's inks."""
    red, green, blue = to_rgb(fill)
    return min(inks, key=lambda ink: sum((a - b) ** 2 for a, b in zip(to_rgb(ink), (red, green, blue), strict=True)))


def _shape(match: re.Match[str], inks: Sequence[str]) -> _Shape | None:
    d, fill, transform = match.groups()
    translate = _TRANSLATE.fullmatch(transform)
    if not _D.fullmatch(d) or not _FILL.fullmatch(fill) or translate is None:
        return None
    numbers = [float(number) for number in _NUMBER.findall(d)]
    xs, ys = numbers[0::2], numbers[1::2]
    if not xs or not ys:
        return None
    rounded = _NUMBER.sub(lambda number: f'{float(number.group()):.1f}'.rstrip('0').rstrip('.'), d)
    area = (max(xs) - min(xs)) * (max(ys) - min(ys))
    return _Shape(
        d=' '.join(rounded.split()),
        fill=_nearest(fill, inks),
        dx=float(translate[1]),
        dy=float(translate[2]),
        area=area,
    )


def checked_paths(svg: str) -> str:
    """The paths of a kept trace that pass the checks a fresh trace's do (path data, a hex fill, a translation)."""
    return ''.join(
        match.group(0)
        for match in TRACED_PATH.finditer(svg)
        if _D.fullmatch(match[1]) and _FILL.fullmatch(match[2]) and _TRANSLATE.fullmatch(match[3])
    )


def trace_svg(png: bytes, palette: Sequence[str], *, max_paths: int = MAX_PATHS) -> str:
    """A self-contained SVG of the painting in the palette's colours, at most `max_paths` paths (the largest, in
    their stacking order)."""
    image = quantised(png, palette)
    buffer = io.BytesIO()
    image.save(buffer, format='PNG')
    raw = vtracer.convert_raw_image_to_svg(
        buffer.getvalue(),
        img_format='png',
        colormode='color',
        hierarchical='stacked',
        mode='spline',
        filter_speckle=8,
        color_precision=8,
        layer_difference=8,
        corner_threshold=60,
        length_threshold=4.0,
        splice_threshold=45,
        path_precision=2,
    )
    inks = list(dict.fromkeys(colour.lower() for colour in palette)) or ['#000000', '#ffffff']
    shapes = [shape for match in TRACED_PATH.finditer(raw) if (shape := _shape(match, inks)) is not None]
    keep = set(sorted(range(len(shapes)), key=lambda index: -shapes[index].area)[:max_paths])
    paths = ''.join(
        f'<path d="{shape.d}" fill="{shape.fill}" transform="translate({shape.dx:g},{shape.dy:g})"/>'
        for index, shape in enumerate(shapes)
        if index in keep
    )
    side = image.width
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" width="{side}" height="{side}">'
        f'{paths}</svg>'
    )
