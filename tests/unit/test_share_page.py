"""The share page's HTML, from the pure renderer: every section as text, and hostile kit text never read as markup."""

from __future__ import annotations

import asyncio
import base64
import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest

from branding.chain import ProviderChain
from branding.design.inuse import MOCKUPS
from branding.models import (
    BrandingRequest,
    BrandKit,
    CompanyProfile,
    CompanyType,
    SectionProvenance,
    SectionStatus,
)
from branding.orchestrator import generate_kit
from branding.registry import SECTIONS
from branding.settings import Settings
from components import in_use, share_page
from components.cards import logos_card
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS
from tests.parsed_html import ParsedPage

MADE = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
NAME = '</style><script>alert("name")</script> O\'Neil & "Sons"'


def hostile(field: str) -> str:
    """Markup, a closing style tag and both quotes, named after the field it goes into."""
    return f'</style><script>alert("{field}")</script><img src=x onerror=alert(1)> \'{field}\' & "{field}"'


def offline_kit(name: str = 'Lumen Ledger') -> BrandKit:
    profile = CompanyProfile(
        name=name,
        company_type=CompanyType.FINTECH,
        industry='Personal finance',
        description='Cash flow at a glance for freelancers and small studios.',
        target_audience='Freelancers',
        brand_values=['clarity', 'trust'],
        tone='friendly',
    )
    request = BrandingRequest(company_profile=profile, num_variations=2, seed=3)
    return asyncio.run(
        generate_kit(request, chain=ProviderChain([], Settings()), fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)
    )


def poisoned_kit() -> BrandKit:
    """An offline kit with hostile text in every field a model or a profile can fill."""
    kit = offline_kit(NAME)
    palette = kit.color_palette
    typography = kit.typography
    assert palette is not None and typography is not None
    logos = [
        logo.model_copy(
            update={
                'description': hostile(f'logo-description-{index}'),
                'rationale': hostile(f'logo-rationale-{index}'),
                'prompt_used': hostile(f'logo-prompt-{index}'),
                # a provider's remote or script URL: the page rebuilds the image from the SVG instead
                'image_url': 'javascript:alert(1)' if index else 'https://tracker.example/pixel.svg',
            }
        )
        for index, logo in enumerate(kit.logos)
    ]
    taglines = [
        tagline.model_copy(
            update={
                'text': hostile(f'tagline-{index}'),
                'tone': hostile(f'tone-{index}'),
                'explanation': hostile(f'explanation-{index}'),
            }
        )
        for index, tagline in enumerate(kit.taglines)
    ]
    # a colour that is not a colour never reaches a style attribute
    not_a_colour = 'red;background:url(https://tracker.example/x)'
    roles = [
        role.model_copy(
            update={
                'name': hostile(f'colour-name-{role.role}'),
                'usage': hostile(f'usage-{role.role}'),
                'hex': not_a_colour,
            }
        )
        for role in palette.roles
    ]
    contrast = [
        check.model_copy(update={'foreground_role': hostile('contrast-role'), 'foreground': not_a_colour})
        for check in palette.contrast
    ]
    scales = {role: {**steps, '500': not_a_colour} for role, steps in palette.scales.items()}
    palette = palette.model_copy(
        update={
            'rationale': hostile('palette-rationale'),
            'usage_guidelines': hostile('palette-usage'),
            'psychology': {role: hostile(f'psychology-{role}') for role in palette.psychology},
            'roles': roles,
            'contrast': contrast,
            'adjustments': [hostile('palette-adjustment')],
            'scales': scales,
            'light': palette.light.model_copy(update={'primary': not_a_colour}) if palette.light else None,
        }
    )
    fonts = [
        font.model_copy(
            update={
                'family': hostile(f'family-{font.role}'),
                'css_stack': f'x;}}</style><script>alert("{font.role}")</script>',
                'license': hostile(f'license-{font.role}'),
                'note': hostile(f'font-note-{font.role}'),
                'available_offline': font.role != 'accent',
            }
        )
        for font in typography.fonts
    ]
    typography = typography.model_copy(
        update={
            'heading_font': hostile('heading-font'),
            'rationale': hostile('typography-rationale'),
            'pairings': [
                pairing.model_copy(update={'context': hostile('pairing-context'), 'recommendation': hostile('pairing')})
                for pairing in typography.pairings
            ],
            'fonts': fonts,
            'adjustments': [hostile('typography-adjustment')],
            'css': hostile('typography-css'),
            'scale_name': hostile('scale-name'),
        }
    )
    guidelines = (
        '# Voice\n\n<script>alert("guidelines")</script>\n\n'
        '[a link](javascript:alert(1)) and <img src=x onerror=alert(2)>\n\n- one\n- two\n'
    )
    sections = {
        section: SectionProvenance(
            status=SectionStatus.FALLBACK,
            provider='together',
            model=hostile(f'model-{section}'),
            latency_ms=1200,
            attempts=2,
            note=hostile(f'note-{section}'),
        )
        for section in kit.sections
    }
    return kit.model_copy(
        update={
            'logos': logos,
            'taglines': taglines,
            'color_palette': palette,
            'typography': typography,
            'brand_guidelines': guidelines,
            'sections': sections,
        }
    )


