"""Logo concepts: six styles, safe self-contained SVG, real font outlines, graceful fallbacks, determinism."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from branding.design import glyphs
from branding.design.font_files import FontLibrary
from branding.design.marks import Face, display_name, fit_text, icon_motif, initials
from branding.design.marks.typesetting import set_line
from branding.design.symbols.icon_set import IconLibrary
from branding.models import (
    ColorPalette,
    CompanyProfile,
    CompanyType,
    FontSpec,
    LogoConcept,
    LogoStyle,
    ThemeColors,
    Typography,
    has_text,
)
from branding.sections.logos import MOTIF_NAMES, build_offline_logos, logo_concept_from, render_logo
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS

SVG_NS = '{http://www.w3.org/2000/svg}'
HOSTILE_NAMES = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '"><a href="http://evil.example">x</a>',
    ']]><!--',
]


def make_palette() -> ColorPalette:
    return ColorPalette(
        primary='#1f4e79',
        secondary='#2a9d8f',
        accent='#f4a261',
        neutral='#6b7280',
        psychology={'primary': 'Deep blue reads as dependable.', 'accent': 'Warm orange draws the eye.'},
        usage_guidelines='Primary for the mark, accent for one detail.',
        light=ThemeColors(
            background='#fbfaf7',
            surface='#ffffff',
            text='#1b1f24',
            muted_text='#5b6470',
            border='#e5e7eb',
            primary='#1f4e79',
            on_primary='#ffffff',
            secondary='#2a9d8f',
            on_secondary='#ffffff',
            accent='#f4a261',
            on_accent='#1b1f24',
        ),
    )


@pytest.fixture
def palette() -> ColorPalette:
    return make_palette()


def make_typography() -> Typography:
    return Typography(
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


@pytest.fixture
def typography() -> Typography:
    return make_typography()


def make_profile(name: str = 'Lumen Ledger', **changes: object) -> CompanyProfile:
    fields: dict[str, object] = {
        'name': name,
        'company_type': CompanyType.FINTECH,
        'industry': 'Personal finance',
        'description': 'Budgeting that explains itself. We turn bank data into plain answers.',
        'target_audience': 'young professionals',
        'brand_values': ['trust', 'clarity'],
        'tone': 'professional',
    }
    fields.update(changes)
    return CompanyProfile.model_validate(fields)


def palette_colors(palette: ColorPalette) -> set[str]:
    colors = {palette.primary, palette.secondary, palette.accent, palette.neutral}
    if palette.light is not None:
        colors |= {value for value in palette.light.model_dump().values() if isinstance(value, str)}
    return colors


def assert_safe_svg(svg: str, palette: ColorPalette) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f'{SVG_NS}svg'
    assert re.fullmatch(r'0 0 \d+ \d+', root.get('viewBox', ''))
    assert root.get('width') and root.get('height')
    assert root.get('role') == 'img'
    assert root.get('aria-label')
    assert root.find(f'{SVG_NS}title') is not None
    allowed = palette_colors(palette) | {'none'}
    for element in root.iter():
        assert element.tag.removeprefix(SVG_NS) not in {'script', 'foreignObject', 'image', 'a', 'use', 'style'}
        for attribute, value in element.attrib.items():
            assert not attribute.lower().startswith('on'), attribute
            assert not attribute.endswith(('href', 'src')), attribute  # nothing is fetched from anywhere
            assert 'url(' not in value, (attribute, value)
            if attribute in {'fill', 'stroke'}:
                assert value in allowed, (attribute, value)
    assert '<script' not in svg.lower()
    return root


def texts(root: ET.Element) -> list[str]:
    return [''.join(element.itertext()) for element in root.iter(f'{SVG_NS}text')]


@pytest.fixture
def no_fonts(tmp_path: Path) -> FontLibrary:
    """A server without the font files: a library on an empty folder."""
    return FontLibrary(root=tmp_path)


def installed(family: str) -> bool:
    return INSTALLED_FONTS.file(family, 400) is not None


needs_inter = pytest.mark.skipif(not installed('Inter'), reason='Inter is not installed (npm install in fonts/)')


# --- the set of concepts --------------------------------------------------------------------------------------------


@pytest.mark.parametrize('count', range(1, 11))
def test_count_ids_and_style_cycle(count: int, palette: ColorPalette, typography: Typography) -> None:
    concepts = build_offline_logos(
        make_profile(), palette, typography, count, 7, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS
    )

    assert len(concepts) == count
    assert [concept.id for concept in concepts] == [f'logo-{index}' for index in range(1, count + 1)]
    styles = [concept.style for concept in concepts]
    assert len(set(styles[:6])) == min(count, 6)  # all six before any repeats
    assert all(styles[index] == styles[index - 6] for index in range(6, count))


def test_a_repeated_style_gets_another_composition(palette: ColorPalette, typography: Typography) -> None:
    concepts = build_offline_logos(
        make_profile(), palette, typography, 10, 3, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS
    )

    for first, again in zip(concepts, concepts[6:], strict=False):
        assert first.style == again.style
        assert first.svg != again.svg


def test_every_concept_is_complete_and_safe(palette: ColorPalette, typography: Typography) -> None:
    profile = make_profile()
    for concept in build_offline_logos(
        profile, palette, typography, 6, 1, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS
    ):
        root = assert_safe_svg(concept.svg, palette)
        assert root.findtext(f'{SVG_NS}title', '').startswith('Lumen Ledger')
        assert base64.b64decode(concept.image_url.removeprefix('data:image/svg+xml;base64,')).decode() == concept.svg
        assert concept.image_url.startswith('data:image/svg+xml;base64,')
        assert concept.color_scheme and set(concept.color_scheme) <= palette_colors(palette)
        assert all(color in concept.svg for color in concept.color_scheme)
        assert 'Lumen Ledger' in concept.description or 'personal finance' in concept.description
        assert 'young professionals' in concept.rationale
        prompt = concept.prompt_used
        assert '"Lumen Ledger"' in prompt and '"Personal finance"' in prompt
        for hex_color in (palette.primary, palette.secondary, palette.accent):
            assert hex_color in prompt
        assert 'Inter' in prompt and 'sans-serif' in prompt
        assert 'no photorealism' in prompt and 'no watermark' in prompt


def test_the_brief_leads_the_order(palette: ColorPalette, typography: Typography) -> None:
    elegant = make_profile('Maison Aure', company_type=CompanyType.ECOMMERCE, industry='Fashion', tone='elegant')
    technical = make_profile('Kernel Forge Systems', company_type=CompanyType.DEVTOOLS, tone='technical')

    def leaders(profile: CompanyProfile) -> Counter[LogoStyle]:
        return Counter(
            build_offline_logos(profile, palette, typography, 1, seed, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)[
                0
            ].style
            for seed in range(40)
        )

    assert leaders(elegant).most_common(1)[0][0] is LogoStyle.WORDMARK
    assert leaders(technical).most_common(1)[0][0] is LogoStyle.LETTERMARK
    friendly = make_profile(company_type=CompanyType.OTHER, tone='friendly')
    assert len(leaders(friendly)) > 1  # the seed still reshuffles near-ties


def test_same_seed_same_concepts(palette: ColorPalette, typography: Typography) -> None:
    first = build_offline_logos(
        make_profile(), palette, typography, 8, 42, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS
    )
    again = build_offline_logos(
        make_profile(), palette, typography, 8, 42, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS
    )

    assert [concept.model_dump() for concept in first] == [concept.model_dump() for concept in again]


@pytest.mark.parametrize('style', list(LogoStyle))
def test_different_seeds_vary_the_composition(style: LogoStyle, palette: ColorPalette, typography: Typography) -> None:
    svgs = {
        render_logo(style, make_profile(), palette, typography, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS, seed=seed)
        for seed in range(20)
    }

    assert len(svgs) >= 15


# --- text: outlines, fallbacks and escaping ------------------------------------------------------------------------


@needs_inter
def test_latin_wordmark_is_outlined(palette: ColorPalette, typography: Typography) -> None:
    for seed in range(6):
        svg = render_logo(
            LogoStyle.WORDMARK,
            make_profile(),
            palette,
            typography,
            fonts=INSTALLED_FONTS,
            icons=INSTALLED_ICONS,
            seed=seed,
        )
        root = assert_safe_svg(svg, palette)

        assert root.find(f'.//{SVG_NS}path') is not None
        assert root.find(f'.//{SVG_NS}text') is None


def test_missing_font_falls_back_to_escaped_live_text(
    no_fonts: FontLibrary, palette: ColorPalette, typography: Typography
) -> None:
    name = 'Fish & <Chips>'
    svg = render_logo(
        LogoStyle.WORDMARK, make_profile(name), palette, typography, fonts=no_fonts, icons=INSTALLED_ICONS, seed=1
    )
    root = assert_safe_svg(svg, palette)

    assert ' '.join(texts(root)).casefold() == name.casefold()  # one line or a stack of lines, in any case
    assert '&amp;' in svg and '&lt;' in svg.lower()
    text = root.find(f'.//{SVG_NS}text')
    assert text is not None and 'Inter' in text.get('font-family', '')


@pytest.mark.parametrize('name', HOSTILE_NAMES)
@pytest.mark.parametrize('fonts', ['installed', 'missing'])
def test_hostile_names_stay_text(
    name: str, fonts: str, no_fonts: FontLibrary, palette: ColorPalette, typography: Typography
) -> None:
    library = INSTALLED_FONTS if fonts == 'installed' else no_fonts
    profile = make_profile(name)
    readable = [name, name.upper(), name.lower(), profile.industry.upper(), initials(name)]
    for concept in build_offline_logos(profile, palette, typography, 6, 5, fonts=library, icons=INSTALLED_ICONS):
        root = assert_safe_svg(concept.svg, palette)
        lowered = concept.svg.lower()

        assert '<img' not in lowered and '<a ' not in lowered
        assert lowered.count('<svg') == 1 and '<svg onload' not in lowered
        assert root.findtext(f'{SVG_NS}title', '').startswith(name)
        for text in texts(root):  # live text, if any, is the name (a line of it, or its initials) read back intact
            assert any(text in candidate for candidate in readable), text


def test_escaped_name_text_is_in_the_markup_only_escaped(no_fonts: FontLibrary, palette: ColorPalette) -> None:
    typography = Typography(heading_font='Inter', body_font='Inter', accent_font='Inter', rationale='', pairings=[])
    profile = make_profile('<script>alert(1)</script>')
    svg = render_logo(LogoStyle.WORDMARK, profile, palette, typography, fonts=no_fonts, icons=INSTALLED_ICONS, seed=2)

    assert '<script>' not in svg.lower()
    assert '&lt;script&gt;' in svg.lower()


@pytest.mark.parametrize(
    ('name', 'expected'),
    [
        ('東京ロボティクス', '東'),
        ('مرحبا', 'م'),
        ('👩\u200d💻 Studio', 'S'),  # emoji are no initials: marks leave them out
        ('Lumen Ledger', 'LL'),
        ('lumen', 'L'),
        ('<script>alert(1)</script>', 'S'),
        ('e\u0301clair bakery', 'ÉB'),
        ('37signals', '3'),
    ],
)
def test_initials_take_whole_graphemes(name: str, expected: str) -> None:
    assert initials(name) == expected


@pytest.mark.parametrize(('name', 'grapheme'), [('東京ロボティクス', '東'), ('مرحبا', 'م'), ('👩\u200d💻 Studio', 'S')])
def test_lettermark_of_other_scripts_outlines_the_first_grapheme(
    name: str, grapheme: str, palette: ColorPalette, typography: Typography
) -> None:
    face = Face.for_role(typography, 'heading', fonts=INSTALLED_FONTS)
    for seed in range(3):
        svg = render_logo(
            LogoStyle.LETTERMARK,
            make_profile(name),
            palette,
            typography,
            fonts=INSTALLED_FONTS,
            icons=INSTALLED_ICONS,
            seed=seed,
        )
        root = assert_safe_svg(svg, palette)

        assert texts(root) == []
        outlines = [set_line(grapheme, face, weight=weight).outline() for weight in range(100, 1000, 100)]
        assert any(outline is not None and outline.path_data in svg for outline in outlines)


def test_wordmark_of_other_scripts_is_outlined_without_its_emoji(palette: ColorPalette, typography: Typography) -> None:
    for name in ('東京ロボティクス', 'مرحبا', '👩\u200d💻 Studio'):
        for seed in range(4):
            svg = render_logo(
                LogoStyle.WORDMARK,
                make_profile(name),
                palette,
                typography,
                fonts=INSTALLED_FONTS,
                icons=INSTALLED_ICONS,
                seed=seed,
            )
            root = assert_safe_svg(svg, palette)

            assert texts(root) == []
            assert len([path for path in root.iter(f'{SVG_NS}path') if len(path.get('d', '')) > 200]) >= 1


@needs_inter
def test_long_names_are_fitted_inside_the_canvas(palette: ColorPalette, typography: Typography) -> None:
    name = ('Northern Lights Cooperative for Community Solar Energy and Fair Heating ' * 2)[:120].strip()
    face = Face.for_role(typography, 'heading', fonts=INSTALLED_FONTS)
    block = fit_text(name, face, weight=600, tracking=0.0, max_width=400, cap=56)

    assert block.width <= 400 + 1e-6
    assert 2 <= len(block.lines) <= 3
    assert ' '.join(line.text for line in block.lines) == name
    assert block.outlined
    for style in LogoStyle:
        assert_safe_svg(
            render_logo(
                style, make_profile(name), palette, typography, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS, seed=4
            ),
            palette,
        )


def test_llm_concept_is_drawn_in_the_kit(palette: ColorPalette, typography: Typography) -> None:
    concept = logo_concept_from(
        LogoStyle.PICTORIAL,
        description='A shield   made of two interlocking ledgers.',
        rationale='Security and bookkeeping in one shape.',
        profile=make_profile(),
        palette=palette,
        typography=typography,
        fonts=INSTALLED_FONTS,
        seed=9,
        index=2,
    )

    assert isinstance(concept, LogoConcept)
    assert concept.id == 'logo-3'
    assert concept.style is LogoStyle.PICTORIAL
    assert concept.description == 'A shield made of two interlocking ledgers.'
    assert concept.rationale == 'Security and bookkeeping in one shape.'
    assert '"A shield made of two interlocking ledgers."' in concept.prompt_used
    assert_safe_svg(concept.svg, palette)


# --- glyph outlines ---------------------------------------------------------------------------------------------------


@needs_inter
def test_outline_text_measures_real_glyphs() -> None:
    path = INSTALLED_FONTS.file('Inter', 400)
    assert path is not None
    word = glyphs.outline_text(path, 'Hello')
    tracked = glyphs.outline_text(path, 'Hello', 0.1)
    assert word is not None and tracked is not None

    assert word.path_data.startswith('M') and word.path_data.count('z') >= 5
    metrics = word.metrics
    assert 0 < metrics.x_height < metrics.cap_height < metrics.ascender and metrics.descender < 0
    assert tracked.advance_width == pytest.approx(word.advance_width + 4 * 0.1 * metrics.units_per_em)
    assert word.ink_bounds is not None and word.ink_bounds[1] == pytest.approx(-metrics.cap_height, rel=0.05)
    assert glyphs.outline_text(path, 'H') != glyphs.outline_text(path, 'I')


@needs_inter
@pytest.mark.parametrize('text', ['東京', 'مرحبا', '👩\u200d💻', 'Café\u200d'])
def test_outline_text_refuses_text_outside_the_subset(text: str) -> None:
    path = INSTALLED_FONTS.file('Inter', 400)
    assert path is not None

    assert glyphs.outline_text(path, text) is None


def test_outline_text_of_a_missing_file_is_none(tmp_path: Path) -> None:
    assert glyphs.outline_text(tmp_path / 'absent.woff2', 'Hello') is None
    broken = tmp_path / 'broken.woff2'
    broken.write_bytes(b'wOF2 not really a font')
    assert glyphs.outline_text(broken, 'Hello') is None


# --- hostile input, generated ---------------------------------------------------------------------------------------

NAME_PARTS = st.sampled_from(
    [
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '<svg onload=alert(1)>',
        '&amp;',
        ']]>',
        '"\'',
        '東京ロボティクス',
        'مرحبا',
        '👩\u200d💻',
        '🇯🇵',
        'e\u0301',
        '\u202eevil',
        'Lumen',
        ' ',
        '\t\n',
        '\x00\x07',
        'x' * 60,
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.one_of(st.lists(NAME_PARTS, min_size=1, max_size=6).map(''.join), st.text(min_size=1, max_size=120)),
    count=st.integers(min_value=1, max_value=10),
    seed=st.integers(min_value=0, max_value=2**63 - 1),
)
def test_any_name_gives_safe_parseable_concepts(
    name: str, count: int, seed: int, palette: ColorPalette, typography: Typography
) -> None:
    stripped = name.strip()
    assume(has_text(stripped) and len(stripped) <= 120)
    profile = make_profile(stripped[:120])

    concepts = build_offline_logos(
        profile, palette, typography, count, seed, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS
    )

    assert len(concepts) == count
    assert len({concept.style for concept in concepts}) == min(count, 6)
    for concept in concepts:
        root = assert_safe_svg(concept.svg, palette)
        assert root.findtext(f'{SVG_NS}title', '').startswith(display_name(profile.name))


MOTIF_CASES = [
    (CompanyType.FINTECH, 'Personal finance', 'Budgets for everyone.', 'bars'),
    (CompanyType.FINTECH, 'Agriculture lending', 'Loans for farms.', 'leaf'),  # the industry outranks the type
    (CompanyType.CYBERSECURITY, 'Utilities', 'We watch the grid.', 'shield'),
    (CompanyType.OTHER, 'Music', 'Built on a blockchain.', 'cube'),  # the description is the last resort
    (CompanyType.OTHER, 'Music', 'We become the economy of restored records.', 'spark'),  # whole words only
]


@pytest.mark.parametrize('case', MOTIF_CASES)
def test_without_the_icon_set_the_hand_drawn_motif_follows_the_brief(
    case: tuple[CompanyType, str, str, str], palette: ColorPalette, typography: Typography, tmp_path: Path
) -> None:
    company_type, industry, description, motif = case
    profile = make_profile(company_type=company_type, industry=industry, description=description)
    no_icons = IconLibrary(root=tmp_path)  # a server where `make icons` never ran

    assert icon_motif(profile) == motif
    concepts = build_offline_logos(profile, palette, typography, 6, 1, fonts=INSTALLED_FONTS, icons=no_icons)
    pictorial = next(concept for concept in concepts if concept.style is LogoStyle.PICTORIAL)
    assert MOTIF_NAMES[motif].removeprefix('a ').removeprefix('an ') in pictorial.rationale
