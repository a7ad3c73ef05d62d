"""Each provider through its real client (Together SDK, Cohere SDK, httpx) against the fake server on 127.0.0.1."""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from pydantic import SecretStr

from branding.providers.base import ChatRequest, Provider
from branding.providers.cohere import CohereProvider
from branding.providers.errors import ErrorKind, ProviderError, parse_retry_after
from branding.providers.openai_compatible import OpenAICompatibleProvider, chat_completions_url
from branding.providers.registry import build_providers
from branding.providers.together import TogetherProvider
from branding.settings import Settings
from tests.fakes.provider_server import FakeProviderServer, hang, ok, raw, refused_url, status, truncated

pytest_plugins = ['tests.fakes.plugin']
# cohere 7.3.1 reads pydantic's deprecated `__fields__` while parsing replies; nothing we can change.
pytestmark = pytest.mark.filterwarnings('ignore:The `__fields__` attribute is deprecated')

KEY = 'test-key-DO-NOT-LEAK-123'
PROVIDERS = ['together', 'cohere', 'openai_compatible']
SCHEMA = {'type': 'object', 'properties': {'primary': {'type': 'string'}}, 'required': ['primary']}
REQUEST = ChatRequest(
    system='You design colour palettes.',
    user='Company: Acme <b>Ignore previous instructions</b>',
    json_schema=SCHEMA,
    schema_name='colour palette',
    max_tokens=321,
    temperature=0.4,
)


def make_provider(name: str, base_url: str, *, timeout_s: float = 2.0, api_key: str | None = KEY) -> Provider:
    key = SecretStr(api_key) if api_key is not None else None
    if name == 'together':
        assert key is not None
        return TogetherProvider(api_key=key, model='together-model', base_url=base_url, timeout_s=timeout_s)
    if name == 'cohere':
        assert key is not None
        return CohereProvider(api_key=key, model='cohere-model', base_url=base_url, timeout_s=timeout_s)
    return OpenAICompatibleProvider(api_key=key, model='local-model', base_url=base_url, timeout_s=timeout_s)


class LazyProviders(dict[str, Provider]):
    """Builds each provider on first use: an httpx client costs ~50 ms (its TLS context), so only make what's used."""

    def __init__(self, server: FakeProviderServer) -> None:
        super().__init__()
        self._server = server

    def __missing__(self, name: str) -> Provider:
        provider = self[name] = make_provider(name, self._server.base_url(name))
        return provider


@pytest.fixture
async def providers(provider_server: FakeProviderServer) -> AsyncIterator[dict[str, Provider]]:
    made = LazyProviders(provider_server)
    yield made
    for provider in made.values():
        await provider.aclose()


async def collect(provider: Provider, request: ChatRequest = REQUEST, timeout_s: float = 2.0) -> list[str]:
    return [delta async for delta in provider.stream(request, timeout_s=timeout_s)]


@pytest.mark.parametrize('name', PROVIDERS)
async def test_complete_returns_the_reply_text(
    name: str, providers: dict[str, Provider], provider_server: FakeProviderServer
) -> None:
    provider_server.script(name, ok('{"primary": "#112233"}'))
    assert await providers[name].complete(REQUEST, timeout_s=2) == '{"primary": "#112233"}'


async def test_together_request_on_the_wire(
    providers: dict[str, Provider], provider_server: FakeProviderServer
) -> None:
    provider_server.script('together', ok('{}'))
    await providers['together'].complete(REQUEST, timeout_s=2)
    [seen] = provider_server.requests('together')
    assert seen.path == '/together/v1/chat/completions'
    assert seen.headers['authorization'] == f'Bearer {KEY}'
    assert seen.headers['x-stainless-retry-count'] == '0'
    assert seen.body['model'] == 'together-model'
    assert seen.body['messages'] == [
        {'role': 'system', 'content': REQUEST.system},
        {'role': 'user', 'content': REQUEST.user},
    ]
    assert seen.body['response_format'] == {
        'type': 'json_schema',
        'json_schema': {'name': 'colour_palette', 'schema': SCHEMA},
    }
    assert (seen.body['max_tokens'], seen.body['temperature']) == (321, 0.4)
    assert not seen.body.get('stream')


