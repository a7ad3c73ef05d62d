"""The studio in Chromium with a latency-scripted provider: cards stream in, in completion order."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, expect

from branding.models import SectionName
from tests.conftest import AppServer
from tests.fakes.brand_sections import by_section
from tests.fakes.provider_server import FakeProviderServer

pytestmark = pytest.mark.e2e

LATENCIES_S = {
    SectionName.TYPOGRAPHY: 0.3,
    SectionName.PALETTE: 0.9,
    SectionName.TAGLINES: 1.6,
    SectionName.GUIDELINES: 1.2,  # its card takes its place when the first text streams in
    SectionName.LOGOS: 3.5,
}
CARD_TITLES = {
    'Typography': SectionName.TYPOGRAPHY,
    'Colour palette': SectionName.PALETTE,
    'Taglines': SectionName.TAGLINES,
    'Brand guidelines': SectionName.GUIDELINES,
    'Logo concepts': SectionName.LOGOS,
}
XSS_NAME = '<img src=x onerror=alert(1)><script>alert(2)</script>'


@pytest.fixture(scope='module')
def fake_provider() -> Iterator[FakeProviderServer]:
    server = FakeProviderServer()
    server.start()
    server.respond_with('together', by_section(LATENCIES_S))
    yield server
    server.stop()


@pytest.fixture(scope='module')
def provider_app(fake_provider: FakeProviderServer) -> Iterator[AppServer]:
    with AppServer(extra_env=fake_provider.provider_settings('e2e-key-not-secret', 'together,offline')) as server:
        yield server


async def card_titles(page: Page) -> list[str]:
    # text content, not innerText: a card scrolled out of view skips rendering (content-visibility), innerText with it
    headings = page.locator('[data-testid=results-cards] .q-card [role=heading][aria-level="3"]')
    titles = await headings.all_text_contents()
    return [title.strip() for title in titles]


async def open_studio(browser: Browser, url: str, *, width: int = 1280, height: int = 900) -> Page:
    context = await browser.new_context(viewport={'width': width, 'height': height})
    await context.grant_permissions(['clipboard-read', 'clipboard-write'])
    page = await context.new_page()
    await page.goto(url)
    return page


async def make_example_kit(page: Page, *, dark: bool = False) -> None:
    if dark:
        await page.get_by_role('button', name='Toggle dark mode').click()
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=20_000)


async def slot_order(page: Page) -> list[str]:
    slots = page.locator('[data-testid=results-cards] [data-testid^="slot-"]')
    return [str(await slot.get_attribute('data-testid')).removeprefix('slot-') for slot in await slots.all()]


async def test_each_section_fills_its_own_place_with_the_logos_on_top(
    provider_app: AppServer, browser: Browser
) -> None:
    page = await open_studio(browser, provider_app.url)
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_role('button', name='Generate brand kit').click()
    reading_order = ['logos', 'palette', 'typography', 'taglines', 'guidelines']

    # every place is there from the start, skeletons in reading order; the fast sections fill theirs while the logos
    # (the slowest) are still being written, and nothing moves
    await expect(page.get_by_test_id('slot-typography').locator('.q-card [role=heading]')).to_have_text('Typography')
    assert await slot_order(page) == reading_order
    await expect(page.get_by_test_id('slot-palette').get_by_text('Colour palette', exact=True)).to_be_visible()
    assert await page.get_by_test_id('slot-logos').get_by_text('Generating logo concepts…').count() == 1
    assert await slot_order(page) == reading_order
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=20_000)

    assert await slot_order(page) == reading_order
    assert [CARD_TITLES[title].value for title in await card_titles(page)] == reading_order
    await expect(page.get_by_text('together · together-model').first).to_be_visible()


async def test_the_downloaded_json_matches_the_screen_and_copy_fills_the_clipboard(
    provider_app: AppServer, browser: Browser, test_output: Path
) -> None:
    page = await open_studio(browser, provider_app.url)
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_label('Focus').click()
    await page.get_by_role('option', name='Taglines').click()
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=20_000)

    async with page.expect_download() as download_info:
        await page.get_by_role('button', name='Download JSON').click()
    download = await download_info.value
    path = test_output / 'downloaded-kit.json'
    await download.save_as(path)
    kit = json.loads(path.read_text())
    for tagline in kit['taglines']:
        await expect(page.get_by_text(tagline['text'], exact=True)).to_be_visible()

    await page.get_by_role('button', name='Copy tagline').first.click()
    # the click goes to the server, which has the browser write the clipboard: a round trip later
    wanted = kit['taglines'][0]['text']
    await page.wait_for_function('async (wanted) => (await navigator.clipboard.readText()) === wanted', arg=wanted)


async def test_a_hostile_profile_runs_nothing_and_shows_the_literal_text(
    provider_app: AppServer, browser: Browser
) -> None:
    page = await open_studio(browser, provider_app.url)
    dialogs: list[str] = []
    page.on('dialog', lambda dialog: dialogs.append(dialog.message))
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_label('Company name').fill(XSS_NAME[:120])
    await page.get_by_label('Industry').fill('<svg onload=alert(3)>')
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=20_000)
    # Cards off screen skip rendering (content-visibility: auto) until scrolled to, so each card's copy of the name is
    # scrolled into view before it is checked (the history list's copy stays inside its closed panel).
    in_cards = page.get_by_test_id('results-cards').get_by_text(XSS_NAME, exact=True)
    await expect(in_cards.first).to_be_attached()
    for index in range(await in_cards.count()):
        await in_cards.nth(index).scroll_into_view_if_needed()
        await expect(in_cards.nth(index)).to_be_visible()
    assert dialogs == []
    assert await page.locator('img[src="x"]').count() == 0


@pytest.mark.parametrize('dark', [False, True], ids=['light', 'dark'])
async def test_a_phone_wide_page_does_not_scroll_sideways(
    provider_app: AppServer, browser: Browser, test_output: Path, dark: bool
) -> None:
    page = await open_studio(browser, provider_app.url, width=360, height=780)
    await make_example_kit(page, dark=dark)
    overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')
    assert overflow <= 0
    mode = 'dark' if dark else 'light'
    await page.screenshot(path=str(test_output / f'kit-phone-{mode}.png'), full_page=True)


@pytest.mark.parametrize('dark', [False, True], ids=['light', 'dark'])
async def test_screenshots_of_the_finished_kit(
    provider_app: AppServer, browser: Browser, test_output: Path, dark: bool
) -> None:
    page = await open_studio(browser, provider_app.url, width=1440, height=1000)
    await make_example_kit(page, dark=dark)
    mode = 'dark' if dark else 'light'
    full = test_output / f'kit-desktop-{mode}.png'
    await page.screenshot(path=str(full), full_page=True)
    await page.evaluate('window.scrollTo(0, 0)')
    await page.screenshot(path=str(test_output / f'studio-{mode}.png'))


async def test_closing_the_tab_cancels_its_generation(browser: Browser) -> None:
    slow = FakeProviderServer()
    slow.start()
    slow.respond_with('together', by_section(dict.fromkeys(SectionName, 30.0)))
    server = AppServer(
        extra_env={
            **slow.provider_settings('e2e-key-not-secret', 'together,offline'),
            'BRANDSMITH_CALL_TIMEOUT': '60',
            'BRANDSMITH_SECTION_BUDGET': '90',
        }
    )
    try:
        server.wait_until_healthy()
        page = await open_studio(browser, server.url)
        await page.get_by_role('button', name='Try an example').click()
        await page.get_by_role('button', name='Generate brand kit').click()
        requests = await asyncio.to_thread(slow.wait_for_requests, 'together', 5, 15.0)
        await page.context.close()
        # NiceGUI deletes a client after its reconnect timeout (3 s); its provider calls must be abandoned then
        for recorded in requests:
            assert await asyncio.to_thread(recorded.disconnected.wait, 15.0), 'a provider call outlived the tab'
    finally:
        server.stop()
        slow.stop()
        output = server.output()
        server.close()
    assert 'Client has been deleted but is still being used' not in output
    assert 'Traceback' not in output
