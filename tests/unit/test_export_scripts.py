"""Every export format, for kits with any tone, name length (1-200), script and focus: each file is parsed back and
compared with the kit (see `check_export`), and the PDF must show the name's glyphs in fonts it embeds. The text
formats and the brand book are checked on more drawn kits than the formats drawn as pictures (the board, mockups,
logo files and pack, seconds a kit), and each file is made once a kit: the drawn formats are read from the full
archive, which holds them.

What the PDF checks compare: the text pypdf extracts, NFKC-normalised and without white space, joiners or variation
selectors (lines wrap anywhere and invisible characters need no glyph); shaped glyphs (Arabic joining forms, Devanagari
conjuncts) read back as the characters they were shaped from. Names with right-to-left letters are compared word by
word, as readers differ in whether they put a right-to-left run, drawn in visual order, back in logical order.

That the shaping itself is right is checked on the glyphs drawn: they must be the ones HarfBuzz shapes the name into,
in its order (see `drawn_glyphs`).
"""

from __future__ import annotations

import asyncio
import io
import json
import string
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pytest
import uharfbuzz as hb
from fontTools.ttLib import TTFont
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pypdf.generic import ContentStream, StreamObject
from reportlab.pdfbase.ttfonts import ShapedStr

from branding.design.font_files import FontLibrary
from branding.export import EXPORTS, LOGO_PACK_FOLDER, MOCKUPS_FOLDER, export_kit
from branding.exports import pdf_scripts
from branding.exports.common import css_comment, kit_title
from branding.exports.inuse import IN_USE
from branding.exports.script_fonts import NOTO_SANS, NOTO_SANS_ARABIC, NOTO_SANS_DEVANAGARI, SCRIPT_FONTS, ScriptFont
from branding.exports.shaping import has_rtl
from branding.models import EXAMPLE_PROFILE, BrandingRequest, BrandKit, Focus
from branding.orchestrator import generate_kit
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS
from tests.unit.test_export import (
    archive_files,
    check_export,
    check_pdf,
    embedded_fonts,
    normalised,
    parse_css,
    pdf_dict,
    pdf_text,
)

PACKAGE_JSON = Path(__file__).resolve().parents[2] / 'fonts' / 'package.json'
TONES = ['bold', 'confident', 'playful', 'elegant', 'professional', 'friendly', 'minimal']
# Each example renders the brand book at least (seconds), so shrinking a failure would take minutes: a failing example
# is reported as drawn.
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)


@dataclass(kw_only=True, slots=True, frozen=True)
class Script:
    letters: str  # what names are drawn from (marks included where the script has them)
    font: str | None  # the embedded font the PDF must set these letters in (None: the kit's own)


SCRIPTS = {
    'latin': Script(letters=string.ascii_letters + 'éøßñ&-', font=None),
    'japanese': Script(letters='東京大阪株式会社設計あいうえおかきくけこアイウエオデザイン', font='NotoSansJP'),
    'chinese': Script(letters='北京上海科技有限公司设计创新数据云', font='NotoSansSC'),
    'korean': Script(letters='서울부산디자인기술회사데이터', font='NotoSansKR'),
    'arabic': Script(letters='ابتثجحخدذرزسشصضطظعغفقكلمنهوي', font='NotoSansArabic'),
    'devanagari': Script(letters='कखगघचछजझटठडढतथदधनपफबभमयरलवशसहािीुूेैोौं्', font='NotoSansDevanagari'),
    'hebrew': Script(letters='אבגדהוזחטיכלמנסעפצקרשתךםןףץ', font='NotoSansHebrew'),
    'thai': Script(letters='กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะาำิีึืุูเแโใไ่้๊๋ั็์', font='NotoSansThai'),
    'cyrillic': Script(letters='абвгдежзийклмнопрстуфхцчшщыэюяБВГДЖ', font='NotoSans'),
    'greek': Script(letters='αβγδεζηθικλμνξοπρστυφχψωΓΔΘΛ', font='NotoSans'),
    'emoji': Script(letters='🚀🌟🍀🎨💡🔥🌊🐙', font='NotoEmoji'),
}


