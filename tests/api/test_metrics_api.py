"""GET /metrics: the admin's view of this instance's numbers, parsed with prometheus_client's own parser; and the
JSON log lines that carry each request's id."""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from branding.clients import ClientResolver
from branding.logs import JsonFormatter
from branding.metrics import Metrics
from branding.models import EXAMPLE_PROFILE, Focus
from branding.page_limit import PageLimitMiddleware
from branding.ratelimit import RateLimiter
from branding.registry import sections_for
from branding.service import KitService, build_kit_service
from branding.settings import Settings
from branding.web import Receive, Scope, Send
from tests.api.conftest import api_app, client_for

ADMIN = 'admin-token-DO-NOT-LEAK-metrics-1'
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def samples(text: str) -> Samples:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def body(seed: int) -> dict[str, Any]:
    return {
        'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'),
        'num_variations': 1,
        'focus': 'palette',
        'seed': seed,
    }


@pytest.fixture
async def admin_service(tmp_path: Path) -> AsyncIterator[KitService]:
    settings = Settings.model_validate(
        {
            'DATABASE_URL': f'sqlite:///{tmp_path / "kits.db"}',
            'BRANDSMITH_ADMIN_TOKEN': ADMIN,
            'BRANDSMITH_RATE_LIMIT': 3,
        }
    )
    service = build_kit_service(settings)
    try:
        yield service
    finally:
        await service.close()


@pytest.fixture
async def client(admin_service: KitService) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(api_app(service=admin_service)) as http:
        yield http


async def test_metrics_need_the_admin_token(client: httpx.AsyncClient) -> None:
    assert (await client.get('/metrics')).status_code == 401
    refused = await client.get('/metrics', headers={'Authorization': 'Bearer not-the-admin'})
    assert refused.status_code == 401
    assert refused.json()['error'] == 'unauthorized'
    assert ADMIN not in refused.text
    allowed = await client.get('/metrics', headers={'Authorization': f'Bearer {ADMIN}'})
    assert allowed.status_code == 200
    assert allowed.headers['content-type'].startswith('text/plain')


async def test_without_an_admin_token_there_is_no_metrics_route(tmp_path: Path) -> None:
    service = build_kit_service(Settings.model_validate({'DATABASE_URL': f'sqlite:///{tmp_path / "kits.db"}'}))
    try:
        async with client_for(api_app(service=service)) as http:
            assert (await http.get('/metrics')).status_code == 404
    finally:
        await service.close()


async def test_kits_sections_exports_and_refusals_are_counted(client: httpx.AsyncClient) -> None:
    made = await client.post('/api/v1/generate-branding', json=body(seed=5))
    again = await client.post('/api/v1/generate-branding', json=body(seed=5))
    assert made.status_code == again.status_code == 200
    assert again.json()['id'] == made.json()['id'], 'the identical seeded request is reused'
    kit_id = made.json()['id']
    assert (await client.get(f'/api/v1/kits/{kit_id}/export/css')).status_code == 200
    assert (await client.get(f'/api/v1/kits/{kit_id}/export/tokens')).status_code == 200
    assert (await client.post('/api/v1/generate-branding', json=body(seed=6))).status_code == 200
    assert (await client.post('/api/v1/generate-branding', json=body(seed=7))).status_code == 429

    numbers = samples((await client.get('/metrics', headers={'Authorization': f'Bearer {ADMIN}'})).text)

    assert numbers[('brandsmith_kits_total', (('source', 'new'),))] == 2
    assert numbers[('brandsmith_kits_total', (('source', 'reused'),))] == 1
    section_counts = sum(
        value for (name, _labels), value in numbers.items() if name == 'brandsmith_section_seconds_count'
    )
    assert section_counts == 2 * len(sections_for(Focus.PALETTE))
    assert numbers[('brandsmith_export_seconds_count', (('format', 'css'),))] == 1
    assert numbers[('brandsmith_export_seconds_count', (('format', 'tokens'),))] == 1
    assert numbers[('brandsmith_rate_limited_total', (('budget', 'kits'),))] == 1


async def page(scope: Scope, receive: Receive, send: Send) -> None:
    await send({'type': 'http.response.start', 'status': 200, 'headers': []})
    await send({'type': 'http.response.body', 'body': b'page'})


async def test_page_loads_are_counted_served_and_refused() -> None:
    metrics = Metrics()
    app = PageLimitMiddleware(
        page, limiter=RateLimiter(per_minute=2), clients=ClientResolver.from_setting(''), metrics=metrics
    )
    transport = httpx.ASGITransport(app=app, client=('198.51.100.4', 5000))
    async with httpx.AsyncClient(transport=transport, base_url='http://bs.test') as http:
        statuses = [(await http.get(path)).status_code for path in ('/', '/kit/abc', '/', '/api/v1/kits')]

    assert statuses == [200, 200, 429, 200]
    numbers = samples(metrics.render().decode())
    assert numbers[('brandsmith_page_loads_total', (('outcome', 'served'),))] == 2
    assert numbers[('brandsmith_page_loads_total', (('outcome', 'refused'),))] == 1
    assert numbers[('brandsmith_rate_limited_total', (('budget', 'pages'),))] == 1


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """The app's log lines as the JSON formatter writes them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)


async def test_json_log_lines_carry_the_request_id(client: httpx.AsyncClient, json_log: io.StringIO) -> None:
    response = await client.get('/api/v1/kits/missing-kit-id', headers={'X-Request-ID': 'req-0123456789'})
    assert response.status_code == 404

    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]

    request_lines = [line for line in lines if line.get('request_id') == 'req-0123456789']
    assert request_lines, lines
    assert any('/api/v1/kits/missing-kit-id' in line['message'] for line in request_lines)
    assert {'time', 'level', 'logger', 'message'} <= request_lines[0].keys()


def test_a_json_log_line_keeps_an_exception_on_its_line() -> None:
    formatter = JsonFormatter()
    try:
        raise ValueError('a "quoted"\nmulti-line problem')
    except ValueError:
        record = logging.LogRecord('branding', logging.ERROR, __file__, 1, 'failed: %s', ('x',), sys.exc_info())
    line = formatter.format(record)

    assert '\n' not in line
    entry = json.loads(line)
    assert entry['level'] == 'ERROR' and entry['message'] == 'failed: x'
    assert 'ValueError: a "quoted"\nmulti-line problem' in entry['exception']
