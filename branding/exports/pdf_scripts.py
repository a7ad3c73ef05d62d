"""Text in any script for the brand book: each run of characters is set in the first font that has their glyphs (the
kit's face, then the script fonts of `script_fonts`); runs that need it are shaped by HarfBuzz and right-to-left runs
are put in drawing order line by line (see `shaping`).

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
from typing import Any, cast

from reportlab.lib.rl_accel import sameFrag
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _FK_BREAK, _getFragWords, _HSFrag, _processed_frags

from branding.design.font_files import FontLibrary
from branding.exports import shaping
from branding.exports.pdf_fonts import REGISTRATION
from branding.exports.script_fonts import ScriptFont, candidates, font_path, han_preference, is_ignorable

log = logging.getLogger(__name__)

Run = tuple[str, str]  # (text, ReportLab font name)
Piece = tuple[str, str, float]  # (text to draw, plain or shaped; ReportLab font name; width in points)
_WEIGHT_IN_NAME = re.compile(r'-(\d{3})(?:-italic)?$')
_BOLD_WEIGHT = 600


def script_file(fonts: FontLibrary, font: ScriptFont, weight: int = 400) -> Path | None:
    return font_path(fonts, font, weight)


def is_installed(fonts: FontLibrary, font: ScriptFont) -> bool:
    return script_file(fonts, font) is not None


_reportlab_to_unicode = ttfonts.makeToUnicodeCMap


def _utf16_hex(text: str) -> str:
    return text.encode('utf-16-be').hex().upper()


def to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """ReportLab's ToUnicode CMap, with what ReportLab cannot write: characters beyond the BMP (emoji) as the UTF-16
    pairs the PDF format asks for (ReportLab writes '<1F680>', which readers reject, so the emoji would not copy or
    search), and each shaped glyph's private code point as the text it was shaped from."""
    cmap = _reportlab_to_unicode(fontname, subset)
    for index, code in enumerate(subset):
        text = shaping.actual_text(code)
        if text is not None or code > 0xFFFF:
            destination = _utf16_hex(chr(code) if text is None else text)
            cmap = cmap.replace(f'\n<{index:02X}> <{code:04X}>\n', f'\n<{index:02X}> <{destination}>\n')
    return str(cmap)


ttfonts.makeToUnicodeCMap = to_unicode_cmap  # read by TTFont.addObjects at write time, for every TrueType font


@lru_cache(maxsize=64)  # every character the kit's face lacks asks again; another library is another key
def script_face(fonts: FontLibrary, font: ScriptFont, weight: int = 400) -> str | None:
    """The ReportLab name of `font` at 400 or 700, registered on first use; None when it is not installed in `fonts`."""
    path = script_file(fonts, font, weight)
    if path is None:
        return None
    name = f'BS-script-{font.key}-{700 if weight >= _BOLD_WEIGHT else 400}'
    try:
        # ReportLab's registry is process-wide and by name; a process draws from one library, so a name is one file
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
        # the character map also holds the private code points of shaped glyphs, which are not characters to set
        mapped = frozenset(code for code in shaping.font_characters(face) if not shaping.is_private(code))
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


def _sticks(char: str) -> bool:
    """Spaces and marks stay in the run they are in, so that a space between two Japanese words stays Japanese."""
    return char.isspace() or unicodedata.category(char) in {'Mn', 'Me'} or is_ignorable(char)


def _font_for(
    char: str, base: str, current: str, weight: int, han_order: tuple[ScriptFont, ...], *, fonts: FontLibrary
) -> str | None:
    if _sticks(char) and has_glyph(current, char):
        return current
    if has_glyph(base, char):
        return base
    for font in candidates(char, han_order):
        name = script_face(fonts, font, weight)
        if name is not None and has_glyph(name, char):
            return name
    return None if is_ignorable(char) else base  # an invisible joiner no font has is left out; the rest shows tofu


def _font_spans(text: str, base: str, fonts: FontLibrary, weight: int | None = None) -> list[tuple[list[int], str]]:
    """The indices of `text`'s characters cut into runs, each with the font that has their glyphs, `base` or a script
    font installed in `fonts` (characters no font needs, such as a joiner no font has, are left out)."""
    weight = face_weight(base) if weight is None else weight
    han_order = han_preference(text)
    spans: list[tuple[list[int], str]] = []
    indices: list[int] = []
    current = base
    for index, char in enumerate(text):
        font = _font_for(char, base, current, weight, han_order, fonts=fonts)
        if font is None:
            continue
        if font != current and indices:
            spans.append((indices, current))
            indices = []
        current = font
        indices.append(index)
    if indices:
        spans.append((indices, current))
    return spans


