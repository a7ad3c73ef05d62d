"""Refining a kit in the studio, in a real Chromium against the app as its own process (offline engine): pick a logo,
change the primary colour, lock the palette, regenerate the rest (the palette stays, the logos change), see the new
version in the history, undo with Ctrl+Z, and open the shared fixed version. The brand board follows each change:
its URL moves to the new version and the PNG served there is another drawing."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

import httpx
import pytest
from playwright.async_api import Browser, Page, expect

from tests.conftest import AppServer

pytestmark = pytest.mark.e2e

KIT_ID = re.compile(r'/api/v1/kits/([A-Za-z0-9_-]+)/in-use/brand-board\.png')


async def board(page: Page, server: AppServer) -> tuple[str, bytes]:
    """The studio's brand board: its URL and the PNG served there."""
    image = page.locator('img[alt="brand board"]')
    await expect(image).to_have_count(1)
    src = await image.get_attribute('src')
    assert src is not None
    async with httpx.AsyncClient(timeout=60) as client:
        response = (await client.get(urljoin(server.url, src))).raise_for_status()
    assert response.headers['content-type'] == 'image/png'
    return src, response.content


async def board_changes(page: Page, server: AppServer, before: tuple[str, bytes]) -> tuple[str, bytes]:
    """The board once the change is drawn: a new URL and another picture."""
    image = page.locator('img[alt="brand board"]')
    await expect(image).not_to_have_attribute('src', before[0], timeout=20_000)
    after = await board(page, server)
    assert after[1] != before[1], 'the board shows the change'
    return after


def saved(server: AppServer, kit_id: str, rev: int | None = None) -> dict[str, Any]:
    query = {'rev': rev} if rev is not None else {}
    kit: dict[str, Any] = httpx.get(f'{server.url}/api/v1/kits/{kit_id}', params=query, timeout=30).json()
    return kit


async def done(page: Page, message: str) -> None:
    await expect(page.get_by_text(message).first).to_be_visible(timeout=30_000)


async def generate(page: Page, server: AppServer) -> str:
    """A kit made in the studio; its id."""
    await page.goto(server.url)
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_role('button', name='Generate brand kit').click()
    await done(page, 'Your brand kit is ready')
    src, _ = await board(page, server)
    match = KIT_ID.search(src)
    assert match is not None
    return match.group(1)


async def lock_the_palette(page: Page) -> None:
    lock = page.get_by_role('button', name='Lock the colour palette', exact=True)
    await expect(lock).to_have_attribute('aria-pressed', 'false')
    await lock.click()
    await done(page, 'Locked palette')
    await expect(page.get_by_role('button', name='Lock the colour palette', exact=True)).to_have_attribute(
        'aria-pressed', 'true'
    )


async def open_shared_version(page: Page, number: int) -> Page:
    async with page.context.expect_page() as opened:
        await page.get_by_role('link', name=re.compile(rf'^Share version {number} ')).click()
    shared = await opened.value
    await shared.wait_for_load_state()
    return shared


async def test_pick_a_logo_change_the_colour_lock_regenerate_the_rest_undo_and_share_a_version(
    app_server: AppServer, browser: Browser
) -> None:
    context = await browser.new_context(viewport={'width': 1440, 'height': 1000})
    page = await context.new_page()
    kit_id = await generate(page, app_server)
    first = await board(page, app_server)

    # pick a logo
    await page.get_by_role('button', name=re.compile(r'^Use as the logo: .*\(2\)$')).click()
    await done(page, 'Chose logo 2')
    assert saved(app_server, kit_id)['chosen_logo'] == 1
    chosen = await board_changes(page, app_server, first)

    # change the primary colour
    await page.get_by_label('Hex or CSS colour').fill('#0a7f5a')
    await page.get_by_role('button', name='Use this colour').click()
    await done(page, 'Picked primary #0a7f5a')
    coloured = await board_changes(page, app_server, chosen)
    palette = saved(app_server, kit_id)['color_palette']

    # lock the palette
    await lock_the_palette(page)
    locked = saved(app_server, kit_id)
    locked_board = await board(page, app_server)

    # regenerate the rest: the palette stays, the logos change
    await page.get_by_role('button', name=re.compile('^Regenerate the rest')).click()
    await done(page, 'Regenerated everything but palette')
    renewed = saved(app_server, kit_id)
    assert renewed['color_palette'] == palette
    assert [logo['svg'] for logo in renewed['logos']] != [logo['svg'] for logo in locked['logos']]
    await board_changes(page, app_server, locked_board)

    # the new version in the history
    await page.get_by_text('Versions of this kit').click()
    await expect(page.get_by_text('Version 5 (now)')).to_be_visible(timeout=20_000)
    await expect(page.get_by_text('Regenerated everything but palette').first).to_be_visible()

    # undo, from the keyboard
    await page.get_by_role('heading', name='Your brand kit', exact=True).click()  # the page, not a field, has focus
    await page.keyboard.press('Control+z')
    await done(page, 'Undone: version 4 is the kit again, as version 6')
    undone = saved(app_server, kit_id)
    assert undone['logos'] == locked['logos'] and undone['locks'] == ['palette']
    await expect(page.get_by_text('Version 6 (now)')).to_be_visible(timeout=20_000)
    assert (await board(page, app_server))[1] == locked_board[1], 'the board is the locked version again'

    # share a fixed version: its page stays that version
    shared = await open_shared_version(page, 3)
    assert shared.url.endswith(f'/kit/{kit_id}?rev=3')
    fixed = shared.get_by_test_id('brand-board')
    await expect(fixed).to_have_js_property('complete', True)
    src = await fixed.get_attribute('src')
    assert src is not None and 'rev=3' in src
    async with httpx.AsyncClient(timeout=60) as client:
        shared_board = (await client.get(urljoin(app_server.url, src))).raise_for_status().content
    assert shared_board == coloured[1], 'the shared version shows the board as it was at version 3'
    await expect(shared.get_by_text(saved(app_server, kit_id, 3)['color_palette']['primary']).first).to_be_visible()
    await context.close()
