"""Every export format, for kits with any tone, name length (1-200), script and focus: each file is parsed back and
compared with the kit (see `check_export`), and the PDF must show the name's glyphs in fonts it embeds.

What the PDF checks compare: the text pypdf extracts, NFKC-normalised (the PDF sets Arabic as presentation forms,
which NFKC turns back into letters) and without white space, joiners or variation selectors (lines wrap anywhere and
invisible characters need no glyph); names with Arabic letters are compared word by word, as a right-to-left run is
drawn in visual order and wraps as one piece.
"""

from __future__ import annotations

import asyncio
import json
import string
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from branding.api import EXAMPLE_PROFILE
from branding.export import EXPORTS, export_kit
from branding.exports import pdf_scripts
from branding.exports.arabic import shape_arabic, visual_order
from branding.exports.common import css_comment, kit_title
from branding.exports.script_fonts import SCRIPT_FONTS
from branding.models import BrandingRequest, BrandKit, Focus
from branding.orchestrator import generate_kit
from tests.unit.test_export import archive_files, check_export, check_pdf, embedded_fonts, parse_css, pdf_text

PACKAGE_JSON = Path(__file__).resolve().parents[2] / 'fonts' / 'package.json'
TONES = ['bold', 'confident', 'playful', 'elegant', 'professional', 'friendly', 'minimal']
# Each example renders every format (about two seconds), so shrinking a failure would take minutes: a failing example
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
    'devanagari': Script(letters='कखगघचछजझटठडढतथदधनपफबभमयरलवशसहािीुूेैोौं्', font='NotoSans'),
    'cyrillic': Script(letters='абвгдежзийклмнопрстуфхцчшщыэюяБВГДЖ', font='NotoSans'),
    'greek': Script(letters='αβγδεζηθικλμνξοπρστυφχψωΓΔΘΛ', font='NotoSans'),
    'emoji': Script(letters='🚀🌟🍀🎨💡🔥🌊🐙', font='NotoEmoji'),
}


def make_kit(name: str, *, tone: str = 'professional', focus: Focus = Focus.ALL, seed: int = 1) -> BrandKit:
    profile = EXAMPLE_PROFILE.model_copy(update={'name': name, 'tone': tone})
    request = BrandingRequest(company_profile=profile, focus=focus, seed=seed, num_variations=1)
    return asyncio.run(generate_kit(request))


def expected_fonts(title: str) -> set[str]:
    """The script fonts a name needs: the first Han character's font depends on kana or Hangul beside it."""
    wanted = {
        script.font for script in SCRIPTS.values() if script.font and any(char in script.letters for char in title)
    }
    han = {'NotoSansJP', 'NotoSansSC', 'NotoSansKR'} & wanted
    if len(han) > 1:  # Han characters follow the text's kana or Hangul, so only the fonts of those stay certain
        wanted -= han
        wanted |= {'NotoSansJP'} if any('\u3040' <= char <= '\u30ff' for char in title) else set()
        wanted |= {'NotoSansKR'} if any('\uac00' <= char <= '\ud7af' for char in title) else set()
    return wanted


def check_every_format(kit: BrandKit) -> None:
    for name in EXPORTS:
        try:
            check_export(name, export_kit(kit, name)[0], kit)
        except AssertionError as error:
            raise AssertionError(f'{name} of a kit named {kit.company_name!r}: {error}') from error
    reader, _ = pdf_text(export_kit(kit, 'pdf')[0])
    families = {font.split('-')[0] for font, embedded in embedded_fonts(reader).items() if embedded}
    assert expected_fonts(kit_title(kit)) <= families, (kit.company_name, families)


@st.composite
def words(draw: st.DrawFn, script: str) -> str:
    """A word in one script, starting with a letter that draws something (not a combining mark)."""
    letters = SCRIPTS[script].letters
    starts = [char for char in letters if unicodedata.category(char) not in {'Mn', 'Mc'}]
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
def test_every_format_of_any_kit_parses_back_with_the_name_in_real_glyphs(
    name: str, tone: str, focus: Focus, seed: int
) -> None:
    check_every_format(make_kit(name, tone=tone, focus=focus, seed=seed))