def font_runs(text: str, base: str, fonts: FontLibrary, weight: int | None = None) -> list[Run]:
    """`text` cut into runs, each with the font that has its glyphs; `base` sets what it can, the script fonts
    installed in `fonts` the rest."""
    spans = _font_spans(text, base, fonts, weight)
    return [(''.join(text[index] for index in indices), font) for indices, font in spans]


def _frag_weight(frag: Any) -> int:
    return max(face_weight(frag.fontName), 700 if getattr(frag, 'bold', 0) else 0)


def _is_text(frag: Any) -> bool:
    return bool(getattr(frag, 'text', '')) and not hasattr(frag, 'cbDefn')


def script_frags(frags: Sequence[Any], fonts: FontLibrary) -> list[Any]:
    """ReportLab's parsed paragraph fragments, each split where its text needs another font."""
    out: list[Any] = []
    for frag in frags:
        if not _is_text(frag):
            out.append(frag)
            continue
        text = frag.text
        weight = _frag_weight(frag)
        runs = font_runs(text, frag.fontName, fonts, weight)
        if runs == [(text, frag.fontName)]:
            out.append(frag)
        else:
            out += [frag.clone(text=part, fontName=font) for part, font in runs] or [frag.clone(text='')]
    return out


def _level_frags(frags: Sequence[Any], text: str) -> list[Any]:
    """`frags` (whose texts make up `text`) split where the bidi level changes, each carrying its level."""
    levels = shaping.bidi_levels(text)
    out: list[Any] = []
    start = 0
    for frag in frags:
        if not _is_text(frag):
            out.append(frag)
            continue
        end = start + len(frag.text)
        runs = shaping.level_runs(frag.text, levels[start:end])
        out += [frag.clone(text=part, bidiLevel=level) for part, level in runs]
        start = end
    return out


def _level(frag: Any) -> int:
    return int(getattr(frag, 'bidiLevel', 0))


def _shaped_piece(frag: Any, text: str) -> tuple[str, float]:
    """`text` of `frag` as it is drawn (shaped if it needs it) and how much wider than unshaped that is."""
    if not _is_text(frag) or not text:
        return text, 0.0
    drawn = shaping.drawn(text, frag.fontName, _level(frag) % 2 == 1)
    if drawn is text:
        return text, 0.0
    plain = pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize)
    return drawn, shaping.shaped_width(drawn, frag.fontName, frag.fontSize) - plain


def shaped_words(frags: Sequence[Any]) -> list[Any] | None:
    """The paragraph as ReportLab's 'processed' fragment words (words in logical order, each a list of its width and
    (fragment, text) pieces), with the pieces that need it shaped; None when nothing needs shaping or reordering."""
    text = ''.join(frag.text for frag in frags if _is_text(frag))
    if not shaping.needs_shaping(text):
        return None
    words = []
    for word in _getFragWords(_level_frags(frags, text)):
        pieces = [(frag, *_shaped_piece(frag, part)) for frag, part in word[1:]]
        width = word[0] + sum(extra for _, _, extra in pieces)
        words.append(word.__class__([width, *((frag, part) for frag, part, _ in pieces)]))
    return words


def _gap_level(left: int, right: int) -> int:
    # a space between two runs takes the lower level: the embedding direction unless both sides share theirs (N1, N2)
    return min(left, right)


def _visual_words(words: Sequence[Any]) -> list[Any]:
    """The fragments of one line, from its fragment words in logical order, in drawing order (rule L2); a space
    between words goes with the runs around it."""
    items: list[tuple[Any, str, int]] = []  # (fragment, or None for the space between two words; text; level)
    breaks: list[Any] = []
    spaced = False  # whether the word before is followed by a space
    for word in words:
        if items and spaced:
            items.append((None, ' ', 0))
        for frag, part in word[1:]:
            if getattr(frag, '_fkind', None) == _FK_BREAK:
                breaks.append(frag)
            else:
                items.append((frag, part, _level(frag)))
        spaced = isinstance(word, _HSFrag)
    levels = [level for _, _, level in items]
    for index, (frag, _, _) in enumerate(items):
        if frag is None:  # between two words, so never first or last
            levels[index] = _gap_level(levels[index - 1], levels[index + 1])
    out: list[Any] = []
    last_text: Any = None  # the last fragment with text: a space is added to its end, as ReportLab does
    for index in shaping.visual_order(levels):
        frag, part, _ = items[index]
        if frag is None:
            if last_text is not None and not last_text.text.endswith(' '):
                last_text.text += ' '
        elif out and out[-1] is last_text and not hasattr(frag, 'cbDefn') and sameFrag(last_text, frag):
            last_text.text += part
        else:
            piece = frag.clone()
            piece.text = part
            out.append(piece)
            last_text = last_text if hasattr(frag, 'cbDefn') else piece
    return out + breaks


