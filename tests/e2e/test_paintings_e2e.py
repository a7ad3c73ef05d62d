"""Paintings in a real Chromium: the app as its own process paints each logo concept through the real Together SDK on
the fake image server; the vector marks come first, each painting loads beside its mark from this instance, and the
marks do not move when it does, nor when a painting is made again from the card."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.async_api import Browser, Locator, expect

from tests.conftest import AppServer
from tests.fakes.images import image_reply, painted, picture
from tests.fakes.provider_server import FakeProviderServer

pytestmark = pytest.mark.e2e

KEY = 'e2e-paint-key-DO-NOT-LEAK-654'
PAINTING_S = 10.0  # longer than the kit waits for its paintings (BRANDSMITH_SECTION_BUDGET)
PLACE = 'el => { const box = el.getBoundingClientRect(); return [box.left, box.top, box.width, box.height] }'


async def in_card(element: Locator, heading: Locator) -> list[float]:
    """Where `element` sits relative to its card's heading, and its size."""
    left, top, width, height = await element.evaluate(PLACE)
    card_left, card_top, _, _ = await heading.evaluate(PLACE)
    return [left - card_left, top - card_top, width, height]


@pytest.fixture(scope='module')
def image_server() -> Iterator[FakeProviderServer]:
    server = FakeProviderServer()
    server.start()
    server.respond_with('together_images', lambda _: painted(seconds=PAINTING_S))
    yield server
    server.stop()


@pytest.fixture(scope='module')
def painting_app(image_server: FakeProviderServer) -> Iterator[AppServer]:
    env = image_server.provider_settings(KEY, providers='offline', images='auto')
    env |= {'OPENAI_COMPAT_IMAGE_MODEL': '', 'BRANDSMITH_IMAGE_TIMEOUT': '30', 'BRANDSMITH_SECTION_BUDGET': '0.5'}
    with AppServer(extra_env=env) as server:
        yield server
        server.stop()
        assert KEY not in server.output()


async def test_paintings_load_beside_the_vector_marks_without_moving_them(
    painting_app: AppServer, image_server: FakeProviderServer, browser: Browser
) -> None:
    page = await browser.new_page(viewport={'width': 1440, 'height': 1000})
    await page.goto(painting_app.url)
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_role('button', name='Generate brand kit').click()

    marks = page.locator('img[alt$="on a light background"]')
    await expect(marks.first).to_be_visible(timeout=20_000)
    for title in ('Taglines', 'Colour palette', 'Typography', 'Brand guidelines'):
        await expect(page.get_by_text(title, exact=True).first).to_be_visible(timeout=20_000)
    paintings = page.locator('img[alt^="Painting of"]')
    await expect(paintings).to_have_count(0)  # every card first, then the paintings
    # the kit is ready (and its owner's controls drawn) before the paintings, which take longer than it waits
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=60_000)
    card_heading = page.get_by_text('Logo concepts', exact=True).first
    count = await marks.count()
    before = await in_card(marks.first, card_heading)
    assert await paintings.count() == 0

    await expect(paintings).to_have_count(count, timeout=30_000)
    for index in range(count):
        painting = paintings.nth(index)
        await painting.scroll_into_view_if_needed()
        await expect(painting).to_be_visible()
        await page.wait_for_function(
            'img => img.complete && img.naturalWidth === 1024', arg=await painting.element_handle()
        )
        assert (await painting.get_attribute('src') or '').startswith('/api/v1/kits/')
    assert await in_card(marks.first, card_heading) == before  # inside the logo card nothing moves
    await expect(page.locator('img[alt^="The painting traced"]')).to_have_count(count)

    # a painting made again from the card: the new picture loads in place of the old one, and nothing moves
    image_server.script('together_images', image_reply(picture(ink=(13, 148, 136)), seconds=1.0))
    old_source = await paintings.first.get_attribute('src') or ''
    old_bytes = await (await page.request.get(painting_app.url + old_source)).body()
    await page.get_by_role('button', name=re.compile(r'^Repaint the .* logo concept with a new seed$')).first.click()
    await expect(page.get_by_text('New painting of logo concept 1').first).to_be_visible(timeout=20_000)
    repainted = page.locator('img[alt^="Painting of"]').first
    await expect(repainted).not_to_have_attribute('src', old_source)
    new_source = await repainted.get_attribute('src') or ''
    assert new_source.split('?')[0] == old_source.split('?')[0]
    await repainted.scroll_into_view_if_needed()
    await expect(repainted).to_be_visible()
    await page.wait_for_function(
        'img => img.complete && img.naturalWidth === 1024', arg=await repainted.element_handle()
    )
    assert await (await page.request.get(painting_app.url + new_source)).body() != old_bytes
    assert await in_card(marks.first, card_heading) == before

    # the share page of the first version shows that version's paintings, loaded from this instance; the kit's
    # page shows the new one
    kit_id = new_source.split('/')[4]
    for query, expected in (('?rev=1', old_bytes), ('', None)):
        shared = await browser.new_page(viewport={'width': 1280, 'height': 900})
        await shared.goto(f'{painting_app.url}/kit/{kit_id}{query}')
        pictures = shared.locator('img[alt^="Painting of"]')
        await expect(pictures).to_have_count(count)
        await expect(shared.locator('img[alt^="The painting traced"]')).to_have_count(count)
        first = pictures.first
        await first.scroll_into_view_if_needed()
        await shared.wait_for_function(
            'img => img.complete && img.naturalWidth === 1024', arg=await first.element_handle()
        )
        shown = await (await shared.request.get(painting_app.url + (await first.get_attribute('src') or ''))).body()
        assert shown == (
            expected if expected is not None else await (await page.request.get(painting_app.url + new_source)).body()
        )
        await shared.close()
