"""Exports: every format is made from real kits (full, focused, ten logos, hostile name, empty) and parsed back."""

from __future__ import annotations

import asyncio
import io
import json
import re
import shutil
import struct
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, cast

import pypdf
import pytest
import tinycss2
from markdown_it import MarkdownIt
from PIL import Image
from pypdf.generic import DictionaryObject, PdfObject

from branding.design.font_files import FontLibrary
from branding.design.inuse import BOARDS, MOCKUPS
from branding.export import EXPORTS, UnknownExportFormatError, bundle_zip, export_kit, logo_pngs, logo_svgs
from branding.exports.common import css_comment, css_string, kit_title, slug
from branding.exports.css import tailwind_v3_config
from branding.exports.png import png_size, render_png, safe_svg
from branding.exports.shaping import has_rtl
from branding.exports.tokens import TOKEN_TYPES, design_tokens
from branding.models import EXAMPLE_PROFILE, BrandingRequest, BrandKit, Focus, Tagline
from branding.orchestrator import generate_kit
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS

IN_USE = {**BOARDS, **MOCKUPS}  # the board and mockups, by file stem

HOSTILE_NAME = '<script>alert("x")</script> */ Zoë & "Co" \'Ltd\' {color.primary}'
HOSTILE_GUIDELINES = (
    '# Guide <b>bold</b> & co\n\n'
    '<script>alert(1)</script>\n\n'
    '| a | b |\n|---|---|\n| <i>x</i> | `y` */ |\n\n'
    '1. one\n   - nested *em* **strong** ~~gone~~\n\n'
    '```\n<code> & </para>\n```\n\n'
    '> quote [link](javascript:alert(1)) ![img](file:///etc/passwd)\n\n'
    'control \x00\x07 characters\n'
)
HOSTILE_TAGLINE = Tagline(id='hostile', text='</para><font name="x">*/ "quoted"', tone='<b>', explanation='& <i>')
HEX = re.compile(r'#[0-9a-f]{6}')
ALIAS = re.compile(r'^\{([^{}]+)\}$')
HTML_MARKDOWN = MarkdownIt('commonmark', {'html': True}).enable(['table', 'strikethrough'])


def make_kit(*, focus: Focus = Focus.ALL, num_variations: int = 3) -> BrandKit:
    request = BrandingRequest(company_profile=EXAMPLE_PROFILE, seed=1, focus=focus, num_variations=num_variations)
    return asyncio.run(generate_kit(request, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS))


@pytest.fixture(scope='module')
def kit() -> BrandKit:
    return make_kit()


@pytest.fixture(scope='module')
def palette_kit() -> BrandKit:
    return make_kit(focus=Focus.PALETTE)


@pytest.fixture(scope='module')
def ten_logo_kit() -> BrandKit:
    return make_kit(num_variations=10)


@pytest.fixture(scope='module')
def hostile_kit() -> BrandKit:
    profile = EXAMPLE_PROFILE.model_copy(update={'name': HOSTILE_NAME})
    made = asyncio.run(
        generate_kit(BrandingRequest(company_profile=profile, seed=7), fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)
    )
    return made.model_copy(
        update={'brand_guidelines': HOSTILE_GUIDELINES, 'taglines': [HOSTILE_TAGLINE, *made.taglines]}
    )


@pytest.fixture(scope='module')
def kits(kit: BrandKit, palette_kit: BrandKit, hostile_kit: BrandKit) -> dict[str, BrandKit]:
    return {'full': kit, 'palette': palette_kit, 'hostile': hostile_kit, 'empty': BrandKit()}


def kit_hexes(kit: BrandKit) -> set[str]:
    palette = kit.color_palette
    assert palette is not None
    hexes = {palette.primary, palette.secondary, palette.accent, palette.neutral}
    hexes |= {value for steps in palette.scales.values() for value in steps.values()}
    for theme in (palette.light, palette.dark):
        assert theme is not None
        hexes |= set(theme.model_dump().values())
    return hexes


# --- registry ---------------------------------------------------------------------------------------------------------


def test_registry_names_every_format_with_a_file_name_and_media_type(kit: BrandKit) -> None:
    assert set(EXPORTS) == {
        'json',
        'tokens',
        'css',
        'tailwind-v4',
        'tailwind-v3',
        'markdown',
        'pdf',
        'board',
        'mockups',
        'logos-png',
        'logo-pack',
        'zip',
    }
    for name, fmt in EXPORTS.items():
        data, filename, media_type = export_kit(kit, name, fonts=INSTALLED_FONTS)
        check_export(name, data, kit)
        assert filename == fmt.filename(kit) and '/' not in filename
        assert media_type == fmt.media_type and fmt.description
    assert export_kit(kit, 'tokens', fonts=INSTALLED_FONTS)[1] == 'lumen-ledger.tokens.json'
    assert export_kit(kit, ' PDF ', fonts=INSTALLED_FONTS)[1] == 'lumen-ledger-brand-book.pdf'


