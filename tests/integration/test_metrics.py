"""The chain tells the metrics what it does: provider errors by status, why it moved past a provider, calls in
flight and breaker states, against the fake provider server on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import BaseModel

from branding.chain import ProviderChain
from branding.llm_json import parse_reply
from branding.metrics import Metrics
from branding.providers.base import ChatRequest
from branding.providers.registry import build_providers
from branding.settings import Settings
from tests.fakes.provider_server import FakeProviderServer, invalid, ok, status

pytest_plugins = ['tests.fakes.plugin']
pytestmark = pytest.mark.filterwarnings('ignore:The `__fields__` attribute is deprecated')

KEY = 'test-key-DO-NOT-LEAK-456'


class Tagline(BaseModel):
    tagline: str


REQUEST = ChatRequest(
    system='Reply with JSON.', user='A tagline.', json_schema=Tagline.model_json_schema(), schema_name='tagline'
)


def parse_tagline(text: str) -> Tagline:
    return parse_reply(text, Tagline)


def samples(metrics: Metrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of the rendered text, parsed by prometheus_client's own parser: name and labels to value."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(metrics.render().decode())
        for sample in family.samples
    }


@pytest.fixture
async def observed(provider_server: FakeProviderServer) -> AsyncIterator[tuple[ProviderChain, Metrics]]:
    settings = Settings.model_validate(
        provider_server.provider_settings(KEY, 'together,cohere,offline')
        | {'BRANDSMITH_BREAKER_THRESHOLD': 1, 'BRANDSMITH_RETRY_AFTER_CAP': 0.1, 'BRANDSMITH_CALL_TIMEOUT': 5}
    )
    metrics = Metrics()
    chain = ProviderChain(build_providers(settings), settings, observer=metrics)
    metrics.watch_breakers(chain)
    try:
        yield chain, metrics
    finally:
        await chain.aclose()


async def test_errors_fallbacks_calls_and_breakers_are_counted(
    observed: tuple[ProviderChain, Metrics], provider_server: FakeProviderServer
) -> None:
    chain, metrics = observed
    provider_server.script('together', status(503, retry_after='0'), status(503, retry_after='0'))
    provider_server.script('cohere', invalid(), invalid())

    first = await chain.run('tagline', REQUEST, parse_tagline)

    assert first.value is None
    numbers = samples(metrics)
    assert numbers[('brandsmith_provider_errors_total', (('provider', 'together'), ('status', '503')))] == 2
    assert numbers[('brandsmith_fallbacks_total', (('provider', 'together'), ('reason', 'server')))] == 1
    assert numbers[('brandsmith_fallbacks_total', (('provider', 'cohere'), ('reason', 'invalid_output')))] == 1
    assert not any(
        name == 'brandsmith_provider_errors_total' and ('provider', 'cohere') in labels for name, labels in numbers
    )
    assert numbers[('brandsmith_provider_calls_in_flight', (('provider', 'together'),))] == 0
    assert numbers[('brandsmith_provider_calls_in_flight', (('provider', 'cohere'),))] == 0
    assert numbers[('brandsmith_breaker_state', (('provider', 'together'), ('state', 'open')))] == 1
    assert numbers[('brandsmith_breaker_state', (('provider', 'together'), ('state', 'closed')))] == 0
    assert numbers[('brandsmith_breaker_state', (('provider', 'cohere'), ('state', 'closed')))] == 1

    provider_server.script('cohere', ok(json.dumps({'tagline': 'Ledgers that add up.'})))
    second = await chain.run('tagline', REQUEST, parse_tagline)

    assert second.value == Tagline(tagline='Ledgers that add up.')
    numbers = samples(metrics)
    assert numbers[('brandsmith_fallbacks_total', (('provider', 'together'), ('reason', 'breaker_open')))] == 1
    assert numbers[('brandsmith_provider_errors_total', (('provider', 'together'), ('status', '503')))] == 2
