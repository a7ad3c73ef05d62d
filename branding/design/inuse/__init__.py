"""The brand in use: the brand board and mockups (business cards, social headers, a website hero, a phone home screen,
a slide, a letterhead, an email signature), each a template drawn in code from the kit, as SVG with outlined text.

    drawing = MOCKUPS['instagram-post'].draw(in_use(kit, fonts))   # a Canvas: .svg(), .pairs (text on ground)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from branding.design.inuse import board, business_card, letterhead, phone, signature, slide, social, website
from branding.design.inuse.canvas import Canvas, TextPair
from branding.design.inuse.context import InUse, in_use

__all__ = ['BOARDS', 'MOCKUPS', 'Canvas', 'InUse', 'Mockup', 'TextPair', 'in_use']


@dataclass(kw_only=True, slots=True, frozen=True)
class Mockup:
    name: str  # the file stem: 'business-card-front'
    title: str
    width: int  # px
    height: int
    draw: Callable[[InUse], Canvas]
    note: str = ''


def _table(*mockups: Mockup) -> dict[str, Mockup]:
    return {mockup.name: mockup for mockup in mockups}


BOARDS: dict[str, Mockup] = _table(
    Mockup(name='brand-board', title='Brand board', width=1600, height=1000, draw=board.board),
    Mockup(name='link-preview', title='Link preview', width=1200, height=630, draw=board.preview),
    Mockup(
        name='signature-logo',
        title='Email signature logo',
        width=signature.LOGO_SIZE,
        height=signature.LOGO_SIZE,
        draw=signature.logo,
        note='the image the signature HTML shows from where it is hosted, 80 px wide',
    ),
)

MOCKUPS: dict[str, Mockup] = _table(
    Mockup(
        name='business-card-front',
        title='Business card, front',
        width=business_card.WIDTH,
        height=business_card.HEIGHT,
        draw=business_card.front,
        note='3.5 x 2 in at 300 dpi with 0.125 in bleed each side (trim 1050 x 600)',
    ),
    Mockup(
        name='business-card-back',
        title='Business card, back',
        width=business_card.WIDTH,
        height=business_card.HEIGHT,
        draw=business_card.back,
        note='3.5 x 2 in at 300 dpi with 0.125 in bleed each side (trim 1050 x 600)',
    ),
    Mockup(name='linkedin-banner', title='LinkedIn banner', width=1584, height=396, draw=social.linkedin),
    Mockup(name='x-header', title='X header', width=1500, height=500, draw=social.x_header),
    Mockup(name='instagram-post', title='Instagram post', width=1080, height=1080, draw=social.instagram),
    Mockup(name='avatar', title='Avatar', width=800, height=800, draw=social.avatar),
    Mockup(name='website-light', title='Website hero, light', width=1440, height=900, draw=website.light),
    Mockup(name='website-dark', title='Website hero, dark', width=1440, height=900, draw=website.dark),
    Mockup(name='phone-home-screen', title='Phone home screen', width=1170, height=2532, draw=phone.home_screen),
    Mockup(name='slide-title', title='Slide title page', width=1920, height=1080, draw=slide.title),
    Mockup(
        name='letterhead',
        title='Letterhead',
        width=letterhead.WIDTH,
        height=letterhead.HEIGHT,
        draw=letterhead.letterhead,
        note='A4 (210 x 297 mm); the PNG at 150 dpi, the SVG prints at size',
    ),
    Mockup(
        name='email-signature',
        title='Email signature',
        width=signature.WIDTH,
        height=signature.HEIGHT,
        draw=signature.picture,
        note='the HTML file pastes into a mail client; the PNG shows it',
    ),
)
