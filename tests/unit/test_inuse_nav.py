"""The website hero's navigation bar with a wide logo (a wordmark, an icon beside the name): the logo fills its slot
instead of sitting small inside its file's clear space, and stays in the slot, clear of the links. The email
signature's logo: a hosted image, sized, escaped, never a script or data URL."""

from __future__ import annotations

import io
import re
from html import escape

import pytest
from PIL import Image, ImageChops

from branding.design.inuse import MOCKUPS, in_use
from branding.design.inuse.canvas import view_box_aspect
from branding.design.inuse.pieces import STACKED, tight_lockup
from branding.design.inuse.signature import html as signature_html
from branding.design.inuse.website import NAV_LOGO, SIDE
from branding.exports.inuse import drawing_png, render
from branding.models import BrandKit, LogoStyle
from branding.sections.logos import build_offline_logos
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS
from tests.unit.test_inuse import kit_for, profile

NAMES = ('Lumen Ledger', 'Hearthstone Bakery', 'Northwind Analytics Group')
WIDE = (LogoStyle.WORDMARK, LogoStyle.COMBINATION)
NAV_BAR = 111  # px: the bar's bottom rule
LINKS_START = 780  # px: where the first navigation link begins


def wide_logo_kits() -> list[tuple[str, BrandKit]]:
    """Each name's kit with each of its wide logo concepts as the logo."""
    kits = []
    for name in NAMES:
        company = profile(name)
        kit = kit_for(company, 1)
        assert kit.color_palette is not None and kit.typography is not None
        logos = build_offline_logos(
            company, kit.color_palette, kit.typography, 5, 1, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS
        )
        for concept in logos:
            if concept.style in WIDE and concept.variants and view_box_aspect(concept.variants.primary) >= STACKED:
                kits.append((f'{name} {concept.style.value}', kit.model_copy(update={'logos': [concept]})))
    return kits


def ink(image: Image.Image, ground: str) -> tuple[int, int, int, int] | None:
    """The box of every pixel that is not the ground (anti-aliasing included)."""
    plain = Image.new('RGB', image.size, ground)
    return (
        ImageChops.difference(image.convert('RGB'), plain).convert('L').point(lambda v: 255 if v > 24 else 0).getbbox()
    )


@pytest.mark.parametrize(('label', 'kit'), wide_logo_kits())
@pytest.mark.parametrize('mode', ['light', 'dark'])
def test_a_wide_logo_fills_the_navigation_slot(label: str, kit: BrandKit, mode: str) -> None:
    ctx = in_use(kit, INSTALLED_FONTS)
    mockup = MOCKUPS[f'website-{mode}']
    png = render(mockup.draw(ctx).svg(printed=False), mockup)
    ground = (ctx.light if mode == 'light' else ctx.dark).background
    with Image.open(io.BytesIO(png)) as hero:
        bar = hero.crop((0, 0, LINKS_START, NAV_BAR - 1))
        found = ink(bar, ground)
    assert found is not None, f'{label}: no logo in the navigation'
    left, top, right, bottom = found
    top_y, slot_w, slot_h = NAV_LOGO
    # inside its slot, clear of the links and of the bar's rule
    assert left >= SIDE - 1 and right <= SIDE + slot_w + 1 and top >= top_y - 1 and bottom <= top_y + slot_h + 1, label
    # as large as the slot allows: most of its height, or its whole width for a long one
    assert bottom - top >= 0.6 * slot_h or right - left >= 0.9 * slot_w, (label, found)


def test_a_tight_lockup_keeps_all_of_its_ink() -> None:
    """Drawn in to its ink, a lockup loses nothing: rendered at the same scale, the ink is the same."""
    _, kit = wide_logo_kits()[0]
    assert kit.logos[0].variants is not None
    svg = kit.logos[0].variants.primary
    tight = tight_lockup(svg)
    assert view_box_aspect(tight) > view_box_aspect(svg), 'the clear space above and below is dropped'
    assert tight_lockup('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 2"></svg>').count('0 0 10 2') == 1


def test_the_signature_shows_its_logo_from_where_it_is_hosted() -> None:
    name = '<script>alert(1)</script> & "Co"'
    ctx = in_use(kit_for(profile(name), 2), INSTALLED_FONTS)
    url = 'https://brand.example/api/v1/kits/abc/in-use/signature-logo.png?v=1&x="><script>'
    page = signature_html(ctx, logo_url=url)
    images = re.findall(r'<img [^>]*>', page)
    assert len(images) == 1
    assert f'src="{escape(url)}"' in images[0] and f'alt="{escape(name)}"' in images[0]
    assert 'width="80" height="80"' in images[0], 'sized before it loads, as mail clients need'
    assert '<script>' not in page
    # no hosted URL (or one a mail client would not fetch): the signature is text alone
    assert '<img' not in signature_html(ctx) and '<img' not in signature_html(ctx, logo_url='javascript:alert(1)')
    assert '<img' not in signature_html(ctx, logo_url='data:image/png;base64,AAAA')


def test_the_hosted_signature_logo_is_the_icon_on_white() -> None:
    kit = kit_for(profile('Hearthstone Bakery'), 4)
    assert kit.logos[0].variants is not None
    png = drawing_png(kit, INSTALLED_FONTS, 'signature-logo')
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (240, 240)
        rgb = image.convert('RGB')
        assert rgb.getpixel((0, 0)) == (255, 255, 255), 'the tile on white, as mail clients show it'
        assert ink(rgb, '#ffffff') is not None, 'not blank'
