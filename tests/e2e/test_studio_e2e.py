"""The studio in a real Chromium against the app running as its own process, on the offline engine."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import Browser, expect

from components import theme
from tests.conftest import ROOT, AppServer

pytestmark = pytest.mark.e2e

SECTION_HEADINGS = ['Logo concepts', 'Taglines', 'Colour palette', 'Typography', 'Brand guidelines']


async def test_a_generation_on_the_offline_engine_puts_every_card_on_the_page(
    app_server: AppServer, browser: Browser, test_output: object
) -> None:
    page = await browser.new_page(viewport={'width': 1440, 'height': 1000})
    dialogs: list[str] = []
    page.on('dialog', lambda dialog: dialogs.append(dialog.message))
    await page.goto(app_server.url)

    await expect(page).to_have_title('Studio · Brandsmith')
    await expect(page.get_by_label('Company name')).to_be_visible()
    await expect(page.get_by_label('Description')).to_be_visible()

    await page.get_by_role('button', name='Try an example').click()
    await expect(page.get_by_label('Company name')).to_have_value('Lumen Ledger')
    await page.get_by_role('button', name='Generate brand kit').click()

    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=20_000)
    for heading in SECTION_HEADINGS:
        await expect(page.get_by_text(heading, exact=True).first).to_be_visible()
    await expect(page.get_by_text('offline engine').first).to_be_visible()
    await expect(page.locator('img[src^="data:image/svg+xml"]').first).to_be_visible()
    assert dialogs == []

    await page.evaluate('window.scrollTo(0, 0)')
    await page.screenshot(path=str(ROOT / 'test-results' / 'studio-offline.png'), full_page=False)


async def test_the_form_refuses_an_empty_profile_with_field_messages(app_server: AppServer, browser: Browser) -> None:
    page = await browser.new_page()
    await page.goto(app_server.url)
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Required').first).to_be_visible()
    await expect(page.get_by_text('Your brand kit is ready')).to_have_count(0)


async def test_the_page_shell_shows_the_header_and_intro_before_the_app_has_started(
    app_server: AppServer, browser: Browser
) -> None:
    page = await browser.new_page(viewport={'width': 412, 'height': 823})
    # without Quasar the app never mounts: what remains is what a slow phone shows while the scripts download
    await page.route('**/quasar.umd.prod.js', lambda route: route.abort())
    await page.goto(app_server.url)
    shell = page.locator('.bs-shell')
    await expect(shell.get_by_text('Brandsmith', exact=True)).to_be_visible()
    await expect(shell.get_by_text(theme.STUDIO_INTRO)).to_be_visible()
    await expect(page.get_by_label('Company name')).to_have_count(0)
    shell_intro = await shell.locator('.bs-intro').bounding_box()

    page = await browser.new_page(viewport={'width': 412, 'height': 823})
    await page.goto(app_server.url)
    await expect(page.get_by_label('Company name')).to_be_visible()
    await expect(page.locator('.bs-shell')).to_be_hidden()
    app_intro = page.locator('#main').get_by_text(theme.STUDIO_INTRO)
    await expect(app_intro).to_be_visible()
    # the app draws the intro exactly where the shell had it, so nothing jumps when it takes over
    assert await app_intro.bounding_box() == shell_intro


async def test_the_share_page_shows_the_kit_heading_as_text_with_no_script_at_all(
    app_server: AppServer, browser: Browser
) -> None:
    """The share page is server-rendered: what a slow phone shows before any script has run is the whole page."""
    name = 'Ada & <b>Sons</b>'
    async with httpx.AsyncClient(base_url=app_server.url, timeout=60) as client:
        profile = (await client.get('/api/v1/example-company-profile')).json()
        body = {'company_profile': {**profile, 'name': name}, 'num_variations': 1, 'focus': 'tagline'}
        kit = (await client.post('/api/v1/generate-branding', json=body)).raise_for_status().json()
    url = f'{app_server.url}/kit/{kit["id"]}'
    heading = f'{name}: brand kit'

    context = await browser.new_context(viewport={'width': 412, 'height': 823}, java_script_enabled=False)
    page = await context.new_page()
    await page.goto(url)
    without_script = page.get_by_role('heading', name=heading, level=1)
    await expect(without_script).to_have_text(heading)  # the markup in the name is shown, not used
    await expect(page.locator('h1 b')).to_have_count(0)
    await expect(page.get_by_text(kit['taglines'][0]['text'], exact=True)).to_be_visible()
    box_without_script = await without_script.bounding_box()
    await context.close()

    page = await browser.new_page(viewport={'width': 412, 'height': 823})
    await page.goto(url)
    with_script = page.get_by_role('heading', name=heading, level=1)
    await expect(with_script).to_be_visible()
    assert await with_script.bounding_box() == box_without_script, 'the script moves nothing'


async def test_the_brand_colours_come_with_quasar_not_from_an_element_on_each_page(
    app_server: AppServer, browser: Browser
) -> None:
    page = await browser.new_page()
    component_modules: list[str] = []
    page.on('request', lambda request: component_modules.append(request.url) if '/components/' in request.url else None)
    await page.goto(app_server.url)
    generate = page.get_by_role('button', name='Generate brand kit')
    await expect(generate).to_have_css('background-color', 'rgb(67, 56, 202)')  # theme.BRAND_PRIMARY
    assert component_modules, 'the studio loads NiceGUI component modules'
    assert not [url for url in component_modules if url.endswith('/colors.js')]
