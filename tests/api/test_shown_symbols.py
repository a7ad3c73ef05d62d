"""Logos made again for a saved kit do not bring back the symbols its earlier revisions showed, not only the kit's own:
the studio's Regenerate (KitService.regenerate) and the API's regenerate-rest read the kit's last revisions that
changed its logos. While the company has icons left, no symbol repeats across the versions; when they run out, the
oldest come back first, never the kit's own while an older one is left. A locked concept keeps its symbol, which no
other concept draws; a kit without earlier revisions is made again as before."""

from __future__ import annotations

from typing import Any

import httpx

from bench.corpus import corpus_profiles
from branding.models import BrandingRequest, BrandKit, SectionName
from branding.orchestrator import regenerate_section
from branding.owners import CALLER_HEADER
from branding.refine.history import earlier_versions
from branding.service import KitService
from tests.icons import needs_icons

pytestmark = needs_icons

ALICE = {CALLER_HEADER: 'alice-caller-id-0123456789abcdef'}
PROFILES = {profile.name: profile for profile in corpus_profiles()}
BAKERY = PROFILES['Hearthstone Bakery']  # twelve concepts, some with more than one icon
BANK = PROFILES['Granite Trust Bank']  # seven concepts: three versions use nearly all of them
VARIATIONS = 6  # the pictorial, combination and emblem marks each draw a symbol


def drawn(kit: BrandKit) -> list[str]:
    return [logo.symbol for logo in kit.logos if logo.symbol is not None]


async def versions(service: KitService, name: str, seeds: tuple[int, ...]) -> list[list[str]]:
    """The icons of a saved kit's concepts, then of each regeneration of its logos through the service."""
    request = BrandingRequest(company_profile=PROFILES[name], num_variations=VARIATIONS, seed=1)
    kit = await service.generate(request, owner='alice', reuse=False)
    seen = [drawn(kit)]
    for seed in seeds:
        kit = (await service.regenerate(request, kit, SectionName.LOGOS, owner='alice', seed=seed)).kit
        seen.append(drawn(kit))
    return seen


async def test_four_regenerations_of_a_bakerys_logos_repeat_no_symbol(service: KitService) -> None:
    # before the earlier revisions were read: 8 or 9 different icons in these 15, the third version the first again
    seen = await versions(service, BAKERY.name, (11, 12, 13, 14))
    assert all(len(icons) == 3 for icons in seen), seen
    every = [icon for icons in seen for icon in icons]
    assert len(set(every)) == len(every) == 15, seen


async def test_when_the_symbols_run_out_the_oldest_come_back_first(service: KitService) -> None:
    first, second, third, fourth = await versions(service, BANK.name, (11, 12, 13))
    assert len({*first, *second, *third}) == 9, (first, second, third)
    assert not set(fourth) & {*second, *third}, f'{fourth} brings back a symbol of the last two versions'
    assert set(fourth) & set(first), 'the bank has no tenth symbol: the first version lends its own'


def icons(logos: list[dict[str, Any]]) -> list[str]:
    return [logo['symbol'] for logo in logos if logo['symbol'] is not None]


async def test_a_locked_concept_keeps_its_symbol_and_the_others_repeat_none(client: httpx.AsyncClient) -> None:
    body = {'company_profile': BAKERY.model_dump(mode='json'), 'num_variations': VARIATIONS, 'seed': 1}
    made = await client.post('/api/v1/generate-branding', json=body, headers=ALICE)
    assert made.status_code == 200, made.text
    kit = made.json()
    locked = next(index for index, logo in enumerate(kit['logos']) if logo['symbol'] is not None)
    kept = kit['logos'][locked]
    locks = ['palette', 'typography', 'taglines', 'guidelines', f'logos.{locked}']
    others = [icons([logo for index, logo in enumerate(kit['logos']) if index != locked])]
    for seed in (21, 22, 23, 24):
        response = await client.post(
            f'/api/v1/kits/{kit["id"]}/regenerate-rest', json={'locks': locks, 'seed': seed}, headers=ALICE
        )
        assert response.status_code == 200, response.text
        logos = response.json()['kit']['logos']
        assert logos[locked] == kept
        others.append(icons([logo for index, logo in enumerate(logos) if index != locked]))
    every = [icon for drawn_by_others in others for icon in drawn_by_others]
    assert kept['symbol'] not in every
    assert all(len(drawn_by_others) == 2 for drawn_by_others in others), others
    assert len(set(every)) == len(every) == 10, others


async def test_a_kit_without_earlier_revisions_is_made_again_as_before(service: KitService) -> None:
    request = BrandingRequest(company_profile=BAKERY, num_variations=VARIATIONS, seed=3)
    kit = await service.generate(request, owner='alice', reuse=False)
    assert [revision.number for revision in await service.store.list_revisions(kit.id)] == [1]
    alone = await regenerate_section(
        request, kit.model_copy(deep=True), SectionName.LOGOS, fonts=service.fonts, icons=service.icons, seed=5
    )
    saved = await service.regenerate(request, kit.model_copy(deep=True), SectionName.LOGOS, owner='alice', seed=5)
    assert saved.kit.logos == alone.kit.logos

    unsaved = kit.model_copy(update={'id': 'never-saved-kit'}, deep=True)
    again = await service.regenerate(request, unsaved, SectionName.LOGOS, owner='alice', seed=5)
    assert again.kit.logos == alone.kit.logos


async def test_the_versions_read_are_the_revisions_that_changed_the_logos_newest_first(service: KitService) -> None:
    request = BrandingRequest(company_profile=BAKERY, num_variations=VARIATIONS, seed=1)
    original = await service.generate(request, owner='alice', reuse=False)
    kit = original.model_copy(deep=True)
    kit = (await service.regenerate(request, kit, SectionName.LOGOS, owner='alice', seed=7)).kit
    middle = kit.model_copy(deep=True)
    kit = (await service.regenerate(request, kit, SectionName.TAGLINES, owner='alice', seed=8)).kit
    kit = (await service.regenerate(request, kit, SectionName.LOGOS, owner='alice', seed=9)).kit
    assert len(await service.store.list_revisions(kit.id)) == 4

    read = await earlier_versions(service.store, kit, field='logos', limit=5)
    assert [version.logos for version in read] == [middle.logos, original.logos]
    assert [version.logos for version in await earlier_versions(service.store, kit, field='logos', limit=1)] == [
        middle.logos
    ]
