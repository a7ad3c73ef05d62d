"""The brand book prints every character in a font that has its glyph: Japanese, Chinese, Korean, Arabic, Hebrew,
Hindi and Thai names included, on the cover and on every page.

What is checked is the PDF itself, read back with pypdf and fontTools: for every string a page draws, the embedded
subset of the font it is drawn in must hold a real glyph for each code (ReportLab draws a character its font lacks as
the subset's `.notdef`), with ink unless the code reads back as white space; and the cover's text must be the name.
"""

from __future__ import annotations

import io
import string
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import pypdf
import pytest
from fontTools.ttLib import TTFont
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf.generic import ContentStream, StreamObject

from branding.export import export_kit
from branding.exports.common import kit_title
from branding.exports.pdf_style import MARGIN_X, PAGE_WIDTH
from branding.models import Focus
from tests.fonts import INSTALLED_FONTS
from tests.unit.test_export import STANDARD_FONTS, normalised, pdf_dict, shows_name
from tests.unit.test_export_scripts import NO_SHRINK, make_kit

NAMES = {
    'japanese': 'さくらデザイン',
    'chinese': '北京数据科技有限公司',
    'korean': '서울 디자인 스튜디오',
    'arabic': 'بيت التمويل',
    'hebrew': 'שלום טק',
    'hindi': 'गंगा आयुर्वेद',
    'thai': 'สวัสดี ดีไซน์',
}
LETTERS = {
    'japanese': 'さくらあいうえおかきデザインスタジオ東京大阪設計',
    'chinese': '北京上海科技有限公司设计创新数据云',
    'korean': '서울부산디자인기술회사데이터',
    'arabic': 'ابتثجحخدذرزسشصضطظعغفقكلمنهويةأإآى',
    'hebrew': 'אבגדהוזחטיכלמנסעפצקרשתךםןףץ',
    'hindi': 'कखगघचछजझटठडढतथदधनपफबभमयरलवशसहािीुूेैोौंः्',
    'thai': 'กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะาำิีึืุูเแโใไ่้๊๋ั็์',
}
# Bytes cp1252 leaves undefined: a standard PDF face has no glyph for them
_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


@dataclass(kw_only=True, slots=True, frozen=True)
class Drawn:
    font: str  # the embedded font's name, subset prefix removed
    code: int  # the code drawn
    glyph: str | None  # its glyph in the embedded subset (None for a standard PDF face)
    ink: bool  # whether that glyph draws anything
    text: str  # what the code reads back as (its ToUnicode entry)


def _to_unicode(font: pypdf.generic.DictionaryObject) -> dict[int, str]:
    stream = font.get('/ToUnicode')
    if stream is None:
        return {}
    data = stream.get_object().get_data().decode('latin-1')
    entries: dict[int, str] = {}
    for line in data.splitlines():
        parts = line.strip().split()
        if len(parts) == 2 and all(part.startswith('<') and part.endswith('>') for part in parts):
            source, target = (part.strip('<>') for part in parts)
            entries[int(source, 16)] = bytes.fromhex(target).decode('utf-16-be', errors='replace')
    return entries


@dataclass(kw_only=True, slots=True, frozen=True)
class _Font:
    name: str
    subset: TTFont | None
    to_unicode: dict[int, str]


def _fonts(page: pypdf.PageObject) -> dict[str, _Font]:
    fonts = {}
    for key, reference in pdf_dict(pdf_dict(page['/Resources']).get('/Font', {})).items():
        font = pdf_dict(reference)
        name = str(font['/BaseFont']).lstrip('/').split('+')[-1]
        descriptor = font.get('/FontDescriptor')
        subset = None
        if descriptor is not None and '/FontFile2' in pdf_dict(descriptor):
            file = pdf_dict(descriptor)['/FontFile2']
            assert isinstance(file, StreamObject), file
            subset = TTFont(io.BytesIO(file.get_data()))
        fonts[key] = _Font(name=name, subset=subset, to_unicode=_to_unicode(font))
    return fonts


def _has_ink(subset: TTFont, glyph: str) -> bool:
    entry = subset['glyf'][glyph]
    return bool(entry.numberOfContours)  # composites count as -1, outlines as their number of contours


def drawn_codes(reader: pypdf.PdfReader, page_index: int) -> Iterator[Drawn]:
    """Every code a page draws, with the font it is drawn in and what the font's subset holds for it."""
    page = reader.pages[page_index]
    fonts = _fonts(page)
    current: _Font | None = None
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b'Tf':
            current = fonts.get(operands[0])
        elif operator in {b'Tj', b'TJ', b"'", b'"'} and current is not None:
            strings = operands[0] if operator == b'TJ' else [operands[-1]]
            for text in strings:
                raw = getattr(text, 'original_bytes', text)  # pypdf decodes strings; the codes are the bytes
                if not isinstance(raw, bytes):
                    continue
                for code in raw:
                    yield _drawn(current, code)


def _drawn(font: _Font, code: int) -> Drawn:
    if font.subset is None:
        return Drawn(font=font.name, code=code, glyph=None, ink=code not in _CP1252_HOLES, text=chr(code))
    glyph = font.subset['cmap'].tables[0].cmap.get(code)
    ink = glyph is not None and glyph != '.notdef' and _has_ink(font.subset, glyph)
    return Drawn(font=font.name, code=code, glyph=glyph, ink=ink, text=font.to_unicode.get(code, ''))


def _blank(text: str) -> bool:
    return all(char.isspace() or unicodedata.category(char) in {'Cf', 'Zs'} for char in text)


