"""Several instances as deploy/compose.yaml runs them: two app processes on one real PostgreSQL and one real Redis,
behind nginx with the shipped load-balancer configuration (deploy/nginx/load-balancer.conf, its upstream and port
replaced by the test's).

Each test uses visitor addresses of its own (127.0.0.x), so the budgets one test spends never touch another's."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
import redis
from playwright.async_api import Browser, expect
from prometheus_client.parser import text_string_to_metric_families

from branding.models import EXAMPLE_PROFILE
from branding.owners import CALLER_HEADER
from tests.conftest import ROOT, AppServer, free_port
from tests.engines import NginxServer, PostgresServer, RedisServer

pytestmark = pytest.mark.e2e
ADMIN = 'admin-token-DO-NOT-LEAK-scale-out'
SHIPPED = ROOT / 'deploy' / 'nginx' / 'load-balancer.conf'
UPSTREAM_LINE = '    server app:8080 max_fails=2 fail_timeout=10s;\n'
RATE_LIMIT = 3


@dataclass(kw_only=True, slots=True)
class Cluster:
    instances: tuple[AppServer, AppServer]
    nginx: NginxServer


def load_balancer_site(ports: list[int], listen_port: int) -> str:
    """The shipped file with the test's app servers as its upstream and a free loopback port to listen on."""
    shipped = SHIPPED.read_text()
    assert UPSTREAM_LINE in shipped and 'listen 80;' in shipped
    servers = ''.join(f'    server 127.0.0.1:{port} max_fails=2 fail_timeout=10s;\n' for port in ports)
    return shipped.replace(UPSTREAM_LINE, servers).replace('listen 80;', f'listen 127.0.0.1:{listen_port};')


def start_cluster(postgres: PostgresServer, redis: RedisServer, **settings: str) -> Cluster:
    database = postgres.create_database()
    redis.flush()
    env = {
        'DATABASE_URL': database,
        'REDIS_URL': redis.url,
        'NICEGUI_REDIS_URL': redis.url.removesuffix('/0') + '/1',
        'BRANDSMITH_STORAGE_SECRET': 'one-secret-for-every-instance',
        'BRANDSMITH_ADMIN_TOKEN': ADMIN,
        'BRANDSMITH_TRUSTED_PROXIES': '127.0.0.1',
        **settings,
    }
    instances = (AppServer(extra_env=env), AppServer(extra_env=env))
    port = free_port()
    cluster = Cluster(
        instances=instances,
        nginx=NginxServer(site=load_balancer_site([server.port for server in instances], port), port=port),
    )
    try:
        for server in instances:
            server.wait_until_healthy()
        cluster.nginx.start()
    except BaseException:
        stop_cluster(cluster)  # no app server or nginx outlives a failed start
        raise
    return cluster


def stop_cluster(cluster: Cluster) -> None:
    cluster.nginx.stop()
    for server in cluster.instances:
        server.close()


@pytest.fixture(scope='module')
def cluster(postgres_server: PostgresServer, redis_server: RedisServer) -> Iterator[Cluster]:
    started = start_cluster(postgres_server, redis_server, BRANDSMITH_RATE_LIMIT=str(RATE_LIMIT))
    try:
        yield started
    finally:
        stop_cluster(started)


def visitor(address: str, base_url: str = '') -> httpx.AsyncClient:
    """A client whose connections come from `address` (any 127.x.y.z is this machine on Linux)."""
    transport = httpx.AsyncHTTPTransport(local_address=address)
    return httpx.AsyncClient(transport=transport, timeout=120, base_url=base_url)


def body(name: str, focus: str = 'palette') -> dict[str, object]:
    profile = EXAMPLE_PROFILE.model_dump(mode='json') | {'name': name}
    return {'company_profile': profile, 'num_variations': 1, 'focus': focus}


