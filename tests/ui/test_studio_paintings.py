"""Paintings in the studio's logo card, through NiceGUI's simulated User and app.py: the real Together SDK paints
each concept on the fake image server; the card shows the vector mark, then the painting (served by this instance)
and its trace beside it; when painting fails the card says why and the kit is whole, with no error logged."""

from __future__ import annotations

import io
import logging

import pytest
from nicegui import ui
from nicegui.testing import User
from PIL import Image

from tests.fakes.images import FAILURES, painted
from tests.fakes.provider_server import FakeProviderServer

pytest_plugins = ['tests.fakes.plugin']

KEY = 'studio-paint-key-DO-NOT-LEAK-321'


@pytest.fixture
def images(provider_server: FakeProviderServer, monkeypatch: pytest.MonkeyPatch) -> FakeProviderServer:
    """Set before the `user` fixture runs app.py: chat from the offline engine, paintings from the fake Together."""
    env = provider_server.provider_settings(KEY, providers='offline', images='auto')
    env |= {'BRANDSMITH_IMAGE_TIMEOUT': '1', 'OPENAI_COMPAT_IMAGE_MODEL': ''}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return provider_server


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