def test_an_unknown_format_is_both_a_key_error_and_a_value_error_that_lists_the_known_ones(kit: BrandKit) -> None:
    with pytest.raises(KeyError) as caught:
        export_kit(kit, 'docx', fonts=INSTALLED_FONTS)
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, UnknownExportFormatError)
    assert "'docx'" in str(caught.value) and 'tailwind-v4' in str(caught.value)


def test_file_names_are_ascii_slugs_even_for_hostile_or_empty_names() -> None:
    assert slug(HOSTILE_NAME) == 'script-alert-x-script-zoe-co-ltd-color-primary'
    assert slug('') == 'untitled' and slug('日本') == 'untitled'
    assert EXPORTS['zip'].filename(BrandKit()) == 'untitled-brand-kit.zip'


@pytest.mark.parametrize('name', sorted(EXPORTS))
def test_every_format_of_every_kit_shape_parses_back_to_the_kit(name: str, kits: dict[str, BrandKit]) -> None:
    for label, each in kits.items():
        try:
            check_export(name, export_kit(each, name, fonts=INSTALLED_FONTS)[0], each)
        except AssertionError as error:
            raise AssertionError(f'{name} of the {label} kit: {error}') from error


def test_exports_are_pure_functions_of_the_kit(kit: BrandKit) -> None:
    for name in ('tokens', 'css', 'pdf', 'zip'):
        assert export_kit(kit, name, fonts=INSTALLED_FONTS)[0] == export_kit(kit, name, fonts=INSTALLED_FONTS)[0], name


# --- json and tokens --------------------------------------------------------------------------------------------------


def test_json_round_trips_to_the_same_kit(kit: BrandKit, hostile_kit: BrandKit) -> None:
    for each in (kit, hostile_kit):
        assert BrandKit.model_validate_json(export_kit(each, 'json', fonts=INSTALLED_FONTS)[0]) == each


def tokens_by_path(tree: dict[str, object], prefix: str = '') -> dict[str, dict[str, object]]:
    found: dict[str, dict[str, object]] = {}
    for key, value in tree.items():
        if key.startswith('$'):
            continue
        assert not set(key) & set('{}.'), f'{prefix}{key}: a DTCG name may not contain {{, }} or .'
        assert isinstance(value, dict)
        path = f'{prefix}{key}'
        if '$value' in value:
            found[path] = value
        else:
            found |= tokens_by_path(value, f'{path}.')
    return found


def resolve(tokens: dict[str, dict[str, object]], value: object, expected_type: str) -> object:
    """Follows aliases to a concrete value, checking each target exists and has the type asked for."""
    while isinstance(value, str) and (match := ALIAS.match(value)):
        target = tokens.get(match.group(1))
        assert target is not None, f'alias {value} points at no token'
        assert target['$type'] == expected_type, f'alias {value} is not a {expected_type}'
        value = target['$value']
    return value


def color_hex(tokens: dict[str, dict[str, object]], token: dict[str, object]) -> str:
    value = resolve(tokens, token['$value'], 'color')
    assert isinstance(value, dict) and value['colorSpace'] == 'srgb'
    hex_value = value['hex']
    assert isinstance(hex_value, str) and HEX.fullmatch(hex_value)
    components = value['components']
    assert isinstance(components, list)
    assert [round(c * 255) for c in components] == [int(hex_value[i : i + 2], 16) for i in (1, 3, 5)]
    return hex_value


COMPOSITE_TYPES = {
    'fontFamily': 'fontFamily',
    'fontSize': 'dimension',
    'fontWeight': 'fontWeight',
    'letterSpacing': 'dimension',
    'lineHeight': 'number',
}


