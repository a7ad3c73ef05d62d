"""The share page in a real Chromium: plain HTML with no socket, every card on a phone, and the server it runs on.

The process tests at the end cover what a flood leaves behind: a server that still stops on SIGTERM while a request
is open, with status 0.
"""

from __future__ import annotations

import signal
import socket
import subprocess
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, ViewportSize, WebSocket, expect

from branding.models import SectionName
from branding.registry import SECTIONS
from tests.conftest import AppServer

pytestmark = pytest.mark.e2e

PHONE: ViewportSize = {'width': 360, 'height': 740}
NAME = 'Ada & <b>Sons</b> "Studio"'


def make_kit(url: str, name: str = 'Lumen Ledger', focus: str = 'all') -> dict[str, Any]:
    with httpx.Client(base_url=url, timeout=60) as client:
        profile = client.get('/api/v1/example-company-profile').raise_for_status().json()
        body = {'company_profile': {**profile, 'name': name}, 'num_variations': 3, 'focus': focus, 'seed': 11}
        kit: dict[str, Any] = client.post('/api/v1/generate-branding', json=body).raise_for_status().json()
    return kit


@pytest.fixture(scope='module')
def shared_kit(app_server: AppServer) -> dict[str, Any]:
    return make_kit(app_server.url)


async def test_a_shared_kit_shows_every_card_on_a_phone_without_opening_a_socket(
    app_server: AppServer, browser: Browser, shared_kit: dict[str, Any]
) -> None:
    page = await browser.new_page(viewport=PHONE)
    sockets: list[WebSocket] = []
    requests: list[str] = []

    def remember(websocket: WebSocket) -> None:  # a bound list.append is no callback Playwright can wrap
        sockets.append(websocket)

    page.on('websocket', remember)
    page.on('request', lambda request: requests.append(request.url))

    response = await page.goto(f'{app_server.url}/kit/{shared_kit["id"]}', wait_until='networkidle')

    assert response is not None and response.status == 200
    await expect(page).to_have_title('Lumen Ledger brand kit · Brandsmith')
    await expect(page.get_by_role('heading', level=1)).to_have_text('Lumen Ledger: brand kit')
    for section in SectionName:
        card = page.get_by_test_id(f'card-{section.value}')
        await card.scroll_into_view_if_needed()
        await expect(card).to_be_visible()
        await expect(card.get_by_role('heading', name=SECTIONS[section].title, exact=True, level=2)).to_be_visible()
    await expect(page.get_by_text(shared_kit['taglines'][0]['text'], exact=True)).to_be_visible()
    images = page.locator('img[src^="data:image/svg+xml"]')
    # each mark on a light and a dark background, its icon at 32 px and in a browser tab
    await expect(images).to_have_count(4 * len(shared_kit['logos']))
    for index in range(await images.count()):  # lazy: each is drawn once it nears the screen
        await images.nth(index).scroll_into_view_if_needed()
        await expect(images.nth(index)).to_have_js_property('complete', True)
    assert await images.evaluate_all('(images) => images.every((image) => image.complete && image.naturalWidth > 0)')
    assert await page.evaluate('document.documentElement.scrollWidth') <= PHONE['width'], 'the page scrolls sideways'
    await expect(page.get_by_role('button', name='Regenerate', exact=False)).to_have_count(0)
    await expect(page.get_by_role('link', name='Make a new brand kit').first).to_have_attribute('href', '/')

    assert sockets == [], 'the share page opened a WebSocket'
    assert not [url for url in requests if '/_nicegui' in url], 'the share page loaded NiceGUI'
    assert all(url.startswith((app_server.url, 'data:')) for url in requests)


FONT_LOADED_JS = """
(families) => [...document.fonts].some(
  (font) => font.status === 'loaded' && families.includes(font.family.replace(/["']/g, '')),
)
"""


async def test_the_kits_fonts_are_served_for_its_specimen(
    app_server: AppServer, browser: Browser, shared_kit: dict[str, Any]
) -> None:
    page = await browser.new_page()
    fonts: list[str] = []
    page.on(
        'response', lambda response: fonts.append(response.url) if response.ok and '/fonts/' in response.url else None
    )
    await page.goto(f'{app_server.url}/kit/{shared_kit["id"]}', wait_until='networkidle')
    families = {font['family'] for font in shared_kit['typography']['fonts'] if font['available_offline']}
    if not families:
        pytest.skip('no kit font is installed on this machine (make fonts)')
    specimen = page.get_by_test_id('typography-specimen')
    await specimen.scroll_into_view_if_needed()
    # the specimen is laid out, and its fonts fetched, only once it nears the screen: wait for one to load (a busy
    # machine may start the fetch after the page first went quiet)
    await page.wait_for_function(FONT_LOADED_JS, arg=sorted(families))
    assert fonts, 'no font file came from /fonts'


