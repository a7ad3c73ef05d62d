"""The studio in a real Chromium while the providers fail: the app runs as its own process against the fake server.

Every test here also passes the autouse server-log check (tests/conftest.py): the page can only look right if the
server behind it logged no error and no traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.async_api import Browser, Page, expect

from branding.models import SectionName
from branding.registry import SECTIONS
from tests.conftest import AppServer
from tests.fakes.brand_sections import by_section, section_of
from tests.fakes.provider_server import Behaviour, FakeProviderServer, RecordedRequest, hang, invalid, status

pytestmark = pytest.mark.e2e

KEY = 'e2e-fallback-key-DO-NOT-LEAK'


def together_fails_in_every_way(request: RecordedRequest) -> Behaviour:
    """A different failure per section: the whole kit must still arrive."""
    failures: dict[SectionName, Callable[[], Behaviour]] = {
        SectionName.LOGOS: lambda: status(500),
        SectionName.PALETTE: lambda: status(429, retry_after='0'),
        SectionName.TYPOGRAPHY: lambda: hang(30),
        SectionName.TAGLINES: invalid,
        SectionName.GUIDELINES: lambda: status(502, body='<html>bad gateway</html>', content_type='text/html'),
    }
    return failures[section_of(request)]()


@pytest.fixture(scope='module')
def failing_provider() -> Iterator[FakeProviderServer]:
    server = FakeProviderServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope='module')
def failing_app(failing_provider: FakeProviderServer) -> Iterator[AppServer]:
    with AppServer(
        extra_env={
            **failing_provider.provider_settings(KEY, 'together,cohere,offline'),
            'BRANDSMITH_CALL_TIMEOUT': '1.5',
            'BRANDSMITH_SECTION_BUDGET': '4',
            'BRANDSMITH_RETRY_AFTER_CAP': '0.2',
            # every kit here meets failures on purpose: the breakers must not turn them into skips between tests
            'BRANDSMITH_BREAKER_THRESHOLD': '1000',
        }
    ) as server:
        yield server
        server.stop()
        assert KEY not in server.output()


async def open_studio(browser: Browser, url: str) -> Page:
    context = await browser.new_context(viewport={'width': 1280, 'height': 900})
    await context.grant_permissions(['clipboard-read', 'clipboard-write'])
    page = await context.new_page()
    await page.goto(url)
    return page


async def generate(page: Page) -> None:
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=40_000)


async def test_a_kit_through_failing_providers_arrives_whole_says_why_and_shares(
    failing_app: AppServer, failing_provider: FakeProviderServer, browser: Browser
) -> None:
    failing_provider.reset()
    failing_provider.respond_with('together', together_fails_in_every_way)
    failing_provider.respond_with('cohere', lambda _request: status(503))
    page = await open_studio(browser, failing_app.url)
    await generate(page)

    cards = page.get_by_test_id('results-cards')
    for section in SectionName:
        slot = cards.get_by_test_id(f'slot-{section.value}')
        await slot.scroll_into_view_if_needed()
        await expect(slot.get_by_role('heading', name=SECTIONS[section].title, exact=True)).to_be_visible()
        await expect(slot.get_by_text('fallback: offline engine').first).to_be_visible()
    panel = page.locator('.q-card').filter(has_text='Your brand kit is ready')
    await expect(panel.get_by_text('fell back')).to_have_count(5)
    await expect(panel.get_by_text('Why: together:')).to_have_count(5)
    await expect(page.get_by_text('Something went wrong')).to_have_count(0)

    await page.get_by_role('button', name='Share').click()
    await expect(page.get_by_text('Share link copied')).to_be_visible()
    link = await page.evaluate('navigator.clipboard.readText()')
    assert link.startswith(f'{failing_app.url}/kit/')
    shared = await page.context.new_page()
    await shared.goto(link)
    await expect(shared.get_by_role('heading', level=1)).to_have_text('Lumen Ledger: brand kit')
    for section in SectionName:
        await expect(shared.get_by_role('heading', name=SECTIONS[section].title, exact=True, level=2)).to_be_attached()


async def test_regenerate_through_a_failing_provider_replaces_the_card(
    failing_app: AppServer, failing_provider: FakeProviderServer, browser: Browser
) -> None:
    failing_provider.reset()
    failing_provider.respond_with('together', by_section())
    failing_provider.respond_with('cohere', lambda _request: status(503))
    page = await open_studio(browser, failing_app.url)
    await generate(page)
    taglines = page.get_by_test_id('slot-taglines')
    await expect(taglines.get_by_text('together · together-model').first).to_be_visible()

    failing_provider.respond_with('together', lambda _request: status(500))
    before = await downloaded_kit(page)
    await taglines.get_by_role('button', name='Regenerate taglines').click()
    await expect(page.get_by_text('New taglines ready')).to_be_visible(timeout=20_000)
    await expect(taglines.get_by_text('fallback: offline engine').first).to_be_visible()
    after = await downloaded_kit(page)
    assert after['id'] == before['id']
    assert [tagline['text'] for tagline in after['taglines']] != [tagline['text'] for tagline in before['taglines']]
    for tagline in after['taglines']:
        await expect(taglines.get_by_text(tagline['text'], exact=True)).to_be_visible()
    await expect(page.get_by_text('Something went wrong')).to_have_count(0)


async def downloaded_kit(page: Page) -> dict[str, Any]:
    async with page.expect_download() as download_info:
        await page.get_by_role('button', name='Download JSON').click()
    path = await (await download_info.value).path()
    kit: dict[str, Any] = json.loads(path.read_text())
    return kit
