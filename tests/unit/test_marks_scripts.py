"""Marks for names in any script: lettering outlined from the installed fonts (the kit's face, then the whole-script
Noto fonts), shaped by HarfBuzz, right-to-left names set and locked up right to left, emoji left out, and monograms
that fit their container whatever the first grapheme is."""

from __future__ import annotations

import math
import random
import re
import string
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import regex
import uharfbuzz as hb
from fontTools.pens.boundsPen import BoundsPen
from fontTools.svgLib.path import parse_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from branding.design.glyphs import SHAPED_UNITS
from branding.design.marks.inks import Inks
from branding.design.marks.monogram_symbols import MONOGRAM_SHAPES, MonogramShape, monogram_symbol
from branding.design.marks.render import render_mark
from branding.design.marks.text import display_name, initials, without_pictographs
from branding.design.marks.typesetting import Face, fit_text, set_line
from branding.design.scripts import NOTO_EMOJI, PACKAGE_SCOPE, detect_scripts, nearest_font_file
from branding.models import ColorPalette, FontSpec, LogoStyle, Typography
from branding.sections.logos import render_logo
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS
from tests.unit.test_logos import make_profile

SVG_NS = '{http://www.w3.org/2000/svg}'
LETTERS = {
    'japanese': ('さくらあいうえおかきデザインスタジオ東京大阪設計', 'NotoSansJP'),
    'chinese': ('北京上海科技有限公司设计创新数据云', 'NotoSansSC'),
    'korean': ('서울부산디자인기술회사데이터', 'NotoSansKR'),
    'arabic': ('ابتثجحخدذرزسشصضطظعغفقكلمنهويةأإآى', 'NotoSansArabic'),
    'hebrew': ('אבגדהוזחטיכלמנסעפצקרשתךםןףץ', 'NotoSansHebrew'),
    'devanagari': ('कखगघचछजझटठडढतथदधनपफबभमयरलवशसहािीुूेैोौंः्', 'NotoSansDevanagari'),
    'thai': ('กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะาำิีึืุูเแโใไ่้๊๋ั็์', 'NotoSansThai'),
}
EMOJI = ['🚀', '👩\u200d💻', '🇯🇵', '1️⃣', '❤️', '🍞', '🏳️\u200d🌈', '👍🏽']
GLYPH_PATH = re.compile(r'translate\(([-\d.]+) ([-\d.]+)\) scale\(([-\d.e]+)\)')


def make_palette() -> ColorPalette:
    return ColorPalette(
        primary='#1f4e79', secondary='#3a7d44', accent='#e07a1f', neutral='#f4f1ea', psychology={}, usage_guidelines=''
    )


TYPOGRAPHY = Typography(
    heading_font='Inter',
    body_font='Source Serif 4',
    accent_font='Inter',
    rationale='A neutral grotesque over a readable serif.',
    pairings=[],
    fonts=[
        FontSpec(
            role='heading',
            family='Inter',
            category='sans-serif',
            weights=[400, 600, 700],
            css_stack="'Inter', system-ui, sans-serif",
            license='OFL-1.1',
            available_offline=True,
        )
    ],
)
FACE = Face.for_role(TYPOGRAPHY, 'heading', fonts=INSTALLED_FONTS)
INKS = Inks.from_palette(make_palette())


def word(draw: st.DrawFn, letters: str) -> str:
    starts = [char for char in letters if unicodedata.category(char) not in {'Mn', 'Mc', 'Me'}]
    return draw(st.sampled_from(starts)) + draw(st.text(alphabet=letters, max_size=9))


@st.composite
def script_names(draw: st.DrawFn) -> tuple[str, str]:
    """A name of one to three words in one script, sometimes with a Latin word or an emoji: (script, name)."""
    script = draw(st.sampled_from(sorted(LETTERS)))
    words = [word(draw, LETTERS[script][0]) for _ in range(draw(st.integers(min_value=1, max_value=3)))]
    if draw(st.booleans()):
        words.insert(draw(st.integers(min_value=0, max_value=len(words))), draw(st.sampled_from(EMOJI)))
    if draw(st.booleans()):
        words.append(word(draw, string.ascii_letters))
    return script, ' '.join(words)