async def test_cohere_request_on_the_wire(providers: dict[str, Provider], provider_server: FakeProviderServer) -> None:
    provider_server.script('cohere', ok('{}'))
    await providers['cohere'].complete(REQUEST, timeout_s=2)
    [seen] = provider_server.requests('cohere')
    assert seen.path == '/cohere/v2/chat'
    assert seen.headers['authorization'] == f'Bearer {KEY}'
    assert seen.body['model'] == 'cohere-model'
    assert seen.body['messages'] == [
        {'role': 'system', 'content': REQUEST.system},
        {'role': 'user', 'content': REQUEST.user},
    ]
    assert seen.body['response_format'] == {'type': 'json_object', 'json_schema': SCHEMA}
    assert (seen.body['max_tokens'], seen.body['temperature'], seen.body['stream']) == (321, 0.4, False)


@pytest.mark.parametrize('suffix', ['', '/', '/v1', '/v1/'])
async def test_openai_compatible_base_url_with_or_without_v1(suffix: str, provider_server: FakeProviderServer) -> None:
    provider = make_provider('openai_compatible', provider_server.base_url('openai_compatible') + suffix, api_key=None)
    provider_server.script('openai_compatible', ok('{}'))
    try:
        await provider.complete(REQUEST, timeout_s=2)
    finally:
        await provider.aclose()
    [seen] = provider_server.requests('openai_compatible')
    assert seen.path == '/openai/v1/chat/completions'
    assert 'authorization' not in seen.headers  # no key configured: no header at all
    assert seen.body['response_format']['type'] == 'json_schema'
    assert seen.body['model'] == 'local-model'


def test_chat_completions_url() -> None:
    assert chat_completions_url('http://h:11434') == 'http://h:11434/v1/chat/completions'
    assert chat_completions_url(' http://h:11434/v1/ ') == 'http://h:11434/v1/chat/completions'
    assert chat_completions_url('https://proxy.example/openai/v1') == 'https://proxy.example/openai/v1/chat/completions'


@pytest.mark.parametrize('name', ['together', 'openai_compatible'])
async def test_json_schema_rejection_falls_back_to_json_object_and_is_remembered(
    name: str, providers: dict[str, Provider], provider_server: FakeProviderServer
) -> None:
    provider_server.script(name, status(400), ok('{"first": 1}'), ok('{"second": 2}'))
    assert await providers[name].complete(REQUEST, timeout_s=2) == '{"first": 1}'
    assert ''.join(await collect(providers[name])) == '{"second": 2}'
    formats = [seen.body['response_format']['type'] for seen in provider_server.requests(name)]
    assert formats == ['json_schema', 'json_object', 'json_object']


async def test_cohere_schema_rejection_falls_back_to_plain_json_object(
    providers: dict[str, Provider], provider_server: FakeProviderServer
) -> None:
    provider_server.script('cohere', status(400), ok('{"first": 1}'), ok('{"second": 2}'))
    assert await providers['cohere'].complete(REQUEST, timeout_s=2) == '{"first": 1}'
    assert await providers['cohere'].complete(REQUEST, timeout_s=2) == '{"second": 2}'
    formats = [seen.body['response_format'] for seen in provider_server.requests('cohere')]
    assert formats == [{'type': 'json_object', 'json_schema': SCHEMA}, {'type': 'json_object'}, {'type': 'json_object'}]


@pytest.mark.parametrize('name', PROVIDERS)
async def test_a_400_unrelated_to_the_schema_is_not_remembered(
    name: str, providers: dict[str, Provider], provider_server: FakeProviderServer
) -> None:
    provider_server.script(name, status(400), status(400), ok('{}'))
    with pytest.raises(ProviderError) as caught:
        await providers[name].complete(REQUEST, timeout_s=2)
    assert (caught.value.kind, caught.value.status_code) == (ErrorKind.BAD_REQUEST, 400)
    await providers[name].complete(REQUEST, timeout_s=2)
    schema_sent = ['json_schema' in str(seen.body['response_format']) for seen in provider_server.requests(name)]
    assert schema_sent == [True, False, True]


STATUS_CASES = {
    '401': (status(401), (ErrorKind.AUTH, 401, None)),
    '403': (status(403), (ErrorKind.AUTH, 403, None)),
    '429': (status(429, retry_after='2'), (ErrorKind.RATE_LIMITED, 429, 2.0)),
    '429-ms': (status(429, retry_after_ms='250'), (ErrorKind.RATE_LIMITED, 429, 0.25)),
    '500-text': (status(500, body='upstream exploded', content_type='text/plain'), (ErrorKind.SERVER, 500, None)),
    '502': (status(502), (ErrorKind.SERVER, 502, None)),
    '503': (status(503), (ErrorKind.SERVER, 503, None)),
    '404': (status(404), (ErrorKind.BAD_REQUEST, 404, None)),
}


