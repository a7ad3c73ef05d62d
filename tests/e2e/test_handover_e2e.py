"""A generation on an instance that drains is handed back and finished on another, end to end: two app processes on
one real PostgreSQL and one real Redis behind nginx with the shipped load-balancer.conf, a provider slow enough that
SIGTERM lands mid-generation.

The studio's socket closes with the draining instance's port: the browser reconnects through nginx to the other
instance, its page loads there, and the studio resumes the draft its browser was handed: the finished sections are
shown as they were and only the missing ones are asked for. An API stream ends with `event: handover` and is resumed
through the load balancer. Either way the user ends with one saved kit."""

from __future__ import annotations

import asyncio
import json
import signal
from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, Page, expect

from branding.models import EXAMPLE_PROFILE, SectionName
from branding.owners import CALLER_HEADER
from tests.conftest import AppServer
from tests.e2e.test_scale_out_e2e import ADMIN, Cluster, metric, start_cluster, stop_cluster, visitor
from tests.engines import PostgresServer, RedisServer
from tests.fakes.brand_sections import by_section, section_of
from tests.fakes.provider_server import FakeProviderServer

pytestmark = pytest.mark.e2e

KEY = 'e2e-handover-key-DO-NOT-LEAK'
QUICK = (SectionName.PALETTE, SectionName.TYPOGRAPHY, SectionName.TAGLINES)
SLOW = (SectionName.LOGOS, SectionName.GUIDELINES)
SLOW_S = 8.0  # long enough for SIGTERM to land while they are under way
DRAIN_S = 4  # an API stream is handed back after DRAIN_S - 2 s
CARD_TITLES = {
    SectionName.PALETTE: 'Colour palette',
    SectionName.TYPOGRAPHY: 'Typography',
    SectionName.TAGLINES: 'Taglines',
    SectionName.LOGOS: 'Logo concepts',
    SectionName.GUIDELINES: 'Brand guidelines',
}


@pytest.fixture
def provider() -> Iterator[FakeProviderServer]:
    server = FakeProviderServer()
    server.start()
    server.respond_with('together', by_section(dict.fromkeys(QUICK, 0.2) | dict.fromkeys(SLOW, SLOW_S)))
    yield server
    server.stop()


@pytest.fixture
def cluster(
    postgres_server: PostgresServer, redis_server: RedisServer, provider: FakeProviderServer
) -> Iterator[Cluster]:
    started = start_cluster(
        postgres_server,
        redis_server,
        **provider.provider_settings(KEY, 'together,offline'),
        BRANDSMITH_RATE_LIMIT='0',
        BRANDSMITH_DRAIN_S=str(DRAIN_S),
        BRANDSMITH_CALL_TIMEOUT='30',
        BRANDSMITH_SECTION_BUDGET='40',
    )
    try:
        yield started
    finally:
        stop_cluster(started)


def asked(provider: FakeProviderServer) -> Counter[SectionName]:
    """How many times the provider was asked for each section."""
    return Counter(section_of(request) for request in provider.requests('together'))


async def card_titles(page: Page) -> set[str]:
    headings = page.locator('[data-testid=results-cards] .q-card [role=heading][aria-level="3"]')
    return {title.strip() for title in await headings.all_text_contents()}


async def serving(cluster: Cluster) -> tuple[AppServer, AppServer]:
    """The instance that served the one page load so far, and the other one."""
    async with visitor('127.0.0.31') as client:
        loads = [await metric(client, server, 'brandsmith_page_loads_total') for server in cluster.instances]
    first, second = cluster.instances
    assert sorted(loads) == [0, 1]
    return (first, second) if loads[0] == 1 else (second, first)


async def kits_named(server: AppServer, name: str) -> list[dict[str, Any]]:
    async with visitor('127.0.0.32') as client:
        listing = await client.get(f'{server.url}/api/v1/kits?limit=100', headers={'Authorization': f'Bearer {ADMIN}'})
    return [item for item in listing.json()['items'] if item['company_name'] == name]


