"""Type for marks: faces and their font files, lines measured in ems, and text fitted to a width in balanced lines."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

import regex

from branding.design.bidi import bidi_levels, level_runs
from branding.design.font_files import FontLibrary
from branding.design.glyphs import (
    SHAPED_UNITS,
    Run,
    TextMeasure,
    TextOutline,
    has_glyph,
    measure_text,
    outline_text,
    scaled_metrics,
    shaped_measure,
    shaped_outline,
)
from branding.design.marks.text import _GRAPHEME, _attr, _n, clean_text, without_pictographs
from branding.design.scripts import candidates, han_preference, is_ignorable, is_rtl_text, nearest_font_file
from branding.models import Typography

WEIGHT_NAMES = {
    100: 'Thin',
    200: 'ExtraLight',
    300: 'Light',
    400: 'Regular',
    500: 'Medium',
    600: 'SemiBold',
    700: 'Bold',
    800: 'ExtraBold',
    900: 'Black',
}

_GENERIC_FAMILY = {'serif': 'serif', 'monospace': 'monospace', 'handwriting': 'cursive'}


@dataclass(kw_only=True, slots=True, frozen=True)
class Face:
    family: str
    category: str
    css_stack: str
    fonts: FontLibrary  # carried with the face, so every line set in it looks for files in the same place

    @classmethod
    def for_role(cls, typography: Typography, role: Literal['heading', 'body'], *, fonts: FontLibrary) -> Face:
        named = typography.heading_font if role == 'heading' else typography.body_font
        family = clean_text(named) or 'sans-serif'
        spec = next((font for font in typography.fonts if font.role == role), None)
        category = spec.category.lower() if spec else 'sans-serif'
        stack = spec.css_stack if spec else f"'{family}', system-ui, {_GENERIC_FAMILY.get(category, 'sans-serif')}"
        return cls(family=family, category=category, css_stack=clean_text(stack), fonts=fonts)

    @property
    def is_script(self) -> bool:
        return self.category == 'handwriting'

    def file(self, weight: int) -> tuple[int, Path] | None:
        """The installed weight nearest to `weight` (ties go to the heavier), with its file.

        WOFF before WOFF2: the same outlines, but zlib opens in a few ms where WOFF2's brotli and glyf
        reconstruction take 50-80 ms, which is most of a kit's time whenever a family is new to the process.
        """
        for candidate in sorted(range(100, 1000, 100), key=lambda w: (abs(w - weight), -w)):
            path = self.fonts.file(self.family, candidate, fmt='woff') or self.fonts.file(self.family, candidate)
            if path is not None:
                return candidate, path
        return None

    def fallback_files(self, char: str, text: str, weight: int) -> list[Path]:
        """The installed script fonts that may set `char` of `text`, most fitting first, at the weight nearest to
        `weight`."""
        files = []
        for font in candidates(char, han_preference(text)):
            found = nearest_font_file(self.fonts, font, weight)
            if found is not None:
                files.append(found[1])
        return files


@dataclass(kw_only=True, slots=True, frozen=True)
class SetLine:
    """A line of text measured in ems, ready to be placed at any size."""

    text: str
    face: Face
    weight: int
    tracking: float
    font_path: Path | None
    measure: TextMeasure | None  # None: no font is installed at all, so the line stays live text
    width_em: float
    cap_em: float
    runs: tuple[Run, ...] | None = None  # set in several fonts, shaped: each run's font file, text and bidi level

    @property
    def outlined(self) -> bool:
        return self.measure is not None

    @property
    def rtl(self) -> bool:
        """Whether the line reads right to left as a whole (a name in Arabic or Hebrew)."""
        return is_rtl_text(self.text)

    def outline(self) -> TextOutline | None:
        if self.runs is not None and self.measure is not None:
            drawn = shaped_outline(self.runs, tracking=self.tracking, reference=self.font_path)
            # no installed font has any of its letters: an outlined line that draws nothing
            return drawn or TextOutline(path_data='', advance_width=0.0, ink_bounds=None, metrics=self.measure.metrics)
        return outline_text(self.font_path, self.text, self.tracking) if self.font_path else None

    def ink_box_em(self) -> tuple[float, float, float, float]:
        """The ink's box from the start of the baseline, y down; live text gets an estimate."""
        if self.measure is not None and self.measure.ink_bounds is not None:
            units = self.measure.metrics.units_per_em
            x_min, y_min, x_max, y_max = (value / units for value in self.measure.ink_bounds)
            return x_min, y_min, x_max, y_max
        return 0.0, -0.72, self.width_em, 0.0

    def place(self, *, left: float, baseline: float, size: float, fill: str, flush: bool = False) -> str:
        """At `left`; live text, whose width is only estimated, is anchored at its start when `flush`, else at its
        estimated middle, so a wrong estimate shifts it least."""
        outline = self.outline()
        if outline is not None and not outline.path_data:
            return ''
        if outline is not None:
            scale = size / outline.metrics.units_per_em
            return (
                f'<path fill="{fill}" transform="translate({_n(left)} {_n(baseline)}) scale({scale:.5g})" '
                f'd="{outline.path_data}"/>'
            )
        spacing = f' letter-spacing="{_n(self.tracking * size)}"' if self.tracking else ''
        x, anchor = (left, 'start') if flush else (left + self.width_em * size / 2, 'middle')
        return (
            f'<text x="{_n(x)}" y="{_n(baseline)}" text-anchor="{anchor}" '
            f'font-family="{_attr(self.face.css_stack)}" font-size="{_n(size)}" font-weight="{self.weight}"'
            f'{spacing} fill="{fill}">{escape(self.text)}</text>'
        )

    def place_centered(self, *, cx: float, cy: float, size: float, fill: str) -> str:
        """Centred on its ink, which is what the eye reads inside a shape."""
        x_min, y_min, x_max, y_max = self.ink_box_em()
        left, baseline = cx - (x_min + x_max) / 2 * size, cy - (y_min + y_max) / 2 * size
        return self.place(left=left, baseline=baseline, size=size, fill=fill)


