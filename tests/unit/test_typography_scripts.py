"""Typography for the writing systems a brand uses: detected in its name and description, each paired with an installed
face that has its glyphs, the Latin faces as companions, and the rationale saying why."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdf
import pytest
from fontTools.ttLib import TTFont

from branding.design.data_files import DataFileError, packaged
from branding.design.font_css import font_face_css
from branding.design.marks.typesetting import Face, set_line
from branding.design.script_type import script_faces, script_notes, with_script_faces
from branding.design.scripts import SCRIPTS, detect_scripts, nearest_font_file
from branding.export import export_kit
from branding.exports.licenses import font_licences
from branding.models import CompanyProfile, CompanyType, Focus
from branding.sections.typography import build_offline_typography, complete_typography
from tests.fonts import INSTALLED_FONTS
from tests.unit.test_export_scripts import make_kit
from tests.unit.test_marks_scripts import SVG_NS
from tests.unit.test_pdf_glyphs import check_glyphs, drawn_codes


def profile(name: str, description: str = 'A studio for packaging and identity design.') -> CompanyProfile:
    return CompanyProfile(
        name=name,
        company_type=CompanyType.OTHER,
        industry='Graphic design studio',
        description=description,
        target_audience='independent shops',
        brand_values=['craft'],
        tone='calm',
    )


@pytest.mark.parametrize(
    ('text', 'expected'),
    [
        ('さくらデザイン', ['japanese']),
        ('東京デザイン', ['japanese']),  # Han beside kana is Japanese
        ('北京数据科技', ['chinese']),
        ('서울 디자인', ['korean']),
        ('بيت التمويل', ['arabic']),
        ('שלום טק', ['hebrew']),
        ('गंगा आयुर्वेद', ['devanagari']),
        ('สวัสดี ดีไซน์', ['thai']),
        ('Acme ΑΒΓ Дом', ['latin', 'greek', 'cyrillic']),
        ('Rocket 🚀 Labs', ['latin']),
    ],
)
def test_scripts_are_detected_in_order_of_appearance(text: str, expected: list[str]) -> None:
    assert [script.key for script in detect_scripts(text)] == expected


def test_every_script_face_is_installed_for_marks_the_brand_book_and_the_specimen() -> None:
    for script in SCRIPTS:
        if script.font is None:
            continue
        assert nearest_font_file(INSTALLED_FONTS, script.font, 400) is not None, script.font.package
        if script.font.web:
            assert INSTALLED_FONTS.is_installed(script.font.family), script.font.web_package


def test_a_script_in_the_description_only_is_covered_and_said_to_be_so() -> None:
    typography = build_offline_typography(
        profile('Kumo Studio', 'Packaging for tea shops in Kyoto, signed 雲スタジオ on every box.'),
        1,
        fonts=INSTALLED_FONTS,
    )
    scripts = [font for font in typography.fonts if font.role == 'script']
    assert [(font.family, font.scripts) for font in scripts] == [('Noto Sans JP', ['Japanese'])]
    assert 'The description also uses Japanese' in typography.rationale
    assert 'reads right to left' not in typography.rationale


def test_the_stacks_and_css_name_the_script_face_after_the_latin_one() -> None:
    typography = build_offline_typography(profile('بيت التمويل'), 4, fonts=INSTALLED_FONTS)
    specs = {font.role: font for font in typography.fonts}
    for role in ('heading', 'body'):
        families = [name.strip("'") for name in specs[role].css_stack.split(', ')]
        assert families[:2] == [specs[role].family, 'Noto Sans Arabic']
    assert "'Noto Sans Arabic'" not in specs['accent'].css_stack
    assert specs['script'].available_offline and specs['script'].license == 'OFL-1.1'
    assert '@fontsource/noto-sans-arabic' in typography.css
    assert f'--font-heading: {specs["heading"].css_stack};' in typography.css
    assert 'The name reads right to left' in typography.rationale
    assert f'with {typography.heading_font} as its Latin companion' in typography.rationale


def test_a_model_suggested_pairing_gets_the_script_face_too() -> None:
    typography = complete_typography('Inter', 'Lora', None, profile=profile('서울 디자인'), fonts=INSTALLED_FONTS)
    assert [font.family for font in typography.fonts if font.role == 'script'] == ['Noto Sans KR']
    assert 'Scripts: 서울 디자인 is written in Korean' in typography.rationale


def test_greek_and_cyrillic_share_one_face() -> None:
    faces = script_faces('Acme ΑΒΓ Дом')
    assert [(face.font.family, face.labels) for face in faces] == [('Noto Sans', ['Greek', 'Cyrillic'])]
    assert with_script_faces("'Inter', sans-serif", faces) == "'Inter', 'Noto Sans', sans-serif"
    assert with_script_faces("'Noto Sans', sans-serif", faces) == "'Noto Sans', sans-serif"
    # a fallback stack that names Noto Sans after the system faces has it moved up next to the Latin face
    moved = with_script_faces("'Archivo', system-ui, Arial, 'Noto Sans', sans-serif", faces)
    assert moved == "'Archivo', 'Noto Sans', system-ui, Arial, sans-serif"


def test_every_script_has_a_note_and_a_malformed_table_is_refused(tmp_path: Path) -> None:
    notes = script_notes().scripts
    assert {script.key for script in SCRIPTS if script.font is not None} <= set(notes)
    data = json.loads(packaged('script_type.json').read_text(encoding='utf-8'))
    data['scripts']['thai'] = {'note': ''}
    broken = tmp_path / 'script_type.json'
    broken.write_text(json.dumps(data), encoding='utf-8')
    with pytest.raises(DataFileError, match=r'scripts\.thai\.note'):
        script_notes(broken)


def test_the_exports_carry_the_script_face_in_the_text_stacks_and_its_licence() -> None:
    kit = make_kit('さくらデザイン', focus=Focus.TYPOGRAPHY)
    css = export_kit(kit, 'css', fonts=INSTALLED_FONTS)[0].decode('utf-8')
    heading = next(line for line in css.splitlines() if '--font-heading:' in line)
    assert heading.split(': ', 1)[1].split(', ')[1] == "'Noto Sans JP'"
    assert "--font-script: 'Noto Sans JP', sans-serif;" in css
    licences = font_licences(kit, INSTALLED_FONTS)
    assert 'Noto Sans JP is not in the Brandsmith font catalogue' not in licences
    assert 'Noto Sans JP (brand book PDF: Japanese)' in licences and 'SIL OPEN FONT LICENSE' in licences


def _unicode_ranges(rule: str) -> list[tuple[int, int]]:
    spans = re.search(r'unicode-range:\s*([^;]+);', rule)
    assert spans is not None, rule
    ranges = []
    for span in spans.group(1).split(','):
        low, _, high = span.strip().removeprefix('U+').partition('-')
        ranges.append((int(low, 16), int(high or low, 16)))
    return ranges


def assert_served_with_glyphs(name: str, family: str) -> None:
    """The specimen: each letter of the name falls in a slice of `family` this instance serves, whose file has its
    glyph."""
    css = font_face_css({family: [400, 700]}, fonts=INSTALLED_FONTS)
    rules = re.findall(r'@font-face\s*\{[^{}]*\}', css)
    for char in set(name) - {' '}:
        served = [rule for rule in rules if any(low <= ord(char) <= high for low, high in _unicode_ranges(rule))]
        assert served, char
        for rule in served:
            url = re.search(r"url\('/fonts/([^']+)'\)", rule)
            assert url is not None
            assert ord(char) in TTFont(INSTALLED_FONTS.root / url.group(1)).getBestCmap(), (char, url.group(1))


@pytest.mark.parametrize(('name', 'label'), [('Αθηνά Λογισμικό', 'Greek'), ('Москва Дизайн', 'Cyrillic')])
def test_a_greek_or_cyrillic_name_gets_a_face_served_and_embedded_with_every_glyph(name: str, label: str) -> None:
    typography = build_offline_typography(profile(name), 2, fonts=INSTALLED_FONTS)
    script = next(font for font in typography.fonts if font.role == 'script')
    assert (script.family, script.scripts, script.available_offline) == ('Noto Sans', [label], True)
    assert not script.note  # not 'Font files not installed on this server'
    assert_served_with_glyphs(name, 'Noto Sans')
    # the brand book: every character in a font that has its glyph, the name's letters in Noto Sans
    data = export_kit(make_kit(name, focus=Focus.ALL), 'pdf', fonts=INSTALLED_FONTS)[0]
    check_glyphs(data, name)
    letters = set(name) - {' '}
    cover = drawn_codes(pypdf.PdfReader(io.BytesIO(data)), 0)
    fonts = {drawn.font for drawn in cover if drawn.text and set(drawn.text) <= letters}
    assert fonts and all(font.startswith('NotoSans') for font in fonts), fonts


CJK = [
    ('さくらデザイン', 'Noto Serif JP', 'Noto Sans JP'),
    ('北京数据科技有限公司', 'Noto Serif SC', 'Noto Sans SC'),
    ('서울 디자인 스튜디오', 'Noto Serif KR', 'Noto Sans KR'),
]


@pytest.mark.parametrize(('name', 'serif', 'sans'), CJK)
def test_a_serif_heading_pairs_the_serif_cjk_face_and_a_sans_heading_the_sans_one(
    name: str, serif: str, sans: str
) -> None:
    for heading, body, expected, category in (
        ('Playfair Display', 'Lora', serif, 'serif'),
        ('Inter', 'Lora', sans, 'sans-serif'),
    ):
        typography = complete_typography(heading, body, None, profile=profile(name), fonts=INSTALLED_FONTS)
        script = next(font for font in typography.fonts if font.role == 'script')
        assert (script.family, script.category, script.available_offline) == (expected, category, True)
        specs = {font.role: font for font in typography.fonts}
        assert specs['heading'].css_stack.split(', ')[1] == f"'{expected}'"
        assert f'{expected} sets it, with {heading} as its Latin companion' in typography.rationale
        other = sans if expected == serif else serif
        assert other not in typography.rationale  # the note speaks of the face chosen
        assert_served_with_glyphs(name, expected)


def test_a_serif_kit_for_a_japanese_name_keeps_every_glyph_in_its_marks_and_brand_book() -> None:
    name = 'さくらデザイン'
    kit = make_kit(name, tone='elegant')
    assert kit.typography is not None
    assert [f.family for f in kit.typography.fonts if f.role == 'script'] == ['Noto Serif JP']
    for logo in kit.logos:
        root = ET.fromstring(logo.svg)
        assert not list(root.iter(f'{SVG_NS}text'))
    line = set_line(name, Face.for_role(kit.typography, 'heading', fonts=INSTALLED_FONTS), weight=700)
    assert line.outlined and line.runs is not None
    assert ''.join(text for _, text, _ in line.runs) == name
    data = export_kit(kit, 'pdf', fonts=INSTALLED_FONTS)[0]
    check_glyphs(data, name)
    reader = pypdf.PdfReader(io.BytesIO(data))
    embedded = {drawn.font for index in range(len(reader.pages)) for drawn in drawn_codes(reader, index)}
    assert any(font.startswith('NotoSerifJP') for font in embedded), embedded  # the typography page's specimen
    licences = font_licences(kit, INSTALLED_FONTS)
    assert 'Noto Serif JP (brand book PDF: Japanese, beside a serif heading)' in licences
    assert 'Copyright 2012 Google Inc.' in licences
