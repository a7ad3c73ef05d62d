"""The logo files of every concept (primary, reversed, one-colour black and white, icon), for hostile profiles: any
script, emoji, markup in the name, any tone, industry and seed; and the favicon set made from them.

What a file must be wherever it goes: a self-contained SVG that parses, with a viewBox, no live text, no script and
nothing loaded from elsewhere; primary and reversed transparent (no painted rectangle over the canvas, clear corners);
every ink of the reversed file at 3:1 or more against the dark background it is drawn for; the one-colour files in
one colour; the icon square.
"""

from __future__ import annotations

import io
import json
import re
import string
import unicodedata
import xml.etree.ElementTree as ET

import pypdf
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageStat

from branding.design.color import contrast_ratio
from branding.design.marks.variants import STUDIO_DARK
from branding.export import export_kit
from branding.exports.favicons import ICO_SIZES, favicon_set
from branding.exports.logo_pack import (
    VARIANT_NAMES,
    families,
    file_prefix,
    logo_pack_files,
    render_pool,
    site_colors,
)
from branding.exports.png import coverage_form, draw_png, flat_colour, logo_stem, render_png
from branding.models import BrandKit, CompanyProfile, CompanyType, LogoConcept, LogoVariants
from branding.sections.logos import build_offline_logos
from branding.sections.palette import build_offline_palette
from branding.sections.typography import build_offline_typography
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS

SVG = '{http://www.w3.org/2000/svg}'
XLINK = '{http://www.w3.org/1999/xlink}href'
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)
SCRIPTS = {
    'latin': string.ascii_letters + 'éøßñ&-',
    'japanese': '東京大阪株式会社設計あいうえおかきくけこアイウエオデザイン',
    'arabic': 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
    'hebrew': 'אבגדהוזחטיכלמנסעפצקרשת',
    'devanagari': 'कखगघचछजझटठडढतथदधनपफबभमयरलवशसहािीुूेैोौं्',
}
HOSTILE = ['<script>alert(1)</script>', '"><a href="http://evil.example">x</a>', ']]><!--', '🚀🔥', '&amp;', "O'Brien"]
TONES = ['bold', 'playful', 'elegant', 'professional', 'friendly', 'minimal', 'technical']


@st.composite
def words(draw: st.DrawFn, script: str) -> str:
    """A word that starts with a base letter (a name cannot open on a combining mark)."""
    starts = [char for char in SCRIPTS[script] if unicodedata.category(char).startswith('L')]
    return draw(st.sampled_from(starts)) + draw(st.text(alphabet=SCRIPTS[script], max_size=11))


@st.composite
def names(draw: st.DrawFn) -> str:
    script = draw(st.sampled_from(sorted(SCRIPTS)))
    name = ' '.join(draw(st.lists(words(script), min_size=1, max_size=4)))
    if draw(st.booleans()):
        name = f'{name} {draw(st.sampled_from(HOSTILE))}'
    return name[:120]


@st.composite
def profiles(draw: st.DrawFn) -> CompanyProfile:
    return CompanyProfile(
        name=draw(names()),
        company_type=draw(st.sampled_from(list(CompanyType))),
        industry=draw(st.sampled_from(['Bakery', 'Credit union', 'Cyber security', 'Perfume', 'AI tooling', '<b>'])),
        description='We make things people rely on, every day, for everyone. <img src=x onerror=alert(1)>',
        target_audience='people who care',
        brand_values=['trust', 'craft'],
        tone=draw(st.sampled_from(TONES)),
    )


def concepts_for(profile: CompanyProfile, seed: int, count: int = 6) -> list[LogoConcept]:
    palette = build_offline_palette(profile, seed)
    typography = build_offline_typography(profile, seed, fonts=INSTALLED_FONTS)
    return build_offline_logos(profile, palette, typography, count, seed, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)


def view_box(root: ET.Element) -> tuple[float, float, float, float]:
    x, y, width, height = (float(part) for part in root.get('viewBox', '').replace(',', ' ').split())
    return x, y, width, height


def painted(root: ET.Element) -> list[ET.Element]:
    """Every element outside <defs> (a mask's stencil is not paint)."""
    found: list[ET.Element] = []

    def walk(element: ET.Element) -> None:
        for child in element:
            if child.tag != f'{SVG}defs':
                found.append(child)
                walk(child)

    walk(root)
    return found


