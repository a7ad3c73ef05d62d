"""Who sees and who deletes which kit, over the API: callers by caller id, by bearer token, and the admin."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from branding.models import EXAMPLE_PROFILE
from branding.owners import CALLER_COOKIE, CALLER_HEADER
from branding.service import KitService, build_kit_service
from branding.settings import Settings
from tests.api.conftest import api_app, client_for

TOKEN_A = 'token-a-DO-NOT-LEAK-1111111111'
TOKEN_B = 'token-b-DO-NOT-LEAK-2222222222'
ADMIN = 'admin-token-DO-NOT-LEAK-3333333'
Clients = Callable[..., Awaitable[httpx.AsyncClient]]


def body(name: str) -> dict[str, Any]:
    profile = EXAMPLE_PROFILE.model_dump(mode='json') | {'name': name}
    return {'company_profile': profile, 'num_variations': 1, 'focus': 'palette'}


def bearer(token: str) -> dict[str, str]:
    return {'Authorization': f'Bearer {token}'}


@pytest.fixture(params=['sqlite', 'postgres'])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every test here runs on SQLite and on a real PostgreSQL server."""
    if request.param == 'postgres':
        url: str = request.getfixturevalue('postgres_url')
        return url
    return f'sqlite:///{tmp_path / "kits.db"}'


@pytest.fixture
async def clients(database_url: str) -> AsyncIterator[Clients]:
    """Clients of one app (one service, one store) built from the given settings; each keeps its own cookies."""
    services: list[KitService] = []
    opened: list[httpx.AsyncClient] = []
    app_for_settings: dict[str, Any] = {}

    async def make(**settings: str) -> httpx.AsyncClient:
        key = repr(sorted(settings.items()))
        if key not in app_for_settings:
            values = {'DATABASE_URL': database_url, **settings}
            service = build_kit_service(Settings.model_validate(values))
            services.append(service)
            app_for_settings[key] = api_app(service=service)
        client = client_for(app_for_settings[key])
        opened.append(client)
        return client

    yield make
    for client in opened:
        await client.aclose()
    for service in services:
        await service.close()


async def make_kit(client: httpx.AsyncClient, name: str, **headers: str) -> str:
    response = await client.post('/api/v1/generate-branding', json=body(name), headers=headers)
    assert response.status_code == 200, response.text
    kit_id: str = response.json()['id']
    return kit_id


async def listed(client: httpx.AsyncClient, **headers: str) -> list[str]:
    response = await client.get('/api/v1/kits', headers=headers)
    assert response.status_code == 200, response.text
    return [item['company_name'] for item in response.json()['items']]


async def test_without_tokens_each_caller_lists_only_their_own_kits(clients: Clients) -> None:
    alice, bob = await clients(), await clients()
    alice_kit = await make_kit(alice, 'Alice Bakery')
    bob_kit = await make_kit(bob, 'Bob Bank')

    assert await listed(alice) == ['Alice Bakery']
    assert await listed(bob) == ['Bob Bank']
    stranger = await clients()
    assert await listed(stranger) == []
    # a kit's id is its share link: anyone who has it may read it, and only read it
    assert (await stranger.get(f'/api/v1/kits/{alice_kit}')).json()['company_name'] == 'Alice Bakery'
    assert (await stranger.get(f'/api/v1/kits/{alice_kit}/export/css')).status_code == 200

    refused = await bob.delete(f'/api/v1/kits/{alice_kit}')
    assert refused.status_code == 403
    assert refused.json()['error'] == 'forbidden'
    assert {'detail', 'request_id', 'timestamp'} <= refused.json().keys()
    assert (await alice.get(f'/api/v1/kits/{alice_kit}')).status_code == 200, 'the refused delete deleted nothing'
    assert (await bob.delete(f'/api/v1/kits/{bob_kit}')).status_code == 204
    assert await listed(bob) == []


