"""Text in any script for the brand book: each run of characters is set in the first font that has their glyphs (the
kit's face, then the script fonts of `script_fonts`), and Arabic-script runs are shaped and put in visual order first.

ReportLab draws a character its font lacks as an empty glyph that reads back as NUL, so no text reaches the page
without passing through `font_runs`: paragraphs are `ScriptParagraph`s, and lines drawn on the canvas use `draw_text`.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from branding.design.font_files import fonts_root
from branding.exports.arabic import has_rtl, shape_arabic, visual_order
from branding.exports.pdf_fonts import REGISTRATION
from branding.exports.script_fonts import (
    NOTO_SANS_ARABIC,
    ScriptFont,
    candidates,
    font_path,
    han_preference,
    is_ignorable,
)

log = logging.getLogger(__name__)

Run = tuple[str, str]  # (text, ReportLab font name)
_WEIGHT_IN_NAME = re.compile(r'-(\d{3})(?:-italic)?$')
_BOLD_WEIGHT = 600


def script_file(font: ScriptFont, weight: int = 400) -> Path | None:
    return font_path(fonts_root(), font, weight)


def is_installed(font: ScriptFont) -> bool:
    return script_file(font) is not None


_reportlab_to_unicode = ttfonts.makeToUnicodeCMap


def _utf16_hex(code: int) -> str:
    return chr(code).encode('utf-16-be').hex().upper()


def to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond the BMP (emoji) written as the UTF-16 pairs the PDF format
    asks for: ReportLab writes '<1F680>', which readers reject, so the emoji would not copy or search."""
    cmap = _reportlab_to_unicode(fontname, subset)
    for index, code in enumerate(subset):
        if code > 0xFFFF:
            cmap = cmap.replace(f'\n<{index:02X}> <{code:04X}>\n', f'\n<{index:02X}> <{_utf16_hex(code)}>\n')
    return str(cmap)


ttfonts.makeToUnicodeCMap = to_unicode_cmap  # read by TTFont.addObjects at write time, for every TrueType font


@lru_cache(maxsize=32)
def script_face(font: ScriptFont, weight: int = 400) -> str | None:
    """The ReportLab name of `font` at 400 or 700, registered on first use; None when it is not installed."""
    path = script_file(font, weight)
    if path is None:
        return None
    name = f'BS-script-{font.key}-{700 if weight >= _BOLD_WEIGHT else 400}'
    try:
        with REGISTRATION:
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(path)))
    except (OSError, TTFError, ValueError, KeyError) as error:
        log.warning('script font %s could not be used in the PDF: %s', path, error)
        return None
    return name


@lru_cache(maxsize=256)
def _glyph_test(font_name: str) -> Callable[[str], bool]:
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, 'face', None)
    if isinstance(font, TTFont) and face is not None:
        mapped = frozenset(face.charToGlyph)
        return lambda char: ord(char) in mapped
    # the standard PDF faces are set in WinAnsi (cp1252) encoding: anything outside it has no glyph
    return lambda char: char.encode('cp1252', errors='ignore') != b''


def has_glyph(font_name: str, char: str) -> bool:
    return _glyph_test(font_name)(char)


def face_weight(font_name: str) -> int:
    """The weight a registered face was made at ('BS-lato-700' -> 700; 'Helvetica-Bold' -> 700)."""
    if match := _WEIGHT_IN_NAME.search(font_name):
        return int(match.group(1))
    return 700 if 'Bold' in font_name else 400


def prepared(text: str, weight: int = 400) -> str:
    """`text` shaped and reordered where it has right-to-left runs (left alone otherwise)."""
    if not has_rtl(text):
        return text
    arabic = script_face(NOTO_SANS_ARABIC, weight)
    return visual_order(shape_arabic(text, (lambda char: has_glyph(arabic, char)) if arabic else lambda _: False))


def _sticks(char: str) -> bool:
    """Spaces and marks stay in the run they are in, so that a space between two Japanese words stays Japanese."""
    return char.isspace() or unicodedata.category(char) in {'Mn', 'Me'} or is_ignorable(char)


def _font_for(char: str, base: str, current: str, weight: int, han_order: tuple[ScriptFont, ...]) -> str | None:
    if _sticks(char) and has_glyph(current, char):
        return current
    if has_glyph(base, char):
        return base
    for font in candidates(char, han_order):
        name = script_face(font, weight)
        if name is not None and has_glyph(name, char):
            return name
    return None if is_ignorable(char) else base  # an invisible joiner no font has is left out; the rest shows tofu


def font_runs(text: str, base: str, weight: int | None = None) -> list[Run]:
    """`text` (already `prepared`) cut into runs, each with the font that has its glyphs; `base` sets what it can."""
    weight = face_weight(base) if weight is None else weight
    han_order = han_preference(text)
    runs: list[Run] = []
    chars: list[str] = []
    current = base
    for char in text:
        font = _font_for(char, base, current, weight, han_order)
        if font is None:
            continue
        if font != current and chars:
            runs.append((''.join(chars), current))
            chars = []
        current = font
        chars.append(char)
    if chars:
        runs.append((''.join(chars), current))
    return runs


def _frag_weight(frag: Any) -> int:
    return max(face_weight(frag.fontName), 700 if getattr(frag, 'bold', 0) else 0)


def script_frags(frags: Sequence[Any]) -> list[Any]:
    """ReportLab's parsed paragraph fragments, each split where its text needs another font."""
    out: list[Any] = []
    for frag in frags:
        text = getattr(frag, 'text', '')
        if not text or hasattr(frag, 'cbDefn'):
            out.append(frag)
            continue
        weight = _frag_weight(frag)
        runs = font_runs(prepared(text, weight), frag.fontName, weight)
        if runs == [(text, frag.fontName)]:
            out.append(frag)
        else:
            out += [frag.clone(text=part, fontName=font) for part, font in runs] or [frag.clone(text='')]
    return out


class ScriptParagraph(Paragraph):
    """A Paragraph whose text is set in as many fonts as its scripts need; its plain text stays in logical order
    (the outline and the viewer's bookmarks show it as written)."""

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:
        parsed = frags is None  # a part split off another paragraph arrives with its fragments already done
        super()._setup(text, style, bulletText, frags, cleaner)
        if parsed:
            self._logical_text = super().getPlainText()
            self.frags: list[Any] = script_frags(self.frags)

    def getPlainText(self, identify: Any = None) -> str:  # ReportLab's name
        logical = getattr(self, '_logical_text', None)
        return logical if logical is not None else str(super().getPlainText(identify))


def text_width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(part, name, size) for part, name in font_runs(prepared(text), font))


def fit_width(text: str, font: str, size: float, width: float) -> str:
    """`text`, shortened with an ellipsis if it is wider than `width` at `size`."""
    if text_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with its ellipsis
        middle = (low + high + 1) // 2
        if text_width(f'{text[:middle].rstrip()}…', font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return f'{text[:low].rstrip()}…'


def draw_text(canvas: Canvas, x: float, y: float, text: str, *, font: str, size: float, right: bool = False) -> None:
    """One line of untrusted text at (x, y), or ending there if `right`, in as many fonts as it needs."""
    runs = font_runs(prepared(text, face_weight(font)), font)
    widths = [pdfmetrics.stringWidth(part, name, size) for part, name in runs]
    x -= sum(widths) if right else 0
    for (part, name), width in zip(runs, widths, strict=True):
        canvas.setFont(name, size)
        canvas.drawString(x, y, part)
        x += width
