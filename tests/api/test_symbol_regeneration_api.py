"""Logos made again through the API and the studio's service show other symbols than the kit's: regenerate the rest
with every section but the logos locked (the route that makes a kit's logos again), and the section's Regenerate."""

from __future__ import annotations

import re
from typing import Any

import httpx

from bench.corpus import corpus_profiles
from branding.models import BrandingRequest, SectionName
from branding.owners import CALLER_HEADER
from branding.service import KitService
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


async def test_regenerating_the_logos_over_the_api_shows_other_symbols(client: httpx.AsyncClient) -> None:
    body = {'company_profile': BAKERY.model_dump(mode='json'), 'num_variations': 6, 'seed': 1}
    made = await client.post('/api/v1/generate-branding', json=body, headers=ALICE)
    assert made.status_code == 200, made.text
    kit = made.json()
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