def make_kit(name: str, *, tone: str = 'professional', focus: Focus = Focus.ALL, seed: int = 1) -> BrandKit:
    profile = EXAMPLE_PROFILE.model_copy(update={'name': name, 'tone': tone})
    request = BrandingRequest(company_profile=profile, focus=focus, seed=seed, num_variations=1)
    return asyncio.run(generate_kit(request, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))


def expected_fonts(title: str) -> set[str]:
    """The script fonts a name needs: a Han character's font depends on the kana or Hangul beside it (Japanese,
    Korean), and is the Chinese one without either."""
    han = [char for char in title if '\u3400' <= char <= '\u9fff']
    wanted = {
        script.font
        for script in SCRIPTS.values()
        if script.font and any(char in script.letters and char not in han for char in title)
    }
    if han and 'NotoSansJP' not in wanted:
        wanted.add('NotoSansKR' if 'NotoSansKR' in wanted else 'NotoSansSC')
    return wanted


# the formats drawn as pictures or pages (seconds each); the rest are text, written in milliseconds
DRAWN = frozenset({'pdf', 'board', 'mockups', 'logos-png', 'logo-pack', 'zip'})
TEXT_FORMATS = tuple(name for name in EXPORTS if name not in DRAWN)


def checked(name: str, data: bytes, kit: BrandKit) -> None:
    try:
        check_export(name, data, kit)
    except AssertionError as error:
        raise AssertionError(f'{name} of a kit named {kit.company_name!r}: {error}') from error


