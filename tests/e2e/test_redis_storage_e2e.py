"""NiceGUI's browser storage in Redis (NICEGUI_REDIS_URL) costs Redis connections only for pages: a request that draws
no page (the API, metrics, share pages, files, a health check) makes no NiceGUI session, so scripts, bots and uptime
checks calling without a cookie open none (before, each held two for some 20 s: its storage's client and its
subscription)."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import version

import httpx
import pytest
import redis

from tests.conftest import AppServer
from tests.engines import RedisServer

pytestmark = pytest.mark.e2e

STORAGE_DB = 1  # NiceGUI's storage is in database 1, the app's own shared state in 0


@pytest.fixture
def app_on_redis(redis_server: RedisServer) -> Iterator[AppServer]:
    redis_server.flush()
    with AppServer(
        extra_env={
            'REDIS_URL': redis_server.url,
            'NICEGUI_REDIS_URL': redis_server.url.removesuffix('/0') + f'/{STORAGE_DB}',
            'BRANDSMITH_STORAGE_SECRET': 'storage-test-secret',
        }
    ) as server:
        yield server


def storage_connections(redis_server: RedisServer) -> int:
    """Connections open on NiceGUI's storage database, from CLIENT LIST (this one is on database 0)."""
    with redis.Redis.from_url(redis_server.url) as admin:
        return sum(1 for client in admin.client_list() if int(client['db']) == STORAGE_DB)


def test_cookieless_requests_open_no_storage_connections(app_on_redis: AppServer, redis_server: RedisServer) -> None:
    paths = [
        '/api/v1/company-types',
        '/api/v1/example-company-profile',
        '/api/v1/kits',
        '/api',
        '/kit/no-such-kit-0123',
        '/metrics',
        '/openapi.json',
        '/health',
        '/api/v1/no-such-route',
        '/docs',
        f'/_nicegui/{version("nicegui")}/static/nicegui.js',
        '/favicon.ico',
    ]
    before = storage_connections(redis_server)
    statuses: set[int] = set()
    sessions_given: list[str] = []
    for index in range(100):
        # a new client each time: no cookie is ever sent back
        response = httpx.get(f'{app_on_redis.url}{paths[index % len(paths)]}', timeout=10)
        statuses.add(response.status_code)
        if 'session=' in response.headers.get('set-cookie', ''):
            sessions_given.append(str(response.url))
    during = storage_connections(redis_server)

    page = httpx.get(f'{app_on_redis.url}/', timeout=10)  # a page does get its browser's storage
    with_page = storage_connections(redis_server)

    assert statuses <= {200, 404}
    assert during == before, f'{during - before} storage connections held after 100 cookie-less requests'
    assert sessions_given == []
    assert page.status_code == 200 and 'session=' in page.headers['set-cookie']
    assert with_page > during
