"""The guard rails at the edge of every request, over ASGI: one error shape, the body and header caps, HEAD /health.

The studio's own app (app.py under NiceGUI) is where the error shape used to break: NiceGUI answers 404s with its
HTML page or FastAPI's {"detail": ...}, and mounted apps answer for themselves; those tests run the real app.py.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from nicegui import Client
from nicegui import __version__ as nicegui_version
from nicegui.testing.user_simulation import user_simulation
from starlette.responses import HTMLResponse, PlainTextResponse

from branding.settings import Settings
from branding.web import MAX_HEADER_BYTES, ServiceMiddleware, install_guards
from tests.api.conftest import client_for, profile_with

ROOT = Path(__file__).resolve().parents[2]
ERROR_KEYS = {'error', 'detail', 'request_id', 'timestamp'}
PROFILE = profile_with()


def assert_error_shape(response: httpx.Response, status: int, error: str) -> dict[str, Any]:
    assert response.status_code == status, response.text[:300]
    assert response.headers['content-type'] == 'application/json'
    body: dict[str, Any] = response.json()
    assert set(body) == ERROR_KEYS
    assert body['error'] == error
    assert body['request_id'] == response.headers['x-request-id']
    return body


async def chunked(total: int, size: int = 4096) -> AsyncIterator[bytes]:
    """A body with no content-length: httpx sends it with Transfer-Encoding: chunked."""
    sent = 0
    while sent < total:
        yield b' ' * min(size, total - sent)
        sent += size


async def chunked_json(body: bytes) -> AsyncIterator[bytes]:
    yield body


# --- the API on a bare app ------------------------------------------------------------------------------------------


async def test_head_health_answers_200_without_a_body(client: httpx.AsyncClient) -> None:
    response = await client.head('/health')
    assert response.status_code == 200
    assert response.content == b''


@pytest.mark.parametrize(
    ('method', 'path', 'allow'),
    [
        ('POST', '/health', 'GET, HEAD'),
        ('PUT', '/api/v1/kits/abcdefghijkl', 'DELETE, GET, PATCH'),
        ('POST', '/api/v1/company-types', 'GET'),
        ('GET', '/api/v1/generate-branding', 'POST'),
        ('DELETE', '/_api-docs/swagger-ui.css', 'GET, HEAD'),
    ],
)
async def test_a_wrong_method_is_a_405_naming_every_allowed_method(
    client: httpx.AsyncClient, method: str, path: str, allow: str
) -> None:
    response = await client.request(method, path)
    assert_error_shape(response, 405, 'method_not_allowed')
    assert response.headers['allow'] == allow


async def test_a_chunked_body_over_the_cap_is_a_413() -> None:
    app = FastAPI()
    install_guards(app, max_body_bytes=1024)

    @app.post('/echo')
    async def echo(payload: dict[str, Any]) -> dict[str, Any]:
        return payload

    async with client_for(app) as client:
        response = await client.post('/echo', content=chunked(4096), headers={'content-type': 'application/json'})
        assert 'content-length' not in response.request.headers
        body = assert_error_shape(response, 413, 'payload_too_large')
        assert '1024 bytes' in body['detail']
        small = await client.post(
            '/echo', content=chunked_json(b'{"a": 1}'), headers={'content-type': 'application/json'}
        )
        assert small.json() == {'a': 1}


async def test_the_api_refuses_a_chunked_kit_request_over_the_cap(client: httpx.AsyncClient) -> None:
    response = await client.post(
        '/api/v1/generate-branding', content=chunked(200_000), headers={'content-type': 'application/json'}
    )
    assert_error_shape(response, 413, 'payload_too_large')


async def test_headers_over_the_cap_are_a_431(client: httpx.AsyncClient) -> None:
    response = await client.get('/api', headers={'x-padding': 'a' * (MAX_HEADER_BYTES + 1)})
    body = assert_error_shape(response, 431, 'request_header_fields_too_large')
    assert str(MAX_HEADER_BYTES) in body['detail']
    many = {f'x-padding-{index}': 'a' * 1000 for index in range(20)}
    assert_error_shape(await client.get('/api', headers=many), 431, 'request_header_fields_too_large')


async def test_headers_within_the_cap_pass(client: httpx.AsyncClient) -> None:
    response = await client.get('/api', headers={'x-padding': 'a' * (MAX_HEADER_BYTES // 2)})
    assert response.status_code == 200


async def test_a_websocket_with_headers_over_the_cap_is_refused_before_the_app_sees_it() -> None:
    reached: list[str] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        reached.append(scope['type'])

    sent: list[dict[str, Any]] = []

    async def send(message: Any) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {'type': 'websocket.connect'}

    guarded = ServiceMiddleware(app, max_body_bytes=1024)
    big = {'type': 'websocket', 'path': '/_nicegui_ws/socket.io/', 'headers': [(b'x-padding', b'a' * 20_000)]}
    await guarded(big, receive, send)
    assert reached == []
    assert sent == [{'type': 'websocket.close', 'code': 1008}]
    await guarded({**big, 'headers': [(b'host', b'localhost')]}, receive, send)
    assert reached == ['websocket']


# --- apps that answer errors their own way ------------------------------------------------------------------------


async def text_not_found(scope: Any, receive: Any, send: Any) -> None:
    """A mounted app that answers for itself, as Socket.IO does for unknown paths."""
    await PlainTextResponse('Not Found', status_code=404)(scope, receive, send)


async def page_not_found(request: Any, exc: Exception) -> HTMLResponse:
    """NiceGUI's own 404 handler draws an HTML page."""
    return HTMLResponse('<h1>This page is not here</h1>', status_code=404)


