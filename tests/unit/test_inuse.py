"""The brand in use (board and mockups) for hostile profiles: long names, right-to-left and CJK names, emoji and
markup in every field, kits with sections missing. What a drawing must be wherever it goes: SVG that parses, with no
live text, no script and nothing loaded from elsewhere; a PNG of exactly its size that is not blank and shows the
kit's primary colour; every text on its ground at WCAG AA; the signature's HTML with the kit's words escaped."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageStat

from branding.design.data_files import DataFileError
from branding.design.glyphs import has_glyph
from branding.design.inuse import BOARDS, MOCKUPS, in_use
from branding.design.inuse.copy import domain, load_copy
from branding.design.inuse.signature import html as signature_html
from branding.design.marks.typesetting import font_runs
from branding.exports.inuse import board_png, drawing_png, mockup_files, mockups_zip, render
from branding.exports.png import png_size
from branding.models import BrandKit, CompanyProfile, CompanyType, Tagline
from branding.sections.logos import build_offline_logos
from branding.sections.palette import build_offline_palette
from branding.sections.typography import build_offline_typography
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS
from tests.unit.test_logo_files import HOSTILE, TONES, assert_self_contained, names

ALL = {**BOARDS, **MOCKUPS}


def kit_for(
    profile: CompanyProfile, seed: int, *, tagline: str = '', sections: frozenset[str] | None = None
) -> BrandKit:
    keep = sections or frozenset({'palette', 'typography', 'logos', 'taglines'})
    palette = build_offline_palette(profile, seed)
    typography = build_offline_typography(profile, seed, fonts=INSTALLED_FONTS)
    logos = build_offline_logos(profile, palette, typography, 1, seed, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)
    line = tagline or f'{profile.name}: made with care'
    return BrandKit(
        company_name=profile.name,
        color_palette=palette if 'palette' in keep else None,
        typography=typography if 'typography' in keep else None,
        logos=logos if 'logos' in keep else [],
        taglines=[Tagline(id='t1', text=line, tone='bold', explanation='')] if 'taglines' in keep else [],
        brand_guidelines=f'# Guide\n\n**What we do.** {profile.description}\n',
    )


def profile(name: str, *, tone: str = 'bold', industry: str = 'Bakery') -> CompanyProfile:
    return CompanyProfile(
        name=name,
        company_type=CompanyType.OTHER,
        industry=industry,
        description='We bake bread <script>alert(1)</script> for everyone 🍞 every single morning, in a wood oven.',
        target_audience='neighbours',
        brand_values=['trust', 'craft'],
        tone=tone,
    )


def assert_drawn_well(kit: BrandKit) -> None:
    ctx = in_use(kit, INSTALLED_FONTS)
    for mockup in ALL.values():
        canvas = mockup.draw(ctx)
        svg = canvas.svg()
        assert_self_contained(svg)
        assert '<text' not in svg and '<script' not in svg.lower()
        failing = [
            (pair.text, pair.foreground, pair.background, round(pair.ratio, 2))
            for pair in canvas.pairs
            if not pair.passes
        ]
        assert not failing, (mockup.name, failing)
        for pair in canvas.pairs:
            left, top, right, bottom = pair.box
            inside = left >= -0.5 and right <= mockup.width + 0.5 and top >= -0.5 and bottom <= mockup.height + 0.5
            assert inside, (mockup.name, pair.text, pair.box)
        for left, top, right, bottom in canvas.images:  # every logo and icon inside the canvas too
            assert left >= -0.5 and top >= -0.5 and right <= mockup.width + 0.5 and bottom <= mockup.height + 0.5
    assert BOARDS['brand-board'].draw(ctx).pairs, 'the board names its colours and faces'


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=names(), seed=st.integers(0, 10_000), tone=st.sampled_from(TONES), hostile=st.sampled_from(HOSTILE))
def test_every_drawing_is_self_contained_outlined_and_readable(name: str, seed: int, tone: str, hostile: str) -> None:
    kit = kit_for(profile(name, tone=tone), seed, tagline=f'{hostile} {name} for everyone')
    assert_drawn_well(kit)


@pytest.mark.parametrize(
    'name',
    [
        'さくらデザイン株式会社',
        'بيت التمويل الإسلامي',
        'The Northern Coastal Federation of Independent Fishing Cooperatives, Seafood Processors and Harbour Assoc',
        '🚀🔥',
    ],
)
def test_scripts_and_long_names_draw_in_every_mockup(name: str) -> None:
    assert_drawn_well(kit_for(profile(name), 7))


@pytest.mark.parametrize('sections', [frozenset(), frozenset({'palette'}), frozenset({'typography', 'taglines'})])
def test_a_focused_kit_still_draws_every_mockup(sections: frozenset[str]) -> None:
    assert_drawn_well(kit_for(profile('Lumen Ledger'), 3, sections=sections))


def test_every_png_is_its_exact_size_not_blank_and_shows_the_primary_colour() -> None:
    kit = kit_for(profile('Hearthstone Bakery', tone='friendly'), 11)
    assert kit.color_palette is not None and kit.color_palette.light is not None
    primary = tuple(int(kit.color_palette.light.primary[i : i + 2], 16) for i in (1, 3, 5))
    files = mockup_files(kit, INSTALLED_FONTS)
    for mockup in ALL.values():
        png = files[f'png/{mockup.name}.png']
        assert png_size(png) == (mockup.width, mockup.height), mockup.name
        image = Image.open(io.BytesIO(png)).convert('RGB')
        assert max(ImageStat.Stat(image).var) > 100, f'{mockup.name} is blank'
        small = image.resize((mockup.width // 4, mockup.height // 4), Image.Resampling.NEAREST)
        colours = {
            colour for _, colour in small.getcolors(small.width * small.height) or [] if isinstance(colour, tuple)
        }
        near = any(sum(abs(a - b) for a, b in zip(colour, primary, strict=True)) <= 6 for colour in colours)
        assert near, f'{mockup.name} does not show the primary colour'
    assert files['svg/business-card-front.svg'].decode().count('width="3.75in"') == 1
    assert png_size(files['png/business-card-front.png']) == (1050 + 75, 600 + 75)  # 300 dpi plus 1/8 in bleed
    assert set(files) == {'README.txt', 'email-signature.html'} | {
        f'{kind}/{name}.{kind}' for name in ALL for kind in ('png', 'svg')
    }


def test_the_board_and_the_zip_are_cached_per_kit_revision() -> None:
    kit = kit_for(profile('Granite Trust'), 5)
    first = board_png(kit, INSTALLED_FONTS)
    assert board_png(kit, INSTALLED_FONTS) is first
    assert png_size(drawing_png(kit, INSTALLED_FONTS, 'link-preview')) == (1200, 630)
    assert png_size(drawing_png(kit, INSTALLED_FONTS, 'phone-home-screen', thumbnail=True)) == (480, 1039)
    changed = kit.model_copy(update={'taglines': [Tagline(id='x', text='Another line', tone='bold', explanation='')]})
    assert board_png(changed, INSTALLED_FONTS) != first, 'a regenerated section redraws the board'
    with zipfile.ZipFile(io.BytesIO(mockups_zip(kit, INSTALLED_FONTS))) as opened:
        assert opened.testzip() is None
        assert 'png/brand-board.png' in opened.namelist()


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_signature_html_escapes_the_kit_and_uses_only_mail_safe_markup() -> None:
    name = '<script>alert(1)</script> & "Co" <img src=x onerror=alert(2)>'
    kit = kit_for(profile(name), 2, tagline='<b>bold</b> claims & more')
    page = signature_html(in_use(kit, INSTALLED_FONTS))
    parser = _Collector()
    parser.feed(page)
    assert set(parser.tags) <= {'html', 'head', 'meta', 'title', 'body', 'table', 'tr', 'td', 'a'}
    text = ''.join(parser.text)
    assert '<script>alert(1)</script> & "Co"' in text and '<b>bold</b> claims & more' in text
    assert '<style' not in page and 'url(' not in page


def test_domains_and_the_copy_file() -> None:
    assert domain('Hearthstone Bakery') == 'hearthstonebakery.com'
    assert domain('The Northern Coastal Federation') == 'thenortherncoastal.com'
    assert domain('さくらデザイン') == 'example.com'


def test_a_malformed_copy_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / 'copy.json'
    path.write_text('{"person": ""}', encoding='utf-8')
    with pytest.raises(DataFileError, match='person'):
        load_copy(path)


def test_render_is_exact_for_every_size() -> None:
    kit = kit_for(profile('Q'), 1)
    ctx = in_use(kit, INSTALLED_FONTS)
    mockup = MOCKUPS['phone-home-screen']
    assert png_size(render(mockup.draw(ctx).svg(printed=False), mockup)) == (1170, 2532)
    root = ET.fromstring(MOCKUPS['letterhead'].draw(ctx).svg())
    assert (root.get('width'), root.get('height')) == ('210mm', '297mm')


@pytest.mark.parametrize('name', ['さくらデザイン株式会社', 'بيت التمويل الإسلامي', 'Harbour ' * 15])
def test_every_letter_of_a_name_is_drawn_from_a_font_that_has_it(name: str) -> None:
    """No tofu: each character of the name and tagline is set from an installed font holding its glyph, none left to
    a missing-glyph box."""
    ctx = in_use(kit_for(profile(name.strip()), 9, tagline=f'{name.strip()} for everyone'), INSTALLED_FONTS)
    for face, text in ((ctx.heading, ctx.name), (ctx.body, ctx.tagline)):
        found = face.file(700)
        assert found is not None
        runs = font_runs(text, face, weight=700, base=found[1])
        drawn = [(path, char) for path, part, _ in runs for char in part]
        assert sorted(char for _, char in drawn) == sorted(text), 'a character no installed font has'
        assert all(char.isspace() or has_glyph(path, char) for path, char in drawn)


def test_a_logo_file_that_is_not_svg_leaves_its_place_empty_and_every_drawing_renders() -> None:
    kit = kit_for(profile('Broken Mark'), 4)
    variants = kit.logos[0].variants
    assert variants is not None
    broken = variants.model_copy(update={'primary': 'not an svg', 'reversed': '<svg><g></svg>', 'icon': '<svg'})
    kit = kit.model_copy(update={'logos': [kit.logos[0].model_copy(update={'variants': broken})]})
    files = mockup_files(kit, INSTALLED_FONTS)
    assert all(png_size(files[f'png/{name}.png']) == (mockup.width, mockup.height) for name, mockup in ALL.items())
    assert 'not an svg' not in files['svg/brand-board.svg'].decode()