@pytest.fixture(scope='module')
def poisoned() -> BrandKit:
    return poisoned_kit()


@pytest.fixture(scope='module')
def page(poisoned: BrandKit) -> ParsedPage:
    return ParsedPage(share_page.kit_page(poisoned, created_at=MADE, font_face_css='@font-face{}</style><b>x</b>'))


def test_the_page_has_only_its_own_script_and_styles(page: ParsedPage) -> None:
    assert page.scripts == [share_page.SCRIPT]
    assert page.tags.count('script') == 1
    assert page.styles[0] == share_page.STYLE
    assert all('</' not in style for style in page.styles), 'a style element was closed from inside'
    assert [name for _, name, _ in page.attributes if name.startswith('on')] == []
    assert 'b' not in page.tags


def test_no_kit_text_becomes_a_link_an_image_or_a_style(poisoned: BrandKit, page: ParsedPage) -> None:
    hrefs = set(page.values('href'))
    # the links are the page's own, the logo pack's and the logo files' (the Markdown's javascript: link is text)
    files = {href for href in hrefs if href.startswith('data:image/svg+xml;base64,')}
    # and the board's and mockups' (the kit's id is a URL-safe token, its text is in none of them)
    drawings = {href for href in hrefs if href.startswith(f'/api/v1/kits/{poisoned.id}/in-use/')}
    drawings |= {in_use.mockups_zip_url(poisoned)}
    assert hrefs - files - drawings == {'/', '#main', share_page.FAVICON, logos_card.pack_url(poisoned.id)}
    drawn = {svg for logo in poisoned.logos if logo.variants for svg in logo.variants.model_dump().values()}
    assert {base64.b64decode(href.split(',', 1)[1]).decode() for href in files} == drawn
    in_use_source = re.compile(
        rf'/api/v1/kits/{re.escape(poisoned.id)}/in-use/[a-z-]+\.png\?v=[0-9a-f]+(&thumbnail=true)?'
    )
    sources = page.values('src')
    assert all(source.startswith('data:image/svg+xml') or in_use_source.fullmatch(source) for source in sources)
    assert not [value for value in page.values('src') + page.values('href') if 'javascript' in value.lower()]
    for style in page.values('style'):
        assert not re.search(r'url\(|[<>]|expression|script|\\', style, re.IGNORECASE), style
        colours = re.findall(r'(?:color|background-color):([^;]+)', style)
        assert all(re.fullmatch(r'#[0-9a-f]{6}', colour) for colour in colours), style


def test_every_hostile_text_is_shown_as_text(poisoned: BrandKit, page: ParsedPage) -> None:
    palette, typography = poisoned.color_palette, poisoned.typography
    assert palette is not None and typography is not None
    shown = [logo.description for logo in poisoned.logos] + [logo.prompt_used for logo in poisoned.logos]
    shown += [logo.rationale for logo in poisoned.logos]
    shown += [text for tagline in poisoned.taglines for text in (tagline.text, tagline.tone, tagline.explanation)]
    shown += [palette.rationale, palette.usage_guidelines, *palette.psychology.values(), *palette.adjustments]
    shown += [text for role in palette.roles for text in (role.name, role.usage)]
    shown += [check.foreground_role for check in palette.contrast]
    shown += [typography.rationale, typography.heading_font, *typography.adjustments]
    shown += [text for pairing in typography.pairings for text in (pairing.context, pairing.recommendation)]
    shown += [text for font in typography.fonts for text in (font.family, font.license, font.note)]
    shown += [provenance.note for provenance in poisoned.sections.values()]
    text = page.visible_text
    missing = [item for item in shown if item not in text]
    assert missing == []
    assert '<script>alert("guidelines")</script>' in text  # raw HTML in the Markdown is shown, not run
    assert f'{NAME}: brand kit' in text


def test_the_copy_buttons_carry_the_kit_text_as_attribute_values(poisoned: BrandKit, page: ParsedPage) -> None:
    copies = page.values('data-copy')
    assert poisoned.taglines[0].text in copies
    assert poisoned.typography is not None and poisoned.typography.css in copies
    assert poisoned.brand_guidelines in copies