@settings(max_examples=3, deadline=None, phases=NO_SHRINK, suppress_health_check=[HealthCheck.too_slow])
@given(name=names(), extra=st.integers(min_value=121, max_value=200))
def test_a_kit_named_beyond_the_form_limit_still_exports(name: str, extra: int) -> None:
    """Kits saved by other versions or models may carry longer names than the form accepts today."""
    kit = make_kit('Placeholder', tone='bold')
    long_name = (name * (extra // len(name) + 1))[:extra].strip() or 'x'
    check_every_format(kit.model_copy(update={'company_name': long_name}))


# --- fixed regressions ------------------------------------------------------------------------------------------------


def test_northwind_in_a_bold_tone_exports_pdf_and_zip_with_the_type_scale_set_smaller() -> None:
    kit = make_kit('Northwind Harbor Analytics', tone='bold', focus=Focus.TYPOGRAPHY)
    assert kit.typography is not None and kit.typography.type_scale[0].size_px > 100  # h1 is about 121 px
    check_every_format(kit)
    _, text = pdf_text(export_kit(kit, 'pdf')[0])
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
        '北京科技',
        '서울 디자인',
        '東京 Design',
        'Rocket 🚀 Labs',
    ],
)
def test_non_latin_names_print_in_their_own_glyphs(name: str) -> None:
    check_every_format(make_kit(name))


def test_an_arabic_name_is_shaped_and_drawn_right_to_left() -> None:
    kit = make_kit('شركة النور', focus=Focus.TAGLINE)
    _, text = pdf_text(export_kit(kit, 'pdf')[0])
    shaped = {char for char in text if '\ufe70' <= char <= '\ufeff'}
    assert {'\ufeb7', '\ufe94', '\ufedf'} <= shaped  # sheen initial, teh marbuta final, lam initial: joined letters
    assert 'شركة' in unicodedata.normalize('NFKC', text)


def test_arabic_letters_take_the_form_their_neighbours_call_for() -> None:
    assert shape_arabic('بيت') == '\ufe91\ufef4\ufe96'  # beh initial, yeh medial, teh final
    assert shape_arabic('دار') == '\ufea9\ufe8d\ufead'  # dal and alef do not join the letter after them
    assert shape_arabic('لا') == '\ufefb'  # lam-alef ligature
    assert shape_arabic('سلام', has_glyph=lambda _: False) == 'سلام'  # nothing the font lacks
    assert shape_arabic('Acme') == 'Acme'


def test_right_to_left_runs_are_reversed_for_drawing_with_numbers_and_brackets_kept_readable() -> None:
    assert visual_order('Acme شركة Co') == 'Acme ةكرش Co'
    assert visual_order('مرحبا 123 (عالم)') == '(ملاع) 123 ابحرم'
    assert visual_order('no arabic here') == 'no arabic here'


def test_without_the_script_fonts_the_pdf_still_renders_and_says_what_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kit = make_kit('東京デザイン شركة 🚀', focus=Focus.TAGLINE)
    pdf_scripts.script_face.cache_clear()
    monkeypatch.setattr(pdf_scripts, 'script_file', lambda *args, **kwargs: None)
    try:
        data = export_kit(kit, 'pdf')[0]
    finally:
        pdf_scripts.script_face.cache_clear()
    reader, text = pdf_text(data)
    flat = ' '.join(text.split())
    assert 'are not installed on this server' in flat and '@expo-google-fonts/noto-sans-jp' in flat
    assert not {font.split('-')[0] for font in embedded_fonts(reader)} & {'NotoSansJP', 'NotoSansArabic', 'NotoEmoji'}


def test_with_the_script_fonts_the_pdf_names_them_and_the_zip_ships_their_licences() -> None:
    kit = make_kit('東京デザイン شركة', focus=Focus.TAGLINE)
    flat = ' '.join(check_pdf(export_kit(kit, 'pdf')[0], kit).split())
    assert 'is set in Noto Sans Arabic (Arabic script) and Noto Sans JP (Japanese)' in flat
    licences = archive_files(export_kit(kit, 'zip')[0])['LICENSES/fonts.txt'].decode('utf-8')
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
    missing = [font.package for font in SCRIPT_FONTS if pdf_scripts.script_file(font) is None]
    assert not missing, f'run make fonts: {missing}'


# --- CSS and JS cannot be broken out of -------------------------------------------------------------------------------

INJECTION = '</style><script>alert(1)</script> */ body{}'


def test_a_name_cannot_close_the_style_or_script_element_or_the_comment_it_is_written_into() -> None:
    kit = make_kit(INJECTION)
    for name in ('css', 'tailwind-v4', 'tailwind-v3', 'tokens', 'json'):
        text = export_kit(kit, name)[0].decode('utf-8').lower()
        assert '</style' not in text and '</script' not in text, name
    for name in ('css', 'tailwind-v4'):
        rules = parse_css(export_kit(kit, name)[0])
        assert not [rule for rule in rules if rule.type == 'qualified-rule' and 'body' in str(rule.prelude)], name
    check_every_format(kit)
    assert css_comment(INJECTION) == '/* ‹/style>‹script>alert(1)‹/script> * / body{} */'