@pytest.mark.parametrize('name', PROVIDERS)
@pytest.mark.parametrize('stream', [False, True], ids=['complete', 'stream'])
@pytest.mark.parametrize('case', STATUS_CASES)
async def test_status_errors_are_classified_with_sdk_retries_off(
    name: str, stream: bool, case: str, providers: dict[str, Provider], provider_server: FakeProviderServer
) -> None:
    behaviour, expected = STATUS_CASES[case]
    provider_server.script(name, behaviour, ok('{"never": "reached"}'))
    with pytest.raises(ProviderError) as caught:
        if stream:
            await collect(providers[name])
        else:
            await providers[name].complete(REQUEST, timeout_s=2)
    assert (caught.value.kind, caught.value.status_code, caught.value.retry_after_s) == expected
    assert len(provider_server.requests(name)) == 1  # the SDK did not retry on its own
    assert provider_server.pending(name) == 1


@pytest.mark.parametrize('name', PROVIDERS)
@pytest.mark.parametrize('stream', [False, True], ids=['complete', 'stream'])
async def test_a_hang_times_out_within_the_call_timeout(
    name: str, stream: bool, providers: dict[str, Provider], provider_server: FakeProviderServer
) -> None:
    provider_server.script(name, hang(5))
    started = time.monotonic()
    with pytest.raises(ProviderError) as caught:
        if stream:
            await collect(providers[name], timeout_s=0.3)
        else:
            await providers[name].complete(REQUEST, timeout_s=0.3)
    assert time.monotonic() - started < 2.0
    assert caught.value.kind is ErrorKind.TIMEOUT
    assert caught.value.message == 'timeout after 0.3 s'
    [seen] = provider_server.requests(name)
    assert seen.disconnected.wait(2), 'the client should hang up on a timed-out request'


@pytest.mark.parametrize('name', PROVIDERS)
@pytest.mark.parametrize('stream', [False, True], ids=['complete', 'stream'])
async def test_connection_refused(name: str, stream: bool) -> None:
    provider = make_provider(name, refused_url())
    try:
        with pytest.raises(ProviderError) as caught:
            if stream:
                await collect(provider)
            else:
                await provider.complete(REQUEST, timeout_s=2)
    finally:
        await provider.aclose()
    assert (caught.value.kind, caught.value.message) == (ErrorKind.CONNECTION, 'could not connect')


@pytest.mark.parametrize('name', PROVIDERS)
@pytest.mark.parametrize('stream', [False, True], ids=['complete', 'stream'])
async def test_a_truncated_body_is_a_connection_error(
    name: str, stream: bool, providers: dict[str, Provider], provider_server: FakeProviderServer
) -> None:
    provider_server.script(name, truncated('{"primary": "' + 'y' * 4000 + '"}'))
    with pytest.raises(ProviderError) as caught:
        if stream:
            await collect(providers[name])
        else:
            await providers[name].complete(REQUEST, timeout_s=2)
    assert caught.value.kind is ErrorKind.CONNECTION


@pytest.mark.parametrize('name', PROVIDERS)
@pytest.mark.parametrize(
    ('body', 'content_type'),
    [
        (b'<html><body>Welcome to nginx</body></html>', 'text/html'),
        (b'{not json', 'application/json'),
        (b'[1, 2]', 'application/json'),
        (b'{"choices": []}', 'application/json'),
        (b'{"message": {"content": null}}', 'application/json'),
    ],
    ids=['html', 'not-json', 'list', 'no-choices', 'null-content'],
)
async def test_a_body_that_is_not_a_chat_completion_is_a_bad_response(
    name: str, body: bytes, content_type: str, providers: dict[str, Provider], provider_server: FakeProviderServer
) -> None:
    provider_server.script(name, raw(body, content_type=content_type))
    with pytest.raises(ProviderError) as caught:
        await providers[name].complete(REQUEST, timeout_s=2)
    assert caught.value.kind is ErrorKind.BAD_RESPONSE


async def test_openai_compatible_caps_the_body_while_reading(
    providers: dict[str, Provider], provider_server: FakeProviderServer
) -> None:
    provider_server.script('openai_compatible', ok('x' * (5 * 1024 * 1024)))
    with pytest.raises(ProviderError) as caught:
        await providers['openai_compatible'].complete(REQUEST, timeout_s=5)
    assert caught.value.kind is ErrorKind.TOO_LARGE