def check_glyphs(kit: BrandKit, pdf: bytes) -> None:
    """The brand book embeds the fonts of every script in the kit's name."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))  # its fonts only: check_pdf reads its text
    families = {font.split('-')[0] for font, embedded in embedded_fonts(reader).items() if embedded}
    assert expected_fonts(kit_title(kit)) <= families, (kit.company_name, families)


def check_text_and_book(kit: BrandKit) -> None:
    """Every text format and the brand book (with the name in real glyphs), each made once."""
    for name in TEXT_FORMATS:
        checked(name, export_kit(kit, name, fonts=INSTALLED_FONTS)[0], kit)
    pdf = export_kit(kit, 'pdf', fonts=INSTALLED_FONTS)[0]
    checked('pdf', pdf, kit)
    check_glyphs(kit, pdf)


def check_every_format(kit: BrandKit) -> None:
    """Every format, each drawn once: the text formats alone, and the drawn ones as the full archive holds them. Its
    brand book, board, logo PNGs, logo pack and mockups folders are the files the pdf, board, logos-png, logo-pack
    and mockups downloads hold (made by the same functions; test_export checks the downloads' own listings), so each
    is parsed back from there rather than drawn a second time."""
    for name in TEXT_FORMATS:
        checked(name, export_kit(kit, name, fonts=INSTALLED_FONTS)[0], kit)
    bundle = export_kit(kit, 'zip', fonts=INSTALLED_FONTS)[0]
    checked('zip', bundle, kit)
    files = archive_files(bundle)
    pack = {name for name in files if name.startswith(f'{LOGO_PACK_FOLDER}/') and name.endswith('.png')}
    assert len(pack) == len(kit.logos) * (5 * 3 + 5) and f'{LOGO_PACK_FOLDER}/LICENSES/fonts.txt' in files
    assert {f'{MOCKUPS_FOLDER}/png/{name}.png' for name in IN_USE} <= set(files)
    assert EXPORTS['board'].filename(kit) in files
    check_glyphs(kit, files[EXPORTS['pdf'].filename(kit)])


@st.composite
def words(draw: st.DrawFn, script: str) -> str:
    """A word in one script, starting with a letter that draws something (not a combining mark)."""
    letters = SCRIPTS[script].letters
    starts = [char for char in letters if unicodedata.category(char) not in {'Mn', 'Mc', 'Me', 'Cf'}]
    return draw(st.sampled_from(starts)) + draw(st.text(alphabet=letters, max_size=11))


@st.composite
def names(draw: st.DrawFn) -> str:
    """1-120 characters: words in one script, or mixed words in two or three ('東京 Design')."""
    chosen = draw(st.lists(st.sampled_from(sorted(SCRIPTS)), min_size=1, max_size=3, unique=True))
    length = draw(st.integers(min_value=1, max_value=120))
    name = ''
    while len(name) < length:
        name += draw(words(draw(st.sampled_from(chosen)))) + ' '
    return name[:length].strip() or name.strip()[:1]


tones = st.one_of(
    st.sampled_from(TONES),
    st.text(alphabet=string.ascii_letters + ' ', min_size=1, max_size=60).filter(str.strip),
)


@settings(max_examples=10, deadline=None, phases=NO_SHRINK, suppress_health_check=[HealthCheck.too_slow])
@given(name=names(), tone=tones, focus=st.sampled_from(list(Focus)), seed=st.integers(min_value=0, max_value=999))
def test_the_text_formats_and_the_brand_book_of_any_kit_parse_back_with_the_name_in_real_glyphs(
    name: str, tone: str, focus: Focus, seed: int
) -> None:
    check_text_and_book(make_kit(name, tone=tone, focus=focus, seed=seed))


# The drawn formats (board, mockups, logo files and pack) take seconds an example: fewer examples of the same names.
@settings(max_examples=3, deadline=None, phases=NO_SHRINK, suppress_health_check=[HealthCheck.too_slow])
@given(name=names(), tone=tones, focus=st.sampled_from(list(Focus)), seed=st.integers(min_value=0, max_value=999))
def test_every_format_of_any_kit_parses_back_with_the_name_in_real_glyphs(
    name: str, tone: str, focus: Focus, seed: int
) -> None:
    check_every_format(make_kit(name, tone=tone, focus=focus, seed=seed))


@settings(max_examples=3, deadline=None, phases=NO_SHRINK, suppress_health_check=[HealthCheck.too_slow])
@given(name=names(), extra=st.integers(min_value=121, max_value=200))
def test_a_kit_named_beyond_the_form_limit_still_exports(name: str, extra: int) -> None:
    """Kits saved by other versions or models may carry longer names than the form accepts today (the drawn formats
    of a 200-character name: test_a_200_character_name_in_a_playful_tone_exports)."""
    kit = make_kit('Placeholder', tone='bold')
    long_name = (name * (extra // len(name) + 1))[:extra].strip() or 'x'
    check_text_and_book(kit.model_copy(update={'company_name': long_name}))


# --- fixed regressions ------------------------------------------------------------------------------------------------


def test_northwind_in_a_bold_tone_exports_pdf_and_zip_with_the_type_scale_set_smaller() -> None:
    kit = make_kit('Northwind Harbor Analytics', tone='bold', focus=Focus.TYPOGRAPHY)
    assert kit.typography is not None and kit.typography.type_scale[0].size_px > 100  # h1 is about 121 px
    check_every_format(kit)
    _, text = pdf_text(export_kit(kit, 'pdf', fonts=INSTALLED_FONTS)[0])
    flat = ' '.join(text.split())
    assert 'h1 · 121.5 px' in flat and 'to fit the page' in flat


def test_a_200_character_name_in_a_playful_tone_exports() -> None:
    kit = make_kit('Placeholder', tone='playful')
    name = ' '.join(['Wonderfully Whimsical Widgets'] * 7)[:200]
    check_every_format(kit.model_copy(update={'company_name': name}))


def test_a_120_character_single_word_name_wraps_instead_of_failing() -> None:
    check_every_format(make_kit('W' * 120, tone='confident'))


@pytest.mark.parametrize(
    'name',
    [
        '東京デザイン',
        'شركة النور للتقنية',
        'हिन्दी डिज़ाइन स्टूडियो',
        'שלום טק',
        'สวัสดี ดีไซน์',
        '北京科技',
        '서울 디자인',
        '東京 Design',
        'Rocket 🚀 Labs',
    ],
)
def test_non_latin_names_print_in_their_own_glyphs(name: str) -> None:
    check_every_format(make_kit(name))


def font_file(font: ScriptFont) -> Path:
    path = pdf_scripts.script_file(INSTALLED_FONTS, font)
    assert path is not None, f'run make fonts: {font.package}'
    return path


def outline(font: TTFont, glyph: str) -> list[tuple[int, int]]:
    coordinates, _, _ = font['glyf'][glyph].getCoordinates(font['glyf'])
    return list(coordinates)


def harfbuzz_glyphs(text: str, font: ScriptFont, *, rtl: bool = False) -> list[list[tuple[int, int]]]:
    """The outlines of the glyphs HarfBuzz shapes `text` into, in drawing order: what the PDF must show."""
    path = font_file(font)
    hb_font = hb.Font(hb.Face(hb.Blob(path.read_bytes())))
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.direction = 'rtl' if rtl else 'ltr'
    buffer.guess_segment_properties()
    hb.shape(hb_font, buffer)
    original = TTFont(str(path))
    order = original.getGlyphOrder()
    return [outline(original, order[info.codepoint]) for info in buffer.glyph_infos]


def nominal_glyphs(text: str, font: ScriptFont) -> list[list[tuple[int, int]]]:
    """The outlines of each character's own glyph: what drawing `text` character by character shows."""
    original = TTFont(str(font_file(font)))
    cmap = original.getBestCmap()
    return [outline(original, cmap[ord(char)]) for char in text]


def drawn_glyphs(reader: pypdf.PdfReader, page: int, family: str) -> list[list[tuple[int, int]]]:
    """The outlines of the glyphs a page draws in the embedded subset of `family`, in the order it draws them."""
    fonts = pdf_dict(pdf_dict(reader.pages[page]['/Resources'])['/Font'])
    subsets = {}
    for key, reference in fonts.items():
        font = pdf_dict(reference)
        if str(font['/BaseFont']).split('+')[-1].split('-')[0] == family:
            file = pdf_dict(font['/FontDescriptor'])['/FontFile2']
            assert isinstance(file, StreamObject), file
            subsets[key] = TTFont(io.BytesIO(file.get_data()))
    current = None
    glyphs = []
    for operands, operator in ContentStream(reader.pages[page].get_contents(), reader).operations:
        if operator == b'Tf':
            current = subsets.get(operands[0])
        elif operator in {b'Tj', b'TJ'} and current is not None:
            strings = operands[0] if operator == b'TJ' else [operands[0]]
            codes = [code for text in strings if isinstance(text, str) for code in text.encode('latin-1')]
            cmap = current['cmap'].tables[0].cmap
            glyphs += [outline(current, cmap[code]) for code in codes]
    return glyphs


def contains(sequence: list[Any], part: list[Any]) -> bool:
    return any(sequence[start : start + len(part)] == part for start in range(len(sequence) - len(part) + 1))


def header_page(name: str) -> tuple[pypdf.PdfReader, str]:
    """A brand book whose second page draws `name` alone in its running header (with `draw_text`)."""
    reader, text = pdf_text(export_kit(make_kit(name, focus=Focus.TAGLINES), 'pdf', fonts=INSTALLED_FONTS)[0])
    return reader, text


@pytest.mark.parametrize('name', ['क्षत्रिय शिक्षा', 'नमस्ते डिज़ाइन स्टूडियो', 'हिन्दी'])
def test_a_devanagari_name_is_drawn_in_the_glyphs_harfbuzz_shapes_it_into(name: str) -> None:
    """Conjuncts (क्ष, त्र, स्त) are single glyphs and the short-i matra is drawn before its consonant: the glyphs
    drawn are HarfBuzz's, which character-by-character drawing (virama shown, matra after) is not."""
    reader, text = header_page(name)
    expected = harfbuzz_glyphs(name, NOTO_SANS_DEVANAGARI)
    assert expected != nominal_glyphs(name, NOTO_SANS_DEVANAGARI)
    assert contains(drawn_glyphs(reader, 1, 'NotoSansDevanagari'), expected)
    assert normalised(name) in normalised(text)  # and it still reads back as written


@pytest.mark.parametrize('name', ['شركة النور للتمويل', 'مصرف الأمانة الإسلامي'])
def test_an_arabic_name_is_drawn_joined_and_right_to_left(name: str) -> None:
    """HarfBuzz's glyphs in its right-to-left order: joining forms and the lam-alef ligature, the first letter at the
    right; the text still reads back as the letters written, not presentation forms."""
    reader, text = header_page(name)
    expected = harfbuzz_glyphs(name, NOTO_SANS_ARABIC, rtl=True)
    assert expected[: len(name) // 2] != nominal_glyphs(name[::-1], NOTO_SANS_ARABIC)[: len(name) // 2]
    assert contains(drawn_glyphs(reader, 1, 'NotoSansArabic'), expected)
    assert name in text  # pypdf puts right-to-left text back in logical order
    assert not {char for char in text if '\ufb50' <= char <= '\ufeff' or ord(char) >= 0xF0000}


def drawing_order(text: str) -> list[tuple[str, str]]:
    """What `draw_text` draws with Noto Sans as the base font, from left to right: the text each piece was shaped
    from, and its font."""
    base = pdf_scripts.script_face(INSTALLED_FONTS, NOTO_SANS)
    assert base is not None
    pieces = pdf_scripts.line_pieces(text, base, 10, INSTALLED_FONTS)
    return [
        (getattr(part, 'logical', part), name.removeprefix('BS-script-').removesuffix('-400'))
        for part, name, _ in pieces
    ]


def test_right_to_left_runs_are_drawn_in_bidi_order_with_numbers_left_to_right() -> None:
    assert drawing_order('Acme شركة Co') == [
        ('Acme ', 'noto-sans'),
        ('شركة', 'noto-sans-arabic'),
        (' ', 'noto-sans-arabic'),
        ('Co', 'noto-sans'),
    ]
    # all right to left: the first word is drawn last (rightmost), the number stays left to right inside
    assert drawing_order('مرحبا 123 (عالم)') == [
        (')', 'noto-sans'),
        ('عالم', 'noto-sans-arabic'),
        (' (', 'noto-sans'),
        ('123', 'noto-sans'),
        ('مرحبا ', 'noto-sans-arabic'),
    ]
    assert drawing_order('no arabic here') == [('no arabic here', 'noto-sans')]


def test_brackets_in_a_right_to_left_run_are_mirrored() -> None:
    base = pdf_scripts.script_face(INSTALLED_FONTS, NOTO_SANS)
    assert base is not None
    closing, _, _ = pdf_scripts.line_pieces('(عالم)', base, 10, INSTALLED_FONTS)[0]
    assert isinstance(closing, ShapedStr) and closing.logical == ')'
    glyphs = harfbuzz_glyphs('(', NOTO_SANS)
    assert harfbuzz_glyphs(')', NOTO_SANS, rtl=True) == glyphs  # drawn as an opening bracket, facing the word
    # a built-in stand-in face (a kit font not installed) cannot shape: its brackets are mirrored as characters
    pieces = pdf_scripts.line_pieces('(عالم)', 'Helvetica', 10, INSTALLED_FONTS)
    assert [part for part, name, _ in pieces if name == 'Helvetica'] == ['(', ')']


def test_a_right_to_left_name_that_wraps_reads_from_its_first_line() -> None:
    """Lines are broken in logical order and each is then put in drawing order: the first words are on the first
    line (drawn at its right), not the last words of the name as when a whole reordered paragraph is wrapped."""
    name = ' '.join(['مصرف', 'الأمانة', 'الإسلامي', 'للتمويل', 'والاستثمار', 'العقاري', 'الدولي'] * 2)
    kit = make_kit(name, focus=Focus.TAGLINES)
    reader, _ = pdf_text(export_kit(kit, 'pdf', fonts=INSTALLED_FONTS)[0])
    cover = reader.pages[0].extract_text()
    lines = [line for line in cover.splitlines() if has_rtl(line)]
    assert len(lines) > 1
    assert lines[0].split()[0] == 'مصرف'
    check_every_format(kit)


def test_broken_clusters_and_marks_read_back_without_private_code_points() -> None:
    """A matra with no consonant (HarfBuzz draws a dotted circle for it), a conjunct, a combining accent."""
    kit = make_kit('ाक्ष कि é Zoë', focus=Focus.TAGLINES)
    text = check_pdf(export_kit(kit, 'pdf', fonts=INSTALLED_FONTS)[0], kit)
    assert not [char for char in text if 0xE000 <= ord(char) <= 0xF8FF or ord(char) >= 0xF0000]


def test_without_the_script_fonts_the_pdf_still_renders_and_says_what_is_missing(tmp_path: Path) -> None:
    kit = make_kit('東京デザイン شركة 🚀', focus=Focus.TAGLINES)
    # the kit's own fonts where they are, with no script font packages installed beside them
    (tmp_path / '@fontsource').symlink_to(INSTALLED_FONTS.root, target_is_directory=True)
    data = export_kit(kit, 'pdf', fonts=FontLibrary(root=tmp_path / '@fontsource'))[0]
    reader, text = pdf_text(data)
    flat = ' '.join(text.split())
    assert 'are not installed on this server' in flat and '@expo-google-fonts/noto-sans-jp' in flat
    assert not {font.split('-')[0] for font in embedded_fonts(reader)} & {'NotoSansJP', 'NotoSansArabic', 'NotoEmoji'}


def test_with_the_script_fonts_the_pdf_names_them_and_the_zip_ships_their_licences() -> None:
    kit = make_kit('東京デザイン شركة', focus=Focus.TAGLINES)
    flat = ' '.join(check_pdf(export_kit(kit, 'pdf', fonts=INSTALLED_FONTS)[0], kit).split())
    assert 'is set in Noto Sans Arabic (Arabic script) and Noto Sans JP (Japanese)' in flat
    licences = archive_files(export_kit(kit, 'zip', fonts=INSTALLED_FONTS)[0])['LICENSES/fonts.txt'].decode('utf-8')
    for family in ('Noto Sans JP', 'Noto Sans Arabic'):
        assert f'\n{family} (brand book PDF: ' in licences
    assert 'Noto Emoji' not in licences and 'Noto Sans KR' not in licences
    assert (
        licences.count('SIL OPEN FONT LICENSE') >= 2
        and 'Font files: the npm package @expo-google-fonts/noto-sans-jp' in licences
    )


def test_the_script_fonts_are_exactly_the_expo_packages_in_fonts_package_json() -> None:
    dependencies = json.loads(PACKAGE_JSON.read_text(encoding='utf-8'))['dependencies']
    assert {name for name in dependencies if name.startswith('@expo-google-fonts/')} == {
        font.package for font in SCRIPT_FONTS
    }


def test_the_script_fonts_are_installed_with_the_catalogue() -> None:
    """`make fonts` installs them from fonts/package.json; the tests above assume it ran."""
    missing = [font.package for font in SCRIPT_FONTS if pdf_scripts.script_file(INSTALLED_FONTS, font) is None]
    assert not missing, f'run make fonts: {missing}'


# --- CSS and JS cannot be broken out of -------------------------------------------------------------------------------

INJECTION = '</style><script>alert(1)</script> */ body{}'


def test_a_name_cannot_close_the_style_or_script_element_or_the_comment_it_is_written_into() -> None:
    kit = make_kit(INJECTION)
    for name in ('css', 'tailwind-v4', 'tailwind-v3', 'tokens', 'json'):
        text = export_kit(kit, name, fonts=INSTALLED_FONTS)[0].decode('utf-8').lower()
        assert '</style' not in text and '</script' not in text, name
    for name in ('css', 'tailwind-v4'):
        rules = parse_css(export_kit(kit, name, fonts=INSTALLED_FONTS)[0])
        assert not [rule for rule in rules if rule.type == 'qualified-rule' and 'body' in str(rule.prelude)], name
    check_every_format(kit)
    assert css_comment(INJECTION) == '/* ‹/style>‹script>alert(1)‹/script> * / body{} */'