def glyph_paths(root: ET.Element) -> list[ET.Element]:
    """The outlined lettering of a mark: paths placed with a translation and a scale."""
    return [path for path in root.iter(f'{SVG_NS}path') if GLYPH_PATH.search(path.get('transform', ''))]


# --- every script outlined --------------------------------------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(named=script_names(), style=st.sampled_from(list(LogoStyle)), seed=st.integers(min_value=0, max_value=99))
def test_marks_of_any_script_are_outlined_paths_never_text(named: tuple[str, str], style: LogoStyle, seed: int) -> None:
    _, name = named
    svg = render_logo(
        style, make_profile(name), make_palette(), TYPOGRAPHY, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS, seed=seed
    )
    root = ET.fromstring(svg)
    assert not list(root.iter(f'{SVG_NS}text'))
    if style in {LogoStyle.WORDMARK, LogoStyle.LETTERMARK, LogoStyle.COMBINATION}:
        assert glyph_paths(root), (style, name)  # the name or its initials, drawn


@settings(max_examples=40, deadline=None)
@given(named=script_names(), weight=st.sampled_from([300, 400, 600, 700, 800]))
def test_each_script_is_set_in_its_own_noto_font_shaped_by_harfbuzz(named: tuple[str, str], weight: int) -> None:
    script, name = named
    line = set_line(name, FACE, weight=weight)
    assert line.outlined and line.runs is not None
    fonts = {path.name.split('_')[0] for path, _, _ in line.runs}
    if script == 'japanese' and not regex.search(r'[\p{Hiragana}\p{Katakana}]', name):
        # kanji alone do not say Japanese rather than Chinese (東京 is both): a Han font either way
        assert fonts & {'NotoSansJP', 'NotoSansSC'}
    else:
        assert LETTERS[script][1] in fonts
    assert 'NotoEmoji' not in fonts
    drawn = ''.join(text for _, text, _ in line.runs)
    assert drawn.replace(' ', '') == without_pictographs(name).replace(' ', '')
    assert line.rtl == (script in {'arabic', 'hebrew'} and not regex.search(r'[A-Za-z]', name))


def harfbuzz_advance(text: str, font: Path, *, rtl: bool) -> float:
    face = hb.Face(hb.Blob(font.read_bytes()))
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.direction = 'rtl' if rtl else 'ltr'
    buffer.guess_segment_properties()
    hb.shape(hb.Font(face), buffer)
    return float(sum(position.x_advance for position in buffer.glyph_positions) * SHAPED_UNITS / face.upem)


@pytest.mark.parametrize(
    ('name', 'key', 'rtl'),
    [('بيت التمويل', 'noto-sans-arabic', True), ('क्षत्रिय शिक्षा', 'noto-sans-devanagari', False)],
)
def test_arabic_joins_and_devanagari_conjuncts_come_from_harfbuzz(name: str, key: str, rtl: bool) -> None:
    """Shaped, the line is as wide as HarfBuzz makes it (joining forms, conjuncts), not as its letters one by one."""
    line = set_line(name, FACE, weight=400)
    path = next(path for path, _, _ in line.runs or () if path.parent.parent.name == key)
    assert line.width_em * SHAPED_UNITS == pytest.approx(harfbuzz_advance(name, path, rtl=rtl), abs=1.0)
    one_by_one = sum(harfbuzz_advance(char, path, rtl=rtl) for char in name)
    assert abs(line.width_em * SHAPED_UNITS - one_by_one) > 20


def test_a_right_to_left_name_starts_at_the_right() -> None:
    """In 'שלום טק' the first word is drawn on the right: its ink is right of the second word's."""
    line = set_line('שלום טק', FACE, weight=400)
    second = set_line('טק', FACE, weight=400)
    outline = line.outline()
    assert outline is not None and outline.ink_bounds is not None
    second_outline = second.outline()
    assert second_outline is not None and second_outline.path_data
    # the second word's glyphs are drawn first, at the left end of the line
    assert outline.path_data.startswith(second_outline.path_data.split('Z')[0])