def test_design_tokens_are_typed_resolvable_and_carry_the_kit_colours(kit: BrandKit) -> None:
    tree = json.loads(export_kit(kit, 'tokens', fonts=INSTALLED_FONTS)[0])
    assert tree['$schema'].endswith('/2025.10/format.json')
    tokens = tokens_by_path(tree)
    for path, token in tokens.items():
        assert token['$type'] in TOKEN_TYPES, path
        if token['$type'] == 'color':
            color_hex(tokens, token)
        if token['$type'] == 'typography':
            value = token['$value']
            assert isinstance(value, dict) and set(value) == set(COMPOSITE_TYPES)
            for part, part_type in COMPOSITE_TYPES.items():
                resolve(tokens, value[part], part_type)
        if token['$type'] == 'dimension':
            value = resolve(tokens, token['$value'], 'dimension')
            assert isinstance(value, dict) and value['unit'] in {'px', 'rem'}
    palette, typography = kit.color_palette, kit.typography
    assert palette is not None and palette.light is not None and palette.dark is not None and typography is not None
    for role, steps in palette.scales.items():
        for step, hex_value in steps.items():
            assert color_hex(tokens, tokens[f'color.{role}.{step}']) == hex_value
    for mode, theme in (('light', palette.light), ('dark', palette.dark)):
        for role, hex_value in theme.model_dump().items():
            assert color_hex(tokens, tokens[f'theme.{mode}.{role.replace("_", "-")}']) == hex_value
    assert color_hex(tokens, tokens['brand.primary']) == palette.primary
    assert tokens['brand.primary']['$value'] == '{color.primary.800}'  # the primary is a step of its own scale
    families = tokens['font.family.heading']['$value']
    assert isinstance(families, list) and families[0] == typography.heading_font
    assert tokens['font.size.h1']['$value'] == {'value': typography.type_scale[0].size_rem, 'unit': 'rem'}


def test_tokens_of_a_palette_only_kit_say_what_is_missing(palette_kit: BrandKit) -> None:
    tree = design_tokens(palette_kit)
    assert 'font' not in tree and 'typography' not in tree and 'color' in tree
    assert 'Typography: not part of this kit' in str(tree['$description'])


# --- CSS, Tailwind ----------------------------------------------------------------------------------------------------


def parse_css(data: bytes) -> list[tinycss2.ast.Node]:
    rules: list[tinycss2.ast.Node] = tinycss2.parse_stylesheet(
        data.decode('utf-8'), skip_comments=True, skip_whitespace=True
    )
    assert not [rule for rule in rules if rule.type == 'error'], rules
    return rules


def declarations(block: list[tinycss2.ast.Node]) -> dict[str, str]:
    parsed = tinycss2.parse_blocks_contents(block, skip_comments=True, skip_whitespace=True)
    assert not [node for node in parsed if node.type == 'error'], parsed
    return {node.name: tinycss2.serialize(node.value).strip() for node in parsed if node.type == 'declaration'}


def first_family(value: str) -> str:
    first = tinycss2.parse_component_value_list(value, skip_comments=True)[0]
    assert first.type == 'string'
    return str(first.value)


def prelude(rule: tinycss2.ast.Node) -> str:
    return cast(str, tinycss2.serialize(rule.prelude)).strip()  # tinycss2 is untyped


def test_css_has_light_and_dark_blocks_with_the_kit_values(kit: BrandKit) -> None:
    rules = parse_css(export_kit(kit, 'css', fonts=INSTALLED_FONTS)[0])
    assert [(rule.type, prelude(rule)) for rule in rules] == [
        ('qualified-rule', ':root'),
        ('at-rule', '(prefers-color-scheme: dark)'),
        ('qualified-rule', '[data-theme="dark"]'),
    ]
    root = declarations(rules[0].content)
    palette, typography = kit.color_palette, kit.typography
    assert palette is not None and palette.light is not None and palette.dark is not None and typography is not None
    assert root['--color-primary-500'] == palette.scales['primary']['500']
    assert root['--color-background'] == palette.light.background
    assert {value for value in root.values() if HEX.fullmatch(value)} == {
        *(v for steps in palette.scales.values() for v in steps.values()),
        *palette.light.model_dump().values(),
    }
    assert first_family(root['--font-heading']) == typography.heading_font
    assert root['--font-size-h1'] == f'{typography.type_scale[0].size_rem:g}rem'
    media = tinycss2.parse_blocks_contents(rules[1].content, skip_comments=True, skip_whitespace=True)
    assert [prelude(node) for node in media] == [':root:not([data-theme="light"])']
    for dark in (declarations(media[0].content), declarations(rules[2].content)):
        assert dark['--color-background'] == palette.dark.background
        assert dark['--color-primary'] == palette.dark.primary


def test_hostile_names_cannot_break_out_of_css_comments_or_strings(hostile_kit: BrandKit) -> None:
    for name in ('css', 'tailwind-v4'):
        data = export_kit(hostile_kit, name, fonts=INSTALLED_FONTS)[0]
        rules = parse_css(data)
        assert not [rule for rule in rules if 'script' in prelude(rule)]
        assert b'* /' in data  # the name's '*/' is defused, and still recognisable
    assert css_comment('a */ b') == '/* a * / b */'
    assert css_string("it's \\ </style>") == "'it\\'s \\\\ \\3c /style>'"


