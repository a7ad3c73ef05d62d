"""The app as operators run it: JSON log lines that name each request, /metrics for the admin token and the same
numbers on BRANDSMITH_METRICS_PORT, all parsed the way Prometheus and a log pipeline would."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from branding.models import EXAMPLE_PROFILE
from tests.conftest import AppServer, free_port

pytestmark = pytest.mark.e2e

ADMIN = 'admin-token-DO-NOT-LEAK-e2e-metrics'


def kits_made(text: str) -> float:
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == 'brandsmith_kits_total'
    )


@pytest.fixture(scope='module')
def operated_app() -> Iterator[tuple[AppServer, int]]:
    metrics_port = free_port()
    with AppServer(
        extra_env={
            'BRANDSMITH_LOG_FORMAT': 'json',
            'BRANDSMITH_METRICS_PORT': str(metrics_port),
            'BRANDSMITH_ADMIN_TOKEN': ADMIN,
        }
    ) as server:
        yield server, metrics_port


def test_metrics_on_the_app_port_and_the_metrics_port_count_the_kits(operated_app: tuple[AppServer, int]) -> None:
    server, metrics_port = operated_app
    body = {'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'), 'num_variations': 1, 'focus': 'palette'}
    assert httpx.post(f'{server.url}/api/v1/generate-branding', json=body, timeout=60).status_code == 200

    assert httpx.get(f'{server.url}/metrics').status_code == 401
    on_app_port = httpx.get(f'{server.url}/metrics', headers={'Authorization': f'Bearer {ADMIN}'})
    on_metrics_port = httpx.get(f'http://127.0.0.1:{metrics_port}/metrics')

    assert on_app_port.status_code == on_metrics_port.status_code == 200
    assert kits_made(on_app_port.text) == kits_made(on_metrics_port.text) == 1


def test_every_log_line_is_json_and_request_lines_carry_their_id(operated_app: tuple[AppServer, int]) -> None:
    server, _ = operated_app
    response = httpx.get(f'{server.url}/api/v1/company-types', headers={'X-Request-ID': 'e2e-req-42'})
    assert response.headers['x-request-id'] == 'e2e-req-42'

    deadline = time.monotonic() + 10
    while True:  # the server logs a request once it has answered it: the line may land a moment after the answer
        written = server.output()
        written = written[: written.rfind('\n') + 1]  # whole lines only: the server may be writing the next one
        entries = [json.loads(line) for line in written.splitlines() if line.strip()]  # fails on a line not JSON
        mine = [entry for entry in entries if entry.get('request_id') == 'e2e-req-42']
        if any('/api/v1/company-types' in entry['message'] for entry in mine) or time.monotonic() > deadline:
            break
        time.sleep(0.1)

    assert any('/api/v1/company-types' in entry['message'] for entry in mine)
    assert 'brandsmith.http' in {entry['logger'] for entry in entries}
