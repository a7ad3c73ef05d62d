"""A section added through the registry alone: one SectionSpec and one card, nothing else in the app changes.

The toy section, a motto, is built on the palette (so it waits for it), keeps its data in the kit's extensions, and
must be generated, streamed over SSE, saved, shown as a card in the studio and on the share page.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from nicegui import ui
from nicegui.testing import User
from pydantic import BaseModel

from branding import registry
from branding.llm_json import parse_reply
from branding.models import EXAMPLE_PROFILE, BrandKit, ColorPalette, Focus, SectionName, SectionProvenance
from branding.prompts import chat_request
from branding.registry import KitSlot, SectionInputs, SectionSpec
from components import kit_view
from components.card_tools import CardTools
from components.cards import RegenerateHandler, card, header

Motto = dict[str, str]


class MottoDraft(BaseModel):
    motto: str


async def motto_offline(inputs: SectionInputs) -> Motto:
    palette: ColorPalette = await inputs.value(registry.PALETTE)
    return {'motto': f'{inputs.profile.name}, in {palette.primary}'}


async def motto_as_is(value: Motto, _inputs: SectionInputs) -> tuple[Motto, list[str]]:
    return value, []


MOTTO: SectionSpec[Motto, Motto] = SectionSpec(
    name='motto',
    title='Motto',
    task=lambda count: f'Write {count} words of motto.',
    draft=MottoDraft,
    parser=lambda _inputs: lambda text: parse_reply(text, MottoDraft).model_dump(),
    finish=motto_as_is,
    offline=motto_offline,
    needs=(SectionName.PALETTE,),
    slot=KitSlot(),
)


def motto_card(
    kit: BrandKit,
    *,
    provenance: SectionProvenance | None,
    on_regenerate: RegenerateHandler | None,
    heading_level: int,
    tools: CardTools | None,
) -> None:
    value: Any = MOTTO.get(kit) or {}
    with card('motto'):
        header('motto', provenance=provenance, on_regenerate=on_regenerate, level=heading_level)
        if tools is not None:  # its lock, like any section's
            tools.section('motto')
        ui.label(value.get('motto', '')).mark('motto-text')


@pytest.fixture
def toy_section(monkeypatch: pytest.MonkeyPatch) -> None:
    """Registered before the `user` fixture runs app.py."""
    monkeypatch.setitem(registry.SECTIONS, 'motto', MOTTO)
    monkeypatch.setitem(kit_view.CARDS, 'motto', motto_card)


def parse_sse(text: str) -> list[tuple[str, Any]]:
    events = []
    for block in text.strip().split('\n\n'):
        lines = dict(line.split(': ', 1) for line in block.splitlines())
        events.append((lines['event'], json.loads(lines['data'])))
    return events


async def test_a_toy_section_is_made_streamed_saved_and_shown(toy_section: None, user: User) -> None:
    await user.open('/')
    user.find(marker='try-example').click()
    user.find(marker='generate').click()
    await user.should_see(marker='progress-ready', retries=200)
    with user.scope(marker='progress-motto'):
        await user.should_see('Motto')
        await user.should_see('done')
    motto = user.find(kind=ui.label, marker='motto-text').elements.pop().text
    assert motto.startswith(f'{EXAMPLE_PROFILE.name}, in #')
    await user.should_see(marker='card-motto')

    body = {'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'), 'num_variations': 1, 'seed': 3}
    response = await user.http_client.post('/api/v1/generate-branding/stream', json=body)
    events = parse_sse(response.text)
    assert ('started', {'section': 'motto'}) in events
    [streamed] = [data for name, data in events if name == 'section' and data['section'] == 'motto']
    [palette] = [data for name, data in events if name == 'section' and data['section'] == 'palette']
    assert streamed['data'] == {'motto': f'{EXAMPLE_PROFILE.name}, in {palette["data"]["primary"]}'}
    assert streamed['provenance']['provider'] == 'offline'
    kit_id = events[-1][1]['kit_id']

    saved = (await user.http_client.get(f'/api/v1/kits/{kit_id}')).json()
    assert saved['extensions']['motto'] == streamed['data']
    assert saved['sections']['motto']['status'] == 'ok'
    shared = await user.http_client.get(f'/kit/{kit_id}')
    assert 'Motto' in shared.text and streamed['data']['motto'] in shared.text


def test_the_toy_sections_prompt_comes_from_its_spec(toy_section: None) -> None:
    request = chat_request(MOTTO, EXAMPLE_PROFILE, 4)
    assert request.user.startswith('Write 4 words of motto.')
    assert request.schema_name == 'brandsmith_motto'
    assert request.json_schema['title'] == 'MottoDraft'
    assert 'motto' in registry.sections_for(Focus.ALL)
    assert 'motto' not in registry.sections_for(Focus.PALETTE)