def test_tailwind_v4_is_an_at_theme_file_with_dark_overrides(kit: BrandKit, palette_kit: BrandKit) -> None:
    rules = parse_css(export_kit(kit, 'tailwind-v4', fonts=INSTALLED_FONTS)[0])
    assert [(rule.type, rule.lower_at_keyword) for rule in rules] == [('at-rule', 'theme'), ('at-rule', 'layer')]
    theme = declarations(rules[0].content)
    palette, typography = kit.color_palette, kit.typography
    assert palette is not None and typography is not None
    assert theme['--color-primary-500'] == palette.scales['primary']['500']
    assert first_family(theme['--font-heading']) == typography.heading_font
    assert theme['--text-h1--line-height'] == f'{typography.type_scale[0].line_height:g}'
    assert prelude(rules[1]) == 'base'
    assert [
        rule.lower_at_keyword for rule in parse_css(export_kit(palette_kit, 'tailwind-v4', fonts=INSTALLED_FONTS)[0])
    ] == [
        'theme',
        'layer',
    ]


def evaluate_js_config(source: bytes, tmp_path: Path) -> Any:
    """module.exports of the config, by node when it is installed, else by reading its object as the JSON it is."""
    node = shutil.which('node')
    if node is None:
        body = source.decode('utf-8').split('module.exports = ', 1)[1].rstrip().removesuffix(';')
        return json.loads(body)
    path = tmp_path / 'tailwind.config.js'
    path.write_bytes(source)
    script = 'process.stdout.write(JSON.stringify(require(process.argv[1])))'
    result = subprocess.run([node, '-e', script, str(path)], capture_output=True, check=True, text=True, timeout=60)
    return json.loads(result.stdout)


def test_tailwind_v3_config_is_valid_javascript_with_colors_fonts_and_sizes(
    kit: BrandKit, hostile_kit: BrandKit, tmp_path: Path
) -> None:
    config = evaluate_js_config(export_kit(kit, 'tailwind-v3', fonts=INSTALLED_FONTS)[0], tmp_path)
    assert config == tailwind_v3_config(kit)
    extend = config['theme']['extend']
    palette = kit.color_palette
    assert palette is not None
    assert extend['colors']['primary']['500'] == palette.scales['primary']['500']
    assert extend['colors']['primary']['DEFAULT'] == palette.primary
    assert extend['fontFamily']['heading'][0] == "'Lato'"
    assert extend['fontSize']['h1'][0].endswith('rem')
    hostile = evaluate_js_config(export_kit(hostile_kit, 'tailwind-v3', fonts=INSTALLED_FONTS)[0], tmp_path)
    assert hostile == tailwind_v3_config(hostile_kit)


# --- Markdown ---------------------------------------------------------------------------------------------------------


def test_markdown_has_headings_palette_fonts_and_the_guidelines(kit: BrandKit) -> None:
    text = export_kit(kit, 'markdown', fonts=INSTALLED_FONTS)[0].decode('utf-8')
    headings = [token.tag for token in HTML_MARKDOWN.parse(text) if token.type == 'heading_open']
    assert headings[:2] == ['h1', 'h2'] and headings.count('h1') == 2  # the header, then the guidelines
    assert kit.color_palette is not None and kit.typography is not None
    for hex_value in (kit.color_palette.primary, kit.color_palette.accent):
        assert f'`{hex_value}`' in text
    assert f'| Heading | {kit.typography.heading_font} |' in text
    assert kit.brand_guidelines is not None and kit.brand_guidelines.strip() in text
    assert f'“{kit.taglines[0].text}”' in text


def test_markdown_of_a_kit_without_guidelines_is_a_summary_of_the_rest(palette_kit: BrandKit) -> None:
    text = export_kit(palette_kit, 'markdown', fonts=INSTALLED_FONTS)[0].decode('utf-8')
    assert '## Not in this kit' in text and 'brand summary' in text and '## Visual identity' in text
    assert palette_kit.color_palette is not None and palette_kit.color_palette.primary in text


def test_markdown_shows_hostile_html_as_text_even_to_a_renderer_that_trusts_html(hostile_kit: BrandKit) -> None:
    text = export_kit(hostile_kit, 'markdown', fonts=INSTALLED_FONTS)[0].decode('utf-8')
    html = HTML_MARKDOWN.render(text)
    assert '<script' not in html and '<b>' not in html and '<i>x' not in html
    assert '&lt;script&gt;alert(1)&lt;/script&gt;' in html  # shown, not dropped
    assert '<code>&lt;code&gt; &amp; &lt;/para&gt;\n</code>' in html  # code blocks keep their text
    assert '\x00' not in text


# --- PDF --------------------------------------------------------------------------------------------------------------


