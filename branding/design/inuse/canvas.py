"""A drawing surface for the brand in use: shapes, logos and outlined text on a pixel grid, with every text and
background pair it sets recorded, so a test (and a designer) can check each one reads at WCAG AA."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Literal, NotRequired, TypedDict, Unpack

import regex

from branding.design.color import contrast_ratio
from branding.design.marks.text import _attr, _n, clean_text
from branding.design.marks.typesetting import Face, SetLine, TextBlock, fit_text, set_line

Align = Literal['left', 'center', 'right']

LARGE_PX = 24.0  # WCAG large text: 18 pt, or 14 pt (18.66 px) bold
LARGE_BOLD_PX = 18.66
BODY_RATIO = 4.5
LARGE_RATIO = 3.0
ELLIPSIS = '…'
DESCENDER = 0.25  # below the last baseline, in ems

_ID = re.compile(r'\bid="([^"]+)"')
_DECLARATION = re.compile(r'<\?xml[^>]*\?>\s*')
_ROOT = re.compile(r'<svg\b([^>]*)>', re.DOTALL)
_GRAPHEME = regex.compile(r'\X')
_WIDE = regex.compile(r'[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]')
_embeds = itertools.count(1)


class TextOptions(TypedDict):
    """Where text goes and in what colours: its column from `x`, `width` wide, the first cap height at `top`."""

    x: float
    top: float
    width: float
    fill: str
    background: str
    weight: NotRequired[int]
    max_lines: NotRequired[int]
    align: NotRequired[Align]


class FitOptions(TextOptions):
    cap: float
    max_height: NotRequired[float]  # the lines and their descenders fit this height
    middle: NotRequired[bool]  # centred in `max_height` rather than hanging from `top`
    tracking: NotRequired[float]


class ParagraphOptions(TextOptions):
    size: float


@dataclass(kw_only=True, slots=True, frozen=True)
class TextPair:
    """Text in `foreground` set on `background`, `size` px (font size) at `weight`."""

    text: str
    foreground: str
    background: str
    size: float
    weight: int
    box: tuple[float, float, float, float]  # left, top, right, bottom of the lines (cap top to descender)

    @property
    def large(self) -> bool:
        return self.size >= LARGE_PX or (self.size >= LARGE_BOLD_PX and self.weight >= 700)

    @property
    def needed(self) -> float:
        return LARGE_RATIO if self.large else BODY_RATIO

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.foreground, self.background)

    @property
    def passes(self) -> bool:
        return self.ratio >= self.needed


def embedded(svg: str, *, x: float, y: float, width: float, height: float) -> str:
    """`svg` (a whole document) as a nested <svg> fitted into the box, centred, its ids made unique in the page."""
    prefix = f'e{next(_embeds)}-'
    body = _DECLARATION.sub('', svg)
    ids = set(_ID.findall(body))
    for ident in sorted(ids, key=len, reverse=True):
        body = body.replace(f'id="{ident}"', f'id="{prefix}{ident}"')
        body = body.replace(f'url(#{ident})', f'url(#{prefix}{ident})').replace(f'"#{ident}"', f'"#{prefix}{ident}"')
    match = _ROOT.search(body)
    if match is None or not _well_formed(body):
        return ''  # a logo file that is not SVG leaves its place empty rather than breaking the whole drawing
    attrs = re.sub(r'\s(?:width|height|x|y|preserveAspectRatio)="[^"]*"', '', match.group(1))
    box = f' x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}" preserveAspectRatio="xMidYMid meet"'
    return body[: match.start()] + f'<svg{attrs}{box}>' + body[match.end() :]


def _well_formed(svg: str) -> bool:
    """Whether `svg` parses (a document type, whose entities could expand without bound, is refused unread)."""
    if '<!DOCTYPE' in svg.upper():
        return False
    try:
        ET.fromstring(svg)
    except ET.ParseError:
        return False
    return True


def view_box_aspect(svg: str) -> float:
    """Width over height of `svg`'s viewBox (1 when it has none)."""
    found = re.search(r'viewBox="\s*([-\d.eE]+)[\s,]+([-\d.eE]+)[\s,]+([-\d.eE]+)[\s,]+([-\d.eE]+)\s*"', svg)
    if found is None:
        return 1.0
    width, height = float(found.group(3)), float(found.group(4))
    return width / height if width > 0 and height > 0 else 1.0


def _tokens(text: str) -> tuple[list[str], str]:
    """Words and the space that joins them; text in scripts written without spaces breaks between graphemes."""
    if _WIDE.search(text) and ' ' not in text.strip():
        return _GRAPHEME.findall(text), ''
    return text.split(), ' '


def _too_wide(line: str, face: Face, weight: int, size: float, max_width: float) -> bool:
    return set_line(line, face, weight=weight).width_em * size > max_width


def _broken(word: str, face: Face, weight: int, size: float, max_width: float) -> list[str]:
    """A word wider than the line cut between graphemes."""
    pieces, current = [], ''
    for grapheme in _GRAPHEME.findall(word):
        if current and _too_wide(current + grapheme, face, weight, size, max_width):
            pieces.append(current)
            current = ''
        current += grapheme
    return [*pieces, current] if current else pieces