async def metric(client: httpx.AsyncClient, server: AppServer, name: str, **labels: str) -> float:
    """One counter of one instance, read from /metrics with prometheus_client's parser (0 when not yet counted)."""
    response = await client.get(f'{server.url}/metrics', headers={'Authorization': f'Bearer {ADMIN}'})
    assert response.status_code == 200
    return sum(
        sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
        if sample.name == name and labels.items() <= sample.labels.items()
    )


async def test_a_kit_made_through_one_instance_is_listed_and_exported_through_the_other(cluster: Cluster) -> None:
    first, second = cluster.instances
    caller = {CALLER_HEADER: 'scale-out-owner-0123456789abcdef'}
    async with visitor('127.0.0.11') as client:
        made = await client.post(f'{first.url}/api/v1/generate-branding', json=body('Harbour Lights'), headers=caller)
        assert made.status_code == 200, made.text
        kit_id = made.json()['id']

        listing = (await client.get(f'{second.url}/api/v1/kits', headers=caller)).json()
        assert [item['id'] for item in listing['items']] == [kit_id]
        exported = await client.get(f'{second.url}/api/v1/kits/{kit_id}/export/css')
        assert exported.status_code == 200 and '--' in exported.text
        stranger = {CALLER_HEADER: 'scale-out-stranger-0123456789abc'}
        assert (await client.get(f'{second.url}/api/v1/kits', headers=stranger)).json()['items'] == []
        assert (await client.delete(f'{second.url}/api/v1/kits/{kit_id}', headers=stranger)).status_code == 403
        through_nginx = await client.get(f'{cluster.nginx.url}/api/v1/kits', headers=caller)
        assert [item['id'] for item in through_nginx.json()['items']] == [kit_id]


async def test_each_instance_counts_the_kits_it_made(cluster: Cluster) -> None:
    first, second = cluster.instances
    async with visitor('127.0.0.12') as client:
        before = [await metric(client, server, 'brandsmith_kits_total', source='new') for server in cluster.instances]
        for name in ('One', 'Two'):
            assert (await client.post(f'{first.url}/api/v1/generate-branding', json=body(name))).status_code == 200
        assert (await client.post(f'{second.url}/api/v1/generate-branding', json=body('Three'))).status_code == 200
        after = [await metric(client, server, 'brandsmith_kits_total', source='new') for server in cluster.instances]

    assert [after[0] - before[0], after[1] - before[1]] == [2, 1]


async def test_the_rate_limit_is_shared_by_the_instances(cluster: Cluster) -> None:
    first, second = cluster.instances
    async with visitor('127.0.0.13') as client:
        statuses = [
            (await client.post(f'{server.url}/api/v1/generate-branding', json=body('Budget'))).status_code
            for server in (first, second, first, second, first)
        ]
        refused_on_second = await metric(client, second, 'brandsmith_rate_limited_total', budget='kits')

    assert statuses == [200, 200, 200, 429, 429]
    assert refused_on_second >= 1


async def test_a_browser_keeps_to_one_instance_through_the_load_balancer(cluster: Cluster) -> None:
    async with visitor('127.0.0.14') as client:
        before = [await metric(client, server, 'brandsmith_page_loads_total') for server in cluster.instances]
        async with visitor('127.0.0.14', base_url=cluster.nginx.url) as browser_like:
            first = await browser_like.get('/')
            assert 'brandsmith_route' in first.headers['set-cookie']
            for _ in range(5):
                again = await browser_like.get('/')
                assert again.status_code == 200
                assert 'set-cookie' not in again.headers or 'brandsmith_route' not in again.headers['set-cookie']
        after = [await metric(client, server, 'brandsmith_page_loads_total') for server in cluster.instances]

    assert sorted(after[index] - before[index] for index in range(2)) == [0, 6]