def _estimated_width_em(text: str, tracking: float) -> float:
    width = 0.0
    graphemes = _GRAPHEME.findall(text)
    for grapheme in graphemes:
        wide = any(unicodedata.east_asian_width(char) in 'WF' for char in grapheme)
        width += 1.0 if wide or regex.match(r'\p{Extended_Pictographic}', grapheme) else 0.6
    return width + tracking * max(len(graphemes) - 1, 0)


# Right-to-left letters, Arabic digits, combining marks and joiners: text drawn letter by letter would be wrong
_NEEDS_SHAPING = regex.compile(r'[\p{Bidi_Class=R}\p{Bidi_Class=AL}\p{Bidi_Class=AN}\p{Mn}\p{Mc}\p{Me}\u200c\u200d]')


def _sticks(char: str) -> bool:
    """Spaces and marks stay in the run they are in, so that a space between two Japanese words stays Japanese."""
    return char.isspace() or unicodedata.category(char) in {'Mn', 'Me'} or is_ignorable(char)


def _font_for(char: str, text: str, face: Face, *, weight: int, base: Path | None, current: Path | None) -> Path | None:
    if current is not None and _sticks(char) and has_glyph(current, char):
        return current
    if base is not None and has_glyph(base, char):
        return base
    return next((path for path in face.fallback_files(char, text, weight) if has_glyph(path, char)), None)


def font_runs(text: str, face: Face, *, weight: int, base: Path | None) -> tuple[Run, ...]:
    """`text` cut into runs that one font sets at one bidi level, in logical order: the kit's face where it has the
    letters, the installed script fonts for the rest. A character no installed font has is left out, never drawn as
    a missing-glyph box or left to the viewer's fonts."""
    levels = bidi_levels(text)
    spans: list[tuple[Path, list[int]]] = []
    current: Path | None = None
    for index, char in enumerate(text):
        path = _font_for(char, text, face, weight=weight, base=base, current=current)
        if path is None:
            continue
        if spans and spans[-1][0] == path:
            spans[-1][1].append(index)
        else:
            spans.append((path, [index]))
        current = path
    runs: list[Run] = []
    for path, indices in spans:
        part = ''.join(text[index] for index in indices)
        runs += [(path, piece, level) for piece, level in level_runs(part, [levels[i] for i in indices])]
    return tuple(runs)


def _shaped_cap_em(measure: TextMeasure, base: Path | None, runs: tuple[Run, ...]) -> float:
    """What sizes a line: the face's cap height where it is set in the kit's face alone, else the ink's height above
    the baseline, as CJK, Arabic or Devanagari letters have no capitals to measure."""
    if all(path == base for path, _, _ in runs) or measure.ink_bounds is None:
        return measure.metrics.cap_height / SHAPED_UNITS
    return min(max(-measure.ink_bounds[1] / SHAPED_UNITS, 0.5), 1.0)


def _live_line(text: str, face: Face, *, weight: int, tracking: float) -> SetLine:
    return SetLine(
        text=text,
        face=face,
        weight=weight,
        tracking=tracking,
        font_path=None,
        measure=None,
        width_em=_estimated_width_em(text, tracking),
        cap_em=0.7,
    )


