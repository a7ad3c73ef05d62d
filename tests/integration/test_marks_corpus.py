"""What a user sees of the marks' symbols: offline kits for companies of the benchmark corpus, made through the service
as the studio and the API make them."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest

from bench.corpus import corpus_profiles
from branding.models import BrandingRequest, BrandKit, CompanyProfile, Focus, LogoConcept
from branding.sections.logos import SYMBOL_STYLES
from branding.service import KitService, build_kit_service
from branding.settings import Settings
from tests.icons import INSTALLED_ICONS, needs_icons

pytestmark = needs_icons

SYMBOL = re.compile(r'The symbol is (an? [^,]+), ([^.]+)\.')
PROFILES = {profile.name: profile for profile in corpus_profiles()}


@pytest.fixture
async def service() -> AsyncIterator[KitService]:
    built = build_kit_service(Settings())
    built.icons = INSTALLED_ICONS
    try:
        yield built
    finally:
        await built.close()


async def kit_for(service: KitService, name: str, seed: int, count: int = 6) -> BrandKit:
    profile: CompanyProfile = PROFILES[name]
    request = BrandingRequest(company_profile=profile, num_variations=count, focus=Focus('logo'), seed=seed)
    return await service.generate(request, owner='marks-test', reuse=False)


def symbols(kit: BrandKit) -> dict[str, tuple[str, str]]:
    """Each symbol-led concept's symbol and where it came from, as its description tells the user."""
    found: dict[str, tuple[str, str]] = {}
    for logo in kit.logos:
        match = SYMBOL.search(logo.description)
        if match:
            found[logo.id] = (match.group(1), match.group(2))
    return found


def symbol_led(kit: BrandKit) -> list[LogoConcept]:
    return [logo for logo in kit.logos if logo.style in SYMBOL_STYLES]


@pytest.mark.parametrize('seed', [1, 2])
async def test_tidewater_gets_a_wave_from_its_name(service: KitService, seed: int) -> None:
    kit = await kit_for(service, 'Tidewater Credit Union', seed)
    pictorial = next(logo for logo in kit.logos if logo.style.value == 'pictorial')

    assert symbols(kit)[pictorial.id] == ('a wave', "from 'Tide' in Tidewater")
    assert "'Tide'" in pictorial.rationale
    assert '<text' not in pictorial.svg or 'Tidewater' in pictorial.svg


@pytest.mark.parametrize('seed', [1, 2, 3])
async def test_the_bakery_gets_bread_fire_or_grain(service: KitService, seed: int) -> None:
    kit = await kit_for(service, 'Hearthstone Bakery', seed)
    drawn = {label for label, _ in symbols(kit).values()}

    assert drawn & {'a loaf of bread', 'a flame', 'an ear of wheat'}, drawn


async def test_a_shield_only_where_it_belongs(service: KitService) -> None:
    perfume = [await kit_for(service, 'Maison Velours', seed) for seed in range(1, 4)]
    security = await kit_for(service, 'Sentinel Ridge', 1)

    for kit in perfume:
        for logo in kit.logos:
            assert 'shield' not in logo.description.lower() and 'shield' not in logo.rationale.lower()
        assert 'a perfume bottle' in {label for label, _ in symbols(kit).values()}
    assert 'a shield' in {label for label, _ in symbols(security).values()}  # a cliché, in its own sector


@pytest.mark.parametrize(
    'name', ['Tidewater Credit Union', 'Nimbus Forge', 'Arbor & Ash Capital', 'Q', 'بيت التمويل', 'Stitch & Thread']
)
async def test_every_symbol_led_concept_has_its_own_symbol(service: KitService, name: str) -> None:
    kit = await kit_for(service, name, 7, count=10)
    drawn = symbols(kit)

    assert set(drawn) == {logo.id for logo in symbol_led(kit)}  # each says what it draws and why
    labels = [label for label, _ in drawn.values()]
    assert len(labels) == len(set(labels))


async def test_the_same_seed_draws_the_same_marks(service: KitService) -> None:
    first = await kit_for(service, 'Nimbus Forge', 11)
    again = await kit_for(service, 'Nimbus Forge', 11)

    assert [logo.svg for logo in first.logos] == [logo.svg for logo in again.logos]
    assert symbols(first) == symbols(again)
    assert {label for label, _ in symbols(first).values()} & {'a cloud', 'a hammer', 'an anvil'}
