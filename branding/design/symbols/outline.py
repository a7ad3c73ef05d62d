"""A Tabler icon as filled outlines a logo can draw at any size: one SVG path, no strokes, no transforms.

Tabler's outline icons are 2-unit round strokes on a 24-unit grid; a logo needs shapes it can fill in the palette,
cut into and scale, so each stroke is expanded to its outline with skia-pathops (the weight is the logo's stroke width
in grid units), everything is unioned into one non-overlapping path, and the result is placed in the caller's box.
The filled variant, when the icon has one, is preferred: it is drawn as shapes already and reads better small.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import pathops
from fontTools.pens.basePen import BasePen
from fontTools.pens.recordingPen import RecordingPen
from fontTools.svgLib.path import parse_path

from branding.design.symbols.icon_set import IconArtwork, IconLibrary, IconStyle

GRID = 24.0  # Tabler's artboard
DEFAULT_WEIGHT = 2.0  # Tabler's own stroke width, in grid units
MITER_LIMIT = 4.0  # unused by round joins, but skia asks for one
CLOSE = 0.05  # grid units: an open contour ending this near its start is a closed one

Fit = Literal['artwork', 'grid']


@dataclass(kw_only=True, slots=True, frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float


@dataclass(kw_only=True, slots=True, frozen=True)
class IconOutline:
    name: str
    style: IconStyle  # 'filled' when the solid variant was drawn
    d: str  # the whole icon as one filled path (nonzero fill), in the box's coordinates
    bounds: tuple[float, float, float, float]  # x_min, y_min, x_max, y_max of `d`
    scale: float  # box units per grid unit: a stroke of `weight` grid units is weight * scale wide in the box
    weight: float | None  # the stroke width drawn, in grid units; None for a filled variant (drawn as shapes)


@dataclass(kw_only=True, slots=True, frozen=True)
class _Shape:
    # pen calls in grid units: ('moveTo', ((x, y),)), ('qCurveTo', (p1, p2)), ... ; immutable so the cache can share it
    commands: tuple[tuple[str, tuple[tuple[float, float], ...]], ...]
    bounds: tuple[float, float, float, float]


class _RecordingPen(BasePen):  # type: ignore[misc]  # fontTools ships no type hints
    """Keeps the segments pathops draws; qCurveTo runs are split into single quadratics by BasePen."""

    def __init__(self) -> None:
        super().__init__(None)
        self.commands: list[tuple[str, tuple[tuple[float, float], ...]]] = []

    def _moveTo(self, pt: tuple[float, float]) -> None:
        self.commands.append(('M', (pt,)))

    def _lineTo(self, pt: tuple[float, float]) -> None:
        self.commands.append(('L', (pt,)))

    def _curveToOne(self, pt1: tuple[float, float], pt2: tuple[float, float], pt3: tuple[float, float]) -> None:
        self.commands.append(('C', (pt1, pt2, pt3)))

    def _qCurveToOne(self, pt1: tuple[float, float], pt2: tuple[float, float]) -> None:
        self.commands.append(('Q', (pt1, pt2)))

    def _closePath(self) -> None:
        self.commands.append(('Z', ()))

    def _endPath(self) -> None:
        # an open contour cannot be filled: pathops closes every contour it returns, so this never carries ink
        self.commands.append(('Z', ()))


def _subpaths(d: str) -> list[Any]:
    """`d` as one pathops path per subpath. Tabler ends many loops a hair short of their start ('h12.176v-.005')
    instead of closing them; stroked open, the two round caps overlap and skia's simplify then loses the outer edge of
    thick strokes, so a contour that ends within CLOSE of its start is closed."""
    recorded = RecordingPen()
    parse_path(d, recorded)
    paths: list[Any] = []
    start: tuple[float, float] | None = None
    last: tuple[float, float] | None = None
    for operator, arguments in recorded.value:
        if operator == 'moveTo':
            paths.append(pathops.Path())
            start = arguments[0]
        last = arguments[-1] if arguments else last
        closes = operator == 'endPath' and start is not None and last is not None and math.dist(start, last) < CLOSE
        if paths:
            getattr(paths[-1].getPen(), 'closePath' if closes else operator)(*arguments)
    return paths


def _filled(d: str) -> Any:
    # an SVG fill is nonzero over all of the element's subpaths together (a hole is a subpath wound the other way)
    path = pathops.Path()
    for subpath in _subpaths(d):
        path.addPath(subpath)
    return path


def _stroked(subpath: Any, weight: float) -> Any:
    subpath.stroke(weight, pathops.LineCap.ROUND_CAP, pathops.LineJoin.ROUND_JOIN, MITER_LIMIT)
    return subpath


def _pieces(artwork: IconArtwork, weight: float) -> list[Any]:
    """Each fill and each stroked subpath as a clean region of its own: no overlaps, outer contours wound one way and
    holes the other. Added raw instead, a stroke wound one way over a fill or over another stroke wound the other way
    would cancel out to a hole."""
    pieces: list[Any] = []
    for part in artwork.paths:
        raw = [_filled(part.d)] if part.filled else []
        if part.stroked and artwork.style == 'outline':
            raw += [_stroked(subpath, weight) for subpath in _subpaths(part.d)]
        for piece in raw:
            piece.convertConicsToQuads()  # round caps and joins come back as conics, which SVG and pathops lack
            piece.simplify(fix_winding=True)
            pieces.append(piece)
    return pieces


def _union(pieces: list[Any]) -> Any:
    # Clean regions added together are their union under the nonzero rule, which simplify resolves into contours
    # without overlaps, wound for SVG's default nonzero fill. Skia gives up on a rare icon (one in two thousand); its
    # boolean builder, which loses holes on many others, manages those.
    union = pathops.Path()
    for piece in pieces:
        union.addPath(piece)
    try:
        union.simplify(fix_winding=True)
    except pathops.PathOpsError:
        builder = pathops.OpBuilder(fix_winding=True)
        for piece in pieces:
            builder.add(piece, pathops.PathOp.UNION)
        union = builder.resolve()
    return union


@lru_cache(maxsize=1024)
def _shape(root: Path, name: str, style: IconStyle, weight: float) -> _Shape | None:
    # per icon, style and weight: a kit asks again for every mark and file it draws the same symbol into
    artwork = IconLibrary(root=root).artwork(name, style)
    if artwork is None:
        return None
    try:
        union = _union(_pieces(artwork, weight))
    except pathops.PathOpsError:
        return None
    pen = _RecordingPen()
    union.draw(pen)
    if not pen.commands:
        return None
    x_min, y_min, x_max, y_max = union.bounds
    return _Shape(commands=tuple(pen.commands), bounds=(x_min, y_min, x_max, y_max))


def _number(value: float) -> str:
    text = f'{value:.2f}'.rstrip('0').rstrip('.')
    return '0' if text in ('-0', '') else text


def _path_data(
    commands: tuple[tuple[str, tuple[tuple[float, float], ...]], ...]
    | list[tuple[str, tuple[tuple[float, float], ...]]],
    *,
    scale: float = 1.0,
    dx: float = 0.0,
    dy: float = 0.0,
) -> str:
    parts: list[str] = []
    for command, points in commands:
        coordinates = ' '.join(f'{_number(x * scale + dx)} {_number(y * scale + dy)}' for x, y in points)
        parts.append(f'{command}{coordinates}')
    return ''.join(parts)


def cut_out(outer: str, inner: str) -> str | None:
    """The filled SVG path `outer` with `inner` cut out of it (negative space: a symbol knocked out of a disc), as one
    path without overlaps; None when skia cannot resolve the two or nothing is left."""
    try:
        result = pathops.op(_filled(outer), _filled(inner), pathops.PathOp.DIFFERENCE, fix_winding=True)
    except pathops.PathOpsError:
        return None
    result.convertConicsToQuads()
    pen = _RecordingPen()
    result.draw(pen)
    return _path_data(pen.commands) or None


def filled_area(d: str) -> float:
    """The area a filled SVG path covers (nonzero rule), in its own units squared: how much ink a symbol lays down."""
    path = _filled(d)
    try:
        path.simplify(fix_winding=True)
    except pathops.PathOpsError:
        return 0.0
    return float(path.area)


def _placement(shape: _Shape, box: Box, fit: Fit) -> tuple[float, float, float]:
    """Scale and offset that put the artwork (or the whole 24-unit grid) in the middle of the box, aspect kept."""
    x_min, y_min, x_max, y_max = shape.bounds if fit == 'artwork' else (0.0, 0.0, GRID, GRID)
    width, height = max(x_max - x_min, 1e-9), max(y_max - y_min, 1e-9)
    scale = min(box.width / width, box.height / height)
    dx = box.x + (box.width - width * scale) / 2 - x_min * scale
    dy = box.y + (box.height - height * scale) / 2 - y_min * scale
    return scale, dx, dy


def outline_icon(
    library: IconLibrary,
    name: str,
    *,
    box: Box,
    weight: float = DEFAULT_WEIGHT,
    prefer_filled: bool = True,
    fit: Fit = 'artwork',
) -> IconOutline | None:
    """Icon `name` as one filled SVG path placed in `box`. `weight` is the stroke width in grid units (Tabler draws
    2; a bolder logo wants 2.5-3, a hairline 1.5); it does not apply to a filled variant. `fit='artwork'` fills the
    box with the drawing itself, `fit='grid'` keeps Tabler's own padding so a set of icons shares one optical size and
    one stroke width. None when the icon is not in the library or draws nothing."""
    if weight <= 0 or box.width <= 0 or box.height <= 0:
        raise ValueError('the weight and the box must be positive')
    record = library.get(name)
    if record is None:
        return None
    styles: tuple[IconStyle, ...] = ('filled', 'outline') if prefer_filled and record.has_filled else ('outline',)
    drawn = next(
        ((style, shape) for style in styles if (shape := _shape(library.root, name, style, float(weight)))), None
    )
    if drawn is None:
        return None
    style, shape = drawn
    scale, dx, dy = _placement(shape, box, fit)
    x_min, y_min, x_max, y_max = shape.bounds
    return IconOutline(
        name=name,
        style=style,
        d=_path_data(shape.commands, scale=scale, dx=dx, dy=dy),
        bounds=(x_min * scale + dx, y_min * scale + dy, x_max * scale + dx, y_max * scale + dy),
        scale=scale,
        weight=float(weight) if style == 'outline' else None,
    )
