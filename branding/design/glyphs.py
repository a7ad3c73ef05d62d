"""Text set in an installed font as SVG outlines, so a logo looks the same on every machine without the font."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from fontTools.pens.basePen import BasePen
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

Box = tuple[float, float, float, float]  # x_min, y_min, x_max, y_max


@dataclass(kw_only=True, slots=True, frozen=True)
class FontMetrics:
    """Vertical metrics in font units; descender is negative (below the baseline)."""

    units_per_em: int
    ascender: int
    descender: int
    cap_height: int
    x_height: int


@dataclass(kw_only=True, slots=True, frozen=True)
class GlyphOutline:
    # Relative path commands after the leading move, in font units with y pointing down; start and end are the
    # absolute points the path begins at and leaves the pen at, which is what lets runs be joined without re-parsing.
    body: str
    start: tuple[int, int] | None  # in tenths of a unit; None for a blank glyph such as the space
    end: tuple[int, int] | None
    advance: int
    bounds: Box | None  # ink box, y down


@dataclass(kw_only=True, slots=True, frozen=True)
class TextMeasure:
    advance_width: float
    ink_bounds: Box | None  # y down; None when the text is all blanks
    metrics: FontMetrics


@dataclass(kw_only=True, slots=True, frozen=True)
class TextOutline:
    """A line of text as one SVG path: font units, y down, origin at the left end of the baseline."""

    path_data: str
    advance_width: float
    ink_bounds: Box | None
    metrics: FontMetrics


@dataclass(kw_only=True, slots=True, frozen=True)
class _LoadedFont:
    glyph_set: Any
    cmap: dict[int, str]
    advances: dict[str, int]
    metrics: FontMetrics


def _tenths(value: float) -> int:
    return round(value * 10)


def _number(tenths: int) -> str:
    whole, rest = divmod(abs(tenths), 10)
    sign = '-' if tenths < 0 else ''
    return f'{sign}{whole}' if rest == 0 else f'{sign}{whole}.{rest}'


class _RelativePathPen(BasePen):
    """Relative SVG path commands with y flipped; coordinates are kept in tenths so rounding never drifts."""

    def __init__(self, glyph_set: Any) -> None:
        super().__init__(glyph_set)
        self.parts: list[str] = []
        self.start: tuple[int, int] | None = None
        self.point: tuple[int, int] = (0, 0)
        self.subpath_start: tuple[int, int] = (0, 0)

    def _relative(self, pt: tuple[float, float], origin: tuple[int, int]) -> tuple[str, tuple[int, int]]:
        x, y = _tenths(pt[0]), _tenths(-pt[1])
        return f'{_number(x - origin[0])} {_number(y - origin[1])}', (x, y)

    def _moveTo(self, pt: tuple[float, float]) -> None:
        text, point = self._relative(pt, self.point)
        if self.start is None:
            self.start = point  # the joiner writes the move to the first point
        else:
            self.parts.append(f'm{text}')
        self.point = self.subpath_start = point

    def _lineTo(self, pt: tuple[float, float]) -> None:
        text, self.point = self._relative(pt, self.point)
        self.parts.append(f'l{text}')

    def _qCurveToOne(self, pt1: tuple[float, float], pt2: tuple[float, float]) -> None:
        control, _ = self._relative(pt1, self.point)
        end, point = self._relative(pt2, self.point)
        self.parts.append(f'q{control} {end}')
        self.point = point

    def _curveToOne(self, pt1: tuple[float, float], pt2: tuple[float, float], pt3: tuple[float, float]) -> None:
        first, _ = self._relative(pt1, self.point)
        second, _ = self._relative(pt2, self.point)
        end, point = self._relative(pt3, self.point)
        self.parts.append(f'c{first} {second} {end}')
        self.point = point

    def _closePath(self) -> None:
        self.parts.append('z')
        self.point = self.subpath_start

    def _endPath(self) -> None:
        pass  # an open contour leaves the pen where it stopped


@lru_cache(maxsize=128)
def _load_font(path: Path) -> _LoadedFont | None:
    try:
        font = TTFont(BytesIO(path.read_bytes()))  # from memory: a cached font must not hold a file open
        units_per_em = int(font['head'].unitsPerEm)
        os2 = font.get('OS/2')
        hhea = font['hhea']
        cap_height = int(getattr(os2, 'sCapHeight', 0) or 0)
        x_height = int(getattr(os2, 'sxHeight', 0) or 0)
        return _LoadedFont(
            glyph_set=font.getGlyphSet(),
            cmap=dict(font.getBestCmap() or {}),
            advances={name: int(width) for name, (width, _lsb) in font['hmtx'].metrics.items()},
            metrics=FontMetrics(
                units_per_em=units_per_em,
                ascender=int(hhea.ascent),
                descender=int(hhea.descent),
                cap_height=cap_height or round(units_per_em * 0.7),
                x_height=x_height or round(units_per_em * 0.5),
            ),
        )
    except Exception:  # a truncated or corrupt file must cost the logo its outlines, not the kit
        return None


@lru_cache(maxsize=8192)
def _glyph(path: Path, codepoint: int) -> GlyphOutline | None:
    font = _load_font(path)
    if font is None or codepoint not in font.cmap:
        return None
    name = font.cmap[codepoint]
    glyph = font.glyph_set[name]
    pen = _RelativePathPen(font.glyph_set)
    glyph.draw(pen)
    bounds_pen = BoundsPen(font.glyph_set)
    glyph.draw(bounds_pen)
    bounds = None
    if bounds_pen.bounds is not None:
        x_min, y_min, x_max, y_max = bounds_pen.bounds
        bounds = (float(x_min), float(-y_max), float(x_max), float(-y_min))
    start = pen.start
    return GlyphOutline(
        body=''.join(pen.parts),
        start=start,
        end=pen.point if start is not None else None,
        advance=font.advances.get(name, 0),
        bounds=bounds,
    )


def _glyph_run(path: Path, text: str) -> list[GlyphOutline] | None:
    if _load_font(path) is None:
        return None
    run = []
    for char in text:
        glyph = _glyph(path, ord(char))
        if glyph is None:
            return None
        run.append(glyph)
    return run


@lru_cache(maxsize=4096)
def measure_text(path: Path, text: str, tracking: float = 0.0) -> TextMeasure | None:
    """Advance width and ink box of `text` without building its path: what layout needs to try many line breaks.

    `tracking` is extra space between letters in ems (0.1 = a tenth of the font size), as letter-spacing in CSS but
    not added after the last letter, so the ink stays centred.
    """
    font = _load_font(path)
    run = _glyph_run(path, text)
    if font is None or run is None:
        return None
    extra = tracking * font.metrics.units_per_em
    ink: Box | None = None
    x = 0.0
    for index, glyph in enumerate(run):
        if glyph.bounds is not None:
            x_min, y_min, x_max, y_max = glyph.bounds
            box = (x + x_min, y_min, x + x_max, y_max)
            ink = (
                box
                if ink is None
                else (min(ink[0], box[0]), min(ink[1], box[1]), max(ink[2], box[2]), max(ink[3], box[3]))
            )
        x += glyph.advance + (extra if index < len(run) - 1 else 0.0)
    return TextMeasure(advance_width=x, ink_bounds=ink, metrics=font.metrics)


@lru_cache(maxsize=2048)
def outline_text(path: Path, text: str, tracking: float = 0.0) -> TextOutline | None:
    """`text` as one path in the font at `path` (tracking as in `measure_text`), or None when the font is missing
    or lacks a character."""
    measure = measure_text(path, text, tracking)
    run = _glyph_run(path, text)
    if measure is None or run is None:
        return None
    extra = tracking * measure.metrics.units_per_em
    parts: list[str] = []
    pen: tuple[int, int] | None = None
    x = 0.0
    for glyph in run:
        if glyph.start is not None and glyph.end is not None:
            offset = _tenths(x)
            start = (glyph.start[0] + offset, glyph.start[1])
            if pen is None:
                parts.append(f'M{_number(start[0])} {_number(start[1])}')
            else:
                parts.append(f'm{_number(start[0] - pen[0])} {_number(start[1] - pen[1])}')
            parts.append(glyph.body)
            pen = (glyph.end[0] + offset, glyph.end[1])
        x += glyph.advance + extra
    return TextOutline(
        path_data=''.join(parts),
        advance_width=measure.advance_width,
        ink_bounds=measure.ink_bounds,
        metrics=measure.metrics,
    )
