"""SIGTERM drains an instance: its port closes at once, so a load balancer moves new requests elsewhere, and the
generation under way finishes, is saved and is answered before the process exits (BRANDSMITH_DRAIN_S)."""

from __future__ import annotations

import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import closing

import httpx
import pytest

from branding.models import EXAMPLE_PROFILE, SectionName
from tests.conftest import AppServer
from tests.fakes.brand_sections import by_section
from tests.fakes.provider_server import FakeProviderServer

pytestmark = pytest.mark.e2e

KEY = 'e2e-drain-key-DO-NOT-LEAK'
SECTION_LATENCY_S = 3.0


@pytest.fixture
def slow_provider() -> Iterator[FakeProviderServer]:
    server = FakeProviderServer()
    server.start()
    server.respond_with('together', by_section(dict.fromkeys(SectionName, SECTION_LATENCY_S)))
    yield server
    server.stop()


@pytest.fixture
def draining_app(slow_provider: FakeProviderServer) -> Iterator[AppServer]:
    with AppServer(
        extra_env={
            **slow_provider.provider_settings(KEY, 'together,offline'),
            'BRANDSMITH_DRAIN_S': '30',
            'BRANDSMITH_CALL_TIMEOUT': '20',
            'BRANDSMITH_SECTION_BUDGET': '25',
        }
    ) as server:
        yield server


def refuses_connections(url: str) -> bool:
    try:
        httpx.get(f'{url}/health', timeout=1)
    except httpx.ConnectError:
        return True
    except httpx.HTTPError:
        return False
    return False


def test_sigterm_closes_the_port_and_finishes_the_generation_under_way(
    draining_app: AppServer, slow_provider: FakeProviderServer
) -> None:
    answer: list[httpx.Response] = []
    body = {'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'), 'num_variations': 1, 'focus': 'palette'}
    generation = threading.Thread(
        target=lambda: answer.append(httpx.post(f'{draining_app.url}/api/v1/generate-branding', json=body, timeout=60))
    )
    generation.start()
    deadline = time.monotonic() + 30
    while not slow_provider.requests('together'):  # the generation has reached the provider
        assert time.monotonic() < deadline, 'the generation never called the provider'
        time.sleep(0.05)

    draining_app.process.send_signal(signal.SIGTERM)
    while not refuses_connections(draining_app.url):
        assert time.monotonic() < deadline, 'the port stayed open after SIGTERM'
        time.sleep(0.05)
    still_running = generation.is_alive()
    generation.join(timeout=60)

    assert still_running, 'new connections were refused while the generation was still under way'
    [response] = answer
    assert response.status_code == 200, response.text
    kit = response.json()
    assert kit['sections']['palette']['provider'] == 'together'
    assert draining_app.process.wait(timeout=30) == 0
    with closing(sqlite3.connect(draining_app.data_dir / 'kits.db')) as database:
        assert database.execute('SELECT id FROM kits').fetchall() == [(kit['id'],)]