def test_right_to_left_names_get_a_mirrored_lockup() -> None:
    for name in ('بيت التمويل', 'שלום טק'):
        block = fit_text(name, FACE, weight=600, tracking=0.0, max_width=300, cap=34)
        assert block.rtl
        for seed in range(6):
            svg = render_logo(
                LogoStyle.COMBINATION,
                make_profile(name),
                make_palette(),
                TYPOGRAPHY,
                fonts=INSTALLED_FONTS,
                icons=INSTALLED_ICONS,
                seed=seed,
            )
            root = ET.fromstring(svg)
            symbol_x = min(
                float(match.group(1))
                for group in root.iter(f'{SVG_NS}g')
                if (match := re.match(r'translate\(([-\d.]+) ', group.get('transform', '')))
            )
            letters_x = max(float(GLYPH_PATH.search(p.get('transform', '')).group(1)) for p in glyph_paths(root))  # type: ignore[union-attr]
            assert symbol_x > letters_x, (name, seed)  # the symbol stands to the right of the name
    assert not fit_text('Tidewater', FACE, weight=600, tracking=0.0, max_width=300, cap=34).rtl


def _full_stop_and_letters(name: str, seed: int) -> tuple[float, list[float]] | None:
    """The x of a wordmark's full stop and of each outlined glyph, or None when this seed closes it otherwise."""
    mark = render_mark(
        LogoStyle.WORDMARK, make_profile(name), make_palette(), TYPOGRAPHY, fonts=INSTALLED_FONTS, seed=seed
    )
    if 'full stop' not in mark.composition:
        return None
    root = ET.fromstring(mark.svg)
    stops = [float(circle.get('cx', '0')) for circle in root.iter(f'{SVG_NS}circle')]
    stops += [
        float(rect.get('x', '0')) + float(rect.get('width', '0')) / 2
        for rect in root.iter(f'{SVG_NS}rect')
        if float(rect.get('width', '0')) < 20
    ]
    assert len(stops) == 1, mark.svg
    letters = [float(GLYPH_PATH.search(p.get('transform', '')).group(1)) for p in glyph_paths(root)]  # type: ignore[union-attr]
    return stops[0], letters


def test_a_wordmark_closes_a_right_to_left_name_on_its_left() -> None:
    """The full stop ends the name where it ends: on the right of 'Tidewater', on the left of an Arabic name."""
    seen = {'rtl': 0, 'ltr': 0}
    for name, rtl in (('بيت التمويل', True), ('שלום טק', True), ('Tidewater', False)):
        for seed in range(12):
            placed = _full_stop_and_letters(name, seed)
            if placed is None:
                continue
            stop, letters = placed
            assert (stop < min(letters)) if rtl else (stop > max(letters)), (name, seed)
            seen['rtl' if rtl else 'ltr'] += 1
    assert seen['rtl'] >= 2 and seen['ltr'] >= 1, seen


# --- emoji -----------------------------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(
        st.one_of(st.sampled_from(EMOJI), st.text(alphabet=string.ascii_letters + 'éß東ب', min_size=1, max_size=6)),
        min_size=1,
        max_size=5,
    )
)
def test_emoji_never_reach_a_mark(parts: list[str]) -> None:
    name = ' '.join(parts)
    line = set_line(name, FACE, weight=700)
    assert not regex.search(r'[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3\ufe0f]', line.text)
    emoji_files = {
        found[1] for weight in (300, 400, 700) if (found := nearest_font_file(INSTALLED_FONTS, NOTO_EMOJI, weight))
    }
    assert not {path for path, _, _ in line.runs or ()} & emoji_files
    letters = initials(name)
    assert not regex.search(r'\p{Extended_Pictographic}', letters)
    assert display_name(name) == (without_pictographs(name) or '?')


def test_emoji_stay_in_the_name_the_kit_writes() -> None:
    assert without_pictographs('Rocket 🚀 Labs') == 'Rocket Labs'
    assert without_pictographs('Acme™ 🇯🇵') == 'Acme™'  # a trade mark sign is typography, a flag is not
    assert make_profile('Rocket 🚀 Labs').name == 'Rocket 🚀 Labs'


# --- monograms fit their container ------------------------------------------------------------------------------------


