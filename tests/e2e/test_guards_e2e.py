"""The guard rails through `python app.py`: uvicorn's own HTTP parser and NiceGUI's handlers in front of them."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from nicegui import __version__ as nicegui_version

from branding import __version__
from tests.conftest import AppServer

pytestmark = pytest.mark.e2e

ERROR_KEYS = {'error', 'detail', 'request_id', 'timestamp'}
MAX_BODY_BYTES = 4096
FONT = 'inter/files/inter-latin-400-normal.woff2'


@pytest.fixture(scope='module')
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    fonts = tmp_path_factory.mktemp('fonts')
    (fonts / FONT).parent.mkdir(parents=True)
    (fonts / FONT).write_bytes(b'wOF2')
    with AppServer(
        extra_env={'BRANDSMITH_FONTS_DIR': str(fonts), 'BRANDSMITH_MAX_BODY_BYTES': str(MAX_BODY_BYTES)}
    ) as app:
        yield app


def assert_error_shape(response: httpx.Response, status: int, error: str) -> dict[str, Any]:
    assert response.status_code == status, response.text[:300]
    assert response.headers['content-type'] == 'application/json'
    body: dict[str, Any] = response.json()
    assert set(body) == ERROR_KEYS
    assert body['error'] == error
    assert body['request_id'] == response.headers['x-request-id']
    return body


def raw_exchange(server: AppServer, request: bytes) -> bytes:
    """Send bytes as they are and read until the server closes: what a client's socket would see."""
    with socket.create_connection(('127.0.0.1', server.port), timeout=10) as connection:
        connection.sendall(request)
        received = b''
        while chunk := connection.recv(65536):
            received += chunk
    return received


def test_a_megabyte_of_headers_is_refused_with_431(server: AppServer) -> None:
    response = httpx.get(f'{server.url}/api', headers={'x-padding': 'a' * 1024 * 1024}, timeout=10)
    assert_error_shape(response, 431, 'request_header_fields_too_large')
    many = {f'x-padding-{index}': 'a' * 1000 for index in range(20)}  # many headers, none of them large
    page = httpx.get(f'{server.url}/', headers=many)
    assert_error_shape(page, 431, 'request_header_fields_too_large')


def test_ordinary_headers_pass(server: AppServer) -> None:
    response = httpx.get(f'{server.url}/api', headers={'cookie': 'a=' + 'b' * 4000})
    assert response.status_code == 200


def test_head_health_answers_200_with_no_body(server: AppServer) -> None:
    # two requests on one connection: had HEAD sent a body, it would sit between the two answers
    received = raw_exchange(
        server,
        b'HEAD /health HTTP/1.1\r\nHost: localhost\r\n\r\n'
        b'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
    )
    head, after = received.split(b'\r\n\r\n', 1)
    assert head.startswith(b'HTTP/1.1 200 ')
    assert after.startswith(b'HTTP/1.1 200 ')
    assert b'content-length: ' in head.lower(), 'HEAD says how long the GET body would be'
    assert after.count(b'HTTP/1.1 ') == 1
    assert after.endswith(f'"status":"ok","version":"{__version__}"}}'.encode())


@pytest.mark.parametrize(
    'path',
    [
        '/api/v1/nope',
        '/api/nope',
        '/fonts/nope.woff2',
        f'/_nicegui/{nicegui_version}/static/nope.js',
        f'/_nicegui/{nicegui_version}/components/nope',
        '/_nicegui/nope',
        '/_nicegui_ws/nope',
        '/_api-docs/nope.js',
    ],
)
def test_every_404_outside_the_pages_has_the_error_shape(server: AppServer, path: str) -> None:
    assert_error_shape(httpx.get(f'{server.url}{path}'), 404, 'not_found')


def test_a_missing_page_is_still_a_page(server: AppServer) -> None:
    response = httpx.get(f'{server.url}/no-such-page')
    assert response.status_code == 404
    assert response.headers['content-type'].startswith('text/html')


def test_the_static_mounts_still_serve_their_files(server: AppServer) -> None:
    font = httpx.get(f'{server.url}/fonts/{FONT}')
    assert font.status_code == 200
    assert font.content == b'wOF2'
    assert httpx.get(f'{server.url}/_api-docs/swagger-ui.css').status_code == 200


@pytest.mark.parametrize(
    ('method', 'path', 'allow'),
    [
        ('POST', '/health', 'GET, HEAD'),
        ('PUT', '/api/v1/kits/abcdefghijkl', 'DELETE, GET, PATCH'),
        ('POST', '/_api-docs/swagger-ui.css', 'GET, HEAD'),
        ('DELETE', '/', 'GET'),
    ],
)
def test_a_wrong_method_is_a_405_with_allow(server: AppServer, method: str, path: str, allow: str) -> None:
    response = httpx.request(method, f'{server.url}{path}')
    assert_error_shape(response, 405, 'method_not_allowed')
    assert response.headers['allow'] == allow


def test_a_chunked_body_over_the_cap_is_a_413(server: AppServer) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(4):
            yield b' ' * MAX_BODY_BYTES

    response = httpx.post(
        f'{server.url}/api/v1/generate-branding', content=chunks(), headers={'content-type': 'application/json'}
    )
    assert response.request.headers['transfer-encoding'] == 'chunked'
    assert_error_shape(response, 413, 'payload_too_large')


def test_the_kits_database_and_its_wal_files_are_private(server: AppServer) -> None:
    data: Path = server.data_dir
    modes = {name: (data / name).stat().st_mode & 0o777 for name in ('kits.db', 'kits.db-wal', 'kits.db-shm')}
    assert modes == {'kits.db': 0o600, 'kits.db-wal': 0o600, 'kits.db-shm': 0o600}
