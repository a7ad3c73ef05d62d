"""The section cards on pages of their own, through NiceGUI's simulated User; kit values are built by hand."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from nicegui import ui
from nicegui.testing import User

from branding.design.color import contrast_ratio
from branding.design.font_files import FontLibrary, fontsource_id
from branding.models import (
    ColorPalette,
    ColorRole,
    ColorVisionCheck,
    ContrastCheck,
    FontPairing,
    FontSpec,
    LogoConcept,
    LogoStyle,
    SectionName,
    SectionProvenance,
    SectionStatus,
    Tagline,
    ThemeColors,
    TypeScaleStep,
    Typography,
)
from components.cards import (
    guidelines_card,
    logos_card,
    palette_card,
    provenance,
    skeleton,
    taglines_card,
    typography_card,
)
from components.markdown import render_markdown

# These tests define their own pages instead of running app.py, so each card is checked on its own.
pytestmark = pytest.mark.nicegui_main_file('')

XSS = '<img src=x onerror=alert(1)>'
OFFLINE = SectionProvenance(status=SectionStatus.OK, provider='offline', model='rules-v1', latency_ms=12, attempts=1)
TOGETHER = SectionProvenance(
    status=SectionStatus.OK, provider='together', model='mistralai/Mixtral-8x7B', latency_ms=1400, attempts=2
)
FALLBACK = SectionProvenance(
    status=SectionStatus.FALLBACK,
    provider='offline',
    model='rules-v1',
    latency_ms=30,
    attempts=3,
    note='together timed out twice; the offline engine wrote this section',
)
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1d4ed8"/></svg>'
LOGOS = [
    LogoConcept(
        id='logo-1',
        style=LogoStyle.WORDMARK,
        description='A calm wordmark in the heading font',
        rationale='Letterforms carry the trust the brand values ask for',
        color_scheme=['#1d4ed8', '#f59e0b'],
        prompt_used='Minimal wordmark "Lumen Ledger", deep blue, flat vector, white background',
        svg=SVG,
        image_url='data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
    ),
    LogoConcept(
        id='logo-2',
        style=LogoStyle.EMBLEM,
        description=XSS,
        rationale='An enclosed mark for app icons',
        color_scheme=['#1d4ed8'],
        prompt_used='Emblem, shield shape, amber accent',
        svg=SVG.replace('#1d4ed8', '#f59e0b'),
        image_url='https://tracker.example/logo.svg',
    ),
]
TAGLINES = [
    Tagline(id='t1', text='Money, made clear.', tone='professional', explanation='Short and calm'),
    Tagline(id='t2', text=XSS, tone='playful', explanation='Checks that markup stays text'),
]
LIGHT = ThemeColors(
    background='#ffffff',
    surface='#f8fafc',
    text='#0f172a',
    muted_text='#475569',
    border='#cbd5e1',
    primary='#1d4ed8',
    on_primary='#ffffff',
    secondary='#0f766e',
    on_secondary='#ffffff',
    accent='#f59e0b',
    on_accent='#111827',
)
DARK = LIGHT.model_copy(update={'background': '#0b1120', 'surface': '#111827', 'text': '#f1f5f9'})
PALETTE = ColorPalette(
    primary='#1d4ed8',
    secondary='#0f766e',
    accent='#f59e0b',
    neutral='#64748b',
    psychology={'primary': 'Blue reads as dependable in finance', 'accent': 'Amber draws the eye to actions'},
    usage_guidelines='Primary for actions, accent sparingly.',
    rationale='A trustworthy blue with a warm accent.',
    roles=[
        ColorRole(
            role='primary',
            name='Royal Blue',
            hex='#1d4ed8',
            rgb=(29, 78, 216),
            oklch=(0.488, 0.217, 264.4),
            usage='CTAs',
        ),
        ColorRole(
            role='secondary',
            name='Deep Teal',
            hex='#0f766e',
            rgb=(15, 118, 110),
            oklch=(0.511, 0.086, 186.4),
            usage='Links',
        ),
        ColorRole(
            role='accent',
            name='Amber',
            hex='#f59e0b',
            rgb=(245, 158, 11),
            oklch=(0.769, 0.165, 70.1),
            usage='Highlights',
        ),
        ColorRole(
            role='neutral',
            name='Slate',
            hex='#64748b',
            rgb=(100, 116, 139),
            oklch=(0.554, 0.041, 257.4),
            usage='Text and borders',
        ),
    ],
    scales={'primary': {'50': '#eff6ff', '500': '#3b82f6', '950': '#172554', '100': '#dbeafe'}},
    light=LIGHT,
    dark=DARK,
    contrast=[
        ContrastCheck(
            mode='light',
            use='body',
            foreground_role='text',
            background_role='background',
            foreground='#0f172a',
            background='#ffffff',
            ratio=17.85,
            level='AAA',
        ),
        ContrastCheck(
            mode='light',
            use='ui',
            foreground_role='on_accent',
            background_role='accent',
            foreground='#111827',
            background='#f59e0b',
            ratio=4.62,
            level='AA',
        ),
        ContrastCheck(
            mode='dark',
            use='large',
            foreground_role='primary',
            background_role='background',
            foreground='#1d4ed8',
            background='#0b1120',
            ratio=2.91,
            level='Fail',
        ),
    ],
    color_vision=[
        ColorVisionCheck(
            deficiency='deuteranopia', primary='#2f5fd0', accent='#c9b03a', delta_e_ok=0.214, distinguishable=True
        ),
    ],
    adjustments=['Darkened the primary to reach 4.5:1 on white'],
)
TYPOGRAPHY = Typography(
    heading_font='Fraunces',
    body_font='Inter',
    accent_font='Caveat',
    rationale='A soft serif for warmth, a neutral sans for reading.',
    pairings=[FontPairing(context='Marketing site', recommendation='Fraunces headings over Inter body')],
    fonts=[
        FontSpec(
            role='heading',
            family='Fraunces',
            category='serif',
            weights=[400, 700],
            css_stack="'Fraunces', serif",
            license='OFL-1.1',
            available_offline=True,
        ),
        FontSpec(
            role='body',
            family='Inter',
            category='sans-serif',
            weights=[400, 500],
            css_stack="'Inter', system-ui, sans-serif",
            license='OFL-1.1',
            available_offline=True,
        ),
        FontSpec(
            role='accent',
            family='Caveat',
            category='handwriting',
            weights=[400],
            css_stack='x; background: url(https://evil.example/)',
            license='OFL-1.1',
            available_offline=False,
            note='Run make fonts to install it.',
        ),
    ],
    type_scale=[
        TypeScaleStep(name='h1', size_px=48.83, size_rem=3.052, line_height=1.1, weight=700),
        TypeScaleStep(name='body', size_px=16, size_rem=1, line_height=1.5, weight=400),
    ],
    css=':root { --font-heading: "Fraunces", serif; }',
)
GUIDELINES = (
    '# Brand guidelines\n\nUse **Royal Blue** for actions.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))'
)


async def show(user: User, build: Callable[[], object]) -> None:
    """Serve `build` as the page at / and open it."""

    @ui.page('/')
    def page() -> None:
        build()

    await user.open('/')


async def clipboard_text(user: User) -> str:
    """What the page last asked the browser to put on the clipboard (ui.clipboard.write sends it as JavaScript)."""
    assert user.client is not None
    for _ in range(20):
        outbox = user.client.outbox
        messages = [message for _, _, message in outbox.message_history] + list(outbox.messages)
        writes = [
            json.loads(match.group(1))
            for _, message_type, data in messages
            if message_type == 'run_javascript' and (match := re.search(r'writeText\((.*)\)\n', data['code']))
        ]
        if writes:
            return str(writes[-1])
        await asyncio.sleep(0.05)
    raise AssertionError('nothing was written to the clipboard')


def element_with(user: User, marker: str) -> ui.element:
    elements = user.find(marker=marker).elements
    assert len(elements) == 1, f'expected one element marked {marker}, found {len(elements)}'
    return next(iter(elements))


# --- provenance ------------------------------------------------------------------------------------------------------


def test_latency_reads_in_milliseconds_below_a_second_and_seconds_above() -> None:
    assert provenance.latency_text(12) == '12 ms'
    assert provenance.latency_text(999) == '999 ms'
    assert provenance.latency_text(1400) == '1.4 s'


async def test_provenance_names_the_offline_engine_or_the_provider_and_model(user: User) -> None:
    def build() -> None:
        provenance.create(OFFLINE)
        provenance.create(TOGETHER)

    await show(user, build)
    await user.should_see('offline engine · 12 ms')
    await user.should_see('together · mistralai/Mixtral-8x7B · 1.4 s')


async def test_a_fallback_provenance_says_so_in_words_and_shows_its_note(user: User) -> None:
    await show(user, lambda: provenance.create(FALLBACK))
    await user.should_see(marker='provenance-fallback')
    await user.should_see('fallback: offline engine · 30 ms')
    await user.should_see('together timed out twice; the offline engine wrote this section')


# --- logos -----------------------------------------------------------------------------------------------------------


async def test_the_logos_card_shows_every_concept_on_light_and_dark(user: User) -> None:
    await show(user, lambda: logos_card.create(LOGOS, provenance=OFFLINE, company_name='Lumen Ledger'))
    await user.should_see(marker='card-logos')
    await user.should_see('Logo concepts')
    await user.should_see('offline engine')
    await user.should_see('Wordmark')
    await user.should_see('A calm wordmark in the heading font')
    await user.should_see('Letterforms carry the trust the brand values ask for')
    await user.should_see('Minimal wordmark "Lumen Ledger", deep blue, flat vector, white background')
    images = user.find(kind=ui.image).elements
    assert len(images) == 4
    assert {image.props['alt'] for image in images} >= {
        'Wordmark logo concept for Lumen Ledger, on a light background',
        'Wordmark logo concept for Lumen Ledger, on a dark background',
    }
    # A concept whose image_url is not a data URI is shown from its own SVG, so the page fetches nothing remote.
    assert all(image.props['src'].startswith('data:image/svg+xml') for image in images)


async def test_a_logo_description_with_markup_shows_literally(user: User) -> None:
    await show(user, lambda: logos_card.create(LOGOS, provenance=OFFLINE))
    await user.should_see(XSS)
    with user.scope(marker='card-logos'):
        await user.should_not_see(kind=ui.html)


async def test_download_svg_gives_the_concepts_svg_bytes(user: User) -> None:
    await show(user, lambda: logos_card.create(LOGOS, provenance=OFFLINE, company_name='Lumen Ledger'))
    with user.scope(marker='logo-logo-2'):
        user.find('Download SVG').click()
    response = await user.download.next()
    assert response.content == LOGOS[1].svg.encode()


async def test_copy_prompt_puts_the_prompt_on_the_clipboard(user: User) -> None:
    await show(user, lambda: logos_card.create(LOGOS, provenance=OFFLINE))
    with user.scope(marker='logo-logo-1'):
        user.find('Copy prompt').click()
    assert await clipboard_text(user) == LOGOS[0].prompt_used
    await user.should_see('Copied')


# --- taglines --------------------------------------------------------------------------------------------------------


async def test_the_taglines_card_shows_text_tone_and_explanation(user: User) -> None:
    await show(user, lambda: taglines_card.create(TAGLINES, provenance=TOGETHER))
    await user.should_see(marker='card-taglines')
    await user.should_see('Money, made clear.')
    await user.should_see('professional')
    await user.should_see('Short and calm')
    await user.should_see('together · mistralai/Mixtral-8x7B')


async def test_a_tagline_with_markup_shows_literally(user: User) -> None:
    await show(user, lambda: taglines_card.create(TAGLINES, provenance=OFFLINE))
    await user.should_see(XSS)
    label = next(e for e in user.find(kind=ui.label).elements if e.text == XSS)
    assert label.text == XSS
    with user.scope(marker='card-taglines'):
        await user.should_not_see(kind=ui.html)


async def test_a_taglines_copy_button_copies_it(user: User) -> None:
    await show(user, lambda: taglines_card.create(TAGLINES, provenance=OFFLINE))
    with user.scope(marker='tagline-t1'):
        user.find(kind=ui.button).click()
    assert await clipboard_text(user) == 'Money, made clear.'
    await user.should_see('Copied')


# --- palette ---------------------------------------------------------------------------------------------------------


async def test_the_palette_card_shows_roles_scales_contrast_previews_and_notes(user: User) -> None:
    await show(user, lambda: palette_card.create(PALETTE, provenance=OFFLINE, company_name='Lumen Ledger'))
    await user.should_see(marker='card-palette')
    for role in PALETTE.roles:
        await user.should_see(role.name)
        await user.should_see(role.hex)
    await user.should_see('RGB 29, 78, 216')
    await user.should_see('oklch(48.8% 0.217 264.4)')
    await user.should_see('Blue reads as dependable in finance')
    await user.should_see('17.85:1')
    await user.should_see('4.62:1')
    await user.should_see('2.91:1')
    await user.should_see(marker='contrast-level-fail')
    await user.should_see(marker='preview-light')
    await user.should_see(marker='preview-dark')
    await user.should_see('Deuteranopia')
    await user.should_see('distinguishable')
    await user.should_see('Darkened the primary to reach 4.5:1 on white')
    await user.should_see('Primary for actions, accent sparingly.')
    with user.scope(marker='preview-light'):
        await user.should_see('Lumen Ledger')


async def test_scale_tiles_are_in_step_order_and_name_their_hex(user: User) -> None:
    await show(user, lambda: palette_card.create(PALETTE, provenance=OFFLINE))
    labels = [
        element.props['aria-label']
        for element in user.find(marker='palette-scales').elements.pop().descendants()
        if element.props.get('role') == 'img'
    ]
    assert labels == ['primary 50: #eff6ff', 'primary 100: #dbeafe', 'primary 500: #3b82f6', 'primary 950: #172554']


async def test_scale_tiles_carry_their_step_in_a_readable_colour(user: User) -> None:
    await show(user, lambda: palette_card.create(PALETTE, provenance=OFFLINE))
    tiles = [
        element
        for element in user.find(marker='palette-scales').elements.pop().descendants()
        if isinstance(element, ui.label) and element.props.get('role') == 'img'
    ]
    assert [tile.text for tile in tiles] == ['50', '100', '500', '950']
    for tile in tiles:
        assert contrast_ratio(tile.style['color'], tile.style['background-color']) >= 4.5


async def test_clicking_a_swatch_copies_its_hex(user: User) -> None:
    await show(user, lambda: palette_card.create(PALETTE, provenance=OFFLINE))
    swatch = element_with(user, 'swatch-accent')
    assert swatch.tag == 'button'  # native button: focusable and activated by Enter and Space
    assert 'Amber' in swatch.props['aria-label']
    user.find(marker='swatch-accent').click()
    assert await clipboard_text(user) == '#f59e0b'
    await user.should_see('Copied')


async def test_a_palette_in_the_original_shape_still_shows_its_four_colours(user: User) -> None:
    seed_shaped = ColorPalette(
        primary='#112233',
        secondary='#445566',
        accent='#778899',
        neutral='#aabbcc',
        psychology={},
        usage_guidelines='Use them well.',
    )
    await show(user, lambda: palette_card.create(seed_shaped, provenance=None))
    for color in ('#112233', '#445566', '#778899', '#aabbcc'):
        await user.should_see(color)
    await user.should_see('RGB 17, 34, 51')


# --- typography ------------------------------------------------------------------------------------------------------


async def test_the_typography_card_shows_a_specimen_in_the_kits_fonts(user: User) -> None:
    await show(user, lambda: typography_card.create(TYPOGRAPHY, provenance=OFFLINE, company_name='Lumen Ledger'))
    await user.should_see(marker='card-typography')
    with user.scope(marker='typography-specimen'):
        await user.should_see('Lumen Ledger')
    heading = next(e for e in user.find('Lumen Ledger').elements if isinstance(e, ui.label))
    assert heading.style['font-family'] == "'Fraunces', serif"
    await user.should_see('A soft serif for warmth, a neutral sans for reading.')
    await user.should_see('Fraunces headings over Inter body')
    await user.should_see('Licence: OFL-1.1')
    await user.should_see('serif · weights 400, 700')
    await user.should_see('h1 · 48.83 px / 3.052 rem · line 1.1 · 700')
    scale_sample = next(e for e in element_with(user, 'type-scale').descendants() if e.style.get('font-size'))
    assert scale_sample.style['font-size'] == '48.83px'


async def test_a_font_missing_offline_gets_a_visible_note_and_an_unsafe_stack_is_not_used(user: User) -> None:
    await show(user, lambda: typography_card.create(TYPOGRAPHY, provenance=OFFLINE))
    with user.scope(marker='font-accent'):
        await user.should_see(marker='font-not-offline')
        await user.should_see('Run make fonts to install it.')
    styles = [str(e.style) for e in element_with(user, 'typography-specimen').descendants()]
    assert not any('evil.example' in style for style in styles)
    assert any('"Caveat", cursive' in style for style in styles)


def installed_fonts(root: Path, files: dict[str, list[int]]) -> FontLibrary:
    """A library on `root` with just these families (and weights) installed, as empty files."""
    fonts = FontLibrary(root=root)
    for family, weights in files.items():
        fonts.package(family).mkdir(parents=True)
        (fonts.package(family) / 'metadata.json').write_text('{}')
        for weight in weights:
            path = fonts.package(family) / 'files' / f'{fontsource_id(family)}-latin-{weight}-normal.woff2'
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(b'')
    return fonts


async def test_the_page_loads_font_faces_for_the_fonts_it_serves(user: User, tmp_path: Path) -> None:
    fonts = installed_fonts(tmp_path, {'Fraunces': [400, 700], 'Inter': [400], 'Caveat': [400]})

    def build() -> None:
        for _ in range(2):
            typography_card.create(TYPOGRAPHY, provenance=OFFLINE)
            typography_card.load_font_faces(TYPOGRAPHY, fonts)

    await show(user, build)
    assert user.client is not None
    head = user.client._head_html
    # once per page; Inter 500 has no file here and Caveat is not installed where the kit was made
    assert head.count('@font-face') == 3
    assert "url('/fonts/fraunces/files/fraunces-latin-700-normal.woff2')" in head
    assert "font-family: 'Inter'" in head and 'Caveat' not in head


async def test_the_page_loads_no_font_faces_when_the_fonts_are_not_installed(user: User, tmp_path: Path) -> None:
    await show(user, lambda: typography_card.load_font_faces(TYPOGRAPHY, FontLibrary(root=tmp_path)))
    assert user.client is not None
    assert '@font-face' not in user.client._head_html


async def test_copy_css_copies_the_typography_css(user: User) -> None:
    await show(user, lambda: typography_card.create(TYPOGRAPHY, provenance=OFFLINE))
    user.find('Copy CSS').click()
    assert await clipboard_text(user) == TYPOGRAPHY.css
    await user.should_see('Copied')


# --- guidelines ------------------------------------------------------------------------------------------------------


def test_render_markdown_escapes_html_and_drops_script_links() -> None:
    html = render_markdown(GUIDELINES + '\n\n[site](https://example.com) <a href="javascript:alert(2)">a</a>')
    assert '<h1>Brand guidelines</h1>' in html
    assert '<strong>Royal Blue</strong>' in html
    assert '<script' not in html
    assert '&lt;script&gt;alert(1)&lt;/script&gt;' in html
    assert 'href="javascript:' not in html
    assert '<a href="javascript' not in html
    assert '<a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow">site</a>' in html


def test_render_markdown_can_demote_headings() -> None:
    assert render_markdown('# A\n\n###### F', heading_offset=3) == '<h4>A</h4>\n<h6>F</h6>\n'


def test_render_markdown_does_not_load_images() -> None:
    assert '<img' not in render_markdown('![pixel](https://tracker.example/p.png)')
    assert '<img' not in render_markdown(XSS)


async def test_the_guidelines_card_renders_safe_markdown(user: User) -> None:
    await show(user, lambda: guidelines_card.create(GUIDELINES, provenance=OFFLINE))
    await user.should_see(marker='card-guidelines')
    content = element_with(user, 'guidelines-markdown')
    assert isinstance(content, ui.html)
    assert '<h4>Brand guidelines</h4>' in content.content  # demoted below the page, kit and card headings
    assert '<script' not in content.content


async def test_the_guidelines_copy_and_download_as_markdown(user: User) -> None:
    await show(user, lambda: guidelines_card.create(GUIDELINES, provenance=OFFLINE, company_name='Lumen Ledger'))
    user.find(marker='copy-guidelines').click()
    assert await clipboard_text(user) == GUIDELINES
    user.find(marker='download-guidelines').click()
    response = await user.download.next()
    assert response.content == GUIDELINES.encode()


async def test_streaming_guidelines_update_as_text_arrives(user: User) -> None:
    streams: list[guidelines_card.StreamingGuidelines] = []
    await show(user, lambda: streams.append(guidelines_card.create_streaming(on_regenerate=lambda: None)))
    (stream,) = streams
    await user.should_see('Writing the guidelines…')
    await user.should_not_see(marker='regenerate-guidelines')
    with user:
        stream.set_text('# Brand')
        stream.append(' guidelines\n\nVoice: <b>calm</b>')
    content = element_with(user, 'guidelines-markdown')
    assert isinstance(content, ui.html)
    assert '<h4>Brand guidelines</h4>' in content.content
    assert '&lt;b&gt;calm&lt;/b&gt;' in content.content
    with user:
        stream.finish(TOGETHER)
    await user.should_not_see('Writing the guidelines…')
    await user.should_see('together · mistralai/Mixtral-8x7B')
    await user.should_see(marker='regenerate-guidelines')
    user.find(marker='copy-guidelines').click()
    assert await clipboard_text(user) == '# Brand guidelines\n\nVoice: <b>calm</b>'


# --- regenerate and skeletons ----------------------------------------------------------------------------------------


async def test_the_regenerate_button_calls_the_callback(user: User) -> None:
    calls: list[str] = []

    async def regenerate() -> None:
        await asyncio.sleep(0)
        calls.append('taglines')

    await show(user, lambda: taglines_card.create(TAGLINES, provenance=OFFLINE, on_regenerate=regenerate))
    button = element_with(user, 'regenerate-taglines')
    assert button.props['aria-label'] == 'Regenerate taglines'
    user.find(marker='regenerate-taglines').click()
    for _ in range(20):
        if calls:
            break
        await asyncio.sleep(0.05)
    assert calls == ['taglines']


async def test_there_is_no_regenerate_button_without_a_callback(user: User) -> None:
    await show(user, lambda: palette_card.create(PALETTE, provenance=OFFLINE))
    await user.should_not_see(marker='regenerate-palette')


async def test_every_icon_only_button_has_an_aria_label(user: User) -> None:
    def build() -> None:
        logos_card.create(LOGOS, provenance=OFFLINE, on_regenerate=lambda: None)
        taglines_card.create(TAGLINES, provenance=OFFLINE, on_regenerate=lambda: None)
        palette_card.create(PALETTE, provenance=OFFLINE, on_regenerate=lambda: None)
        typography_card.create(TYPOGRAPHY, provenance=OFFLINE, on_regenerate=lambda: None)
        guidelines_card.create(GUIDELINES, provenance=OFFLINE, on_regenerate=lambda: None)

    await show(user, build)
    buttons = user.find(kind=ui.button).elements
    assert buttons
    assert all(button.props.get('label') or button.props.get('aria-label') for button in buttons)


async def test_each_section_has_a_skeleton(user: User) -> None:
    await show(user, lambda: [skeleton.create(section) for section in SectionName])
    for section in SectionName:
        await user.should_see(marker=f'skeleton-{section.value}')
    await user.should_see('Generating colour palette…')


async def test_a_logo_downloads_as_a_1024_px_png(user: User) -> None:
    @ui.page('/png')
    def page() -> None:
        logos_card.create(LOGOS[:1], provenance=None, company_name='Acme')

    await user.open('/png')
    user.find('Download PNG').click()
    response = await user.download.next()
    png = response.content
    assert png[:8] == b'\x89PNG\r\n\x1a\n'
    assert int.from_bytes(png[16:20], 'big') == 1024
