"""The brand in use on the share page in a real Chromium on a phone: the board first and sized before it loads (no
layout shift), the "In use" thumbnails loaded lazily, one opened large in a new tab, a download a real PNG file."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import Browser, expect

from branding.design.inuse import MOCKUPS
from branding.exports.png import PNG_SIGNATURE
from tests.conftest import AppServer
from tests.e2e.test_share_page_e2e import PHONE, make_kit

pytestmark = pytest.mark.e2e


@pytest.fixture(scope='module')
def kit(app_server: AppServer) -> dict[str, Any]:
    return make_kit(app_server.url, name='Hearthstone Bakery')


async def test_the_board_comes_first_and_every_mockup_opens_large_and_downloads(
    app_server: AppServer, browser: Browser, kit: dict[str, Any]
) -> None:
    context = await browser.new_context(viewport=PHONE, accept_downloads=True)
    page = await context.new_page()
    await page.goto(f'{app_server.url}/kit/{kit["id"]}', wait_until='domcontentloaded')
    board = page.get_by_test_id('brand-board')
    box = await board.bounding_box()
    assert box is not None and abs(box['height'] - box['width'] * 1000 / 1600) < 2, 'sized before it loads'
    await expect(board).to_have_js_property('complete', True)
    # a 360 px screen at 1x takes the board 480 px wide (a sharper screen the full 1600, see test_share_phone_e2e)
    assert 'thumbnail=true' in await board.evaluate('(image) => image.currentSrc')
    assert await board.evaluate('(image) => image.naturalWidth') == round(box['width']), 'drawn at the size of its box'
    first_image = await page.locator('main img').first.get_attribute('data-testid')
    assert first_image == 'brand-board'

    card = page.get_by_test_id('card-in-use')
    await card.scroll_into_view_if_needed()
    await expect(card.get_by_role('heading', name='In use', level=2)).to_be_visible()
    thumbnails = card.locator('figure img')
    await expect(thumbnails).to_have_count(len(MOCKUPS))
    for index in range(len(MOCKUPS)):
        await thumbnails.nth(index).scroll_into_view_if_needed()
    await page.wait_for_load_state('networkidle')
    assert await thumbnails.evaluate_all('(images) => images.every((image) => image.complete && image.naturalWidth)')
    assert await page.evaluate('document.documentElement.scrollWidth') <= PHONE['width'], 'the page scrolls sideways'

    figure = page.get_by_test_id('mockup-business-card-front')
    async with context.expect_page() as opened:
        await figure.locator('img').click()
    large = await opened.value
    await large.wait_for_load_state()
    assert 'business-card-front.png' in large.url and 'thumbnail' not in large.url
    assert await large.evaluate('document.images[0].naturalWidth') == 1125

    async with page.expect_download() as downloading:
        await figure.get_by_role('link', name='Download').click()
    download = await downloading.value
    assert download.suggested_filename == 'business-card-front.png'
    path = await download.path()
    assert path.read_bytes().startswith(PNG_SIGNATURE)
    await context.close()