def app_like_the_studio() -> FastAPI:
    app = FastAPI()
    app.add_exception_handler(404, page_not_found)  # NiceGUI registers its handler before the API is mounted
    install_guards(app, max_body_bytes=1024)
    app.mount('/socket', text_not_found)

    @app.get('/api/v1/things')
    async def things() -> list[str]:
        return []

    return app


@pytest.fixture
async def studio_like() -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(app_like_the_studio()) as client:
        yield client


async def test_a_mounted_apps_own_404_is_put_in_the_error_shape(studio_like: httpx.AsyncClient) -> None:
    body = assert_error_shape(await studio_like.get('/socket/nope'), 404, 'not_found')
    assert body['detail'] == 'Not Found'


@pytest.mark.parametrize('path', ['/api/v1/nope', '/api/nope', '/api/v1/things/1', '/_nicegui/nope'])
async def test_an_unmatched_machine_path_gets_the_error_shape_not_the_page(
    studio_like: httpx.AsyncClient, path: str
) -> None:
    assert_error_shape(await studio_like.get(path), 404, 'not_found')
    assert_error_shape(await studio_like.post(path), 404, 'not_found')


async def test_a_page_url_keeps_the_html_404_page(studio_like: httpx.AsyncClient) -> None:
    response = await studio_like.get('/no-such-page')
    assert response.status_code == 404
    assert response.headers['content-type'].startswith('text/html')
    assert 'This page is not here' in response.text


async def test_an_error_already_in_the_shape_passes_unchanged(studio_like: httpx.AsyncClient) -> None:
    response = await studio_like.put('/api/v1/things')
    assert_error_shape(response, 405, 'method_not_allowed')
    assert response.headers['allow'] == 'GET'


async def test_a_head_request_for_a_missing_path_gets_the_shapes_headers_and_no_body(
    studio_like: httpx.AsyncClient,
) -> None:
    response = await studio_like.head('/socket/nope')
    assert response.status_code == 404
    assert response.headers['content-type'] == 'application/json'
    assert response.content == b''


# --- the studio's own app (app.py under NiceGUI) ------------------------------------------------------------------


@pytest.fixture
async def studio() -> AsyncIterator[httpx.AsyncClient]:
    """app.py as NiceGUI runs it, over ASGI (the font mount depends on installed fonts: the e2e tests cover it)."""
    async with user_simulation(main_file=ROOT / 'app.py') as user:
        yield user.http_client


@pytest.mark.parametrize(
    'path',
    [
        '/api/v1/nope',
        '/api/v1/kits/abcdefghijkl/nope',
        '/_api-docs/nope.js',
        f'/_nicegui/{nicegui_version}/static/nope.js',
        f'/_nicegui/{nicegui_version}/libraries/nope',
        '/_nicegui/nope',
        '/_nicegui_ws/nope',
    ],
)
async def test_every_404_of_the_studios_app_outside_its_pages_has_the_error_shape(
    studio: httpx.AsyncClient, path: str
) -> None:
    assert_error_shape(await studio.get(path), 404, 'not_found')


@pytest.mark.parametrize('path', ['/api/v1/nope', f'/_nicegui/{nicegui_version}/nope'])
async def test_a_missing_api_path_builds_no_page_client(studio: httpx.AsyncClient, path: str) -> None:
    """NiceGUI's 404 page is a whole page client held for a minute: a flood of API typos must not build them."""
    before = set(Client.instances)
    assert (await studio.get(path)).status_code == 404
    assert set(Client.instances) == before
    page = await studio.get('/no-such-page')
    assert page.status_code == 404 and page.headers['content-type'].startswith('text/html'), 'a page URL gets a page'
    assert set(Client.instances) == before, 'not even a page URL builds a page client for its 404'


async def test_the_studios_static_files_are_still_served(studio: httpx.AsyncClient) -> None:
    docs = await studio.get('/_api-docs/swagger-ui.css')
    assert docs.status_code == 200
    assert docs.headers['content-type'].startswith('text/css')
    nicegui_static = await studio.get(f'/_nicegui/{nicegui_version}/static/nicegui.css')
    assert nicegui_static.status_code == 200


async def test_a_missing_page_of_the_studio_gets_an_html_404(studio: httpx.AsyncClient) -> None:
    response = await studio.get('/no-such-page')
    assert response.status_code == 404
    assert response.headers['content-type'].startswith('text/html')


@pytest.mark.parametrize(
    ('method', 'path', 'allow'),
    [('POST', '/health', 'GET, HEAD'), ('DELETE', '/', 'GET'), ('POST', '/_api-docs/swagger-ui.css', 'GET, HEAD')],
)
async def test_the_studios_405s_name_the_allowed_methods(
    studio: httpx.AsyncClient, method: str, path: str, allow: str
) -> None:
    response = await studio.request(method, path)
    assert_error_shape(response, 405, 'method_not_allowed')
    assert response.headers['allow'] == allow


async def test_the_studio_refuses_a_chunked_body_over_the_cap_with_413(studio: httpx.AsyncClient) -> None:
    too_big = Settings().max_body_bytes + 1
    response = await studio.post(
        '/api/v1/generate-branding', content=chunked(too_big), headers={'content-type': 'application/json'}
    )
    assert_error_shape(response, 413, 'payload_too_large')


async def test_the_studio_answers_head_health(studio: httpx.AsyncClient) -> None:
    response = await studio.head('/health')
    assert response.status_code == 200
    assert response.content == b''


async def test_a_kit_request_fits_in_the_caps(studio: httpx.AsyncClient) -> None:
    response = await studio.post(
        '/api/v1/generate-branding', json={'company_profile': PROFILE, 'focus': 'palette', 'seed': 1}
    )
    assert response.status_code == 200, response.text[:300]