def set_line(text: str, face: Face, *, weight: int, tracking: float = 0.0) -> SetLine:
    """`text` (without its emoji and pictographs) in `face` at the installed weight nearest to `weight`, outlined from
    the kit's font file and, for letters it lacks, the installed script fonts, shaped by HarfBuzz; live text only when
    no font is installed at all."""
    text = without_pictographs(text) if text.strip() else text
    tracking = round(tracking, 3)  # finer steps are invisible and would only defeat the outline caches
    found = face.file(weight)
    base = found[1] if found else None
    measure = measure_text(base, text, tracking) if base is not None and not _NEEDS_SHAPING.search(text) else None
    if measure is not None and found is not None:
        units = measure.metrics.units_per_em
        return SetLine(
            text=text,
            face=face,
            weight=found[0],
            tracking=tracking,
            font_path=base,
            measure=measure,
            width_em=measure.advance_width / units,
            cap_em=measure.metrics.cap_height / units,
        )
    runs = font_runs(text, face, weight=weight, base=base)
    shaped = shaped_measure(runs, tracking=tracking, reference=base) if runs else None
    if shaped is None and base is not None:  # no installed font has any of its letters: nothing to draw
        shaped = TextMeasure(advance_width=0.0, ink_bounds=None, metrics=scaled_metrics(base))
    if shaped is None:
        return _live_line(text, face, weight=weight, tracking=tracking)
    return SetLine(
        text=text,
        face=face,
        weight=found[0] if found else weight,
        tracking=tracking,
        font_path=base,
        measure=shaped,
        width_em=shaped.advance_width / SHAPED_UNITS,
        cap_em=_shaped_cap_em(shaped, base, runs),
        runs=runs,
    )


@dataclass(kw_only=True, slots=True, frozen=True)
class TextBlock:
    lines: tuple[SetLine, ...]
    size: float

    @property
    def cap(self) -> float:
        return self.lines[0].cap_em * self.size

    @property
    def leading(self) -> float:
        return self.cap * 1.75

    @property
    def width(self) -> float:
        return max(line.width_em for line in self.lines) * self.size

    @property
    def height(self) -> float:
        return self.cap + self.leading * (len(self.lines) - 1)

    @property
    def outlined(self) -> bool:
        return all(line.outlined for line in self.lines)

    @property
    def rtl(self) -> bool:
        """Whether the text reads right to left (a name in Arabic or Hebrew): a lockup puts the symbol on the right of
        it (mirrored), and `place` sets it flush right."""
        return is_rtl_text(' '.join(line.text for line in self.lines))

    def place(
        self,
        *,
        top: float,
        fill: str,
        center_x: float | None = None,
        left: float | None = None,
        right: float | None = None,
    ) -> str:
        """Cap-height top of the first line at `top`; lines centred on `center_x`, flush to `left` or flush to
        `right` (how a right-to-left name is set beside a symbol)."""
        parts = []
        for index, line in enumerate(self.lines):
            baseline = top + self.cap + index * self.leading
            width = line.width_em * self.size
            if right is not None:
                x = right - width
            elif left is not None:
                x = left
            else:
                x = (center_x or 0.0) - width / 2
            flush = left is not None or right is not None
            parts.append(line.place(left=x, baseline=baseline, size=self.size, fill=fill, flush=flush))
        return ''.join(parts)


def _balanced_splits(words: list[str], widths: list[float], space: float, count: int) -> list[str]:
    """`count` lines of whole words, the widest as narrow as can be (greedy on a target, good enough for names)."""
    total = sum(widths) + space * (len(words) - 1)
    target = total / count
    lines: list[list[str]] = [[]]
    running = 0.0
    for word, width in zip(words, widths, strict=True):
        if lines[-1] and running + width / 2 > target * len(lines) and len(lines) < count:
            lines.append([])
        lines[-1].append(word)
        running += width + space
    return [' '.join(line) for line in lines]


def fit_text(
    text: str, face: Face, *, weight: int, tracking: float, max_width: float, cap: float, max_lines: int = 3
) -> TextBlock:
    """The text at cap height `cap`, shrunk to `max_width`; a long name breaks into balanced lines before it shrinks
    below legibility."""
    single = set_line(text, face, weight=weight, tracking=tracking)
    best = TextBlock(lines=(single,), size=min(cap / single.cap_em, max_width / max(single.width_em, 1e-6)))
    words = text.split(' ')
    if best.cap >= cap * 0.6 or len(words) < 2:
        return best
    measured = [set_line(word, face, weight=weight, tracking=tracking).width_em for word in words]
    space = set_line(' ', face, weight=weight, tracking=tracking).width_em + 2 * tracking
    for count in range(2, min(max_lines, len(words)) + 1):
        lines = tuple(
            set_line(line, face, weight=weight, tracking=tracking)
            for line in _balanced_splits(words, measured, space, count)
        )
        widest = max(line.width_em for line in lines)
        size = min(cap / lines[0].cap_em, max_width / max(widest, 1e-6))
        if size > best.size * 1.05:
            best = TextBlock(lines=lines, size=size)
    return best