def test_the_title_heading_and_date_name_the_kit(page: ParsedPage) -> None:
    assert page.title == f'{NAME} brand kit · Brandsmith'
    assert page.tags.count('h1') == 1
    assert 'Made 14 Mar 2026' in page.visible_text


def test_every_section_is_a_card_with_its_title_and_provenance() -> None:
    kit = offline_kit()
    parsed = ParsedPage(share_page.kit_page(kit, created_at=MADE))
    text = parsed.visible_text
    titles = [title for title in (spec.title for spec in SECTIONS.values()) if title in text]
    assert titles == ['Logo concepts', 'Colour palette', 'Typography', 'Taglines', 'Brand guidelines']
    assert parsed.tags.count('h2') == len(SECTIONS) + 1  # and the "In use" card
    assert {f'card-{section}' for section in kit.sections} <= set(parsed.values('data-testid'))
    assert text.count('offline engine') >= len(SECTIONS)
    assert kit.taglines[0].text in text
    palette = kit.color_palette
    assert palette is not None
    assert all(role.hex in text and role.name in text for role in palette.roles)
    assert 'Contrast (WCAG 2)' in text and 'Colour vision' in text
    typography = kit.typography
    assert typography is not None
    assert all(font.family in text for font in typography.fonts)
    # each mark on a light and a dark background, its icon at 32 px and in a browser tab
    marks = [source for source in parsed.values('src') if source.startswith('data:')]
    assert len(marks) == 4 * len(kit.logos)
    # the board, and each mockup's thumbnail
    assert len(parsed.values('src')) - len(marks) == 1 + len(MOCKUPS)
    assert 'Regenerate' not in text, 'the share page is read-only'


def test_a_kit_of_one_section_shows_that_section_only() -> None:
    kit = offline_kit()
    only_taglines = kit.model_copy(update={'sections': {section: kit.sections[section] for section in ['taglines']}})
    text = ParsedPage(share_page.kit_page(only_taglines, created_at=MADE)).visible_text
    assert 'Taglines' in text
    assert 'Colour palette' not in text and 'Logo concepts' not in text


def test_the_missing_page_says_so_and_links_to_the_studio() -> None:
    parsed = ParsedPage(share_page.missing_page())
    assert 'This kit is not here' in parsed.visible_text
    assert 'Make a new brand kit' in parsed.visible_text
    assert '/' in parsed.values('href')
    assert parsed.tags.count('h1') == 1


def test_each_logo_shows_large_on_light_and_dark_with_its_icon_and_every_file_to_download() -> None:
    kit = offline_kit('Hearthstone & Ash')
    markup = share_page.kit_page(kit, created_at=MADE)
    parsed = ParsedPage(markup)
    testids = parsed.values('data-testid')
    assert testids.count('logo-preview-light') == testids.count('logo-preview-dark') == len(kit.logos)
    assert testids.count('browser-tab') == len(kit.logos) and 'download-logo-pack' in testids
    downloads = {
        (tag_attrs['data-testid'], tag_attrs['download'], tag_attrs['href'])
        for tag_attrs in Anchors(markup).found
        if tag_attrs.get('data-testid', '').endswith('-svg')
    }
    for logo in kit.logos:
        assert logo.variants is not None
        for key, svg in logo.variants.model_dump().items():
            href = 'data:image/svg+xml;base64,' + base64.b64encode(svg.encode()).decode()
            assert any(testid == f'download-{key}-svg' and link == href for testid, _, link in downloads), key
    assert all(name.isascii() and name.endswith('.svg') and '/' not in name for _, name, _ in downloads)
    alts = parsed.values('alt')
    assert 'Hearthstone & Ash icon at 32 pixels' in alts
    assert 'Hearthstone & Ash favicon in a browser tab' in alts


class Anchors(HTMLParser):
    """Each <a> element's attributes, in document order."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict[str, str]] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == 'a':
            self.found.append({name: value or '' for name, value in attrs})


@pytest.mark.parametrize(('name', 'direction'), [('بيت التمويل', 'rtl'), ('שלום טק', 'rtl'), ('Lumen Ledger', 'ltr')])
def test_a_right_to_left_name_is_set_right_to_left_and_isolated_in_the_heading(name: str, direction: str) -> None:
    markup = share_page.kit_page(offline_kit(name), created_at=MADE)
    assert re.search(rf'<div class="wrap" dir="{direction}"[^>]*>{re.escape(name)}</div>', markup)
    # isolated, so the heading reads '<name>: brand kit' whatever the name's direction
    assert f'<h1><bdi>{name}</bdi>: brand kit</h1>' in markup