def pdf_text(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader, '\n'.join(page.extract_text() for page in reader.pages)


def pdf_fonts_used(reader: pypdf.PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        resources = page['/Resources'].get_object()
        assert isinstance(resources, DictionaryObject)
        fonts = resources.get('/Font', DictionaryObject()).get_object()
        for font in fonts.values():
            names.add(str(font.get_object()['/BaseFont']).lstrip('/').split('+')[-1])
    return names


def test_pdf_brand_book_has_every_section_in_the_kit_fonts(kit: BrandKit) -> None:
    reader, text = pdf_text(export_kit(kit, 'pdf', fonts=INSTALLED_FONTS)[0])
    assert 8 <= len(reader.pages) <= 30
    palette, typography = kit.color_palette, kit.typography
    assert palette is not None and typography is not None
    assert kit.company_name in text and 'Brand book' in text and 'Generated ' in text
    for hex_value in (palette.primary, palette.secondary, palette.accent, palette.neutral):
        assert hex_value in text
    for role in palette.roles:
        assert role.name in text and f'RGB {" ".join(map(str, role.rgb))}' in text
    check = palette.contrast[0]
    assert f'{check.ratio:.2f}:1' in text and check.level in text
    for family in (typography.heading_font, typography.body_font, typography.accent_font):
        assert family in text
    assert kit.taglines[0].text in text and 'Concept 3' in text
    assert 'Mission and values' in text  # the guidelines, rendered from Markdown
    embedded = pdf_fonts_used(reader)
    for family in (typography.heading_font, typography.body_font, typography.accent_font):
        assert any(name.startswith(family.replace(' ', '')) for name in embedded), (family, embedded)
    outline = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    # the board first, the kit at a glance before any prose; the mockups after the logos
    assert outline[:6] == ['At a glance', 'About this kit', 'Colour palette', 'Typography', 'Logo concepts', 'In use']
    assert reader.metadata is not None and reader.metadata.title == 'Lumen Ledger brand book'


def test_pdf_of_a_palette_only_kit_says_what_is_missing(palette_kit: BrandKit) -> None:
    reader, text = pdf_text(export_kit(palette_kit, 'pdf', fonts=INSTALLED_FONTS)[0])
    assert 2 <= len(reader.pages) <= 11  # with the board and the In use pages
    assert 'Not in this kit' in text and 'Typography: not part of this kit' in text
    assert palette_kit.color_palette is not None and palette_kit.color_palette.primary in text


def test_pdf_sets_hostile_text_literally(hostile_kit: BrandKit) -> None:
    _, text = pdf_text(export_kit(hostile_kit, 'pdf', fonts=INSTALLED_FONTS)[0])
    flat = ' '.join(text.split())
    assert '<script>alert("x")</script> */' in flat
    assert '</para><font name="x">*/ "quoted"' in flat
    assert 'Guide <b>bold</b> & co' in flat and '<script>alert(1)</script>' in flat and '<code> & </para>' in flat


def test_pdf_falls_back_to_a_built_in_face_with_a_visible_note_when_a_font_file_is_missing(
    kit: BrandKit, tmp_path: Path
) -> None:
    reader, text = pdf_text(export_kit(kit, 'pdf', fonts=FontLibrary(root=tmp_path))[0])
    assert 'font files are not installed on this server' in ' '.join(text.split())
    # Symbol is one of the standard PDF faces too: it draws the palette's OKLab distances (the Greek delta of ΔE)
    standard = {'Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Courier', 'Courier-Bold', 'Symbol'}
    assert pdf_fonts_used(reader) <= standard


def test_pdf_names_a_font_outside_the_catalogue_as_standing_in(kit: BrandKit) -> None:
    assert kit.typography is not None
    fonts = [font.model_copy(update={'family': 'Imaginary Grotesk'}) for font in kit.typography.fonts]
    odd = kit.model_copy(update={'typography': kit.typography.model_copy(update={'fonts': fonts})})
    _, text = pdf_text(export_kit(odd, 'pdf', fonts=INSTALLED_FONTS)[0])
    assert 'standing in for Imaginary Grotesk' in ' '.join(text.split())


# --- PNG and archives -------------------------------------------------------------------------------------------------


def ihdr_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b'\x89PNG\r\n\x1a\n' and png[12:16] == b'IHDR'
    width, height = struct.unpack('>II', png[16:24])
    return width, height


def test_logo_pngs_are_512_and_1024_pixels_wide(kit: BrandKit) -> None:
    pngs = logo_pngs(kit)
    assert len(pngs) == 2 * len(kit.logos)
    for number, logo in enumerate(kit.logos, 1):
        for width in (512, 1024):
            png = pngs[f'logo-{number}-{logo.style.value}-{width}.png']
            assert ihdr_size(png)[0] == width == png_size(png)[0]
            with Image.open(io.BytesIO(png)) as image:
                assert image.size[0] == width
                assert image.getpixel((2, 2)) != (0, 0, 0, 0)  # the logo's own background, not transparency


def test_ten_logo_kit_renders_every_concept(ten_logo_kit: BrandKit) -> None:
    assert len(ten_logo_kit.logos) == 10
    with zipfile.ZipFile(io.BytesIO(export_kit(ten_logo_kit, 'logos-png', fonts=INSTALLED_FONTS)[0])) as archive:
        pngs = [name for name in archive.namelist() if name.endswith('.png')]
        assert len(pngs) == 20
        assert {ihdr_size(archive.read(name))[0] for name in pngs} == {512, 1024}
    _, text = pdf_text(export_kit(ten_logo_kit, 'pdf', fonts=INSTALLED_FONTS)[0])
    assert 'Concept 10' in text


def test_svg_references_to_outside_files_are_neutralised_before_rendering() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
        '<image href="/etc/passwd" width="10" height="10"/><image xlink:href=\'file:///x.png\'/>'
        '<image href="data:image/svg+xml;base64,AAAA"/><use href="#a"/><image href="data:image/png;base64,AA"/></svg>'
    )
    cleaned = safe_svg(svg)
    assert '/etc/passwd' not in cleaned and 'file:' not in cleaned and 'svg+xml' not in cleaned
    assert 'href="#a"' in cleaned and 'data:image/png' in cleaned
    assert ihdr_size(render_png(svg, 64))[0] == 64


def test_an_unreadable_logo_svg_is_skipped_and_reported(kit: BrandKit) -> None:
    first = kit.logos[0]
    assert first.variants is not None
    unreadable = first.model_copy(
        update={'svg': 'not an svg', 'variants': first.variants.model_copy(update={'primary': 'not an svg'})}
    )
    broken = kit.model_copy(update={'logos': [unreadable, *kit.logos[1:]]})
    pngs = logo_pngs(broken)
    assert len(pngs) == 2 * (len(kit.logos) - 1) and not any(name.startswith('logo-1-') for name in pngs)
    _, text = pdf_text(export_kit(broken, 'pdf', fonts=INSTALLED_FONTS)[0])
    assert 'could not be rendered' in text
    with zipfile.ZipFile(io.BytesIO(bundle_zip(broken, INSTALLED_FONTS))) as archive:
        assert 'logo-1-combination-512.png' in archive.read('README.txt').decode('utf-8')


# --- every format parsed back and compared with the kit -------------------------------------------------------------

STANDARD_FONTS = {'Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Courier', 'Courier-Bold', 'Times-Roman'}
PNG_WIDTH = re.compile(r'-(\d+)\.png$')


def normalised(text: str) -> str:
    """What a reader compares: NFKC (compatibility forms count as the letters they stand for), without white space
    (lines wrap anywhere, even inside a long word) and without invisible joiners and variation selectors."""
    text = unicodedata.normalize('NFKC', text)
    return ''.join(
        char
        for char in text
        if not char.isspace() and unicodedata.category(char) != 'Cf' and not 0xFE00 <= ord(char) <= 0xFE0F
    )


def shows_name(name: str, text: str) -> bool:
    """Whether `text`, extracted from a file, holds `name`. Right-to-left runs are drawn in visual order and readers
    differ in whether they put them back in logical order, so for a name with right-to-left letters each word is looked
    for instead, in logical or in drawing order."""
    flat = normalised(text)
    if not has_rtl(name):
        return normalised(name) in flat
    return all(normalised(word) in flat or normalised(word)[::-1] in flat for word in name.split())


def pdf_dict(value: object) -> DictionaryObject:
    """A PDF dictionary, resolved if it is a reference: pypdf types what it reads as any PDF object."""
    resolved = value.get_object() if isinstance(value, PdfObject) else value
    assert isinstance(resolved, DictionaryObject), resolved
    return resolved


def embedded_fonts(reader: pypdf.PdfReader) -> dict[str, bool]:
    """Every font the pages use (subset prefix removed) and whether the PDF carries its glyphs."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = pdf_dict(page['/Resources'])
        for reference in pdf_dict(resources.get('/Font', DictionaryObject())).values():
            font = pdf_dict(reference)
            descriptor = font.get('/FontDescriptor')
            files = {'/FontFile', '/FontFile2', '/FontFile3'}
            embedded = descriptor is not None and bool(files & set(pdf_dict(descriptor)))
            found[str(font['/BaseFont']).lstrip('/').split('+')[-1]] = embedded
    return found


def check_pdf(data: bytes, kit: BrandKit) -> str:
    reader, text = pdf_text(data)
    assert len(reader.pages) >= 2
    assert '\x00' not in text, 'a character was drawn without a glyph'
    assert shows_name(kit_title(kit), text), (kit_title(kit), text[:400])
    assert reader.metadata is not None and reader.metadata.title == f'{kit_title(kit)} brand book'
    not_embedded = [name for name, embedded in embedded_fonts(reader).items() if not embedded]
    assert set(not_embedded) <= STANDARD_FONTS, not_embedded
    return text


def css_comments(text: str) -> list[str]:
    nodes = tinycss2.parse_stylesheet(text, skip_comments=False, skip_whitespace=True)
    return [node.value.replace('‹', '<') for node in nodes if node.type == 'comment']


def check_no_element_end(text: str) -> None:
    lowered = text.lower()
    assert '</style' not in lowered and '</script' not in lowered and '<!--' not in lowered


def check_css(data: bytes, kit: BrandKit, at_rules: set[str], preludes: set[str]) -> None:
    text = data.decode('utf-8')
    check_no_element_end(text)
    rules = parse_css(data)
    assert {rule.lower_at_keyword for rule in rules if rule.type == 'at-rule'} <= at_rules
    assert {prelude(rule) for rule in rules if rule.type == 'qualified-rule'} <= preludes, 'a rule was injected'
    assert normalised(kit_title(kit).replace('‹', '<')) in normalised(css_comments(text)[0])


def js_config(data: bytes) -> Any:
    body = data.decode('utf-8').split('module.exports = ', 1)[1].rstrip().removesuffix(';')
    return json.loads(body)


def check_tailwind_v3(data: bytes, kit: BrandKit) -> None:
    text = data.decode('utf-8')
    check_no_element_end(text)
    assert js_config(data) == json.loads(json.dumps(tailwind_v3_config(kit)))
    header = text.split('\n', 1)[0]
    assert header.startswith('/* ') and header.endswith(' */') and header.count('*/') == 1
    assert normalised(kit_title(kit).replace('‹', '<')) in normalised(header.replace('‹', '<'))


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.h1: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag == 'h1'
        if self._inside:
            self.h1.append('')

    def handle_endtag(self, tag: str) -> None:
        self._inside = self._inside and tag != 'h1'

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.h1[-1] += data


def check_markdown(data: bytes, kit: BrandKit) -> None:
    text = data.decode('utf-8')
    assert '\x00' not in text
    html = HTML_MARKDOWN.render(text)
    assert '<script' not in html and '<style' not in html
    headings = _Headings()
    headings.feed(html)
    assert normalised(headings.h1[0]) == normalised(f'{kit_title(kit)} brand kit')


def check_png(name: str, data: bytes) -> None:
    stem = name.rsplit('/', 1)[-1].removesuffix('.png')
    drawing = next((found for key, found in IN_USE.items() if stem == key or stem.endswith(f'-{key}')), None)
    if drawing is not None:  # the board and the mockups: exactly their size
        assert png_size(data) == (drawing.width, drawing.height), name
        return
    match = PNG_WIDTH.search(name)
    width = 180 if name.endswith('/apple-touch-icon.png') else int(match.group(1)) if match else None
    assert width is not None, name
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        assert image.format == 'PNG' and image.size[0] == width


def check_favicon(name: str, data: bytes, kit: BrandKit) -> None:
    if name.endswith('.ico'):
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == 'ICO' and sorted(image.info['sizes']) == [(16, 16), (32, 32), (48, 48)]
    elif name.endswith('.webmanifest'):
        manifest = json.loads(data)
        assert manifest['name'] == kit_title(kit) and manifest['icons']
    else:
        assert name.endswith('/head-snippet.html') and b'<link rel="icon"' in data, name


def logo_files_of(kit: BrandKit) -> set[str]:
    return {svg for logo in kit.logos for svg in (logo.variants.model_dump().values() if logo.variants else ())}


def check_in_use(name: str, data: bytes) -> bool:
    """Whether `name` is a mockup's SVG or the signature's HTML, checked (their PNGs: check_png)."""
    if name.endswith('.svg') and name.removesuffix('.svg').rsplit('/', 1)[-1] in IN_USE:
        assert ET.fromstring(data).tag == '{http://www.w3.org/2000/svg}svg' and b'<text' not in data
        return True
    if name.endswith('email-signature.html'):
        assert data.startswith(b'<!DOCTYPE html>') and b'<table' in data and b'<script' not in data
        return True
    return False


def check_file(name: str, data: bytes, kit: BrandKit) -> None:
    """Fails unless `data` parses as what its name says it is and holds what the kit says it should."""
    if check_in_use(name, data):
        return
    if name.endswith('.tokens.json'):
        tree = json.loads(data)
        tokens_by_path(tree)
        assert tree == json.loads(json.dumps(design_tokens(kit))) and kit_title(kit) in tree['$description']
        check_no_element_end(data.decode('utf-8'))
    elif name.endswith('.json'):
        assert BrandKit.model_validate_json(data) == kit
        check_no_element_end(data.decode('utf-8'))
    elif name.endswith('-tailwind-theme.css'):
        check_css(data, kit, {'theme', 'layer'}, set())
    elif name.endswith('.css'):
        check_css(data, kit, {'media'}, {':root', '[data-theme="dark"]'})
    elif name.endswith('.js'):
        check_tailwind_v3(data, kit)
    elif name.endswith('.md'):
        check_markdown(data, kit)
    elif name.endswith('.pdf'):
        check_pdf(data, kit)
    elif name.endswith('.png'):
        check_png(name, data)
    elif name.endswith('.svg'):
        assert ET.fromstring(data).tag == '{http://www.w3.org/2000/svg}svg'
        drawn = {logo.svg for logo in kit.logos} | logo_files_of(kit)
        assert name.endswith('/favicon/favicon.svg') or data.decode('utf-8') in drawn
    elif '/favicon/' in name:
        check_favicon(name, data, kit)
    else:
        assert name.endswith('.txt') and data.decode('utf-8').strip()


def archive_files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def check_export(format_name: str, data: bytes, kit: BrandKit) -> None:
    """`data`, the kit in `format_name`, parsed back: archives member by member."""
    if format_name not in {'zip', 'logos-png', 'logo-pack', 'mockups'}:
        check_file(EXPORTS[format_name].filename(kit), data, kit)
        return
    files = archive_files(data)
    if format_name == 'mockups':
        pngs = {f'png/{name}.png' for name in IN_USE}
    elif format_name == 'logo-pack':
        pngs = {name for name in files if name.endswith('.png')}
        assert len(pngs) == len(kit.logos) * (5 * 3 + 5) and 'LICENSES/fonts.txt' in files
    else:
        pngs = {f'logos/png/{name}' if format_name == 'zip' else name for name in logo_pngs(kit)}
    assert pngs <= set(files) and 'README.txt' in files
    if format_name == 'zip':
        bundled = {fmt.filename(kit) for fmt in EXPORTS.values() if fmt.in_bundle}
        assert bundled | {'LICENSES/fonts.txt'} <= set(files)
    for name, content in files.items():
        check_file(name, content, kit)


def bundle_listing(kit: BrandKit) -> Iterator[tuple[str, bytes]]:
    yield from archive_files(export_kit(kit, 'zip', fonts=INSTALLED_FONTS)[0]).items()


def test_zip_bundle_has_every_format_logo_and_licence_and_each_file_parses(kit: BrandKit) -> None:
    files = dict(bundle_listing(kit))
    expected = {fmt.filename(kit) for fmt in EXPORTS.values() if fmt.in_bundle}
    expected |= {f'logos/svg/{name}' for name in logo_svgs(kit)} | {f'logos/png/{name}' for name in logo_pngs(kit)}
    expected |= {'README.txt', 'LICENSES/fonts.txt'}
    expected |= {f'logo-pack/{path}' for path in archive_files(export_kit(kit, 'logo-pack', fonts=INSTALLED_FONTS)[0])}
    expected |= {f'mockups/{path}' for path in archive_files(export_kit(kit, 'mockups', fonts=INSTALLED_FONTS)[0])}
    assert set(files) == expected
    for name, data in files.items():
        check_file(name, data, kit)
    licences = files['LICENSES/fonts.txt'].decode('utf-8')
    assert kit.typography is not None
    for family in (kit.typography.heading_font, kit.typography.body_font, kit.typography.accent_font):
        assert f'\n{family} (' in licences
    assert 'Licence: OFL-1.1' in licences and 'SIL OPEN FONT LICENSE' in licences
    assert 'Copyright' in licences and 'https://openfontlicense.org' in licences
    readme = files['README.txt'].decode('utf-8')
    assert 'lumen-ledger-brand-book.pdf' in readme and 'LICENSES/fonts.txt' in readme


def test_zip_bundle_of_a_palette_only_kit_lists_what_is_missing(palette_kit: BrandKit) -> None:
    files = dict(bundle_listing(palette_kit))
    assert not [name for name in files if name.startswith('logos/')]
    for name, data in files.items():
        check_file(name, data, palette_kit)
    assert 'Not in this kit:' in files['README.txt'].decode('utf-8')
    assert 'no typography section' in files['LICENSES/fonts.txt'].decode('utf-8')
