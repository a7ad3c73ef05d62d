"""Complex-script text for the brand book: HarfBuzz (uharfbuzz) shapes it and python-bidi orders it.

HarfBuzz turns a run of characters into the glyphs and positions the font's OpenType tables ask for: Arabic joining
forms and lam-alef, Devanagari conjuncts, reph and the short-i matra placed before its consonant, marks on their base,
and mirrored brackets in right-to-left runs. The result is a ReportLab `ShapedStr`, the type of ReportLab's own
(optional, uharfbuzz-based) shaping, which its text objects draw glyph by glyph with HarfBuzz's offsets. ReportLab's
own entry points are not used: without its `rlbidi` extension (not on PyPI) they neither shape canvas strings nor put
right-to-left words in order, and in a paragraph they shape a word set in two fonts with the first one.

python-bidi resolves the Unicode bidi levels (its pure-Python implementation of UAX #9, the one that exposes them);
runs are then put in drawing order with its own L2 reversal, line by line.

Each character of a `ShapedStr` stands for one glyph. Where a glyph is not simply its character's (a joining form, a
conjunct, a reordered matra), it gets a private-use code point of its own whose ToUnicode entry is the text it was
shaped from, so copying or searching the PDF gives the name as written, not presentation forms or private-use codes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, pairwise
from typing import Any, cast

import regex
import uharfbuzz as hb
from bidi.mirror import MIRRORED
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont
from reportlab.pdfgen.textobject import PDFTextObject

from branding.design.bidi import bidi_levels, level_runs, visual_order
from branding.design.scripts import has_rtl

__all__ = ['bidi_levels', 'drawn', 'has_rtl', 'level_runs', 'needs_shaping', 'shape', 'shaped_width', 'visual_order']

log = logging.getLogger(__name__)

_SHAPING_CHAR = regex.compile(r'[\p{Bidi_Class=R}\p{Bidi_Class=AL}\p{Bidi_Class=AN}\p{Mn}\p{Mc}\p{Me}\u200c\u200d]')
# Planes 15 and 16 are private use: no font we embed maps them, so a code point there stands for one (glyph, text)
_PRIVATE = chain(range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE))
_LOCK = threading.Lock()  # the private code points go into the fonts' process-wide character maps
_codes: dict[tuple[str, int, str], int] = {}  # (font, glyph, text) -> private code point
_texts: dict[int, str] = {}  # private code point -> the text its glyph was shaped from


def _set_rise(self: PDFTextObject, rise: float) -> None:
    """`PDFTextObject.setRise`, mended for shaped text, where it moves each raised or lowered glyph (a mark):
    ReportLab's fails when a string's first glyph is one (its buffer is still empty), and when it merges two rises in
    a row it keeps the first as current, so it never lowers the glyphs after the second back to the baseline."""
    code = f'{fp_str(rise)} Ts'
    if self._code and self._code[-1].endswith(' Ts'):
        self._y += self._rise  # undo the rise being replaced
        self._code[-1] = code
    else:
        self._code.append(code)
    self._rise = rise
    self._y -= rise


PDFTextObject.setRise = _set_rise


def needs_shaping(text: str) -> bool:
    """Whether drawing `text` character by character would be wrong: it has right-to-left letters, Arabic digits,
    combining marks (matras, virama, harakat, accents) or joiners (every paragraph is asked, hence the regex)."""
    return _SHAPING_CHAR.search(text) is not None


@lru_cache(maxsize=64)
def _hb_font(font_name: str) -> hb.Font | None:
    font = pdfmetrics.getFont(font_name)
    data = getattr(getattr(font, 'face', None), '_ttf_data', None)
    if not isinstance(font, TTFont) or not data:
        return None  # a standard PDF face (a stand-in for a missing kit font): nothing to shape with
    return hb.Font(hb.Face(hb.Blob(data)))


def _code_for(font_name: str, face: Any, glyph: int, text: str, advance: float) -> int | None:
    """The code point that draws `glyph` and reads back as `text`: the character itself when `glyph` is simply its
    glyph, else a private one (made on first use)."""
    if len(text) == 1 and face.charToGlyph.get(ord(text)) == glyph:
        return ord(text)
    key = (font_name, glyph, text)
    with _LOCK:
        code = _codes.get(key)
        if code is None:
            code = next((code for code in _PRIVATE if code not in face.charToGlyph), None)
            if code is None:
                log.warning('no private code points left for shaped glyphs; %r is left out', text)
                return None
            face.charToGlyph[code] = glyph
            face.charWidths[code] = advance
            _codes[key] = code
            _texts[code] = text
    return code


def _cluster_texts(text: str, clusters: Sequence[int], rtl: bool) -> list[str]:
    """What each glyph reads back as (its ToUnicode text), so that readers give back the text shaped. A cluster (a
    letter with its marks, a conjunct, a syllable whose matra moved) is shared among its glyphs in drawing order, one
    character each and the rest on the last; poppler (pdftotext, Evince) then joins a Devanagari mark to its letter.
    A right-to-left cluster reads from its last glyph alone, reversed: poppler puts such a run back in logical order
    character by character, and breaks the word at an Arabic letter whose dots, a separate glyph, read as nothing."""
    ends = dict(pairwise([*sorted(set(clusters)), len(text)]))
    out: list[str] = []
    start = 0
    while start < len(clusters):
        end = start + 1
        while end < len(clusters) and clusters[end] == clusters[start]:
            end += 1
        count = end - start
        chars = text[clusters[start] : ends[clusters[start]]]
        if rtl:
            out += [''] * (count - 1) + [chars[::-1]]
        else:
            pieces = list(chars[: count - 1])
            pieces.append(chars[len(pieces) :])
            out += pieces + [''] * (count - len(pieces))
        start = end
    return out


@lru_cache(maxsize=4096)  # the running header shapes the name on every page; a ShapedStr is never changed in place
def shape(text: str, font_name: str, rtl: bool = False) -> ShapedStr | None:
    """`text` shaped in `font_name` (right to left if `rtl`), in drawing order; None for a standard PDF face."""
    hb_font = _hb_font(font_name)
    if hb_font is None:
        return None
    font = pdfmetrics.getFont(font_name)
    face = font.face
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.direction = 'rtl' if rtl else 'ltr'
    buffer.guess_segment_properties()  # script and language; the direction set above stays
    hb.shape(hb_font, buffer)
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    scale = face._pdfScale  # font units -> thousandths of an em, ReportLab's unit
    chars: list[str] = []
    data: list[ttfonts.ShapeData] = []
    for info, position, piece in zip(
        infos, positions, _cluster_texts(text, [info.cluster for info in infos], rtl), strict=True
    ):
        width = scale(hb_font.get_glyph_h_advance(info.codepoint))
        code = _code_for(font_name, face, info.codepoint, piece, width)
        if code is None:
            continue
        chars.append(chr(code))
        data.append(
            ttfonts.ShapeData(
                info.cluster,
                scale(position.x_advance),
                scale(position.y_advance),
                scale(position.x_offset),
                scale(position.y_offset),
                face.charWidths.get(code, width),
            )
        )
    return ShapedStr(''.join(chars), shapeData=data)


def drawn(text: str, font_name: str, rtl: bool = False) -> str:
    """`text` as it is drawn from left to right: shaped where it needs it (always when right to left, for the order
    and the mirrored brackets), as it is otherwise. A standard PDF face cannot be shaped with, so a right-to-left run
    in one (only neutrals and digits: it has no right-to-left letters) is reversed and mirrored character by
    character."""
    if rtl or needs_shaping(text):
        shaped = shape(text, font_name, rtl)
        if shaped is not None:
            shaped.logical = text  # what the plain text of a paragraph split off another one shows
            return cast(str, shaped)  # a ShapedStr, a str subclass (ReportLab is untyped)
    return ''.join(MIRRORED.get(char, char) for char in reversed(text)) if rtl else text


def shaped_width(text: str, font_name: str, size: float) -> float:
    """The width of `text` (a `ShapedStr` or plain text) at `size`."""
    if isinstance(text, ShapedStr) and text.__shapeData__ is not None:
        return cast(float, sum(data.x_advance for data in text.__shapeData__) * size / 1000)
    return cast(float, pdfmetrics.stringWidth(text, font_name, size))


def is_private(code: int) -> bool:
    return code in _texts


def actual_text(code: int) -> str | None:
    """The text a private code point's glyph was shaped from (for the font's ToUnicode map)."""
    return _texts.get(code)


def font_characters(face: Any) -> list[int]:
    """The code points in a ReportLab font face's character map, read while no glyph is being added to it."""
    with _LOCK:
        return list(face.charToGlyph)
