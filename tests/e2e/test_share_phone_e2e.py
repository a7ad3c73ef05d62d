"""The share page on a phone, as its visitor sees it in a real Chromium: the title and the brand board are drawn from
the page's own HTML before any script, the board is the largest thing on the first screen and has its size before its
file arrives (nothing moves, from the first paint to the last card), and what lies below the first screen waits: its
cards are laid out and its pictures fetched only as they near the screen."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import Browser, BrowserContext, Page, expect

from tests.conftest import AppServer
from tests.e2e.test_share_page_e2e import PHONE, make_kit

pytestmark = pytest.mark.e2e

# Layout shifts and the largest contentful paint, as the browser reports them from the first frame on.
OBSERVE = """
window.shifts = [];
window.largest = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts.push(entry.value);
}).observe({type: 'layout-shift', buffered: true});
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    window.largest.push(entry.element ? entry.element.dataset.testid || entry.element.tagName : null);
  }
}).observe({type: 'largest-contentful-paint', buffered: true});
"""
BOX = '(element) => { const r = element.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }'


@pytest.fixture(scope='module')
def kit(app_server: AppServer) -> dict[str, Any]:
    return make_kit(app_server.url, name='Harbour & Pine Outfitters')


async def phone(browser: Browser, *, scale: float = 3, script: bool = True) -> BrowserContext:
    """A phone-sized screen with touch, a sharp display (3x) unless told otherwise."""
    return await browser.new_context(
        viewport=PHONE, device_scale_factor=scale, is_mobile=True, has_touch=True, java_script_enabled=script
    )


async def scroll_to_the_end(page: Page) -> None:
    """Down the page a screen at a time, as a thumb would."""
    while await page.evaluate('window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1'):
        await page.mouse.wheel(0, PHONE['height'] * 0.8)
        await page.wait_for_timeout(50)


async def test_the_board_is_the_first_screen_and_nothing_moves(
    app_server: AppServer, browser: Browser, kit: dict[str, Any]
) -> None:
    context = await phone(browser)
    await context.add_init_script(OBSERVE)
    page = await context.new_page()
    await page.goto(f'{app_server.url}/kit/{kit["id"]}', wait_until='domcontentloaded')
    board = page.get_by_test_id('brand-board')
    heading = page.get_by_role('heading', level=1)
    before = await board.evaluate(BOX)
    assert before[3] == pytest.approx(before[2] * 1000 / 1600, abs=1), 'the board has its height before its file'
    await page.wait_for_load_state('load')
    await expect(board).to_have_js_property('complete', True)
    assert await board.evaluate(BOX) == before, 'the board stays where it was drawn'

    # the title, then the board, both whole on the first screen; the board is the largest thing drawn on it
    title_box = await heading.evaluate(BOX)
    await expect(heading).to_have_text('Harbour & Pine Outfitters: brand kit')
    assert title_box[1] + title_box[3] <= before[1] and before[1] + before[3] <= PHONE['height']
    assert await page.locator('main img').first.get_attribute('data-testid') == 'brand-board'
    await page.wait_for_function("window.largest.at(-1) === 'brand-board'")
    # a sharp phone screen takes the full-size board, not the thumbnail
    assert 'thumbnail' not in await board.evaluate('(image) => image.currentSrc')

    await scroll_to_the_end(page)
    await expect(page.get_by_test_id('card-guidelines')).to_be_in_viewport()
    assert await page.evaluate('window.shifts') == [], 'something moved on screen while the page loaded or scrolled'
    await context.close()


async def test_the_title_and_board_need_no_script(app_server: AppServer, browser: Browser, kit: dict[str, Any]) -> None:
    context = await phone(browser, scale=1, script=False)
    page = await context.new_page()
    await page.goto(f'{app_server.url}/kit/{kit["id"]}')
    await expect(page.get_by_role('heading', level=1)).to_have_text('Harbour & Pine Outfitters: brand kit')
    board = page.get_by_test_id('brand-board')
    await expect(board).to_be_in_viewport()
    await expect(board).to_have_js_property('complete', True)
    assert await board.evaluate('(image) => image.naturalWidth') > 0
    # at 1x the 336 px wide board comes as its 480 px thumbnail
    assert 'thumbnail=true' in await board.evaluate('(image) => image.currentSrc')
    await context.close()


async def test_what_lies_below_the_first_screen_waits_until_it_nears_it(
    app_server: AppServer, browser: Browser, kit: dict[str, Any]
) -> None:
    context = await phone(browser)
    page = await context.new_page()
    fonts: list[str] = []
    page.on('request', lambda request: fonts.append(request.url) if '/fonts/' in request.url else None)
    await page.goto(f'{app_server.url}/kit/{kit["id"]}', wait_until='load')
    await page.wait_for_timeout(300)

    guidelines = page.get_by_test_id('guidelines-markdown')
    drawn = '(element) => element.checkVisibility({contentVisibilityAuto: true})'
    assert not await guidelines.evaluate(drawn), 'the last card was laid out before anyone scrolled to it'
    logos = page.locator('[data-testid="card-logos"] img')
    assert await logos.count() > 0
    assert await logos.evaluate_all('(images) => images.every((image) => image.loading === "lazy")')
    assert fonts == [], "the specimen's font files were fetched before the specimen neared the screen"

    async with page.expect_request(lambda request: '/fonts/' in request.url):
        await page.get_by_test_id('typography-specimen').scroll_into_view_if_needed()
    await scroll_to_the_end(page)
    await expect(guidelines).to_be_in_viewport()
    assert await guidelines.evaluate(drawn)
    await context.close()