async def test_a_new_caller_gets_an_id_as_a_cookie_and_a_header_and_can_use_either(clients: Clients) -> None:
    browser = await clients()
    response = await browser.post('/api/v1/generate-branding', json=body('Cookie Co'))
    caller_id = response.headers[CALLER_HEADER]
    assert browser.cookies[CALLER_COOKIE] == caller_id
    assert 'httponly' in response.headers['set-cookie'].lower()
    assert await listed(browser) == ['Cookie Co'], 'the cookie comes back by itself'

    script = await clients()
    assert await listed(script, **{CALLER_HEADER: caller_id}) == ['Cookie Co'], 'a script resends the header'
    again = await script.get('/api/v1/kits', headers={CALLER_HEADER: caller_id})
    assert CALLER_HEADER not in again.headers, 'a known caller is not given a new id'


async def test_the_stream_route_names_its_caller_too(clients: Clients) -> None:
    client = await clients()
    async with client.stream('POST', '/api/v1/generate-branding/stream', json=body('Streamed')) as response:
        caller_id = response.headers[CALLER_HEADER]
        _ = [chunk async for chunk in response.aiter_bytes()]
    assert await listed(await clients(), **{CALLER_HEADER: caller_id}) == ['Streamed']


async def test_with_tokens_the_api_needs_one_and_each_token_owns_its_kits(
    clients: Clients, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = await clients(BRANDSMITH_API_TOKENS=f'{TOKEN_A}, {TOKEN_B}', BRANDSMITH_ADMIN_TOKEN=ADMIN)

    for headers in ({}, bearer('not-a-token'), {'Authorization': TOKEN_A}):
        refused = await client.post('/api/v1/generate-branding', json=body('Nobody'), headers=headers)
        assert refused.status_code == 401
        assert refused.json()['error'] == 'unauthorized'
        assert refused.headers['www-authenticate'] == 'Bearer'
    assert (await client.get('/api/v1/kits')).status_code == 401

    kit_a = await make_kit(client, 'Token A Co', **bearer(TOKEN_A))
    kit_b = await make_kit(client, 'Token B Co', **bearer(TOKEN_B))
    assert await listed(client, **bearer(TOKEN_A)) == ['Token A Co']
    assert (await client.delete(f'/api/v1/kits/{kit_a}', headers=bearer(TOKEN_B))).status_code == 403
    assert sorted(await listed(client, **bearer(ADMIN))) == ['Token A Co', 'Token B Co']
    assert (await client.delete(f'/api/v1/kits/{kit_b}', headers=bearer(ADMIN))).status_code == 204
    assert await listed(client, **bearer(TOKEN_B)) == []
    assert (await client.get(f'/api/v1/kits/{kit_a}')).status_code == 200, 'share links need no token'

    for secret in (TOKEN_A, TOKEN_B, ADMIN):
        assert secret not in caplog.text


async def test_tokens_can_come_from_a_file(clients: Clients, tmp_path: Path) -> None:
    tokens = tmp_path / 'tokens.txt'
    tokens.write_text(f'# one token a line\n{TOKEN_A}\n\n')
    client = await clients(BRANDSMITH_API_TOKENS_FILE=str(tokens))
    assert (await client.get('/api/v1/kits', headers=bearer(TOKEN_B))).status_code == 401
    assert (await client.get('/api/v1/kits', headers=bearer(TOKEN_A))).status_code == 200


async def test_without_tokens_the_admin_token_still_sees_everything(clients: Clients) -> None:
    alice = await clients(BRANDSMITH_ADMIN_TOKEN=ADMIN)
    await make_kit(alice, 'Alice Bakery')
    await make_kit(await clients(BRANDSMITH_ADMIN_TOKEN=ADMIN), 'Bob Bank')
    admin = await clients(BRANDSMITH_ADMIN_TOKEN=ADMIN)
    assert sorted(await listed(admin, **bearer(ADMIN))) == ['Alice Bakery', 'Bob Bank']
    assert await listed(alice) == ['Alice Bakery']