async def test_a_studio_run_on_a_draining_instance_is_finished_on_the_other(
    cluster: Cluster, provider: FakeProviderServer, browser: Browser
) -> None:
    context = await browser.new_context()
    page = await context.new_page()
    await page.goto(cluster.nginx.url)
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_label('Company name').fill('Handover Harbour')
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Generating logo concepts…')).to_have_count(1)  # the run's slots are drawn
    for section in QUICK:  # each card in place of its 'Generating ...' skeleton
        skeleton = page.get_by_text(f'Generating {CARD_TITLES[section].lower()}…')
        await expect(skeleton).to_have_count(0, timeout=30_000)
    primary_before = await page.locator('[data-testid=results-cards]').inner_text()
    draining, other = await serving(cluster)
    assert asked(provider) == dict.fromkeys(SectionName, 1)  # the slow ones are under way

    draining.process.send_signal(signal.SIGTERM)
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=60_000)
    assert draining.process.wait(timeout=30) == 0

    assert await card_titles(page) >= set(CARD_TITLES.values())
    counts = asked(provider)
    assert {section: counts[section] for section in QUICK} == dict.fromkeys(QUICK, 1)  # shown as made, not remade
    assert {section: counts[section] for section in SLOW} == dict.fromkeys(SLOW, 2)  # cut off, then made on `other`
    [kit] = await kits_named(other, 'Handover Harbour')
    assert set(kit['providers'].values()) == {'together'}
    async with visitor('127.0.0.33') as client:
        saved = (await client.get(f'{other.url}/api/v1/kits/{kit["id"]}')).json()
    assert saved['color_palette']['primary'].lower() in primary_before.lower()  # the palette the user saw first
    again = await context.new_page()  # the browser's history, on the instance left: the one kit
    await again.goto(cluster.nginx.url)
    await again.get_by_text('Your recent kits').click()
    await expect(again.get_by_role('button', name='Open the all kit')).to_have_count(1)
    await context.close()


def read_events(response: httpx.Response) -> list[tuple[str, Any]]:
    events = []
    for block in response.text.strip().split('\n\n'):
        lines = dict(line.split(': ', 1) for line in block.splitlines())
        events.append((lines['event'], json.loads(lines['data'])))
    return events


async def test_an_api_stream_is_handed_back_and_resumed_through_the_load_balancer(
    cluster: Cluster, provider: FakeProviderServer
) -> None:
    draining, other = cluster.instances
    caller = {CALLER_HEADER: 'handover-e2e-caller-0123456789ab'}
    body = {
        'company_profile': EXAMPLE_PROFILE.model_dump(mode='json') | {'name': 'Streamed Harbour'},
        'num_variations': 1,
    }
    async with visitor('127.0.0.34') as client:
        stream = asyncio.create_task(
            client.post(f'{draining.url}/api/v1/generate-branding/stream', json=body, headers=caller)
        )
        while sum(asked(provider).values()) < len(SectionName) or provider.pending('together') > len(SLOW):
            assert not stream.done(), (await stream).text
            await asyncio.sleep(0.05)
        draining.process.send_signal(signal.SIGTERM)
        first = await stream
        assert draining.process.wait(timeout=30) == 0

        events = read_events(first)
        name, handover = events[-1]
        assert name == 'handover', events[-1]
        streamed = {data['section']: data for name, data in events if name == 'section'}
        assert sorted(handover['sections']) == sorted(streamed) == sorted(QUICK)

        provider.respond_with('together', by_section())
        resumed = await client.post(f'{cluster.nginx.url}{handover["resume"]}', headers=caller)
        assert resumed.status_code == 200, resumed.text
        again = read_events(resumed)

    sections = [data['section'] for name, data in again if name == 'section']
    assert sorted(sections[: len(QUICK)]) == sorted(QUICK) and sorted(sections) == sorted(SectionName)
    assert {
        data['section']: data['data'] for name, data in again if data.get('section') in QUICK and name == 'section'
    } == {section: streamed[section]['data'] for section in QUICK}
    name, done = again[-1]
    assert name == 'done'
    [kit] = await kits_named(other, 'Streamed Harbour')
    assert kit['id'] == done['kit_id']
    counts = asked(provider)
    assert {section: counts[section] for section in QUICK} == dict.fromkeys(QUICK, 1)
