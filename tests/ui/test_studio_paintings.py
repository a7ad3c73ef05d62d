"""Paintings in the studio's logo card, through NiceGUI's simulated User and app.py: the real Together SDK paints
each concept on the fake image server; the card shows the vector mark, then the painting (served by this instance)
and its trace beside it; when painting fails the card says why and the kit is whole, with no error logged."""

from __future__ import annotations

import asyncio
import base64
import io
import logging

import pytest
from nicegui import ui
from nicegui.testing import User
from PIL import Image

from branding.images.cost import PaintingPrice, dollars
from tests.fakes.images import FAILURES, image_reply, paint_with, painted, picture
from tests.fakes.provider_server import FakeProviderServer

pytest_plugins = ['tests.fakes.plugin']

KEY = 'studio-paint-key-DO-NOT-LEAK-321'


@pytest.fixture
def images(provider_server: FakeProviderServer, monkeypatch: pytest.MonkeyPatch) -> FakeProviderServer:
    """Set before the `user` fixture runs app.py: chat from the offline engine, paintings from the fake Together."""
    return paint_with(provider_server, monkeypatch, KEY, timeout_s=10)


async def generate(user: User) -> None:
    await user.open('/')
    user.find(marker='try-example').click()
    user.find(marker='generate').click()
    await user.should_see('Your brand kit is ready', retries=150)


async def test_each_painting_appears_beside_its_vector_mark(
    images: FakeProviderServer, user: User, caplog: pytest.LogCaptureFixture
) -> None:
    images.respond_with('together_images', lambda _: painted())
    await generate(user)

    await user.should_see(marker='painting-image')
    await user.should_see('Painted by together (together-image-model)')
    paintings = user.find(kind=ui.image, marker='painting-image').elements
    marks = user.find(marker='logo-preview-light').elements
    assert len(paintings) == len(marks) == len(images.requests('together_images')) >= 1
    for painting in paintings:
        assert isinstance(painting, ui.image) and painting.source.startswith('/api/v1/kits/')
        served = await user.http_client.get(painting.source)
        assert served.status_code == 200
        with Image.open(io.BytesIO(served.content)) as image:
            assert image.size == (1024, 1024)
    assert len(user.find(marker='painting-trace').elements) == len(paintings)
    assert KEY not in caplog.text


@pytest.mark.parametrize('failure', ['500', 'wrong size', 'an HTML page'])
async def test_a_failed_painting_is_explained_and_the_kit_is_whole(
    images: FakeProviderServer, user: User, caplog: pytest.LogCaptureFixture, failure: str
) -> None:
    images.respond_with('together_images', lambda _: FAILURES[failure]())
    caplog.set_level(logging.INFO)
    await generate(user)

    await user.should_see(marker='painting-note')
    await user.should_see('No painting: together: ')
    await user.should_see(marker='logo-preview-light')
    await user.should_not_see(marker='painting-image')
    assert KEY not in caplog.text


@pytest.fixture
def slow_images(images: FakeProviderServer, monkeypatch: pytest.MonkeyPatch) -> FakeProviderServer:
    """The kit waits 0.3 s for paintings that take 1 s."""
    monkeypatch.setenv('BRANDSMITH_SECTION_BUDGET', '0.3')
    monkeypatch.setenv('BRANDSMITH_IMAGE_TIMEOUT', '5')
    return images


async def test_a_painting_that_comes_after_the_kit_is_ready_still_appears(
    slow_images: FakeProviderServer, user: User
) -> None:
    images = slow_images
    images.respond_with('together_images', lambda _: painted(seconds=1.0))
    await generate(user)
    await user.should_not_see(marker='painting-image')

    await user.should_see(marker='painting-image', retries=100)
    paintings = user.find(kind=ui.image, marker='painting-image').elements
    assert len(paintings) == len(user.find(marker='logo-preview-light').elements)
    for painting in paintings:
        assert isinstance(painting, ui.image)
        assert (await user.http_client.get(painting.source)).status_code == 200


def painting_sources(user: User) -> dict[str, str]:
    """Each painting's address by its path (the concept's), with the version the page loads it at."""
    sources = [getattr(element, 'source', '') for element in user.find(kind=ui.image, marker='painting-image').elements]
    return {source.split('?')[0]: source for source in sources}


async def changed_sources(user: User, before: dict[str, str]) -> dict[str, str]:
    """The paintings' addresses once one of them is not what it was, as the page shows them (for up to 5 s)."""
    for _ in range(100):
        now = painting_sources(user)
        if now != before:
            return now
        await asyncio.sleep(0.05)
    return painting_sources(user)