def _inside(shape: MonogramShape, x: float, y: float) -> bool:
    if shape == 'disc':
        return math.dist((x, y), (50, 50)) <= 50
    if shape == 'ring':
        return math.dist((x, y), (50, 50)) <= 45 - 3.5  # inside the stroke
    if shape == 'hexagon':
        return math.dist((x, y), (50, 50)) <= 46 * math.cos(math.radians(30))  # its inscribed circle
    if shape == 'arch':
        return 4 <= x <= 96 and y <= 100 and (y >= 46 or math.dist((x, y), (50, 46)) <= 46)
    return 0 <= x <= 100 and 0 <= y <= 100 and _inside_round_corners(x, y, radius=30)


def _inside_round_corners(x: float, y: float, *, radius: float) -> bool:
    cx = min(max(x, radius), 100 - radius)
    cy = min(max(y, radius), 100 - radius)
    return math.dist((x, y), (cx, cy)) <= radius


def ink_boxes(body: str) -> list[tuple[float, float, float, float]]:
    root = ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{body}</svg>')
    boxes = []
    for path in glyph_paths(root):
        match = GLYPH_PATH.search(path.get('transform', ''))
        assert match is not None
        tx, ty, scale = (float(value) for value in match.groups())
        pen = BoundsPen(None)
        parse_path(path.get('d', ''), pen)
        if pen.bounds is not None:
            x_min, y_min, x_max, y_max = pen.bounds
            boxes.append((tx + x_min * scale, ty + y_min * scale, tx + x_max * scale, ty + y_max * scale))
    return boxes


GRAPHEMES = [
    'W',
    'M',
    'Ç',
    'g',
    'Ǆ',
    '東',
    '龘',
    'さ',
    '한',
    'ب',
    'ك',
    'ﷺ',
    'ש',
    'ל',
    'क्ष',
    'हि',
    'ฎ',
    'ปั้',
    'Щ',
    'Ω',
    'ÅÉ',
    'WM',
]


@settings(max_examples=60, deadline=None)
@given(
    letters=st.one_of(
        st.sampled_from(GRAPHEMES),
        st.sampled_from(sorted(LETTERS)).flatmap(lambda script: st.sampled_from(LETTERS[script][0])),
    ),
    shape=st.sampled_from(MONOGRAM_SHAPES),
    weight=st.sampled_from([400, 700, 900]),
    seed=st.integers(min_value=0, max_value=99),
)
def test_a_monogram_stays_inside_its_container(letters: str, shape: MonogramShape, weight: int, seed: int) -> None:
    symbol = monogram_symbol(letters, FACE, weight=weight, inks=INKS, rng=random.Random(seed), shape=shape)
    assert '<text' not in symbol.body
    boxes = ink_boxes(symbol.body)
    if unicodedata.category(letters[0]) not in {'Mn', 'Mc'}:
        assert boxes, letters
    for x_min, y_min, x_max, y_max in boxes:
        for corner in ((x_min, y_min), (x_max, y_min), (x_min, y_max), (x_max, y_max)):
            assert _inside(shape, *corner), (letters, shape, corner)


def test_the_script_fonts_marks_use_are_installed() -> None:
    scope = INSTALLED_FONTS.scope(PACKAGE_SCOPE)
    for script in detect_scripts('さくら 北京 서울 بيت שלום गंगा สวัสดี'):
        assert script.font is not None
        assert nearest_font_file(INSTALLED_FONTS, script.font, 700) is not None, f'run make fonts: {scope}'


@pytest.mark.parametrize('name', ['𒀱𒀲 Ur', '𒀱𒀲'])
def test_letters_no_installed_font_has_are_left_out_not_left_to_the_viewer(name: str) -> None:
    """Cuneiform is in none of the installed fonts: the mark draws the rest (or nothing), never live text."""
    for style in LogoStyle:
        svg = render_logo(
            style, make_profile(name), make_palette(), TYPOGRAPHY, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS, seed=1
        )
        assert '<text' not in svg, style
    line = set_line(name, FACE, weight=700)
    assert line.outlined and '<text' not in line.place(left=0, baseline=50, size=40, fill='#000')
