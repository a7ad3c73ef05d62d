"""A stream on a draining instance is handed back, not lost: past the drain's time it ends with `event: handover`,
and `POST /api/v1/drafts/{id}/resume` on another instance (here a second service on the same store and draft folder)
replays the sections it had, makes only the missing ones, and saves one kit under the id it began with."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from branding.models import EXAMPLE_PROFILE, SectionName
from branding.owners import CALLER_HEADER
from branding.service import KitService, build_kit_service
from branding.settings import Settings
from tests.api.conftest import api_app, client_for
from tests.api.test_service_api import parse_sse
from tests.fakes.brand_sections import by_section
from tests.fakes.provider_server import FakeProviderServer

pytest_plugins = ['tests.fakes.plugin']

KEY = 'handover-key-DO-NOT-LEAK-0042'
STRANGER = {CALLER_HEADER: 'handover-stranger-0123456789abc'}
QUICK = (SectionName.PALETTE, SectionName.TYPOGRAPHY, SectionName.TAGLINES)
SLOW = (SectionName.LOGOS, SectionName.GUIDELINES)


@dataclass(kw_only=True, slots=True)
class Instance:
    service: KitService
    client: httpx.AsyncClient


@pytest.fixture
async def instances(
    provider_server: FakeProviderServer, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Instance, Instance]]:
    """Two instances on one store and one draft folder; draining, they have no time to spare (BRANDSMITH_DRAIN_S=0)."""
    for name, value in provider_server.provider_settings(KEY, providers='together,offline').items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv('BRANDSMITH_DRAIN_S', '0')
    monkeypatch.setenv('BRANDSMITH_CALL_TIMEOUT', '60')
    monkeypatch.setenv('BRANDSMITH_SECTION_BUDGET', '90')
    services = [build_kit_service(Settings()), build_kit_service(Settings())]
    try:
        async with (
            client_for(api_app(service=services[0])) as first,
            client_for(api_app(service=services[1])) as second,
        ):
            yield Instance(service=services[0], client=first), Instance(service=services[1], client=second)
    finally:
        for service in services:
            await service.close()


def sections_made(service: KitService) -> float:
    """How many sections this instance has finished, from its own metrics."""
    text = service.metrics.render().decode()
    return sum(
        float(line.rsplit(' ', 1)[1])
        for line in text.splitlines()
        if line.startswith('brandsmith_section_seconds_count')
    )


async def drain_once_quick_sections_are_made(service: KitService) -> None:
    deadline = time.monotonic() + 30
    while sections_made(service) < len(QUICK):
        assert time.monotonic() < deadline, 'the quick sections were never made'
        await asyncio.sleep(0.02)
    assert service.handover is not None
    service.handover.drain.begin()


def new_owner() -> dict[str, str]:
    """A caller of the test's own: the store is the test session's."""
    return {CALLER_HEADER: f'handover-owner-{uuid.uuid4().hex}'}


def request_body() -> dict[str, Any]:
    return {'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'), 'num_variations': 1, 'seed': 11}


async def test_a_stream_on_a_draining_instance_is_handed_back_and_resumed_on_another(
    instances: tuple[Instance, Instance], provider_server: FakeProviderServer
) -> None:
    draining, other = instances
    owner = new_owner()
    latencies = dict.fromkeys(QUICK, 0.0) | dict.fromkeys(SLOW, 60.0)
    provider_server.respond_with('together', by_section(latencies))

    drain = asyncio.create_task(drain_once_quick_sections_are_made(draining.service))
    first = await draining.client.post('/api/v1/generate-branding/stream', json=request_body(), headers=owner)
    await drain
    events = parse_sse(first.text)
    name, handover = events[-1]
    assert name == 'handover'
    assert handover['resume'] == f'/api/v1/drafts/{handover["draft_id"]}/resume'
    streamed = {data['section']: data for name, data in events if name == 'section'}
    assert sorted(handover['sections']) == sorted(streamed) == sorted(QUICK)
    assert 'done' not in [name for name, _ in events]
    assert (await other.client.get('/api/v1/kits', headers=owner)).json()['items'] == []

    provider_server.respond_with('together', by_section())
    asked_before = len(provider_server.requests('together'))
    assert (await other.client.post(handover['resume'], headers=STRANGER)).status_code == 404
    resumed = await other.client.post(handover['resume'], headers=owner)
    assert resumed.status_code == 200, resumed.text
    again = parse_sse(resumed.text)

    sections = [data['section'] for name, data in again if name == 'section']
    assert sections[: len(QUICK)] == list(QUICK)  # what the first instance had comes first
    assert sorted(sections) == sorted(SectionName)
    for section in QUICK:  # kept as made, not made again
        replayed = next(data for name, data in again if name == 'section' and data['section'] == section)
        assert replayed['data'] == streamed[section]['data']
        assert replayed['provenance'] == streamed[section]['provenance']
    assert len(provider_server.requests('together')) - asked_before == len(SLOW)  # only the missing sections
    assert sections_made(other.service) == len(SLOW)  # each section counted once, where it was made
    name, done = again[-1]
    assert name == 'done'

    listing = (await other.client.get('/api/v1/kits', headers=owner)).json()
    assert [item['id'] for item in listing['items']] == [done['kit_id']]
    kit = (await draining.client.get(f'/api/v1/kits/{done["kit_id"]}')).json()
    assert kit['color_palette']['primary'] == streamed[SectionName.PALETTE]['data']['primary']
    assert {kit['sections'][section]['provider'] for section in SectionName} == {'together'}
    assert (await other.client.post(handover['resume'], headers=owner)).status_code == 404  # resumed once


async def test_a_kit_finished_before_its_hand_over_took_effect_is_shown_not_made_again(
    instances: tuple[Instance, Instance], provider_server: FakeProviderServer
) -> None:
    """The draft names the kit's id: a resume that finds the kit saved replays it, so the owner never gets two."""
    draining, other = instances
    owner = new_owner()
    provider_server.respond_with('together', by_section())
    made = await draining.client.post('/api/v1/generate-branding', json=request_body(), headers=owner)
    assert made.status_code == 200
    saved = made.json()
    service = draining.service
    assert service.handover is not None
    stored = await service.store.get(saved['id'])
    assert stored is not None
    draft = await service.handover.hand_over(request=stored.request, kit=stored.kit, owner=stored.owner)

    asked_before = len(provider_server.requests('together'))
    resumed = await other.client.post(f'/api/v1/drafts/{draft.id}/resume', headers=owner)
    events = parse_sse(resumed.text)
    assert events[-1] == ('done', {'kit_id': saved['id'], 'generation_time_seconds': saved['generation_time_seconds']})
    assert len(provider_server.requests('together')) == asked_before
    assert [item['id'] for item in (await other.client.get('/api/v1/kits', headers=owner)).json()['items']] == [
        saved['id']
    ]


async def test_a_plain_generation_on_a_draining_instance_answers_503_with_its_draft_and_resumes_as_json(
    instances: tuple[Instance, Instance], provider_server: FakeProviderServer
) -> None:
    draining, other = instances
    owner = new_owner()
    provider_server.respond_with('together', by_section(dict.fromkeys(QUICK, 0.0) | dict.fromkeys(SLOW, 60.0)))

    drain = asyncio.create_task(drain_once_quick_sections_are_made(draining.service))
    first = await draining.client.post('/api/v1/generate-branding', json=request_body(), headers=owner)
    await drain
    assert first.status_code == 503, first.text
    answer = first.json()
    assert answer['error'] == 'handed_over'
    handover = answer['detail']
    assert sorted(handover['sections']) == sorted(QUICK)

    provider_server.respond_with('together', by_section())
    resumed = await other.client.post(handover['resume'], headers={**owner, 'Accept': 'application/json'})
    assert resumed.status_code == 200, resumed.text
    kit = resumed.json()
    assert sorted(kit['sections']) == sorted(SectionName)
    listing = (await other.client.get('/api/v1/kits', headers=owner)).json()
    assert [item['id'] for item in listing['items']] == [kit['id']]