def check_glyphs(data: bytes, name: str) -> None:
    reader = pypdf.PdfReader(io.BytesIO(data))
    missing = []
    printed = ''
    for index in range(len(reader.pages)):
        for drawn in drawn_codes(reader, index):
            unknown_face = drawn.glyph is None and drawn.font not in STANDARD_FONTS
            if unknown_face or drawn.glyph == '.notdef' or not (drawn.ink or _blank(drawn.text)):
                missing.append((index, drawn))
            if index == 0:
                printed += drawn.text
    assert not missing, missing[:10]
    cover = reader.pages[0].extract_text()
    assert shows_name(name, cover), (name, cover[:300])
    # every letter of the name is drawn on the cover, in a glyph that reads back as that letter
    assert set(normalised(name)) <= set(normalised(printed)), (name, printed[:200])


def brand_book(name: str, *, focus: Focus = Focus.TAGLINES, seed: int = 1) -> bytes:
    kit = make_kit(name, focus=focus, seed=seed)
    assert kit_title(kit) == name
    return export_kit(kit, 'pdf', fonts=INSTALLED_FONTS)[0]


@pytest.mark.parametrize('script', sorted(NAMES))
def test_every_character_of_a_non_latin_brand_book_has_a_glyph_in_its_font(script: str) -> None:
    name = NAMES[script]
    data = brand_book(name, focus=Focus.ALL)
    check_glyphs(data, name)
    text = ' '.join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert 'Script: Noto Sans' in text  # the typography pages show the face the name is set in


@st.composite
def names(draw: st.DrawFn) -> str:
    """One to three words in one or two of the scripts (with Latin sometimes), as a consortium or a shop is named."""
    scripts = draw(st.lists(st.sampled_from(sorted(LETTERS)), min_size=1, max_size=2, unique=True))
    alphabets = [LETTERS[script] for script in scripts]
    if draw(st.booleans()):
        alphabets.append(string.ascii_letters)
    words = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        letters = draw(st.sampled_from(alphabets))
        starts = [char for char in letters if unicodedata.category(char) not in {'Mn', 'Mc', 'Me'}]
        words.append(draw(st.sampled_from(starts)) + draw(st.text(alphabet=letters, max_size=8)))
    return ' '.join(words)


@settings(max_examples=8, deadline=None, phases=NO_SHRINK, suppress_health_check=[HealthCheck.too_slow])
@given(name=names(), seed=st.integers(min_value=0, max_value=99))
def test_any_name_in_these_scripts_prints_in_real_glyphs(name: str, seed: int) -> None:
    check_glyphs(brand_book(name, seed=seed), name)


# --- the cover's title: flush right for a right-to-left name ----------------------------------------------------------


def _title_extent(data: bytes, size: float = 40.0) -> tuple[float, float]:
    """The x-extent (page units) of the text the cover draws at the title's size: each string's start from the
    transforms in force, its advance from its font's widths (and a TJ's adjustments)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    page = reader.pages[0]
    resources = pdf_dict(pdf_dict(page['/Resources']).get('/Font', {}))
    stack: list[list[float]] = []
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    line_x = x = 0.0
    font: dict[str, object] = {}
    font_size = 0.0
    extents: list[float] = []

    def advance(raw: bytes) -> float:
        first = int(font.get('/FirstChar', 0))  # type: ignore[call-overload]
        widths = [float(w) for w in font.get('/Widths', [])]  # type: ignore[attr-defined]
        return sum(widths[code - first] if 0 <= code - first < len(widths) else 0.0 for code in raw) / 1000

    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b'q':
            stack.append(list(ctm))
        elif operator == b'Q':
            ctm = stack.pop()
        elif operator == b'cm':
            a, b, c, d, e, f = (float(v) for v in operands)
            ctm = [
                a * ctm[0] + b * ctm[2],
                a * ctm[1] + b * ctm[3],
                c * ctm[0] + d * ctm[2],
                c * ctm[1] + d * ctm[3],
                e * ctm[0] + f * ctm[2] + ctm[4],
                e * ctm[1] + f * ctm[3] + ctm[5],
            ]
        elif operator == b'Tm':
            line_x = x = float(operands[4])
        elif operator == b'Td':
            line_x = x = line_x + float(operands[0])
        elif operator == b'Tf':
            font, font_size = pdf_dict(resources[operands[0]]), float(operands[1])
        elif operator in {b'Tj', b'TJ'}:
            parts = operands[0] if operator == b'TJ' else [operands[0]]
            for part in parts:
                raw = getattr(part, 'original_bytes', part)
                step = advance(raw) if isinstance(raw, bytes) else -float(part) / 1000
                if font_size == size:
                    extents += [ctm[0] * x + ctm[4], ctm[0] * (x + step * font_size) + ctm[4]]
                x += step * font_size
    assert extents, 'no text drawn at the title size'
    return min(extents), max(extents)


def test_the_cover_sets_a_right_to_left_name_flush_right_and_a_latin_one_flush_left() -> None:
    latin_start, latin_end = _title_extent(brand_book('Northwind'))
    assert latin_start == pytest.approx(MARGIN_X + 6, abs=0.5)  # the frame's padding inside the left margin
    assert latin_end < PAGE_WIDTH / 2
    for name in (NAMES['arabic'], NAMES['hebrew']):
        start, end = _title_extent(brand_book(name))
        # it ends where a Latin title starts, mirrored: at the right margin, inside the frame's padding
        assert end == pytest.approx(PAGE_WIDTH - latin_start, abs=0.5), (name, start, end)
        assert start > PAGE_WIDTH / 2, (name, start, end)
