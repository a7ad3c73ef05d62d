"""The page budget per client and the health check at the edge, as pure ASGI in front of a stand-in app."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from branding.clients import ClientResolver
from branding.edge import HealthMiddleware
from branding.page_limit import PageLimitMiddleware
from branding.ratelimit import RateLimiter
from branding.web import SECURITY_HEADERS, Receive, Scope, Send

HEALTH = b'{"status":"ok","version":"test"}'


async def the_app(scope: Scope, receive: Receive, send: Send) -> None:
    """What stands behind the middlewares: every path answers 200 with its own path."""
    await send({'type': 'http.response.start', 'status': 200, 'headers': [(b'content-type', b'text/plain')]})
    await send({'type': 'http.response.body', 'body': scope['path'].encode()})


def limited_app(per_minute: int, trusted: str = '') -> Any:
    limiter = RateLimiter(per_minute=per_minute, clock=lambda: 1000.0)
    pages = PageLimitMiddleware(the_app, limiter=limiter, clients=ClientResolver.from_setting(trusted))
    return HealthMiddleware(pages, body=HEALTH)


def client(app: Any, address: str = '198.51.100.1') -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(address, 50000)), base_url='http://bs.test')


async def loads(http: httpx.AsyncClient, path: str, count: int, **headers: str) -> list[int]:
    return [(await http.get(path, headers=headers)).status_code for _ in range(count)]


async def test_past_the_budget_a_page_is_a_429_with_retry_after_and_a_short_page() -> None:
    async with client(limited_app(3)) as http:
        assert await loads(http, '/kit/abc', 3) == [200, 200, 200]
        refused = await http.get('/')
    assert refused.status_code == 429
    assert 1 <= int(refused.headers['retry-after']) <= 60
    assert refused.headers['content-type'].startswith('text/html')
    assert 'Too many page loads' in refused.text
    assert f'try again in {refused.headers["retry-after"]} s' in refused.text
    for name, value in SECURITY_HEADERS:
        assert refused.headers[name.decode()] == value.decode()
    assert refused.headers['x-request-id']


async def test_another_address_has_its_own_budget() -> None:
    app = limited_app(2)
    async with client(app, '198.51.100.1') as first, client(app, '198.51.100.2') as second:
        assert await loads(first, '/', 3) == [200, 200, 429]
        assert await loads(second, '/', 2) == [200, 200]


async def test_only_page_urls_count() -> None:
    async with client(limited_app(1)) as http:
        others = ['/api/v1/kits/abc', '/_nicegui/3.18.0/static/quasar.js', '/assets/studio.css', '/fonts/x.woff2']
        for path in others * 3:
            assert (await http.get(path)).status_code == 200, path
        assert (await http.post('/kit/abc')).status_code == 200  # not a page load: the app answers 405 itself
        assert await loads(http, '/kit/abc', 2) == [200, 429]
        assert (await http.get('/api/v1/kits/abc')).status_code == 200


async def test_a_head_request_counts_and_gets_no_body() -> None:
    async with client(limited_app(1)) as http:
        assert (await http.head('/')).status_code == 200
        refused = await http.head('/')
    assert refused.status_code == 429
    assert refused.content == b''
    assert int(refused.headers['content-length']) > 0


async def test_health_answers_past_the_budget_without_reaching_the_app() -> None:
    async with client(limited_app(1)) as http:
        await loads(http, '/', 2)
        health = await http.get('/health')
        head = await http.head('/health')
    assert health.status_code == 200
    assert health.content == HEALTH
    assert health.headers['content-type'] == 'application/json'
    assert health.headers['x-content-type-options'] == 'nosniff'
    assert head.status_code == 200
    assert head.content == b''


async def test_forwarded_addresses_count_only_from_a_trusted_proxy() -> None:
    app = limited_app(2, trusted='10.0.0.0/8')
    async with client(app, '10.0.0.5') as proxy:
        assert await loads(proxy, '/', 3, **{'x-forwarded-for': '203.0.113.7'}) == [200, 200, 429]
        assert await loads(proxy, '/', 2, **{'x-forwarded-for': '203.0.113.8'}) == [200, 200]
        # a client's own X-Forwarded-For entry is to the left of the address the proxy appended: it changes nothing
        assert await loads(proxy, '/', 1, **{'x-forwarded-for': '192.0.2.99, 203.0.113.7'}) == [429]


async def test_rotating_forwarded_headers_from_an_untrusted_peer_share_one_budget() -> None:
    async with client(limited_app(2)) as http:
        statuses = [(await http.get('/', headers={'x-forwarded-for': f'203.0.113.{n}'})).status_code for n in range(3)]
    assert statuses == [200, 200, 429]


async def test_an_unlimited_budget_never_refuses() -> None:
    async with client(limited_app(0)) as http:
        assert set(await loads(http, '/', 50)) == {200}


@pytest.mark.parametrize('builds', [1, 2])
async def test_pages_are_built_a_few_at_a_time(builds: int) -> None:
    """Page builds are long steps of the event loop: past the slots they wait, instead of crowding out the rest."""
    running = 0
    most = 0
    release = asyncio.Event()

    async def slow_page(scope: Scope, receive: Receive, send: Send) -> None:
        nonlocal running, most
        running += 1
        most = max(most, running)
        await release.wait()
        running -= 1
        await the_app(scope, receive, send)

    limiter = RateLimiter(per_minute=0)
    app = PageLimitMiddleware(slow_page, limiter=limiter, clients=ClientResolver(), concurrent_builds=builds)
    async with client(app) as http:
        pages = [asyncio.create_task(http.get('/')) for _ in range(6)]
        for _ in range(20):
            await asyncio.sleep(0)
        assert running == builds
        release.set()
        assert {(await page).status_code for page in pages} == {200}
    assert most == builds
