"""Logo paintings on the share page (app.py, NiceGUI's user simulation; paintings from the real Together SDK against
the fake image server): the page of the kit now shows each concept's painting as it is now, the page of a fixed
revision (`/kit/{id}?rev=N`) the painting that revision had, with its own note, after the concept was painted again."""

from __future__ import annotations

import io
from typing import Any

import pytest
from nicegui.testing import User
from PIL import Image

from tests.api.conftest import profile_with
from tests.fakes.images import FAILURES, image_reply, paint_with, painted, picture
from tests.fakes.provider_server import FakeProviderServer
from tests.parsed_html import ParsedPage

pytest_plugins = ['tests.fakes.plugin']

KEY = 'share-paint-key-DO-NOT-LEAK-654'
TEAL = (13, 148, 136)
PROFILE = profile_with(name='Fernbrook')


@pytest.fixture
def images(provider_server: FakeProviderServer, monkeypatch: pytest.MonkeyPatch) -> FakeProviderServer:
    """Set before the `user` fixture runs app.py: chat from the offline engine, paintings from the fake Together."""
    return paint_with(provider_server, monkeypatch, KEY, timeout_s=10)


async def make_kit(user: User) -> dict[str, Any]:
    body = {'company_profile': PROFILE, 'num_variations': 2, 'focus': 'logo', 'seed': 11}
    response = await user.http_client.post('/api/v1/generate-branding', json=body)
    assert response.status_code == 200, response.text[:300]
    kit: dict[str, Any] = response.json()
    return kit


def painting_sources(page: ParsedPage, kit_id: str) -> dict[int, str]:
    """Each concept's painting on the page by concept index: the <img> sources on this kit's painting route."""
    found: dict[int, str] = {}
    for source in page.values('src'):
        if source.startswith(f'/api/v1/kits/{kit_id}/logos/'):
            index = int(source.split('/')[6])
            assert index not in found, f'two paintings of concept {index}'
            found[index] = source
    return found


def ink(png: bytes) -> tuple[int, int, int]:
    with Image.open(io.BytesIO(png)) as image:
        return image.convert('RGB').getpixel((300, 300))  # type: ignore[return-value]


async def test_a_revision_s_share_page_shows_the_paintings_it_had(images: FakeProviderServer, user: User) -> None:
    http = user.http_client
    images.respond_with('together_images', lambda _: painted())
    kit = await make_kit(user)
    kit_id = kit['id']
    first = (await http.get(f'/api/v1/kits/{kit_id}/logos/1/image.png')).content
    images.script('together_images', image_reply(picture(ink=TEAL)))
    assert (await http.post(f'/api/v1/kits/{kit_id}/logos/1/repaint')).status_code == 200
    assert (await http.get(f'/api/v1/kits/{kit_id}/revisions')).json()['latest'] == 2
    then = (await http.get(f'/api/v1/kits/{kit_id}', params={'rev': 1})).json()
    now = (await http.get(f'/api/v1/kits/{kit_id}')).json()
    assert then['logos'][1]['painting'] != now['logos'][1]['painting']  # a new painting has a record of its own

    fixed = ParsedPage((await http.get(f'/kit/{kit_id}?rev=1')).text)
    latest = ParsedPage((await http.get(f'/kit/{kit_id}')).text)

    old, new = painting_sources(fixed, kit_id), painting_sources(latest, kit_id)
    assert sorted(old) == sorted(new) == [0, 1]
    assert all(source.endswith('?rev=1') for source in old.values())
    assert not any('rev=' in source for source in new.values())  # the kit now: its paintings as shown now
    assert old[1] != new[1]
    served = {index: (await http.get(source)).content for index, source in old.items()}
    assert served[1] == first and ink(first) == (30, 58, 138)
    assert ink((await http.get(new[1])).content) == TEAL
    assert served[0] == (await http.get(new[0])).content  # concept 0 was not painted again
    for page, saved in ((fixed, then), (latest, now)):  # each painting with its own record, as the studio says it
        for concept in saved['logos']:
            painting = concept['painting']
            assert f'Painted by {painting["provider"]} ({painting["model"]})' in page.visible_text
            assert painting['note'] and painting['note'] in page.visible_text
            assert 'data:image/svg+xml;base64,' in ''.join(page.values('src'))  # its trace beside it
    assert KEY not in str(fixed.attributes) + fixed.visible_text


async def test_a_concept_that_was_not_painted_says_why_on_the_share_page(
    images: FakeProviderServer, user: User
) -> None:
    images.respond_with('together_images', lambda _: FAILURES['500']())
    kit = await make_kit(user)

    page = ParsedPage((await user.http_client.get(f'/kit/{kit["id"]}')).text)

    assert not painting_sources(page, kit['id'])
    for concept in kit['logos']:
        assert concept['painting']['status'] == 'error'
        assert f'No painting: {concept["painting"]["note"]}' in page.visible_text
