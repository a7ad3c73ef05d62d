"""The palette card of an offline kit: APCA Lc beside every WCAG 2 ratio, and how far apart the brand roles lie."""

from __future__ import annotations

from nicegui.testing import User

from bench.corpus import corpus_profiles
from branding.design.color import apca_contrast, delta_e_ok
from branding.sections.palette import build_offline_palette
from components.cards import palette_card
from tests.ui.test_cards import OFFLINE, show


async def test_every_contrast_pair_shows_its_apca_lc_beside_the_wcag_ratio(user: User) -> None:
    palette = build_offline_palette(corpus_profiles()[0], 0)
    await show(user, lambda: palette_card.create(palette, provenance=OFFLINE))
    await user.should_see('advisory readout')
    texts = [
        label.text
        for element in user.find(marker='contrast-check').elements
        for label in element.descendants()
        if hasattr(label, 'text') and ':1' in str(getattr(label, 'text', ''))
    ]
    expected = sorted(
        f'{check.ratio:.2f}:1 · APCA Lc {round(apca_contrast(check.foreground, check.background), 1):.0f} ·'
        for check in palette.contrast
    )
    assert sorted(text[: text.index(' · ', text.index('APCA')) + 2] for text in texts) == expected


async def test_the_card_reports_the_distance_between_brand_roles(user: User) -> None:
    palette = build_offline_palette(corpus_profiles()[0], 0)
    await show(user, lambda: palette_card.create(palette, provenance=OFFLINE))
    distance = delta_e_ok(palette.secondary, palette.accent)
    await user.should_see(f'secondary–accent {distance:.2f} (at least 0.15, apart)')
