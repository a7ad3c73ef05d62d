"""The typography card for a name in another script: the specimen sets the name in the heading stack, which falls back
to the kit's script face (served from /fonts), right to left for an Arabic or Hebrew name."""

from __future__ import annotations

import pytest
from nicegui import ui
from nicegui.testing import User

from branding.models import CompanyProfile, CompanyType
from branding.sections.typography import build_offline_typography
from components.cards import typography_card
from tests.fonts import INSTALLED_FONTS
from tests.ui.test_cards import OFFLINE, element_with, show


def profile(name: str) -> CompanyProfile:
    return CompanyProfile(
        name=name,
        company_type=CompanyType.FINTECH,
        industry='Islamic banking',
        description='Savings and home finance without interest, for families and small merchants.',
        target_audience='families',
        brand_values=['trust', 'fairness'],
        tone='calm',
    )


@pytest.mark.parametrize(
    ('name', 'family', 'direction', 'label'),
    [
        ('بيت التمويل', 'Noto Sans Arabic', 'rtl', 'Arabic'),
        ('שלום טק', 'Noto Sans Hebrew', 'rtl', 'Hebrew'),
        ('さくらデザイン', 'Noto Sans JP', 'ltr', 'Japanese'),
        ('गंगा आयुर्वेद', 'Noto Sans Devanagari', 'ltr', 'Devanagari'),
        ('Αθηνά Λογισμικό', 'Noto Sans', 'ltr', 'Greek'),
        ('Москва Дизайн', 'Noto Sans', 'ltr', 'Cyrillic'),
    ],
)
async def test_the_specimen_sets_the_name_in_a_face_with_its_glyphs_and_its_direction(
    user: User, name: str, family: str, direction: str, label: str
) -> None:
    typography = build_offline_typography(profile(name), 1, fonts=INSTALLED_FONTS)

    def build() -> None:
        typography_card.create(typography, provenance=OFFLINE, company_name=name)
        typography_card.load_font_faces(typography, INSTALLED_FONTS)

    await show(user, build)
    specimen = element_with(user, 'specimen-name')
    assert isinstance(specimen, ui.label) and specimen.text == name
    assert specimen.props['dir'] == direction
    first, second, *_ = specimen.style['font-family'].split(', ')
    assert first.strip("'") == typography.heading_font  # the Latin companion first, for Latin letters
    assert second == f"'{family}'"  # then the face that has the name's glyphs
    await user.should_see(f'{label}: {family}')
    with user.scope(marker='font-script'):
        await user.should_see(f'Sets {label}')
    assert user.client is not None
    head = user.client._head_html
    package = family.lower().replace(' ', '-')
    assert f"font-family: '{family}'" in head and f"url('/fonts/{package}/files/{package}-" in head
    assert f'Scripts: {name} is written in {label}' in typography.rationale


async def test_a_latin_name_gets_no_script_face_and_reads_left_to_right(user: User) -> None:
    typography = build_offline_typography(profile('Tidewater Credit Union'), 1, fonts=INSTALLED_FONTS)
    assert [font.role for font in typography.fonts] == ['heading', 'body', 'accent']
    await show(user, lambda: typography_card.create(typography, provenance=OFFLINE, company_name='Tidewater'))
    assert element_with(user, 'specimen-name').props['dir'] == 'ltr'
