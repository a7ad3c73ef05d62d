"""Logos made again through the API and the studio's service show other symbols than the kit's: regenerate the rest
with every section but the logos locked (the route that makes a kit's logos again), and the section's Regenerate.
Each concept's JSON records the icon its symbol is drawn from (`symbol`), and that is what is avoided, whatever the
concept's words say; a kit saved before concepts recorded it is read from its words."""

from __future__ import annotations

import re
from typing import Any

import httpx

from bench.corpus import corpus_profiles
from branding.models import BrandingRequest, BrandKit, SectionName
from branding.owners import CALLER_HEADER
from branding.refine.history import revise
from branding.service import KitService
from branding.stores.base import Lever
from tests.icons import needs_icons

pytestmark = needs_icons

ALICE = {CALLER_HEADER: 'alice-caller-id-0123456789abcdef'}
BAKERY = next(profile for profile in corpus_profiles() if profile.name == 'Hearthstone Bakery')
SYMBOL = re.compile(r'The symbol is (?P<label>an? [^,]+), (?P<source>[^.]+)\.')


def labels(logos: list[dict[str, Any]]) -> list[str]:
    return [match['label'] for logo in logos if (match := SYMBOL.search(logo['description']))]


def from_the_bakerys_words(logos: list[dict[str, Any]]) -> bool:
    said = ' '.join([BAKERY.name, BAKERY.industry, BAKERY.description, BAKERY.target_audience, *BAKERY.brand_values])
    sources = [match['source'] for logo in logos if (match := SYMBOL.search(logo['description']))]
    words = [re.match(r"from (?:the value )?'([^']+)'", source) for source in sources]
    return all(
        source.startswith('a familiar sign of ') or (word is not None and word[1].casefold() in said.casefold())
        for source, word in zip(sources, words, strict=True)
    )


async def _bakery_kit(client: httpx.AsyncClient, seed: int) -> dict[str, Any]:
    """Alice's bakery kit of six concepts, as the API answers it."""
    body = {'company_profile': BAKERY.model_dump(mode='json'), 'num_variations': 6, 'seed': seed}
    made = await client.post('/api/v1/generate-branding', json=body, headers=ALICE)
    assert made.status_code == 200, made.text
    kit: dict[str, Any] = made.json()
    return kit


async def test_regenerating_the_logos_over_the_api_shows_other_symbols(client: httpx.AsyncClient) -> None:
    kit = await _bakery_kit(client, seed=1)
    locked = next(index for index, logo in enumerate(kit['logos']) if SYMBOL.search(logo['description']))
    locks = ['palette', 'typography', 'taglines', 'guidelines', f'logos.{locked}']

    response = await client.post(
        f'/api/v1/kits/{kit["id"]}/regenerate-rest', json={'locks': locks, 'seed': 9}, headers=ALICE
    )
    assert response.status_code == 200, response.text
    renewed = response.json()['kit']
    assert renewed['logos'][locked] == kit['logos'][locked]
    old, new = labels(kit['logos']), labels([logo for index, logo in enumerate(renewed['logos']) if index != locked])
    assert len(old) == 3 and len(new) >= 2
    assert not set(new) & set(old), f'{new} repeats {old}'
    assert from_the_bakerys_words(renewed['logos'])


async def test_the_studios_regenerate_shows_other_symbols(service: KitService) -> None:
    request = BrandingRequest(company_profile=BAKERY, num_variations=6, seed=1)
    kit = await service.generate(request, owner='alice')
    old = labels([logo.model_dump() for logo in kit.logos])
    done = await service.regenerate(request, kit, SectionName.LOGOS, owner='alice')
    new = labels([logo.model_dump() for logo in done.kit.logos])
    assert len(old) == 3 and new
    assert not set(new) & set(old), f'{new} repeats {old}'


def icons(logos: list[dict[str, Any]]) -> set[str]:
    return {logo['symbol'] for logo in logos if logo['symbol'] is not None}


async def _saved_as(service: KitService, kit: dict[str, Any], logos: list[dict[str, Any]]) -> None:
    """The saved kit's next revision with these logo concepts (as an older Brandsmith or another client left it)."""
    stored = await service.store.get(kit['id'])
    assert stored is not None
    changed = BrandKit.model_validate({**kit, 'logos': logos})
    assert await revise(service.store, changed, owner=stored.owner, lever=Lever.EDIT, summary='Edited logos')


async def _logos_made_again(client: httpx.AsyncClient, kit_id: str, seed: int) -> list[dict[str, Any]]:
    locks = ['palette', 'typography', 'taglines', 'guidelines']
    response = await client.post(
        f'/api/v1/kits/{kit_id}/regenerate-rest', json={'locks': locks, 'seed': seed}, headers=ALICE
    )
    assert response.status_code == 200, response.text
    logos: list[dict[str, Any]] = response.json()['kit']['logos']
    return logos


async def test_the_icons_drawn_are_avoided_though_the_words_do_not_name_them(
    client: httpx.AsyncClient, service: KitService
) -> None:
    kit = await _bakery_kit(client, seed=1)
    drawn = [logo['symbol'] for logo in kit['logos']]
    assert [style in ('pictorial', 'combination', 'emblem') for style in (logo['style'] for logo in kit['logos'])] == [
        icon is not None for icon in drawn
    ]
    old = icons(kit['logos'])
    assert len(old) == 3

    quiet = [{**logo, 'description': 'A mark.', 'rationale': 'It suits the bakery.'} for logo in kit['logos']]
    await _saved_as(service, kit, quiet)
    renewed = await _logos_made_again(client, kit['id'], seed=9)
    assert len(icons(renewed)) == 3 and not icons(renewed) & old, (icons(renewed), old)
    assert not set(labels(renewed)) & set(labels(kit['logos']))


async def test_a_kit_saved_before_concepts_recorded_their_icon_is_read_from_its_words(
    client: httpx.AsyncClient, service: KitService
) -> None:
    kit = await _bakery_kit(client, seed=2)
    old = icons(kit['logos'])
    unrecorded = [{name: value for name, value in logo.items() if name != 'symbol'} for logo in kit['logos']]
    await _saved_as(service, kit, unrecorded)
    saved = await client.get(f'/api/v1/kits/{kit["id"]}', headers=ALICE)
    assert saved.status_code == 200, saved.text
    assert all(logo['symbol'] is None for logo in saved.json()['logos'])

    renewed = await _logos_made_again(client, kit['id'], seed=9)
    assert len(icons(renewed)) == 3 and not icons(renewed) & old, (icons(renewed), old)
    assert not set(labels(renewed)) & set(labels(kit['logos']))