def inks(root: ET.Element) -> set[str]:
    return {
        value.lower()
        for element in painted(root)
        for attribute in ('fill', 'stroke')
        if (value := element.get(attribute)) and value.startswith('#')
    }


def assert_self_contained(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f'{SVG}svg'
    _, _, width, height = view_box(root)
    assert width > 0 and height > 0
    tags = {element.tag for element in root.iter()}
    assert not tags & {f'{SVG}text', f'{SVG}script', f'{SVG}foreignObject', f'{SVG}image', f'{SVG}use'}
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.startswith('on'), name
            if name in {'href', XLINK}:
                assert value.startswith('#'), value
            assert 'url(' not in value or re.fullmatch(r'url\(#[\w-]+\)', value), value
    assert '<!ENTITY' not in svg and 'javascript:' not in svg.lower()
    return root


def assert_transparent(svg: str, root: ET.Element) -> None:
    x, y, width, height = view_box(root)
    for element in painted(root):
        if element.tag == f'{SVG}rect':
            covers = (
                float(element.get('x', 0)) <= x
                and float(element.get('y', 0)) <= y
                and float(element.get('width', 0)) >= width
                and float(element.get('height', 0)) >= height
            )
            assert not covers, 'a rectangle paints over the whole canvas'
    with Image.open(io.BytesIO(render_png(svg, 256))) as image:
        alpha = image.convert('RGBA').getchannel('A')
        corners = [(0, 0), (alpha.width - 1, 0), (0, alpha.height - 1), (alpha.width - 1, alpha.height - 1)]
        assert all(alpha.getpixel(corner) == 0 for corner in corners), 'the corners are painted'


def check_files(logo: LogoConcept) -> None:
    variants = logo.variants
    assert isinstance(variants, LogoVariants)
    roots = {key: assert_self_contained(svg) for key, svg in variants.model_dump().items()}
    for key in ('primary', 'reversed'):
        assert_transparent(getattr(variants, key), roots[key])
    assert logo.dark_background is not None
    for ink in inks(roots['reversed']):
        for background in (logo.dark_background, STUDIO_DARK):
            assert contrast_ratio(ink, background) >= 3, (ink, background)
    assert inks(roots['mono_dark']) == {'#000000'}
    assert inks(roots['mono_light']) == {'#ffffff'}
    _, _, width, height = view_box(roots['icon'])
    assert width == pytest.approx(height, abs=0.02)
    legibility = logo.legibility
    assert legibility is not None
    assert [check.size_px for check in legibility.icon] == [16, 32]
    assert legibility.lockup_width_px == 120


@settings(max_examples=12, deadline=None, phases=NO_SHRINK, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles(), seed=st.integers(min_value=0, max_value=9999))
def test_every_logo_file_of_any_profile_is_safe_transparent_and_legible_where_it_goes(
    profile: CompanyProfile, seed: int
) -> None:
    for logo in concepts_for(profile, seed):
        check_files(logo)


@pytest.mark.parametrize(
    'name', ['Hearthstone Bakery', 'さくらデザイン', 'بيت التمويل', 'שלום טק', 'गंगा आयुर्वेद', 'Q', '🚀 Rocket']
)
def test_names_in_any_script_are_drawn_as_outlines_in_every_file(name: str) -> None:
    profile = CompanyProfile(
        name=name,
        company_type=CompanyType.OTHER,
        industry='Bakery',
        description='Bread and pastries baked before dawn.',
        target_audience='neighbours',
        brand_values=['warmth'],
        tone='friendly',
    )
    for logo in concepts_for(profile, 3):
        assert logo.variants is not None
        for key, svg in logo.variants.model_dump().items():
            assert '<text' not in svg, (name, logo.style, key)


def test_the_colourways_are_one_composition_in_other_inks() -> None:
    profile = CompanyProfile(
        name='Tidewater Credit Union',
        company_type=CompanyType.FINTECH,
        industry='Credit union',
        description='A member-owned credit union on the coast.',
        target_audience='coastal families',
        brand_values=['trust'],
        tone='professional',
    )
    for logo in concepts_for(profile, 11):
        assert logo.variants is not None
        shapes = {
            key: re.findall(r'\bd="([^"]*)"', svg) for key, svg in logo.variants.model_dump().items() if key != 'icon'
        }
        assert shapes['primary'], logo.style
        # the same outlines in every colourway (the stencil of a knocked-out file repeats them: compare as sets)
        assert set(shapes['reversed']) == set(shapes['mono_dark']) == set(shapes['primary']), logo.style


def test_the_favicon_set_holds_every_size_and_a_manifest_from_the_kit() -> None:
    profile = CompanyProfile(
        name='Nimbus Forge <b>&',
        company_type=CompanyType.SAAS,
        industry='Cloud infrastructure',
        description='Build servers in the cloud for small teams.',
        target_audience='developers',
        brand_values=['speed'],
        tone='technical',
    )
    palette = build_offline_palette(profile, 5)
    typography = build_offline_typography(profile, 5, fonts=INSTALLED_FONTS)
    logos = build_offline_logos(profile, palette, typography, 3, 5, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)
    kit = BrandKit(company_name=profile.name, logos=logos, color_palette=palette, typography=typography)
    for logo in logos:
        files = favicon_set(logo, name=profile.name, colors=site_colors(kit))
        with Image.open(io.BytesIO(files['favicon.ico'])) as ico:
            assert ico.format == 'ICO'
            assert sorted(ico.info['sizes']) == [(size, size) for size in ICO_SIZES]
        expected = {
            'apple-touch-icon.png': 180,
            'icon-192.png': 192,
            'icon-512.png': 512,
            'icon-maskable-512.png': 512,
            'avatar-400.png': 400,
        }
        for filename, side in expected.items():
            with Image.open(io.BytesIO(files[filename])) as image:
                assert image.format == 'PNG' and image.size == (side, side), filename
        with Image.open(io.BytesIO(files['icon-maskable-512.png'])) as image:
            # a maskable icon is opaque to its edges: the platform cuts the shape
            assert image.convert('RGBA').getchannel('A').getextrema() == (255, 255)
        assert_self_contained(files['favicon.svg'].decode('utf-8'))
        manifest = json.loads(files['site.webmanifest'])
        assert manifest['name'] == profile.name
        assert 0 < len(manifest['short_name']) <= 12
        assert manifest['theme_color'] == palette.primary
        assert palette.light is not None and manifest['background_color'] == palette.light.background
        sources = {icon['src'] for icon in manifest['icons']}
        assert sources <= set(files)
        assert any(icon.get('purpose') == 'maskable' for icon in manifest['icons'])


def test_the_brand_book_shows_each_concept_on_light_and_dark_with_its_icon_and_files() -> None:
    profile = CompanyProfile(
        name='Arbor & Ash Capital',
        company_type=CompanyType.FINTECH,
        industry='Investment management',
        description='Long-term portfolios for families and foundations.',
        target_audience='families',
        brand_values=['patience', 'trust'],
        tone='elegant',
    )
    palette = build_offline_palette(profile, 2)
    typography = build_offline_typography(profile, 2, fonts=INSTALLED_FONTS)
    logos = build_offline_logos(profile, palette, typography, 2, 2, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)
    kit = BrandKit(company_name=profile.name, logos=logos, color_palette=palette, typography=typography)
    reader = pypdf.PdfReader(io.BytesIO(export_kit(kit, 'pdf', fonts=INSTALLED_FONTS)[0]))
    text = ' '.join(' '.join(page.extract_text() for page in reader.pages).split())
    assert text.count('are in the logo pack') == len(logos)
    assert text.count('Icon: ') == len(logos)
    # per concept: the full-colour and the reversed file, and the icon (drawn at 32 px and in the tab: one image)
    images = sum(len(page.images) for page in reader.pages)
    assert images >= 3 * len(logos)


def premultiplied_difference(first: bytes, second: bytes) -> float:
    """The mean absolute difference of two PNGs' premultiplied pixels, 0-255 (what they look like on any ground)."""
    with Image.open(io.BytesIO(first)) as one, Image.open(io.BytesIO(second)) as other:
        assert one.size == other.size
        difference = ImageChops.difference(one.convert('RGBA').convert('RGBa'), other.convert('RGBA').convert('RGBa'))
    return sum(ImageStat.Stat(difference).mean) / 4


def kit_of(profile: CompanyProfile, seed: int, count: int) -> BrandKit:
    palette = build_offline_palette(profile, seed)
    typography = build_offline_typography(profile, seed, fonts=INSTALLED_FONTS)
    logos = build_offline_logos(profile, palette, typography, count, seed, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)
    return BrandKit(company_name=profile.name, logos=logos, color_palette=palette, typography=typography)


def test_each_png_of_the_logo_pack_is_its_own_file_drawn_however_it_was_made() -> None:
    """Files covering what another covers, in one colour or with their colours in the same places, are made from its
    pixels (not drawn again), and the renders may be shared out to worker processes: every PNG must still be what
    resvg draws of its own SVG."""
    bakery = CompanyProfile(
        name='Hearthstone Bakery',
        company_type=CompanyType.ECOMMERCE,
        industry='Bakery',
        description='Sourdough and pastries baked before dawn in a wood-fired oven.',
        target_audience='neighbours',
        brand_values=['warmth', 'craft'],
        tone='friendly',
    )
    bank = bakery.model_copy(update={'name': 'Granite Trust Bank', 'industry': 'Banking', 'tone': 'professional'})
    pool = render_pool(2)
    made_from_another = recoloured = 0  # files made from another's pixels; of them, in several colours
    try:
        for profile, seed in ((bakery, 1), (bank, 4)):
            kit = kit_of(profile, seed, 3)
            inline = logo_pack_files(kit, INSTALLED_FONTS, INSTALLED_ICONS)
            assert pool is None or logo_pack_files(kit, INSTALLED_FONTS, INSTALLED_ICONS, renders=pool) == inline
            for number, logo in enumerate(kit.logos, 1):
                assert logo.variants is not None
                drawn = logo.variants.model_dump()
                made_from_another += len(drawn) - len(families(drawn))
                recoloured += sum(flat_colour(svg) is None for family in families(drawn) for _, svg in family[1:])
                for key, svg in drawn.items():
                    name = f'{logo_stem(number, logo)}/png/{file_prefix(kit)}-{VARIANT_NAMES[key]}-512.png'
                    assert premultiplied_difference(inline[name], draw_png(svg, 512)) < 2, name
    finally:
        if pool is not None:
            pool.shutdown()
    assert made_from_another > recoloured > 0


MARK = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10"><title>x</title>{}</svg>'
DISC = '<circle cx="5" cy="5" r="4" fill="{}"/>'
BAR = '<rect x="1" y="4" width="8" height="2"{}/>'


@pytest.mark.parametrize(
    ('body', 'colour'),
    [
        (DISC.format('#FFF') + BAR.format(' fill="#ffffff"'), '#ffffff'),
        (f'<g fill="#123456">{BAR.format("")}</g>', '#123456'),
        (DISC.format('#ffffff') + BAR.format(''), None),  # the bar has no fill: SVG paints it black
        (DISC.format('#ffffff') + BAR.format(' stroke="#000000"'), None),
        (DISC.format('url(#shade)'), None),
        (DISC.format('#ffffff') + BAR.format(' style="fill:red"'), None),
    ],
)
def test_a_file_is_in_one_colour_only_when_every_shape_paints_it(body: str, colour: str | None) -> None:
    assert flat_colour(MARK.format(body)) == colour


def test_files_cover_the_same_only_when_they_differ_in_colours_alone() -> None:
    black, white = MARK.format(DISC.format('#000000')), MARK.format(DISC.format('#ffffff'))
    assert coverage_form(black) == coverage_form(white.replace('<title>x</title>', '<title>white</title>'))
    assert coverage_form(black) != coverage_form(MARK.format(DISC.format('none')))
    assert coverage_form(black) != coverage_form(MARK.format('<circle cx="5" cy="5" r="3" fill="#000000"/>'))
    stencil = '<mask id="{}"><rect width="10" height="10" fill="{}"/></mask><g mask="url(#{})">' + DISC + '</g>'
    masked = MARK.format(stencil.format('a', '#ffffff', 'a', '#000000'))
    assert coverage_form(masked) == coverage_form(MARK.format(stencil.format('b', '#ffffff', 'b', '#ffffff')))
    # inside a mask a colour is coverage
    assert coverage_form(masked) != coverage_form(MARK.format(stencil.format('a', '#000000', 'a', '#000000')))
