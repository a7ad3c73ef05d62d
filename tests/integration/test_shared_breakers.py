"""Two instances' provider chains on one Redis: a provider that refuses one instance's key is skipped by the other
without a call, against the fake provider server on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable

import pytest
from pydantic import BaseModel

from branding.chain import ProviderChain
from branding.llm_json import parse_reply
from branding.models import SectionStatus
from branding.providers.base import ChatRequest
from branding.providers.registry import build_providers
from branding.redis_state import connect
from branding.service import shared_breakers
from branding.settings import Settings
from tests.fakes.provider_server import FakeProviderServer, ok, status

pytest_plugins = ['tests.fakes.plugin']
pytestmark = pytest.mark.filterwarnings('ignore:The `__fields__` attribute is deprecated')

KEY = 'test-key-DO-NOT-LEAK-789'


class Tagline(BaseModel):
    tagline: str


REQUEST = ChatRequest(
    system='Reply with JSON.', user='A tagline.', json_schema=Tagline.model_json_schema(), schema_name='tagline'
)
TAGLINE = json.dumps({'tagline': 'Counted twice, kept once.'})


def parse_tagline(text: str) -> Tagline:
    return parse_reply(text, Tagline)


@pytest.fixture
async def instance_chain(
    provider_server: FakeProviderServer, redis_url: str
) -> AsyncIterator[Callable[[], ProviderChain]]:
    """Chains as build_kit_service makes them with REDIS_URL set, one per simulated instance."""
    settings = Settings.model_validate(provider_server.provider_settings(KEY, 'together,cohere,offline'))
    built: list[ProviderChain] = []
    clients = []

    def make() -> ProviderChain:
        client = connect(redis_url)
        clients.append(client)
        providers = build_providers(settings)
        built.append(ProviderChain(providers, settings, breakers=shared_breakers(settings, providers, client)))
        return built[-1]

    yield make
    for chain in built:
        await chain.aclose()
    for client in clients:
        await client.aclose()


async def test_a_provider_tripped_on_one_instance_is_skipped_by_the_other(
    instance_chain: Callable[[], ProviderChain], provider_server: FakeProviderServer, caplog: pytest.LogCaptureFixture
) -> None:
    first, second = instance_chain(), instance_chain()
    provider_server.script('together', status(401))
    provider_server.script('cohere', ok(TAGLINE), ok(TAGLINE))

    on_first = await first.run('tagline', REQUEST, parse_tagline)
    on_second = await second.run('tagline', REQUEST, parse_tagline)

    assert on_first.provenance.provider == on_second.provenance.provider == 'cohere'
    assert len(provider_server.requests('together')) == 1, 'the second instance never called the refusing provider'
    assert 'circuit open' in on_second.provenance.note
    assert on_second.provenance.status is SectionStatus.FALLBACK
    assert dict(second.breaker_states())['together'] == 'open'
    assert KEY not in caplog.text