async def test_the_name_is_shown_as_text_in_the_heading_and_title_without_script(
    app_server: AppServer, browser: Browser
) -> None:
    kit = make_kit(app_server.url, name=NAME, focus='tagline')
    context = await browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = await context.new_page()
    await page.goto(f'{app_server.url}/kit/{kit["id"]}')
    await expect(page.get_by_role('heading', level=1)).to_have_text(f'{NAME}: brand kit')
    await expect(page.locator('h1 b, title b')).to_have_count(0)
    await expect(page).to_have_title(f'{NAME} brand kit · Brandsmith')
    await expect(page.get_by_test_id('card-taglines')).to_be_visible()
    await expect(page.get_by_test_id('card-palette')).to_have_count(0)
    await context.close()


async def test_copy_buttons_put_the_text_on_the_clipboard(
    app_server: AppServer, browser: Browser, shared_kit: dict[str, Any]
) -> None:
    context = await browser.new_context()
    await context.grant_permissions(['clipboard-read', 'clipboard-write'])
    page = await context.new_page()
    await page.goto(f'{app_server.url}/kit/{shared_kit["id"]}')
    await page.get_by_role('button', name='Copy tagline').first.click()
    await expect(page.get_by_role('status')).to_have_text('Copied tagline')
    assert await page.evaluate('navigator.clipboard.readText()') == shared_kit['taglines'][0]['text']
    primary = next(role for role in shared_kit['color_palette']['roles'] if role['role'] == 'primary')
    await page.get_by_role('button', name=f'Copy primary colour {primary["name"]}, {primary["hex"]}').click()
    assert await page.evaluate('navigator.clipboard.readText()') == primary['hex']
    await context.close()


async def test_the_page_follows_the_systems_dark_mode(
    app_server: AppServer, browser: Browser, shared_kit: dict[str, Any]
) -> None:
    colours = {}
    for scheme in ('light', 'dark'):
        context = await browser.new_context(color_scheme=scheme)
        page = await context.new_page()
        await page.goto(f'{app_server.url}/kit/{shared_kit["id"]}')
        colours[scheme] = await page.evaluate('getComputedStyle(document.body).backgroundColor')
        await context.close()
    assert colours == {'light': 'rgb(246, 247, 251)', 'dark': 'rgb(15, 17, 23)'}


async def test_a_missing_kit_is_a_404_page_with_a_way_on(app_server: AppServer, browser: Browser) -> None:
    page = await browser.new_page(viewport=PHONE)
    response = await page.goto(f'{app_server.url}/kit/no-such-kit-here')
    assert response is not None and response.status == 404
    await expect(page.get_by_role('heading', level=1)).to_have_text('This kit is not here')
    await page.get_by_role('main').get_by_role('link', name='Make a new brand kit').click()
    await expect(page.get_by_role('button', name='Generate brand kit')).to_be_visible()


# --- the process ------------------------------------------------------------------------------------------------


@pytest.mark.server_errors_expected  # uvicorn logs the request it cancels at the end of the grace period as an error
def test_sigterm_ends_the_server_with_status_0_while_a_request_is_still_open() -> None:
    """A client that never sends its whole body keeps its request open: the server stops anyway, after its grace."""
    server = AppServer()
    try:
        server.wait_until_healthy()
        with socket.create_connection(('127.0.0.1', server.port)) as stuck:
            stuck.sendall(
                b'POST /api/v1/generate-branding HTTP/1.1\r\nHost: 127.0.0.1\r\n'
                b'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"company_profile": '
            )
            assert httpx.get(f'{server.url}/health', timeout=10).status_code == 200  # the request has arrived
            server.process.send_signal(signal.SIGTERM)
            try:
                code = server.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.process.kill()
                pytest.fail('the server was still running 30 s after SIGTERM')
        assert code == 0, server.output()
        assert 'Brandsmith stopped' in server.output(), 'the shutdown hooks ran'
    finally:
        server.close()