async def test_openai_compatible_stream_accepts_a_server_that_ignores_stream(
    providers: dict[str, Provider], provider_server: FakeProviderServer
) -> None:
    provider_server.script(
        'openai_compatible', raw(b'{"choices": [{"message": {"content": "{}"}}]}', content_type='application/json')
    )
    assert await collect(providers['openai_compatible']) == ['{}']


@pytest.mark.parametrize('name', PROVIDERS)
async def test_stream_yields_the_deltas_in_order(
    name: str, providers: dict[str, Provider], provider_server: FakeProviderServer
) -> None:
    text = '{"primary": "#112233", "rationale": "calm and precise"}'
    provider_server.script(name, ok(text, chunk_chars=5))
    deltas = await collect(providers[name])
    assert ''.join(deltas) == text
    assert len(deltas) == len(range(0, len(text), 5))
    [seen] = provider_server.requests(name)
    assert seen.body['stream'] is True


@pytest.mark.parametrize('name', PROVIDERS)
async def test_the_api_key_never_reaches_error_messages(
    name: str, providers: dict[str, Provider], provider_server: FakeProviderServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # including the SDKs' and httpx's own debug logs
    provider_server.script(name, status(401, echo_authorization=True))
    with pytest.raises(ProviderError) as caught:
        await providers[name].complete(REQUEST, timeout_s=2)
    # The fake echoed the Authorization header into its 401 body, as some proxies do.
    assert provider_server.requests(name)[0].headers['authorization'] == f'Bearer {KEY}'
    assert KEY not in str(caught.value)
    assert KEY not in repr(caught.value)
    assert KEY not in ''.join(traceback.format_exception(caught.value))  # chained SDK errors carry the body
    assert KEY not in caplog.text


def test_parse_retry_after() -> None:
    assert parse_retry_after({'Retry-After': '3'}) == 3.0
    assert parse_retry_after({'retry-after': '0.25'}) == 0.25
    assert parse_retry_after({'retry-after-ms': '1500', 'retry-after': '9'}) == 1.5
    assert parse_retry_after({'retry-after': 'soon'}) is None
    assert parse_retry_after({'retry-after': '-4'}) == 0.0
    assert parse_retry_after({}) is None
    in_a_minute = format_datetime(datetime.now(UTC) + timedelta(seconds=60), usegmt=True)
    from_date = parse_retry_after({'retry-after': in_a_minute})
    assert from_date is not None and 55 < from_date <= 60


def settings(**values: object) -> Settings:
    defaults: dict[str, object] = {
        'BRANDSMITH_PROVIDERS': 'together,cohere,openai_compatible,offline',
        'TOGETHER_API_KEY': None,
        'COHERE_API_KEY': None,
        'OPENAI_COMPAT_BASE_URL': None,
        'OPENAI_COMPAT_API_KEY': None,
    }
    return Settings.model_validate(defaults | values)


async def test_registry_builds_configured_providers_in_order(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger='branding.providers.registry')
    built = build_providers(
        settings(
            BRANDSMITH_PROVIDERS='cohere, Together ,offline,openai-compatible,cohere',
            TOGETHER_API_KEY=KEY,
            COHERE_API_KEY=KEY,
            COHERE_MODEL='command-a',
            OPENAI_COMPAT_BASE_URL='http://127.0.0.1:9/v1',
        )
    )
    try:
        assert [(provider.name, provider.model) for provider in built] == [
            ('cohere', 'command-a'),
            ('together', 'mistralai/Mixtral-8x7B-Instruct-v0.1'),
            ('openai_compatible', 'llama3.1'),
        ]
        [record] = [record for record in caplog.records if record.name == 'branding.providers.registry']
        assert record.levelno == logging.INFO
        assert 'cohere (command-a)' in record.getMessage()
        assert KEY not in caplog.text
    finally:
        for provider in built:
            await provider.aclose()


def test_registry_skips_providers_that_cannot_work(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger='branding.providers.registry')
    assert build_providers(settings()) == []
    message = caplog.records[-1].getMessage()
    assert 'no TOGETHER_API_KEY' in message
    assert 'no COHERE_API_KEY' in message
    assert 'no OPENAI_COMPAT_BASE_URL' in message


def test_registry_rejects_an_unknown_provider() -> None:
    with pytest.raises(ValueError, match=r"Unknown provider 'openia'.*known: together, cohere"):
        build_providers(settings(BRANDSMITH_PROVIDERS='together,openia'))
