"""The share page and the page budget on the studio's own app (app.py, in NiceGUI's user simulation), over ASGI."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from nicegui import Client, app
from nicegui.testing import User

from branding.models import SectionName
from branding.registry import SECTIONS
from branding.web import SECURITY_HEADERS
from components import share_page
from tests.api.conftest import profile_with
from tests.parsed_html import ParsedPage

HOSTILE_NAME = '</style><script>alert("name")</script> O\'Neil & "Sons"'
PROFILE = profile_with(name=HOSTILE_NAME)


async def make_kit(http: httpx.AsyncClient) -> dict[str, Any]:
    body = {'company_profile': PROFILE, 'num_variations': 2, 'focus': 'all', 'seed': 5}
    response = await http.post('/api/v1/generate-branding', json=body)
    assert response.status_code == 200, response.text[:300]
    kit: dict[str, Any] = response.json()
    return kit


def client_at(address: str) -> httpx.AsyncClient:
    """Another visitor of the same app, from `address`."""
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url='http://brandsmith.test')


def assert_security_headers(response: httpx.Response) -> None:
    for name, value in SECURITY_HEADERS:
        assert response.headers[name.decode()] == value.decode(), name
    assert response.headers['x-request-id']


async def test_a_shared_kit_is_one_html_page_of_every_section_with_no_page_client(user: User) -> None:
    kit = await make_kit(user.http_client)
    clients = set(Client.instances)

    response = await user.http_client.get(f'/kit/{kit["id"]}')

    assert response.status_code == 200
    assert response.headers['content-type'].startswith('text/html')
    assert_security_headers(response)
    assert set(Client.instances) == clients, 'the share page built a NiceGUI client'
    page = ParsedPage(response.text)
    assert page.title == f'{HOSTILE_NAME} brand kit · Brandsmith'
    text = page.visible_text
    assert f'{HOSTILE_NAME}: brand kit' in text
    assert page.scripts == [share_page.SCRIPT], 'the name ran as markup'
    for section in SectionName:
        assert f'card-{section.value}' in page.values('data-testid')
        assert SECTIONS[section].title in text
    assert all(tagline['text'] in text for tagline in kit['taglines'])
    assert all(role['hex'] in text for role in kit['color_palette']['roles'])
    assert all(font['family'] in text for font in kit['typography']['fonts'])
    assert 'offline engine' in text
    assert 'Make a new brand kit' in text and '/' in page.values('href')


async def test_a_shared_kit_answers_head(user: User) -> None:
    kit = await make_kit(user.http_client)
    found = await user.http_client.head(f'/kit/{kit["id"]}')
    missing = await user.http_client.head('/kit/no-such-kit-at-all')
    assert (found.status_code, missing.status_code) == (200, 404)
    assert found.headers['content-type'].startswith('text/html')


@pytest.mark.parametrize('kit_id', ['no-such-kit-at-all', 'x' * 200])
async def test_a_missing_kit_is_a_404_page_that_says_so(user: User, kit_id: str) -> None:
    clients = set(Client.instances)
    response = await user.http_client.get(f'/kit/{kit_id}')
    assert response.status_code == 404
    assert response.headers['content-type'].startswith('text/html')
    assert_security_headers(response)
    page = ParsedPage(response.text)
    assert 'This kit is not here' in page.visible_text
    assert 'Make a new brand kit' in page.visible_text
    assert set(Client.instances) == clients


@pytest.fixture
def two_pages_a_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    """Set before the `user` fixture runs app.py, whose composition root reads the settings."""
    monkeypatch.setenv('BRANDSMITH_PAGE_RATE_LIMIT', '2')


async def test_past_the_page_budget_a_visitor_gets_429_and_others_do_not(two_pages_a_minute: None, user: User) -> None:
    http = user.http_client
    assert [(await http.get('/kit/no-such-kit-at-all')).status_code for _ in range(2)] == [404, 404]

    refused = await http.get('/')
    assert refused.status_code == 429
    assert int(refused.headers['retry-after']) >= 1
    assert 'Too many page loads' in refused.text
    assert_security_headers(refused)
    assert (await http.get('/kit/no-such-kit-at-all')).status_code == 429

    assert (await http.get('/health')).status_code == 200
    assert (await http.get('/api/v1/company-types')).status_code == 200, 'the API keeps its own budget'
    async with client_at('192.0.2.10') as other:
        assert (await other.get('/kit/no-such-kit-at-all')).status_code == 404
        assert (await other.get('/')).status_code == 200


@pytest.fixture
def behind_a_trusted_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    # the simulation's requests come from 127.0.0.1, which plays the reverse proxy here
    monkeypatch.setenv('BRANDSMITH_TRUSTED_PROXIES', '127.0.0.1')
    monkeypatch.setenv('BRANDSMITH_PAGE_RATE_LIMIT', '1')


async def test_behind_a_trusted_proxy_each_forwarded_address_has_its_own_budget(
    behind_a_trusted_proxy: None, user: User
) -> None:
    http = user.http_client

    async def load(forwarded_for: str) -> int:
        response = await http.get('/kit/no-such-kit-at-all', headers={'x-forwarded-for': forwarded_for})
        return response.status_code

    assert [await load('203.0.113.5'), await load('203.0.113.5')] == [404, 429]
    assert await load('203.0.113.6') == 404


async def test_health_and_refusals_never_reach_niceguis_sessions(two_pages_a_minute: None, user: User) -> None:
    """Both are answered before NiceGUI's middlewares, which give every request without a cookie a new session."""
    http = user.http_client
    http.cookies.clear()
    # the studio is a NiceGUI page (the share page no longer is: edge.SessionlessPaths), so it gets a session
    assert 'session' in (await http.get('/')).cookies, 'the studio does pass NiceGUI (a control)'
    http.cookies.clear()
    await http.get('/kit/no-such-kit-at-all')
    http.cookies.clear()
    health = await http.get('/health')
    refused = await http.get('/kit/no-such-kit-at-all')
    assert refused.status_code == 429
    assert 'set-cookie' not in health.headers
    assert 'set-cookie' not in refused.headers
    assert health.json()['status'] == 'ok'


@pytest.mark.parametrize('path', ['/apple-touch-icon.png', '/wp-login.php', '/kit', '/studio/../nothing'])
async def test_an_unknown_page_url_is_a_plain_404_page_that_builds_no_client(user: User, path: str) -> None:
    clients = set(Client.instances)
    response = await user.http_client.get(path)
    assert response.status_code == 404
    assert response.headers['content-type'].startswith('text/html')
    assert 'This page is not here' in response.text
    assert response.headers['x-content-type-options'] == 'nosniff'
    assert set(Client.instances) == clients, 'a 404 built a NiceGUI page client'
