"""The logo card's files through NiceGUI's simulated User: the concepts large on light and dark, the icon at 32 px and
in a browser tab, a download of every logo file, and the logo pack of a generated kit."""

from __future__ import annotations

import io
import zipfile

from nicegui import ui
from nicegui.testing import User

from branding.models import CompanyProfile, CompanyType, LogoConcept
from branding.sections.logos import build_offline_logos
from branding.sections.palette import build_offline_palette
from branding.sections.typography import build_offline_typography
from components.cards import logos_card
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS
from tests.ui.test_studio import generate_example

PROFILE = CompanyProfile(
    name='Hearthstone <b>Bakery</b>',
    company_type=CompanyType.ECOMMERCE,
    industry='Bakery',
    description='Sourdough and pastries baked before dawn in a wood-fired oven.',
    target_audience='neighbours and cafés',
    brand_values=['warmth', 'craft'],
    tone='friendly',
)


def concepts() -> list[LogoConcept]:
    palette = build_offline_palette(PROFILE, 4)
    typography = build_offline_typography(PROFILE, 4, fonts=INSTALLED_FONTS)
    return build_offline_logos(PROFILE, palette, typography, 2, 4, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)


async def show(user: User, logos: list[LogoConcept], kit_id: str | None = None) -> None:
    @ui.page('/logos')
    def page() -> None:
        logos_card.create(logos, provenance=None, company_name=PROFILE.name, kit_id=kit_id)

    await user.open('/logos')


async def test_each_concept_shows_on_light_and_dark_with_its_icon_small_and_in_a_tab(user: User) -> None:
    logos = concepts()
    await show(user, logos)
    for concept in logos:
        assert concept.variants is not None
        with user.scope(marker=f'logo-{concept.id}'):
            await user.should_see(marker='logo-preview-light')
            await user.should_see(marker='logo-preview-dark')
            await user.should_see(marker='browser-tab')
            await user.should_see(marker='legibility')
            sources = {image.props['alt']: image.props['src'] for image in user.find(kind=ui.image).elements}
        style = concept.style.value.capitalize()
        shown = {
            f'{style} logo concept for {PROFILE.name}, on a light background': concept.variants.primary,
            f'{style} logo concept for {PROFILE.name}, on a dark background': concept.variants.reversed,
            f'{PROFILE.name} icon at 32 pixels': concept.variants.icon,
            f'{PROFILE.name} favicon in a browser tab': concept.variants.icon,
        }
        for alt, svg in shown.items():
            assert sources[alt] == logos_card._data_uri(svg), alt
    # no pack without a saved kit to make it from
    await user.should_not_see(marker='download-logo-pack')


async def test_every_logo_file_downloads_as_svg_and_png(user: User) -> None:
    logos = concepts()
    await show(user, logos[:1])
    variants = logos[0].variants
    assert variants is not None
    for key, svg in variants.model_dump().items():
        user.find(marker=f'download-{key}-svg').click()
        assert (await user.download.next()).content == svg.encode()
    user.find(marker='download-icon-png').click()
    png = (await user.download.next(timeout=10)).content
    assert png[:8] == b'\x89PNG\r\n\x1a\n'
    assert int.from_bytes(png[16:20], 'big') == int.from_bytes(png[20:24], 'big') == 1024  # the icon is square


async def test_a_generated_kit_offers_its_logo_pack(user: User) -> None:
    await generate_example(user)
    with user.scope(marker='card-logos'):
        user.find(marker='download-logo-pack').click()
    response = await user.download.next(timeout=60)
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
    folders = {name.split('/')[0] for name in names if name.startswith('logo-')}
    assert folders and 'README.txt' in names and 'LICENSES/fonts.txt' in names
    for folder in folders:
        assert f'{folder}/favicon/favicon.ico' in names
        assert sum(name.startswith(f'{folder}/svg/') for name in names) == 5
        assert sum(name.startswith(f'{folder}/png/') for name in names) == 15