class ScriptParagraph(Paragraph):
    """A Paragraph whose text is set in as many fonts as its scripts need (its style's font, then the script fonts
    installed in `fonts`), shaped where it needs it, with right-to-left runs in drawing order on each line; its plain
    text stays in logical order (the outline and the viewer's bookmarks show it as written)."""

    def __init__(
        self,
        text: Any,
        style: Any = None,
        *,
        fonts: FontLibrary | None = None,
        **options: Any,  # Paragraph's own: bulletText, frags, caseSensitive, encoding
    ) -> None:
        # only a paragraph made from text needs `fonts`: ReportLab makes the parts of a split one through this class
        # too, passing its options by name, with the fragments already set in their fonts and no way to add more
        self._fonts = fonts
        super().__init__(text, style, **options)

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:
        parsed = frags is None  # a part split off another paragraph arrives with its fragments already done
        super()._setup(text, style, bulletText, frags, cleaner)
        if parsed:
            if self._fonts is None:
                raise TypeError('a ScriptParagraph made from text needs the font library (fonts=...)')
            self._logical_text = super().getPlainText()
            frags = script_frags(self.frags, self._fonts)
            self.frags: list[Any] = shaped_words(frags) or frags

    def getPlainText(self, identify: Any = None) -> str:  # ReportLab's name
        logical = cast(str | None, getattr(self, '_logical_text', None))
        if logical is not None:
            return logical
        if self.frags and _processed_frags(self.frags):  # a part split off a shaped paragraph
            words = [(''.join(getattr(part, 'logical', part) for _, part in word[1:]), word) for word in self.frags]
            return ''.join(text + (' ' if isinstance(word, _HSFrag) else '') for text, word in words).strip()
        return str(super().getPlainText(identify))

    def breakLines(self, width: Any) -> Any:  # ReportLab's name
        """ReportLab's lines, broken in logical order, then each put in drawing order where it has right-to-left
        runs: a right-to-left sentence that wraps reads from the first line down, as it should."""
        lines = super().breakLines(width)
        words = self.frags
        if (
            lines.kind != 1
            or not _processed_frags(words)
            or not any(_level(frag) for word in words for frag, _ in word[1:])
        ):
            return lines
        starts = [line.sFW for line in lines.lines] + [len(words)]
        for line, start, end in zip(lines.lines, starts, starts[1:], strict=False):
            line.words = _visual_words(words[start:end])
        return lines


def line_pieces(text: str, font: str, size: float, fonts: FontLibrary) -> list[Piece]:
    """One line of `text` in `font` (or the script fonts installed in `fonts`) at `size`, as the pieces to draw from
    left to right."""
    levels = shaping.bidi_levels(text)
    runs: list[tuple[str, str, int]] = []
    for indices, name in _font_spans(text, font, fonts):
        part = ''.join(text[index] for index in indices)
        runs += [(piece, name, level) for piece, level in shaping.level_runs(part, [levels[i] for i in indices])]
    pieces: list[Piece] = []
    for index in shaping.visual_order([level for _, _, level in runs]):
        part, name, level = runs[index]
        drawn = shaping.drawn(part, name, level % 2 == 1)
        pieces.append((drawn, name, shaping.shaped_width(drawn, name, size)))
    return pieces


def text_width(text: str, font: str, size: float, fonts: FontLibrary) -> float:
    return sum(width for _, _, width in line_pieces(text, font, size, fonts))


def fit_width(text: str, font: str, size: float, width: float, fonts: FontLibrary) -> str:
    """`text`, shortened with an ellipsis if it is wider than `width` at `size`."""
    if text_width(text, font, size, fonts) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with its ellipsis
        middle = (low + high + 1) // 2
        if text_width(f'{text[:middle].rstrip()}…', font, size, fonts) <= width:
            low = middle
        else:
            high = middle - 1
    return f'{text[:low].rstrip()}…'


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, *, font: str, size: float, fonts: FontLibrary, right: bool = False
) -> None:
    """One line of untrusted text at (x, y), or ending there if `right`, in as many fonts as it needs."""
    pieces = line_pieces(text, font, size, fonts)
    x -= sum(width for _, _, width in pieces) if right else 0
    for part, name, width in pieces:
        canvas.setFont(name, size)
        canvas.drawString(x, y, part)
        x += width