async def test_the_studio_works_through_the_load_balancer(cluster: Cluster, browser: Browser) -> None:
    context = await browser.new_context()
    page = await context.new_page()
    await page.goto(cluster.nginx.url)
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_label('Company name').fill('Balanced Bakery')
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=60_000)

    again = await context.new_page()
    await again.goto(cluster.nginx.url)
    await again.get_by_text('Your recent kits').click()
    await expect(again.get_by_text('Balanced Bakery')).to_be_visible()
    async with visitor('127.0.0.15') as client:
        for server in cluster.instances:  # saved in the shared database: the admin finds it on either instance
            listing = await client.get(
                f'{server.url}/api/v1/kits?limit=100', headers={'Authorization': f'Bearer {ADMIN}'}
            )
            assert 'Balanced Bakery' in {item['company_name'] for item in listing.json()['items']}
    await context.close()


async def test_a_browsers_dark_mode_follows_it_to_the_other_instance(
    cluster: Cluster, browser: Browser, redis_server: RedisServer
) -> None:
    """NiceGUI's user storage is in Redis (NICEGUI_REDIS_URL): a choice made on one instance is read on the other."""
    first, second = cluster.instances
    context = await browser.new_context()
    page = await context.new_page()
    await page.goto(first.url)
    await page.get_by_role('button', name='Toggle dark mode').click()
    await expect(page.locator('body.body--dark')).to_have_count(1)
    stored = redis.Redis.from_url(redis_server.url.removesuffix('/0') + '/1')
    deadline = time.monotonic() + 10
    while not any(b'"dark_mode":true' in (stored.get(key) or b'') for key in stored.scan_iter('nicegui:user-*')):
        assert time.monotonic() < deadline, 'the choice never reached Redis'
        await asyncio.sleep(0.1)
    stored.close()

    other = await context.new_page()
    await other.goto(second.url)
    await expect(other.locator('body.body--dark')).to_have_count(1)
    stranger = await (await browser.new_context()).new_page()
    await stranger.goto(second.url)
    await expect(stranger.locator('body')).to_be_visible()
    await expect(stranger.locator('body.body--dark')).to_have_count(0)
    await context.close()


@pytest.fixture
def doomed_cluster(postgres_server: PostgresServer, redis_server: RedisServer) -> Iterator[Cluster]:
    """A cluster of its own, with no budget: one of its instances is killed."""
    started = start_cluster(postgres_server, redis_server, BRANDSMITH_RATE_LIMIT='0')
    try:
        yield started
    finally:
        stop_cluster(started)


async def test_killing_one_instance_loses_no_acknowledged_kit_and_the_other_keeps_serving(
    doomed_cluster: Cluster,
) -> None:
    victim, survivor = doomed_cluster.instances
    caller = {CALLER_HEADER: 'scale-out-survivor-0123456789abc'}
    url = f'{doomed_cluster.nginx.url}/api/v1/generate-branding'
    acknowledged: list[str] = []
    pending_at_kill = 0

    async with visitor('127.0.0.16') as client:

        async def generate(index: int) -> None:
            nonlocal pending_at_kill
            try:
                response = await client.post(url, json=body(f'Survivor {index}', focus='all'), headers=caller)
            except httpx.HTTPError:  # the answer was cut off with the instance: not acknowledged
                return
            if response.status_code == 200:
                acknowledged.append(response.json()['id'])
                if len(acknowledged) == 10:
                    pending_at_kill = sum(not task.done() for task in tasks) - 1  # this one is finishing
                    victim.process.kill()  # SIGKILL: no graceful anything

        tasks = [asyncio.create_task(generate(index)) for index in range(50)]
        await asyncio.gather(*tasks)
        assert victim.process.wait(timeout=10) != 0

        assert pending_at_kill > 0, 'the instance died with generations in flight'
        for kit_id in acknowledged:
            assert (await client.get(f'{survivor.url}/api/v1/kits/{kit_id}')).status_code == 200
        listing = (await client.get(f'{survivor.url}/api/v1/kits?limit=100', headers=caller)).json()
        assert set(acknowledged) <= {item['id'] for item in listing['items']}
        after = [
            (await client.post(url, json=body(f'After {index}'), headers=caller)).status_code for index in range(6)
        ]
        assert after == [200] * 6, 'the load balancer sends everything to the instance that is left'
