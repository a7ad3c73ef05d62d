"""Text set in an installed font as SVG outlines, so a logo looks the same on every machine without the font."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

import regex
import uharfbuzz as hb
from fontTools.pens.basePen import BasePen
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.recordingPen import RecordingPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.sfnt import SFNTReader, SFNTWriter

from branding.design.bidi import visual_order

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
    # fontTools decompiles a glyph on first use, in place and unguarded: two threads drawing one glyph (mockups drawn
    # at once for a page's images) could see it half made ("'Glyph' object has no attribute 'data'")
    drawing: threading.Lock = field(default_factory=threading.Lock, compare=False)


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
    pen = _RelativePathPen(font.glyph_set)
    bounds_pen = BoundsPen(font.glyph_set)
    with font.drawing:
        glyph = font.glyph_set[name]
        glyph.draw(pen)
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


# --- shaped text: any script, several fonts, right to left -----------------------------------------------------------

SHAPED_UNITS = 1000  # shaped lines mix fonts of different units per em, so they are drawn in thousandths of an em
Run = tuple[Path, str, int]  # a font file, the text it sets and the text's bidi level, in logical order
# Scripts whose letters join or hang from a headline: extra letter-spacing would break them apart
_CONNECTED = regex.compile(
    r'[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}]'
)


@dataclass(kw_only=True, slots=True, frozen=True)
class _ShapingFont:
    hb_font: hb.Font  # HarfBuzz shapes with it and draws its glyphs: a CJK font opens in milliseconds
    units_per_em: int


def _sfnt_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if data[:4] not in (b'wOFF', b'wOF2'):
        return data
    # woff/woff2 -> plain sfnt, which is what HarfBuzz reads: the tables copied as they are, none decompiled
    reader = SFNTReader(BytesIO(data))
    buffer = BytesIO()
    writer = SFNTWriter(buffer, len(reader.tables), reader.sfntVersion)
    for tag in list(reader.tables):
        writer[tag] = reader[tag]
    writer.close()
    return buffer.getvalue()


@lru_cache(maxsize=64)
def _shaping_font(path: Path) -> _ShapingFont | None:
    try:
        face = hb.Face(hb.Blob(_sfnt_bytes(path)))
        return _ShapingFont(hb_font=hb.Font(face), units_per_em=int(face.upem))
    except Exception:  # a truncated or corrupt file must cost the logo its outlines, not the kit
        return None


@lru_cache(maxsize=65536)
def has_glyph(path: Path, char: str) -> bool:
    """Whether the font at `path` maps `char` to a glyph."""
    font = _shaping_font(path)
    return font is not None and font.hb_font.get_nominal_glyph(ord(char)) is not None


@lru_cache(maxsize=16384)
def _recorded_glyph(path: Path, glyph: int) -> tuple[tuple[tuple[str, tuple[Any, ...]], ...], Box | None]:
    """A glyph's drawing commands and its ink box (font units, y up), replayed wherever it is placed."""
    font = _shaping_font(path)
    assert font is not None  # only asked for glyphs of a font that shaped
    recording = RecordingPen()
    font.hb_font.draw_glyph_with_pen(glyph, recording)
    bounds = BoundsPen(None)
    recording.replay(bounds)
    box = bounds.bounds
    return tuple(recording.value), (None if box is None else tuple(float(value) for value in box))  # type: ignore[return-value]


@dataclass(kw_only=True, slots=True)
class _Composer:
    """Glyphs placed one after another from left to right, in thousandths of an em with y down."""

    pen: SVGPathPen | None  # None: measure only (line breaking tries many lines; only the one placed is drawn)
    x: float = 0.0
    ink: Box | None = None

    def add(self, path: Path, glyph: int, *, scale: float, dx: float, dy: float) -> None:
        commands, box = _recorded_glyph(path, glyph)
        if box is None:
            return
        if self.pen is not None:
            replay = RecordingPen()
            replay.value = list(commands)
            replay.replay(TransformPen(self.pen, (scale, 0, 0, -scale, self.x + dx * scale, -dy * scale)))
        x_min, y_min, x_max, y_max = box
        placed = (
            self.x + (dx + x_min) * scale,
            -(dy + y_max) * scale,
            self.x + (dx + x_max) * scale,
            -(dy + y_min) * scale,
        )
        ink = self.ink
        self.ink = (
            placed
            if ink is None
            else (min(ink[0], placed[0]), min(ink[1], placed[1]), max(ink[2], placed[2]), max(ink[3], placed[3]))
        )