async def test_a_painting_is_made_again_from_the_card_with_a_new_seed(images: FakeProviderServer, user: User) -> None:
    images.respond_with('together_images', lambda _: painted())
    await generate(user)
    await user.should_see(marker='repaint-0')
    before = painting_sources(user)
    images.script('together_images', image_reply(picture(ink=(13, 148, 136))))

    user.find(marker='repaint-0').click()

    await user.should_see('New painting of logo concept 1', retries=100)
    after = await changed_sources(user, before)
    first = next(path for path in after if '/logos/0/' in path)
    assert after.keys() == before.keys()  # from the same paths, kept with the kit
    assert after[first] != before[first]  # its own new picture loads (and fades in) anew
    assert {path: after[path] for path in after if path != first} == {p: before[p] for p in before if p != first}
    served = await user.http_client.get(after[first])
    with Image.open(io.BytesIO(served.content)) as image:
        assert image.convert('RGB').getpixel((300, 300)) == (13, 148, 136)
    seeds = [request.body['seed'] for request in images.requests('together_images')]
    assert seeds[-1] not in seeds[:-1]
    kit_id = first.split('/')[4]
    revisions = (await user.http_client.get(f'/api/v1/kits/{kit_id}/revisions')).json()['items']
    assert revisions[-1]['summary'] == 'New painting of logo concept 1'  # a new version of the kit


async def test_a_trace_is_made_the_mark_from_the_card(images: FakeProviderServer, user: User) -> None:
    images.respond_with('together_images', lambda _: painted())
    await generate(user)
    await user.should_see(marker='use-trace-1')
    await user.should_not_see(marker='trace-is-mark-1')

    user.find(marker='use-trace-1').click()

    await user.should_see(marker='trace-is-mark-1', retries=100)
    await user.should_see('The traced painting is now the mark of logo 2')
    await user.should_not_see(marker='use-trace-1')
    assert len(user.find(marker='use-trace-0').elements) == 1  # the other concept keeps its engine mark
    kit_id = next(iter(painting_sources(user))).split('/')[4]
    kit = (await user.http_client.get(f'/api/v1/kits/{kit_id}')).json()
    assert kit['chosen_logo'] == 1 and kit['logos'][1]['svg'] == kit['logos'][1]['traced_svg']
    # the card shows the concept's new files, drawn from the trace: full colour on white, reversed on dark, the icon
    shown = {_svg_of(element) for element in user.find(kind=ui.image).elements}
    for name in ('primary', 'reversed', 'icon'):
        assert kit['logos'][1]['variants'][name].encode() in shown, name


def _svg_of(element: ui.element) -> bytes:
    source = getattr(element, 'source', '')
    prefix = 'data:image/svg+xml;base64,'
    return base64.b64decode(source[len(prefix) :]) if source.startswith(prefix) else b''


async def test_the_card_says_what_the_paintings_cost(slow_images: FakeProviderServer, user: User) -> None:
    slow_images.respond_with('together_images', lambda _: painted(seconds=1.0))
    await user.open('/')
    user.find(marker='try-example').click()
    user.find(marker='generate').click()

    await user.should_see(marker='logo-preview-light', retries=150)
    concepts = len(user.find(marker='logo-preview-light').elements)
    estimate = PaintingPrice(size=1024, per_megapixel=0.0027)
    await user.should_see(
        f'Painting {concepts} concepts with the image model: about {dollars(estimate.of(concepts))} '
        f'({concepts} x 1.05 MP at $0.0027/MP).'
    )
    await user.should_see(f'{concepts} of {concepts} paintings made: {dollars(estimate.of(concepts))}', retries=150)
    await user.should_see('cost about $0.0028 (1.05 MP at $0.0027/MP)')


async def test_the_form_says_what_the_paintings_would_cost_before_generating(
    images: FakeProviderServer, user: User
) -> None:
    await user.open('/')
    price = PaintingPrice(size=1024, per_megapixel=0.0027)
    await user.should_see(
        f'With paintings: about {dollars(price.of(3))} for 3 logo concepts (1.05 MP at $0.0027/MP each).'
    )

    variations = user.find(marker='field-variations').elements.pop()
    assert isinstance(variations, ui.number)
    variations.set_value(5)
    await user.should_see(f'With paintings: about {dollars(price.of(5))} for 5 logo concepts')
    assert dollars(price.of(5)) == '$0.0142'

    focus = user.find(marker='field-focus').elements.pop()
    assert isinstance(focus, ui.select)
    focus.set_value('palette')  # a palette alone paints nothing
    await user.should_not_see(marker='painting-estimate')
    focus.set_value('logo')
    await user.should_see(marker='painting-estimate')
    assert not images.requests('together_images')  # an estimate, nothing painted


async def test_no_estimate_without_an_image_provider(user: User) -> None:
    await user.open('/')
    await user.should_see(marker='generate')
    await user.should_not_see(marker='painting-estimate')
