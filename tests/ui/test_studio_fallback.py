"""The studio with providers failing in every way the fake provider server can fail, through NiceGUI's simulated User.

app.py is the composition root, so each test points it at the fake server with environment variables set before the
`user` fixture runs it: the real Together and Cohere SDKs talk to 127.0.0.1, the chain falls back as configured, and
the page must still show every card, say why a section fell back, save the kit and offer Share, with no error toast
and no logged error (the User fixture fails a test on any ERROR record).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from nicegui import ui
from nicegui.testing import User

from branding.models import SectionName
from branding.registry import SECTIONS
from tests.fakes.brand_sections import by_section, section_of
from tests.fakes.provider_server import (
    Behaviour,
    FakeProviderServer,
    RecordedRequest,
    hang,
    invalid,
    ok,
    raw,
    status,
    truncated,
)
from tests.parsed_html import ParsedPage

pytest_plugins = ['tests.fakes.plugin']

KEY = 'studio-key-DO-NOT-LEAK-789'
ALL_SECTIONS = tuple(SectionName)
Responder = Callable[[RecordedRequest], Behaviour]


@dataclass(kw_only=True, slots=True, frozen=True)
class Mode:
    """How each provider answers, and which sections must end up written by the offline engine."""

    together: Responder
    cohere: Responder
    offline_sections: frozenset[SectionName]


def always(make: Callable[[], Behaviour]) -> Responder:
    return lambda _request: make()


def per_section(answers: dict[SectionName, Callable[[], Behaviour]], otherwise: Responder) -> Responder:
    def respond(request: RecordedRequest) -> Behaviour:
        section = section_of(request)
        return answers[section]() if section in answers else otherwise(request)

    return respond


HOSTILE_JSON = json.dumps({'primary': '</style><script>alert(1)</script>', 'taglines': [{'text': 42}], 'concepts': 'x'})
FAILURES: dict[str, Callable[[], Behaviour]] = {
    '500': lambda: status(500),
    '429': lambda: status(429, retry_after='0'),
    '401': lambda: status(401, echo_authorization=True),
    'hang': lambda: hang(30),
    'invalid-json': invalid,
    'hostile-json': lambda: ok(HOSTILE_JSON),
    'truncated': lambda: truncated('{"primary": "#123456", "taglines": ['),
    'html-error-page': lambda: raw(b'<html><body><h1>502 Bad Gateway</h1></body></html>', status=502),
}
MODES: dict[str, Mode] = {
    'ok': Mode(together=by_section(), cohere=always(lambda: status(500)), offline_sections=frozenset()),
    **{
        name: Mode(together=always(failure), cohere=always(failure), offline_sections=frozenset(ALL_SECTIONS))
        for name, failure in FAILURES.items()
    },
    'backup-provider-answers': Mode(
        together=always(lambda: status(503)), cohere=by_section(), offline_sections=frozenset()
    ),
    'mixed-per-section': Mode(
        together=per_section(
            {
                SectionName.LOGOS: lambda: status(500),
                SectionName.TAGLINES: invalid,
                SectionName.GUIDELINES: lambda: hang(30),
                SectionName.TYPOGRAPHY: lambda: status(401),
            },
            otherwise=by_section(),
        ),
        cohere=per_section({SectionName.LOGOS: lambda: ok(json.dumps({'concepts': []}))}, otherwise=by_section()),
        offline_sections=frozenset({SectionName.LOGOS}),
    ),
}


@pytest.fixture
def providers(provider_server: FakeProviderServer, monkeypatch: pytest.MonkeyPatch) -> FakeProviderServer:
    """The studio's settings, set before the `user` fixture runs app.py: short timeouts so hangs cost seconds."""
    settings = provider_server.provider_settings(KEY, 'together,cohere,offline') | {
        'BRANDSMITH_CALL_TIMEOUT': '1.5',
        'BRANDSMITH_SECTION_BUDGET': '4',
        'BRANDSMITH_RETRY_AFTER_CAP': '0.2',
    }
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    return provider_server