def _shape_run(composer: _Composer, run: Run, tracking: float, last: bool) -> None:
    path, text, level = run
    font = _shaping_font(path)
    if font is None:
        return
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.direction = 'rtl' if level % 2 else 'ltr'
    buffer.guess_segment_properties()  # script and language; the direction set above stays
    hb.shape(font.hb_font, buffer)
    scale = SHAPED_UNITS / font.units_per_em
    extra = 0.0 if _CONNECTED.search(text) else tracking * SHAPED_UNITS
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    for index, (info, position) in enumerate(zip(infos, positions, strict=True)):
        composer.add(path, info.codepoint, scale=scale, dx=position.x_offset, dy=position.y_offset)
        composer.x += position.x_advance * scale
        cluster_ends = index + 1 < len(infos) and infos[index + 1].cluster != info.cluster
        if cluster_ends or (index + 1 == len(infos) and not last):
            composer.x += extra


def scaled_metrics(path: Path | None) -> FontMetrics:
    """The vertical metrics of the font at `path` in thousandths of an em (a plain default without one)."""
    font = _load_font(path) if path is not None else None
    if font is None:
        return FontMetrics(units_per_em=SHAPED_UNITS, ascender=880, descender=-120, cap_height=700, x_height=500)
    ratio = SHAPED_UNITS / font.metrics.units_per_em
    metrics = font.metrics
    return FontMetrics(
        units_per_em=SHAPED_UNITS,
        ascender=round(metrics.ascender * ratio),
        descender=round(metrics.descender * ratio),
        cap_height=round(metrics.cap_height * ratio),
        x_height=round(metrics.x_height * ratio),
    )


def _compose(runs: tuple[Run, ...], tracking: float, pen: SVGPathPen | None) -> _Composer | None:
    if not runs or all(_shaping_font(path) is None for path, _, _ in runs):
        return None
    composer = _Composer(pen=pen)
    order = visual_order([level for _, _, level in runs])
    for position, index in enumerate(order):
        _shape_run(composer, runs[index], tracking, position == len(order) - 1)
    return composer


@lru_cache(maxsize=4096)
def shaped_measure(
    runs: tuple[Run, ...], *, tracking: float = 0.0, reference: Path | None = None
) -> TextMeasure | None:
    """What `shaped_outline` would draw, measured without drawing it: its advance and ink box."""
    composer = _compose(runs, tracking, None)
    if composer is None:
        return None
    return TextMeasure(advance_width=composer.x, ink_bounds=composer.ink, metrics=scaled_metrics(reference))


@lru_cache(maxsize=2048)
def shaped_outline(
    runs: tuple[Run, ...], *, tracking: float = 0.0, reference: Path | None = None
) -> TextOutline | None:
    """Runs of text, each in its own font, shaped by HarfBuzz (joining forms, conjuncts, marks, kerning) and put in
    drawing order by their bidi levels (rule L2), as one path in thousandths of an em, y down, from the left end of
    the baseline; metrics (cap height) are `reference`'s, the kit's own face where it has one. None when no run's
    font can be read."""
    pen = SVGPathPen(None, ntos=lambda value: _number(_tenths(value)))
    composer = _compose(runs, tracking, pen)
    if composer is None:
        return None
    return TextOutline(
        path_data=pen.getCommands(),
        advance_width=composer.x,
        ink_bounds=composer.ink,
        metrics=scaled_metrics(reference),
    )
