"""Saved kits, streaming, and the guard rails of a public service, over ASGI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from branding.models import EXAMPLE_PROFILE
from branding.ratelimit import RateLimiter
from branding.service import KitService, build_kit_service
from branding.settings import Settings
from tests.api.conftest import api_app, client_for


def body(**overrides: Any) -> dict[str, Any]:
    return {'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'), 'num_variations': 2, **overrides}


def parse_sse(text: str) -> list[tuple[str, Any]]:
    events = []
    for block in text.strip().split('\n\n'):
        lines = dict(line.split(': ', 1) for line in block.splitlines())
        events.append((lines['event'], json.loads(lines['data'])))
    return events


async def test_the_stream_sends_each_section_then_the_saved_kit_id(client: httpx.AsyncClient) -> None:
    async with client.stream('POST', '/api/v1/generate-branding/stream', json=body()) as response:
        assert response.status_code == 200
        assert response.headers['content-type'].startswith('text/event-stream')
        text = ''.join([chunk async for chunk in response.aiter_text()])
    events = parse_sse(text)
    sections = [data['section'] for name, data in events if name == 'section']
    assert sorted(sections) == ['guidelines', 'logos', 'palette', 'taglines', 'typography']
    assert [name for name, _ in events].count('started') == 5
    name, done = events[-1]
    assert name == 'done'
    palette = next(data for name, data in events if name == 'section' and data['section'] == 'palette')
    assert palette['provenance']['provider'] == 'offline'
    saved = (await client.get(f'/api/v1/kits/{done["kit_id"]}')).json()
    assert saved['color_palette'] == palette['data']


async def test_saved_kits_are_listed_fetched_and_deleted(client: httpx.AsyncClient) -> None:
    kit = (await client.post('/api/v1/generate-branding', json=body(focus='palette'))).json()
    listing = (await client.get('/api/v1/kits', params={'limit': 5})).json()
    assert listing['items'][0]['id'] == kit['id']
    assert listing['items'][0]['company_name'] == EXAMPLE_PROFILE.name
    assert listing['total'] >= 1 and listing['limit'] == 5
    assert (await client.get(f'/api/v1/kits/{kit["id"]}')).json() == kit
    assert (await client.delete(f'/api/v1/kits/{kit["id"]}')).status_code == 204
    missing = await client.get(f'/api/v1/kits/{kit["id"]}')
    assert missing.status_code == 404
    assert missing.json()['error'] == 'not_found'
    assert set(missing.json()) == {'error', 'detail', 'request_id', 'timestamp'}


async def test_kit_ids_are_long_and_unguessable(client: httpx.AsyncClient) -> None:
    ids = {(await client.post('/api/v1/generate-branding', json=body(focus='tagline'))).json()['id'] for _ in range(3)}
    assert len(ids) == 3
    assert all(len(kit_id) >= 22 for kit_id in ids)  # 16 random bytes in URL-safe base64


async def test_an_identical_seeded_request_returns_the_saved_kit(client: httpx.AsyncClient) -> None:
    first = (await client.post('/api/v1/generate-branding', json=body(seed=99, focus='tagline'))).json()
    again = (await client.post('/api/v1/generate-branding', json=body(seed=99, focus='tagline'))).json()
    other = (await client.post('/api/v1/generate-branding', json=body(seed=100, focus='tagline'))).json()
    assert again['id'] == first['id']
    assert other['id'] != first['id']


async def test_every_response_carries_a_request_id_and_security_headers(client: httpx.AsyncClient) -> None:
    response = await client.get('/api/v1/company-types', headers={'X-Request-ID': 'trace-123'})
    assert response.headers['x-request-id'] == 'trace-123'
    assert "frame-ancestors 'none'" in response.headers['content-security-policy']
    assert response.headers['x-content-type-options'] == 'nosniff'
    assert response.headers['referrer-policy'] == 'strict-origin-when-cross-origin'
    assert response.headers['cache-control'] == 'no-store'
    forged = await client.get('/health', headers={'X-Request-ID': 'bad id\nwith newline'})
    assert forged.headers['x-request-id'] != 'bad id\nwith newline'


async def test_an_oversized_body_is_refused(client: httpx.AsyncClient) -> None:
    huge = body()
    huge['company_profile']['description'] = 'x' * (Settings().max_body_bytes + 10)
    response = await client.post('/api/v1/generate-branding', json=huge)
    assert response.status_code == 413
    assert response.json()['error'] == 'payload_too_large'


async def test_an_unknown_export_format_is_a_clear_404(client: httpx.AsyncClient) -> None:
    kit = (await client.post('/api/v1/generate-branding', json=body(focus='palette'))).json()
    response = await client.get(f'/api/v1/kits/{kit["id"]}/export/docx')
    assert response.status_code == 404
    assert response.json()['error'] == 'unknown_format'


@pytest.fixture
def limited_service(service: KitService) -> Iterator[KitService]:
    service.limiter = RateLimiter(per_minute=2)
    yield service


async def test_generation_is_rate_limited_per_client(client: httpx.AsyncClient, limited_service: KitService) -> None:
    for _ in range(2):
        assert (await client.post('/api/v1/generate-branding', json=body(focus='palette'))).status_code == 200
    refused = await client.post('/api/v1/generate-branding/stream', json=body(focus='palette'))
    assert refused.status_code == 429
    assert int(refused.headers['retry-after']) >= 1
    assert refused.json()['error'] == 'rate_limited'
    assert (await client.get('/api/v1/kits')).status_code == 200, 'reading is not limited'


async def test_the_docs_and_schema_are_served_without_a_cdn(client: httpx.AsyncClient) -> None:
    schema = (await client.get('/openapi.json')).json()
    assert schema['info']['title'] == 'Brandsmith API'
    assert '/api/v1/generate-branding' in schema['paths']
    assert not any(path.startswith('/_nicegui') or path == '/' for path in schema['paths'])
    example = schema['paths']['/api/v1/generate-branding']['post']['requestBody']['content']['application/json']
    assert 'whole_kit' in example['examples']
    for page in ('/docs', '/redoc'):
        html = (await client.get(page)).text
        assert '/_api-docs/' in html
        assert 'cdn.jsdelivr' not in html and 'fonts.googleapis' not in html
    assert (await client.get('/_api-docs/swagger-ui-bundle.js')).status_code == 200


async def test_requests_are_logged_without_the_profile(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level('INFO', logger='brandsmith.http')
    secret_description = 'A description nobody should find in the logs 7f3a9c'
    payload = body(focus='tagline')
    payload['company_profile']['description'] = secret_description
    response = await client.post('/api/v1/generate-branding', json=payload)
    lines = [record.getMessage() for record in caplog.records if record.name == 'brandsmith.http']
    assert any(
        line.startswith('POST /api/v1/generate-branding 200') and response.headers['x-request-id'] in line
        for line in lines
    )
    assert secret_description not in caplog.text


async def test_cors_is_off_by_default_and_follows_the_setting() -> None:
    async def preflight(app: FastAPI) -> httpx.Response:
        async with client_for(app) as client:
            return await client.options(
                '/api/v1/generate-branding',
                headers={'Origin': 'https://shop.example', 'Access-Control-Request-Method': 'POST'},
            )

    assert 'access-control-allow-origin' not in (await preflight(api_app())).headers
    response = await preflight(api_app(Settings().model_copy(update={'cors_origins': 'https://shop.example'})))
    assert response.headers['access-control-allow-origin'] == 'https://shop.example'


async def test_a_rotated_forwarded_header_does_not_escape_the_limit(limited_service: KitService) -> None:
    async with client_for(api_app(service=limited_service)) as client:
        statuses = [
            (
                await client.post(
                    '/api/v1/generate-branding',
                    json=body(focus='palette'),
                    headers={'X-Forwarded-For': f'203.0.113.{attempt}'},
                )
            ).status_code
            for attempt in range(4)
        ]
    assert statuses == [200, 200, 429, 429]


async def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget() -> None:
    service = build_kit_service(Settings.model_validate({'BRANDSMITH_TRUSTED_PROXIES': '127.0.0.0/8'}))
    service.limiter = RateLimiter(per_minute=1)
    try:
        async with client_for(api_app(service=service)) as client:

            async def generate(address: str) -> int:
                headers = {'X-Forwarded-For': address}
                response = await client.post('/api/v1/generate-branding', json=body(focus='palette'), headers=headers)
                return response.status_code

            assert [await generate('203.0.113.1'), await generate('203.0.113.1')] == [200, 429]
            assert await generate('203.0.113.2') == 200, 'another user behind the same proxy is not limited'
    finally:
        await service.close()