def wrap_lines(text: str, face: Face, *, weight: int, size: float, max_width: float, max_lines: int) -> list[str]:
    """`text` broken into lines at most `max_width` px wide at font size `size`; past `max_lines` the last line ends
    in an ellipsis."""
    tokens, joiner = _tokens(clean_text(text))
    lines: list[str] = []
    current = ''
    for token in tokens:
        candidate = f'{current}{joiner}{token}' if current else token
        if not _too_wide(candidate, face, weight, size, max_width):
            current = candidate
            continue
        if current:
            lines.append(current)
        pieces = (
            _broken(token, face, weight, size, max_width)
            if _too_wide(token, face, weight, size, max_width)
            else [token]
        )
        lines += pieces[:-1]
        current = pieces[-1] if pieces else ''
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines
    last = lines[max_lines - 1]
    while last and _too_wide(last + ELLIPSIS, face, weight, size, max_width):
        last = last[:-1].rstrip()
    return [*lines[: max_lines - 1], (last.rstrip(' ,.;:') + ELLIPSIS) if last else ELLIPSIS]


@dataclass(kw_only=True, slots=True)
class Canvas:
    """`width` x `height` px; `physical` sets the document's printed size ('210mm' wide, say) when it has one."""

    width: int
    height: int
    label: str
    physical: tuple[str, str] | None = None
    parts: list[str] = field(default_factory=list)
    pairs: list[TextPair] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)  # each logo's box: x0, y0, x1, y1

    def rect(self, x: float, y: float, w: float, h: float, *, fill: str, rx: float = 0.0, stroke: str = '') -> None:
        corner = f' rx="{_n(rx)}"' if rx else ''
        outline = f' stroke="{stroke}" stroke-width="2"' if stroke else ''
        self.parts.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}"{corner} fill="{fill}"{outline}/>'
        )

    def circle(self, cx: float, cy: float, r: float, *, fill: str) -> None:
        self.parts.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" fill="{fill}"/>')

    def raw(self, markup: str) -> None:
        self.parts.append(markup)

    def image(self, svg: str, *, x: float, y: float, w: float, h: float) -> None:
        self.parts.append(embedded(svg, x=x, y=y, width=w, height=h))
        self.images.append((x, y, x + w, y + h))

    def place(
        self, block: TextBlock, *, x: float, top: float, width: float, fill: str, background: str, align: Align
    ) -> float:
        """`block` with its first cap height at `top`, in the column from `x` `width` wide; returns its bottom."""
        if not any(line.text.strip() for line in block.lines):
            return top
        # a right-to-left name in a left-aligned layout stays flush with the column, as the layout's other text does
        if align == 'center':
            markup = block.place(top=top, fill=fill, center_x=x + width / 2)
        elif align == 'right':
            markup = block.place(top=top, fill=fill, right=x + width)
        else:
            markup = block.place(top=top, fill=fill, left=x)
        self.parts.append(markup)
        widest = block.width
        left = {'center': x + (width - widest) / 2, 'right': x + width - widest}.get(align, x)
        box = (left, top, left + widest, top + block.height + DESCENDER * block.size)
        text = ' '.join(line.text for line in block.lines)
        weight = block.lines[0].weight
        self.pairs.append(
            TextPair(text=text, foreground=fill, background=background, size=block.size, weight=weight, box=box)
        )
        return top + block.height

    def fit(self, text: str, face: Face, **options: Unpack[FitOptions]) -> float:
        """A name or headline at cap height `cap`, shrunk to the column (and to `max_height`), in balanced lines."""
        weight, width = options.get('weight', 700), options['width']
        block = fit_text(
            text,
            face,
            weight=weight,
            tracking=options.get('tracking', 0.0),
            max_width=width,
            cap=options['cap'],
            max_lines=options.get('max_lines', 3),
        )
        max_height = options.get('max_height')
        if max_height is None:
            return self._put(block, options)
        full = block.height + DESCENDER * block.size
        if full > max_height:
            block = TextBlock(lines=block.lines, size=block.size * max_height / full)
            full = max_height
        if options.get('middle', False):  # centred in the `max_height` below `top`
            options = options | {'top': options['top'] + (max_height - full) / 2}
        return self._put(block, options)

    def paragraph(self, text: str, face: Face, **options: Unpack[ParagraphOptions]) -> float:
        """Running text at font size `size`, wrapped to the column, cut with an ellipsis after `max_lines`."""
        weight, width, size = options.get('weight', 400), options['width'], options['size']
        lines = wrap_lines(text, face, weight=weight, size=size, max_width=width, max_lines=options.get('max_lines', 4))
        if not lines:
            return options['top']
        set_lines: tuple[SetLine, ...] = tuple(set_line(line, face, weight=weight) for line in lines)
        block = TextBlock(lines=set_lines, size=size)
        widest = block.width
        if widest > width:  # a shaped line a little wider than measured word by word
            block = TextBlock(lines=set_lines, size=size * width / widest)
        return self._put(block, options)

    def _put(self, block: TextBlock, options: TextOptions) -> float:
        return self.place(
            block,
            x=options['x'],
            top=options['top'],
            width=options['width'],
            fill=options['fill'],
            background=options['background'],
            align=options.get('align', 'left'),
        )

    def svg(self, *, printed: bool = True) -> str:
        """The document; `printed`: sized in print units where it has them (what a print shop wants), else in px
        (what a renderer takes)."""
        width, height = (self.physical if printed else None) or (str(self.width), str(self.height))
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" width="{width}" '
            f'height="{height}" role="img" aria-label="{_attr(self.label)}"><title>{_attr(self.label)}</title>'
            f'{"".join(self.parts)}</svg>'
        )