async def make_kit(user: User) -> dict[str, Any]:  # the kit as downloaded: JSON
    await user.open('/')
    user.find(marker='try-example').click()
    user.find(marker='generate').click()
    await user.should_see(marker='progress-ready', retries=300)
    user.find(marker='download-json').click()
    kit: dict[str, Any] = json.loads((await user.download.next()).content)
    return kit


@pytest.mark.parametrize('mode_name', list(MODES))
async def test_the_studio_makes_a_whole_kit_whatever_the_providers_do(
    providers: FakeProviderServer, user: User, mode_name: str, caplog: pytest.LogCaptureFixture
) -> None:
    mode = MODES[mode_name]
    providers.respond_with('together', mode.together)
    providers.respond_with('cohere', mode.cohere)

    kit = await make_kit(user)

    sources = {section: kit['sections'][section]['provider'] for section in ALL_SECTIONS}
    assert {section for section, source in sources.items() if source == 'offline'} == mode.offline_sections
    for section in ALL_SECTIONS:
        await user.should_see(marker=f'card-{section.value}')
        await user.should_not_see(marker=f'skeleton-{section.value}')
        with user.scope(marker=f'progress-{section.value}'):
            await user.should_see(SECTIONS[section].title)
        if kit['sections'][section]['status'] == 'fallback':
            with user.scope(marker=f'progress-{section.value}'):
                await user.should_see('fell back')
            reason = user.find(kind=ui.label, marker=f'reason-{section.value}').elements.pop().text
            assert 'together' in reason, reason
    assert not any('went wrong' in message for message in user.notify.messages)

    user.find(marker='share').click()
    await user.should_see('Share link copied')
    shared = await user.http_client.get(f'/kit/{kit["id"]}')
    assert shared.status_code == 200
    page = ParsedPage(shared.text)
    assert f'{kit["company_name"]}: brand kit' in page.visible_text
    for section in ALL_SECTIONS:
        assert f'card-{section.value}' in page.values('data-testid')
    fell_back = [section for section in ALL_SECTIONS if kit['sections'][section]['status'] == 'fallback']
    assert page.visible_text.count('Fallback: Generated by') == len(fell_back)

    logged = '\n'.join(record.getMessage() for record in caplog.records)
    assert KEY not in logged
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR or record.exc_info]


async def test_regenerating_through_a_failing_provider_replaces_the_card_and_says_so(
    providers: FakeProviderServer, user: User, caplog: pytest.LogCaptureFixture
) -> None:
    providers.respond_with('together', by_section())
    providers.respond_with('cohere', always(lambda: status(500)))
    await make_kit(user)
    providers.respond_with('together', always(lambda: status(500)))

    user.find(marker='regenerate-taglines').click()
    await user.should_see('New taglines ready', retries=100)
    with user.scope(marker='card-taglines'):
        await user.should_see(marker='provenance-fallback')
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING and record.exc_info]


async def test_closing_the_tab_mid_run_stops_the_provider_calls(providers: FakeProviderServer, user: User) -> None:
    providers.respond_with('together', always(lambda: hang(30)))
    providers.respond_with('cohere', always(lambda: hang(30)))
    await user.open('/')
    user.find(marker='try-example').click()
    user.find(marker='generate').click()
    calls = await _wait_for_calls(providers, 5)
    assert user.client is not None
    user.client.delete()  # what NiceGUI does once a closed tab's reconnect time has run out
    for call in calls:
        assert await asyncio.to_thread(call.disconnected.wait, 5), f'{call.path} kept running after the tab was gone'


async def _wait_for_calls(server: FakeProviderServer, count: int) -> list[RecordedRequest]:
    for _ in range(200):
        calls = server.requests('together')
        if len(calls) >= count:
            return calls
        await asyncio.sleep(0.02)
    raise AssertionError(f'expected {count} provider calls, saw {len(server.requests("together"))}')
