"""Offline brand guidelines: every section, the kit's own colours, fonts and logo files, each sector's own moments and
examples, and no way for profile text to inject Markdown or HTML (the app renders Markdown with markdown-it only)."""

from __future__ import annotations

import html

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from branding.design.language import read_value
from branding.models import (
    ColorPalette,
    ColorRole,
    ColorVisionCheck,
    CompanyProfile,
    CompanyType,
    ContrastCheck,
    FontSpec,
    LogoVariants,
    Tagline,
    ThemeColors,
    TypeScaleStep,
    Typography,
)
from branding.sections.guidelines import GUIDELINE_HEADINGS, build_offline_guidelines, escape_markdown
from tests.unit.test_taglines import FORGE, HOSTILE, LUMEN, REALISTIC, profiles, residue, seeds

PROPERTY_SETTINGS = settings(
    deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
# Raw HTML enabled on purpose: the escaping must hold even if a renderer trusts HTML.
COMMONMARK = MarkdownIt('commonmark', {'html': True})
# Everything our own template produces; anything else in the rendered HTML came from profile text.
OUR_ELEMENTS = {'h1', 'h2', 'h3', 'p', 'ul', 'li', 'strong', 'code'}

PALETTE = ColorPalette(
    primary='#1b3a5c',
    secondary='#6b8fb3',
    accent='#f2a541',
    neutral='#f5f3ef',
    psychology={'primary': 'Deep blue reads as stable and calm.'},
    usage_guidelines='Keep the accent for calls to action.',
    roles=[
        ColorRole(
            role='primary', name='Harbour Blue', hex='#1b3a5c', rgb=(27, 58, 92), oklch=(0.35, 0.07, 250), usage='Logo'
        ),
        ColorRole(
            role='secondary', name='Slate Mist', hex='#6b8fb3', rgb=(107, 143, 179), oklch=(0.62, 0.06, 250), usage=''
        ),
        ColorRole(
            role='accent', name='Marigold', hex='#f2a541', rgb=(242, 165, 65), oklch=(0.78, 0.14, 70), usage='Buttons'
        ),
        ColorRole(
            role='neutral', name='Paper', hex='#f5f3ef', rgb=(245, 243, 239), oklch=(0.96, 0.01, 80), usage='Surfaces'
        ),
    ],
    dark=ThemeColors(
        background='#0f1722',
        surface='#17212e',
        text='#f5f3ef',
        muted_text='#b8c2cc',
        border='#2a3646',
        primary='#6b8fb3',
        on_primary='#0f1722',
        secondary='#6b8fb3',
        on_secondary='#0f1722',
        accent='#f2a541',
        on_accent='#0f1722',
    ),
    contrast=[
        ContrastCheck(
            mode='light',
            use='body',
            foreground_role='text',
            background_role='background',
            foreground='#1b3a5c',
            background='#f5f3ef',
            ratio=11.21,
            level='AAA',
        )
    ],
    color_vision=[
        ColorVisionCheck(
            deficiency='tritanopia', primary='#1b3a5c', accent='#c0a040', delta_e_ok=0.04, distinguishable=False
        )
    ],
)
TYPOGRAPHY = Typography(
    heading_font='Fraunces',
    body_font='Inter',
    accent_font='IBM Plex Mono',
    rationale='A warm serif over a neutral sans.',
    pairings=[],
    fonts=[
        FontSpec(
            role='heading',
            family='Fraunces',
            category='serif',
            weights=[600, 700],
            css_stack="'Fraunces', serif",
            license='OFL-1.1',
            available_offline=True,
        )
    ],
    scale_name='Major third',
    scale_ratio=1.25,
    type_scale=[
        TypeScaleStep(name='h1', size_px=48.83, size_rem=3.052, line_height=1.1, weight=700),
        TypeScaleStep(name='body', size_px=16, size_rem=1, line_height=1.5, weight=400),
    ],
)
BAKERY = CompanyProfile(
    name='Hearthstone Bakery',
    company_type=CompanyType.OTHER,
    industry='Artisan bakery',
    description='A neighbourhood bakery baking sourdough loaves, croissants and seasonal tarts every morning.',
    target_audience='Neighbours and families who buy fresh bread daily',
    brand_values=['warmth', 'craft'],
    tone='friendly',
)
TAGLINES = [Tagline(id='tagline-1', text='Clarity you can count on.', tone='friendly', explanation='Uses a value.')]


def rendered_elements(markdown: str) -> set[str]:
    return set(regex.findall(r'<([a-z0-9]+)[\s>]', COMMONMARK.render(markdown)))


UNESCAPED_ANGLE = regex.compile(r'(?<!\\)[<>]')
ENTITY = regex.compile(r'(?<!\\)&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);')  # an escaped '\&amp;' is text


def reader_text(markdown: str) -> str:
    """What a reader sees: the rendered document as plain text, one space between words."""
    blocks_apart = regex.sub(r'</?(?:p|li|ul|h[1-6])>', ' ', COMMONMARK.render(markdown))
    return ' '.join(html.unescape(regex.sub(r'</?(?:strong|code)>', '', blocks_apart)).split())


def headings(markdown: str) -> list[str]:
    return regex.findall(r'^##\s+(.+)$', markdown, flags=regex.MULTILINE)


# --- content ----------------------------------------------------------------------------------------------------------


def test_every_required_section_is_present_in_order() -> None:
    for profile in REALISTIC:
        for palette, typography in ((PALETTE, TYPOGRAPHY), (None, None)):
            assert headings(build_offline_guidelines(profile, palette, typography, TAGLINES, 1)) == list(
                GUIDELINE_HEADINGS
            )


def test_the_kits_own_colours_fonts_and_scale_are_quoted() -> None:
    document = build_offline_guidelines(LUMEN, PALETTE, TYPOGRAPHY, TAGLINES, 1)

    for hex_colour in ('#1b3a5c', '#6b8fb3', '#f2a541', '#f5f3ef'):
        assert f'`{hex_colour}`' in document
    for name in (
        'Harbour Blue',
        'Slate Mist',
        'Marigold',
        'Paper',
        'Fraunces',
        'Inter',
        'IBM Plex Mono',
        'Major third',
    ):
        assert name in document
    assert 'h1: 48.83 px (3.052 rem), line height 1.1, weight 700' in document
    assert '`#1b3a5c` on `#f5f3ef` 11.21:1, AAA' in document
    assert 'tritanopia' in document  # the failed colour-vision check is reported
    assert '`#0f1722`' in document  # the dark theme background, where the reversed logo goes


def test_without_palette_or_typography_the_visual_sections_give_interim_advice() -> None:
    document = build_offline_guidelines(LUMEN, None, None, None, 1)

    assert not regex.search(r'#[0-9a-f]{6}', document)
    assert 'no colour palette yet' in document
    assert 'no typography yet' in document
    assert residue(reader_text(document), LUMEN) == []


def test_mission_and_values_are_written_about_this_company() -> None:
    document = build_offline_guidelines(LUMEN, None, None, None, 1)
    mission = document.split('## Mission and values')[1].split('## Personality')[0]

    assert 'To help freelancers and independent creatives track invoices, plan taxes and get paid faster' in mission
    assert 'For freelancers and independent creatives, Lumen Ledger is the personal finance service' in mission
    for value in ('Clarity', 'Trust', 'Calm'):
        assert regex.search(rf'^- \*\*{value}\.\*\* For Lumen Ledger, {value.lower()} means we ', mission, regex.M)


def test_values_without_a_known_meaning_are_still_explained() -> None:
    odd = FORGE.model_copy(update={'brand_values': ['Kaizen', 'radical candour']})
    document = build_offline_guidelines(odd, None, None, None, 0)

    assert '**Kaizen.** Kaizen is a standard Forgeline holds itself to' in document
    assert '**Radical candour.**' in document


def test_personality_has_three_to_five_traits_from_tone_and_values() -> None:
    document = build_offline_guidelines(LUMEN, None, None, None, 1)
    section = document.split('## Personality')[1].split('## Voice and tone')[0]
    traits = regex.findall(r'^- \*\*(.+?)\.\*\*', section, regex.M)

    assert 3 <= len(traits) <= 5
    assert {'Warm', 'Witty', 'Clear'} <= set(traits)  # friendly voice, playful touch, the value clarity


def test_voice_section_has_do_and_dont_examples_about_the_company() -> None:
    document = build_offline_guidelines(LUMEN, None, None, None, 1)
    voice = document.split('## Voice and tone')[1].split('## Visual identity')[0]
    do_part, dont_part = voice.split('### Do\n')[1].split("### Don't\n")

    do_examples = regex.findall(r'^- Write like this: “(.+)”$', do_part, regex.M)
    dont_examples = regex.findall(r'^- Not like this: “(.+)”$', dont_part, regex.M)
    assert len(do_examples) >= 2
    assert len(dont_examples) >= 2
    assert any('invoices' in example for example in do_examples + dont_examples)  # its own products
    assert 'closest to the friendly voice, with a touch of playful' in voice
    assert 'speaks to freelancers and independent creatives in a friendly voice' in voice


def test_logo_usage_gives_clear_space_minimum_sizes_and_misuse() -> None:
    document = build_offline_guidelines(LUMEN, PALETTE, TYPOGRAPHY, TAGLINES, 1)
    logo = document.split('## Logo usage')[1].split("## Do's and don'ts")[0]

    assert 'cap height' in logo
    assert '25%' in logo
    assert '24 px' in logo
    assert '10 mm' in logo
    assert 'set in Fraunces' in logo
    misuse = logo.split('### Misuse')[1]
    assert len(regex.findall(r"^- Don't ", misuse, regex.M)) == 4
    assert 'recolour it outside the palette (`#1b3a5c`, `#6b8fb3`, `#f2a541`, `#f5f3ef`, black and white)' in misuse


def test_logo_usage_names_only_the_files_the_kit_has() -> None:
    document = build_offline_guidelines(LUMEN, PALETTE, TYPOGRAPHY, TAGLINES, 1)
    logo = document.split('## Logo usage')[1].split('## Accessibility')[0]

    for variant in ('primary', 'reversed', 'mono dark', 'mono light', 'icon'):  # LogoConcept.variants
        assert variant in logo
    assert set(LogoVariants.model_fields) == {'primary', 'reversed', 'mono_dark', 'mono_light', 'icon'}
    assert 'PNGs at 512 and 1024 px' in logo  # the logos-png export
    assert 'all-white version' not in logo  # no file the kit does not have
    assert 'reversed file' in logo  # the colour rule points at real files


def test_applications_fit_the_sector_and_use_the_tagline() -> None:
    bank = build_offline_guidelines(LUMEN, PALETTE, TYPOGRAPHY, TAGLINES, 1)
    devtools = build_offline_guidelines(FORGE, PALETTE, TYPOGRAPHY, TAGLINES, 1)
    bakery = build_offline_guidelines(BAKERY, PALETTE, TYPOGRAPHY, TAGLINES, 1)

    assert '**Statements:**' in bank and '**Branch signage:**' in bank
    assert '**Docs site:**' in devtools
    assert (
        '**README and package page:** the logo small at the top, one sentence on what it does, the install command, '
        'then the tagline “Clarity you can count on.”'
    ) in devtools
    assert '**Menu board:** item names in Fraunces' in bakery
    assert '**Statements:**' not in bakery and '**Docs site:**' not in bank


def test_the_same_inputs_give_the_same_document() -> None:
    for profile in REALISTIC:
        first = build_offline_guidelines(profile, PALETTE, TYPOGRAPHY, TAGLINES, 42)
        assert build_offline_guidelines(profile.model_copy(), PALETTE, TYPOGRAPHY, TAGLINES, 42) == first


# --- safety -----------------------------------------------------------------------------------------------------------


def test_hostile_profile_text_cannot_inject_markup_or_links() -> None:
    hostile = CompanyProfile(
        name='<script>alert(1)</script> **x** [a](javascript:alert(1))',
        company_type=CompanyType.DEVTOOLS,
        industry='# Dev `tools` | x ~~y~~',
        description='<img src=x onerror=alert(1)> 1. We help developers ship code faster. ![i](http://e.com/x.png)',
        target_audience='> Developers & <b>SREs</b>',
        brand_values=['_speed_', '<i>x</i>', '- dash', '[link](http://evil.example)'],
        tone='<i>bold</i>',
    )
    hostile_tagline = [Tagline(id='t', text='<b>Ship</b> **faster** [now](javascript:x)', tone='bold', explanation='')]
    document = build_offline_guidelines(hostile, PALETTE, TYPOGRAPHY, hostile_tagline, 3)

    assert not UNESCAPED_ANGLE.search(document)
    assert not ENTITY.search(document)  # plain Markdown: backslash escapes, never entities
    assert rendered_elements(document) <= OUR_ELEMENTS
    rendered = COMMONMARK.render(document)
    assert 'href' not in rendered
    assert 'src=' not in rendered
    assert '**x**' in html.unescape(rendered)  # shown as the characters the person typed
    assert '&lt;script&gt;' in rendered


@PROPERTY_SETTINGS
@given(profile=profiles, seed=seeds, with_kit=st.booleans())
def test_any_profile_gives_complete_guidelines_with_only_our_markup(
    profile: CompanyProfile, seed: int, with_kit: bool
) -> None:
    document = build_offline_guidelines(
        profile, PALETTE if with_kit else None, TYPOGRAPHY if with_kit else None, TAGLINES if with_kit else None, seed
    )

    assert headings(document) == list(GUIDELINE_HEADINGS)
    assert not UNESCAPED_ANGLE.search(document)
    assert not ENTITY.search(document)
    assert rendered_elements(document) <= OUR_ELEMENTS
    assert residue(reader_text(document), profile) == []
    values_section = document.split('### Values')[1].split('## Personality')[0]
    for value in filter(None, map(read_value, profile.brand_values)):
        assert escape_markdown(value.title) in values_section


@settings(deadline=None, max_examples=300)
@given(text=st.one_of(st.sampled_from(HOSTILE), st.text(st.characters(exclude_categories=['Cs', 'Cc']), max_size=80)))
def test_escaped_text_renders_as_exactly_the_same_characters(text: str) -> None:
    collapsed = ' '.join(text.split())
    rendered = COMMONMARK.render(escape_markdown(text))

    assert html.unescape(regex.sub(r'^<p>|</p>\n$', '', rendered)) == collapsed


def test_escaping_examples() -> None:
    assert escape_markdown('**x** <b>') == r'\*\*x\*\* \<b\>'
    assert escape_markdown('[a](javascript:alert(1))') == r'\[a\](javascript:alert(1))'
    assert escape_markdown('# Title') == r'\# Title'
    assert escape_markdown('1. First') == r'1\. First'
    assert escape_markdown('a | b ~ c & d') == r'a \| b \~ c & d'  # an '&' that starts no entity stays as it is
    assert escape_markdown('Arbor & Ash Capital') == 'Arbor & Ash Capital'
    assert escape_markdown('R&amp;D') == r'R\&amp;D'  # shown as typed, never decoded
    assert escape_markdown('Line one\n\n- Line two') == r'Line one - Line two'
